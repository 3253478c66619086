import { useEffect, useRef, useState } from 'react';
import { Body1, Button, Caption1, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { Quote } from '@rapport/shared/quotes/quote.schema';
import { quoteReference } from '@rapport/shared/quotes/quote.rules';
import { useDeferredRemove } from '../../data/deferred-delete';
import { useDealQuotes, useNewQuote } from '../../data/quotes';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { DeletedDraft } from './DeletedDraft';
import { minorMoney, quoteDetail, shownStatus, statusTones } from './quote-state';
import { QuoteView } from './QuoteView';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none', minWidth: 0 },
  // Each quote is one button: its reference, status and total on top, what happened to it below.
  row: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    minWidth: 0,
    height: 'auto',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
  },
  summary: { overflowWrap: 'anywhere' },
  reference: { fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  // What happened, in the colour of where the quote is (answered, expired); the rest in the muted colour.
  success: { color: tokens.colorPaletteGreenForeground1 },
  danger: { color: tokens.colorPaletteRedForeground1 },
  severe: { color: tokens.colorPaletteDarkOrangeForeground1 },
  brand: {},
  subtle: {},
  informative: {},
});

/** What the section shows: the list, or one quote opened (with what was just done to it). */
type Opened = { id: string; initial?: Quote; notice?: string };
/** The draft just deleted from here, as it was (Undo restores it), and whether Undo brought it back. */
type Deleted = { quote: Quote; restored: boolean };

/**
 * A deal's quotes, newest first: each says its reference, status and total, and what happened to it (opened, accepted
 * by whom, declined and why, expired, replaced), and opens in place. New quote drafts one from the deal and opens it.
 */
export function QuotesSection({ dealId, dealName }: { dealId: string; dealName: string }) {
  const styles = useStyles();
  const translator = useI18n();
  const { t } = translator;
  const quotes = useDealQuotes(dealId);
  const making = useNewQuote();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const { settle } = useDeferredRemove('quote');
  const list = useRef<HTMLDivElement>(null);
  // A deleted draft leaves the list at once, before the list is read again.
  const gone = deleted && !deleted.restored ? deleted.quote : null;
  const items = (quotes.data ?? []).filter((quote) => quote.id !== gone?.id);
  const now = new Date();
  // Its lists are read again once its view has left (that view would read the deleted quote again).
  useEffect(() => {
    if (gone) settle(gone);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per delete; settle is a new function every render
  }, [gone?.id]);

  const open = (next: Opened) => {
    setDeleted(null);
    setOpened(next);
  };
  const newQuote = () => void making.make(dealId).then((quote) => open({ id: quote.id, initial: quote, notice: t('quotes.created') }), () => undefined);
  const back = (from: string) => {
    setOpened(null);
    // The keyboard goes on from the quote it left (or, when it was deleted, from New quote).
    setTimeout(() => (list.current?.querySelector<HTMLElement>(`[data-quote="${from}"]`) ?? list.current?.querySelector<HTMLElement>('[data-new-quote]'))?.focus(), 0);
  };

  if (opened) {
    return (
      <QuoteView
        key={opened.id}
        id={opened.id}
        initial={opened.initial}
        others={items}
        notice={opened.notice}
        onBack={() => back(opened.id)}
        onOpen={(quote, notice) => open({ id: quote.id, initial: quote, notice })}
        onDeleted={(quote) => {
          setDeleted({ quote, restored: false });
          back(quote.id);
        }}
      />
    );
  }
  return (
    <div className={styles.body} ref={list}>
      <div>
        <Button data-new-quote icon={<AddRegular />} appearance={items.length === 0 ? 'primary' : 'secondary'} disabled={making.isPending} onClick={newQuote}>
          {making.isPending ? t('quotes.creating') : t('quotes.new')}
        </Button>
      </div>
      {deleted ? <DeletedDraft quote={deleted.quote} restored={deleted.restored} onRestored={() => setDeleted({ ...deleted, restored: true })} /> : null}
      {making.error ? <ErrorMessage error={making.error} onRetry={newQuote} /> : null}
      {quotes.isPending ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {quotes.isError ? <ErrorMessage error={quotes.error} onRetry={() => void quotes.refetch()} /> : null}
      {quotes.isSuccess && items.length === 0 ? <Body1>{t('quotes.empty')}</Body1> : null}
      {items.length > 0 ? (
        <ul className={styles.list} aria-label={t('quotes.of', { name: dealName })}>
          {items.map((quote) => {
            const status = shownStatus(quote, now);
            return (
              <li key={quote.id}>
                <Button appearance="subtle" className={styles.row} data-quote={quote.id} onClick={() => open({ id: quote.id, initial: quote })}>
                  {/* "Q-3 v2 · Sent · €2,783.00", then what happened to it: what the button is called, too. */}
                  <span className={styles.summary}>
                    <span className={styles.reference}>{quoteReference(quote)}</span>
                    {` · ${t(`quotes.status.${status}`)} · ${minorMoney(translator, quote.totals.total, quote.currency)}`}
                  </span>
                  <Caption1 className={mergeClasses(styles.detail, styles[statusTones[status]])}>{quoteDetail(translator, quote, items, now)}</Caption1>
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
