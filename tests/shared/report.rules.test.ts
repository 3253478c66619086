import { contactRate, monthOf, quarterOf, weightedCents, winRate } from '@rapport/shared';

describe('report rules', () => {
  it('gives no win rate without closed deals, and won over won plus lost otherwise', () => {
    expect(winRate(0, 0)).toBeNull();
    expect(winRate(1, 0)).toBe(1);
    expect(winRate(0, 3)).toBe(0);
    expect(winRate(4238, 2473)).toBeCloseTo(0.6315, 4);
  });

  it('weighs an amount by probability to the cent', () => {
    expect(weightedCents(100_001, 25)).toBe(25_000); // 1,000.01 × 25% = 250.0025 → 250.00
    expect(weightedCents(33_333, 10)).toBe(3_333);
    expect(weightedCents(0, 90)).toBe(0);
  });

  it('counts a contact rate over the customers of a territory, with none when it has no customers', () => {
    expect(contactRate(12, 48)).toBe(0.25);
    expect(contactRate(0, 0)).toBeNull();
  });

  it('names quarters and months by the calendar', () => {
    expect([quarterOf('2017-03-31'), quarterOf('2017-04-01'), quarterOf('2016-12-31T23:59:59.000Z')]).toEqual(['2017-Q1', '2017-Q2', '2016-Q4']);
    expect(monthOf('2017-03-11T00:00:00.000Z')).toBe('2017-03');
  });
});
