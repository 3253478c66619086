import { convertTotals, fromMinor, toMinor, type ExchangeRate } from '../money/money.rules';
import type { Expense } from './expense.schema';

/** A deal's margin: its amount less its approved expenses, in one currency, and how it was reached. */
export type DealMargin = {
  /** The deal's own currency when every approved expense is in it; else the reporting currency, converted. */
  currency: string;
  converted: boolean;
  /** The deal's amount (null when it has none). */
  amount: number | null;
  /** The approved expenses, summed. */
  expenses: number;
  /** The amount less the expenses (null when the deal has no amount). */
  margin: number | null;
  /** How many expenses were approved, and how many wait for a decision (not in the figures). */
  approvedCount: number;
  submittedCount: number;
  /** The rates applied, and the currencies without one (their expenses are not in the figures). */
  ratesUsed: ExchangeRate[];
  missingRates: string[];
};

type MarginDeal = { amount?: number | undefined; currency: string; status: string; closedAt?: string | undefined };
type MarginExpense = Pick<Expense, 'amount' | 'currency' | 'date' | 'status'>;

/**
 * A deal's margin. When the deal and all its approved expenses share a currency, nothing is converted: the figures are
 * exact in it. Otherwise everything is in the reporting currency: each expense at the rate of its day's month, the deal
 * at the rate of the month it closed (an open deal's, this month's), each month's total rounded once, as reports do.
 */
export function dealMarginOf(deal: MarginDeal, expenses: readonly MarginExpense[], money: { reportingCurrency: string; rates: readonly ExchangeRate[]; thisMonth: string }): DealMargin {
  const approved = expenses.filter((expense) => expense.status === 'approved');
  const submittedCount = expenses.filter((expense) => expense.status === 'submitted').length;
  const own = approved.every((expense) => expense.currency === deal.currency);
  const currency = own ? deal.currency : money.reportingCurrency;
  const dealMonth = deal.status !== 'open' && deal.closedAt ? deal.closedAt.slice(0, 7) : money.thisMonth;
  const bag = (entries: readonly { minor: number; currency: string; month: string }[]) => {
    const totals = new Map<string, Map<string, number>>();
    for (const entry of entries) {
      const months = totals.get(entry.currency) ?? totals.set(entry.currency, new Map()).get(entry.currency)!;
      months.set(entry.month, (months.get(entry.month) ?? 0) + entry.minor);
    }
    return totals;
  };
  const expenseEntries = approved.map((expense) => ({ minor: toMinor(expense.amount, expense.currency), currency: expense.currency, month: expense.date.slice(0, 7) }));
  const amountEntries = deal.amount === undefined ? [] : [{ minor: toMinor(deal.amount, deal.currency), currency: deal.currency, month: dealMonth }];
  if (own) {
    const expensesMinor = expenseEntries.reduce((sum, entry) => sum + entry.minor, 0);
    const amountMinor = amountEntries[0]?.minor ?? null;
    return {
      currency,
      converted: false,
      amount: amountMinor === null ? null : fromMinor(amountMinor, currency),
      expenses: fromMinor(expensesMinor, currency),
      margin: amountMinor === null ? null : fromMinor(amountMinor - expensesMinor, currency),
      approvedCount: approved.length,
      submittedCount,
      ratesUsed: [],
      missingRates: [],
    };
  }
  const expensesIn = convertTotals(bag(expenseEntries), money.rates, currency);
  const amountIn = convertTotals(bag(amountEntries), money.rates, currency);
  const missingRates = [...new Set([...expensesIn.missing, ...amountIn.missing])].sort();
  const amountKnown = deal.amount !== undefined && amountIn.missing.length === 0;
  const used = new Map([...expensesIn.used, ...amountIn.used].map((rate) => [`${rate.currency}|${rate.month}`, rate]));
  return {
    currency,
    converted: true,
    amount: amountKnown ? fromMinor(amountIn.minor, currency) : null,
    expenses: fromMinor(expensesIn.minor, currency),
    margin: amountKnown ? fromMinor(amountIn.minor - expensesIn.minor, currency) : null,
    approvedCount: approved.length,
    submittedCount,
    ratesUsed: [...used.values()].sort((a, b) => a.currency.localeCompare(b.currency) || a.month.localeCompare(b.month)),
    missingRates,
  };
}
