import type { Pipeline } from './pipeline.rules';
import { findStage } from './pipeline.rules';
import type { Deal, DealStatus, LineItem } from './deal.schema';
import { fromMinor, toMinor } from '../money/money.rules';

export type StageOutcome = {
  status: DealStatus;
  probability: number;
  closedAt: string | undefined;
};

/**
 * What a deal's stage implies. Status follows the stage's kind. Probability is 100 when
 * won and 0 when lost; on an open stage it is the value set in this request, else the
 * stage's when the stage is new or changed, else the previous one. A closed deal keeps
 * the time it closed; reopening clears it. Returns null when the stage is not in the pipeline.
 */
export function applyStage(
  pipeline: Pipeline,
  next: { stage: string; requestedProbability?: number | undefined },
  previous: Pick<Deal, 'stage' | 'status' | 'closedAt' | 'probability'> | undefined,
  now: string,
): StageOutcome | null {
  const stage = findStage(pipeline, next.stage);
  if (!stage) return null;
  let probability: number;
  if (stage.kind === 'won') probability = 100;
  else if (stage.kind === 'lost') probability = 0;
  else if (next.requestedProbability !== undefined) probability = next.requestedProbability;
  else if (!previous || previous.stage !== next.stage) probability = stage.probability;
  else probability = previous.probability;

  let closedAt: string | undefined;
  if (stage.kind !== 'open') closedAt = previous?.status === stage.kind && previous.closedAt ? previous.closedAt : now;
  return { status: stage.kind, probability, closedAt };
}

/** Amount × probability, the figure a forecast sums, rounded to the cent. */
export function weightedAmount(deal: Pick<Deal, 'amount' | 'probability'>): number {
  return Math.round((deal.amount ?? 0) * deal.probability) / 100;
}

/** One line after its discount, in minor units of the deal's currency (each line rounded once, half away from zero). */
export function lineMinor(item: Pick<LineItem, 'quantity' | 'unitPrice' | 'discountPercent'>, currency: string): number {
  return Math.round((toMinor(item.unitPrice, currency) * item.quantity * (100 - item.discountPercent)) / 100);
}

/** The total of a deal's line items after discounts, to the currency's minor unit (the cent, the yen, the fils). */
export function lineItemsTotal(items: readonly Pick<LineItem, 'quantity' | 'unitPrice' | 'discountPercent'>[], currency: string): number {
  return fromMinor(items.reduce((sum, item) => sum + lineMinor(item, currency), 0), currency);
}

/** The most stage changes a deal keeps; older ones are dropped (the audit trail still has them). */
export const MAX_STAGE_HISTORY = 100;

/** The deal's stage history after it is saved in `stage` at `now`: a new entry only when the stage changes. */
export function nextStageHistory(previous: Pick<Deal, 'stage' | 'stageHistory'> | undefined, stage: string, now: string): NonNullable<Deal['stageHistory']> {
  const history = previous?.stageHistory ?? [];
  if (previous && previous.stage === stage && history.length > 0) return history;
  return [...history, { stage, enteredAt: now }].slice(-MAX_STAGE_HISTORY);
}

/**
 * Whether a stored deal's amount was set by hand, for a deal written before deals said so: one with an amount
 * and no lines was typed; one whose amount equals its lines' total follows them; any other amount was typed.
 */
export function amountWasSetByHand(deal: Pick<Deal, 'amount' | 'lineItems' | 'currency'>): boolean {
  const lines = deal.lineItems ?? [];
  if (deal.amount === undefined) return false;
  if (lines.length === 0) return true;
  return toMinor(deal.amount, deal.currency) !== toMinor(lineItemsTotal(lines, deal.currency), deal.currency);
}

export type AmountRequest = { amount?: number | null | undefined; amountSetByHand?: boolean | null | undefined; lineItems?: unknown };

/**
 * A deal's amount after a change. An amount set by hand stays until a request says otherwise: sending an amount
 * sets it by hand; `amountSetByHand: false` (or clearing the amount) makes it follow the lines' total, and it then
 * follows them as they change. Without lines, an amount that follows them is none.
 */
export function dealAmount(
  lines: readonly Pick<LineItem, 'quantity' | 'unitPrice' | 'discountPercent'>[],
  merged: { amount?: number | undefined; currency: string },
  requested: AmountRequest,
  previous: Pick<Deal, 'amountSetByHand'> | undefined,
): { amount: number | undefined; amountSetByHand: boolean } {
  const typed = typeof requested.amount === 'number';
  let byHand: boolean;
  if (requested.amountSetByHand === true || requested.amountSetByHand === false) byHand = requested.amountSetByHand;
  else if (typed) byHand = true;
  else if (requested.amount === null || requested.amountSetByHand === null) byHand = false;
  else byHand = previous?.amountSetByHand ?? false;
  // Set by hand means an amount was typed: without one, the lines price the deal.
  if (byHand && merged.amount !== undefined) return { amount: merged.amount, amountSetByHand: true };
  // The lines' total in the currency's own minor unit (whole yen, thousandths of a dinar).
  return { amount: lines.length > 0 ? lineItemsTotal(lines, merged.currency) : undefined, amountSetByHand: false };
}
