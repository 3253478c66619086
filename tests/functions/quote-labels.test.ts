import { memberLanguages, minorAsDecimal } from '@rapport/shared';
import { formatDate, formatMoney, formatPercent, quoteLabels } from '../../functions/src/quotes/quote-labels';

// Intl separates an amount from its currency with a no-break space: written as \u00a0 here, the character it is.
const NBSP = '\u00a0';

describe("a quote's words and figures", () => {
  it.each([
    ['en', 'EUR', 123_450, '€1,234.50'],
    ['es', 'EUR', 123_450, `1.234,50${NBSP}€`],
    ['it', 'EUR', 123_450, `1.234,50${NBSP}€`],
    ['pt', 'EUR', 123_450, `€${NBSP}1.234,50`],
    ['pt', 'BRL', 123_450, `R$${NBSP}1.234,50`],
    ['en', 'JPY', 123_450, 'JP¥123,450'],
    ['en', 'KWD', 123_450, `KWD${NBSP}123.450`],
    ['es', 'KWD', 1_234_567, `1.234,567${NBSP}KWD`],
    ['en', 'EUR', -6_158, '-€61.58'],
    ['en', 'EUR', 5, '€0.05'],
    ['en', 'EUR', 0, '€0.00'],
  ] as const)('formats %s %s %d minor units as %s', (language, currency, minor, expected) => {
    expect(formatMoney(minor, currency, language)).toBe(expected);
  });

  // 123456789012345678 is beyond 2^53: as a number it is already 123456789012345680, so the exact amount comes as a bigint.
  it.each([
    ['en', 'EUR', '€1,234,567,890,123,456.78'],
    ['es', 'EUR', `1.234.567.890.123.456,78${NBSP}€`],
    ['it', 'EUR', `1.234.567.890.123.456,78${NBSP}€`],
    ['pt', 'EUR', `€${NBSP}1.234.567.890.123.456,78`],
    ['en', 'JPY', 'JP¥123,456,789,012,345,678'],
    ['es', 'JPY', `123.456.789.012.345.678${NBSP}JPY`],
    ['it', 'JPY', `123.456.789.012.345.678${NBSP}JPY`],
    ['pt', 'JPY', `JP¥${NBSP}123.456.789.012.345.678`],
    ['en', 'KWD', `KWD${NBSP}123,456,789,012,345.678`],
    ['es', 'KWD', `123.456.789.012.345,678${NBSP}KWD`],
    ['it', 'KWD', `123.456.789.012.345,678${NBSP}KWD`],
    ['pt', 'KWD', `KWD${NBSP}123.456.789.012.345,678`],
  ] as const)('formats 123456789012345678 minor units in %s %s to the last digit: %s', (language, currency, expected) => {
    expect(formatMoney(123_456_789_012_345_678n, currency, language)).toBe(expected);
  });

  it('formats the largest exact number of minor units without rounding it through a float division', () => {
    // The text is built from the integer's digits: no division by 100 on the way.
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'EUR', 'en')).toBe('€90,071,992,547,409.91');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'KWD', 'en')).toBe(`KWD${NBSP}9,007,199,254,740.991`);
    expect(minorAsDecimal(123_456_789_012_345_678n, 'EUR')).toBe('1234567890123456.78');
    expect(minorAsDecimal(-5, 'KWD')).toBe('-0.005');
    expect(() => minorAsDecimal(1.5, 'EUR')).toThrow(RangeError);
  });

  it.each([
    ['en', '30 Nov 2026'],
    ['es', '30 nov 2026'],
    ['pt', '30 de nov. de 2026'],
    ['it', '30 nov 2026'],
  ] as const)('writes dates in %s as %s, the day in UTC (a timestamp late at night stays on its day)', (language, expected) => {
    expect(formatDate('2026-11-30', language)).toBe(expected);
    expect(formatDate('2026-11-30T23:59:59.000Z', language)).toBe(expected);
  });

  it('writes percentages with the language’s decimal mark and a no-break space', () => {
    expect(formatPercent(21, 'en')).toBe(`21${NBSP}%`);
    expect(formatPercent(7.5, 'es')).toBe(`7,5${NBSP}%`);
  });

  it('has every word in every language', () => {
    const english = quoteLabels.en;
    for (const language of memberLanguages) {
      for (const key of Object.keys(english) as (keyof typeof english)[]) {
        const value = quoteLabels[language][key];
        expect([language, key, typeof value === 'function' || value.length > 0]).toEqual([language, key, true]);
      }
    }
    expect(quoteLabels.es.accept).toBe('Aceptar');
    expect(quoteLabels.it.page(2, 3)).toBe('Pagina 2 di 3');
    expect(quoteLabels.pt.taxOn('21 %', 'R$ 10,00')).toBe('Imposto 21 % sobre R$ 10,00');
  });
});
