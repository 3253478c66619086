// The arithmetic of reports, as pure rules both the API and the tests use. Money is summed in cents and per currency:
// amounts in different currencies are never added together.
import type { Pipeline } from '../deals/pipeline.rules';

/** Money in whole cents, so that sums are exact. */
export const toCents = (amount: number): number => Math.round(amount * 100);
export const fromCents = (cents: number): number => cents / 100;

/** Won over closed: won / (won + lost); null when nothing is closed (no rate, rather than 0%). */
export function winRate(won: number, lost: number): number | null {
  return won + lost === 0 ? null : won / (won + lost);
}

/** An open deal's weighted amount in cents: amount × probability, rounded to the cent. */
export function weightedCents(amountCents: number, probabilityPercent: number): number {
  return Math.round((amountCents * probabilityPercent) / 100);
}

/**
 * The contact rate of a territory over a period: customers contacted in it (each counted once) over the territory's
 * customers; null when the territory has none.
 */
export function contactRate(contactedCustomers: number, customers: number): number | null {
  return customers === 0 ? null : contactedCustomers / customers;
}

/** `2017-03-11` or a timestamp → `2017-Q1` (calendar quarters, UTC). */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** `2017-03-11` or a timestamp → `2017-03`. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Count and money of a group of deals, per currency. */
export type DealTotals = { count: number; cents: Record<string, number>; weightedCents: Record<string, number> };

export const emptyTotals = (): DealTotals => ({ count: 0, cents: {}, weightedCents: {} });

/** Adds a deal (or takes it away, with `sign` −1) to a group's totals; a deal without amount counts but adds no money. */
export function addToTotals(
  totals: DealTotals,
  deal: { amount?: number | undefined; currency: string; probability: number },
  sign: 1 | -1 = 1,
): DealTotals {
  totals.count += sign;
  if (deal.amount !== undefined) {
    const cents = toCents(deal.amount);
    totals.cents[deal.currency] = (totals.cents[deal.currency] ?? 0) + sign * cents;
    totals.weightedCents[deal.currency] = (totals.weightedCents[deal.currency] ?? 0) + sign * weightedCents(cents, deal.probability);
  }
  return totals;
}

/** Open deals per stage of the pipeline, in the pipeline's order (stages with no deals included). */
export function pipelineByStage(
  deals: readonly { stage: string; status: string; amount?: number | undefined; currency: string; probability: number }[],
  pipeline: Pipeline,
): { stage: string; name: string; probability: number; totals: DealTotals }[] {
  const rows = pipeline.stages.filter((stage) => stage.kind === 'open').map((stage) => ({ stage: stage.id, name: stage.name, probability: stage.probability, totals: emptyTotals() }));
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  for (const deal of deals) {
    if (deal.status !== 'open') continue;
    const row = byStage.get(deal.stage);
    if (row) addToTotals(row.totals, deal);
  }
  return rows;
}

/** Open deals by the month they are expected to close; deals without a date are `unscheduled`, last. */
export function forecastByMonth(
  deals: readonly { status: string; expectedCloseDate?: string | undefined; amount?: number | undefined; currency: string; probability: number }[],
): { month: string; totals: DealTotals }[] {
  const months = new Map<string, DealTotals>();
  for (const deal of deals) {
    if (deal.status !== 'open') continue;
    const month = deal.expectedCloseDate ? monthOf(deal.expectedCloseDate) : 'unscheduled';
    addToTotals(months.get(month) ?? months.set(month, emptyTotals()).get(month)!, deal);
  }
  return [...months]
    .sort(([a], [b]) => (a === 'unscheduled' ? 1 : b === 'unscheduled' ? -1 : a.localeCompare(b)))
    .map(([month, totals]) => ({ month, totals }));
}

/** The mean days deals spent in each stage they entered, from their stage histories (closed deals up to closing). */
export function meanDaysInStage(
  deals: readonly { stageHistory?: readonly { stage: string; enteredAt: string }[] | undefined; closedAt?: string | undefined }[],
  now: string,
): Map<string, { deals: number; meanDays: number }> {
  const sums = new Map<string, { deals: number; ms: number }>();
  for (const deal of deals) {
    const history = deal.stageHistory ?? [];
    history.forEach((entry, index) => {
      const next = history[index + 1];
      // The closing stage itself is an outcome, not time spent working the deal.
      if (!next && deal.closedAt) return;
      const end = next ? next.enteredAt : now;
      const sum = sums.get(entry.stage) ?? { deals: 0, ms: 0 };
      sum.deals += 1;
      sum.ms += Math.max(0, Date.parse(end) - Date.parse(entry.enteredAt));
      sums.set(entry.stage, sum);
    });
  }
  return new Map([...sums].map(([stage, sum]) => [stage, { deals: sum.deals, meanDays: sum.ms / sum.deals / 86_400_000 }]));
}
