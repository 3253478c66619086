import {
  CrmError,
  DEFAULT_SEGMENT,
  segmentReportNames,
  translationGroupOf,
  MAX_REPORT_MONTHS,
  buildReport,
  campaignReportNames,
  capabilitiesOf,
  hasRole,
  reportFamiliesOf,
  roleRequired,
  type Pipeline,
  type ReportCell,
  type ReportFamily,
  type ReportName,
  type ReportQuery,
  type Member,
  type Product,
  type ReportResponse,
  type TenantSettings,
  type Territory,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import { listUpTo } from '../store/list-up-to';
import { qualityRecords } from './quality-records';
import type { MonthRange, Store } from '../store/store';
import { readScopeOf } from './read-scope';

// Members, territories and products a report names: bounded, like everything a request reads.
const MAX_MEMBERS = 2_000;
const MAX_TERRITORIES = 500;
const MAX_PRODUCTS = 2_000;
// Campaigns a funnel names: a tenant runs tens a year.
const MAX_CAMPAIGNS = 2_000;
const DEFAULT_MONTHS = 12;
/** Of several reports asked for at once, this many are read at the same time. */
const REPORTS_IN_FLIGHT = 4;
// Data quality looks at every month a report may read.
const DATA_QUALITY_MONTHS = MAX_REPORT_MONTHS;
// Addresses shared by several contacts or leads that data quality counts, at most.
export const MAX_DUPLICATE_EMAILS = 1_000;

/** Shifts a `YYYY-MM` month by `count` months. */
export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

/** One of several reports: its table, or what reading it threw. */
export type ReportOfSeveral = { report: ReportName; result: ReportResponse } | { report: ReportName; error: unknown };

/**
 * Reports from the maintained report cells: a report reads the cells of its period (and the present state), never the
 * records, so its cost follows the number of owners, stages, products and months, not the tenant's history.
 */
export class ReportsService {
  constructor(
    private readonly deps: {
      store: Store;
      now: () => Date;
      pipelineOf: (tenantId: string) => Promise<Pipeline>;
      /** The tenant's reporting currency and exchange rates. */
      settingsOf: (tenantId: string) => Promise<Pick<TenantSettings, 'reportingCurrency' | 'exchangeRates'>>;
    },
  ) {}

  /** The reads the reports of one request share (ReportReads). */
  private readsFor(tenantId: string): ReportReads {
    const { store } = this.deps;
    const cells = new Map<string, Promise<ReportCell[]>>();
    return {
      cells: (family, months, dims) => {
        const key = JSON.stringify([family, months.from, months.to, dims?.segment ?? null]);
        let read = cells.get(key);
        if (!read) {
          read = store.reportCells(tenantId, family, months, dims);
          cells.set(key, read);
        }
        // Each report gets an array of its own (a report may sort or filter what it is given).
        return read.then((found) => [...found]);
      },
      pipeline: once(() => this.deps.pipelineOf(tenantId)),
      settings: once(() => this.deps.settingsOf(tenantId)),
      members: once(async () => (await listUpTo(store, 'member', tenantId, {}, MAX_MEMBERS)).items),
      territories: once(async () => (await listUpTo(store, 'territory', tenantId, {}, MAX_TERRITORIES)).items),
      products: once(async () => (await listUpTo(store, 'product', tenantId, {}, MAX_PRODUCTS)).items),
    };
  }

  /**
   * Several reports with the same filters, each read as `report` reads it alone (its refusal included, as its error).
   * At most REPORTS_IN_FLIGHT at once, and the process answers other requests between two (SQLite reads without
   * waiting): a tab's reports neither send the store all their queries at once nor hold the one thread for all of them.
   */
  async reports(principal: Principal, names: readonly ReportName[], query: ReportQuery): Promise<ReportOfSeveral[]> {
    // What several reports read alike (the pipeline, the settings, the members, territories and products, a family's
    // cells of the period) is read once for all of them: on Cosmos DB each read is requests.
    const reads = this.readsFor(principal.tenantId);
    const answers: ReportOfSeveral[] = [];
    let next = 0;
    const readInTurn = async (): Promise<void> => {
      for (let index = next++; index < names.length; index = next++) {
        const report = names[index] as ReportName;
        await new Promise((resolve) => setImmediate(resolve));
        try {
          answers[index] = { report, result: await this.report(principal, report, query, reads) };
        } catch (error) {
          answers[index] = { report, error };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(REPORTS_IN_FLIGHT, names.length) }, readInTurn));
    return answers;
  }

  /** One report; `reads` are those it shares with the other reports of the same request, if any. */
  async report(principal: Principal, name: ReportName, query: ReportQuery, reads: ReportReads = this.readsFor(principal.tenantId)): Promise<ReportResponse> {
    // Managers keep their teams' records in order: they reassign, complete and merge what data quality lists.
    if (name === 'data-quality' && !hasRole(principal.roles, 'manager')) throw roleRequired('manager', 'read the data quality report');
    // Campaigns' funnels are marketing's and management's: not narrowed to a rep's own records, so not a rep's to read.
    const campaignReport = (campaignReportNames as readonly string[]).includes(name);
    if (campaignReport && !hasRole(principal.roles, 'manager') && !(principal.capabilities ?? []).includes('campaignManager')) {
      throw new CrmError('forbidden', 'CAMPAIGN.MANAGER_REQUIRED', "Only a manager, a campaign manager or an admin can read campaigns' funnels. Ask your admin to make you a campaign manager.", {
        requiredRole: 'manager',
        capability: 'campaignManager',
      });
    }
    if (campaignReport) query = { ...query, ownerId: undefined, team: undefined, territoryId: undefined };
    else query = scopedToCaller(principal, name, query);
    const { store } = this.deps;
    const now = this.deps.now().toISOString();
    const thisMonth = now.slice(0, 7);
    const to = query.to ?? (query.from ? addMonths(query.from, DEFAULT_MONTHS - 1) : thisMonth);
    const from = query.from ?? addMonths(to, -(DEFAULT_MONTHS - 1));
    if (monthsBetween(from, to) > MAX_REPORT_MONTHS) {
      throw new CrmError('invalid', 'REPORT.PERIOD_TOO_LONG', `A report covers at most ${MAX_REPORT_MONTHS} months: choose a shorter period.`, {
        maxMonths: MAX_REPORT_MONTHS,
      });
    }
    const months: MonthRange =
      name === 'data-quality'
        ? { from: addMonths(thisMonth, -DATA_QUALITY_MONTHS), to: addMonths(thisMonth, DATA_QUALITY_MONTHS) }
        : // What comes up for renewal is read from this month on, whatever the period.
          name === 'contracts-up-for-renewal'
          ? { from: thisMonth, to: addMonths(thisMonth, MAX_REPORT_MONTHS) }
          : { from, to };
    const families = reportFamiliesOf[name];
    // Only the reports on customer demographics group by a segment: they say which one, the others none.
    const segment = (segmentReportNames as readonly string[]).includes(name) ? (query.segment ?? DEFAULT_SEGMENT) : undefined;
    const tenantId = principal.tenantId;
    const [cellLists, pipeline, settings, members, territories, products] = await Promise.all([
      // A report by customer segment reads the cells of its segment only (a company's and a deal's are one per segment).
      Promise.all(families.map((family) => reads.cells(family, months, segment && SEGMENT_FAMILIES.has(family) ? { segment } : undefined))),
      reads.pipeline(),
      reads.settings(),
      reads.members(),
      reads.territories(),
      reads.products(),
    ]);
    const cells: Partial<Record<ReportFamily, ReportCell[]>> = {};
    families.forEach((family, index) => {
      cells[family] = cellLists[index] ?? [];
    });
    if (name === 'data-quality') cells.email = await store.reportCellsCountingAtLeast(tenantId, 'email', 2, MAX_DUPLICATE_EMAILS);
    const currencies = currenciesOf(cells.deal ?? []);
    // Without a currency, money is every deal's, converted to the reporting currency; with one, only that currency's.
    // Expenses are private records: a manager's expense reports add up their own team's only (an admin's, everyone's).
    const scope = families.includes('expense') ? await readScopeOf(store, principal) : { all: true as const };
    const ownerIds = scope.all ? undefined : [...scope.ownerIds];
    const filters = { from, to, currency: query.currency, ownerId: query.ownerId, team: query.team, territoryId: query.territoryId, productId: query.productId, ownerIds, segment, campaignId: query.campaignId };
    const context = {
      now,
      pipeline,
      money: { reportingCurrency: settings.reportingCurrency, rates: settings.exchangeRates },
      members,
      territories,
      products,
      // The articles answering cases are named by their titles: those the period's cells count, the most first.
      ...(name === 'articles-answering-cases' ? { articles: await articleTitles(store, tenantId, cells.answer ?? []) } : {}),
      ...(campaignReport ? { campaigns: (await listUpTo(store, 'campaign', tenantId, {}, MAX_CAMPAIGNS)).items } : {}),
    };
    const table = buildReport(name, cells, filters, context);
    // Data quality names the records it counts (the first of each row), for a manager to open.
    const counted = name === 'data-quality' ? await qualityRecords(store, tenantId, cells, context, months) : null;
    return {
      report: name,
      from,
      to,
      currency: table.money.currency,
      converted: table.money.converted,
      ratesUsed: table.money.ratesUsed,
      missingRates: table.money.missingRates,
      currencies,
      filters: Object.fromEntries(Object.entries({ ownerId: query.ownerId, team: query.team, territoryId: query.territoryId, productId: query.productId, campaignId: query.campaignId, segment }).filter(([, value]) => value !== undefined)),
      columns: table.columns,
      rows: counted ? table.rows.map((row) => ({ ...row, records: counted.get(row.key) ?? [] })) : table.rows,
      generatedAt: now,
    };
  }
}

/**
 * The reads a report makes besides its own, each made once however many reports of one request ask for it (and only
 * if one does). Never kept beyond the request: the next one reads afresh.
 */
export type ReportReads = {
  cells(family: ReportFamily, months: MonthRange, dims?: { segment: string }): Promise<ReportCell[]>;
  // Shared by the request's reports, so read-only (to their first level: the types go no deeper); the cells are copied
  // for each report.
  pipeline(): Promise<Readonly<Pipeline>>;
  settings(): Promise<Readonly<Pick<TenantSettings, 'reportingCurrency' | 'exchangeRates'>>>;
  members(): Promise<readonly Readonly<Member>[]>;
  territories(): Promise<readonly Readonly<Territory>[]>;
  products(): Promise<readonly Readonly<Product>[]>;
};

/** A read made once, when first asked for. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= read());
}

/**
 * A rep reads their own figures: reports are narrowed to their records. The one exception is cases per rep, where a
 * service rep compares their cases with the team's and the queue's. Asking for someone else's is refused.
 */
function scopedToCaller(principal: Principal, name: ReportName, query: ReportQuery): ReportQuery {
  if (capabilitiesOf(principal.roles).viewTeam) return query;
  if ((query.ownerId && query.ownerId !== principal.userId) || query.team || query.territoryId) throw roleRequired('manager', "read a colleague's or a team's reports");
  return name === 'cases-by-owner' ? query : { ...query, ownerId: principal.userId };
}

/** The currencies deals are in, the most used first. */
function currenciesOf(dealCells: readonly ReportCell[]): { currency: string; deals: number }[] {
  const counts = new Map<string, number>();
  for (const cell of dealCells) {
    if (cell.dims.product !== '*') continue;
    counts.set(cell.dims.currency ?? '', (counts.get(cell.dims.currency ?? '') ?? 0) + (cell.measures.count ?? 0));
  }
  return [...counts].map(([currency, deals]) => ({ currency, deals })).sort((a, b) => b.deals - a.deals || a.currency.localeCompare(b.currency));
}

/**
 * The articles answer cells count, with their translation group: the report counts an article and its translations as
 * one answer, named by the group's first article. Read in pages of ids, the groups' first articles with them.
 */
async function articleTitles(store: Store, tenantId: string, cells: readonly ReportCell[]): Promise<{ id: string; title: string; group: string }[]> {
  const ids = [...new Set(cells.map((cell) => cell.dims.article ?? ''))].filter((id) => id !== '');
  const read = async (wanted: readonly string[]) => {
    const found = [];
    for (let i = 0; i < wanted.length; i += ARTICLE_PAGE) found.push(...(await store.getMany('article', tenantId, wanted.slice(i, i + ARTICLE_PAGE))));
    return found;
  };
  const articles = await read(ids);
  const known = new Set(articles.map((article) => article.id));
  const firsts = await read([...new Set(articles.map((article) => translationGroupOf(article)))].filter((id) => !known.has(id)));
  return [...articles, ...firsts].map((article) => ({ id: article.id, title: article.title, group: translationGroupOf(article) }));
}

// The families whose cells are kept one per customer segment (segment-cells.rules.ts).
const SEGMENT_FAMILIES: ReadonlySet<ReportFamily> = new Set(['segment', 'segmentWon', 'segmentBand']);

// Articles read per request when naming those a report counts.
const ARTICLE_PAGE = 100;
