import { TENANT_A, create, createTestApp, testStores, type TestApp } from './test-app';

// Customer demographics (issue 23): customers and won business by industry, country, region, size band and type, and
// the products sold in each segment with the prices they sold at. A tenant the test builds through the API, in EUR with
// a rate for USD, against a hand count.
type Row = { key: string; label: string; segment?: string; values: Record<string, number | null> };

describe.each(testStores)('reports on customer demographics on %s', (store) => {
  let t: TestApp;
  let admin: string;
  let ana: string;
  let ben: string;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date('2026-10-05T10:00:00Z');
    t = await createTestApp({ store, now: () => clock });
    admin = await t.token(TENANT_A, 'admin-1', ['admin'], 'Ada Admin');
    ana = await t.token(TENANT_A, 'rep-ana', ['rep'], 'Ana Souza');
    ben = await t.token(TENANT_A, 'rep-ben', ['rep'], 'Ben Okafor');
    for (const token of [admin, ana, ben]) expect((await t.call('get-me', { token })).status).toBe(200);
    const settings = await t.call('update-settings', { token: admin, headers: { 'if-match': '"0"' }, body: { reportingCurrency: 'EUR', exchangeRates: [{ currency: 'USD', month: '2026-01', rate: '0.9' }] } });
    expect(settings.status).toBe(200);
  });
  afterEach(() => t.close());

  const report = async (name: string, query: Record<string, string> = {}, token = admin) => {
    const response = await t.call('report', { token, params: { report: name }, query: { from: '2026-01', to: '2026-12', ...query } });
    expect({ status: response.status, error: response.status === 200 ? undefined : response.body }).toEqual({ status: 200 });
    return response.body as { currency: string; filters: Record<string, string>; rows: Row[]; ratesUsed: unknown[] };
  };
  const customers = async (segment: string, query: Record<string, string> = {}, token = admin) =>
    (await report('customers-by-segment', { segment, ...query }, token)).rows.map((row) => [row.segment, row.values.customers, row.values.companies, row.values.won, row.values.wonAmount]);
  const prices = async (segment: string, query: Record<string, string> = {}, token = admin) =>
    (await report('product-prices-by-segment', { segment, ...query }, token)).rows.map((row) => [row.label, row.segment, row.values]);

  /**
   * Four companies: Acme (Retail, Lombardia in Italy, 120 people, a customer) and Cora (Banking, Lazio in Italy, 1,500
   * people, a prospect) are Ana's; Bolt (Retail, Madrid in Spain, 8 people, a customer) and Dune (a partner that says
   * nothing else) are Ben's. Won this October: Acme 10 seats at 100 EUR, 5 at 100 less 20 % and a training day at 500
   * (1,900 EUR); Bolt 2 seats at 120 USD (216 EUR at 0.9); Cora 1 seat at 130 EUR. Not won: an open deal and a lost one.
   */
  async function tenant() {
    const company = (body: object, token: string) => create(t, 'company', body, token);
    const acme = await company({ name: 'Acme', industry: 'Retail', address: { country: 'Italy', region: 'Lombardia' }, employees: 120, type: 'customer' }, ana);
    const cora = await company({ name: 'Cora', industry: 'Banking', address: { country: 'Italy', region: 'Lazio' }, employees: 1_500, type: 'prospect' }, ana);
    const bolt = await company({ name: 'Bolt', industry: 'Retail', address: { country: 'Spain', region: 'Madrid' }, employees: 8, type: 'customer' }, ben);
    await company({ name: 'Dune', type: 'partner' }, ben);
    const seat = await create(t, 'product', { name: 'Seat', unitPrice: 100, currency: 'EUR' }, admin);
    const seatUsd = await create(t, 'product', { name: 'Seat', unitPrice: 120, currency: 'USD' }, admin);
    const day = await create(t, 'product', { name: 'Training day', unitPrice: 500, currency: 'EUR' }, admin);
    const deal = (body: object, token: string) => create(t, 'deal', { contactIds: [], ...body }, token);
    const acmeWon = await deal(
      {
        name: 'Acme seats',
        stage: 'won',
        currency: 'EUR',
        companyId: acme.id,
        lineItems: [
          { productId: seat.id, quantity: 10 },
          { productId: seat.id, quantity: 5, discountPercent: 20 },
          { productId: day.id, quantity: 1 },
        ],
      },
      ana,
    );
    const boltWon = await deal({ name: 'Bolt seats', stage: 'won', currency: 'USD', companyId: bolt.id, lineItems: [{ productId: seatUsd.id, quantity: 2 }] }, ben);
    await deal({ name: 'Cora seat', stage: 'won', currency: 'EUR', companyId: cora.id, lineItems: [{ productId: seat.id, quantity: 1, unitPrice: 130 }] }, ana);
    await deal({ name: 'Acme more seats', stage: 'proposal', currency: 'EUR', companyId: acme.id, lineItems: [{ productId: seat.id, quantity: 50 }] }, ana);
    await deal({ name: 'Bolt lost', stage: 'lost', currency: 'USD', companyId: bolt.id, lineItems: [{ productId: seatUsd.id, quantity: 9 }] }, ben);
    return { acme, acmeWon, boltWon, seat };
  }

  it('counts customers, companies and won business by industry, country, region, size band and type, equal to a hand count', async () => {
    await tenant();
    const industry = await report('customers-by-segment');
    // Industry when no segment is asked for, and the answer says so.
    expect(industry.filters).toEqual({ segment: 'industry' });
    expect(industry.currency).toBe('EUR');
    expect(industry.ratesUsed).toEqual([{ currency: 'USD', month: '2026-01', rate: '0.9' }]);
    expect(industry.rows.map((row) => [row.segment, row.values])).toEqual([
      ['Retail', { customers: 2, companies: 2, won: 2, wonAmount: 2_116 }],
      ['Banking', { customers: 0, companies: 1, won: 1, wonAmount: 130 }],
      ['', { customers: 0, companies: 1, won: 0, wonAmount: 0 }],
    ]);
    expect(await customers('country')).toEqual([
      ['Italy', 1, 2, 2, 2_030],
      ['Spain', 1, 1, 1, 216],
      ['', 0, 1, 0, 0],
    ]);
    expect(await customers('region')).toEqual([
      ['Lombardia, Italy', 1, 1, 1, 1_900],
      ['Madrid, Spain', 1, 1, 1, 216],
      ['Lazio, Italy', 0, 1, 1, 130],
      ['', 0, 1, 0, 0],
    ]);
    expect(await customers('size')).toEqual([
      ['1-9', 1, 1, 1, 216],
      ['50-249', 1, 1, 1, 1_900],
      ['1000+', 0, 1, 1, 130],
      ['', 0, 1, 0, 0],
    ]);
    expect(await customers('type')).toEqual([
      ['prospect', 0, 1, 1, 130],
      ['customer', 2, 2, 2, 2_116],
      ['partner', 0, 1, 0, 0],
    ]);
    // Won business is the period's; customers are today's whatever the period.
    expect(await customers('country', { from: '2025-01', to: '2025-12' })).toEqual([
      ['Italy', 1, 2, 0, 0],
      ['Spain', 1, 1, 0, 0],
      ['', 0, 1, 0, 0],
    ]);
  });

  it('gives the units, revenue and lowest, average and highest unit net price of each product by segment', async () => {
    await tenant();
    expect(await prices('industry')).toEqual([
      // 10 × 100 + 5 × 80 = 1,400 EUR for 15 seats; Cora's seat sold at 130.
      ['Seat (EUR)', 'Retail', { quantity: 15, revenue: 1_400, minUnitPrice: 80, averageUnitPrice: 93.33, maxUnitPrice: 100 }],
      ['Seat (EUR)', 'Banking', { quantity: 1, revenue: 130, minUnitPrice: 130, averageUnitPrice: 130, maxUnitPrice: 130 }],
      // 2 × 120 USD at 0.9: 108 EUR a seat.
      ['Seat (USD)', 'Retail', { quantity: 2, revenue: 216, minUnitPrice: 108, averageUnitPrice: 108, maxUnitPrice: 108 }],
      ['Training day', 'Retail', { quantity: 1, revenue: 500, minUnitPrice: 500, averageUnitPrice: 500, maxUnitPrice: 500 }],
    ]);
    // In dollars only: Bolt's seats at their own price.
    expect(await prices('size', { currency: 'USD' })).toEqual([['Seat (USD)', '1-9', { quantity: 2, revenue: 240, minUnitPrice: 120, averageUnitPrice: 120, maxUnitPrice: 120 }]]);
  });

  it('follows every later write: a price no longer sold leaves the range, a deleted deal its segment, a company changed its customers', async () => {
    const { acme, acmeWon, boltWon, seat } = await tenant();
    clock = new Date('2026-10-20T10:00:00Z');
    // Acme's deal loses its discounted seats: 80 EUR is no longer a price seats sold at in Retail.
    const changed = await t.call('update-deal', { token: ana, params: { id: acmeWon.id }, headers: { 'if-match': `"${acmeWon.version}"` }, body: { lineItems: [{ productId: seat.id, quantity: 10 }] } });
    expect(changed.status).toBe(200);
    expect((await prices('industry', { productId: seat.id }))[0]).toEqual(['Seat (EUR)', 'Retail', { quantity: 10, revenue: 1_000, minUnitPrice: 100, averageUnitPrice: 100, maxUnitPrice: 100 }]);
    // Bolt's deal is deleted: Spain has no won business left.
    expect((await t.call('delete-deal', { token: ben, params: { id: boltWon.id }, headers: { 'if-match': `"${boltWon.version}"` } })).status).toBe(204);
    expect(await customers('country')).toEqual([
      ['Italy', 1, 2, 2, 1_130],
      ['Spain', 1, 1, 0, 0],
      ['', 0, 1, 0, 0],
    ]);
    // Acme moves to Media: it counts among Media's customers at once; its deal won as Retail stays there until saved.
    const moved = await t.call('update-company', { token: ana, params: { id: acme.id }, headers: { 'if-match': `"${acme.version}"` }, body: { industry: 'Media' } });
    expect(moved.status).toBe(200);
    expect(await customers('industry')).toEqual([
      ['Retail', 1, 1, 1, 1_000],
      ['Media', 1, 1, 0, 0],
      ['Banking', 0, 1, 1, 130],
      ['', 0, 1, 0, 0],
    ]);
    const saved = await t.call('update-deal', { token: ana, params: { id: acmeWon.id }, headers: { 'if-match': `"${changed.body.version}"` }, body: { nextStep: 'Invoice sent' } });
    expect(saved.status).toBe(200);
    expect(saved.body.companySegment).toEqual({ industry: 'Media', country: 'Italy', region: 'Lombardia', employees: 120, type: 'customer' });
    expect(await customers('industry')).toEqual([
      ['Media', 1, 1, 1, 1_000],
      ['Retail', 1, 1, 0, 0],
      ['Banking', 0, 1, 1, 130],
      ['', 0, 1, 0, 0],
    ]);
    // Reopened, the deal keeps no segment and leaves the won business.
    const reopened = await t.call('update-deal', { token: ana, params: { id: acmeWon.id }, headers: { 'if-match': `"${saved.body.version}"` }, body: { stage: 'negotiation' } });
    expect(reopened.body.companySegment).toBeUndefined();
    expect(await customers('industry')).toEqual([
      ['Media', 1, 1, 0, 0],
      ['Retail', 1, 1, 0, 0],
      ['Banking', 0, 1, 1, 130],
      ['', 0, 1, 0, 0],
    ]);
  });

  it("narrows a rep's reports to their own companies and deals, and refuses a segment it does not know", async () => {
    await tenant();
    expect(await customers('country', {}, ana)).toEqual([['Italy', 1, 2, 2, 2_030]]);
    expect((await prices('country', {}, ben)).map(([label, segment]) => [label, segment])).toEqual([['Seat (USD)', 'Spain']]);
    const refused = await t.call('report', { token: admin, params: { report: 'customers-by-segment' }, query: { segment: 'postcode' } });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'REQUEST.VALIDATION_FAILED' } } });
    // Other reports take no segment, and say none.
    expect((await report('pipeline', { segment: 'country' })).filters).toEqual({});
  });
});
