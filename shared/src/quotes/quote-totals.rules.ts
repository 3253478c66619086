// A quote's arithmetic, exact: every amount an integer of the currency's minor units (cents, yen, fils), every product
// and percentage a BigInt fraction, each line's figures rounded once, half away from zero, then added. Plain code, no
// schema: the pane shows a draft's totals as the rep types, with the server's own rules.
import { minorDigits, toMinor } from '../money/money.rules';

/** A line as the arithmetic needs it: major units and percentages as the rep typed them. */
export type QuoteLineFigures = {
  quantity: number;
  /** In major units of the quote's currency. */
  unitPrice: number;
  discountPercent: number;
  taxPercent: number;
};

/** What a line comes to, in minor units. */
export type QuoteLineTotals = {
  /** Quantity × unit price. */
  gross: number;
  /** The line's own discount. */
  lineDiscount: number;
  /** The line's share of the quote's overall discount. */
  overallDiscount: number;
  /** What the line's tax is computed on: gross less both discounts. */
  net: number;
  tax: number;
};

/** Tax of one rate: what it is computed on and what it comes to, in minor units. */
export type QuoteTaxTotal = { percent: number; base: number; tax: number };

/** A quote's totals, in minor units of its currency. */
export type QuoteTotals = {
  /** Sum of the lines after their own discounts. */
  subtotal: number;
  /** The overall discount, the sum of its per-line shares. */
  discount: number;
  /** Subtotal less the overall discount: what the deal is worth. */
  net: number;
  /** One entry per tax rate, highest rate first. */
  taxes: QuoteTaxTotal[];
  tax: number;
  /** Net plus taxes: what the customer pays. */
  total: number;
  lines: QuoteLineTotals[];
};

// Quantities and percentages carry at most four decimals (the schema's rule): as fractions over 10,000 they are exact.
const SCALE = 10_000n;

function scaled(value: number): bigint {
  return BigInt(Math.round(Number((value * 10_000).toPrecision(15))));
}

/** numerator / denominator (denominator > 0), rounded half away from zero. */
function roundedDivide(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

function percentOf(amount: bigint, percent: number): bigint {
  return roundedDivide(amount * scaled(percent), 100n * SCALE);
}

function safe(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('a quote total beyond what can be added up exactly');
  return Number(value);
}

/**
 * The totals of a quote's lines in `currency`. Per line: quantity × price, rounded to the minor unit; less the line's
 * discount, rounded; less its share of the overall discount, rounded; the tax on what is left, rounded. The quote's
 * figures are the sums of the lines' figures, so a line's printed amounts always add up to the printed totals.
 */
export function quoteTotals(lines: readonly QuoteLineFigures[], overallDiscountPercent: number, currency: string): QuoteTotals {
  const byRate = new Map<number, { base: bigint; tax: bigint }>();
  let subtotal = 0n;
  let discount = 0n;
  let tax = 0n;
  const lineTotals = lines.map((line) => {
    const priceMinor = BigInt(toMinor(line.unitPrice, currency));
    const gross = roundedDivide(scaled(line.quantity) * priceMinor, SCALE);
    const lineDiscount = percentOf(gross, line.discountPercent);
    const afterLine = gross - lineDiscount;
    const overallDiscount = percentOf(afterLine, overallDiscountPercent);
    const net = afterLine - overallDiscount;
    const lineTax = percentOf(net, line.taxPercent);
    subtotal += afterLine;
    discount += overallDiscount;
    tax += lineTax;
    const rate = byRate.get(line.taxPercent) ?? { base: 0n, tax: 0n };
    byRate.set(line.taxPercent, { base: rate.base + net, tax: rate.tax + lineTax });
    return { gross: safe(gross), lineDiscount: safe(lineDiscount), overallDiscount: safe(overallDiscount), net: safe(net), tax: safe(lineTax) };
  });
  const taxes = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([percent, { base, tax: rateTax }]) => ({ percent, base: safe(base), tax: safe(rateTax) }));
  return {
    subtotal: safe(subtotal),
    discount: safe(discount),
    net: safe(subtotal - discount),
    taxes,
    tax: safe(tax),
    total: safe(subtotal - discount + tax),
    lines: lineTotals,
  };
}

/**
 * An amount in minor units as the plain decimal text of its currency ("1234.50", "1234", "12.345"): no float on the way.
 * A bigint is taken digit for digit, however large; a number must be an integer (a RangeError otherwise).
 */
export function minorAsDecimal(minor: number | bigint, currency: string): string {
  const digits = minorDigits(currency);
  // Through BigInt, not String: String(1e21) is "1e+21", and a fraction of a minor unit is an error, not a digit.
  const whole = BigInt(minor);
  const sign = whole < 0n ? '-' : '';
  const text = (whole < 0n ? -whole : whole).toString().padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
