import { TENANT_A, create, createTestApp, testStores, type TestApp } from './test-app';

// Orders (issue 21, part 2): a quote the customer accepts becomes an order, once, whatever the replays; its lines and
// totals are the accepted quote's and never change; its status moves along confirmed → in progress → shipped (with
// carrier and tracking) → delivered, or is cancelled with a reason before it ships; the company's purchases list it.
describe.each(testStores)('orders on %s', (store) => {
  let t: TestApp;
  let clock: Date;
  let admin: string;
  let ana: string;
  let ben: string;

  beforeEach(async () => {
    clock = new Date('2026-11-16T10:00:00Z');
    t = await createTestApp({ store, now: () => clock });
    admin = await t.token(TENANT_A, 'admin-1', ['admin'], 'Ada Admin');
    ana = await t.token(TENANT_A, 'rep-ana', ['rep'], 'Ana Souza');
    ben = await t.token(TENANT_A, 'rep-ben', ['rep'], 'Ben Okafor');
    for (const token of [admin, ana, ben]) expect((await t.call('get-me', { token })).status).toBe(200);
    const settings = await t.call('get-settings', { token: admin });
    const quotes = { taxRates: [{ name: 'IVA 21%', percent: 21 }], defaultTaxPercent: 21, validityDays: 30, language: 'en' };
    expect((await t.call('update-settings', { token: admin, body: { quotes }, headers: { 'if-match': `"${settings.body.version}"` } })).status).toBe(200);
  });
  afterEach(() => t.close());

  /** A quote of Ana's, sent to Lucía at Łódź Logística: 2 seats at 1,000 less 10 % and an onboarding at 500, EUR, 21 % tax. */
  let made = 0;
  async function sentQuote() {
    made++;
    const company = await create(t, 'company', { name: 'Łódź Logística', address: { country: 'ES' } }, ana);
    const contact = await create(t, 'contact', { firstName: 'Lucía', lastName: 'Gómez', emails: [`lucia-${made}@lodz.example`], companyId: company.id }, ana);
    const seats = await create(t, 'product', { name: `Seat licence ${made}`, unitPrice: 1000, currency: 'EUR' }, admin);
    const setup = await create(t, 'product', { name: `Onboarding ${made}`, unitPrice: 500, currency: 'EUR' }, admin);
    const deal = await create(
      t,
      'deal',
      { name: 'Seats for Łódź', stage: 'proposal', currency: 'EUR', companyId: company.id, contactIds: [contact.id], lineItems: [{ productId: seats.id, quantity: 2, discountPercent: 10 }, { productId: setup.id, quantity: 1 }] },
      ana,
    );
    const draft = await t.call('create-quote', { token: ana, body: { dealId: deal.id } });
    const sent = await t.call('send-quote', { token: ana, params: { id: draft.body.id }, body: {} });
    expect(sent.status).toBe(200);
    return { company, contact, deal, quote: sent.body };
  }
  const accept = (key: string, name = 'Lucía Gómez') => t.call('accept-quote', { token: null, params: { key }, body: { name, acceptTerms: true } });
  const ordersOf = async (filter: Record<string, string>, token = ana) => (await t.call('list-orders', { token, query: filter })).body.items;
  const change = (order: { id: string; version: number }, body: object, token = ana) => t.call('update-order', { token, params: { id: order.id }, body, headers: { 'if-match': `"${order.version}"` } });

  it("makes an order of the accepted quote with the quote's lines and totals, listed by its deal, company, contact and quote", async () => {
    const { company, contact, deal, quote } = await sentQuote();
    clock = new Date('2026-11-18T09:30:00Z');
    expect((await accept(quote.publicKey)).status).toBe(200);
    const accepted = (await t.call('get-quote', { token: ana, params: { id: quote.id } })).body;
    const [order, ...others] = await ordersOf({ dealId: deal.id });
    expect(others).toEqual([]);
    expect(order).toMatchObject({
      number: 1,
      quoteId: quote.id,
      quoteReference: 'Q-1',
      dealId: deal.id,
      companyId: company.id,
      contactId: contact.id,
      currency: 'EUR',
      status: 'confirmed',
      orderedAt: '2026-11-18T09:30:00.000Z',
      ownerId: 'rep-ana',
      createdBy: 'rep-ana',
      version: 1,
    });
    expect(order.lines).toEqual(accepted.lines);
    // 2,300 net, 483 tax, 2,783 in all: the quote's figures, in cents.
    expect(order.totals).toEqual(accepted.totals);
    expect(order.totals).toMatchObject({ net: 230_000, tax: 48_300, total: 278_300 });
    for (const filter of [{ companyId: company.id }, { contactId: contact.id }] as Record<string, string>[]) expect((await ordersOf(filter)).map((listed: any) => listed.id)).toEqual([order.id]);
    // Audited like any record: made by the quote's rep.
    const history = (await t.call('order-history', { token: ana, params: { id: order.id } })).body.items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ by: 'rep-ana', version: 1 });
  });

  it('makes one order when the acceptance is replayed, or when two acceptances race', async () => {
    const { deal, quote } = await sentQuote();
    expect((await accept(quote.publicKey)).status).toBe(200);
    expect((await accept(quote.publicKey)).status).toBe(200);
    expect(await ordersOf({ dealId: deal.id })).toHaveLength(1);

    const other = await sentQuote();
    const answers = await Promise.all([accept(other.quote.publicKey), accept(other.quote.publicKey), accept(other.quote.publicKey)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const orders = await ordersOf({ dealId: other.deal.id });
    expect(orders).toHaveLength(1);
    expect(orders[0].number).toBe(2);
  });

  it('makes the order of a quote whose contact was deleted since it was sent, naming only the company that still exists', async () => {
    const { company, contact, deal, quote } = await sentQuote();
    const current = (await t.call('get-contact', { token: ana, params: { id: contact.id } })).body;
    expect((await t.call('delete-contact', { token: ana, params: { id: contact.id }, headers: { 'if-match': `"${current.version}"` } })).status).toBe(204);
    expect((await accept(quote.publicKey)).status).toBe(200);
    const [order, ...others] = await ordersOf({ dealId: deal.id });
    expect(others).toEqual([]);
    expect(order).toMatchObject({ quoteId: quote.id, companyId: company.id, status: 'confirmed' });
    expect(order.contactId).toBeUndefined();
  });

  it('moves an order along its flow: shipped needs a carrier and tracking number and records when, delivered records when', async () => {
    const { deal, quote } = await sentQuote();
    await accept(quote.publicKey);
    let [order] = await ordersOf({ dealId: deal.id });

    const skipping = await change(order, { status: 'shipped', carrier: 'DHL', trackingNumber: 'JD0146' });
    expect(skipping.status).toBe(409);
    expect(skipping.body.error).toMatchObject({ code: 'ORDER.STATUS_FLOW', details: { from: 'confirmed', to: 'shipped', allowed: ['in-progress', 'cancelled'] } });

    order = (await change(order, { status: 'in-progress' })).body;
    expect(order.status).toBe('in-progress');
    const untracked = await change(order, { status: 'shipped', carrier: 'DHL' });
    expect(untracked.status).toBe(400);
    expect(untracked.body.error.code).toBe('ORDER.SHIPPING_DETAILS_REQUIRED');
    expect(untracked.body.error.details.fields).toEqual([expect.objectContaining({ path: 'trackingNumber', code: 'ORDER.SHIPPING_DETAILS_REQUIRED' })]);
    // Someone else's order is its owner's (or a manager's) to move.
    expect((await change(order, { status: 'shipped', carrier: 'DHL', trackingNumber: 'JD0146' }, ben)).status).toBe(403);

    clock = new Date('2026-11-20T15:00:00Z');
    order = (await change(order, { status: 'shipped', carrier: 'DHL', trackingNumber: 'JD0146' })).body;
    expect(order).toMatchObject({ status: 'shipped', carrier: 'DHL', trackingNumber: 'JD0146', shippedAt: '2026-11-20T15:00:00.000Z' });
    const lateCancel = await change(order, { status: 'cancelled', cancelReason: 'Changed their mind' });
    expect(lateCancel.status).toBe(409);
    expect(lateCancel.body.error.code).toBe('ORDER.STATUS_FLOW');
    // A shipped order keeps how it travels; a typo in the number can be put right.
    expect((await change(order, { trackingNumber: null })).body.error.code).toBe('ORDER.SHIPPING_DETAILS_REQUIRED');
    order = (await change(order, { trackingNumber: 'JD01460' })).body;

    clock = new Date('2026-11-22T08:00:00Z');
    order = (await change(order, { status: 'delivered' })).body;
    expect(order).toMatchObject({ status: 'delivered', trackingNumber: 'JD01460', shippedAt: '2026-11-20T15:00:00.000Z', deliveredAt: '2026-11-22T08:00:00.000Z' });
    expect((await change(order, { status: 'in-progress' })).status).toBe(409);
  });

  it('cancels an order that has not shipped only with a reason, and records when', async () => {
    const { deal, quote } = await sentQuote();
    await accept(quote.publicKey);
    let [order] = await ordersOf({ dealId: deal.id });
    const unexplained = await change(order, { status: 'cancelled' });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.error.code).toBe('ORDER.CANCEL_REASON_REQUIRED');
    order = (await change(order, { status: 'cancelled', cancelReason: 'The customer ordered twice' })).body;
    expect(order).toMatchObject({ status: 'cancelled', cancelReason: 'The customer ordered twice', cancelledAt: clock.toISOString() });
    expect((await change(order, { status: 'confirmed' })).body.error.code).toBe('ORDER.STATUS_FLOW');
  });

  it("never lets a user change what the customer accepted: the lines, totals, quote or deal are not an order's to change", async () => {
    const { deal, quote } = await sentQuote();
    await accept(quote.publicKey);
    const [order] = await ordersOf({ dealId: deal.id });
    for (const body of [{ lines: [] }, { totals: { ...order.totals, total: 1 } }, { currency: 'USD' }, { dealId: 'another-deal' }, { quoteId: 'another' }, { number: 99 }]) {
      const refused = await change(order, body);
      expect({ body, status: refused.status, code: refused.body.error.code }).toEqual({ body, status: 400, code: 'REQUEST.VALIDATION_FAILED' });
    }
    // Nor when it is made: an order's content is its quote's.
    const made = await t.call('create-order', { token: ana, body: { quoteId: quote.id, lines: [{ name: 'Free', quantity: 1, unitPrice: 0 }] } });
    expect(made.status).toBe(400);
    const unchanged = (await t.call('get-order', { token: ana, params: { id: order.id } })).body;
    expect(unchanged).toEqual(order);
    // Notes are free; the audit names only what changed.
    const noted = await change(order, { notes: 'Deliver to gate 3' });
    expect(noted.body).toMatchObject({ notes: 'Deliver to gate 3', lines: order.lines, totals: order.totals, version: 2 });
    const history = (await t.call('order-history', { token: ana, params: { id: order.id } })).body.items;
    expect(history[0].changes.map((entry: { field: string }) => entry.field)).toEqual(['notes']);
  });

  it('makes an order by hand from a sent quote accepted another way, once, for its rep; never from a draft', async () => {
    const { deal, quote } = await sentQuote();
    const draft = (await t.call('create-quote', { token: ana, body: { dealId: deal.id } })).body;
    const fromDraft = await t.call('create-order', { token: ana, body: { quoteId: draft.id } });
    expect(fromDraft.status).toBe(409);
    expect(fromDraft.body.error.code).toBe('ORDER.QUOTE_NOT_ORDERABLE');
    const unknown = await t.call('create-order', { token: ana, body: { quoteId: 'no-such-quote' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('RECORD.REFERENCE_NOT_FOUND');

    // Ben takes the signed copy in: the order is Ana's, as her quote and deal are.
    const made = await t.call('create-order', { token: ben, body: { quoteId: quote.id, notes: 'Signed copy received by post' } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ quoteId: quote.id, status: 'confirmed', ownerId: 'rep-ana', createdBy: 'rep-ben', notes: 'Signed copy received by post' });
    const again = await t.call('create-order', { token: ana, body: { quoteId: quote.id } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('RECORD.ALREADY_EXISTS');
    // The customer then accepts on the page too: still the one order.
    expect((await accept(quote.publicKey)).status).toBe(200);
    expect((await ordersOf({ dealId: deal.id })).map((order: any) => order.id)).toEqual([made.body.id]);
  });

  it('keeps a deleted order deleted when the acceptance is replayed, and restores it with its content', async () => {
    const { deal, quote } = await sentQuote();
    await accept(quote.publicKey);
    const [order] = await ordersOf({ dealId: deal.id });
    expect((await t.call('delete-order', { token: ana, params: { id: order.id }, headers: { 'if-match': `"${order.version}"` } })).status).toBe(204);
    expect((await accept(quote.publicKey)).status).toBe(200);
    expect(await ordersOf({ dealId: deal.id })).toEqual([]);
    const restored = await t.call('restore-order', { token: ana, params: { id: order.id }, headers: { 'if-match': `"${order.version + 1}"` } });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ lines: order.lines, totals: order.totals, status: 'confirmed', version: order.version + 2 });
  });

  it("lists the company's orders in its purchases, newest first, with their status and tracking", async () => {
    const first = await sentQuote();
    await accept(first.quote.publicKey);
    const [older] = await ordersOf({ dealId: first.deal.id });
    const moved = (await change(older, { status: 'in-progress' })).body;
    await change(moved, { status: 'shipped', carrier: 'SEUR', trackingNumber: 'ES-778812' });
    // A second quote for the same company, accepted two days later.
    const deal = await create(t, 'deal', { name: 'More seats', stage: 'proposal', currency: 'EUR', companyId: first.company.id, contactIds: [first.contact.id] }, ana);
    const draft = (await t.call('create-quote', { token: ana, body: { dealId: deal.id, lines: [{ name: 'Seat licence', quantity: 5, unitPrice: 1000, taxPercent: 21 }] } })).body;
    const sent = (await t.call('send-quote', { token: ana, params: { id: draft.id }, body: {} })).body;
    clock = new Date('2026-11-18T10:00:00Z');
    await accept(sent.publicKey);

    const purchases = await t.call('company-purchases', { token: ben, params: { id: first.company.id } });
    expect(purchases.status).toBe(200);
    expect(purchases.body.orders.map((order: any) => ({ number: order.number, status: order.status, carrier: order.carrier, trackingNumber: order.trackingNumber, total: order.totals.total }))).toEqual([
      { number: 2, status: 'confirmed', carrier: undefined, trackingNumber: undefined, total: 605_000 },
      { number: 1, status: 'shipped', carrier: 'SEUR', trackingNumber: 'ES-778812', total: 278_300 },
    ]);
    // The won deals are there too (a client shows each once, by its order), and who owns the orders.
    expect(purchases.body.deals.map((won: any) => won.id).sort()).toEqual([deal.id, first.deal.id].sort());
    expect(purchases.body.owners['rep-ana']).toEqual({ displayName: 'Ana Souza' });
  });
});
