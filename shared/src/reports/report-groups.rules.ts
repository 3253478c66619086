// The sums reports are made of: cells grouped by a key, their counts added up and their money kept per currency and
// month until it is converted to the report's currency. Shared by the reports on deals, activities, leads, cases,
// expenses (report-tables.rules.ts) and on quotes, orders and contracts (commerce-reports.rules.ts).
import { RateBook, convertMinor, convertTotals, fromMinor, type ExchangeRate } from '../money/money.rules';
import { moneyOf, type MoneyMeasure, type ReportCell, type ReportFamily } from './report-cells.rules';
import type { ReportContext, ReportFilters, ReportMoneyNote } from './report-tables.rules';

export type Cells = Partial<Record<ReportFamily, readonly ReportCell[]>>;

/** Money of a group of cells, per currency and the month whose rate converts it, in minor units. */
export type MoneyBag = Map<string, Map<string, number>>;

/** Counts summed per measure, and money per measure kept by currency and month until it is converted. */
export type Group = { counts: Record<string, number>; money: Partial<Record<MoneyMeasure, MoneyBag>> };

const MONEY_MEASURES: readonly MoneyMeasure[] = ['minor', 'weightedMinor', 'lineMinor'];

/** The families whose cells carry money (in minor units of the cell's `currency`). */
const MONEY_FAMILIES: ReadonlySet<ReportFamily> = new Set(['deal', 'expense', 'quote', 'order', 'contract', 'campaign', 'segmentWon', 'segmentBand']);

export const roundTo = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
export const inPeriod = (cell: ReportCell, filters: ReportFilters) => cell.month >= filters.from && cell.month <= filters.to;
export const rate = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);
export const days = (ms: number, spells: number) => (spells === 0 ? null : Math.round((ms / spells / 86_400_000) * 10) / 10);

/** The owners the team, territory and owner filters leave in (null: everyone). */
export function ownersInScope(filters: ReportFilters, context: ReportContext): Set<string> | null {
  let owners: Set<string> | null = null;
  const narrow = (ids: Iterable<string>) => {
    const next = new Set(ids);
    owners = owners === null ? next : new Set([...owners].filter((id) => next.has(id)));
  };
  if (filters.ownerId) narrow([filters.ownerId]);
  if (filters.team) narrow(context.members.filter((member) => member.team === filters.team).map((member) => member.id));
  if (filters.territoryId) narrow(context.territories.find((territory) => territory.id === filters.territoryId)?.repIds ?? []);
  if (filters.ownerIds) narrow(filters.ownerIds);
  return owners;
}

export const inCurrency = (cell: ReportCell, filters: ReportFilters) => !filters.currency || cell.dims.currency === filters.currency;

export const ownedBy = (owners: Set<string> | null) => (cell: ReportCell) => owners === null || owners.has(cell.dims.owner ?? '');

/**
 * Sums cells by group. Counts add up as they are; money is kept per currency and per the month whose rate converts
 * it (the month the deal closed or is expected to close; an open deal's present value, this month's rate).
 */
export function sumBy(cells: readonly ReportCell[], keyOf: (cell: ReportCell) => string | null, thisMonth = ''): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const cell of cells) {
    const key = keyOf(cell);
    if (key === null) continue;
    const group = groups.get(key) ?? { counts: {}, money: {} };
    for (const [name, value] of Object.entries(cell.measures)) group.counts[name] = (group.counts[name] ?? 0) + value;
    if (MONEY_FAMILIES.has(cell.family)) {
      const currency = cell.dims.currency ?? '';
      const month = cell.current || cell.month === 'none' ? thisMonth : cell.month;
      for (const measure of MONEY_MEASURES) {
        const minor = moneyOf(cell, measure);
        if (minor === 0) continue;
        const bag = (group.money[measure] ??= new Map());
        const months = bag.get(currency) ?? bag.set(currency, new Map()).get(currency)!;
        months.set(month, (months.get(month) ?? 0) + minor);
      }
    }
    groups.set(key, group);
  }
  return groups;
}

export const countOf = (group: Group | undefined, measure: string) => group?.counts[measure] ?? 0;

/**
 * Turns groups' money into the report's currency: one currency's own amounts when the filters pick one, else every
 * currency converted at its month's rate (rounded once per currency and month, then added). Remembers the rates it
 * used and the currencies it had none for, for the note beside the figures.
 */
export class MoneyColumns {
  private readonly used = new Map<string, ExchangeRate>();
  private readonly missing = new Set<string>();
  private readonly rates: RateBook;
  readonly currency: string;

  constructor(
    private readonly filters: ReportFilters,
    context: ReportContext,
  ) {
    this.currency = filters.currency ?? context.money.reportingCurrency;
    this.rates = new RateBook(context.money.rates, context.money.reportingCurrency);
  }

  /** A group's money in the report's currency (0 without any). */
  amount(group: Group | undefined, measure: MoneyMeasure): number {
    const bag = group?.money[measure];
    if (!bag) return 0;
    if (this.filters.currency) {
      const minor = [...(bag.get(this.filters.currency)?.values() ?? [])].reduce((sum, value) => sum + value, 0);
      return fromMinor(minor, this.currency);
    }
    const converted = convertTotals(bag, this.rates, this.currency);
    for (const currency of converted.missing) this.missing.add(currency);
    for (const rate of converted.used) this.used.set(`${rate.currency}|${rate.month}`, rate);
    return fromMinor(converted.minor, this.currency);
  }

  /**
   * One amount (a price) in minor units of `currency`, of `month`, in the report's currency: as it is when the filters
   * pick that currency, else converted at the month's rate. Null when it cannot be: another currency than the one
   * picked, or one without a rate (named in the note).
   */
  price(minor: number, currency: string, month: string): number | null {
    if (this.filters.currency) return currency === this.filters.currency ? fromMinor(minor, this.currency) : null;
    const rate = this.rates.rateFor(currency, month);
    if (rate === null) {
      this.missing.add(currency);
      return null;
    }
    if (currency !== this.currency) this.used.set(`${rate.currency}|${rate.month}`, rate);
    return fromMinor(convertMinor(minor, currency, rate.rate, this.currency), this.currency);
  }

  note(): ReportMoneyNote {
    const ratesUsed = [...this.used.values()].sort((a, b) => a.currency.localeCompare(b.currency) || a.month.localeCompare(b.month));
    return { currency: this.currency, converted: !this.filters.currency, ratesUsed, missingRates: [...this.missing].sort() };
  }
}

export function memberName(context: ReportContext, id: string): string {
  return context.members.find((member) => member.id === id)?.displayName ?? id;
}
