import { TENANT_A, create, createTestApp, testStores, type TestApp } from './test-app';

// The reports of issue 21: quotes sent, accepted and declined by rep and month with the time to acceptance; orders by
// status; contract value up for renewal by month. A tenant the test builds through the API, against a hand count.
describe.each(testStores)('reports on quotes, orders and contracts on %s', (store) => {
  let t: TestApp;
  let clock: Date;
  let admin: string;
  let ana: string;
  let ben: string;

  beforeEach(async () => {
    clock = new Date('2026-10-01T10:00:00Z');
    t = await createTestApp({ store, now: () => clock });
    admin = await t.token(TENANT_A, 'admin-1', ['admin'], 'Ada Admin');
    ana = await t.token(TENANT_A, 'rep-ana', ['rep'], 'Ana Souza');
    ben = await t.token(TENANT_A, 'rep-ben', ['rep'], 'Ben Okafor');
    for (const token of [admin, ana, ben]) expect((await t.call('get-me', { token })).status).toBe(200);
    const settings = await t.call('get-settings', { token: admin });
    const quotes = { taxRates: [{ name: 'IVA 21%', percent: 21 }], defaultTaxPercent: 21, validityDays: 60, language: 'en' };
    expect((await t.call('update-settings', { token: admin, body: { quotes }, headers: { 'if-match': `"${settings.body.version}"` } })).status).toBe(200);
  });
  afterEach(() => t.close());

  const at = (time: string) => {
    clock = new Date(time);
  };
  let made = 0;
  /** A deal of `token`'s rep selling `quantity` seats at 1,000 EUR, and its quote, sent now. */
  async function sentQuote(token: string, quantity: number) {
    made++;
    const company = await create(t, 'company', { name: `Customer ${made}` }, token);
    const contact = await create(t, 'contact', { firstName: 'Lucía', lastName: `Gómez ${made}`, emails: [`lucia-${made}@customer.example`], companyId: company.id }, token);
    const seats = await create(t, 'product', { name: `Seat licence ${made}`, unitPrice: 1000, currency: 'EUR' }, admin);
    const deal = await create(t, 'deal', { name: `Seats ${made}`, stage: 'proposal', currency: 'EUR', companyId: company.id, contactIds: [contact.id], lineItems: [{ productId: seats.id, quantity }] }, token);
    const draft = await t.call('create-quote', { token, body: { dealId: deal.id } });
    const sent = await t.call('send-quote', { token, params: { id: draft.body.id }, body: {} });
    expect(sent.status).toBe(200);
    return { company, deal, quote: sent.body };
  }
  const accept = async (key: string) => expect((await t.call('accept-quote', { token: null, params: { key }, body: { name: 'Lucía Gómez', acceptTerms: true } })).status).toBe(200);
  const decline = async (key: string) => expect((await t.call('decline-quote', { token: null, params: { key }, body: { reason: 'Too dear' } })).status).toBe(200);
  const report = async (name: string, token = admin, query: Record<string, string> = {}) => {
    const response = await t.call('report', { token, params: { report: name }, query: { from: '2026-01', to: '2026-12', currency: 'EUR', ...query } });
    expect({ status: response.status, error: response.status === 200 ? undefined : response.body }).toEqual({ status: 200 });
    return Object.fromEntries(response.body.rows.map((row: { key: string; values: object }) => [row.key, row.values]));
  };

  it('counts quotes sent, accepted and declined by rep and month, each quote once whatever its versions, with the days to acceptance', async () => {
    // Ana: 2 seats sent on 5 October and accepted two days later; 1 seat sent on 20 October, declined on 2 November.
    at('2026-10-05T10:00:00Z');
    const first = await sentQuote(ana, 2);
    at('2026-10-07T10:00:00Z');
    await accept(first.quote.publicKey);
    at('2026-10-20T10:00:00Z');
    const second = await sentQuote(ana, 1);
    at('2026-11-02T09:00:00Z');
    await decline(second.quote.publicKey);
    // Ben: 3 seats sent on 10 November, a second version (4 seats) sent on the 12th, accepted three days later.
    at('2026-11-10T10:00:00Z');
    const third = await sentQuote(ben, 3);
    at('2026-11-12T10:00:00Z');
    const revision = await t.call('create-quote', { token: ben, body: { dealId: third.deal.id, revisionOf: third.quote.id, lines: [{ name: 'Seat licence', quantity: 4, unitPrice: 1000, taxPercent: 21 }] } });
    expect(revision.status).toBe(201);
    const sentRevision = (await t.call('send-quote', { token: ben, params: { id: revision.body.id }, body: {} })).body;
    at('2026-11-15T10:00:00Z');
    await accept(sentRevision.publicKey);
    // A draft is nothing yet.
    await t.call('create-quote', { token: ben, body: { dealId: third.deal.id } });

    expect(await report('quotes-by-owner')).toEqual({
      'rep-ana': { sent: 2, accepted: 1, declined: 1, acceptanceRate: 0.5, acceptedAmount: 2000, meanDaysToAccept: 2 },
      'rep-ben': { sent: 1, accepted: 1, declined: 0, acceptanceRate: 1, acceptedAmount: 4000, meanDaysToAccept: 3 },
    });
    expect(await report('quotes-by-month')).toEqual({
      '2026-10': { sent: 2, accepted: 1, declined: 0, acceptanceRate: 1, acceptedAmount: 2000, meanDaysToAccept: 2 },
      '2026-11': { sent: 1, accepted: 1, declined: 1, acceptanceRate: 0.5, acceptedAmount: 4000, meanDaysToAccept: 3 },
    });
    // A rep reads their own; the period narrows.
    expect(Object.keys(await report('quotes-by-owner', ana))).toEqual(['rep-ana']);
    expect(await report('quotes-by-month', ana, { from: '2026-11', to: '2026-11' })).toEqual({
      '2026-11': { sent: 0, accepted: 0, declined: 1, acceptanceRate: 0, acceptedAmount: 0, meanDaysToAccept: null },
    });
    expect((await t.call('report', { token: ana, params: { report: 'quotes-by-owner' }, query: { ownerId: 'rep-ben' } })).status).toBe(403);
  });

  it('counts orders by where they are: open ones whatever the period, delivered and cancelled ones placed in it', async () => {
    at('2026-03-02T10:00:00Z');
    const old = await sentQuote(ana, 5);
    await accept(old.quote.publicKey);
    at('2026-10-05T10:00:00Z');
    const shipped = await sentQuote(ana, 2);
    await accept(shipped.quote.publicKey);
    const cancelled = await sentQuote(ben, 1);
    await accept(cancelled.quote.publicKey);
    const orderOf = async (dealId: string, token: string) => (await t.call('list-orders', { token, query: { dealId } })).body.items[0];
    const move = async (dealId: string, token: string, steps: object[]) => {
      for (const body of steps) {
        const order = await orderOf(dealId, token);
        expect((await t.call('update-order', { token, params: { id: order.id }, body, headers: { 'if-match': `"${order.version}"` } })).status).toBe(200);
      }
    };
    await move(shipped.deal.id, ana, [{ status: 'in-progress' }, { status: 'shipped', carrier: 'DHL', trackingNumber: 'JD0146' }]);
    await move(cancelled.deal.id, ben, [{ status: 'cancelled', cancelReason: 'Budget frozen' }]);

    const amounts = (confirmed: number, shippedAmount: number, cancelledAmount: number) => ({
      confirmed: { orders: confirmed ? 1 : 0, amount: confirmed },
      'in-progress': { orders: 0, amount: 0 },
      shipped: { orders: shippedAmount ? 1 : 0, amount: shippedAmount },
      delivered: { orders: 0, amount: 0 },
      cancelled: { orders: cancelledAmount ? 1 : 0, amount: cancelledAmount },
    });
    expect(await report('orders-by-status')).toEqual(amounts(5000, 2000, 1000));
    // March's order is still open: it shows from October on too; Ben's cancelled one is October's.
    expect(await report('orders-by-status', admin, { from: '2026-10', to: '2026-12' })).toEqual(amounts(5000, 2000, 1000));
    expect(await report('orders-by-status', admin, { from: '2026-11', to: '2026-12' })).toEqual(amounts(5000, 2000, 0));
    expect(await report('orders-by-status', ana)).toEqual(amounts(5000, 2000, 0));
  });

  it('adds up contract value for a year by the month contracts end, from this month on, and follows their changes', async () => {
    at('2026-11-16T10:00:00Z');
    const company = await create(t, 'company', { name: 'Fabrikam' }, ana);
    const contract = (body: object, token = ana) => t.call('create-contract', { token, body: { companyId: company.id, name: 'Support', startDate: '2026-01-01', endDate: '2026-12-31', ...body } });
    const monthly = (await contract({ value: { amount: 1000, currency: 'EUR', period: 'month' }, renewal: { autoRenew: true } })).body;
    await contract({ endDate: '2027-03-31', value: { amount: 5000, currency: 'EUR', period: 'year' } }, ben);
    await contract({ endDate: '2027-03-15', value: { amount: 900, currency: 'EUR', period: 'quarter' } }, ben);
    // Without a value: counted, worth nothing. Ended in June, or cancelled: not up for renewal.
    await contract({ endDate: '2027-03-31', name: 'Goodwill' });
    await contract({ endDate: '2026-06-30', value: { amount: 10, currency: 'EUR', period: 'month' } });
    const dropped = (await contract({ endDate: '2027-02-28', value: { amount: 10, currency: 'EUR', period: 'month' } })).body;
    expect((await t.call('update-contract', { token: ana, params: { id: dropped.id }, body: { cancelled: true, cancelReason: 'Moved away' }, headers: { 'if-match': `"${dropped.version}"` } })).status).toBe(200);

    expect(await report('contracts-up-for-renewal')).toEqual({
      '2026-12': { contracts: 1, autoRenew: 1, annualValue: 12_000 },
      '2027-03': { contracts: 3, autoRenew: 0, annualValue: 8_600 },
    });
    expect(await report('contracts-up-for-renewal', ana)).toEqual({
      '2026-12': { contracts: 1, autoRenew: 1, annualValue: 12_000 },
      '2027-03': { contracts: 1, autoRenew: 0, annualValue: 0 },
    });
    // Moved to January, then deleted: the cells follow.
    const moved = await t.call('update-contract', { token: ana, params: { id: monthly.id }, body: { endDate: '2027-01-31' }, headers: { 'if-match': `"${monthly.version}"` } });
    expect(moved.status).toBe(200);
    expect(Object.keys(await report('contracts-up-for-renewal'))).toEqual(['2027-01', '2027-03']);
    expect((await t.call('delete-contract', { token: ana, params: { id: monthly.id }, headers: { 'if-match': `"${moved.body.version}"` } })).status).toBe(204);
    expect(Object.keys(await report('contracts-up-for-renewal'))).toEqual(['2027-03']);
  });
});
