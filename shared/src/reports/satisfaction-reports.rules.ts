// Reports on customer satisfaction, from the `satisfaction` cells (one per answered survey, in the month it was
// answered): CSAT by rep, by product and by month, and NPS over time with its promoters, passives and detractors.
import { netPromoterScore } from '../surveys/survey.rules';
import type { ReportCell, ReportFamily } from './report-cells.rules';
import type { ReportColumn, ReportContext, ReportFilters, ReportTable } from './report-tables.rules';
import { countOf, inPeriod, memberName, ownedBy, rate, roundTo, sumBy, type Cells, type Group } from './report-groups.rules';

export const satisfactionReportNames = ['csat-by-owner', 'csat-by-product', 'csat-by-month', 'nps-by-month'] as const;
export type SatisfactionReportName = (typeof satisfactionReportNames)[number];

export const satisfactionReportFamilies: Record<SatisfactionReportName, readonly ReportFamily[]> = {
  'csat-by-owner': ['satisfaction'],
  'csat-by-product': ['satisfaction'],
  'csat-by-month': ['satisfaction'],
  'nps-by-month': ['satisfaction'],
};

const CSAT_COLUMNS: ReportColumn[] = [
  { key: 'answers', kind: 'count' },
  { key: 'average', kind: 'number' },
  { key: 'satisfiedRate', kind: 'percent' },
  { key: 'low', kind: 'count' },
];

const NPS_COLUMNS: ReportColumn[] = [
  { key: 'answers', kind: 'count' },
  { key: 'promoters', kind: 'count' },
  { key: 'passives', kind: 'count' },
  { key: 'detractors', kind: 'count' },
  { key: 'nps', kind: 'number' },
];

/** Builds one of the satisfaction reports over the period's answers of the owners (and product) in scope. */
export function satisfactionReport(name: SatisfactionReportName, cells: Cells, filters: ReportFilters, context: ReportContext, owners: Set<string> | null): ReportTable {
  const type = name === 'nps-by-month' ? 'nps' : 'csat';
  const answers = (cells.satisfaction ?? []).filter(
    (cell) => cell.dims.type === type && inPeriod(cell, filters) && ownedBy(owners)(cell) && (!filters.productId || cell.dims.product === filters.productId),
  );
  if (type === 'nps') {
    const rows = [...sumBy(answers, (cell) => cell.month)].map(([month, group]) => ({ key: month, label: month, values: npsValues(group) }));
    return { columns: NPS_COLUMNS, rows: rows.sort((a, b) => a.key.localeCompare(b.key)) };
  }
  const keyOf: (cell: ReportCell) => string = name === 'csat-by-owner' ? (cell) => cell.dims.owner ?? '' : name === 'csat-by-product' ? (cell) => cell.dims.product ?? '' : (cell) => cell.month;
  const labelOf = (key: string) =>
    name === 'csat-by-owner' ? memberName(context, key) : name === 'csat-by-product' ? (context.products.find((product) => product.id === key)?.name ?? (key === '' ? 'none' : key)) : key;
  const rows = [...sumBy(answers, keyOf)].map(([key, group]) => ({ key, label: labelOf(key), values: csatValues(group) }));
  return {
    columns: CSAT_COLUMNS,
    rows: rows.sort((a, b) => (name === 'csat-by-month' ? a.key.localeCompare(b.key) : (b.values.answers ?? 0) - (a.values.answers ?? 0) || a.label.localeCompare(b.label))),
  };
}

function csatValues(group: Group): Record<string, number | null> {
  const answers = countOf(group, 'count');
  return {
    answers,
    average: answers === 0 ? null : roundTo(countOf(group, 'score') / answers, 2),
    satisfiedRate: rate(answers === 0 ? null : countOf(group, 'satisfied') / answers),
    low: countOf(group, 'low'),
  };
}

function npsValues(group: Group): Record<string, number | null> {
  const answers = countOf(group, 'count');
  const promoters = countOf(group, 'promoters');
  const detractors = countOf(group, 'detractors');
  return { answers, promoters, passives: countOf(group, 'passives'), detractors, nps: netPromoterScore(promoters, detractors, answers) };
}
