import { TENANT_A, create, createTestApp, testStores, type TestApp } from './test-app';

// Quotes (issue 21, part 1): a rep makes a quote from a deal, sends it (a personal link that expires with it), and the
// customer accepts or declines it on its page without a token. Totals are the server's; a sent quote changes only by
// a new version; an answered one never. Acceptance moves the deal and tells the rep.
describe.each(testStores)('quotes on %s', (store) => {
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
    const quotes = { sellerName: 'Rapport Demo Ltd', sellerAddress: 'Calle Mayor 1\n28013 Madrid', taxRates: [{ name: 'IVA 21%', percent: 21 }, { name: 'IVA 10%', percent: 10 }], defaultTaxPercent: 21, validityDays: 30, paymentTerms: '30 days net', language: 'en' };
    const saved = await t.call('update-settings', { token: admin, body: { quotes }, headers: { 'if-match': `"${settings.body.version}"` } });
    expect(saved.status).toBe(200);
  });
  afterEach(() => t.close());

  /** A deal of Ana's for a Spanish company: two catalog lines, 1,000 × 2 at 10 % off and 500 × 1. */
  async function dealWithLines() {
    const company = await create(t, 'company', { name: 'Łódź Logística', address: { country: 'ES' } }, ana);
    const contact = await create(t, 'contact', { firstName: 'Lucía', lastName: 'Gómez', emails: ['lucia@lodz.example'], companyId: company.id }, ana);
    const seats = await create(t, 'product', { name: 'Seat licence', unitPrice: 1000, currency: 'EUR' }, admin);
    const setup = await create(t, 'product', { name: 'Onboarding', unitPrice: 500, currency: 'EUR' }, admin);
    const deal = await create(
      t,
      'deal',
      { name: 'Seats for Łódź', stage: 'proposal', currency: 'EUR', companyId: company.id, contactIds: [contact.id], lineItems: [{ productId: seats.id, quantity: 2, discountPercent: 10 }, { productId: setup.id, quantity: 1 }] },
      ana,
    );
    return { company, contact, deal, seats, setup };
  }
  const newQuote = (body: object, token = ana) => t.call('create-quote', { token, body });
  const send = (id: string, token = ana) => t.call('send-quote', { token, params: { id }, body: {} });
  const accept = (key: string, name = 'Lucía Gómez') => t.call('accept-quote', { token: null, params: { key }, body: { name, acceptTerms: true } });

  it("drafts a quote from the deal: its lines named from the catalog, the default tax, the customer's language, the tenant's validity", async () => {
    const { deal, contact, company } = await dealWithLines();
    const made = await newQuote({ dealId: deal.id });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      number: 1,
      revision: 1,
      status: 'draft',
      dealId: deal.id,
      contactId: contact.id,
      companyId: company.id,
      currency: 'EUR',
      language: 'es',
      validUntil: '2026-12-16',
      paymentTerms: '30 days net',
      discountPercent: 0,
    });
    expect(made.body.lines).toEqual([
      expect.objectContaining({ name: 'Seat licence', quantity: 2, unitPrice: 1000, discountPercent: 10, taxPercent: 21 }),
      expect.objectContaining({ name: 'Onboarding', quantity: 1, unitPrice: 500, discountPercent: 0, taxPercent: 21 }),
    ]);
    // 1,800 + 500 = 2,300 net; 21 % of it = 483; 2,783 in all (in cents).
    expect(made.body.totals).toMatchObject({ subtotal: 230_000, discount: 0, net: 230_000, tax: 48_300, total: 278_300, taxes: [{ percent: 21, base: 230_000, tax: 48_300 }] });
    // The next quote of the tenant has the next number.
    expect((await newQuote({ dealId: deal.id })).body.number).toBe(2);
  });

  it('computes the totals itself: a client cannot send them, and a change of the lines recomputes them', async () => {
    const { deal } = await dealWithLines();
    const refused = await newQuote({ dealId: deal.id, totals: { total: 1 } });
    expect(refused.status).toBe(400);
    const draft = (await newQuote({ dealId: deal.id })).body;
    const changed = await t.call('update-quote', {
      token: ana,
      params: { id: draft.id },
      body: { discountPercent: 5, lines: [{ name: 'Consulting day', quantity: 3, unitPrice: 999.99, taxPercent: 10 }, { name: 'Travel', quantity: 1, unitPrice: 80.05, taxPercent: 21 }] },
      headers: { 'if-match': `"${draft.version}"` },
    });
    expect(changed.status).toBe(200);
    // 2,999.97 less 5 % (150.00 rounded from 149.9985) = 2,849.97, tax 10 % = 285.00 (284.997); 80.05 less 4.00 = 76.05, tax 15.97.
    expect(changed.body.totals).toMatchObject({ subtotal: 308_002, discount: 15_400, net: 292_602, tax: 30_097, total: 322_699 });
    expect(changed.body.totals.taxes).toEqual([{ percent: 21, base: 7_605, tax: 1_597 }, { percent: 10, base: 284_997, tax: 28_500 }]);
    // A new currency comes with its prices: alone it is refused; with prices finer than a yen, too.
    const yen = await t.call('update-quote', { token: ana, params: { id: draft.id }, body: { currency: 'JPY' }, headers: { 'if-match': `"${changed.body.version}"` } });
    expect(yen.status).toBe(400);
    expect(yen.body.error.code).toBe('QUOTE.CURRENCY_MISMATCH');
    const fine = await t.call('update-quote', { token: ana, params: { id: draft.id }, body: { currency: 'JPY', lines: [{ name: 'Day', quantity: 1, unitPrice: 999.99 }] }, headers: { 'if-match': `"${changed.body.version}"` } });
    expect(fine.body.error.code).toBe('QUOTE.AMOUNT_PRECISION');
    expect((await newQuote({ dealId: draft.dealId, currency: 'JPY' })).body.error.code).toBe('QUOTE.CURRENCY_MISMATCH');
    // Beyond what an amount holds: refused at the lines, not a failure.
    const huge = await newQuote({ dealId: draft.dealId, lines: [{ name: 'Everything', quantity: 1_000, unitPrice: 90_000_000_000, taxPercent: 21 }] });
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe('QUOTE.TOO_LARGE');
  });

  it('sends a draft once: a personal key, the same on a retry; a sent quote changes only by a new version', async () => {
    const { deal } = await dealWithLines();
    const draft = (await newQuote({ dealId: deal.id })).body;
    expect((await send(draft.id, ben)).status).toBe(403);
    const sent = await send(draft.id);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent', sentAt: clock.toISOString() });
    expect(sent.body.publicKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await send(draft.id)).body.publicKey).toBe(sent.body.publicKey);
    const edit = await t.call('update-quote', { token: ana, params: { id: draft.id }, body: { notes: 'Changed' }, headers: { 'if-match': `"${sent.body.version}"` } });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('QUOTE.NOT_DRAFT');
    const empty = (await newQuote({ dealId: deal.id, lines: [] })).body;
    const refused = await send(empty.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('QUOTE.NO_LINES');
  });

  it('makes a new version of a sent quote with its number; sending it replaces the old one, whose link then says so', async () => {
    const { deal } = await dealWithLines();
    const first = (await newQuote({ dealId: deal.id })).body;
    const sent = (await send(first.id)).body;
    expect((await newQuote({ dealId: deal.id, revisionOf: first.id, notes: 'Now with a second year' })).status).toBe(201);
    const versions = (await t.call('list-quotes', { token: ana, query: { dealId: deal.id } })).body.items;
    const second = versions.find((quote: any) => quote.revision === 2);
    expect(second).toMatchObject({ number: first.number, revision: 2, revisionOf: first.id, status: 'draft', notes: 'Now with a second year', lines: first.lines });
    // Until the new version is sent, the old one can still be accepted; after, it cannot.
    expect((await send(second.id)).status).toBe(200);
    expect((await t.call('get-quote', { token: ana, params: { id: first.id } })).body).toMatchObject({ status: 'superseded', supersededBy: second.id });
    const late = await accept(sent.publicKey);
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('QUOTE.SUPERSEDED');
    const again = await newQuote({ dealId: deal.id, revisionOf: first.id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('QUOTE.NOT_REVISABLE');
    // A sent version stays on record: it cannot be deleted (and so never comes back from the bin to be answered).
    const current = (await t.call('get-quote', { token: ana, params: { id: second.id } })).body;
    const removed = await t.call('delete-quote', { token: ana, params: { id: second.id }, headers: { 'if-match': `"${current.version}"` } });
    expect(removed.status).toBe(409);
    expect(removed.body.error.code).toBe('QUOTE.NOT_DRAFT');
  });

  it('keeps one version of a quote open: of two new versions only the first sent replaces it, and none replaces an accepted one', async () => {
    const { deal } = await dealWithLines();
    const first = (await send((await newQuote({ dealId: deal.id })).body.id)).body;
    const a = (await newQuote({ dealId: deal.id, revisionOf: first.id })).body;
    const b = (await newQuote({ dealId: deal.id, revisionOf: first.id })).body;
    expect((await send(a.id)).status).toBe(200);
    const second = await send(b.id);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('QUOTE.NOT_REVISABLE');
    expect((await t.call('get-quote', { token: ana, params: { id: b.id } })).body.status).toBe('draft');
    // The customer accepts the version they have while the rep drafts another: the draft is never sent.
    const other = (await send((await newQuote({ dealId: deal.id })).body.id)).body;
    const draft = (await newQuote({ dealId: deal.id, revisionOf: other.id })).body;
    expect((await accept(other.publicKey)).status).toBe(200);
    const late = await send(draft.id);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('QUOTE.NOT_REVISABLE');
    expect((await t.call('get-quote', { token: ana, params: { id: other.id } })).body.status).toBe('accepted');
  });

  it('takes no answer once the deal is gone, and answers without the contact who was deleted', async () => {
    const { deal, contact } = await dealWithLines();
    const sent = (await send((await newQuote({ dealId: deal.id })).body.id)).body;
    const current = (await t.call('get-contact', { token: ana, params: { id: contact.id } })).body;
    expect((await t.call('delete-contact', { token: ana, params: { id: contact.id }, headers: { 'if-match': `"${current.version}"` } })).status).toBe(204);
    expect((await accept(sent.publicKey)).status).toBe(200);
    expect((await t.call('get-deal', { token: ana, params: { id: deal.id } })).body.status).toBe('won');
    const other = await dealWithLines();
    const orphan = (await send((await newQuote({ dealId: other.deal.id })).body.id)).body;
    const dealNow = (await t.call('get-deal', { token: ana, params: { id: other.deal.id } })).body;
    expect((await t.call('delete-deal', { token: ana, params: { id: other.deal.id }, headers: { 'if-match': `"${dealNow.version}"` } })).status).toBe(204);
    const refused = await accept(orphan.publicKey);
    expect(refused.status).toBe(410);
    expect(refused.body.error.code).toBe('QUOTE.WITHDRAWN');
  });

  it('never moves the deal again on a replayed acceptance (the rep may have moved it since)', async () => {
    const { deal } = await dealWithLines();
    const sent = (await send((await newQuote({ dealId: deal.id })).body.id)).body;
    expect((await accept(sent.publicKey)).status).toBe(200);
    const won = (await t.call('get-deal', { token: ana, params: { id: deal.id } })).body;
    const reopened = await t.call('update-deal', { token: ana, params: { id: deal.id }, body: { stage: 'negotiation', amount: 1500 }, headers: { 'if-match': `"${won.version}"` } });
    expect(reopened.status).toBe(200);
    expect((await accept(sent.publicKey)).status).toBe(200);
    expect((await t.call('get-deal', { token: ana, params: { id: deal.id } })).body).toMatchObject({ stage: 'negotiation', amount: 1500, version: reopened.body.version });
  });

  it("records the customer's acceptance, moves the deal to won with the quote's lines and net, and tells the rep", async () => {
    const { deal } = await dealWithLines();
    const draft = (await newQuote({ dealId: deal.id, discountPercent: 10 })).body;
    const sent = (await send(draft.id)).body;
    clock = new Date('2026-11-18T09:30:00Z');
    const accepted = await accept(sent.publicKey);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ status: 'accepted' });
    const quote = (await t.call('get-quote', { token: ana, params: { id: draft.id } })).body;
    expect(quote).toMatchObject({ status: 'accepted', answer: { decision: 'accepted', name: 'Lucía Gómez', at: '2026-11-18T09:30:00.000Z', revision: 1 } });
    expect(quote.answer.contentHash).toMatch(/^sha256:v1:[0-9a-f]{64}$/);
    const won = (await t.call('get-deal', { token: ana, params: { id: deal.id } })).body;
    // 2,300 less 10 % = 2,070 before tax.
    expect(won).toMatchObject({ status: 'won', stage: 'won', amount: 2070, amountSetByHand: true, currency: 'EUR' });
    expect(won.lineItems).toHaveLength(2);
    const timeline = (await t.call('deal-timeline', { token: ana, params: { id: deal.id } })).body.items;
    expect(timeline.map((item: any) => item.subject)).toEqual(expect.arrayContaining(['Q-1 accepted', 'Confirm the order: Q-1 was accepted']));
    const day = (await t.call('my-day', { token: ana, query: { dayStart: '2026-11-18T00:00:00Z', dayEnd: '2026-11-19T00:00:00Z' } })).body;
    expect(day.dueTodayTasks.map((task: any) => task.subject)).toContain('Confirm the order: Q-1 was accepted');
    // The same acceptance again is the first one's; a decline after it is refused; the accepted quote never changes.
    expect((await accept(sent.publicKey)).status).toBe(200);
    expect((await t.call('deal-timeline', { token: ana, params: { id: deal.id } })).body.items).toHaveLength(timeline.length);
    const decline = await t.call('decline-quote', { token: null, params: { key: sent.publicKey }, body: { reason: 'Changed my mind' } });
    expect(decline.status).toBe(409);
    expect(decline.body.error.code).toBe('QUOTE.ALREADY_ANSWERED');
    const remove = await t.call('delete-quote', { token: ana, params: { id: draft.id }, headers: { 'if-match': `"${quote.version}"` } });
    expect(remove.status).toBe(409);
    expect(remove.body.error.code).toBe('QUOTE.ANSWERED');
    const edit = await t.call('update-quote', { token: ana, params: { id: draft.id }, body: { notes: 'x' }, headers: { 'if-match': `"${quote.version}"` } });
    expect(edit.body.error.code).toBe('QUOTE.ANSWERED');
  });

  it('accepts a quote once when two answers race', async () => {
    const { deal } = await dealWithLines();
    const sent = (await send((await newQuote({ dealId: deal.id })).body.id)).body;
    const answers = await Promise.all([accept(sent.publicKey, 'Lucía Gómez'), accept(sent.publicKey, 'Someone Else')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const quote = (await t.call('get-quote', { token: ana, params: { id: sent.id } })).body;
    const winner = answers.findIndex((answer) => answer.status === 200) === 0 ? 'Lucía Gómez' : 'Someone Else';
    expect(quote.answer.name).toBe(winner);
  });

  it('records a decline with its reason and asks the rep to follow up; the deal stays open', async () => {
    const { deal } = await dealWithLines();
    const sent = (await send((await newQuote({ dealId: deal.id })).body.id)).body;
    const declined = await t.call('decline-quote', { token: null, params: { key: sent.publicKey }, body: { reason: 'Too expensive this year' } });
    expect(declined.status).toBe(200);
    expect((await t.call('get-quote', { token: ana, params: { id: sent.id } })).body).toMatchObject({ status: 'declined', answer: { decision: 'declined', reason: 'Too expensive this year' } });
    expect((await t.call('get-deal', { token: ana, params: { id: deal.id } })).body.status).toBe('open');
    const timeline = (await t.call('deal-timeline', { token: ana, params: { id: deal.id } })).body.items;
    expect(timeline.map((item: any) => item.subject)).toEqual(expect.arrayContaining(['Q-1 declined', 'Follow up: Q-1 was declined']));
  });

  it('refuses an answer once the quote expired, and opens nothing for an unknown, malformed or foreign key', async () => {
    const { deal } = await dealWithLines();
    const sent = (await send((await newQuote({ dealId: deal.id, validUntil: '2026-11-20' })).body.id)).body;
    const lastDay = (await send((await newQuote({ dealId: deal.id, validUntil: '2026-11-20' })).body.id)).body;
    // Valid through the whole of its last day (UTC), and not a second after.
    clock = new Date('2026-11-20T23:59:59Z');
    expect((await accept(lastDay.publicKey)).status).toBe(200);
    clock = new Date('2026-11-21T00:00:01Z');
    const late = await accept(sent.publicKey);
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('QUOTE.EXPIRED');
    for (const key of ['AAAAAAAAAAAAAAAAAAAAAA', 'short', `${sent.publicKey}x`, `${TENANT_A}.${sent.id}`, sent.id]) {
      const answer = await accept(key);
      expect({ key, status: answer.status, code: answer.body.error.code }).toEqual({ key, status: 404, code: 'PUBLIC_LINK.NOT_FOUND' });
    }
  });

  it('counts an opening only when the page says a person sees it, not when the page is fetched or a scanner posts', async () => {
    const { deal } = await dealWithLines();
    const sent = (await send((await newQuote({ dealId: deal.id })).body.id)).body;
    const scanner = await t.call('quote-opened', { token: null, params: { key: sent.publicKey }, headers: { 'user-agent': 'Mozilla/5.0 (compatible; Proofpoint URL Defense scanner)' } });
    expect(scanner.status).toBe(204);
    expect((await t.call('get-quote', { token: ana, params: { id: sent.id } })).body.firstOpenedAt).toBeUndefined();
    const person = await t.call('quote-opened', { token: null, params: { key: sent.publicKey }, headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0 Safari/537.36' } });
    expect(person.status).toBe(204);
    const opened = (await t.call('get-quote', { token: ana, params: { id: sent.id } })).body;
    expect(opened).toMatchObject({ firstOpenedAt: clock.toISOString(), lastOpenedAt: clock.toISOString() });
    // Within the hour, nothing more is written.
    await t.call('quote-opened', { token: null, params: { key: sent.publicKey }, headers: { 'user-agent': 'Mozilla/5.0 Chrome/130.0' } });
    expect((await t.call('get-quote', { token: ana, params: { id: sent.id } })).body.version).toBe(opened.version);
  });
});
