import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity, Thread } from '@rapport/shared';
import { useChangeRecord, useOperationWrite } from '../../data/writes';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';

const useStyles = makeStyles({
  line: { flexBasis: '100%', minWidth: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  text: { minWidth: 0, overflowWrap: 'anywhere' },
});

export type ThreadFollowProps = {
  /** The logged e-mail: its conversation is the thread. */
  activity: Activity;
  /** The rep's thread of it, as the lookup read it (null: not followed, nor stopped). */
  thread: Thread | null;
};

/**
 * Under a logged e-mail: whether its thread is followed (its replies, in and out, are logged without a click), with
 * the one action that changes it. Stopping keeps what was logged; following again picks up from then.
 */
export function ThreadFollow({ activity, thread }: ThreadFollowProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const stop = useChangeRecord('thread');
  const follow = useOperationWrite('followThread');
  const failed = stop.error ?? follow.error;
  const following = thread?.following === true;
  return (
    <div className={styles.line}>
      <Caption1 className={styles.text} role="status">
        {following ? t('thread.following') : t('thread.notFollowing')}
      </Caption1>
      {following && thread ? (
        <Button size="small" appearance="subtle" disabled={stop.isPending} onClick={() => stop.mutate({ id: thread.id, changes: { following: false }, version: thread.version, previous: thread })}>
          {t('thread.stop')}
        </Button>
      ) : (
        <Button size="small" appearance="subtle" disabled={follow.isPending} onClick={() => follow.mutate({ body: { activityId: activity.id } })}>
          {t('thread.follow')}
        </Button>
      )}
      {failed ? <ErrorMessage error={failed} title={t('thread.failed')} /> : null}
    </div>
  );
}
