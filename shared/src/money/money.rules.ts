// Money as reports add it up: integers in each currency's minor units (ISO 4217), converted to the tenant's reporting
// currency at a dated rate, rounded half away from zero once per currency and month, then added. Exact, and easy to
// recompute by hand.
import { minorDigits } from './currency-digits';

export { minorDigits } from './currency-digits';

/** The largest amount a money field takes (AmountSchema): 100 billion, in a currency of four decimals still an exact integer of minor units. */
export const AMOUNT_MAX = 1e11;

/** An amount in its currency's minor units (cents of EUR, yen, fils of KWD). */
export function toMinor(amount: number, currency: string): number {
  // toPrecision drops the binary noise of a decimal amount (1.15 × 100 = 114.99999…) before rounding half away from zero.
  const scaled = Number((Math.abs(amount) * 10 ** minorDigits(currency)).toPrecision(15));
  return Math.sign(amount) * Math.round(scaled) || 0;
}

export function fromMinor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/** Whether an amount has no more decimals than its currency allows (no 0.5 yen, no 1.234 euro). */
export function fitsCurrency(amount: number, currency: string): boolean {
  return fromMinor(toMinor(amount, currency), currency) === amount;
}

/** An exchange rate: "1 unit of `currency` = `rate` units of the reporting currency", from `month` (YYYY-MM) on. */
export type ExchangeRate = { currency: string; month: string; rate: string };

/** A rate as text: a positive decimal number with at most 12 digits on either side of the point. */
export const RATE_PATTERN = /^(?:0|[1-9]\d{0,11})(?:\.\d{1,12})?$/;

function parseRate(rate: string): { units: bigint; scale: bigint } {
  if (!RATE_PATTERN.test(rate)) throw new Error(`not a rate: ${rate}`);
  const [whole = '0', fraction = ''] = rate.split('.');
  return { units: BigInt(whole + fraction), scale: 10n ** BigInt(fraction.length) };
}

/** Whether `rate` is a usable rate: well formed and above zero. */
export function isRate(rate: string): boolean {
  return RATE_PATTERN.test(rate) && parseRate(rate).units > 0n;
}

/** numerator / denominator (denominator > 0), rounded half away from zero. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

/** An amount in minor units of `from`, in minor units of `to` at `rate`, rounded half away from zero. */
export function convertMinor(minor: number, from: string, rate: string, to: string): number {
  const { units, scale } = parseRate(rate);
  const shift = minorDigits(to) - minorDigits(from);
  const numerator = BigInt(minor) * units * 10n ** BigInt(Math.max(0, shift));
  const denominator = scale * 10n ** BigInt(Math.max(0, -shift));
  const converted = divideRounded(numerator, denominator);
  // Beyond 2^53 a Number would silently lose units: refuse rather than report a wrong figure.
  if (converted > BigInt(Number.MAX_SAFE_INTEGER) || converted < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${minor} ${from} at ${rate} is too large to add up exactly`);
  return Number(converted);
}

/**
 * The rate that converts `currency` in `month`: the latest given for that month or before it; for months before the
 * first rate, the first. Rate "1" for the reporting currency itself; null when the currency has no rate at all.
 */
export function rateFor(rates: readonly ExchangeRate[], currency: string, month: string, reportingCurrency: string): ExchangeRate | null {
  if (currency === reportingCurrency) return { currency, month, rate: '1' };
  let latest: ExchangeRate | null = null;
  let first: ExchangeRate | null = null;
  for (const candidate of rates) {
    if (candidate.currency !== currency) continue;
    if (!first || candidate.month < first.month) first = candidate;
    if (candidate.month <= month && (!latest || candidate.month > latest.month)) latest = candidate;
  }
  return latest ?? first;
}

/** Totals in minor units per currency and month, as report cells hold them. */
export type MinorByCurrencyMonth = ReadonlyMap<string, ReadonlyMap<string, number>>;

export type Converted = {
  /** The sum in the reporting currency's minor units. */
  minor: number;
  /** Currencies that had an amount but no rate: their amounts are not in `minor`. */
  missing: string[];
  /** The rates applied, each once, as they were given (currency and the month of the rate). */
  used: ExchangeRate[];
};

/**
 * Adds totals kept per currency and month in the reporting currency: each month's total of each currency is converted
 * at that month's rate and rounded once, then added.
 */
export function convertTotals(
  totals: MinorByCurrencyMonth,
  rates: readonly ExchangeRate[] | RateBook,
  reportingCurrency: string,
): Converted {
  const book = rates instanceof RateBook ? rates : new RateBook(rates, reportingCurrency);
  let minor = 0;
  const missing = new Set<string>();
  const used = new Set<ExchangeRate>();
  for (const [currency, months] of totals) {
    for (const [month, amount] of months) {
      if (amount === 0) continue;
      const rate = book.rateFor(currency, month);
      if (rate === null) {
        missing.add(currency);
        continue;
      }
      minor += convertMinor(amount, currency, rate.rate, reportingCurrency);
      if (currency !== reportingCurrency) used.add(rate);
    }
  }
  return { minor, missing: [...missing].sort(), used: [...used] };
}

/**
 * The rates of one tenant, looked up many times while one report is built: each currency and month is looked up once,
 * so a report's cost does not grow with the number of rates kept.
 */
export class RateBook {
  private readonly byCurrency = new Map<string, ExchangeRate[]>();
  private readonly found = new Map<string, ExchangeRate | null>();

  constructor(
    rates: readonly ExchangeRate[],
    private readonly reportingCurrency: string,
  ) {
    for (const rate of rates) (this.byCurrency.get(rate.currency) ?? this.byCurrency.set(rate.currency, []).get(rate.currency)!).push(rate);
  }

  rateFor(currency: string, month: string): ExchangeRate | null {
    const key = `${currency}|${month}`;
    if (!this.found.has(key)) this.found.set(key, rateFor(this.byCurrency.get(currency) ?? [], currency, month, this.reportingCurrency));
    return this.found.get(key) ?? null;
  }
}
