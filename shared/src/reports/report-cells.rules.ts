// Maintained report totals. Every record adds itself to a few "cells": small sums keyed by the dimensions reports
// filter and group on (owner, stage, product, month…). A write adds the new version's cells and takes away the old
// one's, so a report reads cells, never the records, and its cost follows the number of cells (bounded by owners,
// stages, products and months), not the number of records a tenant has accumulated.
import type { Activity } from '../activities/activity.schema';
import type { Case } from '../cases/case.schema';
import type { Company } from '../companies/company.schema';
import type { Contact } from '../contacts/contact.schema';
import type { Deal } from '../deals/deal.schema';
import type { Expense } from '../expenses/expense.schema';
import type { Lead } from '../leads/lead.schema';
import type { Contract } from '../contracts/contract.schema';
import type { Order } from '../orders/order.schema';
import type { Quote } from '../quotes/quote.schema';
import { lineMinor } from '../deals/deal.rules';
import { minorDigits, toMinor } from '../money/money.rules';
import { monthOf, weightedCents } from './report.rules';
import { contractCells, orderCells, quoteCells } from './commerce-cells.rules';
import { companySegmentCells, wonSegmentCells } from './segment-cells.rules';
import type { Survey } from '../surveys/survey.schema';
import type { FirstTouch } from '../campaigns/first-touch.schema';
import { isLowScore, isSatisfied, npsGroupOf } from '../surveys/survey.rules';

/**
 * Bumped when what a record adds to its cells changes: stores then rebuild their cells from the records.
 * Version 1: deals, stage spells, activities, leads, cases and companies. Version 2: e-mail addresses of contacts and leads.
 * Version 3: leads without their territory (reports narrow leads by their owners, as every other record).
 * Version 4: deal money in each currency's minor units (`minor`, `weightedMinor`, `lineMinor`), no longer in hundredths
 * (`cents`, `weighted`, `lineCents`); cells kept by an older version are still read right (see `moneyOf`).
 * Version 5: new deals, by the month they were created (`newDeal`), for goals on new deals.
 * Version 6: quotes, orders and service contracts (`quote`, `order`, `contract`: commerce-cells.rules.ts), and closed
 * cases against their service levels (`serviceLevel`), and the knowledge articles that answered cases (`answer`).
 * Version 7: campaigns' funnels (`campaign`): the clicks on their tracked links, their leads, the leads converted, the
 * deals and the won money, by campaign, link, channel and affiliate site.
 * Version 8: customer demographics (segment-cells.rules.ts): companies and customers by segment (`segment`), won deals
 * by their company's segment (`segmentWon`), and the products they sold by segment and unit net price (`segmentPrice`).
 * Won deals stored before keep no segment of their company: the stores' upgrade gives them their company's as it is
 * then (SQLite as it rebuilds its cells, Cosmos DB as it brings a tenant's cells up).
 * Version 9: the products won deals sold by segment and band of unit net prices (`segmentBand`), in place of the exact
 * price (`segmentPrice`), whose cells grew with every discount given. Cosmos DB tenants keep their `segmentPrice` cells
 * until each deal's next write takes them away; no report reads them.
 */
export const REPORT_CELLS_VERSION = 9;

export const reportFamilies = [
  'deal',
  'newDeal',
  'stage',
  'activity',
  'lead',
  'case',
  'company',
  'email',
  'expense',
  'quote',
  'order',
  'contract',
  'serviceLevel',
  'answer',
  'satisfaction',
  'campaign',
  'segment',
  'segmentWon',
  // Kept by version 8 only (see `segmentBand`): named so that a write can take away the cells a deal was counted in.
  'segmentPrice',
  'segmentBand',
] as const;
export type ReportFamily = (typeof reportFamilies)[number];

/**
 * The version that brought each family: a record a store stamped as counted under an older version has none of the
 * newer families' cells yet (`reportCellsOf`'s `countedUnder`). Families not listed are as old as the cells.
 */
export const familySince: Partial<Record<ReportFamily, number>> = {
  email: 2,
  newDeal: 5,
  quote: 6,
  order: 6,
  contract: 6,
  serviceLevel: 6,
  answer: 6,
  campaign: 7,
  segment: 8,
  segmentWon: 8,
  segmentPrice: 8,
  segmentBand: 9,
};

/** Whether a family's cells were kept by `version` of the cells. */
export const familyCountedUnder = (family: ReportFamily, version: number): boolean => (familySince[family] ?? 1) <= version;

/** Months are `YYYY-MM`; these stand for "no month" and sort after every real one. */
export const OPEN_MONTH = 'open';
export const NO_MONTH = 'none';

/** A cell's measures: integers only (counts, minor units of money, milliseconds), so sums and differences are exact. */
export type Measures = Record<string, number>;

export type ReportCell = {
  family: ReportFamily;
  /** `YYYY-MM`, or `open` / `none`. */
  month: string;
  /** Whether the cell holds the present state (open deals and cases, companies), read whatever the period asked. */
  current: boolean;
  dims: Record<string, string>;
  measures: Measures;
};

/** The cell's identity within its tenant and family: the month and the dimensions' values, in a fixed order. */
export function cellKey(cell: Pick<ReportCell, 'month' | 'dims'>): string {
  return [cell.month, ...Object.keys(cell.dims).sort().map((name) => `${name}=${encodeURIComponent(cell.dims[name] ?? '')}`)].join('|');
}

/** The Monday (UTC) of the week a timestamp falls in, as `YYYY-MM-DD`. */
export function weekOf(timestamp: string): string {
  const day = new Date(`${timestamp.slice(0, 10)}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

const CONTACT_KINDS = new Set(['email', 'call', 'meeting']);

function dealCells(deal: Deal): ReportCell[] {
  const month = deal.closedAt ? monthOf(deal.closedAt) : deal.expectedCloseDate ? monthOf(deal.expectedCloseDate) : NO_MONTH;
  const current = deal.status === 'open';
  const minor = deal.amount === undefined ? undefined : toMinor(deal.amount, deal.currency);
  const priced: Measures = minor === undefined ? { count: 1, unpriced: 1 } : { count: 1, minor, weightedMinor: weightedCents(minor, deal.probability) };
  const base = { owner: deal.ownerId, stage: deal.stage, status: deal.status, currency: deal.currency };
  const cells: ReportCell[] = [{ family: 'deal', month, current, dims: { ...base, product: '*' }, measures: priced }];
  // Counted once where it came in, whatever became of it: goals on new deals read these.
  cells.push({ family: 'newDeal', month: monthOf(deal.createdAt), current: false, dims: { owner: deal.ownerId }, measures: { count: 1 } });
  // A deal also counts once under each product it sells, with that product's lines: filters by product read these.
  const byProduct = new Map<string, { lineMinor: number; quantity: number }>();
  for (const line of deal.lineItems) {
    const sum = byProduct.get(line.productId) ?? { lineMinor: 0, quantity: 0 };
    sum.lineMinor += lineMinor(line, deal.currency);
    sum.quantity += line.quantity;
    byProduct.set(line.productId, sum);
  }
  for (const [product, sum] of byProduct) {
    cells.push({ family: 'deal', month, current, dims: { ...base, product }, measures: { ...priced, lineMinor: sum.lineMinor, quantity: sum.quantity } });
  }
  if (deal.campaignId) {
    const dims = funnelDims(deal.campaignId, deal.firstTouch);
    cells.push({ family: 'campaign', month: monthOf(deal.createdAt), current: false, dims: { ...dims, currency: '' }, measures: { deals: 1 } });
    if (deal.status === 'won' && deal.closedAt) {
      cells.push({ family: 'campaign', month: monthOf(deal.closedAt), current: false, dims: { ...dims, currency: deal.currency }, measures: minor === undefined ? { won: 1 } : { won: 1, minor } });
    }
  }
  // Time in stage: each stage the deal has left, filed in the month it left it.
  const history = deal.stageHistory ?? [];
  history.forEach((entry, index) => {
    const next = history[index + 1];
    if (!next) return;
    const ms = Math.max(0, Date.parse(next.enteredAt) - Date.parse(entry.enteredAt));
    cells.push({ family: 'stage', month: monthOf(next.enteredAt), current: false, dims: { owner: deal.ownerId, stage: entry.stage }, measures: { spells: 1, ms } });
  });
  return cells;
}

function activityCells(activity: Activity): ReportCell[] {
  const madeContact = activity.status === 'done' && CONTACT_KINDS.has(activity.kind) && (activity.contactIds.length > 0 || activity.companyId !== undefined);
  return [
    {
      family: 'activity',
      month: monthOf(activity.at),
      current: false,
      dims: { owner: activity.ownerId, kind: activity.kind, status: activity.status, week: weekOf(activity.at) },
      measures: madeContact ? { count: 1, contacts: 1 } : { count: 1 },
    },
  ];
}

/**
 * One cell per e-mail address, counting the contacts and leads that have it: an address counted twice is a duplicate
 * suspected. These cells have no month and are not current, so only the lookup of repeated addresses reads them.
 */
function emailCells(addresses: readonly string[], measure: 'contacts' | 'leads'): ReportCell[] {
  return [...new Set(addresses.map((address) => address.trim().toLowerCase()))]
    .filter((address) => address.length > 0)
    .map((email) => ({ family: 'email', month: NO_MONTH, current: false, dims: { email }, measures: { count: 1, [measure]: 1 } }));
}

/**
 * A campaign funnel cell's dimensions: the campaign, and the tracked link the lead first came by (its channel and
 * affiliate site), or none. Clicks, leads and deals of one campaign and link add up in the same cells.
 */
export function funnelDims(campaignId: string, touch: Pick<FirstTouch, 'linkId' | 'channel' | 'affiliate'> | undefined): Record<string, string> {
  return { campaign: campaignId, link: touch?.linkId ?? '', channel: touch?.channel ?? '', affiliate: touch?.affiliate ?? '' };
}

/** The funnel cell of `count` clicks on a tracked link in the month of `at`: clicks are events, counted, never stored. */
export function clickCell(link: { campaignId: string; id: string; channel: FirstTouch['channel']; affiliate?: string | undefined }, at: string, count = 1): ReportCell {
  return { family: 'campaign', month: monthOf(at), current: false, dims: { ...funnelDims(link.campaignId, { linkId: link.id, channel: link.channel, affiliate: link.affiliate }), currency: '' }, measures: { clicks: count } };
}

/**
 * The measures that count events rather than records (a tracked link's clicks): no record gives them, so a store that
 * rebuilds its cells from the records carries these over (`Store.countEvents`).
 */
export const eventMeasures: Partial<Record<ReportFamily, readonly string[]>> = { campaign: ['clicks'] };

function leadFunnelCells(lead: Lead): ReportCell[] {
  if (!lead.campaignId) return [];
  const measures: Measures = lead.status === 'converted' ? { leads: 1, converted: 1 } : { leads: 1 };
  return [{ family: 'campaign', month: monthOf(lead.createdAt), current: false, dims: { ...funnelDims(lead.campaignId, lead.firstTouch), currency: '' }, measures }];
}

function leadCells(lead: Lead): ReportCell[] {
  return [
    ...leadFunnelCells(lead),
    ...emailCells(lead.email && lead.status !== 'converted' ? [lead.email] : [], 'leads'),
    {
      family: 'lead',
      month: monthOf(lead.createdAt),
      current: false,
      dims: { owner: lead.ownerId, source: lead.source, campaign: lead.campaign ?? '', status: lead.status },
      measures: { count: 1 },
    },
  ];
}

function caseCells(item: Case): ReportCell[] {
  const closed = item.status === 'closed' || item.status === 'rejected';
  const dims = { owner: item.ownerId, status: item.status, priority: item.priority };
  if (closed) {
    const closedAt = item.closedAt ?? item.updatedAt;
    const ms = Math.max(0, Date.parse(closedAt) - Date.parse(item.openedAt));
    return [{ family: 'case', month: monthOf(closedAt), current: false, dims, measures: { count: 1, ms } }, ...serviceLevelCells(item, closedAt), ...answerCells(item)];
  }
  // Open cases are few whatever the history, so they keep the day they were opened: their age is read from it.
  return [{ family: 'case', month: OPEN_MONTH, current: true, dims: { ...dims, opened: item.openedAt.slice(0, 10) }, measures: { count: 1 } }, ...answerCells(item)];
}

/**
 * A closed case with a service level, in the month it closed: whether it was first answered and resolved in time (a
 * case closed without being taken up was answered when it closed). Cases opened before service levels have none.
 */
function serviceLevelCells(item: Case, closedAt: string): ReportCell[] {
  if (!item.responseDueAt || !item.resolutionDueAt) return [];
  const responded = item.respondedAt ?? closedAt;
  const measures: Measures = { count: 1 };
  if (responded <= item.responseDueAt) measures.responseMet = 1;
  if (closedAt <= item.resolutionDueAt) measures.resolutionMet = 1;
  return [{ family: 'serviceLevel', month: monthOf(closedAt), current: false, dims: { owner: item.ownerId, priority: item.priority }, measures }];
}

/** Each knowledge article that answered the case, in the month it first did: which articles answer the most cases. */
function answerCells(item: Case): ReportCell[] {
  return (item.answeredWith ?? []).map((entry) => ({ family: 'answer', month: monthOf(entry.at), current: false, dims: { article: entry.articleId }, measures: { count: 1 } }));
}

/**
 * An answered survey, in the month it was answered, by type, rep and product: CSAT's scores summed with the satisfied
 * (4–5) and low (1–2) answers counted; NPS's promoters, passives and detractors. (A new family of a new kind: no
 * stored record had cells to rebuild, so no version bump.)
 */
function satisfactionCells(survey: Survey): ReportCell[] {
  if (survey.status !== 'answered' || survey.score === undefined || !survey.answeredAt) return [];
  const score = survey.score;
  const measures: Measures =
    survey.type === 'csat'
      ? { count: 1, score, ...(isSatisfied(score) ? { satisfied: 1 } : {}), ...(isLowScore('csat', score) ? { low: 1 } : {}) }
      : { count: 1, score, [`${npsGroupOf(score)}s`]: 1 };
  return [{ family: 'satisfaction', month: monthOf(survey.answeredAt), current: false, dims: { type: survey.type, owner: survey.ownerId, product: survey.productId ?? '' }, measures }];
}

function companyCells(company: Company): ReportCell[] {
  return [{ family: 'company', month: NO_MONTH, current: true, dims: { owner: company.ownerId, territory: company.territoryId ?? '', type: company.type }, measures: { count: 1 } }];
}

// An expense is filed in the month of its day, by rep, category, status and currency: reports convert each month's
// money at that month's rate. (A new family of a new kind: no stored record had cells to rebuild, so no version bump.)
function expenseCells(expense: Expense): ReportCell[] {
  return [
    {
      family: 'expense',
      month: expense.date.slice(0, 7),
      current: false,
      dims: { owner: expense.ownerId, category: expense.category, status: expense.status, currency: expense.currency },
      measures: { count: 1, minor: toMinor(expense.amount, expense.currency) },
    },
  ];
}

/**
 * The cells one record adds to; a deleted record adds to none. With `countedUnder`, only the families that version of
 * the cells kept: what a record stored then was counted in (a store that does not rebuild its cells says which).
 */
export function reportCellsOf(kind: string, record: { deletedAt?: string | undefined } | null, countedUnder = REPORT_CELLS_VERSION): ReportCell[] {
  const cells = cellsOfRecord(kind, record);
  return countedUnder >= REPORT_CELLS_VERSION ? cells : cells.filter((cell) => familyCountedUnder(cell.family, countedUnder));
}

function cellsOfRecord(kind: string, record: { deletedAt?: string | undefined } | null): ReportCell[] {
  if (!record || record.deletedAt) return [];
  switch (kind) {
    case 'deal':
      return [...dealCells(record as Deal), ...wonSegmentCells(record as Deal)];
    case 'activity':
      return activityCells(record as Activity);
    case 'lead':
      return leadCells(record as Lead);
    case 'case':
      return caseCells(record as Case);
    case 'company':
      return [...companyCells(record as Company), ...companySegmentCells(record as Company)];
    case 'contact':
      return emailCells((record as Contact).emails, 'contacts');
    case 'expense':
      return expenseCells(record as Expense);
    case 'quote':
      return quoteCells(record as Quote);
    case 'order':
      return orderCells(record as Order);
    case 'contract':
      return contractCells(record as Contract);
    case 'survey':
      return satisfactionCells(record as Survey);
    default:
      return [];
  }
}

/** Adds `cell`'s measures, times `sign`, into `sums` (keyed by family and cell key). */
export function addCell(sums: Map<string, ReportCell>, cell: ReportCell, sign: 1 | -1 = 1): void {
  const key = `${cell.family}|${cellKey(cell)}`;
  const sum = sums.get(key) ?? { ...cell, dims: { ...cell.dims }, measures: {} };
  for (const [name, value] of Object.entries(cell.measures)) sum.measures[name] = (sum.measures[name] ?? 0) + sign * value;
  sums.set(key, sum);
}

/** Whether a sum of cells came to nothing: every measure zero. */
export const isEmptyCell = (cell: Pick<ReportCell, 'measures'>): boolean => Object.values(cell.measures).every((value) => value === 0);

/**
 * What a write changes in the cells: the new version's cells minus the old one's (either may be null: a create, a
 * hard delete). Cells that come out unchanged are left out, so an edit that moves nothing a report reads costs nothing.
 */
export function reportDeltas(kind: string, before: { deletedAt?: string | undefined } | null, after: { deletedAt?: string | undefined } | null): ReportCell[] {
  return deltasBetween(reportCellsOf(kind, before), reportCellsOf(kind, after));
}

/**
 * What a write changes in the cells when the store says what the old version was counted in: `counted` taken away,
 * `after` added, unchanged cells left out (as `reportDeltas`).
 */
export function deltasBetween(counted: readonly ReportCell[], after: readonly ReportCell[]): ReportCell[] {
  const sums = new Map<string, ReportCell>();
  for (const cell of counted) addCell(sums, cell, -1);
  for (const cell of after) addCell(sums, cell, 1);
  return [...sums.values()].filter((cell) => !isEmptyCell(cell)).map(withoutZeroMeasures);
}

/** The cells of families newer than `version`: what a record stored under that version was not counted in. */
export const cellsNewerThan = (cells: readonly ReportCell[], version: number): ReportCell[] => cells.filter((cell) => !familyCountedUnder(cell.family, version));

/** The sum of many records' deltas (an import's batch), one delta per cell. */
export function sumDeltas(deltas: Iterable<ReportCell>): ReportCell[] {
  return deltasBetween([], [...deltas]);
}

function withoutZeroMeasures(cell: ReportCell): ReportCell {
  return { ...cell, measures: Object.fromEntries(Object.entries(cell.measures).filter(([, value]) => value !== 0)) };
}

/** The money measures of deal cells, in minor units of the cell's currency. */
export type MoneyMeasure = 'minor' | 'weightedMinor' | 'lineMinor';

// Before version 4, cells kept money in hundredths of a unit under these names.
const HUNDREDTHS: Record<MoneyMeasure, string> = { minor: 'cents', weightedMinor: 'weighted', lineMinor: 'lineCents' };

/**
 * A deal cell's money in minor units of its currency. Cells kept before version 4 (a Cosmos DB tenant's, which are not
 * rebuilt) hold hundredths under the old names: those count too. For currencies of two digits (USD, EUR, GBP, BRL…)
 * that is exact, so a deal written then and changed now adds up right; in JPY or KWD an old cell's weighted and line
 * sums may be off by the rounding of a unit.
 */
export function moneyOf(cell: Pick<ReportCell, 'dims' | 'measures'>, measure: MoneyMeasure): number {
  const hundredths = cell.measures[HUNDREDTHS[measure]] ?? 0;
  const shift = minorDigits(cell.dims.currency ?? '') - 2;
  const legacy = hundredths === 0 ? 0 : shift >= 0 ? hundredths * 10 ** shift : Math.round(hundredths / 10 ** -shift);
  return (cell.measures[measure] ?? 0) + legacy;
}
