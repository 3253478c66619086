import { useEffect, useRef, useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Document } from '@rapport/shared/documents/document.schema';
import { useDeleteDocument } from '../../data/documents';
import { useFormFocus } from '../../hooks/useOpenForm';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', alignItems: 'stretch', gap: tokens.spacingVerticalXS, minWidth: 0 },
  question: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type DeleteDocumentProps = {
  document: Document;
  /** Deleted (true) or brought back by Undo (false): the row hides its other actions while deleted. */
  onDeleted: (deleted: boolean) => void;
  /** The confirmation was cancelled, or the user is done with the deleted document. */
  onClose: () => void;
};

/**
 * Deleting a document after a confirmation in place; then "Deleted" with Undo, which restores it. The record's list is
 * read again when the user closes the notice or leaves, so Undo stays where the document was.
 */
export function DeleteDocument({ document, onDeleted, onClose }: DeleteDocumentProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const focus = useFormFocus<HTMLDivElement>(onClose);
  const { remove, restore, settle } = useDeleteDocument();
  const [deleted, setDeleted] = useState<Document | null>(null);
  // Leaving with the document deleted (the section closes, the record changes): the list drops it then.
  const pending = useRef(false);
  pending.current = deleted !== null;
  useEffect(() => () => void (pending.current && settle()), []); // eslint-disable-line react-hooks/exhaustive-deps

  const sendDelete = () =>
    remove.mutate(
      { document },
      {
        onSuccess: () => {
          setDeleted(document);
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
          pending.current = false;
          setDeleted(null);
          onDeleted(false);
          onClose();
        },
      },
    );
  const close = () => {
    pending.current = false;
    settle();
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
                {t('documents.undo')}
              </Button>
              <Button size="small" appearance="subtle" disabled={restore.isPending} onClick={close}>
                {t('documents.close')}
              </Button>
            </>
          }
        >
          {t('documents.deleted', { name: deleted.name })}
        </Notice>
        {restore.error ? <ErrorMessage error={restore.error} title={t('documents.undoFailed')} onRetry={undo} /> : null}
      </div>
    );
  }
  return (
    <div className={styles.box} role="group" aria-label={t('documents.delete', { name: document.name })} ref={focus.ref} onKeyDown={focus.onKeyDown}>
      <Text className={styles.question}>{t('documents.deleteConfirm', { name: document.name })}</Text>
      {remove.error ? <ErrorMessage error={remove.error} onRetry={sendDelete} /> : null}
      <div className={styles.actions}>
        <Button appearance="primary" size="small" disabled={remove.isPending} onClick={sendDelete}>
          {remove.isPending ? t('documents.deleting') : t('documents.deleteButton')}
        </Button>
        <Button size="small" disabled={remove.isPending} onClick={onClose}>
          {t('documents.cancel')}
        </Button>
      </div>
    </div>
  );
}
