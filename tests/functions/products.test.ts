import { createTestApp, create, TENANT_A, type TestApp, testStores } from './test-app';
import { storeAsPreviousRelease } from './previous-release';

describe.each(testStores)('the product catalog and priced deals on %s', (store) => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp({ store });
    admin = await t.token(TENANT_A, 'the-admin', ['admin']);
  });
  afterEach(async () => {
    await t.close();
  });

  it('lets an admin keep the catalog, which every member reads', async () => {
    const product = await create(t, 'product', { name: 'GTX Pro', series: 'GTX', unitPrice: 4821 }, admin);
    expect(product).toMatchObject({ name: 'GTX Pro', unitPrice: 4821, currency: 'USD', active: true, version: 1 });
    const refused = await t.call('create-product', { body: { name: 'Cheap', unitPrice: 1 } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'AUTH.ROLE_REQUIRED', message: 'Only an admin can change the product catalog.' });
    expect((await t.call('list-products')).body.items.map((item: { name: string }) => item.name)).toEqual(['GTX Pro']);
    const repriced = await t.call('update-product', { token: admin, params: { id: product.id }, body: { unitPrice: 4900 }, headers: { 'if-match': '"1"' } });
    expect(repriced.body).toMatchObject({ unitPrice: 4900, version: 2 });
  });

  it('prices a deal from its line items: catalog prices unless overridden, with quantities and discounts, to the cent', async () => {
    const gtx = await create(t, 'product', { name: 'GTX Pro', unitPrice: 4821 }, admin);
    const mg = await create(t, 'product', { name: 'MG Special', unitPrice: 55 }, admin);
    const deal = await create(t, 'deal', {
      name: 'Hardware refresh',
      stage: 'proposal',
      lineItems: [
        { productId: gtx.id, quantity: 3, discountPercent: 10 },
        { productId: mg.id, quantity: 7, unitPrice: 49.99 },
      ],
    });
    expect(deal.lineItems).toEqual([
      { productId: gtx.id, quantity: 3, unitPrice: 4821, discountPercent: 10 },
      { productId: mg.id, quantity: 7, unitPrice: 49.99, discountPercent: 0 },
    ]);
    // 3 × 4,821 × 0.9 = 13,016.70; 7 × 49.99 = 349.93.
    expect(deal.amount).toBe(13366.63);

    // A later price change in the catalog leaves the deal's prices as agreed.
    await t.call('update-product', { token: admin, params: { id: gtx.id }, body: { unitPrice: 5000 }, headers: { 'if-match': '"1"' } });
    const won = await t.call('update-deal', { params: { id: deal.id }, body: { stage: 'won', closeReason: 'Best price and delivery' }, headers: { 'if-match': '"1"' } });
    expect(won.body).toMatchObject({ status: 'won', probability: 100, amount: 13366.63, closeReason: 'Best price and delivery' });
    expect(won.body.lineItems[0].unitPrice).toBe(4821);
    expect(won.body.closedAt).toBeDefined();

    // An amount set by hand wins over the lines.
    const byHand = await create(t, 'deal', { name: 'Negotiated', stage: 'proposal', amount: 10000, lineItems: [{ productId: gtx.id, quantity: 3 }] });
    expect(byHand.amount).toBe(10000);
  });

  it('never replaces an amount typed by hand when lines are added, unless the request says to use their total', async () => {
    const seats = await create(t, 'product', { name: 'Seats', unitPrice: 1334, currency: 'EUR' }, admin);
    const typed = await create(t, 'deal', { name: 'Typed', stage: 'proposal', amount: 18500, currency: 'EUR' });
    expect(typed).toMatchObject({ amount: 18500, amountSetByHand: true });
    const patch = (id: string, body: object, version: number) => t.call('update-deal', { params: { id }, body, headers: { 'if-match': `"${version}"` } });

    const firstLine = await patch(typed.id, { lineItems: [{ productId: seats.id, quantity: 1 }] }, 1);
    expect(firstLine.body).toMatchObject({ amount: 18500, amountSetByHand: true, lineItems: [{ unitPrice: 1334 }] });
    const useLines = await patch(typed.id, { amountSetByHand: false }, 2);
    expect(useLines.body).toMatchObject({ amount: 1334, amountSetByHand: false });
    // From then on it follows the lines, until an amount is typed again.
    const twoSeats = await patch(typed.id, { lineItems: [{ productId: seats.id, quantity: 2, unitPrice: 1334 }] }, 3);
    expect(twoSeats.body.amount).toBe(2668);
    const retyped = await patch(typed.id, { amount: 2500 }, 4);
    expect(retyped.body).toMatchObject({ amount: 2500, amountSetByHand: true });
    const both = await patch(typed.id, { amount: 1, amountSetByHand: false }, 5);
    expect(both.status).toBe(400);
    expect(both.body.error.code).toBe('DEAL.AMOUNT_OR_LINES');

    // A deal priced by its lines from the start follows them; without lines it has no amount.
    const fromLines = await create(t, 'deal', { name: 'From lines', stage: 'proposal', currency: 'EUR', lineItems: [{ productId: seats.id, quantity: 3 }] });
    expect(fromLines).toMatchObject({ amount: 4002, amountSetByHand: false });
    const emptied = await patch(fromLines.id, { lineItems: [] }, 1);
    expect(emptied.body.amountSetByHand).toBe(false);
    expect(emptied.body.amount).toBeUndefined();
  });

  it('reads deals written before deals knew a hand-set amount as the upgrade rule says', async () => {
    const seats = await create(t, 'product', { name: 'Seats', unitPrice: 100 }, admin);
    const at = '2026-01-01T00:00:00.000Z';
    const old = (id: string, amount: number | undefined, lineItems: { productId: string; quantity: number; unitPrice: number; discountPercent: number }[]) => ({
      tenantId: TENANT_A, id, createdAt: at, createdBy: 'user-a', updatedAt: at, updatedBy: 'user-a', ownerId: 'user-a', version: 1,
      name: id, contactIds: [], currency: 'USD', stage: 'proposal', probability: 50, status: 'open' as const, lineItems,
      ...(amount === undefined ? {} : { amount }),
    });
    const line = { productId: seats.id, quantity: 2, unitPrice: 100, discountPercent: 0 };
    // The previous release's shape: no amountSetByHand.
    await storeAsPreviousRelease(t, 'deal', [
      old('typed-no-lines', 18500, []),
      old('equal-to-lines', 200, [line]),
      old('differs-from-lines', 150, [line]),
      old('no-amount', undefined, []),
    ]);
    const read = async (id: string) => (await t.call('get-deal', { params: { id } })).body;
    expect((await read('typed-no-lines')).amountSetByHand).toBe(true);
    expect((await read('equal-to-lines')).amountSetByHand).toBe(false);
    expect((await read('differs-from-lines')).amountSetByHand).toBe(true);
    expect((await read('no-amount')).amountSetByHand).toBe(false);
    // The €18,500 case of the issue: adding the first line keeps the typed amount, and the upgrade is saved with it.
    const added = await t.call('update-deal', { params: { id: 'typed-no-lines' }, body: { lineItems: [{ productId: seats.id, quantity: 1 }] }, headers: { 'if-match': '"1"' } });
    expect(added.body).toMatchObject({ amount: 18500, amountSetByHand: true, version: 2 });
    expect((await t.app.store.get('deal', TENANT_A, 'typed-no-lines'))?.amountSetByHand).toBe(true);
    // Reading again changes nothing (idempotent).
    expect((await read('typed-no-lines')).version).toBe(2);
  });

  it('upgrades old deals on every read path: lists, lists by company, and the recycle bin', async () => {
    const company = await create(t, 'company', { name: 'Old Co' });
    const at = '2026-01-01T00:00:00.000Z';
    const old = {
      tenantId: TENANT_A, id: 'old-deal', createdAt: at, createdBy: 'user-a', updatedAt: at, updatedBy: 'user-a', ownerId: 'user-a', version: 1,
      name: 'Old', contactIds: [], currency: 'EUR', stage: 'proposal', probability: 50, status: 'open' as const, lineItems: [], amount: 18500, companyId: company.id,
    };
    await storeAsPreviousRelease(t, 'deal', [old]);
    const listed = (await t.call('list-deals', { query: { limit: '10' } })).body.items;
    expect(listed.find((deal: { id: string }) => deal.id === 'old-deal')).toMatchObject({ amountSetByHand: true });
    const byCompany = (await t.call('list-deals', { query: { companyId: company.id, limit: '10' } })).body.items;
    expect(byCompany).toMatchObject([{ id: 'old-deal', amountSetByHand: true }]);
    expect((await t.call('delete-deal', { params: { id: 'old-deal' }, headers: { 'if-match': '"1"' } })).status).toBe(204);
    const bin = (await t.call('list-deleted', { query: { limit: '10' } })).body.items;
    expect(bin.find((entry: { record: { id: string } }) => entry.record.id === 'old-deal').record).toMatchObject({ amountSetByHand: true });
  });

  it("keeps amounts to their currency's minor unit: no half yen, whole yen from the lines", async () => {
    const yen = await create(t, 'product', { name: 'Seat (JPY)', unitPrice: 1001, currency: 'JPY' }, admin);
    const half = await t.call('create-deal', { body: { name: 'Half yen', stage: 'proposal', currency: 'JPY', amount: 1000.5 } });
    expect(half.status).toBe(400);
    expect(half.body.error.code).toBe('DEAL.AMOUNT_PRECISION');
    const fromLines = await create(t, 'deal', { name: 'Yen lines', stage: 'proposal', currency: 'JPY', lineItems: [{ productId: yen.id, quantity: 3, discountPercent: 10 }] });
    // 3 × 1,001 × 0.9 = 2,702.7 → 2,703 yen.
    expect(fromLines.amount).toBe(2703);
    expect((await create(t, 'deal', { name: 'Fils', stage: 'proposal', currency: 'KWD', amount: 1.234 })).amount).toBe(1.234);
    // Moving a deal of €10.50 to yen would leave half a yen: refused, and so is a catalog price of half a yen.
    const euros = await create(t, 'deal', { name: 'Euros', stage: 'proposal', currency: 'EUR', amount: 10.5 });
    const toYen = await t.call('update-deal', { params: { id: euros.id }, body: { currency: 'JPY' }, headers: { 'if-match': '"1"' } });
    expect(toYen.status).toBe(400);
    expect(toYen.body.error.code).toBe('DEAL.AMOUNT_PRECISION');
    const halfYen = await t.call('create-product', { token: admin, body: { name: 'Half', unitPrice: 0.5, currency: 'JPY' } });
    expect(halfYen.body.error.code).toBe('PRODUCT.PRICE_PRECISION');
  });

  it('prices a deal by its lines when it says "set by hand" without an amount', async () => {
    const seats = await create(t, 'product', { name: 'Seats', unitPrice: 100 }, admin);
    const deal = await create(t, 'deal', { name: 'No amount', stage: 'proposal', amountSetByHand: true, lineItems: [{ productId: seats.id, quantity: 3 }] });
    expect(deal).toMatchObject({ amount: 300, amountSetByHand: false });
  });

  it("shows a company's purchase history: won deals with products, dates, prices and reps, latest first", async () => {
    const gtx = await create(t, 'product', { name: 'GTX Pro', unitPrice: 4821 }, admin);
    const mg = await create(t, 'product', { name: 'MG Special', unitPrice: 55 }, admin);
    const company = await create(t, 'company', { name: 'Hanson Brothers' });
    const other = await create(t, 'company', { name: 'Elsewhere' });
    // The rep signed in (and so became a member) with the calls above; give them a name.
    const rep = await t.app.store.get('member', TENANT_A, 'user-a');
    if (!rep) throw new Error('user-a is a member once signed in');
    await t.app.store.replace('member', { ...rep, displayName: 'Avery Quinn', version: rep.version + 1 }, rep.version);
    const close = async (body: object) => {
      const deal = await create(t, 'deal', body);
      return (await t.call('update-deal', { params: { id: deal.id }, body: { stage: 'won' }, headers: { 'if-match': '"1"' } })).body;
    };
    const first = await close({ name: 'First order', stage: 'proposal', companyId: company.id, lineItems: [{ productId: mg.id, quantity: 10 }] });
    const second = await close({ name: 'Second order', stage: 'proposal', companyId: company.id, lineItems: [{ productId: gtx.id, quantity: 2 }, { productId: mg.id, quantity: 1 }] });
    await create(t, 'deal', { name: 'Still open', stage: 'proposal', companyId: company.id });
    await close({ name: 'Not theirs', stage: 'proposal', companyId: other.id, lineItems: [{ productId: gtx.id, quantity: 1 }] });

    const history = await t.call('company-purchases', { params: { id: company.id } });
    expect(history.status).toBe(200);
    expect(history.body.deals.map((deal: { name: string; amount: number }) => [deal.name, deal.amount])).toEqual([
      [second.name, 9697],
      [first.name, 550],
    ]);
    expect(history.body.products).toEqual({ [gtx.id]: { name: 'GTX Pro' }, [mg.id]: { name: 'MG Special' } });
    expect(history.body.owners).toEqual({ 'user-a': { displayName: 'Avery Quinn' } });
    expect(history.body.capped).toBe(false);
    expect((await t.call('company-purchases', { params: { id: 'no-such-company' } })).status).toBe(404);
  });

  it("refuses a catalog price in another currency than the deal's, and takes the line with a price of its own", async () => {
    const seat = await create(t, 'product', { name: 'Sales seat', unitPrice: 588, currency: 'USD' }, admin);
    const refused = await t.call('create-deal', { body: { name: 'Lisbon office', stage: 'proposal', currency: 'EUR', lineItems: [{ productId: seat.id, quantity: 2 }] } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'DEAL.CURRENCY_MISMATCH',
      message: '"Sales seat" is priced in USD and this deal is in EUR: give the line a price in EUR, or choose the product\'s EUR version.',
    });
    const priced = await create(t, 'deal', { name: 'Lisbon office', stage: 'proposal', currency: 'EUR', lineItems: [{ productId: seat.id, quantity: 2, unitPrice: 541 }] });
    expect(priced).toMatchObject({ amount: 1082, currency: 'EUR' });
  });

  it('refuses a line item whose product is not in the catalog', async () => {
    const response = await t.call('create-deal', { body: { name: 'Ghost', stage: 'proposal', lineItems: [{ productId: 'no-such-product', quantity: 1 }] } });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'RECORD.REFERENCE_NOT_FOUND', details: { kind: 'deal', field: 'lineItems', refersTo: 'product', id: 'no-such-product' } });
  });
});
