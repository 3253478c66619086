// Data quality: the records a person should look at, as checks over report cells. The report counts each check's cells;
// the same check over one record's own cells says whether that record is one of those counted.
import type { ReportCell, ReportFamily } from './report-cells.rules';
import type { ReportContext, ReportTable } from './report-tables.rules';

type Cells = Partial<Record<ReportFamily, readonly ReportCell[]>>;

/** The kinds whose records data quality counts, each under the report family of the same name. */
export type QualityRecordKind = 'deal' | 'company' | 'case' | 'lead';

export type QualityCheck = {
  key: string;
  /** The kind of record the check counts; the shared e-mail addresses count contacts and leads (found by address). */
  kind: QualityRecordKind | 'email';
  /** How many records the check counts among these cells. */
  count: (cells: Cells, context: Pick<ReportContext, 'now' | 'members'>) => number;
};

const activeMembers = (context: Pick<ReportContext, 'members'>) => new Set(context.members.filter((member) => !member.deactivated).map((member) => member.id));
const sum = (list: readonly ReportCell[], measure = 'count') => list.reduce((total, cell) => total + (cell.measures[measure] ?? 0), 0);
// A deal counts once under all products ('*') and again under each product it sells: only the first is counted.
const openDeals = (cells: Cells) => (cells.deal ?? []).filter((cell) => cell.current && cell.dims.product === '*');
const ownerless = (context: Pick<ReportContext, 'members'>) => {
  const active = activeMembers(context);
  return (cell: ReportCell) => !active.has(cell.dims.owner ?? '');
};

/** The checks, in the order the report lists them. */
export const qualityChecks: readonly QualityCheck[] = [
  { key: 'open-deals-without-active-owner', kind: 'deal', count: (cells, context) => sum(openDeals(cells).filter(ownerless(context))) },
  { key: 'companies-without-active-owner', kind: 'company', count: (cells, context) => sum((cells.company ?? []).filter(ownerless(context))) },
  { key: 'open-cases-without-active-owner', kind: 'case', count: (cells, context) => sum((cells.case ?? []).filter((cell) => cell.current).filter(ownerless(context))) },
  {
    key: 'leads-unassigned',
    kind: 'lead',
    count: (cells, context) => {
      const noOwner = ownerless(context);
      return sum((cells.lead ?? []).filter((cell) => (cell.dims.status === 'new' || noOwner(cell)) && cell.dims.status !== 'converted' && cell.dims.status !== 'dead'));
    },
  },
  { key: 'open-deals-without-amount', kind: 'deal', count: (cells) => sum(openDeals(cells), 'unpriced') },
  {
    key: 'open-deals-past-close-date',
    kind: 'deal',
    count: (cells, context) => sum(openDeals(cells).filter((cell) => cell.month !== 'none' && cell.month < context.now.slice(0, 7))),
  },
  { key: 'open-deals-without-close-date', kind: 'deal', count: (cells) => sum(openDeals(cells).filter((cell) => cell.month === 'none')) },
  // Addresses that several contacts or leads share (the store gives only those).
  { key: 'emails-shared', kind: 'email', count: (cells) => (cells.email ?? []).filter((cell) => (cell.measures.count ?? 0) > 1).length },
];

/** Records a person should look at: owned by someone who is not an active member, leads left unassigned, open deals without an amount or past their close date. */
export function dataQuality(cells: Cells, context: ReportContext): ReportTable {
  return { columns: [{ key: 'records', kind: 'count' }], rows: qualityChecks.map((check) => ({ key: check.key, label: check.key, values: { records: check.count(cells, context) } })) };
}
