import { Suspense, useEffect, useId, useState } from 'react';
import { Body1, Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import type { Quote } from '@rapport/shared/quotes/quote.schema';
import { quoteReference } from '@rapport/shared/quotes/quote.rules';
import { useOperation } from '../../data/queries';
import { usePublicQuoteUrl, useQuote } from '../../data/quotes';
import { useCanEditRecord, useMe } from '../../hooks/useMe';
import { useI18n } from '../../i18n/I18nContext';
import { lazyWithMessages } from '../../i18n/lazy-with-messages';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';
import { StatusBadge } from '../StatusBadge';
import { QuoteActions } from './QuoteActions';
import { QuoteContactName } from './QuoteContact';
import { QuoteEditor } from './QuoteEditor';
import { CopyLink } from '../CopyLink';
import { minorMoney, percentText, quoteDetail, shownStatus, statusTones } from './quote-state';
import { QuoteTotalsView } from './QuoteTotalsView';

// Loaded with the closed sections' chunk: a lazy boundary of its own would split a first-card chunk (see ClosedSections).
const QuoteOrder = lazyWithMessages(() => import('../ClosedSections'), 'QuoteOrder');

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  back: { alignSelf: 'flex-start', paddingLeft: 0, minWidth: 0 },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  heading: { margin: 0, overflowWrap: 'anywhere', ':focus': { outlineStyle: 'none' }, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none', minWidth: 0 },
  line: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalM, minWidth: 0 },
  lineName: { overflowWrap: 'anywhere', minWidth: 0 },
  lineAmount: { whiteSpace: 'nowrap', textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  lineMeta: { gridColumn: '1 / -1', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  lineDescription: { gridColumn: '1 / -1', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minWidth: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export type QuoteViewProps = {
  /** The quote to show: read again when it opens (the customer may have opened or answered it). */
  id: string;
  initial?: Quote | undefined;
  /** The deal's quotes, for the version that replaced this one. */
  others: readonly Quote[];
  /** What was just done, said on top (a new quote drafted, a new version made). */
  notice?: string | undefined;
  onBack: () => void;
  /** Opens another quote (a new version), with what to say about it. */
  onOpen: (quote: Quote, notice: string) => void;
  /** The draft was deleted (it is given as it was): the view leaves. */
  onDeleted: (quote: Quote) => void;
};

/**
 * One quote in the pane: its reference, status and what happened to it; a draft to change and send, or (sent, answered,
 * replaced) as the customer reads it, with its answer. Its link once sent, its PDF, a new version of a sent one, and
 * its order (or the customer's order recorded by hand).
 */
export function QuoteView({ id, initial, others, notice, onBack, onOpen, onDeleted }: QuoteViewProps) {
  const styles = useStyles();
  const translator = useI18n();
  const { t, date } = translator;
  const query = useQuote(id, initial);
  const settings = useOperation('settings', {});
  // Whether the rep may change a draft is known once the pane knows who they are (the context canEditRecord reads):
  // until then, neither view, so a draft of theirs never flashes as another's.
  const me = useOperation('me', {});
  const whoIsKnown = useMe() !== null || me.isError;
  const canEditRecord = useCanEditRecord();
  const publicUrlOf = usePublicQuoteUrl();
  const [justSent, setJustSent] = useState(false);
  const headingId = useId();
  const quote = query.data;
  const editable = quote !== undefined && quote.status === 'draft' && canEditRecord(quote);
  // Opened: its name focused, as a view the rep went to (the row they clicked is gone).
  const shown = quote !== undefined;
  useEffect(() => {
    document.getElementById(headingId)?.focus();
  }, [headingId, id, shown]);
  const now = new Date();
  const newVersion = (made: Quote) => onOpen(made, t('quotes.versionMade', { reference: quote ? quoteReference(quote) : '' }));

  return (
    <section className={styles.view} aria-labelledby={headingId}>
      <Button className={styles.back} appearance="subtle" icon={<ArrowLeftRegular />} onClick={onBack}>
        {t('quotes.back')}
      </Button>
      {!quote ? (
        <>
          <Subtitle2 as="h3" id={headingId} tabIndex={-1} className={styles.heading}>
            {t('quotes.title')}
          </Subtitle2>
          {query.isError ? <ErrorMessage error={query.error} onRetry={() => void query.refetch()} /> : <Spinner size="tiny" label={t('app.loading')} />}
        </>
      ) : (
        <>
          <header className={styles.header}>
            <div className={styles.title}>
              <Subtitle2 as="h3" id={headingId} tabIndex={-1} className={styles.heading}>
                {quoteReference(quote)}
              </Subtitle2>
              <StatusBadge tone={statusTones[shownStatus(quote, now)]}>{t(`quotes.status.${shownStatus(quote, now)}`)}</StatusBadge>
              {/* A draft being changed shows its totals as typed, below; the saved one would read as a second figure. */}
              {editable ? null : <Body1>{minorMoney(translator, quote.totals.total, quote.currency)}</Body1>}
            </div>
            <Caption1 className={styles.meta}>{quoteDetail(translator, quote, others, now)}</Caption1>
            <Caption1 className={styles.meta}>
              {t('quotes.validUntil', { date: date(quote.validUntil) })} · {t('quotes.inLanguage', { language: t(`value.contact.language.${quote.language}`), currency: quote.currency })}
            </Caption1>
          </header>
          {notice ? <Notice intent="success">{notice}</Notice> : null}
          {query.isError ? <ErrorMessage error={query.error} onRetry={() => void query.refetch()} /> : null}
          {justSent && quote.status === 'sent' ? <Notice intent="success">{t('quotes.sent')}</Notice> : null}
          {quote.status === 'sent' && quote.publicKey ? <CopyLink url={publicUrlOf(quote.publicKey)} label={t('quotes.link')} /> : null}
          {quote.status === 'draft' && !whoIsKnown ? (
            <Spinner size="tiny" label={t('app.loading')} />
          ) : editable ? (
            settings.isPending ? (
              <Spinner size="tiny" label={t('app.loading')} />
            ) : (
              <>
                {/* Without the tenant's rates a rate is typed; the editor works all the same. */}
                {settings.isError ? <ErrorMessage error={settings.error} onRetry={() => void settings.refetch()} /> : null}
                <QuoteEditor
                  key={quote.id}
                  quote={quote}
                  taxRates={settings.data?.quotes?.taxRates ?? []}
                  defaultTaxPercent={settings.data?.quotes?.defaultTaxPercent ?? 0}
                  reload={() => void query.refetch()}
                  onSent={() => setJustSent(true)}
                  onNewVersion={newVersion}
                  onDeleted={onDeleted}
                />
              </>
            )
          ) : (
            <>
              <Caption1 className={styles.meta}>
                {quote.status === 'draft' ? t('quotes.notYours') : quote.status === 'sent' ? t('quotes.readOnly') : quote.answer ? t('quotes.readOnlyAnswered') : null}
              </Caption1>
              <QuoteContent quote={quote} />
              <QuoteActions quote={quote} canEdit={canEditRecord(quote)} primary onSent={() => setJustSent(true)} onNewVersion={newVersion} />
              {/* Its order, or (sent or accepted, none yet) the customer's order recorded by hand. */}
              {quote.status === 'sent' || quote.status === 'accepted' ? (
                <div className={styles.text}>
                  <Caption1 className={styles.meta}>{t('quoteOrder.label')}</Caption1>
                  <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
                    <QuoteOrder quote={quote} />
                  </Suspense>
                </div>
              ) : null}
            </>
          )}
        </>
      )}
    </section>
  );
}

/** A quote as the customer reads it: whom it is addressed to, its lines (with their descriptions), totals, payment terms and notes. */
function QuoteContent({ quote }: { quote: Quote }) {
  const styles = useStyles();
  const translator = useI18n();
  const { t, locale } = translator;
  const money = (minor: number) => minorMoney(translator, minor, quote.currency);
  return (
    <>
      {quote.contactId ? <QuoteContactName id={quote.contactId} /> : null}
      {quote.lines.length === 0 ? <Caption1>{t('quotes.noLines')}</Caption1> : null}
      <ul className={styles.lines} aria-label={t('quotes.lines')}>
        {quote.lines.map((line, index) => {
          const totals = quote.totals.lines[index];
          const price = translator.money(line.unitPrice, quote.currency);
          const parts = [
            t('quotes.line.read', { quantity: new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(line.quantity), price }),
            line.discountPercent > 0 ? t('quotes.line.discount', { rate: percentText(locale, line.discountPercent) }) : null,
            t('quotes.line.tax', { rate: percentText(locale, line.taxPercent) }),
          ].filter(Boolean);
          return (
            <li key={`${line.name}-${index}`} className={styles.line}>
              <Body1 className={styles.lineName}>{line.name}</Body1>
              <Body1 className={styles.lineAmount}>{totals ? money(totals.gross - totals.lineDiscount) : null}</Body1>
              {line.description ? <Caption1 className={styles.lineDescription}>{line.description}</Caption1> : null}
              <Caption1 className={styles.lineMeta}>{parts.join(' · ')}</Caption1>
            </li>
          );
        })}
      </ul>
      <QuoteTotalsView totals={quote.totals} discountPercent={quote.discountPercent} currency={quote.currency} />
      {quote.paymentTerms ? (
        <div className={styles.text}>
          <Caption1 className={styles.meta}>{t('quotes.field.paymentTerms')}</Caption1>
          <Body1>{quote.paymentTerms}</Body1>
        </div>
      ) : null}
      {quote.notes ? (
        <div className={styles.text}>
          <Caption1 className={styles.meta}>{t('quotes.field.notes')}</Caption1>
          <Body1>{quote.notes}</Body1>
        </div>
      ) : null}
    </>
  );
}
