// Reports on cases against their service levels: of the cases closed in the period, how many were first answered and
// resolved in time, by month and by rep. Built from the `serviceLevel` cells (report-cells.rules.ts) alone.
import type { ReportCell, ReportFamily } from './report-cells.rules';
import type { ReportColumn, ReportContext, ReportFilters, ReportTable } from './report-tables.rules';
import { countOf, inPeriod, memberName, ownedBy, rate, sumBy, type Cells } from './report-groups.rules';

export const serviceLevelReportNames = ['service-levels-by-month', 'service-levels-by-owner'] as const;
export type ServiceLevelReportName = (typeof serviceLevelReportNames)[number];

export const serviceLevelReportFamilies: Record<ServiceLevelReportName, readonly ReportFamily[]> = {
  'service-levels-by-month': ['serviceLevel'],
  'service-levels-by-owner': ['serviceLevel'],
};

const COLUMNS: ReportColumn[] = [
  { key: 'closed', kind: 'count' },
  { key: 'responseMet', kind: 'count' },
  { key: 'responseRate', kind: 'percent' },
  { key: 'resolutionMet', kind: 'count' },
  { key: 'resolutionRate', kind: 'percent' },
];

/** Builds one of the reports on service levels: closed cases, those answered and resolved in time, and the rates. */
export function serviceLevelReport(name: ServiceLevelReportName, cells: Cells, filters: ReportFilters, context: ReportContext, owners: Set<string> | null): ReportTable {
  const closed = (cells.serviceLevel ?? []).filter((cell) => inPeriod(cell, filters) && ownedBy(owners)(cell));
  const byMonth = name === 'service-levels-by-month';
  const groups = sumBy(closed, byMonth ? (cell: ReportCell) => cell.month : (cell: ReportCell) => cell.dims.owner ?? '');
  const rows = [...groups].map(([key, group]) => {
    const count = countOf(group, 'count');
    const responseMet = countOf(group, 'responseMet');
    const resolutionMet = countOf(group, 'resolutionMet');
    return {
      key,
      label: byMonth ? key : memberName(context, key),
      values: { closed: count, responseMet, responseRate: rate(count === 0 ? null : responseMet / count), resolutionMet, resolutionRate: rate(count === 0 ? null : resolutionMet / count) },
    };
  });
  return { columns: COLUMNS, rows: rows.sort((a, b) => (byMonth ? a.key.localeCompare(b.key) : (b.values.closed ?? 0) - (a.values.closed ?? 0) || a.label.localeCompare(b.label))) };
}
