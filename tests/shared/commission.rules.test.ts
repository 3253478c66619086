import { RateBook, commissionDealOf, commissionFor, tierStarts, type CommissionDeal, type CommissionTerms } from '@rapport/shared';

// Amounts are in cents of the reporting currency: 1_000_000 is 10,000.00.
const deal = (id: string, wonMinor: number, closedAt = `2026-11-${id.padStart(2, '0')}T10:00:00Z`, extra: Partial<CommissionDeal> = {}): CommissionDeal => ({
  dealId: id,
  name: `Deal ${id}`,
  closedAt,
  wonMinor,
  productParts: [],
  expensesMinor: 0,
  ...extra,
});
const accelerator: CommissionTerms = { tiers: [{ fromPercent: 0, rate: 5 }, { fromPercent: 100, rate: 8 }], mode: 'marginal', productRates: [], expensesReduceBase: false };

describe('commission arithmetic', () => {
  it('pays each part of a deal at the rate of the tier it falls in (marginal)', () => {
    // Goal 10,000: the first deal (6,000) is all at 5 %; the second (6,000) is 4,000 at 5 % and 2,000 at 8 %.
    const result = commissionFor([deal('1', 600_000), deal('2', 600_000)], 1_000_000, accelerator);
    expect(result.lines.map((line) => line.commissionMinor)).toEqual([30_000, 20_000 + 16_000]);
    expect(result.lines[1]!.portions).toEqual([{ rate: 5, minor: 400_000 }, { rate: 8, minor: 200_000 }]);
    expect(result).toMatchObject({ totalMinor: 66_000, wonMinor: 1_200_000, attainment: 1.2, reachedRate: 8 });
  });

  it('pays every deal at the reached tier’s rate when the plan is retroactive', () => {
    const result = commissionFor([deal('1', 600_000), deal('2', 600_000)], 1_000_000, { ...accelerator, mode: 'retroactive' });
    expect(result.lines.map((line) => line.commissionMinor)).toEqual([48_000, 48_000]);
    expect(result.totalMinor).toBe(96_000);
  });

  it('keeps a deal that reaches exactly 100 % of the goal in the lower tier when marginal, and moves all to the higher when retroactive', () => {
    const exactly = [deal('1', 400_000), deal('2', 600_000)];
    expect(commissionFor(exactly, 1_000_000, accelerator).totalMinor).toBe(50_000);
    // 100 % reached: the 8 % tier starts at 100 %, so all of it pays 8 %.
    expect(commissionFor(exactly, 1_000_000, { ...accelerator, mode: 'retroactive' })).toMatchObject({ totalMinor: 80_000, reachedRate: 8 });
    // One cent short of the goal stays at 5 %.
    expect(commissionFor([deal('1', 999_999)], 1_000_000, { ...accelerator, mode: 'retroactive' })).toMatchObject({ totalMinor: 50_000, reachedRate: 5 });
  });

  it('pays the first tier’s rate on everything without a goal, and the last tier’s on everything with a goal of zero', () => {
    expect(commissionFor([deal('1', 2_000_000)], null, accelerator)).toMatchObject({ totalMinor: 100_000, attainment: null, reachedRate: 5 });
    expect(commissionFor([deal('1', 2_000_000)], 0, accelerator)).toMatchObject({ totalMinor: 160_000, attainment: null, reachedRate: 8 });
    expect(commissionFor([deal('1', 2_000_000)], 0, { ...accelerator, mode: 'retroactive' }).totalMinor).toBe(160_000);
    expect(tierStarts(accelerator.tiers, null)).toEqual([0, Number.POSITIVE_INFINITY]);
  });

  it('stops at the cap: the deal that reaches it pays what is left, later ones nothing', () => {
    const capped = commissionFor([deal('1', 600_000), deal('2', 600_000), deal('3', 100_000)], 1_000_000, { ...accelerator, capMinor: 50_000 });
    expect(capped.lines.map((line) => [line.commissionMinor, line.capped])).toEqual([[30_000, false], [20_000, true], [0, true]]);
    expect(capped.totalMinor).toBe(50_000);
  });

  it('pays a product’s own rate on its lines whatever the tier, and tiers the rest', () => {
    const terms = { ...accelerator, productRates: [{ productId: 'services', rate: 10 }] };
    // A 10,000 deal, 2,000 of it services: 2,000 × 10 % + 8,000 × 5 % (goal 100,000 far away).
    const result = commissionFor([deal('1', 1_000_000, undefined, { productParts: [{ productId: 'services', minor: 200_000 }, { productId: 'seats', minor: 800_000 }] })], 10_000_000, terms);
    expect(result.totalMinor).toBe(20_000 + 40_000);
    expect(result.lines[0]!.portions).toEqual([{ rate: 10, minor: 200_000, productId: 'services' }, { rate: 5, minor: 800_000 }]);
  });

  it('takes approved expenses off the base only when the plan says so', () => {
    const withExpenses = [deal('1', 1_000_000, undefined, { expensesMinor: 100_000 })];
    expect(commissionFor(withExpenses, null, accelerator).totalMinor).toBe(50_000);
    const reduced = commissionFor(withExpenses, null, { ...accelerator, expensesReduceBase: true });
    expect(reduced.lines[0]).toMatchObject({ baseMinor: 900_000, expensesMinor: 100_000, commissionMinor: 45_000 });
    // Expenses never make a deal pay less than nothing.
    expect(commissionFor([deal('1', 100, undefined, { expensesMinor: 500 })], null, { ...accelerator, expensesReduceBase: true }).totalMinor).toBe(0);
  });

  it('rounds each line once, half away from zero, and orders deals by when they were won', () => {
    // 3.33 at 7.5 % = 0.24975 → 0.25.
    const terms: CommissionTerms = { ...accelerator, tiers: [{ fromPercent: 0, rate: 7.5 }] };
    expect(commissionFor([deal('1', 333)], null, terms).totalMinor).toBe(25);
    const late = deal('9', 600_000, '2026-11-01T09:00:00Z');
    const result = commissionFor([deal('1', 600_000, '2026-11-02T09:00:00Z'), late], 1_000_000, accelerator);
    expect(result.lines.map((line) => line.dealId)).toEqual(['9', '1']);
  });

  it('converts a deal at the rate of the month it closed, and names a currency without one', () => {
    const book = new RateBook([{ currency: 'USD', month: '2026-10', rate: '0.9' }], 'EUR');
    const won = { id: 'd1', name: 'US deal', amount: 1000, currency: 'USD', closedAt: '2026-11-05T10:00:00Z', lineItems: [{ productId: 'p1', quantity: 2, unitPrice: 300, discountPercent: 0 }, { productId: 'p2', quantity: 1, unitPrice: 600, discountPercent: 50 }] };
    // 1,000 USD at 0.9 = 900 EUR; lines 600 and 300 (of 900) share it 2:1.
    expect(commissionDealOf(won, book, 'EUR', [{ amount: 10, currency: 'EUR', date: '2026-11-03' }])).toEqual({
      dealId: 'd1', name: 'US deal', closedAt: '2026-11-05T10:00:00Z', wonMinor: 90_000, productParts: [{ productId: 'p1', minor: 60_000 }, { productId: 'p2', minor: 30_000 }], expensesMinor: 1_000,
    });
    expect(commissionDealOf({ ...won, currency: 'GBP' }, book, 'EUR', [])).toEqual({ missingRate: 'GBP' });
  });
});
