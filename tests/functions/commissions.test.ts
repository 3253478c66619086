import { TENANT_A, create, createTestApp, testStores, type TestApp } from './test-app';

// Commission plans and statements (issue 20, part 2): admins set plans; a rep sees what an open deal would pay them and
// their statement; a manager approves it; an approved statement never changes, and later differences become
// adjustments in the next one.
describe.each(testStores)('commissions on %s', (store) => {
  const clock = { now: new Date('2026-11-16T00:00:00Z') };
  let t: TestApp;
  let admin: string;
  let manager: string;
  let ana: string;
  let ben: string;

  beforeEach(async () => {
    clock.now = new Date('2026-11-16T00:00:00Z');
    t = await createTestApp({ store, now: () => clock.now });
    admin = await t.token(TENANT_A, 'admin-1', ['admin']);
    manager = await t.token(TENANT_A, 'manager-1', ['manager'], 'Mia Manager');
    ana = await t.token(TENANT_A, 'rep-ana', ['rep'], 'Ana Souza');
    ben = await t.token(TENANT_A, 'rep-ben', ['rep'], 'Ben Okafor');
    for (const token of [manager, ana, ben]) expect((await t.call('get-me', { token })).status).toBe(200);
    // Ana reports to Mia; Ben to nobody.
    const member = (await t.call('list-members', { token: admin })).body.items.find((item: { id: string }) => item.id === 'rep-ana');
    expect((await t.call('update-member', { token: admin, params: { id: 'rep-ana' }, body: { managerId: 'manager-1' }, headers: { 'if-match': `"${member.version}"` } })).status).toBe(200);
    const settings = await t.call('get-settings', { token: admin });
    await t.call('update-settings', { token: admin, body: { reportingCurrency: 'EUR', exchangeRates: [{ currency: 'USD', month: '2026-10', rate: '0.9' }] }, headers: { 'if-match': `"${settings.body.version}"` } });
  });
  afterEach(() => t.close());

  const accelerator = { name: 'Field sales 2026', memberIds: ['rep-ana'], period: 'month', from: '2026-11', tiers: [{ fromPercent: 0, rate: 5 }, { fromPercent: 100, rate: 8 }] };
  const plan = (body: object = accelerator, token = admin) => t.call('create-commissionPlan', { token, body });
  const goal = (target: number) => t.call('create-goal', { token: manager, body: { scope: 'rep', memberId: 'rep-ana', metric: 'wonAmount', period: 'month', start: '2026-11', target } });
  const deal = (name: string, amount: number, stage = 'won', currency = 'EUR', token = ana) => create(t, 'deal', { name, stage, amount, currency }, token);
  const pays = (id: string, token = ana) => t.call('deal-commission', { token, params: { id } });
  const statement = (query: Record<string, string> = {}, token = ana) => t.call('commission-statement', { token, query });

  it('lets admins alone set plans, and refuses tiers that do not start at 0 % or do not climb', async () => {
    expect((await plan(accelerator, manager)).body.error.code).toBe('AUTH.ROLE_REQUIRED');
    const bad = await plan({ ...accelerator, tiers: [{ fromPercent: 10, rate: 5 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].path).toBe('tiers.0.fromPercent');
    const created = await plan();
    expect(created.status).toBe(201);
    const changed = await t.call('update-commissionPlan', { token: admin, params: { id: created.body.id }, body: { tiers: [{ fromPercent: 0, rate: 5 }, { fromPercent: 0, rate: 8 }] }, headers: { 'if-match': `"${created.body.version}"` } });
    expect([changed.status, changed.body.error.code]).toEqual([400, 'COMMISSION.INVALID_PLAN']);
    // Everyone reads plans: a rep sees the rates that pay them.
    expect((await t.call('get-commissionPlan', { token: ana, params: { id: created.body.id } })).status).toBe(200);
  });

  it('shows a rep what an open deal would pay if won now, tiers included', async () => {
    await plan();
    await goal(10000);
    const open = await deal('Renewal', 6000, 'negotiation');
    // 6,000 of a 10,000 goal, all at 5 %: 300.00.
    expect((await pays(open.id)).body).toMatchObject({ planName: 'Field sales 2026', period: 'month', start: '2026-11', currency: 'EUR', payMinor: 30_000, effectiveRate: 5, noGoal: false, capped: false });
    await deal('Seats', 6000);
    // With 6,000 won, the next 6,000 is 4,000 at 5 % and 2,000 at 8 %: 360.00.
    expect((await pays(open.id)).body).toMatchObject({ payMinor: 36_000, effectiveRate: 6 });
    // Ben is on no plan; nor may he see what Ana's deal pays. Her manager may.
    expect((await pays(open.id, ben)).body.error.code).toBe('AUTH.NOT_RECORD_OWNER');
    expect((await pays(open.id, manager)).body.payMinor).toBe(36_000);
    const bens = await deal('Ben’s', 1000, 'proposal', 'EUR', ben);
    expect((await pays(bens.id, ben)).body).toMatchObject({ planId: null, payMinor: 0 });
  });

  it("builds the rep's statement, which only they, their manager and admins read", async () => {
    await plan();
    await goal(10000);
    await deal('Seats', 6000);
    clock.now = new Date('2026-11-16T01:00:00Z');
    await deal('Support', 5000, 'won', 'USD');
    await deal('Open one', 9999, 'proposal');
    const mine = await statement();
    expect(mine.status).toBe(200);
    // 6,000 EUR then 4,500 EUR (5,000 USD at 0.9): 4,000 at 5 % and 500 at 8 %.
    expect(mine.body).toMatchObject({ status: 'draft', planName: 'Field sales 2026', period: 'month', start: '2026-11', ends: '2026-12-01', targetMinor: 1_000_000, wonMinor: 1_050_000, attainment: 1.05, totalMinor: 30_000 + 20_000 + 4_000, missingRates: [] });
    expect(mine.body.lines.map((line: any) => [line.name, line.wonMinor, line.commissionMinor])).toEqual([['Seats', 600_000, 30_000], ['Support', 450_000, 24_000]]);
    expect((await statement({ memberId: 'rep-ana' }, manager)).body.totalMinor).toBe(54_000);
    const hidden = await statement({ memberId: 'rep-ana' }, ben);
    expect([hidden.status, hidden.body.error.code]).toEqual([404, 'RECORD.NOT_FOUND']);
    // Ben has no plan: an empty statement that says so.
    expect((await statement({}, ben)).body).toMatchObject({ planId: null, lines: [], totalMinor: 0 });
  });

  it('approves a statement once, as the manager read it, and keeps it unchanged', async () => {
    await plan();
    await goal(10000);
    await deal('Seats', 6000);
    const approve = (totalMinor: number, token = manager) => t.call('approve-commission-statement', { token, body: { memberId: 'rep-ana', period: 'month', start: '2026-11', totalMinor } });
    expect((await approve(30_000, ana)).body.error.code).toBe('AUTH.ROLE_REQUIRED');
    const stale = await approve(12_345);
    expect([stale.status, stale.body.error.code]).toEqual([409, 'COMMISSION.STATEMENT_CHANGED']);
    const approved = await approve(30_000);
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: 'manager-1', totalMinor: 30_000 });
    expect((await approve(30_000)).body.error.code).toBe('COMMISSION.ALREADY_APPROVED');
    expect((await statement()).body).toMatchObject({ status: 'approved', id: approved.body.id, totalMinor: 30_000 });
    expect((await t.call('list-commission-statements', { token: ana })).body.items.map((item: any) => item.start)).toEqual(['2026-11']);
  });

  it('turns a deal reopened after approval into an adjustment in the next statement, never a change to the approved one', async () => {
    await plan();
    await goal(10000);
    const seats = await deal('Seats', 6000);
    await t.call('approve-commission-statement', { token: manager, body: { memberId: 'rep-ana', period: 'month', start: '2026-11', totalMinor: 30_000 } });
    // Reopened in November, after the approval.
    const current = (await t.call('get-deal', { token: ana, params: { id: seats.id } })).body;
    expect((await t.call('update-deal', { token: ana, params: { id: seats.id }, body: { stage: 'negotiation' }, headers: { 'if-match': `"${current.version}"` } })).status).toBe(200);
    expect((await statement({ day: '2026-11-20' })).body).toMatchObject({ status: 'approved', totalMinor: 30_000 });
    // December's statement takes the 300.00 back.
    clock.now = new Date('2026-12-03T09:00:00Z');
    const december = await statement();
    expect(december.body).toMatchObject({ status: 'draft', start: '2026-12', totalMinor: -30_000 });
    expect(december.body.adjustments).toEqual([{ dealId: seats.id, name: 'Seats', forPeriod: 'month', forStart: '2026-11', reason: 'reopened', paidMinor: 30_000, nowMinor: 0, commissionMinor: -30_000 }]);
    // Once December is approved with it, January owes nothing more.
    expect((await t.call('approve-commission-statement', { token: manager, body: { memberId: 'rep-ana', period: 'month', start: '2026-12', totalMinor: -30_000 } })).status).toBe(201);
    clock.now = new Date('2027-01-05T09:00:00Z');
    expect((await statement()).body).toMatchObject({ adjustments: [], totalMinor: 0 });
  });

  it('refuses to approve while a won deal has no exchange rate, and names it', async () => {
    await plan();
    await deal('Tokyo', 100000, 'won', 'JPY');
    const draft = await statement();
    expect(draft.body.missingRates).toEqual([expect.objectContaining({ name: 'Tokyo', currency: 'JPY' })]);
    const refused = await t.call('approve-commission-statement', { token: manager, body: { memberId: 'rep-ana', period: 'month', start: '2026-11', totalMinor: 0 } });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'COMMISSION.MISSING_RATE']);
  });

  it('applies the cap and lists the team for the manager', async () => {
    await plan({ ...accelerator, memberIds: ['rep-ana', 'rep-ben'], cap: 250 });
    await deal('Big', 10000);
    expect((await statement()).body).toMatchObject({ totalMinor: 25_000, lines: [expect.objectContaining({ capped: true, commissionMinor: 25_000 })] });
    const team = await t.call('team-commission-statements', { token: manager });
    // Mia manages Ana only: Ben is not hers.
    expect(team.body.items.map((item: any) => [item.memberId, item.totalMinor])).toEqual([['rep-ana', 25_000]]);
    expect((await t.call('team-commission-statements', { token: admin })).body.items).toHaveLength(2);
  });
});
