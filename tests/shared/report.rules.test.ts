import {
  addToTotals,
  contactRate,
  defaultPipeline,
  emptyTotals,
  forecastByMonth,
  meanDaysInStage,
  monthOf,
  pipelineByStage,
  quarterOf,
  weightedCents,
  winRate,
} from '@rapport/shared';

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

  it('sums money per currency in cents, never across currencies; a deal without amount counts but adds no money', () => {
    const totals = emptyTotals();
    addToTotals(totals, { amount: 0.1, currency: 'USD', probability: 50 });
    addToTotals(totals, { amount: 0.2, currency: 'USD', probability: 50 });
    addToTotals(totals, { amount: 10, currency: 'EUR', probability: 10 });
    addToTotals(totals, { currency: 'USD', probability: 50 });
    expect(totals).toEqual({ count: 4, cents: { USD: 30, EUR: 1000 }, weightedCents: { USD: 15, EUR: 100 } });
    addToTotals(totals, { amount: 10, currency: 'EUR', probability: 10 }, -1);
    expect(totals).toEqual({ count: 3, cents: { USD: 30, EUR: 0 }, weightedCents: { USD: 15, EUR: 0 } });
  });

  it('lays open deals out by stage in pipeline order, empty stages included, closed deals left out', () => {
    const rows = pipelineByStage(
      [
        { stage: 'proposal', status: 'open', amount: 1000, currency: 'USD', probability: 50 },
        { stage: 'proposal', status: 'open', amount: 500.5, currency: 'USD', probability: 50 },
        { stage: 'won', status: 'won', amount: 9999, currency: 'USD', probability: 100 },
      ],
      defaultPipeline,
    );
    expect(rows.map((row) => [row.stage, row.totals.count, row.totals.cents.USD ?? 0, row.totals.weightedCents.USD ?? 0])).toEqual([
      ['prospecting', 0, 0, 0],
      ['qualification', 0, 0, 0],
      ['proposal', 2, 150_050, 75_025],
      ['negotiation', 0, 0, 0],
    ]);
  });

  it('forecasts open deals by expected close month, the unscheduled last', () => {
    const forecast = forecastByMonth([
      { status: 'open', expectedCloseDate: '2027-02-10', amount: 100, currency: 'USD', probability: 50 },
      { status: 'open', amount: 7, currency: 'USD', probability: 10 },
      { status: 'open', expectedCloseDate: '2027-01-31', amount: 40, currency: 'USD', probability: 25 },
      { status: 'lost', expectedCloseDate: '2027-01-05', amount: 40, currency: 'USD', probability: 0 },
    ]);
    expect(forecast.map((row) => [row.month, row.totals.count, row.totals.weightedCents.USD])).toEqual([
      ['2027-01', 1, 1_000],
      ['2027-02', 1, 5_000],
      ['unscheduled', 1, 70],
    ]);
  });

  it('measures mean days in each stage from stage histories, an open deal up to now, a closing stage not at all', () => {
    const days = meanDaysInStage(
      [
        { stageHistory: [{ stage: 'engaging', enteredAt: '2017-01-01T00:00:00Z' }, { stage: 'won', enteredAt: '2017-01-11T00:00:00Z' }], closedAt: '2017-01-11T00:00:00Z' },
        { stageHistory: [{ stage: 'engaging', enteredAt: '2017-01-01T00:00:00Z' }, { stage: 'lost', enteredAt: '2017-01-21T00:00:00Z' }], closedAt: '2017-01-21T00:00:00Z' },
        { stageHistory: [{ stage: 'prospecting', enteredAt: '2017-01-01T00:00:00Z' }] },
        {},
      ],
      '2017-01-04T00:00:00Z',
    );
    expect(Object.fromEntries(days)).toEqual({ engaging: { deals: 2, meanDays: 15 }, prospecting: { deals: 1, meanDays: 3 } });
  });
});
