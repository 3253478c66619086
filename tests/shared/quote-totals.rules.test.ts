import { minorAsDecimal, quoteTotals } from '@rapport/shared';

// A quote's arithmetic, exact in each currency's minor units: per line quantity × price, less the line's discount,
// less its share of the overall discount, then its tax, each rounded once half away from zero; totals are the sums.
describe('quote totals', () => {
  it('adds up EUR lines with a line discount, an overall discount and two tax rates, rounding each line once', () => {
    const totals = quoteTotals(
      [
        // 3 × 19.99 = 59.97, less 10 % (6.00 from 5.997) = 53.97, less 5 % (2.70 from 2.6985) = 51.27, tax 21 % = 10.77 (10.7667).
        { quantity: 3, unitPrice: 19.99, discountPercent: 10, taxPercent: 21 },
        // 0.05, less 5 % (0.00 from 0.0025) = 0.05, tax 21 % = 0.01 (0.0105).
        { quantity: 1, unitPrice: 0.05, discountPercent: 0, taxPercent: 21 },
        // 2.5 hours × 100.00 = 250.00, less 5 % = 237.50, tax 10 % = 23.75.
        { quantity: 2.5, unitPrice: 100, discountPercent: 0, taxPercent: 10 },
      ],
      5,
      'EUR',
    );
    expect(totals.lines).toEqual([
      { gross: 5997, lineDiscount: 600, overallDiscount: 270, net: 5127, tax: 1077 },
      { gross: 5, lineDiscount: 0, overallDiscount: 0, net: 5, tax: 1 },
      { gross: 25000, lineDiscount: 0, overallDiscount: 1250, net: 23750, tax: 2375 },
    ]);
    expect(totals).toMatchObject({ subtotal: 30402, discount: 1520, net: 28882, tax: 3453, total: 32335 });
    expect(totals.taxes).toEqual([
      { percent: 21, base: 5132, tax: 1078 },
      { percent: 10, base: 23750, tax: 2375 },
    ]);
  });

  it('rounds a half cent away from zero', () => {
    // 0.10 at 25 % is 0.025: 0.03.
    expect(quoteTotals([{ quantity: 1, unitPrice: 0.1, discountPercent: 0, taxPercent: 25 }], 0, 'EUR')).toMatchObject({ tax: 3, total: 13 });
    // 1.15 × 100 is 114.99999… in binary: still 115 cents.
    expect(quoteTotals([{ quantity: 1, unitPrice: 1.15, discountPercent: 0, taxPercent: 0 }], 0, 'EUR').total).toBe(115);
  });

  it('keeps JPY in whole yen', () => {
    // 3 × ¥333 = ¥999, less 10 % (¥100 from 99.9) = ¥899, tax 10 % = ¥90 (89.9).
    const totals = quoteTotals([{ quantity: 3, unitPrice: 333, discountPercent: 10, taxPercent: 10 }], 0, 'JPY');
    expect(totals).toMatchObject({ subtotal: 899, net: 899, tax: 90, total: 989 });
    expect(minorAsDecimal(totals.total, 'JPY')).toBe('989');
  });

  it('keeps KWD in fils (three decimals)', () => {
    // 12.345 KWD, tax 5 % = 0.617 (0.61725); 2 × 0.005 = 0.010, less 50 % = 0.005, tax 5 % = 0.000 (0.00025).
    const totals = quoteTotals(
      [
        { quantity: 1, unitPrice: 12.345, discountPercent: 0, taxPercent: 5 },
        { quantity: 2, unitPrice: 0.005, discountPercent: 50, taxPercent: 5 },
      ],
      0,
      'KWD',
    );
    expect(totals).toMatchObject({ subtotal: 12350, tax: 617, total: 12967, taxes: [{ percent: 5, base: 12350, tax: 617 }] });
    expect(minorAsDecimal(totals.total, 'KWD')).toBe('12.967');
  });

  it('writes minor units as the decimal text of their currency, without a float on the way', () => {
    expect(minorAsDecimal(123_456_789_012_345, 'EUR')).toBe('1234567890123.45');
    expect(minorAsDecimal(5, 'KWD')).toBe('0.005');
    expect(minorAsDecimal(7, 'EUR')).toBe('0.07');
    expect(minorAsDecimal(0, 'JPY')).toBe('0');
  });

  it('has no lines and no totals for an empty quote', () => {
    expect(quoteTotals([], 10, 'EUR')).toEqual({ subtotal: 0, discount: 0, net: 0, taxes: [], tax: 0, total: 0, lines: [] });
  });
});
