// Reports as tables, built from report cells alone: every report is rows of values under typed columns, which the
// dashboard draws as a chart, shows as a table and exports as CSV. Pure, so the API and the tests share it.
import type { Pipeline } from '../deals/pipeline.rules';
import { minorDigits, type ExchangeRate } from '../money/money.rules';
import { quarterOf, winRate, contactRate } from './report.rules';
import type { MoneyMeasure, ReportCell, ReportFamily } from './report-cells.rules';
import { dataQuality } from './data-quality.rules';
import { commerceReport, commerceReportFamilies, commerceReportNames, type CommerceReportName } from './commerce-reports.rules';
import { satisfactionReport, satisfactionReportFamilies, satisfactionReportNames, type SatisfactionReportName } from './satisfaction-reports.rules';
import { campaignReport, campaignReportFamilies, campaignReportNames, type CampaignOfReport, type CampaignReportName } from './campaign-reports.rules';
import { serviceLevelReport, serviceLevelReportFamilies, serviceLevelReportNames, type ServiceLevelReportName } from './service-level-reports.rules';
import { segmentReport, segmentReportFamilies, segmentReportNames, type SegmentReportName } from './segment-reports.rules';
import type { CustomerSegment } from '../companies/company-segment.rules';
import { countOf, days, inCurrency, inPeriod, memberName, MoneyColumns, ownedBy, ownersInScope, rate, roundTo, sumBy, type Cells, type Group } from './report-groups.rules';

export { ownersInScope } from './report-groups.rules';

export const reportNames = [
  'pipeline',
  'forecast',
  'win-rate-by-owner',
  'win-rate-by-product',
  'win-rate-by-region',
  'won-by-quarter',
  'open-deals-by-owner',
  'products-sold',
  'time-in-stage',
  'activities-by-owner',
  'activities-by-week',
  'contact-rate-by-territory',
  'contact-rate-by-owner',
  'leads-by-source',
  'leads-by-campaign',
  'cases-by-owner',
  'open-cases-by-priority',
  'open-cases-by-age',
  'data-quality',
  'expenses-by-owner',
  'expenses-by-category',
  'expenses-by-month',
  ...commerceReportNames,
  ...serviceLevelReportNames,
  ...satisfactionReportNames,
  ...campaignReportNames,
  ...segmentReportNames,
] as const;
export type ReportName = (typeof reportNames)[number];

/** The cells each report reads. */
export const reportFamiliesOf: Record<ReportName, readonly ReportFamily[]> = {
  pipeline: ['deal'],
  forecast: ['deal'],
  'win-rate-by-owner': ['deal'],
  'win-rate-by-product': ['deal'],
  'win-rate-by-region': ['deal'],
  'won-by-quarter': ['deal'],
  'open-deals-by-owner': ['deal'],
  'products-sold': ['deal'],
  'time-in-stage': ['stage'],
  'activities-by-owner': ['activity'],
  'activities-by-week': ['activity'],
  'contact-rate-by-territory': ['activity', 'company'],
  'contact-rate-by-owner': ['activity', 'company'],
  'leads-by-source': ['lead'],
  'leads-by-campaign': ['lead'],
  'cases-by-owner': ['case'],
  'open-cases-by-priority': ['case'],
  'open-cases-by-age': ['case'],
  'data-quality': ['deal', 'lead', 'case', 'company'],
  'expenses-by-owner': ['expense'],
  'expenses-by-category': ['expense'],
  'expenses-by-month': ['expense'],
  ...commerceReportFamilies,
  ...serviceLevelReportFamilies,
  ...satisfactionReportFamilies,
  ...campaignReportFamilies,
  ...segmentReportFamilies,
};

export type ColumnKind = 'count' | 'money' | 'percent' | 'days' | 'number';
export type ReportColumn = { key: string; kind: ColumnKind };
export type ReportRow = {
  key: string;
  label: string;
  values: Record<string, number | null>;
  /** Reports by customer segment: the segment's value the row is about (an industry as written, a size band, a type). */
  segment?: string;
};
export type ReportTable = { columns: ReportColumn[]; rows: ReportRow[] };

export type ReportFilters = {
  /** First and last month, `YYYY-MM`, both included. */
  from: string;
  to: string;
  ownerId?: string | undefined;
  team?: string | undefined;
  territoryId?: string | undefined;
  productId?: string | undefined;
  /** Only these owners' records (a manager's expense reports: their team's). */
  ownerIds?: readonly string[] | undefined;
  /** Only the deals in this currency, their money unconverted; without it, every deal, converted to the reporting currency. */
  currency?: string | undefined;
  /** Only this campaign's funnel (the campaign reports). */
  campaignId?: string | undefined;
  /** What the reports on customer demographics group by (industry when not given); the other reports ignore it. */
  segment?: CustomerSegment | undefined;
};

export type ReportContext = {
  now: string;
  pipeline: Pipeline;
  /** The tenant's reporting currency and its dated exchange rates. */
  money: { reportingCurrency: string; rates: readonly ExchangeRate[] };
  members: readonly { id: string; displayName: string; team?: string | undefined; office?: string | undefined; deactivated?: boolean | undefined }[];
  territories: readonly { id: string; name: string; repIds: readonly string[] }[];
  /** The products a report names; with their currency, which names those of one name in several currencies apart. */
  products: readonly { id: string; name: string; currency?: string }[];
  /** The knowledge articles a report names (the articles answering cases), by id, with their translation group. */
  articles?: readonly { id: string; title: string; group?: string }[];
  /** The campaigns a funnel names, with their channel and budget (the campaign reports). */
  campaigns?: readonly CampaignOfReport[];
};

/** What the money columns of a report are: in which currency, and, when converted, at which rates. */
export type ReportMoneyNote = {
  currency: string;
  /** Amounts in other currencies were converted to `currency` (the reporting currency). */
  converted: boolean;
  /** The rates applied, each once (a currency's rate and the month it is given for). */
  ratesUsed: ExchangeRate[];
  /** Currencies with amounts but no rate: their deals are counted, their money is not in the sums. */
  missingRates: string[];
};

/** Deal cells of every currency (or the one filtered on), for all products or the one filtered on, of the owners in scope. */
function dealCells(cells: Cells, filters: ReportFilters, owners: Set<string> | null): ReportCell[] {
  const product = filters.productId ?? '*';
  return (cells.deal ?? []).filter((cell) => cell.dims.product === product && inCurrency(cell, filters) && (owners === null || owners.has(cell.dims.owner ?? '')));
}

/** Closed deals in the period grouped by `groupOf`: won, lost, win rate, won amount (of `measure`). */
function winRates(
  deals: readonly ReportCell[],
  filters: ReportFilters,
  money: MoneyColumns,
  groupOf: (cell: ReportCell) => string | null,
  labelOf: (key: string) => string,
  measure: MoneyMeasure = 'minor',
): ReportTable {
  const closed = deals.filter((cell) => cell.dims.status !== 'open' && inPeriod(cell, filters));
  const won = sumBy(closed.filter((cell) => cell.dims.status === 'won'), groupOf);
  const lost = sumBy(closed.filter((cell) => cell.dims.status === 'lost'), groupOf);
  const keys = [...new Set([...won.keys(), ...lost.keys()])];
  const rows = keys.map((key) => {
    const wonCount = countOf(won.get(key), 'count');
    const lostCount = countOf(lost.get(key), 'count');
    return { key, label: labelOf(key), values: { won: wonCount, lost: lostCount, winRate: rate(winRate(wonCount, lostCount)), wonAmount: money.amount(won.get(key), measure) } };
  });
  rows.sort((a, b) => (b.values.wonAmount ?? 0) - (a.values.wonAmount ?? 0) || a.label.localeCompare(b.label));
  return {
    columns: [
      { key: 'won', kind: 'count' },
      { key: 'lost', kind: 'count' },
      { key: 'winRate', kind: 'percent' },
      { key: 'wonAmount', kind: 'money' },
    ],
    rows,
  };
}

function contactRates(cells: Cells, filters: ReportFilters, context: ReportContext, by: 'territory' | 'owner', owners: Set<string> | null): ReportTable {
  const contactsBy = sumBy((cells.activity ?? []).filter((cell) => inPeriod(cell, filters) && ownedBy(owners)(cell)), (cell) => cell.dims.owner ?? '');
  const customers = (cells.company ?? []).filter((cell) => cell.dims.type === 'customer');
  const groups =
    by === 'territory'
      ? context.territories
          .filter((territory) => !filters.territoryId || territory.id === filters.territoryId)
          .map((territory) => ({
            key: territory.id,
            label: territory.name,
            owners: territory.repIds.filter((id) => owners === null || owners.has(id)),
            customers: customers.filter((cell) => cell.dims.territory === territory.id),
          }))
      : [...new Set([...contactsBy.keys(), ...customers.map((cell) => cell.dims.owner ?? '')])]
          .filter((id) => owners === null || owners.has(id))
          .map((id) => ({ key: id, label: memberName(context, id), owners: [id], customers: customers.filter((cell) => cell.dims.owner === id) }));
  const rows = groups.map((group) => {
    const contacts = group.owners.reduce((sum, id) => sum + countOf(contactsBy.get(id), 'contacts'), 0);
    const activities = group.owners.reduce((sum, id) => sum + countOf(contactsBy.get(id), 'count'), 0);
    const customerCount = group.customers.reduce((sum, cell) => sum + (cell.measures.count ?? 0), 0);
    return { key: group.key, label: group.label, values: { activities, contacts, customers: customerCount, contactRate: rate(contactRate(contacts, customerCount)) } };
  });
  return {
    columns: [
      { key: 'activities', kind: 'count' },
      { key: 'contacts', kind: 'count' },
      { key: 'customers', kind: 'count' },
      { key: 'contactRate', kind: 'number' },
    ],
    rows: rows.sort((a, b) => a.label.localeCompare(b.label)),
  };
}

function leadsBy(cells: Cells, filters: ReportFilters, dim: 'source' | 'campaign', owners: Set<string> | null): ReportTable {
  // A territory filter keeps the leads of its reps, as it does for every report.
  const leads = (cells.lead ?? []).filter((cell) => inPeriod(cell, filters) && ownedBy(owners)(cell));
  const all = sumBy(leads, (cell) => cell.dims[dim] ?? '');
  const converted = sumBy(leads.filter((cell) => cell.dims.status === 'converted'), (cell) => cell.dims[dim] ?? '');
  const rows = [...all].map(([key, sum]) => {
    const convertedCount = countOf(converted.get(key), 'count');
    const leads = countOf(sum, 'count');
    return { key, label: key, values: { leads, converted: convertedCount, conversionRate: rate(leads === 0 ? null : convertedCount / leads) } };
  });
  return {
    columns: [
      { key: 'leads', kind: 'count' },
      { key: 'converted', kind: 'count' },
      { key: 'conversionRate', kind: 'percent' },
    ],
    rows: rows.sort((a, b) => (b.values.leads ?? 0) - (a.values.leads ?? 0) || a.key.localeCompare(b.key)),
  };
}

/**
 * Expenses of the period grouped by `groupOf`: how many were approved and for how much, how many wait and for how
 * much, how many were rejected (their money is in no column). Each month's money is converted at that month's rate.
 */
function expensesBy(cells: Cells, filters: ReportFilters, money: MoneyColumns, owners: Set<string> | null, groupOf: (cell: ReportCell) => string, labelOf: (key: string) => string): ReportTable {
  const expenses = (cells.expense ?? []).filter((cell) => inPeriod(cell, filters) && inCurrency(cell, filters) && ownedBy(owners)(cell));
  const byStatus = (status: string) => sumBy(expenses.filter((cell) => cell.dims.status === status), groupOf);
  const approved = byStatus('approved');
  const submitted = byStatus('submitted');
  const rejected = byStatus('rejected');
  const keys = [...new Set([...approved.keys(), ...submitted.keys(), ...rejected.keys()])];
  const rows = keys.map((key) => ({
    key,
    label: labelOf(key),
    values: {
      approved: countOf(approved.get(key), 'count'),
      approvedAmount: money.amount(approved.get(key), 'minor'),
      submitted: countOf(submitted.get(key), 'count'),
      submittedAmount: money.amount(submitted.get(key), 'minor'),
      rejected: countOf(rejected.get(key), 'count'),
    },
  }));
  return {
    columns: [
      { key: 'approved', kind: 'count' },
      { key: 'approvedAmount', kind: 'money' },
      { key: 'submitted', kind: 'count' },
      { key: 'submittedAmount', kind: 'money' },
      { key: 'rejected', kind: 'count' },
    ],
    rows,
  };
}

const AGE_BUCKETS = [
  { key: 'under-7-days', maxDays: 7 },
  { key: '7-to-30-days', maxDays: 30 },
  { key: '30-to-90-days', maxDays: 90 },
  { key: 'over-90-days', maxDays: Infinity },
] as const;

/**
 * Builds one report from the cells of its families. Counts and rates take every record, whatever its currency; money
 * is in the reporting currency (converted) or, when the filters pick a currency, that currency's deals only.
 */
export function buildReport(name: ReportName, cells: Cells, filters: ReportFilters, context: ReportContext): ReportTable & { money: ReportMoneyNote } {
  const money = new MoneyColumns(filters, context);
  const table = buildTable(name, cells, filters, context, money);
  return { ...table, money: money.note() };
}

function buildTable(name: ReportName, cells: Cells, filters: ReportFilters, context: ReportContext, money: MoneyColumns): ReportTable {
  const owners = ownersInScope(filters, context);
  const thisMonth = context.now.slice(0, 7);
  const dealColumns: ReportColumn[] = [
    { key: 'deals', kind: 'count' },
    { key: 'amount', kind: 'money' },
    { key: 'weightedAmount', kind: 'money' },
  ];
  const dealValues = (group: Group | undefined) => ({ deals: countOf(group, 'count'), amount: money.amount(group, 'minor'), weightedAmount: money.amount(group, 'weightedMinor') });
  switch (name) {
    case 'pipeline': {
      const open = dealCells(cells, filters, owners).filter((cell) => cell.dims.status === 'open');
      const byStage = sumBy(open, (cell) => cell.dims.stage ?? '', thisMonth);
      const stages = context.pipeline.stages.filter((stage) => stage.kind === 'open');
      return { columns: dealColumns, rows: stages.map((stage) => ({ key: stage.id, label: stage.name, values: dealValues(byStage.get(stage.id)) })) };
    }
    case 'forecast': {
      // Every open deal, whatever the period (it is about closed business): by the month it is expected to close, late
      // ones included where they are, and those without a date last.
      const open = dealCells(cells, filters, owners).filter((cell) => cell.dims.status === 'open');
      const byMonth = sumBy(open, (cell) => cell.month, thisMonth);
      const months = [...byMonth.keys()].sort((a, b) => (a === 'none' ? 1 : b === 'none' ? -1 : a.localeCompare(b)));
      return { columns: dealColumns, rows: months.map((month) => ({ key: month, label: month, values: dealValues(byMonth.get(month)) })) };
    }
    case 'win-rate-by-owner':
      return winRates(dealCells(cells, filters, owners), filters, money, (cell) => cell.dims.owner ?? '', (id) => memberName(context, id));
    case 'win-rate-by-region': {
      const officeOf = new Map(context.members.map((member) => [member.id, member.office ?? '']));
      return winRates(dealCells(cells, filters, owners), filters, money, (cell) => officeOf.get(cell.dims.owner ?? '') ?? '', (office) => office);
    }
    case 'win-rate-by-product': {
      const productCells = (cells.deal ?? []).filter(
        (cell) => cell.dims.product !== '*' && inCurrency(cell, filters) && ownedBy(owners)(cell) && (!filters.productId || cell.dims.product === filters.productId),
      );
      const nameOf = new Map(context.products.map((product) => [product.id, product.name]));
      // Per product, the won amount is what its lines sold for.
      return winRates(productCells, filters, money, (cell) => cell.dims.product ?? '', (id) => nameOf.get(id) ?? id, 'lineMinor');
    }
    case 'won-by-quarter': {
      const won = dealCells(cells, filters, owners).filter((cell) => cell.dims.status === 'won' && inPeriod(cell, filters));
      const byQuarter = sumBy(won, (cell) => quarterOf(cell.month));
      return {
        columns: [
          { key: 'won', kind: 'count' },
          { key: 'wonAmount', kind: 'money' },
        ],
        rows: [...byQuarter.keys()].sort().map((quarter) => ({ key: quarter, label: quarter, values: { won: countOf(byQuarter.get(quarter), 'count'), wonAmount: money.amount(byQuarter.get(quarter), 'minor') } })),
      };
    }
    case 'open-deals-by-owner': {
      const open = dealCells(cells, filters, owners).filter((cell) => cell.dims.status === 'open');
      const byOwner = sumBy(open, (cell) => cell.dims.owner ?? '', thisMonth);
      const rows = [...byOwner].map(([id, group]) => ({ key: id, label: memberName(context, id), values: dealValues(group) }));
      return { columns: dealColumns, rows: rows.sort((a, b) => (b.values.deals ?? 0) - (a.values.deals ?? 0) || a.label.localeCompare(b.label)) };
    }
    case 'products-sold': {
      const won = (cells.deal ?? []).filter(
        (cell) => cell.dims.product !== '*' && cell.dims.status === 'won' && inCurrency(cell, filters) && inPeriod(cell, filters) && ownedBy(owners)(cell) && (!filters.productId || cell.dims.product === filters.productId),
      );
      const nameOf = new Map(context.products.map((product) => [product.id, product.name]));
      const byProduct = sumBy(won, (cell) => cell.dims.product ?? '');
      const rows = [...byProduct].map(([id, group]) => {
        const quantity = countOf(group, 'quantity');
        const revenue = money.amount(group, 'lineMinor');
        return {
          key: id,
          label: nameOf.get(id) ?? id,
          // The mean price is the revenue in the report's currency over the units sold, to its minor unit.
          values: { deals: countOf(group, 'count'), quantity, revenue, averageUnitPrice: quantity ? roundTo(revenue / quantity, minorDigits(money.currency)) : null },
        };
      });
      return {
        columns: [
          { key: 'deals', kind: 'count' },
          { key: 'quantity', kind: 'number' },
          { key: 'revenue', kind: 'money' },
          { key: 'averageUnitPrice', kind: 'money' },
        ],
        rows: rows.sort((a, b) => (b.values.revenue ?? 0) - (a.values.revenue ?? 0)),
      };
    }
    case 'time-in-stage': {
      const spells = (cells.stage ?? []).filter((cell) => inPeriod(cell, filters) && ownedBy(owners)(cell));
      const byStage = sumBy(spells, (cell) => cell.dims.stage ?? '');
      const order = context.pipeline.stages.filter((stage) => stage.kind === 'open');
      return {
        columns: [
          { key: 'deals', kind: 'count' },
          { key: 'meanDays', kind: 'days' },
          { key: 'probability', kind: 'percent' },
        ],
        rows: order.map((stage) => {
          const group = byStage.get(stage.id);
          return { key: stage.id, label: stage.name, values: { deals: countOf(group, 'spells'), meanDays: days(countOf(group, 'ms'), countOf(group, 'spells')), probability: stage.probability / 100 } };
        }),
      };
    }
    case 'activities-by-owner':
    case 'activities-by-week': {
      const done = (cells.activity ?? []).filter((cell) => cell.dims.status === 'done' && inPeriod(cell, filters) && ownedBy(owners)(cell));
      const kinds = ['email', 'call', 'meeting', 'task', 'note'];
      const columns = [...kinds, 'total'];
      const groupOf = name === 'activities-by-owner' ? (cell: ReportCell) => cell.dims.owner ?? '' : (cell: ReportCell) => cell.dims.week ?? '';
      const groups = new Map<string, Record<string, number>>();
      for (const cell of done) {
        const key = groupOf(cell);
        const values = groups.get(key) ?? Object.fromEntries(columns.map((column) => [column, 0]));
        values[cell.dims.kind ?? ''] = (values[cell.dims.kind ?? ''] ?? 0) + (cell.measures.count ?? 0);
        values.total = (values.total ?? 0) + (cell.measures.count ?? 0);
        groups.set(key, values);
      }
      const rows = [...groups].map(([key, values]) => ({ key, label: name === 'activities-by-owner' ? memberName(context, key) : key, values }));
      return { columns: columns.map((key) => ({ key, kind: 'count' as const })), rows: rows.sort((a, b) => a.label.localeCompare(b.label)) };
    }
    case 'contact-rate-by-territory':
      return contactRates(cells, filters, context, 'territory', owners);
    case 'contact-rate-by-owner':
      return contactRates(cells, filters, context, 'owner', owners);
    case 'leads-by-source':
      return leadsBy(cells, filters, 'source', owners);
    case 'leads-by-campaign':
      return leadsBy(cells, filters, 'campaign', owners);
    case 'cases-by-owner': {
      const cases = (cells.case ?? []).filter(ownedBy(owners));
      const open = sumBy(cases.filter((cell) => cell.current), (cell) => cell.dims.owner ?? '');
      const closed = sumBy(cases.filter((cell) => !cell.current && inPeriod(cell, filters)), (cell) => cell.dims.owner ?? '');
      const keys = [...new Set([...open.keys(), ...closed.keys()])];
      const rows = keys.map((id) => ({
        key: id,
        label: memberName(context, id),
        values: { open: countOf(open.get(id), 'count'), closed: countOf(closed.get(id), 'count'), meanDaysToClose: days(countOf(closed.get(id), 'ms'), countOf(closed.get(id), 'count')) },
      }));
      return {
        columns: [
          { key: 'open', kind: 'count' },
          { key: 'closed', kind: 'count' },
          { key: 'meanDaysToClose', kind: 'days' },
        ],
        rows: rows.sort((a, b) => (b.values.open ?? 0) - (a.values.open ?? 0) || a.label.localeCompare(b.label)),
      };
    }
    case 'open-cases-by-priority': {
      const byPriority = sumBy((cells.case ?? []).filter((cell) => cell.current && ownedBy(owners)(cell)), (cell) => cell.dims.priority ?? '');
      return {
        columns: [{ key: 'open', kind: 'count' }],
        rows: ['urgent', 'high', 'normal', 'low'].map((priority) => ({ key: priority, label: priority, values: { open: countOf(byPriority.get(priority), 'count') } })),
      };
    }
    case 'open-cases-by-age': {
      const today = Date.parse(context.now.slice(0, 10));
      const byAge = sumBy((cells.case ?? []).filter((cell) => cell.current && ownedBy(owners)(cell)), (cell) => {
        const age = (today - Date.parse(cell.dims.opened ?? context.now.slice(0, 10))) / 86_400_000;
        return AGE_BUCKETS.find((bucket) => age < bucket.maxDays)?.key ?? 'over-90-days';
      });
      return { columns: [{ key: 'open', kind: 'count' }], rows: AGE_BUCKETS.map((bucket) => ({ key: bucket.key, label: bucket.key, values: { open: countOf(byAge.get(bucket.key), 'count') } })) };
    }
    case 'data-quality':
      return dataQuality(cells, context);
    case 'expenses-by-owner': {
      const table = expensesBy(cells, filters, money, owners, (cell) => cell.dims.owner ?? '', (id) => memberName(context, id));
      return { ...table, rows: table.rows.sort((a, b) => (b.values.approvedAmount ?? 0) - (a.values.approvedAmount ?? 0) || a.label.localeCompare(b.label)) };
    }
    case 'expenses-by-category': {
      const table = expensesBy(cells, filters, money, owners, (cell) => cell.dims.category ?? '', (category) => category);
      return { ...table, rows: table.rows.sort((a, b) => (b.values.approvedAmount ?? 0) - (a.values.approvedAmount ?? 0) || a.key.localeCompare(b.key)) };
    }
    case 'expenses-by-month': {
      const table = expensesBy(cells, filters, money, owners, (cell) => cell.month, (month) => month);
      return { ...table, rows: table.rows.sort((a, b) => a.key.localeCompare(b.key)) };
    }
    default:
      if ((campaignReportNames as readonly string[]).includes(name)) return campaignReport(name as CampaignReportName, cells, filters, context, money);
      if ((segmentReportNames as readonly string[]).includes(name)) return segmentReport(name as SegmentReportName, cells, filters, context, money, owners);
      if ((satisfactionReportNames as readonly string[]).includes(name)) return satisfactionReport(name as SatisfactionReportName, cells, filters, context, owners);
      return (serviceLevelReportNames as readonly string[]).includes(name)
        ? serviceLevelReport(name as ServiceLevelReportName, cells, filters, context, owners)
        : commerceReport(name as CommerceReportName, cells, filters, context, money, owners);
  }
}
