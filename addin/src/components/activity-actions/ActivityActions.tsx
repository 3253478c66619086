import { Suspense, useRef, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import type { Activity } from '@rapport/shared/activities/activity.schema';
import { taskToggle } from '@rapport/shared/activities/task-toggle.rules';
import { useCachedRecord } from '../../data/cached';
import { setLastAction } from '../../data/last-action';
import { useChangeRecord } from '../../data/writes';
import { useCanEdit } from '../../hooks/useMe';
import { useI18n } from '../../i18n/I18nContext';
import { lazyWithMessages } from '../../i18n/lazy-with-messages';

// The first card lists activities: only these two buttons are in its JavaScript; the menu, its forms and the refusal
// of a stale change load on first use.
const ActivityMenu = lazyWithMessages(() => import('./ActivityMenu'), 'ActivityMenu');

const useStyles = makeStyles({
  // Under the entry's text, in the timeline's second column.
  box: { gridColumn: '2', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/**
 * What the user can do with one activity where it is listed (timeline, My day, calendar, record view): complete or
 * reopen a task, and a menu to snooze, edit or delete it. Shown to its owner and to whoever may change anyone's.
 */
export function ActivityActions({ activity: listed }: { activity: Activity }) {
  const canEdit = useCanEdit(listed);
  // The list is read again after a write; until then the write's answer (in the cache, never read for this: a list of
  // entries costs no request per entry) is the version to change.
  const cached = useCachedRecord('activity', listed.id);
  const activity = cached && cached.version > listed.version ? cached : listed;
  const styles = useStyles();
  const { t } = useI18n();
  const change = useChangeRecord('activity');
  const more = useRef<HTMLButtonElement>(null);
  const [menu, setMenu] = useState<boolean | null>(null);
  const [gone, setGone] = useState(false);
  if (!canEdit) return null;
  const toggle = taskToggle(activity);
  const send = (version = activity.version) =>
    change.mutate(
      { id: activity.id, changes: { status: toggle === 'complete' ? 'done' : 'planned' }, version, previous: activity },
      {
        // A completed task may leave the list it was in (My day): its view says so, with Undo.
        onSuccess: (saved) =>
          setLastAction(toggle === 'complete' ? { what: 'completed', subject: activity.subject, undo: { id: activity.id, version: saved.version, changes: { status: 'planned' } } } : null),
      },
    );
  return (
    <div className={styles.box}>
      {gone ? null : (
        <div className={styles.row}>
          {toggle ? (
            <Button size="small" appearance="subtle" icon={toggle === 'complete' ? <CheckmarkCircleRegular /> : undefined} disabled={change.isPending} onClick={() => send()}>
              {t(toggle === 'complete' ? 'activity.complete' : 'activity.reopen')}
            </Button>
          ) : null}
          <Button
            ref={more}
            size="small"
            appearance="subtle"
            aria-label={t('activity.more', { subject: activity.subject })}
            aria-haspopup="menu"
            aria-expanded={menu === true}
            onClick={() => setMenu(!menu)}
          >
            {/* A glyph, not an icon: the icon's module would weigh on the first card. */}
            <span aria-hidden>⋯</span>
          </Button>
        </div>
      )}
      {menu !== null || change.error ? (
        <Suspense fallback={null}>
          <ActivityMenu activity={activity} open={menu === true} onOpenChange={setMenu} anchor={more} onGone={setGone} toggle={{ error: change.error, retry: send, reset: change.reset }} />
        </Suspense>
      ) : null}
    </div>
  );
}
