import { useEffect, useRef, useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared/activities/activity.schema';
import { useDeferredRemove } from '../../data/deferred-delete';
import { useRestoreRecord } from '../../data/writes';
import { useFormFocus } from '../../hooks/useOpenForm';
import { useI18n } from '../../i18n/I18nContext';
import { ChangeError } from '../ChangeError';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS, minWidth: 0 },
  question: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type DeleteActivityProps = {
  activity: Activity;
  /** Deleted (true) or brought back by Undo (false): the entry hides its other actions while deleted. */
  onDeleted: (deleted: boolean) => void;
  /** The confirmation was cancelled, or the user is done with the deleted entry. */
  onClose: () => void;
  /** Reads the activity again (after a refusal because someone changed it first). */
  onReload: () => void;
};

/**
 * Deleting an activity after a confirmation in place; then "Deleted" with Undo, which restores it. The lists showing it
 * are read again when the user closes the notice or leaves, so Undo stays where the entry was.
 */
export function DeleteActivity({ activity, onDeleted, onClose, onReload }: DeleteActivityProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const focus = useFormFocus<HTMLDivElement>(onClose);
  const { remove, settle } = useDeferredRemove('activity');
  const restore = useRestoreRecord('activity');
  const [deleted, setDeleted] = useState<Activity | null>(null);
  // Leaving with the activity deleted (the entry closes, the view changes): the lists drop it then.
  const pending = useRef<Activity | null>(null);
  pending.current = deleted;
  useEffect(() => () => void (pending.current && settle(pending.current)), []); // eslint-disable-line react-hooks/exhaustive-deps

  const sendDelete = () =>
    remove.mutate(
      { record: activity },
      {
        onSuccess: () => {
          setDeleted(activity);
          onDeleted(true);
        },
      },
    );
  const undo = () =>
    deleted &&
    restore.mutate(
      { deleted },
      {
        onSuccess: () => {
          setDeleted(null);
          onDeleted(false);
          onClose();
        },
      },
    );
  const close = () => {
    if (deleted) settle(deleted);
    pending.current = null;
    setDeleted(null);
    onClose();
  };

  if (deleted) {
    return (
      <div className={styles.box} ref={focus.ref} onKeyDown={focus.onKeyDown}>
        <Notice
          intent="success"
          actions={
            <>
              <Button size="small" disabled={restore.isPending} onClick={undo}>
                {t('delete.undo')}
              </Button>
              <Button size="small" appearance="subtle" disabled={restore.isPending} onClick={close}>
                {t('activity.close')}
              </Button>
            </>
          }
        >
          {t('activity.deleted', { subject: deleted.subject })}
        </Notice>
        {restore.error ? <ErrorMessage error={restore.error} title={t('delete.undoFailed')} onRetry={undo} /> : null}
      </div>
    );
  }
  return (
    <div className={styles.box} role="group" aria-label={t('activity.deleteConfirm', { subject: activity.subject })} ref={focus.ref} onKeyDown={focus.onKeyDown}>
      <Text className={styles.question}>{t('activity.deleteConfirm', { subject: activity.subject })}</Text>
      {remove.error ? <ChangeError error={remove.error} onRetry={sendDelete} onReload={onReload} /> : null}
      <div className={styles.actions}>
        <Button appearance="primary" size="small" disabled={remove.isPending} onClick={sendDelete}>
          {remove.isPending ? t('delete.deleting') : t('delete.confirmButton')}
        </Button>
        <Button size="small" disabled={remove.isPending} onClick={onClose}>
          {t('delete.cancel')}
        </Button>
      </div>
    </div>
  );
}
