import { TENANT_A, create, createTestApp, testStores, type TestApp } from './test-app';

// Goals and attainment (issue 20, part 1): managers set goals; everyone sees their own, their team's and the company's
// attainment with the pace, from the report cells; a team without a goal of its own has the sum of its reps'.
describe.each(testStores)('goals on %s', (store) => {
  const clock = { now: new Date('2026-11-16T00:00:00Z') };
  let t: TestApp;
  let manager: string;
  let ana: string;
  let ben: string;

  beforeEach(async () => {
    clock.now = new Date('2026-11-16T00:00:00Z');
    t = await createTestApp({ store, now: () => clock.now });
    const admin = await t.token(TENANT_A, 'admin-1', ['admin']);
    manager = await t.token(TENANT_A, 'manager-1', ['manager'], 'Mia Manager');
    ana = await t.token(TENANT_A, 'rep-ana', ['rep'], 'Ana Souza');
    ben = await t.token(TENANT_A, 'rep-ben', ['rep'], 'Ben Okafor');
    // Members sign in once; then the admin puts both reps in the North team.
    for (const token of [manager, ana, ben]) expect((await t.call('get-me', { token })).status).toBe(200);
    for (const id of ['rep-ana', 'rep-ben']) {
      const member = (await t.call('list-members', { token: admin })).body.items.find((item: { id: string }) => item.id === id);
      expect((await t.call('update-member', { token: admin, params: { id }, body: { team: 'North' }, headers: { 'if-match': `"${member.version}"` } })).status).toBe(200);
    }
    // Reports in EUR, with a rate for USD from October.
    const settings = await t.call('get-settings', { token: admin });
    await t.call('update-settings', { token: admin, body: { reportingCurrency: 'EUR', exchangeRates: [{ currency: 'USD', month: '2026-10', rate: '0.9' }] }, headers: { 'if-match': `"${settings.body.version}"` } });
  });
  afterEach(() => t.close());

  const goal = (body: object, token = manager) => t.call('create-goal', { token, body });
  const won = (name: string, amount: number, currency: string, token: string) => create(t, 'deal', { name, stage: 'won', amount, currency }, token);
  const attainment = (query: Record<string, string> = {}, token = ana) => t.call('goal-attainment', { token, query });

  it("gives a rep their own, their team's and the company's attainment, with the pace", async () => {
    expect((await goal({ scope: 'rep', memberId: 'rep-ana', metric: 'wonAmount', period: 'month', start: '2026-11', target: 10000, stretch: 15000 })).status).toBe(201);
    expect((await goal({ scope: 'rep', memberId: 'rep-ben', metric: 'wonAmount', period: 'month', start: '2026-11', target: 5000 })).status).toBe(201);
    expect((await goal({ scope: 'rep', memberId: 'rep-ana', metric: 'activities', activityKind: 'call', period: 'month', start: '2026-11', target: 20 })).status).toBe(201);
    expect((await goal({ scope: 'tenant', metric: 'wonAmount', period: 'month', start: '2026-11', target: 40000 })).status).toBe(201);
    await won('Seats', 3000, 'EUR', ana);
    await won('Support', 1000, 'USD', ana);
    await won('Licences', 2500, 'EUR', ben);
    await create(t, 'activity', { kind: 'call', subject: 'Call', at: '2026-11-10T10:00:00Z', status: 'done' }, ana);
    await create(t, 'activity', { kind: 'call', subject: 'Planned call', at: '2026-11-20T10:00:00Z' }, ana);

    const answer = await attainment();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ period: 'month', start: '2026-11', ends: '2026-12-01', reportingCurrency: 'EUR' });
    // Ana: 3,000 EUR + 1,000 USD at 0.9 = 3,900 EUR of 10,000; half the month gone (15 of 30 days): on pace for 78 %.
    const amount = answer.body.reps.find((item: any) => item.goal.metric === 'wonAmount');
    expect(amount).toMatchObject({ actual: 3900, ratio: 0.39, projected: 7800, paceRatio: 0.78, stretchRatio: 0.26, missingCurrencies: [] });
    // One done call of the planned two counts.
    expect(answer.body.reps.find((item: any) => item.goal.metric === 'activities')).toMatchObject({ actual: 1, ratio: 0.05 });
    // North has no goal of its own: the sum of its reps' (10,000 + 5,000); 3,900 + 2,500 reached.
    const north = answer.body.teams.find((item: any) => item.goal.metric === 'wonAmount');
    expect(north).toMatchObject({ goal: { scope: 'team', team: 'North', metric: 'wonAmount', target: 15000, stretch: 20000 }, actual: 6400 });
    expect(north.goalId).toBeUndefined();
    // Ana's call goal is the team's too (only she has one): 1 of 20.
    expect(answer.body.teams.find((item: any) => item.goal.metric === 'activities')).toMatchObject({ goal: { activityKind: 'call', target: 20 }, actual: 1 });
    // The company's goal is set: 40,000.
    expect(answer.body.company.find((item: any) => item.goal.metric === 'wonAmount')).toMatchObject({ goalId: expect.any(String), actual: 6400, ratio: 0.16 });
  });

  it('counts new deals in the month they came in, open, won or lost, and not once deleted', async () => {
    await goal({ scope: 'rep', memberId: 'rep-ana', metric: 'newDeals', period: 'month', start: '2026-11', target: 4 });
    await create(t, 'deal', { name: 'Open', stage: 'proposal', amount: 100, currency: 'EUR' }, ana);
    await won('Won', 200, 'EUR', ana);
    const lost = await create(t, 'deal', { name: 'Lost', stage: 'lost', amount: 300, currency: 'EUR' }, ana);
    const gone = await create(t, 'deal', { name: 'Gone', stage: 'proposal' }, ana);
    await create(t, 'deal', { name: 'Ben’s', stage: 'proposal' }, ben);
    expect((await t.call('delete-deal', { token: ana, params: { id: gone.id }, headers: { 'if-match': `"${gone.version}"` } })).status).toBe(204);
    expect(lost.status).toBe('lost');
    // Three of four: the open, the won and the lost one; the deleted one and Ben's do not count.
    expect((await attainment()).body.reps[0]).toMatchObject({ goal: { metric: 'newDeals' }, actual: 3, ratio: 0.75 });
    // December's new deals start again from none.
    clock.now = new Date('2026-12-02T00:00:00Z');
    await goal({ scope: 'rep', memberId: 'rep-ana', metric: 'newDeals', period: 'month', start: '2026-12', target: 4 });
    expect((await attainment()).body.reps[0]).toMatchObject({ actual: 0 });
  });

  it("measures a territory's goal on its assigned reps' figures, and shows reps the territories they cover", async () => {
    const admin = await t.token(TENANT_A, 'admin-1', ['admin']);
    const iberia = await create(t, 'territory', { name: 'Iberia', countries: ['Spain', 'Portugal'], repIds: ['rep-ana'] }, admin);
    await create(t, 'territory', { name: 'Nordics', countries: ['Sweden'], repIds: ['rep-ben'] }, admin);
    const missing = await goal({ scope: 'territory', metric: 'wonAmount', period: 'month', start: '2026-11', target: 5000 });
    expect([missing.status, missing.body.error.details.fields[0].path]).toEqual([400, 'territoryId']);
    expect((await goal({ scope: 'territory', territoryId: iberia.id, metric: 'wonAmount', period: 'month', start: '2026-11', target: 5000 })).status).toBe(201);
    expect((await goal({ scope: 'rep', memberId: 'rep-ben', metric: 'wonDeals', period: 'month', start: '2026-11', target: 3 })).status).toBe(201);
    await won('Madrid', 3000, 'EUR', ana);
    await won('Oslo', 1000, 'EUR', ben);
    // Ana covers Iberia only: 3,000 of 5,000.
    const mine = (await attainment()).body;
    expect(mine.territories).toEqual([expect.objectContaining({ territoryName: 'Iberia', goal: expect.objectContaining({ scope: 'territory', territoryId: iberia.id, target: 5000 }), actual: 3000, ratio: 0.6 })]);
    // A manager sees every territory; Nordics has no goal of its own, so its rep's goals add up to one.
    const team = (await attainment({ view: 'team' }, manager)).body.territories;
    expect(team.map((item: any) => [item.territoryName, item.goal.metric, item.actual, item.goalId === undefined])).toEqual([
      ['Iberia', 'wonAmount', 3000, false],
      ['Nordics', 'wonDeals', 1, true],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  });

  it("names a currency without a rate, and counts the rep's deals only", async () => {
    await goal({ scope: 'rep', memberId: 'rep-ben', metric: 'wonAmount', period: 'month', start: '2026-11', target: 1000 });
    await won('Yen deal', 100000, 'JPY', ben);
    await won('Ana’s', 500, 'EUR', ana);
    const answer = await attainment({}, ben);
    expect(answer.body.reps[0]).toMatchObject({ actual: 0, missingCurrencies: ['JPY'] });
  });

  it('shows a manager every rep and team, and nobody else', async () => {
    await goal({ scope: 'rep', memberId: 'rep-ana', metric: 'wonDeals', period: 'quarter', start: '2026-10', target: 4 });
    await goal({ scope: 'rep', memberId: 'rep-ben', metric: 'wonDeals', period: 'quarter', start: '2026-10', target: 6 });
    await won('One', 100, 'EUR', ben);
    const team = await attainment({ view: 'team', period: 'quarter' }, manager);
    expect(team.body.reps.map((item: any) => [item.goal.memberId, item.actual])).toEqual(expect.arrayContaining([['rep-ana', 0], ['rep-ben', 1]]));
    expect(team.body.teams).toEqual([expect.objectContaining({ goal: expect.objectContaining({ team: 'North', target: 10 }), actual: 1 })]);
    const refused = await attainment({ view: 'team' }, ana);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'AUTH.ROLE_REQUIRED']);
  });

  it('is set by managers, once per whom, what and period, starting where its period may', async () => {
    const body = { scope: 'rep', memberId: 'rep-ana', metric: 'wonDeals', period: 'month', start: '2026-11', target: 3 };
    const byRep = await goal(body, ana);
    expect([byRep.status, byRep.body.error.code]).toEqual([403, 'AUTH.ROLE_REQUIRED']);
    expect((await goal(body)).status).toBe(201);
    const again = await goal({ ...body, target: 5 });
    // The one there is is named: its target is changed with PATCH.
    expect([again.status, again.body.error.code]).toEqual([409, 'RECORD.ALREADY_LOGGED']);
    expect(again.body.error.details).toMatchObject({ kind: 'goal', id: expect.any(String) });
    const badStart = await goal({ ...body, period: 'quarter', start: '2026-11' });
    expect([badStart.status, badStart.body.error.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    const nobody = await goal({ ...body, memberId: 'no-such-rep', start: '2026-12' });
    expect(nobody.status).toBe(422);
  });

  it('counts nothing for a period without goals, and a goal of zero has no ratio', async () => {
    expect((await attainment()).body).toMatchObject({ reps: [], teams: [], company: [] });
    await goal({ scope: 'tenant', metric: 'convertedLeads', period: 'month', start: '2026-11', target: 0 });
    expect((await attainment()).body.company).toEqual([expect.objectContaining({ actual: 0, ratio: null, paceRatio: null })]);
  });
});

describe.each(testStores)('setting goals in a batch on %s', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ store });
  });
  afterEach(() => t.close());

  it('creates, changes or leaves each goal, names the ones it cannot set, and goes on', async () => {
    const manager = await t.token(TENANT_A, 'manager-1', ['manager']);
    const month = (start: string, target: number) => ({ scope: 'tenant', metric: 'wonDeals', period: 'month', start, target });
    const first = await t.call('set-goals', { token: manager, body: { goals: [month('2026-11', 10), month('2026-12', 12)] } });
    expect(first.body).toEqual({ created: 2, changed: 0, unchanged: 0, rejected: [] });
    const second = await t.call('set-goals', {
      token: manager,
      body: { goals: [month('2026-11', 10), month('2026-12', 14), { scope: 'rep', memberId: 'nobody', metric: 'wonDeals', period: 'month', start: '2026-11', target: 1 }] },
    });
    expect(second.body).toMatchObject({ created: 0, changed: 1, unchanged: 1, rejected: [{ index: 2, code: 'RECORD.REFERENCE_NOT_FOUND' }] });
    const goals = (await t.call('list-goals', { token: manager })).body.items;
    expect(goals.map((goal: { start: string; target: number; version: number }) => [goal.start, goal.target, goal.version]).sort()).toEqual([
      ['2026-11', 10, 1],
      ['2026-12', 14, 2],
    ]);
    const byRep = await t.call('set-goals', { token: await t.token(TENANT_A, 'rep-1', ['rep']), body: { goals: [month('2027-01', 1)] } });
    expect([byRep.status, byRep.body.error.code]).toEqual([403, 'AUTH.ROLE_REQUIRED']);
  });
});

// A rep who moves teams counts for each team for the months they were in it (issue 20: "a rep moving teams mid-period").
describe.each(testStores)('team history on %s', (store) => {
  const clock = { now: new Date('2026-10-01T08:00:00Z') };
  let t: TestApp;
  afterEach(() => t.close());

  it("counts a rep's months for the team they were in at each month's end", async () => {
    t = await createTestApp({ store, now: () => clock.now });
    const admin = await t.token(TENANT_A, 'admin-1', ['admin']);
    const manager = await t.token(TENANT_A, 'manager-1', ['manager'], 'Mia Manager');
    const ana = await t.token(TENANT_A, 'rep-ana', ['rep'], 'Ana Souza');
    const ben = await t.token(TENANT_A, 'rep-ben', ['rep'], 'Ben Okafor');
    for (const token of [manager, ana, ben]) expect((await t.call('get-me', { token })).status).toBe(200);
    const setTeam = async (id: string, team: string) => {
      const member = (await t.call('list-members', { token: admin })).body.items.find((item: { id: string }) => item.id === id);
      const saved = await t.call('update-member', { token: admin, params: { id }, body: { team }, headers: { 'if-match': `"${member.version}"` } });
      expect(saved.status).toBe(200);
      return saved.body;
    };
    await setTeam('rep-ana', 'North');
    await setTeam('rep-ben', 'North');
    for (const team of ['North', 'South']) expect((await t.call('create-goal', { token: manager, body: { scope: 'team', team, metric: 'wonAmount', period: 'quarter', start: '2026-10', target: 10000 } })).status).toBe(201);
    clock.now = new Date('2026-10-10T10:00:00Z');
    await create(t, 'deal', { name: 'October', stage: 'won', amount: 1000, currency: 'USD' }, ana);
    // Ana moves to South in the middle of the quarter, and of November.
    clock.now = new Date('2026-11-16T09:00:00Z');
    expect((await setTeam('rep-ana', 'South')).teamHistory).toEqual([{ team: 'North', from: '2026-10-01' }, { team: 'South', from: '2026-11-16' }]);
    clock.now = new Date('2026-11-17T10:00:00Z');
    await create(t, 'deal', { name: 'November', stage: 'won', amount: 2000, currency: 'USD' }, ana);
    await create(t, 'deal', { name: 'Ben’s', stage: 'won', amount: 500, currency: 'USD' }, ben);
    const teams = (await t.call('goal-attainment', { token: manager, query: { period: 'quarter', view: 'team' } })).body.teams;
    const actualOf = (team: string) => teams.find((item: any) => item.goal.team === team && item.goal.metric === 'wonAmount')?.actual;
    // North keeps Ana's October and has Ben's November; South has Ana's November.
    expect([actualOf('North'), actualOf('South')]).toEqual([1500, 2000]);
  });
});
