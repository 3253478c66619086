import {
  addCell,
  buildReport,
  companySegmentForDeal,
  companySegmentOf,
  defaultPipeline,
  priceBandOf,
  reportCellsOf,
  reportDeltas,
  segmentValuesOf,
  sizeBandOf,
  sumDeltas,
  type Company,
  type Deal,
  type ReportCell,
  type ReportContext,
  type ReportFamily,
} from '@rapport/shared';

const at = '2026-03-10T10:00:00.000Z';
const system = { tenantId: 't', createdAt: at, createdBy: 'u', updatedAt: at, updatedBy: 'u', version: 1 };
const company = (id: string, extra: Partial<Company>): Company => ({ ...system, id, ownerId: 'rep-1', name: id, domains: [], phones: [], type: 'customer', ...extra });
const won = (id: string, of: Company | undefined, extra: Partial<Deal>): Deal => {
  const deal: Deal = {
    ...system,
    id,
    ownerId: 'rep-1',
    name: id,
    contactIds: [],
    currency: 'USD',
    amountSetByHand: true,
    stage: 'won',
    probability: 100,
    status: 'won',
    closedAt: at,
    lineItems: [],
    ...(of ? { companyId: of.id } : {}),
    ...extra,
  };
  const companySegment = companySegmentForDeal(deal, of, undefined);
  return companySegment ? { ...deal, companySegment } : deal;
};
const context: ReportContext = {
  now: '2026-03-20T00:00:00.000Z',
  pipeline: defaultPipeline,
  members: [
    { id: 'rep-1', displayName: 'Ada', team: 'North' },
    { id: 'rep-2', displayName: 'Bo', team: 'South' },
  ],
  territories: [],
  products: [
    { id: 'seat', name: 'Seat' },
    { id: 'day', name: 'Training day' },
  ],
  money: { reportingCurrency: 'USD', rates: [{ currency: 'EUR', month: '2026-01', rate: '1.5' }] },
};
const period = { from: '2026-01', to: '2026-12' };

/** The cells of some records, as a store holds them: each family's sums. */
function cellsOf(records: { kind: 'company' | 'deal'; record: Company | Deal }[]): Partial<Record<ReportFamily, ReportCell[]>> {
  const sums = new Map<string, ReportCell>();
  for (const { kind, record } of records) for (const cell of reportCellsOf(kind, record)) addCell(sums, cell);
  const cells: Partial<Record<ReportFamily, ReportCell[]>> = {};
  for (const cell of sums.values()) (cells[cell.family] ??= []).push(cell);
  return cells;
}

const acme = company('acme', { industry: 'Retail', address: { country: 'Italy', region: 'Lombardia' }, employees: 120 });
const bolt = company('bolt', { industry: ' Retail ', address: { country: 'Spain', region: 'Madrid' }, employees: 9, ownerId: 'rep-2' });
const cora = company('cora', { industry: 'Banking', address: { country: 'Italy', region: 'Lazio' }, employees: 1_000, type: 'prospect' });
const dune = company('dune', { type: 'partner' });

describe('customer segments', () => {
  it('bands companies by employees, a sole trader in the first band and an unknown size in none', () => {
    expect([0, 1, 9, 10, 49, 50, 249, 250, 999, 1_000, 250_000].map(sizeBandOf)).toEqual(['1-9', '1-9', '1-9', '10-49', '10-49', '50-249', '50-249', '250-999', '250-999', '1000+', '1000+']);
    expect(sizeBandOf(undefined)).toBe('');
  });

  it('reads a company’s segments as written, trimmed, with a region named in its country', () => {
    expect(segmentValuesOf(companySegmentOf(bolt))).toEqual({ industry: 'Retail', country: 'Spain', region: 'Madrid, Spain', size: '1-9', type: 'customer' });
    expect(segmentValuesOf(companySegmentOf(dune))).toEqual({ industry: '', country: '', region: '', size: '', type: 'partner' });
    expect(segmentValuesOf({ region: 'Bavaria' }).region).toBe('Bavaria');
  });

  it('keeps a segment on won deals only, from the company as it is, or as it was when it can no longer be read', () => {
    expect(companySegmentForDeal({ status: 'open', companyId: 'acme' }, acme, undefined)).toBeUndefined();
    expect(companySegmentForDeal({ status: 'won', companyId: 'acme' }, acme, undefined)).toEqual({ industry: 'Retail', country: 'Italy', region: 'Lombardia', employees: 120, type: 'customer' });
    expect(companySegmentForDeal({ status: 'won' }, undefined, undefined)).toEqual({});
    const kept = { companyId: 'acme', companySegment: { industry: 'Retail' } };
    expect(companySegmentForDeal({ status: 'won', companyId: 'acme' }, undefined, kept)).toEqual({ industry: 'Retail' });
    expect(companySegmentForDeal({ status: 'won', companyId: 'cora' }, undefined, kept)).toEqual({});
  });
});

describe('reports on customer demographics, built from cells', () => {
  const seat = (quantity: number, unitPrice: number, discountPercent = 0) => ({ productId: 'seat', quantity, unitPrice, discountPercent });
  const deals = [
    // Acme (Retail, Italy): 10 seats at 100 and 5 at 80 (100 less 20 %), and a training day.
    won('d1', acme, { amount: 1_900, lineItems: [seat(10, 100), seat(5, 100, 20), { productId: 'day', quantity: 1, unitPrice: 500, discountPercent: 0 }] }),
    // Bolt (Retail, Spain), Bo's: 2 seats at 90, in EUR (1.5 USD a euro: 135).
    won('d2', bolt, { amount: 180, currency: 'EUR', ownerId: 'rep-2', lineItems: [seat(2, 90)] }),
    // Cora (Banking, a prospect): one seat at 120.
    won('d3', cora, { amount: 120, lineItems: [seat(1, 120)] }),
    // A deal without a company, and one lost or open: none is a customer's won business but the first.
    won('d4', undefined, { amount: 50 }),
    { ...won('d5', acme, { amount: 999 }), status: 'lost' as const, stage: 'lost', companySegment: undefined },
    // Won last year: outside the period.
    won('d6', acme, { amount: 700, closedAt: '2025-06-01T00:00:00.000Z', lineItems: [seat(1, 10)] }),
  ];
  const records = [...[acme, bolt, cora, dune].map((record) => ({ kind: 'company' as const, record })), ...deals.map((record) => ({ kind: 'deal' as const, record }))];
  const report = (name: 'customers-by-segment' | 'product-prices-by-segment', filters: object = {}) => buildReport(name, cellsOf(records), { ...period, ...filters }, context);

  it('counts customers, companies and won business by industry, equal to a hand count', () => {
    const table = report('customers-by-segment', { segment: 'industry' });
    expect(table.columns.map((column) => column.key)).toEqual(['customers', 'companies', 'won', 'wonAmount']);
    expect(table.rows.map((row) => [row.segment, row.values])).toEqual([
      // Acme 1,900 + Bolt 180 EUR at 1.5 = 270.
      ['Retail', { customers: 2, companies: 2, won: 2, wonAmount: 2_170 }],
      ['Banking', { customers: 0, companies: 1, won: 1, wonAmount: 120 }],
      // Dune says nothing of its industry; d4 has no company.
      ['', { customers: 0, companies: 1, won: 1, wonAmount: 50 }],
    ]);
    expect(table.money.ratesUsed).toEqual([{ currency: 'EUR', month: '2026-01', rate: '1.5' }]);
  });

  it('groups by country, region, size band and type, bands and types in their own order', () => {
    const values = (segment: string) => report('customers-by-segment', { segment }).rows.map((row) => [row.segment, row.values.customers, row.values.wonAmount]);
    expect(values('country')).toEqual([
      ['Italy', 1, 2_020],
      ['Spain', 1, 270],
      ['', 0, 50],
    ]);
    expect(values('region')).toEqual([
      ['Lombardia, Italy', 1, 1_900],
      ['Madrid, Spain', 1, 270],
      ['Lazio, Italy', 0, 120],
      ['', 0, 50],
    ]);
    expect(values('size')).toEqual([
      ['1-9', 1, 270],
      ['50-249', 1, 1_900],
      ['1000+', 0, 120],
      ['', 0, 50],
    ]);
    expect(values('type')).toEqual([
      ['prospect', 0, 120],
      ['customer', 2, 2_170],
      ['partner', 0, 0],
      ['', 0, 50],
    ]);
  });

  it("narrows by owner: a rep's customers and won business", () => {
    const table = buildReport('customers-by-segment', cellsOf(records), { ...period, ownerId: 'rep-2', segment: 'country' }, context);
    expect(table.rows.map((row) => [row.segment, row.values])).toEqual([['Spain', { customers: 1, companies: 1, won: 1, wonAmount: 270 }]]);
  });

  it('gives each product’s units, revenue and lowest, average and highest unit net price by segment', () => {
    const table = report('product-prices-by-segment', { segment: 'industry' });
    expect(table.columns.map((column) => column.key)).toEqual(['quantity', 'revenue', 'minUnitPrice', 'averageUnitPrice', 'maxUnitPrice']);
    expect(table.rows.map((row) => [row.label, row.segment, row.values])).toEqual([
      // Retail: 10 × 100 + 5 × 80 in USD, 2 × 90 EUR = 2 × 135 USD: 1,670 for 17 seats.
      ['Seat', 'Retail', { quantity: 17, revenue: 1_670, minUnitPrice: 80, averageUnitPrice: 98.24, maxUnitPrice: 135 }],
      ['Seat', 'Banking', { quantity: 1, revenue: 120, minUnitPrice: 120, averageUnitPrice: 120, maxUnitPrice: 120 }],
      ['Training day', 'Retail', { quantity: 1, revenue: 500, minUnitPrice: 500, averageUnitPrice: 500, maxUnitPrice: 500 }],
    ]);
    // In euros only: Bolt's seats, unconverted.
    const euros = report('product-prices-by-segment', { segment: 'country', currency: 'EUR' });
    expect(euros.rows.map((row) => [row.label, row.segment, row.values])).toEqual([['Seat', 'Spain', { quantity: 2, revenue: 180, minUnitPrice: 90, averageUnitPrice: 90, maxUnitPrice: 90 }]]);
    // One product: its rows only.
    expect(report('product-prices-by-segment', { segment: 'size', productId: 'day' }).rows.map((row) => [row.label, row.segment])).toEqual([['Training day', '50-249']]);
  });

  it('takes a price back out when the only line sold at it changes: the highest price falls to the next', () => {
    const before = deals[0]!;
    const after: Deal = { ...before, version: 2, lineItems: [seat(10, 100), seat(5, 100, 20)] };
    const sums = new Map<string, ReportCell>();
    for (const { kind, record } of records) for (const cell of reportCellsOf(kind, record)) addCell(sums, cell);
    for (const cell of reportDeltas('deal', before, after)) addCell(sums, cell);
    // Bolt's 135 is gone too when it is deleted: its cells empty and are read no more.
    for (const cell of reportDeltas('deal', deals[1]!, { ...deals[1]!, deletedAt: at })) addCell(sums, cell);
    const cells: Partial<Record<ReportFamily, ReportCell[]>> = {};
    for (const cell of sumDeltas(sums.values())) (cells[cell.family] ??= []).push(cell);
    const table = buildReport('product-prices-by-segment', cells, { ...period, segment: 'industry' }, context);
    expect(table.rows.map((row) => [row.label, row.segment, row.values.quantity, row.values.minUnitPrice, row.values.maxUnitPrice])).toEqual([
      ['Seat', 'Retail', 15, 80, 100],
      ['Seat', 'Banking', 1, 120, 120],
    ]);
  });

  it('keeps prices in bands 1 % apart: a product sold at a thousand prices has a band per 1 % of their span, not a cell per price', () => {
    // A thousand deals, each at its own unit price from 100.00 to 199.90 (a discount typed by hand on each).
    const many = Array.from({ length: 1_000 }, (_, index) => won(`p${index}`, acme, { amount: 100 + index / 10, lineItems: [seat(1, 100 + index / 10)] }));
    const cells = cellsOf(many.map((record) => ({ kind: 'deal' as const, record })));
    const industryBands = (cells.segmentBand ?? []).filter((cell) => cell.dims.segment === 'industry');
    // From 100 to 199.90 is a span of 1.999: ln(1.999) / ln(1.01) = 69.6, so 70 or 71 bands.
    expect(industryBands.length).toBeGreaterThanOrEqual(70);
    expect(industryBands.length).toBeLessThanOrEqual(71);
    // The extremes are the mean prices of the extreme bands: within 1 % of the true ones, the average exact.
    const [row] = buildReport('product-prices-by-segment', cells, { ...period, segment: 'industry' }, context).rows;
    expect(row?.values.quantity).toBe(1_000);
    expect(row?.values.averageUnitPrice).toBe(149.95);
    expect(Math.abs(Number(row?.values.minUnitPrice) - 100) / 100).toBeLessThan(0.01);
    expect(Math.abs(Number(row?.values.maxUnitPrice) - 199.9) / 199.9).toBeLessThan(0.01);
    // A price alone in its band is exact, and a free line has a band of its own below every price.
    expect(priceBandOf(0)).toBe(-1);
    expect(priceBandOf(1)).toBe(0);
    expect(priceBandOf(10_000)).toBeLessThan(priceBandOf(10_100));
    expect(priceBandOf(10_000)).toBe(priceBandOf(10_020));
  });

  it("prices a band by its lines' total over their units, whoever's deals they are: the lowest and highest never leave the average outside them", () => {
    // One seat at 100.00 by Ada, a thousand at 100.20 by Bo: one band, two owners' cells.
    const one = won('q1', acme, { amount: 100, lineItems: [seat(1, 100)] });
    const many = won('q2', acme, { amount: 100_200, ownerId: 'rep-2', lineItems: [seat(1_000, 100.2)] });
    const [row] = buildReport('product-prices-by-segment', cellsOf([one, many].map((record) => ({ kind: 'deal' as const, record }))), { ...period, segment: 'industry' }, context).rows;
    expect(row?.values).toEqual({ quantity: 1_001, revenue: 100_300, minUnitPrice: 100.2, averageUnitPrice: 100.2, maxUnitPrice: 100.2 });
  });

  it('counts a won deal under the segment it keeps, not its company’s present one', () => {
    const moved = { ...acme, industry: 'Media', version: 2 };
    const cells = cellsOf([...records.filter((entry) => entry.record !== acme), { kind: 'company', record: moved }]);
    const rows = buildReport('customers-by-segment', cells, { ...period, segment: 'industry' }, context).rows.map((row) => [row.segment, row.values.customers, row.values.wonAmount]);
    // Acme counts among Media's customers now; its deal won as Retail stays there until it is saved again.
    expect(rows).toEqual([
      ['Retail', 1, 2_170],
      ['Media', 1, 0],
      ['Banking', 0, 120],
      ['', 0, 50],
    ]);
  });
});
