// Reports on what follows a deal: quotes sent, accepted and declined by rep and month, with the time to acceptance;
// orders by status; contract value up for renewal by month. Built from the cells of commerce-cells.rules.ts alone.
import { orderStatuses } from '../orders/order.rules';
import type { ReportCell, ReportFamily } from './report-cells.rules';
import type { ReportColumn, ReportContext, ReportFilters, ReportTable } from './report-tables.rules';
import { countOf, days, inCurrency, inPeriod, memberName, ownedBy, rate, sumBy, type Cells, type Group, type MoneyColumns } from './report-groups.rules';

export const commerceReportNames = ['quotes-by-owner', 'quotes-by-month', 'orders-by-status', 'contracts-up-for-renewal'] as const;
export type CommerceReportName = (typeof commerceReportNames)[number];

export const commerceReportFamilies: Record<CommerceReportName, readonly ReportFamily[]> = {
  'quotes-by-owner': ['quote'],
  'quotes-by-month': ['quote'],
  'orders-by-status': ['order'],
  'contracts-up-for-renewal': ['contract'],
};

/**
 * The cells of a family, of the owners in scope, in the currency filtered on (every one without a filter). Cells
 * without a currency (a contract without a value) count in every currency: they have no money to mix.
 */
function cellsOf(cells: Cells, family: ReportFamily, filters: ReportFilters, owners: Set<string> | null): ReportCell[] {
  return (cells[family] ?? []).filter((cell) => (cell.dims.currency === '' || inCurrency(cell, filters)) && ownedBy(owners)(cell));
}

const QUOTE_COLUMNS: ReportColumn[] = [
  { key: 'sent', kind: 'count' },
  { key: 'accepted', kind: 'count' },
  { key: 'declined', kind: 'count' },
  { key: 'acceptanceRate', kind: 'percent' },
  { key: 'acceptedAmount', kind: 'money' },
  { key: 'meanDaysToAccept', kind: 'days' },
];

/**
 * Quotes of the period grouped by `groupOf`: how many were sent (a quote once, whatever its versions), accepted and
 * declined in it; accepted over answered; the net amount accepted; the mean days from sending to acceptance.
 */
function quotesBy(cells: Cells, filters: ReportFilters, money: MoneyColumns, owners: Set<string> | null, groupOf: (cell: ReportCell) => string, labelOf: (key: string) => string) {
  const quotes = cellsOf(cells, 'quote', filters, owners).filter((cell) => inPeriod(cell, filters));
  const byEvent = (event: string) => sumBy(quotes.filter((cell) => cell.dims.event === event), groupOf);
  const sent = byEvent('sent');
  const accepted = byEvent('accepted');
  const declined = byEvent('declined');
  const keys = [...new Set([...sent.keys(), ...accepted.keys(), ...declined.keys()])];
  return keys.map((key) => {
    const acceptedGroup: Group | undefined = accepted.get(key);
    const acceptedCount = countOf(acceptedGroup, 'count');
    const declinedCount = countOf(declined.get(key), 'count');
    const answered = acceptedCount + declinedCount;
    return {
      key,
      label: labelOf(key),
      values: {
        sent: countOf(sent.get(key), 'count'),
        accepted: acceptedCount,
        declined: declinedCount,
        acceptanceRate: rate(answered === 0 ? null : acceptedCount / answered),
        acceptedAmount: money.amount(acceptedGroup, 'minor'),
        meanDaysToAccept: days(countOf(acceptedGroup, 'ms'), acceptedCount),
      },
    };
  });
}

/** Builds one of the reports on quotes, orders and contracts. */
export function commerceReport(name: CommerceReportName, cells: Cells, filters: ReportFilters, context: ReportContext, money: MoneyColumns, owners: Set<string> | null): ReportTable {
  const thisMonth = context.now.slice(0, 7);
  switch (name) {
    case 'quotes-by-owner': {
      const rows = quotesBy(cells, filters, money, owners, (cell) => cell.dims.owner ?? '', (id) => memberName(context, id));
      return { columns: QUOTE_COLUMNS, rows: rows.sort((a, b) => (b.values.acceptedAmount ?? 0) - (a.values.acceptedAmount ?? 0) || a.label.localeCompare(b.label)) };
    }
    case 'quotes-by-month': {
      const rows = quotesBy(cells, filters, money, owners, (cell) => cell.month, (month) => month);
      return { columns: QUOTE_COLUMNS, rows: rows.sort((a, b) => a.key.localeCompare(b.key)) };
    }
    case 'orders-by-status': {
      // Open orders whatever the period (as open deals and cases); delivered and cancelled ones placed in it.
      const orders = cellsOf(cells, 'order', filters, owners).filter((cell) => cell.current || inPeriod(cell, filters));
      const byStatus = sumBy(orders, (cell) => cell.dims.status ?? '', thisMonth);
      return {
        columns: [
          { key: 'orders', kind: 'count' },
          { key: 'amount', kind: 'money' },
        ],
        rows: orderStatuses.map((status) => ({ key: status, label: status, values: { orders: countOf(byStatus.get(status), 'count'), amount: money.amount(byStatus.get(status), 'minor') } })),
      };
    }
    case 'contracts-up-for-renewal': {
      // What comes up for renewal: contracts in force by the month they end, from this month on, whatever the period
      // (it is about the months ahead, as the forecast; the service reads those months). Value is for a year, each month's
      // at the latest rate known for it.
      const contracts = cellsOf(cells, 'contract', filters, owners).filter((cell) => cell.month >= thisMonth);
      const byMonth = sumBy(contracts, (cell) => cell.month);
      return {
        columns: [
          { key: 'contracts', kind: 'count' },
          { key: 'autoRenew', kind: 'count' },
          { key: 'annualValue', kind: 'money' },
        ],
        rows: [...byMonth.keys()].sort().map((month) => {
          const group = byMonth.get(month);
          return { key: month, label: month, values: { contracts: countOf(group, 'count'), autoRenew: countOf(group, 'autoRenew'), annualValue: money.amount(group, 'minor') } };
        }),
      };
    }
  }
}
