import { TENANT_A, create, createTestApp, testStores, type TestApp } from './test-app';

// Case service levels (issue 22, part 2): each case is due to be first answered and resolved within the hours of its
// customer's service contract in force when it opened, else the tenant's default; My day counts the rep's cases that
// breached or come due within four hours; reports count closed cases within and outside their service levels.
describe.each(testStores)('case service levels on %s', (store) => {
  let t: TestApp;
  let clock: Date;
  let admin: string;
  let ana: string;

  beforeEach(async () => {
    clock = new Date('2026-11-16T09:00:00Z');
    t = await createTestApp({ store, now: () => clock });
    admin = await t.token(TENANT_A, 'admin-1', ['admin'], 'Ada Admin');
    ana = await t.token(TENANT_A, 'rep-ana', ['rep'], 'Ana Souza');
    for (const token of [admin, ana]) expect((await t.call('get-me', { token })).status).toBe(200);
  });
  afterEach(() => t.close());

  const at = (time: string) => {
    clock = new Date(time);
  };
  const newCase = (body: object = {}) => create(t, 'case', { subject: 'Blank pages', ...body }, ana);
  const change = async (id: string, body: object) => {
    const current = (await t.call('get-case', { token: ana, params: { id } })).body;
    const changed = await t.call('update-case', { token: ana, params: { id }, body, headers: { 'if-match': `"${current.version}"` } });
    expect(changed.status).toBe(200);
    return changed.body;
  };
  const myDay = async () => (await t.call('my-day', { token: ana, query: { dayStart: '2026-11-16T00:00:00Z', dayEnd: '2026-11-17T00:00:00Z' } })).body.serviceLevels;

  it("promises the tenant's default, or the one an admin sets", async () => {
    expect((await t.call('get-settings', { token: admin })).body.serviceLevel).toEqual({ responseHours: 8, resolutionHours: 72 });
    expect(await newCase()).toMatchObject({ serviceLevel: { responseHours: 8, resolutionHours: 72 }, responseDueAt: '2026-11-16T17:00:00.000Z', resolutionDueAt: '2026-11-19T09:00:00.000Z' });
    const settings = await t.call('get-settings', { token: admin });
    const set = (serviceLevel: object) => t.call('update-settings', { token: admin, body: { serviceLevel }, headers: { 'if-match': `"${settings.body.version}"` } });
    expect((await set({ responseHours: 24, resolutionHours: 4 })).status).toBe(400);
    expect((await set({ responseHours: 4, resolutionHours: 24 })).status).toBe(200);
    const later = await newCase();
    expect(later).toMatchObject({ responseDueAt: '2026-11-16T13:00:00.000Z', resolutionDueAt: '2026-11-17T09:00:00.000Z' });
    // Opened earlier than it was entered: what it was promised runs from then.
    expect(await change(later.id, { openedAt: '2026-11-15T09:00:00Z' })).toMatchObject({ responseDueAt: '2026-11-15T13:00:00.000Z', resolutionDueAt: '2026-11-16T09:00:00.000Z' });
  });

  it("promises what the customer's contract in force says", async () => {
    const company = await create(t, 'company', { name: 'Fabrikam' }, ana);
    const contract = await create(t, 'contract', { companyId: company.id, name: 'Premium support', startDate: '2026-01-01', endDate: '2026-12-31', serviceLevel: { name: 'Premium', responseHours: 2, resolutionHours: 24 } }, ana);
    expect(await newCase({ companyId: company.id })).toMatchObject({
      serviceLevel: { name: 'Premium', responseHours: 2, resolutionHours: 24, contractId: contract.id },
      responseDueAt: '2026-11-16T11:00:00.000Z',
      resolutionDueAt: '2026-11-17T09:00:00.000Z',
    });
    // A contract that promises a response only: the resolution is the tenant's.
    const other = await create(t, 'company', { name: 'Contoso' }, ana);
    await create(t, 'contract', { companyId: other.id, name: 'Hotline', startDate: '2026-01-01', endDate: '2026-12-31', serviceLevel: { name: 'Hotline', responseHours: 1 } }, ana);
    expect((await newCase({ companyId: other.id })).serviceLevel).toMatchObject({ name: 'Hotline', responseHours: 1, resolutionHours: 72 });
    // Ended contracts promise nothing.
    const old = await create(t, 'company', { name: 'Northwind' }, ana);
    await create(t, 'contract', { companyId: old.id, name: 'Old', startDate: '2025-01-01', endDate: '2025-12-31', serviceLevel: { name: 'Old', responseHours: 1 } }, ana);
    expect((await newCase({ companyId: old.id })).serviceLevel).toEqual({ responseHours: 8, resolutionHours: 72 });
  });

  it("counts the rep's cases that breached or come due soon in My day, until they are answered", async () => {
    const late = await newCase({ subject: 'Opened yesterday', openedAt: '2026-11-15T09:00:00Z' });
    const soon = await newCase({ subject: 'Opened this morning', openedAt: '2026-11-16T06:00:00Z' });
    await newCase({ subject: 'Just now' });
    at('2026-11-16T11:00:00Z');
    const day = await myDay();
    expect({ breached: day.breached, soon: day.soon }).toEqual({ breached: 1, soon: 1 });
    expect(day.cases.map((entry: { case: { id: string }; state: string; what: string }) => [entry.case.id, entry.state, entry.what])).toEqual([
      [late.id, 'breached', 'response'],
      [soon.id, 'soon', 'response'],
    ]);
    // Taken up, the late one is answered (late); answered with an article, the other one is answered in time.
    const taken = await change(late.id, { status: 'assigned' });
    expect(taken.respondedAt).toBe('2026-11-16T11:00:00.000Z');
    const article = await create(t, 'article', { title: 'Blank pages', language: 'en', status: 'published' }, admin);
    expect((await t.call('answered-case', { token: ana, params: { id: soon.id }, body: { articleId: article.id } })).body.respondedAt).toBe('2026-11-16T11:00:00.000Z');
    expect(await myDay()).toMatchObject({ breached: 0, soon: 0, cases: [] });
    // The late one's resolution comes due in turn; the third, never taken up, breached its first response meanwhile.
    at('2026-11-18T06:00:00Z');
    expect(await myDay()).toMatchObject({ breached: 1, soon: 1 });
  });

  it('reports closed cases within and outside their service levels, by month and by rep', async () => {
    const inTime = await newCase();
    const lateAnswer = await newCase({ openedAt: '2026-11-15T09:00:00Z' });
    const lateFix = await newCase({ openedAt: '2026-11-10T09:00:00Z' });
    await change(inTime.id, { status: 'assigned' });
    at('2026-11-16T10:00:00Z');
    await change(inTime.id, { status: 'closed' });
    await change(lateAnswer.id, { status: 'closed' });
    await change(lateFix.id, { status: 'closed' });
    const report = async (name: string) => (await t.call('report', { token: admin, params: { report: name }, query: { from: '2026-01', to: '2026-12' } })).body.rows;
    expect(await report('service-levels-by-month')).toEqual([
      { key: '2026-11', label: '2026-11', values: { closed: 3, responseMet: 1, responseRate: 0.3333, resolutionMet: 2, resolutionRate: 0.6667 } },
    ]);
    expect(await report('service-levels-by-owner')).toEqual([
      { key: 'rep-ana', label: 'Ana Souza', values: { closed: 3, responseMet: 1, responseRate: 0.3333, resolutionMet: 2, resolutionRate: 0.6667 } },
    ]);
  });
});
