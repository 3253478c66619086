// What won deals pay a rep under a commission plan: pure arithmetic in the reporting currency's minor units, exact to
// the unit (rationals in BigInt, each line rounded once, half away from zero).
import type { Deal } from '../deals/deal.schema';
import { lineMinor } from '../deals/deal.rules';
import { convertMinor, toMinor, type RateBook } from '../money/money.rules';

export const commissionModes = ['marginal', 'retroactive'] as const;
export type CommissionMode = (typeof commissionModes)[number];

/** A plan's terms as the arithmetic needs them; a statement keeps a copy, so it can be computed again as approved. */
export type CommissionTerms = {
  /** Rates (percent, two decimals at most) from an attainment (percent of the won-amount goal), the first from 0. */
  tiers: readonly { fromPercent: number; rate: number }[];
  mode: CommissionMode;
  productRates: readonly { productId: string; rate: number }[];
  /** The most one period pays, in minor units of the reporting currency. */
  capMinor?: number | undefined;
  expensesReduceBase: boolean;
};

/** A won deal as commissions see it, in minor units of the reporting currency. */
export type CommissionDeal = {
  dealId: string;
  name: string;
  closedAt: string;
  /** The won amount: what attainment counts. */
  wonMinor: number;
  /** The parts of the won amount in lines of products that pay their own rate. */
  productParts: readonly { productId: string; minor: number }[];
  /** Approved expenses taken off the base (0 unless the plan says so). */
  expensesMinor: number;
};

/** How much of a deal's amount paid which rate. */
export type CommissionPortion = { rate: number; minor: number; productId?: string };

export type CommissionLine = {
  dealId: string;
  name: string;
  closedAt: string;
  wonMinor: number;
  expensesMinor: number;
  /** The won amount less the expenses taken off it. */
  baseMinor: number;
  portions: CommissionPortion[];
  commissionMinor: number;
  /** The cap took some or all of what the deal would have paid. */
  capped: boolean;
};

export type CommissionResult = {
  lines: CommissionLine[];
  totalMinor: number;
  wonMinor: number;
  /** Won over goal; null without a goal (the first tier's rate then pays everything). */
  attainment: number | null;
  /** The rate of the tier the period's won amount reached. */
  reachedRate: number;
};

const ZERO = BigInt(0);
const TEN_THOUSAND = BigInt(10_000);

/** A rate or tier start (percent, two decimals at most) in hundredths of a percent. */
function hundredths(percent: number): bigint {
  return BigInt(Math.round(percent * 100));
}

/** numerator / denominator rounded half away from zero, for non-negative values. */
function rounded(numerator: bigint, denominator: bigint): number {
  return Number((numerator * BigInt(2) + denominator) / (denominator * BigInt(2)));
}

/**
 * Where each tier starts on the period's won amount, in minor units: its start percent of the goal, rounded to the
 * unit. Without a goal only the first tier is reachable; with a goal of zero every tier starts at 0, so the last pays.
 */
export function tierStarts(tiers: CommissionTerms['tiers'], targetMinor: number | null): number[] {
  return tiers.map((tier, index) => {
    if (index === 0) return 0;
    if (targetMinor === null) return Number.POSITIVE_INFINITY;
    return rounded(hundredths(tier.fromPercent) * BigInt(targetMinor), TEN_THOUSAND);
  });
}

/** The tier a won amount reaches: the last whose start it is at or beyond. */
function reachedTier(starts: readonly number[], wonMinor: number): number {
  let reached = 0;
  starts.forEach((start, index) => {
    if (wonMinor >= start && index > 0) reached = index;
  });
  return reached;
}

/**
 * What a period's won deals pay, in the order they were won. Marginal: a deal's amount lies between what the rep had won
 * before it and after it, and each part of it inside a tier pays that tier's rate. Retroactive: the tier the period's
 * total reaches pays every deal. Lines of products with their own rate pay it whatever the tier. Expenses (when the plan
 * takes them off) shrink every part of the deal's base alike. The cap stops the total; the deal that reaches it pays
 * what is left.
 */
export function commissionFor(deals: readonly CommissionDeal[], targetMinor: number | null, terms: CommissionTerms): CommissionResult {
  const ordered = [...deals].sort((a, b) => a.closedAt.localeCompare(b.closedAt) || a.dealId.localeCompare(b.dealId));
  const starts = tierStarts(terms.tiers, targetMinor);
  const wonMinor = ordered.reduce((sum, deal) => sum + deal.wonMinor, 0);
  const reached = reachedTier(starts, wonMinor);
  const productRate = new Map(terms.productRates.map((rate) => [rate.productId, rate.rate]));
  let cumulative = 0;
  let total = 0;
  const lines = ordered.map((deal): CommissionLine => {
    const won = deal.wonMinor;
    const expenses = terms.expensesReduceBase ? Math.min(deal.expensesMinor, won) : 0;
    const base = won - expenses;
    const portions: CommissionPortion[] = [];
    // Each portion's share of the base is its share of the won amount: numerator over won² × 10,000.
    let numerator = ZERO;
    const products = deal.productParts.filter((part) => productRate.has(part.productId) && part.minor > 0);
    for (const part of products) {
      const rate = productRate.get(part.productId)!;
      portions.push({ rate, minor: part.minor, productId: part.productId });
      numerator += BigInt(part.minor) * BigInt(won) * hundredths(rate);
    }
    const tiered = won - products.reduce((sum, part) => sum + part.minor, 0);
    if (terms.mode === 'retroactive') {
      const rate = terms.tiers[reached]!.rate;
      if (tiered > 0) portions.push({ rate, minor: tiered });
      numerator += BigInt(tiered) * BigInt(won) * hundredths(rate);
    } else {
      // The deal spans [cumulative, cumulative + won) of the period's won amount; its tiered part pays each tier's
      // rate on the share of that span inside the tier.
      let spread = ZERO;
      terms.tiers.forEach((tier, index) => {
        const from = Math.max(starts[index]!, cumulative);
        const to = Math.min(starts[index + 1] ?? Number.POSITIVE_INFINITY, cumulative + won);
        if (to <= from) return;
        portions.push({ rate: tier.rate, minor: Math.round(((to - from) * tiered) / (won || 1)) });
        spread += BigInt(to - from) * hundredths(tier.rate);
      });
      numerator += BigInt(tiered) * spread;
    }
    cumulative += won;
    const uncapped = won > 0 ? rounded(numerator * BigInt(base), BigInt(won) * BigInt(won) * TEN_THOUSAND) : 0;
    const room = terms.capMinor === undefined ? uncapped : Math.max(0, terms.capMinor - total);
    const commission = Math.min(uncapped, room);
    total += commission;
    return { dealId: deal.dealId, name: deal.name, closedAt: deal.closedAt, wonMinor: won, expensesMinor: expenses, baseMinor: base, portions: portions.filter((portion) => portion.minor > 0), commissionMinor: commission, capped: commission < uncapped };
  });
  return {
    lines,
    totalMinor: total,
    wonMinor,
    attainment: targetMinor === null ? null : targetMinor === 0 ? null : wonMinor / targetMinor,
    reachedRate: terms.tiers[reached]!.rate,
  };
}

/** A deal's amount and lines in the reporting currency, at the rate of the month it closed; null without a rate. */
export function commissionDealOf(
  deal: Pick<Deal, 'id' | 'name' | 'amount' | 'currency' | 'lineItems' | 'closedAt'>,
  book: RateBook,
  reportingCurrency: string,
  expenses: { amount: number; currency: string; date: string }[],
): CommissionDeal | { missingRate: string } {
  const closedAt = deal.closedAt ?? '';
  const month = closedAt.slice(0, 7);
  const convert = (minor: number, currency: string, at: string): number | null => {
    const rate = book.rateFor(currency, at);
    return rate === null ? null : convertMinor(minor, currency, rate.rate, reportingCurrency);
  };
  const wonMinor = convert(toMinor(deal.amount ?? 0, deal.currency), deal.currency, month);
  if (wonMinor === null) return { missingRate: deal.currency };
  let expensesMinor = 0;
  for (const expense of expenses) {
    const converted = convert(toMinor(expense.amount, expense.currency), expense.currency, expense.date.slice(0, 7));
    if (converted === null) return { missingRate: expense.currency };
    expensesMinor += converted;
  }
  // Each line's share of the deal's amount (which may be set by hand), per product.
  const nets = deal.lineItems.map((item) => ({ productId: item.productId, minor: lineMinor(item, deal.currency) }));
  const sum = nets.reduce((total, line) => total + line.minor, 0);
  const parts = new Map<string, number>();
  if (sum > 0) for (const line of nets) parts.set(line.productId, (parts.get(line.productId) ?? 0) + line.minor);
  return {
    dealId: deal.id,
    name: deal.name,
    closedAt,
    wonMinor,
    productParts: [...parts].map(([productId, minor]) => ({ productId, minor: Math.round((minor * wonMinor) / sum) })),
    expensesMinor,
  };
}
