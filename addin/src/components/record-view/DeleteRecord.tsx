import { useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RecordFor } from '../../api/api-types';
import { useRecord } from '../../data/queries';
import { useRemoveRecord, useRestoreRecord } from '../../data/writes';
import { useCanEdit } from '../../hooks/useMe';
import { useI18n } from '../../i18n/I18nContext';
import type { OpenableKind } from '../../taskpane/record-navigation';
import { ChangeError } from '../ChangeError';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';
import { recordTitle } from './record-title';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS, minWidth: 0 },
  question: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type DeleteRecordProps<K extends OpenableKind> = {
  kind: K;
  /** The record as read: deleted at this version. */
  record: RecordFor<K>;
  /**
   * Called when the user leaves the deleted record (Back on the "Deleted" notice): the view goes back. Until then the
   * notice offers Undo. The record's own query is dropped by the delete, so keep this mounted with the record it had.
   */
  onDeleted?: () => void;
  /** Called when Undo brought the record back, with it as restored (its new version). */
  onRestored?: (record: RecordFor<K>) => void;
  /** Whether the user may delete it, for a kind a capability keeps (a campaign); else its owner, a manager or an admin. */
  allowed?: boolean;
};

/**
 * Delete a record (soft), for whoever may change it (its owner, a manager or an admin; the API's rule), after a
 * confirmation in place; then "Deleted" with Undo, which restores it.
 */
export function DeleteRecord<K extends OpenableKind>(props: DeleteRecordProps<K>) {
  const canEdit = useCanEdit(props.record);
  if (!(props.allowed ?? canEdit)) return null;
  return <Deleting {...props} />;
}

function Deleting<K extends OpenableKind>({ kind, record, onDeleted, onRestored }: DeleteRecordProps<K>) {
  const styles = useStyles();
  const { t } = useI18n();
  const remove = useRemoveRecord(kind);
  const restore = useRestoreRecord(kind);
  const [step, setStep] = useState<'idle' | 'confirming' | 'deleted' | 'restored'>('idle');
  // What was deleted, as it was: Undo restores it at its deleted version, whatever the view shows meanwhile.
  const [deleted, setDeleted] = useState<RecordFor<K> | null>(null);
  // The record at its latest version in the pane (after an Undo, the restored one); not read once it is deleted.
  const live = useRecord(kind, step === 'deleted' ? null : record.id, { initial: record });
  const current = live.data && live.data.version >= record.version ? live.data : record;
  const name = recordTitle(kind, current);

  const sendDelete = () =>
    remove.mutate(
      { record: current },
      {
        onSuccess: () => {
          setDeleted(current);
          setStep('deleted');
        },
      },
    );
  const undo = () => {
    if (!deleted) return;
    restore.mutate(
      { deleted },
      {
        onSuccess: (restored) => {
          setDeleted(null);
          setStep('restored');
          onRestored?.(restored as RecordFor<K>);
        },
      },
    );
  };

  if (step === 'deleted') {
    return (
      <div className={styles.box}>
        <Notice
          intent="success"
          actions={
            <>
              <Button size="small" disabled={restore.isPending} onClick={undo}>
                {t('delete.undo')}
              </Button>
              {onDeleted ? (
                <Button size="small" appearance="subtle" disabled={restore.isPending} onClick={onDeleted}>
                  {t('delete.back')}
                </Button>
              ) : null}
            </>
          }
        >
          {t('delete.done')}
        </Notice>
        {restore.error ? <ErrorMessage error={restore.error} title={t('delete.undoFailed')} onRetry={undo} /> : null}
      </div>
    );
  }

  if (step === 'confirming') {
    return (
      <div className={styles.box} role="group" aria-label={t('delete.confirm', { name })}>
        <Text className={styles.question}>{t('delete.confirm', { name })}</Text>
        {remove.error ? <ChangeError error={remove.error} onRetry={sendDelete} onReload={() => void live.refetch()} /> : null}
        <div className={styles.actions}>
          <Button appearance="primary" size="small" disabled={remove.isPending} onClick={sendDelete}>
            {remove.isPending ? t('delete.deleting') : t('delete.confirmButton')}
          </Button>
          <Button
            size="small"
            disabled={remove.isPending}
            onClick={() => {
              remove.reset();
              setStep('idle');
            }}
          >
            {t('delete.cancel')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className={styles.box}>
      {step === 'restored' ? <Notice intent="success">{t('delete.restored')}</Notice> : null}
      <Button size="small" onClick={() => setStep('confirming')}>
        {t('delete.button')}
      </Button>
    </div>
  );
}
