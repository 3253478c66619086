import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { Quote } from '@rapport/shared/quotes/quote.schema';
import { quoteReference } from '@rapport/shared/quotes/quote.rules';
import { useDeferredRemove } from '../../data/deferred-delete';
import { useI18n } from '../../i18n/I18nContext';
import { ChangeError } from '../ChangeError';

const useStyles = makeStyles({
  question: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowWrap: 'anywhere',
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type DeleteDraftProps = {
  /** The draft as read: deleted at this version (If-Match). */
  quote: Quote;
  /** The rep's changes not saved yet: they go with the draft, and the question says so. */
  dirty: boolean;
  /** Reads the quote again (after someone else changed it first). */
  reload: () => void;
  /** Whether the question is asked: the editor's other actions step back meanwhile (one primary action). */
  confirming: boolean;
  onConfirming: (confirming: boolean) => void;
  /**
   * Called once the draft is deleted, with it as it was. The quote's lists are read again only when the section calls
   * the deferred delete's `settle`, after this view has left (it would read a deleted quote again).
   */
  onDeleted: (quote: Quote) => void;
};

/**
 * Delete a draft quote (the customer never had it), after the rep confirms in place. A quote someone changed since it
 * was read is refused (412): the pane says who and offers Reload, then the rep confirms again at the new version.
 */
export function DeleteDraft({ quote, dirty, reload, confirming, onConfirming, onDeleted }: DeleteDraftProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { remove } = useDeferredRemove('quote');
  const reference = quoteReference(quote);
  const sendDelete = () => remove.mutate({ record: quote }, { onSuccess: () => onDeleted(quote) });

  if (!confirming) {
    return (
      <div>
        <Button appearance="subtle" icon={<DeleteRegular />} onClick={() => onConfirming(true)}>
          {t('quotes.delete')}
        </Button>
      </div>
    );
  }
  return (
    <div className={styles.question} role="group" aria-label={t('quotes.delete')}>
      <Body1>
        {t('quotes.deleteConfirm', { reference })}
        {dirty ? ` ${t('quotes.deleteLosesChanges')}` : ''}
      </Body1>
      {remove.error ? (
        <ChangeError
          error={remove.error}
          onRetry={sendDelete}
          onReload={() => {
            // The draft as it is now; the question stays, to delete it at its new version.
            remove.reset();
            reload();
          }}
        />
      ) : null}
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<DeleteRegular />} disabled={remove.isPending} onClick={sendDelete}>
          {remove.isPending ? t('delete.deleting') : t('delete.confirmButton')}
        </Button>
        <Button
          disabled={remove.isPending}
          onClick={() => {
            remove.reset();
            onConfirming(false);
          }}
        >
          {t('quotes.cancel')}
        </Button>
      </div>
    </div>
  );
}
