// What quotes, orders and service contracts add to the report cells (report-cells.rules.ts): the sums behind the
// reports on quotes by rep and month, orders by status and contract value up for renewal.
import type { Contract } from '../contracts/contract.schema';
import type { ContractPeriod } from '../contracts/contract.rules';
import type { Order } from '../orders/order.schema';
import { orderIsOpen } from '../orders/order.rules';
import type { Quote } from '../quotes/quote.schema';
import { toMinor } from '../money/money.rules';
import { monthOf } from './report.rules';
import type { Measures, ReportCell } from './report-cells.rules';

/**
 * A quote counts where something happened to it, each in its own month: sent (its first version only, so a quote
 * revised three times is one quote sent), and the customer's last word on it: accepted, with the time from sending that
 * version to the acceptance, or declined (a declined version followed by a new one is not counted as declined: the
 * newer version's answer is the quote's). Money is the quote's net total (after discounts, before tax), what a deal
 * takes on acceptance.
 */
export function quoteCells(quote: Quote): ReportCell[] {
  if (!quote.sentAt) return [];
  const dims = { owner: quote.ownerId, currency: quote.currency };
  const net = quote.totals.net;
  const cells: ReportCell[] = [];
  if (quote.revision === 1) cells.push({ family: 'quote', month: monthOf(quote.sentAt), current: false, dims: { ...dims, event: 'sent' }, measures: { count: 1, minor: net } });
  const answer = quote.answer;
  if (answer && quote.status === 'accepted') {
    const ms = Math.max(0, Date.parse(answer.at) - Date.parse(quote.sentAt));
    cells.push({ family: 'quote', month: monthOf(answer.at), current: false, dims: { ...dims, event: 'accepted' }, measures: { count: 1, minor: net, ms } });
  }
  if (answer && quote.status === 'declined') {
    cells.push({ family: 'quote', month: monthOf(answer.at), current: false, dims: { ...dims, event: 'declined' }, measures: { count: 1, minor: net } });
  }
  return cells;
}

/**
 * An order counts in the month it was placed, under where it is now. Open orders (confirmed, in progress, shipped) are
 * the present state, read whatever the period, as open deals and cases are; delivered and cancelled ones by their month.
 */
export function orderCells(order: Order): ReportCell[] {
  return [
    {
      family: 'order',
      month: monthOf(order.orderedAt),
      current: orderIsOpen(order.status),
      dims: { owner: order.ownerId, status: order.status, currency: order.currency },
      measures: { count: 1, minor: order.totals.net },
    },
  ];
}

const PERIODS_PER_YEAR: Readonly<Record<ContractPeriod, number>> = { month: 12, quarter: 4, year: 1 };

/**
 * A contract not cancelled counts in the month it ends, with its value for a year (so monthly, quarterly and yearly
 * contracts add up): what comes up for renewal that month. The report reads the months from this one on.
 */
export function contractCells(contract: Contract): ReportCell[] {
  if (contract.cancelled) return [];
  const value = contract.value;
  // The year's value rounded once (33.3333 a month is 400.00 a year, not 12 × 33.33).
  const measures: Measures = value ? { count: 1, minor: toMinor(value.amount * PERIODS_PER_YEAR[value.period], value.currency) } : { count: 1, unvalued: 1 };
  if (contract.renewal.autoRenew) measures.autoRenew = 1;
  return [{ family: 'contract', month: monthOf(contract.endDate), current: false, dims: { owner: contract.ownerId, currency: value?.currency ?? '' }, measures }];
}
