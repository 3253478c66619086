import type { ReactNode } from 'react';
import { Body1, Caption1, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { BoxMultipleRegular, DocumentOnePageMultipleRegular, TextBulletListSquareRegular } from '@fluentui/react-icons';
import type { Quote } from '@rapport/shared';
import { toMinor } from '@rapport/shared/money/money.rules';
import { quoteExpired, quoteReference } from '@rapport/shared/quotes/quote.rules';
import { useRecord, useRecordList } from '../../data/queries';
import { fieldLabelKey, valueLabelKey } from '../../i18n/field-labels';
import { useI18n } from '../../i18n/I18nContext';
import type { BadgeTone } from '../StatusBadge';
import { RecordLink } from '../RecordLink';
import { Section } from '../Section';
import { QuoteOrder } from '../orders/QuoteOrder';
import { OpenReference } from './FieldValue';
import { useMinorMoney } from './quote-money';

// Narrower than this, a line is a block of its own: a label before each figure, nothing scrolls sideways.
const STACKED = '@media (max-width: 560px)';

const useStyles = makeStyles({
  facts: { display: 'flex', flexDirection: 'column', margin: 0, minWidth: 0 },
  fact: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, paddingBlock: tokens.spacingVerticalXS },
  label: { color: tokens.colorNeutralForeground2, minWidth: 0, ...typographyStyles.caption1 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere', ...typographyStyles.body1 },
  text: { whiteSpace: 'pre-wrap' },
  meta: { color: tokens.colorNeutralForeground2 },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontVariantNumeric: 'tabular-nums',
    ...typographyStyles.body1,
    [STACKED]: { display: 'block' },
  },
  // Read by screen readers, not shown: the section's title already names the table.
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  // Stacked, the column heads are for screen readers only: off the left edge, as their row stays as wide as the heads.
  head: {
    [STACKED]: { position: 'absolute', left: '-10000px', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  },
  body: { [STACKED]: { display: 'block' } },
  row: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    [STACKED]: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalS },
  },
  th: { ...typographyStyles.caption1Strong, color: tokens.colorNeutralForeground2, textAlign: 'start', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  cell: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    verticalAlign: 'top',
    minWidth: 0,
    [STACKED]: {
      display: 'flex',
      justifyContent: 'space-between',
      gap: tokens.spacingHorizontalM,
      padding: 0,
      '::before': { content: 'attr(data-label)', color: tokens.colorNeutralForeground2 },
    },
  },
  // The item names the line: in a stacked line it is its heading, without a label before it.
  item: { overflowWrap: 'anywhere', [STACKED]: { display: 'block', '::before': { content: 'none' } } },
  name: { ...typographyStyles.body1Strong },
  figure: { textAlign: 'end', whiteSpace: 'nowrap' },
  description: { display: 'block', color: tokens.colorNeutralForeground2, whiteSpace: 'pre-wrap' },
  // Under the amounts, as an invoice sums them: at most half a page wide, at its end.
  totals: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    rowGap: tokens.spacingVerticalXS,
    width: '100%',
    maxWidth: '420px',
    boxSizing: 'border-box',
    margin: 0,
    marginInlineStart: 'auto',
    paddingInline: tokens.spacingHorizontalS,
    fontVariantNumeric: 'tabular-nums',
    // Stacked lines have no cell padding: the sums line up with their figures.
    [STACKED]: { maxWidth: 'none', paddingInline: 0 },
  },
  // A label and its amount, one row of the grid.
  pair: { display: 'contents' },
  totalLabel: { minWidth: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  totalValue: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, textAlign: 'end', whiteSpace: 'nowrap' },
  grand: { ...typographyStyles.body1Strong, color: tokens.colorNeutralForeground1, paddingTop: tokens.spacingVerticalXS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  versions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
});

/** What a quote's badge says: its status, or that a sent one ran out of time. */
export function quoteState(quote: Pick<Quote, 'status' | 'validUntil'>, now: Date): Quote['status'] | 'expired' {
  return quote.status === 'sent' && quoteExpired(quote, now) ? 'expired' : quote.status;
}

export const quoteTones: Record<ReturnType<typeof quoteState>, BadgeTone> = {
  draft: 'informative',
  sent: 'brand',
  accepted: 'success',
  declined: 'danger',
  superseded: 'subtle',
  expired: 'severe',
};

/**
 * A quote as the record view shows it, read-only: for whom and for which deal, its lines and totals (the server's, to
 * the minor unit), its validity and terms, and where it is in its life: sent, opened, answered, replaced.
 */
export function QuoteSections({ quote }: { quote: Quote }) {
  const { t } = useI18n();
  return (
    <>
      <Section title={t('record.details')} icon={TextBulletListSquareRegular} defaultOpen>
        <QuoteFacts quote={quote} />
      </Section>
      <Section title={t('quoteRecord.lines')} icon={BoxMultipleRegular} count={quote.lines.length} defaultOpen>
        <QuoteLines quote={quote} />
        <QuoteTotals quote={quote} />
      </Section>
      <QuoteVersions quote={quote} />
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.fact}>
      <dt className={styles.label}>{label}</dt>
      <dd className={styles.value}>{children}</dd>
    </div>
  );
}

function QuoteFacts({ quote }: { quote: Quote }) {
  const { t, date, dateTime } = useI18n();
  const styles = useStyles();
  const deal = useRecord('deal', quote.dealId);
  const expired = quoteState(quote, new Date()) === 'expired';
  const answer = quote.answer;
  const answered = !answer
    ? t('quoteRecord.noAnswer')
    : answer.decision === 'accepted'
      ? answer.name
        ? t('quoteRecord.acceptedBy', { name: answer.name, date: dateTime(answer.at), revision: answer.revision })
        : t('quoteRecord.acceptedOn', { date: dateTime(answer.at), revision: answer.revision })
      : answer.reason
        ? t('quoteRecord.declinedWith', { date: dateTime(answer.at), reason: answer.reason })
        : t('quoteRecord.declinedOn', { date: dateTime(answer.at) });
  return (
    <dl className={styles.facts}>
      <Fact label={t('quoteRecord.customer')}>
        {quote.contactId ? <OpenReference kind="contact" id={quote.contactId} /> : null}
        {quote.contactId && quote.companyId ? ' · ' : null}
        {quote.companyId ? <OpenReference kind="company" id={quote.companyId} /> : null}
        {!quote.contactId && !quote.companyId ? <span className={styles.meta}>{t('record.notSet')}</span> : null}
      </Fact>
      <Fact label={t('quoteRecord.deal')}>
        <RecordLink to={{ kind: 'deal', id: quote.dealId }}>{deal.data?.name ?? (deal.isError ? t('record.unavailable') : t('app.loading'))}</RecordLink>
      </Fact>
      <Fact label={t(fieldLabelKey('quote', 'language'))}>{t(valueLabelKey('quote', 'language', quote.language))}</Fact>
      <Fact label={t('quoteRecord.sent')}>{quote.sentAt ? dateTime(quote.sentAt) : t('quoteRecord.notSent')}</Fact>
      <Fact label={t(fieldLabelKey('quote', 'validUntil'))}>{expired ? t('quoteRecord.expiredOn', { date: date(quote.validUntil) }) : date(quote.validUntil)}</Fact>
      {quote.sentAt ? (
        <Fact label={t('quoteRecord.opened')}>
          {!quote.firstOpenedAt
            ? t('quoteRecord.notOpened')
            : !quote.lastOpenedAt || quote.lastOpenedAt === quote.firstOpenedAt
              ? dateTime(quote.firstOpenedAt)
              : t('quoteRecord.openedTimes', { first: dateTime(quote.firstOpenedAt), last: dateTime(quote.lastOpenedAt) })}
          <Caption1 as="span" className={styles.description}>
            {t('quoteRecord.openedRule')}
          </Caption1>
        </Fact>
      ) : null}
      {quote.sentAt ? <Fact label={t('quoteRecord.answer')}>{answered}</Fact> : null}
      {quote.sentAt ? (
        <Fact label={t('quoteOrder.label')}>
          <QuoteOrder quote={quote} />
        </Fact>
      ) : null}
      <Fact label={t(fieldLabelKey('quote', 'paymentTerms'))}>
        {quote.paymentTerms ? <span className={styles.text}>{quote.paymentTerms}</span> : <span className={styles.meta}>{t('record.notSet')}</span>}
      </Fact>
      <Fact label={t(fieldLabelKey('quote', 'notes'))}>
        {quote.notes ? <span className={styles.text}>{quote.notes}</span> : <span className={styles.meta}>{t('record.notSet')}</span>}
      </Fact>
    </dl>
  );
}

function QuoteLines({ quote }: { quote: Quote }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const money = useMinorMoney();
  if (quote.lines.length === 0) return <Body1>{t('quoteRecord.noLines')}</Body1>;
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 });
  const columns = {
    item: t('quoteRecord.line.item'),
    quantity: t('quoteRecord.line.quantity'),
    unitPrice: t('quoteRecord.line.unitPrice'),
    discount: t('quoteRecord.line.discount'),
    tax: t('quoteRecord.line.tax'),
    amount: t('quoteRecord.line.amount'),
  };
  return (
    <table className={styles.table}>
      <caption className={styles.hidden}>{t('quoteRecord.lines')}</caption>
      <thead className={styles.head}>
        <tr>
          {Object.entries(columns).map(([name, label]) => (
            <th key={name} scope="col" className={mergeClasses(styles.th, name !== 'item' ? styles.figure : undefined)}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={styles.body}>
        {quote.lines.map((line, index) => {
          const figures = quote.totals.lines[index];
          // What the line comes to before tax, after its own discount: as the document prints it.
          const amount = figures ? figures.gross - figures.lineDiscount : toMinor(line.quantity * line.unitPrice, quote.currency);
          return (
            <tr key={index} className={styles.row}>
              <td className={mergeClasses(styles.cell, styles.item)}>
                <span className={styles.name}>{line.name}</span>
                {line.description ? <Caption1 className={styles.description}>{line.description}</Caption1> : null}
              </td>
              <td className={mergeClasses(styles.cell, styles.figure)} data-label={columns.quantity}>
                {quantity.format(line.quantity)}
              </td>
              <td className={mergeClasses(styles.cell, styles.figure)} data-label={columns.unitPrice}>
                {money(toMinor(line.unitPrice, quote.currency), quote.currency)}
              </td>
              <td className={mergeClasses(styles.cell, styles.figure)} data-label={columns.discount}>
                {line.discountPercent ? percent.format(line.discountPercent / 100) : '—'}
              </td>
              <td className={mergeClasses(styles.cell, styles.figure)} data-label={columns.tax}>
                {percent.format(line.taxPercent / 100)}
              </td>
              <td className={mergeClasses(styles.cell, styles.figure)} data-label={columns.amount}>
                {money(amount, quote.currency)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function QuoteTotals({ quote }: { quote: Quote }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const money = useMinorMoney();
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 });
  const { totals, currency } = quote;
  // Without an overall discount the subtotal is the total before tax: said once.
  const discounted: [label: string, minor: number][] =
    totals.discount !== 0
      ? [
          [t('quoteRecord.subtotal'), totals.subtotal],
          [t('quoteRecord.discount', { percent: percent.format(quote.discountPercent / 100) }), -totals.discount],
        ]
      : [];
  const rows: [label: string, minor: number][] = [
    ...discounted,
    [t('quoteRecord.net'), totals.net],
    ...totals.taxes.map((rate): [string, number] => [t('quoteRecord.taxAt', { percent: percent.format(rate.percent / 100), base: money(rate.base, currency) }), rate.tax]),
  ];
  return (
    <dl className={styles.totals} aria-label={t('quoteRecord.totals')}>
      {rows.map(([label, minor]) => (
        <div key={label} className={styles.pair}>
          <dt className={styles.totalLabel}>{label}</dt>
          <dd className={styles.totalValue}>{money(minor, currency)}</dd>
        </div>
      ))}
      <dt className={mergeClasses(styles.totalLabel, styles.grand)}>{t('quoteRecord.total')}</dt>
      <dd className={mergeClasses(styles.totalValue, styles.grand)}>{money(totals.total, currency)}</dd>
    </dl>
  );
}

/** The versions of the quote's number (the deal's quotes of that number), each opening; shown when there is more than one. */
function QuoteVersions({ quote }: { quote: Quote }) {
  const { t } = useI18n();
  const styles = useStyles();
  const list = useRecordList('quote', { dealId: quote.dealId, limit: 50 });
  const versions = (list.data?.items ?? []).filter((other) => other.number === quote.number).sort((a, b) => a.revision - b.revision);
  if (versions.length < 2) return null;
  const now = new Date();
  return (
    <Section title={t('quoteRecord.versions')} icon={DocumentOnePageMultipleRegular} count={versions.length}>
      <ul className={styles.versions}>
        {versions.map((version) => {
          const words = { reference: quoteReference(version), status: t(`quoteRecord.status.${quoteState(version, now)}`) };
          return (
            <li key={version.id}>
              {version.id === quote.id ? (
                <Body1 aria-current="page">{t('quoteRecord.thisVersion', words)}</Body1>
              ) : (
                <RecordLink to={{ kind: 'quote', id: version.id }}>{t('quoteRecord.version', words)}</RecordLink>
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
