// Plain code, no schema: the task pane reads pasted rates with this, without loading zod.
import { CsvFormatError, parseCsv } from '../import/csv.rules';
import { isRate, type ExchangeRate } from './money.rules';

/** Why a pasted line was not taken: a code the pane words in the user's language. */
export type RateLineProblem = { line: number; problem: 'columns' | 'currency' | 'month' | 'rate' | 'format' };

const CURRENCY = /^[A-Z]{3}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Exchange rates pasted as CSV, one per line: `currency,month,rate` (`USD,2026-11,0.9215`), a header line allowed.
 * Rates use a point for decimals; a line that cannot be read is listed with its reason, never guessed at.
 */
export function parseExchangeRatesCsv(text: string): { rates: (ExchangeRate & { line: number })[]; problems: RateLineProblem[] } {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (error) {
    return { rates: [], problems: [{ line: error instanceof CsvFormatError ? error.line : 1, problem: 'format' }] };
  }
  const rates: (ExchangeRate & { line: number })[] = [];
  const problems: RateLineProblem[] = [];
  rows.forEach((row, index) => {
    const [currency = '', month = '', rate = '', ...rest] = row.fields.map((field) => field.trim());
    // A header line names the columns instead of giving a rate.
    if (index === 0 && !CURRENCY.test(currency.toUpperCase()) && /currency|moneda|moeda|valuta/i.test(currency)) return;
    if (row.fields.length < 3 || rest.some((field) => field !== '')) problems.push({ line: row.line, problem: 'columns' });
    else if (!CURRENCY.test(currency.toUpperCase())) problems.push({ line: row.line, problem: 'currency' });
    else if (!MONTH.test(month)) problems.push({ line: row.line, problem: 'month' });
    else if (!isRate(rate)) problems.push({ line: row.line, problem: 'rate' });
    else rates.push({ currency: currency.toUpperCase(), month, rate, line: row.line });
  });
  return { rates, problems };
}

/** Rates merged into a list: a pasted rate replaces the one of its currency and month; the result is sorted. */
export function mergeExchangeRates(current: readonly ExchangeRate[], added: readonly ExchangeRate[]): ExchangeRate[] {
  const byKey = new Map(current.map((rate) => [`${rate.currency}|${rate.month}`, rate]));
  for (const { currency, month, rate } of added) byKey.set(`${currency}|${month}`, { currency, month, rate });
  return [...byKey.values()].sort((a, b) => a.currency.localeCompare(b.currency) || a.month.localeCompare(b.month));
}
