// Reports on service: of the cases closed in the period, how many were first answered and resolved in time, by month
// and by rep; and the knowledge articles that answered the most cases. Built from the `serviceLevel` and `answer` cells.
import type { ReportCell, ReportFamily } from './report-cells.rules';
import type { ReportColumn, ReportContext, ReportFilters, ReportTable } from './report-tables.rules';
import { countOf, inPeriod, memberName, ownedBy, rate, sumBy, type Cells } from './report-groups.rules';

export const serviceLevelReportNames = ['service-levels-by-month', 'service-levels-by-owner', 'articles-answering-cases'] as const;
export type ServiceLevelReportName = (typeof serviceLevelReportNames)[number];

export const serviceLevelReportFamilies: Record<ServiceLevelReportName, readonly ReportFamily[]> = {
  'service-levels-by-month': ['serviceLevel'],
  'service-levels-by-owner': ['serviceLevel'],
  'articles-answering-cases': ['answer'],
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
  if (name === 'articles-answering-cases') return articlesAnswering(cells, filters, context);
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

/**
 * The knowledge articles that answered the most cases in the period (each case once per article, in the month it first
 * did), the most first; an article and its translations count as one, named by the first of them. Every rep's: an
 * article is the team's answer, not one rep's figure.
 */
function articlesAnswering(cells: Cells, filters: ReportFilters, context: ReportContext): ReportTable {
  const articles = new Map((context.articles ?? []).map((article) => [article.id, article]));
  const groupOf = (id: string) => articles.get(id)?.group ?? id;
  const answers = sumBy((cells.answer ?? []).filter((cell) => inPeriod(cell, filters)), (cell) => groupOf(cell.dims.article ?? ''));
  const rows = [...answers].map(([id, group]) => ({ key: id, label: articles.get(id)?.title ?? id, values: { cases: countOf(group, 'count') } }));
  return { columns: [{ key: 'cases', kind: 'count' }], rows: rows.sort((a, b) => (b.values.cases ?? 0) - (a.values.cases ?? 0) || a.label.localeCompare(b.label)).slice(0, ARTICLES_SHOWN) };
}

/** The articles the report lists, at most. */
export const ARTICLES_SHOWN = 50;
