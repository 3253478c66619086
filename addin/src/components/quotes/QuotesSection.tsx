import { useRef, useState } from 'react';
import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { Quote } from '@rapport/shared/quotes/quote.schema';
import { quoteReference } from '@rapport/shared/quotes/quote.rules';
import { useDealQuotes, useNewQuote } from '../../data/quotes';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { StatusBadge } from '../StatusBadge';
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
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  reference: { fontWeight: tokens.fontWeightSemibold },
  total: { marginInlineStart: 'auto', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  detail: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** What the section shows: the list, or one quote opened (with what was just done to it). */
type Opened = { id: string; initial?: Quote; notice?: string };

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
  const list = useRef<HTMLDivElement>(null);
  const items = quotes.data ?? [];
  const now = new Date();

  const newQuote = () => void making.make(dealId).then((quote) => setOpened({ id: quote.id, initial: quote, notice: t('quotes.created') }), () => undefined);
  const back = (from: string) => {
    setOpened(null);
    // The keyboard goes on from the quote it left.
    setTimeout(() => list.current?.querySelector<HTMLElement>(`[data-quote="${from}"]`)?.focus(), 0);
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
        onOpen={(quote, notice) => setOpened({ id: quote.id, initial: quote, notice })}
      />
    );
  }
  return (
    <div className={styles.body} ref={list}>
      <div>
        <Button icon={<AddRegular />} appearance={items.length === 0 ? 'primary' : 'secondary'} disabled={making.isPending} onClick={newQuote}>
          {making.isPending ? t('quotes.creating') : t('quotes.new')}
        </Button>
      </div>
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
                <Button
                  appearance="subtle"
                  className={styles.row}
                  data-quote={quote.id}
                  aria-label={`${t('quotes.summary', { reference: quoteReference(quote), status: t(`quotes.status.${status}`), total: minorMoney(translator, quote.totals.total, quote.currency) })}. ${quoteDetail(translator, quote, items, now)}`}
                  onClick={() => setOpened({ id: quote.id, initial: quote })}
                >
                  <span className={styles.top}>
                    <span className={styles.reference}>{quoteReference(quote)}</span>
                    <StatusBadge tone={statusTones[status]}>{t(`quotes.status.${status}`)}</StatusBadge>
                    <span className={styles.total}>{minorMoney(translator, quote.totals.total, quote.currency)}</span>
                  </span>
                  <Caption1 className={styles.detail}>{quoteDetail(translator, quote, items, now)}</Caption1>
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
