import type { ReactNode } from 'react';
import { Body1, Caption1, Link, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CommissionLineRecord, CommissionStatementView } from '@rapport/shared/commissions/commission-statement.schema';
import { recordPagePath } from '@rapport/shared/contract/record-pages';
import { commissionPeriod, minorMoney, rateText } from '../../components/commissions/commission-format';
import { percentFormat } from '../../components/goals/goal-format';
import { Notice } from '../../components/Notice';
import { StatusBadge } from '../../components/StatusBadge';
import { useMemberNames } from '../../hooks/useMe';
import { useI18n } from '../../i18n/I18nContext';
import { keptFromAddress } from '../CountedRecords';

// Below this width a table's rows stack: each cell on a line of its own, its column's name before it.
export const NARROW = '@media (max-width: 640px)';

export const useTableStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    [NARROW]: { display: 'block', '& thead': { display: 'none' }, '& tbody, & tfoot': { display: 'block' } },
  },
  row: {
    [NARROW]: {
      display: 'grid',
      gridTemplateColumns: 'minmax(0, 1fr)',
      paddingBlock: tokens.spacingVerticalS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  cell: {
    textAlign: 'start',
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
    [NARROW]: {
      display: 'flex',
      flexWrap: 'wrap',
      justifyContent: 'space-between',
      columnGap: tokens.spacingHorizontalS,
      padding: `${tokens.spacingVerticalXXS} 0`,
      borderBottom: 'none',
      textAlign: 'start',
      '::before': { content: 'attr(data-label)', color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
    },
  },
  // The row's name stands alone when stacked: no label before it.
  head: { fontWeight: tokens.fontWeightSemibold, [NARROW]: { '::before': { content: 'none' } } },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', [NARROW]: { whiteSpace: 'normal' } },
});

const useStyles = makeStyles({
  statement: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  rates: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', [NARROW]: { alignItems: 'flex-end', textAlign: 'end' } },
  total: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  negative: { color: tokens.colorPaletteRedForeground1 },
});

/** The rates a line was paid at: "5% on €4,000.00", a product's "Seats: 10% on €900.00", and expenses taken off. */
function Rates({ line, currency, productName }: { line: CommissionLineRecord; currency: string; productName: (id: string) => string }) {
  const translator = useI18n();
  const styles = useStyles();
  const { t, locale } = translator;
  const money = (minor: number) => minorMoney(translator, minor, currency);
  return (
    <span className={styles.rates}>
      {line.portions.map((portion, index) => (
        <span key={`${portion.productId ?? ''}:${portion.rate}:${index}`}>
          {portion.productId
            ? t('commission.productRate', { product: productName(portion.productId), rate: rateText(locale, portion.rate), amount: money(portion.minor) })
            : t('commission.rateOn', { rate: rateText(locale, portion.rate), amount: money(portion.minor) })}
        </span>
      ))}
      {line.expensesMinor > 0 ? <span>{t('commission.expensesOff', { amount: money(line.expensesMinor) })}</span> : null}
    </span>
  );
}

/**
 * One rep's statement for a period: its plan and status (who approved it, when), the won deals with the rates they
 * paid at, the adjustments to statements approved before, the total and the attainment of the goal. `actions` (a
 * manager's Approve) come under the total.
 */
export function StatementView({ statement, productName, heading, actions }: {
  statement: CommissionStatementView;
  productName: (id: string) => string;
  heading: ReactNode;
  actions?: ReactNode;
}) {
  const translator = useI18n();
  const { t, locale, date } = translator;
  const styles = useStyles();
  const table = useTableStyles();
  const nameOf = useMemberNames();
  const keep = keptFromAddress();
  const currency = statement.currency;
  const money = (minor: number) => minorMoney(translator, minor, currency);
  const period = commissionPeriod(translator, statement.period, statement.start);
  const cell = (label: string, extra?: string) => ({ className: mergeClasses(table.cell, extra), 'data-label': label });
  const dealLink = (dealId: string, name: string) => (
    <Link href={recordPagePath({ kind: 'deal', id: dealId }, keep)} target="_blank" rel="noopener">
      {name}
    </Link>
  );
  const linesHeading = t('commission.lines', { period });
  return (
    <div className={styles.statement}>
      <div className={styles.top}>
        {heading}
        <StatusBadge tone={statement.status === 'approved' ? 'success' : 'informative'}>{t(statement.status === 'approved' ? 'commission.approved' : 'commission.draft')}</StatusBadge>
      </div>
      {statement.planName ? <Body1 className={styles.muted}>{statement.planName}</Body1> : null}
      {statement.status === 'approved' && statement.approvedBy && statement.approvedAt ? (
        <Caption1 className={styles.muted}>{t('commission.approvedBy', { name: nameOf(statement.approvedBy) ?? t('commission.unknownRep'), date: date(statement.approvedAt) })}</Caption1>
      ) : null}
      {statement.missingRates.length > 0 ? (
        <Notice intent="warning">{t('commission.missingRates', { deals: statement.missingRates.map((entry) => `${entry.name} (${entry.currency})`).join(', ') })}</Notice>
      ) : null}
      <Subtitle2 as="h4">{linesHeading}</Subtitle2>
      {statement.lines.length === 0 ? (
        <Body1>{t('commission.noLines')}</Body1>
      ) : (
        <table className={table.table} aria-label={linesHeading}>
          <thead>
            <tr>
              {(['deal', 'closed', 'won', 'rates', 'commission'] as const).map((column) => (
                <th key={column} scope="col" className={mergeClasses(table.cell, column === 'deal' || column === 'closed' ? undefined : table.number)}>
                  {t(`commission.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {statement.lines.map((line) => (
              <tr key={line.dealId} className={table.row}>
                <th scope="row" {...cell(t('commission.deal'), table.head)}>
                  {dealLink(line.dealId, line.name)}
                </th>
                <td {...cell(t('commission.closed'))}>{date(line.closedAt)}</td>
                <td {...cell(t('commission.won'), table.number)}>{money(line.wonMinor)}</td>
                <td {...cell(t('commission.rates'), table.number)}>
                  <Rates line={line} currency={currency} productName={productName} />
                </td>
                <td {...cell(t('commission.commission'), table.number)}>{line.capped ? `${money(line.commissionMinor)} (${t('commission.capped')})` : money(line.commissionMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {statement.adjustments.length > 0 ? (
        <>
          <Subtitle2 as="h4">{t('commission.adjustments')}</Subtitle2>
          <table className={table.table} aria-label={t('commission.adjustments')}>
            <thead>
              <tr>
                {(['deal', 'corrects', 'reason', 'commission'] as const).map((column) => (
                  <th key={column} scope="col" className={mergeClasses(table.cell, column === 'commission' ? table.number : undefined)}>
                    {t(`commission.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {statement.adjustments.map((adjustment) => (
                <tr key={`${adjustment.dealId}:${adjustment.forStart}`} className={table.row}>
                  <th scope="row" {...cell(t('commission.deal'), table.head)}>
                    {dealLink(adjustment.dealId, adjustment.name)}
                  </th>
                  <td {...cell(t('commission.corrects'))}>{commissionPeriod(translator, adjustment.forPeriod, adjustment.forStart)}</td>
                  <td {...cell(t('commission.reason'))}>
                    <span>
                      {t(`commission.reason.${adjustment.reason}`)}
                      <br />
                      <Caption1 className={styles.muted}>{t('commission.wasNow', { paid: money(adjustment.paidMinor), now: money(adjustment.nowMinor) })}</Caption1>
                    </span>
                  </td>
                  <td {...cell(t('commission.commission'), mergeClasses(table.number, adjustment.commissionMinor < 0 ? styles.negative : undefined))}>{money(adjustment.commissionMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <div className={styles.total} data-statement-total>
        <span>{t('commission.total')}</span>
        <span>{money(statement.totalMinor)}</span>
      </div>
      <Caption1 className={styles.muted}>
        {statement.targetMinor !== null && statement.attainment !== null
          ? t('commission.attainment', { percent: percentFormat(locale).format(statement.attainment), target: money(statement.targetMinor), won: money(statement.wonMinor) })
          : t('commission.noTarget')}
      </Caption1>
      {actions}
    </div>
  );
}
