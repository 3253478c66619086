import { buildReport, defaultPipeline, reportCellsOf, reportDeltas, sumDeltas, weekOf, type Deal, type ReportCell, type ReportContext } from '@rapport/shared';

const at = '2026-03-10T10:00:00.000Z';
const system = { tenantId: 't', createdAt: at, createdBy: 'u', updatedAt: at, updatedBy: 'u', version: 1 };
const deal = (id: string, extra: Partial<Deal>): Deal => ({
  ...system,
  id,
  ownerId: 'rep-1',
  name: id,
  contactIds: [],
  currency: 'USD',
  amountSetByHand: true,
  stage: 'proposal',
  probability: 50,
  status: 'open',
  lineItems: [],
  ...extra,
});
const context: ReportContext = {
  now: '2026-03-20T00:00:00.000Z',
  pipeline: defaultPipeline,
  members: [
    { id: 'rep-1', displayName: 'Ada', team: 'North', office: 'Lisbon' },
    { id: 'rep-2', displayName: 'Bo', team: 'South', office: 'Porto', deactivated: true },
  ],
  territories: [{ id: 'tr-1', name: 'Iberia', repIds: ['rep-1'] }],
  products: [{ id: 'p1', name: 'Seat' }],
  money: { reportingCurrency: 'USD', rates: [] },
};
const filters = { from: '2026-01', to: '2026-12', currency: 'USD' };

/** The cells of some deals, as a store would hold them. */
const cellsOf = (deals: Deal[]) => ({ deal: sumDeltas(deals.flatMap((item) => reportCellsOf('deal', item))), stage: [] as ReportCell[] });

describe('reports built from cells', () => {
  it('with no deals: every open stage at zero, no win rates, no quarters', () => {
    const cells = cellsOf([]);
    const pipeline = buildReport('pipeline', cells, filters, context);
    expect(pipeline.rows.map((row) => row.key)).toEqual(defaultPipeline.stages.filter((stage) => stage.kind === 'open').map((stage) => stage.id));
    expect(pipeline.rows.every((row) => row.values.deals === 0 && row.values.amount === 0)).toBe(true);
    expect(buildReport('win-rate-by-owner', cells, filters, context).rows).toEqual([]);
    expect(buildReport('won-by-quarter', cells, filters, context).rows).toEqual([]);
  });

  it('with one open deal without an amount: counted, no money, and flagged by data quality', () => {
    const cells = cellsOf([deal('d1', { expectedCloseDate: '2026-01-15' })]);
    const pipeline = buildReport('pipeline', cells, filters, context);
    expect(pipeline.rows.find((row) => row.key === 'proposal')?.values).toEqual({ deals: 1, amount: 0, weightedAmount: 0 });
    const quality = buildReport('data-quality', cells, filters, context);
    const value = (key: string) => quality.rows.find((row) => row.key === key)?.values.records;
    expect(value('open-deals-without-amount')).toBe(1);
    expect(value('open-deals-past-close-date')).toBe(1);
  });

  it('with only lost deals: a win rate of 0, not none', () => {
    const cells = cellsOf([deal('d1', { status: 'lost', stage: 'lost', closedAt: at, amount: 10 })]);
    expect(buildReport('win-rate-by-owner', cells, filters, context).rows).toEqual([{ key: 'rep-1', label: 'Ada', values: { won: 0, lost: 1, winRate: 0, wonAmount: 0 } }]);
  });

  it('adds money in cents: amounts that do not add up exactly in floating point do here', () => {
    const cells = cellsOf([0.1, 0.2, 0.7].map((amount, index) => deal(`d${index}`, { status: 'won', stage: 'won', closedAt: at, amount })));
    const quarter = buildReport('won-by-quarter', cells, filters, context).rows;
    expect(quarter).toEqual([{ key: '2026-Q1', label: '2026-Q1', values: { won: 3, wonAmount: 1 } }]);
    // A weighted amount rounds to the cent: 33.33 × 50 % = 16.665 → 16.67 (half away from zero, on cents).
    const weighted = buildReport('pipeline', cellsOf([deal('w', { amount: 33.33 })]), filters, context).rows.find((row) => row.key === 'proposal');
    expect(weighted?.values.weightedAmount).toBe(16.67);
  });

  it('keeps currencies apart: a report is in one currency, the others are not added in', () => {
    const cells = cellsOf([deal('usd', { amount: 100 }), deal('eur', { amount: 70, currency: 'EUR' })]);
    const usd = buildReport('pipeline', cells, filters, context).rows.find((row) => row.key === 'proposal');
    const eur = buildReport('pipeline', cells, { ...filters, currency: 'EUR' }, context).rows.find((row) => row.key === 'proposal');
    expect([usd?.values.amount, eur?.values.amount]).toEqual([100, 70]);
  });

  it('narrows by team, territory and product, and counts a deal once per product it sells', () => {
    const sold = deal('d1', {
      status: 'won',
      stage: 'won',
      closedAt: at,
      amount: 300,
      lineItems: [
        { productId: 'p1', quantity: 2, unitPrice: 100, discountPercent: 50 },
        { productId: 'p1', quantity: 1, unitPrice: 200, discountPercent: 0 },
      ],
    });
    const cells = cellsOf([sold, deal('d2', { ownerId: 'rep-2', status: 'won', stage: 'won', closedAt: at, amount: 5 })]);
    expect(buildReport('win-rate-by-owner', cells, { ...filters, team: 'South' }, context).rows.map((row) => row.label)).toEqual(['Bo']);
    expect(buildReport('win-rate-by-owner', cells, { ...filters, territoryId: 'tr-1' }, context).rows.map((row) => row.label)).toEqual(['Ada']);
    expect(buildReport('products-sold', cells, filters, context).rows).toEqual([{ key: 'p1', label: 'Seat', values: { deals: 1, quantity: 3, revenue: 300, averageUnitPrice: 100 } }]);
    expect(buildReport('won-by-quarter', cells, { ...filters, productId: 'p1' }, context).rows[0]?.values).toEqual({ won: 1, wonAmount: 300 });
    // Data quality: the deactivated member's won deal is closed, so it needs no owner.
    expect(buildReport('data-quality', cells, filters, context).rows.find((row) => row.key === 'open-deals-without-active-owner')?.values.records).toBe(0);
  });

  it('moves a deal between cells on an edit, and takes it out when it is deleted', () => {
    const before = deal('d1', { amount: 10, expectedCloseDate: '2026-02-01' });
    const after: Deal = { ...before, amount: 25, expectedCloseDate: '2026-04-01', version: 2 };
    const moved = reportDeltas('deal', before, after);
    expect(moved.map((cell) => [cell.month, cell.measures])).toEqual([
      ['2026-02', { count: -1, minor: -1000, weightedMinor: -500 }],
      ['2026-04', { count: 1, minor: 2500, weightedMinor: 1250 }],
    ]);
    expect(reportDeltas('deal', after, { ...after, deletedAt: at })).toEqual(reportCellsOf('deal', after).map((cell) => ({ ...cell, measures: Object.fromEntries(Object.entries(cell.measures).map(([name, value]) => [name, -value])) })));
    // An edit that changes nothing a report reads changes no cell.
    expect(reportDeltas('deal', after, { ...after, name: 'Renamed', version: 3 } as Deal)).toEqual([]);
  });

  it('files weeks from Monday, in UTC', () => {
    expect(weekOf('2026-11-23T08:00:00.000Z')).toBe('2026-11-23');
    expect(weekOf('2026-11-29T23:59:59.000Z')).toBe('2026-11-23');
    expect(weekOf('2026-11-30T00:00:00.000Z')).toBe('2026-11-30');
    expect(weekOf('2027-01-01T00:00:00.000Z')).toBe('2026-12-28');
  });
});
