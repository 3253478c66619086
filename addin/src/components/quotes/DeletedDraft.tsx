import { Button } from '@fluentui/react-components';
import type { Quote } from '@rapport/shared/quotes/quote.schema';
import { quoteReference } from '@rapport/shared/quotes/quote.rules';
import { useRestoreRecord } from '../../data/writes';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';

export type DeletedDraftProps = {
  /** The draft as it was before its delete: Undo restores it at its deleted version. */
  quote: Quote;
  /** Undo brought it back. */
  restored: boolean;
  onRestored: (quote: Quote) => void;
};

/** Says a draft was deleted, with Undo (a delete is soft), then that it is back. */
export function DeletedDraft({ quote, restored, onRestored }: DeletedDraftProps) {
  const { t } = useI18n();
  const restore = useRestoreRecord('quote');
  const reference = quoteReference(quote);
  const undo = () => restore.mutate({ deleted: quote }, { onSuccess: (back) => onRestored(back as Quote) });
  if (restored) return <Notice intent="success">{t('quotes.restored', { reference })}</Notice>;
  return (
    <>
      <Notice
        intent="success"
        actions={
          <Button size="small" disabled={restore.isPending} onClick={undo}>
            {t('delete.undo')}
          </Button>
        }
      >
        {t('quotes.deleted', { reference })}
      </Notice>
      {restore.error ? <ErrorMessage error={restore.error} title={t('delete.undoFailed')} onRetry={undo} /> : null}
    </>
  );
}
