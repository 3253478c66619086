import { convertMinor, convertTotals, fitsCurrency, fromMinor, isRate, minorDigits, rateFor, toMinor, type ExchangeRate } from '../../shared/src/money/money.rules';

describe('money in minor units', () => {
  it('knows each currency\'s minor unit from ISO 4217, not a hard-wired ×100', () => {
    expect([minorDigits('JPY'), minorDigits('EUR'), minorDigits('KWD'), minorDigits('usd')]).toEqual([0, 2, 3, 2]);
    expect(toMinor(1234, 'JPY')).toBe(1234);
    expect(toMinor(18500.5, 'EUR')).toBe(1850050);
    expect(toMinor(1.234, 'KWD')).toBe(1234);
    expect(toMinor(1.15, 'USD')).toBe(115);
    expect(fromMinor(1234, 'KWD')).toBe(1.234);
    expect(fitsCurrency(0.5, 'JPY')).toBe(false);
    expect(fitsCurrency(1.234, 'KWD')).toBe(true);
    expect(fitsCurrency(1.234, 'EUR')).toBe(false);
  });

  it('converts at a decimal rate and rounds half away from zero, across minor units', () => {
    // 10.05 USD at 0.5 EUR = 5.025 EUR → 5.03 (away from zero).
    expect(convertMinor(1005, 'USD', '0.5', 'EUR')).toBe(503);
    expect(convertMinor(-1005, 'USD', '0.5', 'EUR')).toBe(-503);
    // 1,000 JPY at 0.0061 EUR = 6.10 EUR.
    expect(convertMinor(1000, 'JPY', '0.0061', 'EUR')).toBe(610);
    // 1.234 KWD at 2.98 EUR = 3.67732 EUR → 3.68.
    expect(convertMinor(1234, 'KWD', '2.98', 'EUR')).toBe(368);
    // 100 EUR at 163.5 JPY = 16,350 JPY.
    expect(convertMinor(10000, 'EUR', '163.5', 'JPY')).toBe(16350);
    expect(isRate('0')).toBe(false);
    expect(isRate('1.0825')).toBe(true);
    expect(isRate('1e3')).toBe(false);
  });

  const rates: ExchangeRate[] = [
    { currency: 'USD', month: '2026-03', rate: '0.92' },
    { currency: 'USD', month: '2026-06', rate: '0.9' },
    { currency: 'GBP', month: '2026-01', rate: '1.17' },
  ];

  it('takes the latest earlier rate when a month has none, and the first for months before it', () => {
    const rateOf = (currency: string, month: string) => rateFor(rates, currency, month, 'EUR')?.rate;
    expect(rateOf('USD', '2026-05')).toBe('0.92');
    expect(rateOf('USD', '2026-06')).toBe('0.9');
    expect(rateOf('USD', '2027-01')).toBe('0.9');
    expect(rateOf('USD', '2025-12')).toBe('0.92');
    expect(rateOf('EUR', '2026-05')).toBe('1');
    expect(rateFor(rates, 'BRL', '2026-05', 'EUR')).toBeNull();
  });

  it('converts each currency\'s month once, then adds, and names currencies without a rate', () => {
    const totals = new Map([
      ['EUR', new Map([['2026-05', 100_00]])],
      ['USD', new Map([['2026-05', 333_33], ['2026-07', 10_05]])],
      ['BRL', new Map([['2026-05', 500_00]])],
    ]);
    const converted = convertTotals(totals, rates, 'EUR');
    // 100.00 + 333.33 × 0.92 (306.6636 → 306.66) + 10.05 × 0.9 (9.045 → 9.05) = 415.71; BRL has no rate.
    expect(converted.minor).toBe(415_71);
    expect(converted.missing).toEqual(['BRL']);
    // The rates as given: USD's March rate served May, its June rate July.
    expect(converted.used).toEqual([
      { currency: 'USD', month: '2026-03', rate: '0.92' },
      { currency: 'USD', month: '2026-06', rate: '0.9' },
    ]);
  });
});

describe('exchange rates pasted as CSV', () => {
  it('reads currency, month and rate per line, with or without a header, and says why a line was not taken', async () => {
    const { parseExchangeRatesCsv, mergeExchangeRates } = await import('../../shared/src/money/exchange-rates-csv');
    const pasted = 'Currency,Month,Rate\nusd,2026-10,0.92\nGBP,2026-10,"1.17"\nJPY,2026-13,0.0061\nBRL,2026-10,0,17\nCHF,2026-10,abc\n';
    const { rates, problems } = parseExchangeRatesCsv(pasted);
    expect(rates).toEqual([
      { currency: 'USD', month: '2026-10', rate: '0.92', line: 2 },
      { currency: 'GBP', month: '2026-10', rate: '1.17', line: 3 },
    ]);
    expect(problems).toEqual([
      { line: 4, problem: 'month' },
      { line: 5, problem: 'columns' },
      { line: 6, problem: 'rate' },
    ]);
    const merged = mergeExchangeRates([{ currency: 'USD', month: '2026-10', rate: '0.9' }, { currency: 'USD', month: '2026-09', rate: '0.91' }], rates);
    expect(merged).toEqual([
      { currency: 'GBP', month: '2026-10', rate: '1.17' },
      { currency: 'USD', month: '2026-09', rate: '0.91' },
      { currency: 'USD', month: '2026-10', rate: '0.92' },
    ]);
  });
});
