import { TENANT_A, create, createTestApp, testStores, type TestApp } from './test-app';

// Service contracts (issue 21, part 2): a company's contract in force shows on its contacts' cards and says whether
// their cases are covered; its owner is reminded of its end once, on the right day, by the renewals job; a contract that
// renews by itself gets its next term; and its renewal is a deal and a draft quote in one call.
describe.each(testStores)('service contracts on %s', (store) => {
  let t: TestApp;
  let clock: Date;
  let admin: string;
  let ana: string;
  let ben: string;
  let company: { id: string };
  let contact: { id: string };

  beforeEach(async () => {
    clock = new Date('2026-11-16T10:00:00Z');
    t = await createTestApp({ store, now: () => clock });
    admin = await t.token(TENANT_A, 'admin-1', ['admin'], 'Ada Admin');
    ana = await t.token(TENANT_A, 'rep-ana', ['rep'], 'Ana Souza');
    ben = await t.token(TENANT_A, 'rep-ben', ['rep'], 'Ben Okafor');
    for (const token of [admin, ana, ben]) expect((await t.call('get-me', { token })).status).toBe(200);
    company = await create(t, 'company', { name: 'Fabrikam', domains: ['fabrikam.example'] }, ana);
    contact = await create(t, 'contact', { firstName: 'Joan', lastName: 'Miró', emails: ['joan@fabrikam.example'], companyId: company.id }, ana);
  });
  afterEach(() => t.close());

  const premium = { name: 'Premium support', responseHours: 4, resolutionHours: 24 };
  const newContract = (body: object, token = ana) =>
    t.call('create-contract', { token, body: { companyId: company.id, name: 'Premium support', startDate: '2026-01-01', endDate: '2026-12-31', serviceLevel: premium, ...body } });
  const lookup = (emails: string[], token = ben) => t.call('lookup', { token, body: { emails } });
  const runRenewals = (at: string) => t.app.jobs.run('contract-renewals', new Date(at), { again: true });
  const companyTasks = async () =>
    ((await t.call('company-timeline', { token: ana, params: { id: company.id } })).body.items as any[]).filter((item) => item.kind === 'task');

  it("shows the contract in force on a contact's card, not one ended, upcoming or cancelled", async () => {
    expect((await newContract({ name: 'Basic support', startDate: '2025-01-01', endDate: '2025-12-31' })).status).toBe(201);
    const active = (await newContract({ covered: [{ name: 'Hotline' }, { name: 'On-site visits' }] })).body;
    expect((await newContract({ name: 'Premium support 2027', startDate: '2027-01-01', endDate: '2027-12-31' })).status).toBe(201);
    expect(active).toMatchObject({ number: 2, companyId: company.id, cancelled: false, renewal: { autoRenew: false, noticeDays: 30, termMonths: 12 }, serviceLevel: premium });

    const openCase = await create(t, 'case', { subject: 'Printer offline', contactId: contact.id, companyId: company.id }, ben);
    const [card, stranger] = (await lookup(['joan@fabrikam.example', 'someone.new@fabrikam.example'])).body.results;
    // The card and its cases: covered by Premium support, a 4-hour answer, until the end of 2026.
    expect(card.contract).toMatchObject({ id: active.id, name: 'Premium support', endDate: '2026-12-31', serviceLevel: { responseHours: 4 } });
    expect(card.openCases.map((serviceCase: any) => serviceCase.id)).toEqual([openCase.id]);
    // Someone the CRM does not know yet has no card, so nothing is read for them.
    expect(stranger.match).toBe('company');
    expect(stranger.contract).toBeUndefined();

    const cancelled = await t.call('update-contract', { token: ana, params: { id: active.id }, body: { cancelled: true, cancelReason: 'Moved to a competitor' }, headers: { 'if-match': `"${active.version}"` } });
    expect(cancelled.body).toMatchObject({ cancelled: true, cancelReason: 'Moved to a competitor', cancelledAt: clock.toISOString() });
    expect((await lookup(['joan@fabrikam.example'])).body.results[0].contract).toBeNull();
    // On the first day of 2027 the next one is in force.
    clock = new Date('2027-01-01T08:00:00Z');
    expect((await lookup(['joan@fabrikam.example'])).body.results[0].contract).toMatchObject({ name: 'Premium support 2027' });
  });

  it('refuses a contract that ends before it starts, or whose value has more decimals than its currency', async () => {
    const backwards = await newContract({ startDate: '2026-06-01', endDate: '2026-05-31' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe('CONTRACT.END_BEFORE_START');
    const yen = await newContract({ value: { amount: 100.5, currency: 'JPY', period: 'month' } });
    expect(yen.status).toBe(400);
    expect(yen.body.error.code).toBe('CONTRACT.AMOUNT_PRECISION');
    expect((await newContract({ companyId: 'no-such-company' })).body.error.code).toBe('RECORD.REFERENCE_NOT_FOUND');
    expect((await t.call('create-contract', { token: ana, body: { name: 'No company', startDate: '2026-01-01', endDate: '2026-12-31' } })).status).toBe(400);
  });

  it("gives the owner one renewal task on the right day, in their language, however often the job runs", async () => {
    // The tenant reminds 30 days ahead; this contract asks for 10 days' notice: the task comes on 1 December.
    const settings = await t.call('get-settings', { token: admin });
    expect(settings.body.contractRenewalDays).toBe(60);
    const saved = await t.call('update-settings', { token: admin, body: { contractRenewalDays: 30 }, headers: { 'if-match': `"${settings.body.version}"` } });
    expect(saved.body.contractRenewalDays).toBe(30);
    const contract = (await newContract({ renewal: { noticeDays: 10 } })).body;

    for (const at of ['2026-11-16T11:00:00Z', '2026-11-30T23:00:00Z']) {
      await runRenewals(at);
      expect(await companyTasks()).toEqual([]);
    }
    await runRenewals('2026-12-01T01:00:00Z');
    await runRenewals('2026-12-01T02:00:00Z');
    await runRenewals('2026-12-15T02:00:00Z');
    const tasks = await companyTasks();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ subject: 'Renewal: Premium support ends on 31 Dec 2026', status: 'planned', priority: 'high', ownerId: 'rep-ana', at: '2026-12-01T09:00:00.000Z', companyId: company.id });
    expect(tasks[0].summary).toBe(`SC-${contract.number} Premium support with Fabrikam ends on 31 Dec 2026. The customer can give notice until 21 Dec 2026. Make the renewal quote from the contract.`);
    const day = (await t.call('my-day', { token: ana, query: { dayStart: '2026-12-01T00:00:00Z', dayEnd: '2026-12-02T00:00:00Z' } })).body;
    expect(day.dueTodayTasks.map((task: any) => task.subject)).toEqual(['Renewal: Premium support ends on 31 Dec 2026']);
  });

  it('lets only admins set the renewal days, from 1 to 365', async () => {
    const settings = await t.call('get-settings', { token: ana });
    const set = (days: number, token = admin) => t.call('update-settings', { token, body: { contractRenewalDays: days }, headers: { 'if-match': `"${settings.body.version}"` } });
    expect((await set(45, ana)).status).toBe(403);
    for (const days of [0, 366, 1.5]) expect((await set(days)).status).toBe(400);
    expect((await set(365)).body.contractRenewalDays).toBe(365);
  });

  it('reminds earlier when the notice period is longer, at once when the day is past, and never for a cancelled contract', async () => {
    const longNotice = (await newContract({ name: 'Long notice', endDate: '2027-06-30', renewal: { noticeDays: 90 } })).body;
    const soon = (await newContract({ name: 'Ending soon', endDate: '2026-12-10' })).body;
    const cancelled = (await newContract({ name: 'Cancelled', endDate: '2026-12-20', cancelled: true })).body;
    await runRenewals('2026-11-16T11:00:00Z');
    expect((await companyTasks()).map((task) => task.subject)).toEqual(['Renewal: Ending soon ends on 10 Dec 2026']);
    // 90 days before 30 June 2027 is 1 April; the tenant's 60 would be 1 May.
    await runRenewals('2027-03-31T23:00:00Z');
    expect(await companyTasks()).toHaveLength(1);
    await runRenewals('2027-04-01T01:00:00Z');
    expect((await companyTasks()).map((task) => task.subject).sort()).toEqual(['Renewal: Ending soon ends on 10 Dec 2026', 'Renewal: Long notice ends on 30 Jun 2027']);
    expect([longNotice.id, soon.id, cancelled.id]).toHaveLength(3);
  });

  it('follows a changed end date and a changed setting: the task comes on the new day only', async () => {
    const contract = (await newContract({})).body;
    // The end moves to March 2027: the November reminder would be too early.
    const moved = await t.call('update-contract', { token: ana, params: { id: contract.id }, body: { endDate: '2027-03-31' }, headers: { 'if-match': `"${contract.version}"` } });
    expect(moved.status).toBe(200);
    await runRenewals('2026-11-17T01:00:00Z');
    expect(await companyTasks()).toEqual([]);
    // An admin asks for 90 days: 31 December 2026.
    const settings = await t.call('get-settings', { token: admin });
    await t.call('update-settings', { token: admin, body: { contractRenewalDays: 90 }, headers: { 'if-match': `"${settings.body.version}"` } });
    await runRenewals('2026-12-30T01:00:00Z');
    expect(await companyTasks()).toEqual([]);
    await runRenewals('2026-12-31T01:00:00Z');
    expect((await companyTasks()).map((task) => task.subject)).toEqual(['Renewal: Premium support ends on 31 Mar 2027']);
  });

  it('renews a contract that renews by itself at its end, and reminds its owner again before the next end', async () => {
    const contract = (await newContract({ renewal: { autoRenew: true, noticeDays: 30, termMonths: 12 } })).body;
    // Made after its reminder day (1 November): reminded at once.
    await runRenewals('2026-11-16T11:00:00Z');
    expect((await companyTasks()).map((task) => task.subject)).toEqual(['Renewal: Premium support renews on 1 Jan 2027']);
    await runRenewals('2026-12-31T23:00:00Z');
    expect((await t.call('get-contract', { token: ana, params: { id: contract.id } })).body.endDate).toBe('2026-12-31');
    await runRenewals('2027-01-01T01:00:00Z');
    const renewed = (await t.call('get-contract', { token: ana, params: { id: contract.id } })).body;
    expect(renewed).toMatchObject({ endDate: '2027-12-31', startDate: '2026-01-01', version: 2, updatedBy: 'rep-ana' });
    const history = (await t.call('contract-history', { token: ana, params: { id: contract.id } })).body.items;
    expect(history[0].changes).toEqual([expect.objectContaining({ field: 'endDate', before: '2026-12-31', after: '2027-12-31' })]);
    // Still covered on the card, then reminded of the new end.
    clock = new Date('2027-01-02T09:00:00Z');
    expect((await lookup(['joan@fabrikam.example'])).body.results[0].contract).toMatchObject({ id: contract.id, endDate: '2027-12-31' });
    await runRenewals('2027-11-01T01:00:00Z');
    expect((await companyTasks()).map((task) => task.subject).sort()).toEqual(['Renewal: Premium support renews on 1 Jan 2027', 'Renewal: Premium support renews on 1 Jan 2028']);
  });

  it('makes the renewal quote in one call: a deal in the first open stage and a draft quote priced by the catalog, once', async () => {
    const hotline = await create(t, 'product', { name: 'Hotline 24/7', unitPrice: 900, currency: 'EUR' }, admin);
    const visits = await create(t, 'product', { name: 'On-site visits', unitPrice: 300, currency: 'EUR' }, admin);
    const contract = (await newContract({ covered: [{ productId: hotline.id, name: 'Hotline' }, { productId: visits.id, name: 'Visits' }, { name: 'Remote help' }] })).body;

    const made = await t.call('contract-renewal-quote', { token: ben, params: { id: contract.id }, body: {} });
    expect(made.status).toBe(201);
    expect(made.headers.get('idempotent-replayed')).toBeNull();
    expect(made.body).toMatchObject({ status: 'draft', revision: 1, companyId: company.id, currency: 'EUR', ownerId: 'rep-ben' });
    expect(made.body.lines.map((line: any) => [line.name, line.quantity, line.unitPrice])).toEqual([
      ['Hotline 24/7', 1, 900],
      ['On-site visits', 1, 300],
    ]);
    const deal = (await t.call('get-deal', { token: ben, params: { id: made.body.dealId } })).body;
    expect(deal).toMatchObject({ name: 'Renewal: Premium support', companyId: company.id, stage: 'prospecting', status: 'open', amount: 1200, currency: 'EUR', expectedCloseDate: '2026-12-31' });

    const again = await t.call('contract-renewal-quote', { token: ana, params: { id: contract.id }, body: {} });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(made.body.id);
    expect((await t.call('list-deals', { token: ana, query: { companyId: company.id } })).body.items).toHaveLength(1);
  });

  it("prices the renewal by the contract's value when no covered product has a price, and refuses a cancelled contract's", async () => {
    const contract = (await newContract({ value: { amount: 99.99, currency: 'EUR', period: 'month' } })).body;
    const made = await t.call('contract-renewal-quote', { token: ana, params: { id: contract.id }, body: {} });
    expect(made.status).toBe(201);
    expect(made.body.lines).toEqual([expect.objectContaining({ name: 'Premium support', quantity: 12, unitPrice: 99.99, description: `SC-${contract.number} Premium support: 2027-01-01 – 2027-12-31` })]);
    expect((await t.call('get-deal', { token: ana, params: { id: made.body.dealId } })).body).toMatchObject({ amount: 1199.88, currency: 'EUR' });

    const other = (await newContract({ name: 'Old plan', cancelled: true })).body;
    const refused = await t.call('contract-renewal-quote', { token: ana, params: { id: other.id }, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONTRACT.CANCELLED');
  });
});
