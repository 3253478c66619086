import { TENANT_A, create, createTestApp, testStores, type TestApp } from './test-app';

type Activity = { id: string; kind: string; subject: string; at: string; status: string; ownerId: string; contactIds: string[]; companyId?: string; dealId?: string };

// Activity plans (issue 20, part 3a): a manager's template of dated activities, applied to a record, a team's records or
// a territory's companies, plans the activities for the records' owners; reps' weekly activity targets.
describe.each(testStores)('activity plans on %s', (store) => {
  // Monday 16 November 2026.
  const clock = { now: new Date('2026-11-16T08:00:00Z') };
  let t: TestApp;
  let admin: string;
  let manager: string;
  let ana: string;
  let ben: string;

  beforeEach(async () => {
    clock.now = new Date('2026-11-16T08:00:00Z');
    t = await createTestApp({ store, now: () => clock.now });
    admin = await t.token(TENANT_A, 'admin-1', ['admin']);
    manager = await t.token(TENANT_A, 'manager-1', ['manager'], 'Mia Manager');
    ana = await t.token(TENANT_A, 'rep-ana', ['rep'], 'Ana Souza');
    ben = await t.token(TENANT_A, 'rep-ben', ['rep'], 'Bruno Lima');
    for (const token of [manager, ana, ben]) expect((await t.call('get-me', { token })).status).toBe(200);
    for (const id of ['rep-ana', 'rep-ben']) {
      const member = (await t.call('list-members', { token: admin })).body.items.find((item: { id: string }) => item.id === id);
      expect((await t.call('update-member', { token: admin, params: { id }, body: { team: 'North' }, headers: { 'if-match': `"${member.version}"` } })).status).toBe(200);
    }
  });
  afterEach(() => t.close());

  const onboarding = {
    name: 'New customer onboarding',
    steps: [
      { dayOffset: 1, kind: 'call', subject: 'Welcome call' },
      { dayOffset: 5, kind: 'meeting', subject: 'Kick-off meeting', durationMinutes: 60 },
      { dayOffset: 30, kind: 'task', subject: 'Check-in after 30 days', notes: 'Ask how the first month went' },
    ],
  };
  const newPlan = async (body: object = onboarding) => {
    const created = await t.call('create-activityPlan', { token: manager, body });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const apply = (id: string, body: object, token = manager, headers: Record<string, string> = {}) => t.call('apply-activity-plan', { token, params: { id }, body, headers });
  const activitiesOf = async (ownerId: string): Promise<Activity[]> =>
    (await t.call('list-activities', { token: manager, query: { ownerId, limit: '100' } })).body.items;

  it('plans one activity per step on a contact, for its owner, due at 09:00 in the caller’s zone, weekends moved to Monday', async () => {
    const company = await create(t, 'company', { name: 'Contoso' }, ana);
    const contact = await create(t, 'contact', { firstName: 'Lia', lastName: 'Costa', companyId: company.id }, ana);
    const plan = await newPlan();

    const answer = await apply(plan, { target: { type: 'record', kind: 'contact', id: contact.id }, start: '2026-11-16', timeZone: 'Europe/Lisbon' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ records: 1, created: 3, existing: 0, owners: [{ memberId: 'rep-ana', name: 'Ana Souza', created: 3 }], start: '2026-11-16' });

    const planned = (await activitiesOf('rep-ana')).sort((a, b) => a.at.localeCompare(b.at));
    expect(planned.map((activity) => [activity.kind, activity.subject, activity.at, activity.status])).toEqual([
      ['call', 'Welcome call', '2026-11-17T09:00:00.000Z', 'planned'],
      // Day 5 is Saturday 21 November: moved to Monday the 23rd.
      ['meeting', 'Kick-off meeting', '2026-11-23T09:00:00.000Z', 'planned'],
      // Day 30 is Wednesday 16 December.
      ['task', 'Check-in after 30 days', '2026-12-16T09:00:00.000Z', 'planned'],
    ]);
    // Linked to the contact and, as an activity logged there is, to its company.
    expect(planned.every((activity) => activity.contactIds[0] === contact.id && activity.companyId === company.id)).toBe(true);
    // The contact's planned work counts them.
    const work = await t.call('contact-work', { token: ana, params: { id: contact.id }, query: { dayStart: '2026-11-16T00:00:00Z', dayEnd: '2026-11-17T00:00:00Z' } });
    expect(work.body).toMatchObject({ overdue: 0, dueToday: 0, planned: 3 });
  });

  it('plans nothing twice when the same plan is applied to the same record from the same start', async () => {
    const deal = await create(t, 'deal', { name: 'Seats', stage: 'qualification', amount: 1000, currency: 'EUR' }, ben);
    const plan = await newPlan();
    const target = { target: { type: 'record', kind: 'deal', id: deal.id }, start: '2026-11-16' };
    expect((await apply(plan, target)).body).toMatchObject({ created: 3, existing: 0 });
    expect((await apply(plan, target)).body).toMatchObject({ created: 0, existing: 3, owners: [] });
    expect(await activitiesOf('rep-ben')).toHaveLength(3);
    // Another start is another round of the plan.
    expect((await apply(plan, { ...target, start: '2026-12-01' })).body).toMatchObject({ created: 3, existing: 0 });
    expect((await activitiesOf('rep-ben')).every((activity) => activity.dealId === deal.id)).toBe(true);
  });

  it('answers a retry with the same Idempotency-Key as it answered the first time, and refuses the key for another request', async () => {
    const company = await create(t, 'company', { name: 'Fabrikam' }, ana);
    const plan = await newPlan();
    const body = { target: { type: 'record', kind: 'company', id: company.id }, start: '2026-11-16' };
    const headers = { 'idempotency-key': 'apply-fabrikam-1' };
    const first = await apply(plan, body, manager, headers);
    const retry = await apply(plan, body, manager, headers);
    expect(first.body).toMatchObject({ created: 3, existing: 0 });
    expect(retry.body).toEqual(first.body);
    expect(await activitiesOf('rep-ana')).toHaveLength(3);
    const reused = await apply(plan, { ...body, start: '2026-12-01' }, manager, headers);
    expect([reused.status, reused.body.error.code]).toEqual([422, 'IDEMPOTENCY.KEY_REUSED']);
  });

  it("plans for a team's open deals, each for its owner, and names who got how many", async () => {
    await create(t, 'deal', { name: 'Ana open', stage: 'qualification', amount: 100, currency: 'EUR' }, ana);
    await create(t, 'deal', { name: 'Ana won', stage: 'won', amount: 100, currency: 'EUR' }, ana);
    await create(t, 'deal', { name: 'Bruno open 1', stage: 'qualification', amount: 100, currency: 'EUR' }, ben);
    await create(t, 'deal', { name: 'Bruno open 2', stage: 'proposal', amount: 100, currency: 'EUR' }, ben);
    await create(t, 'deal', { name: 'Manager open', stage: 'qualification', amount: 100, currency: 'EUR' }, manager);
    const plan = await newPlan({ name: 'Deal follow-up', steps: [{ dayOffset: 0, kind: 'call', subject: 'Follow-up call' }] });

    const answer = await apply(plan, { target: { type: 'team', team: 'north', records: 'openDeals' }, start: '2026-11-16' });
    expect(answer.status).toBe(200);
    expect(answer.body.records).toBe(3);
    expect(answer.body.owners).toEqual(expect.arrayContaining([{ memberId: 'rep-ana', name: 'Ana Souza', created: 1 }, { memberId: 'rep-ben', name: 'Bruno Lima', created: 2 }]));
    expect(await activitiesOf('manager-1')).toEqual([]);

    const unknown = await apply(plan, { target: { type: 'team', team: 'South', records: 'companies' } });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'ACTIVITY_PLAN.UNKNOWN_TEAM']);
  });

  it("plans for a territory's companies: those its reps own in it", async () => {
    const territory = await create(t, 'territory', { name: 'Lisbon', cities: ['Lisboa'], repIds: ['rep-ana'] }, admin);
    const inside = await create(t, 'company', { name: 'Inside', territoryId: territory.id }, ana);
    await create(t, 'company', { name: 'Elsewhere' }, ana);
    const plan = await newPlan({ name: 'Visit', steps: [{ dayOffset: 2, kind: 'meeting', subject: 'Visit' }] });

    const answer = await apply(plan, { target: { type: 'territory', territoryId: territory.id }, start: '2026-11-16' });
    expect(answer.body).toMatchObject({ records: 1, created: 1, owners: [{ memberId: 'rep-ana', created: 1 }] });
    expect((await activitiesOf('rep-ana')).map((activity) => activity.companyId)).toEqual([inside.id]);
  });

  it('refuses more records than one apply takes, saying what to do, and plans none of them', async () => {
    for (let n = 0; n < 21; n++) await create(t, 'company', { name: `Company ${n}` }, ana);
    const steps = Array.from({ length: 50 }, (_, n) => ({ dayOffset: n, kind: 'task', subject: `Step ${n + 1}` }));
    const plan = await newPlan({ name: 'Long', steps });
    const answer = await apply(plan, { target: { type: 'team', team: 'North', records: 'companies' } });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('ACTIVITY_PLAN.TOO_MANY_RECORDS');
    expect(answer.body.error.message).toMatch(/1050 activities for 21 records.*smaller team or territory/);
    expect(await activitiesOf('rep-ana')).toEqual([]);
  });

  it('lets only managers write and apply plans; reps read them', async () => {
    const plan = await newPlan();
    const contact = await create(t, 'contact', { lastName: 'Doe' }, ana);
    expect((await t.call('create-activityPlan', { token: ana, body: onboarding })).status).toBe(403);
    expect((await t.call('get-activityPlan', { token: ana, params: { id: plan } })).body.name).toBe('New customer onboarding');
    const refused = await apply(plan, { target: { type: 'record', kind: 'contact', id: contact.id } }, ana);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'AUTH.ROLE_REQUIRED']);
    const missing = await apply('no-such-plan', { target: { type: 'record', kind: 'contact', id: contact.id } });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'RECORD.NOT_FOUND']);
    const badStep = await t.call('create-activityPlan', { token: manager, body: { name: 'Bad', steps: [{ dayOffset: 400, kind: 'note', subject: 'x' }] } });
    expect(badStep.status).toBe(400);
  });

  it('starts on the caller’s today when no start is given', async () => {
    // 23:30 on Sunday in UTC is already Monday noon in Auckland.
    clock.now = new Date('2026-11-15T23:30:00Z');
    const contact = await create(t, 'contact', { lastName: 'Doe' }, ana);
    const plan = await newPlan({ name: 'Today', steps: [{ dayOffset: 0, kind: 'call', subject: 'Call today' }] });
    expect((await apply(plan, { target: { type: 'record', kind: 'contact', id: contact.id }, timeZone: 'Pacific/Auckland' })).body.start).toBe('2026-11-16');
    expect((await apply(plan, { target: { type: 'record', kind: 'contact', id: contact.id } })).body.start).toBe('2026-11-15');
  });

  describe('weekly activity targets', () => {
    it("counts a rep's done calls of the week (Monday to Sunday) against their weekly target", async () => {
      const goal = await t.call('create-goal', { token: manager, body: { scope: 'rep', memberId: 'rep-ana', metric: 'activities', activityKind: 'call', period: 'week', start: '2026-11-16', target: 20, stretch: 25 } });
      expect(goal.status).toBe(201);
      await create(t, 'activity', { kind: 'call', subject: 'Monday call', at: '2026-11-16T07:00:00Z', status: 'done' }, ana);
      await create(t, 'activity', { kind: 'call', subject: 'Sunday call', at: '2026-11-22T20:00:00Z', status: 'done' }, ana);
      await create(t, 'activity', { kind: 'call', subject: 'Last week', at: '2026-11-15T20:00:00Z', status: 'done' }, ana);
      await create(t, 'activity', { kind: 'meeting', subject: 'Meeting', at: '2026-11-16T07:30:00Z', status: 'done' }, ana);
      await create(t, 'activity', { kind: 'call', subject: 'Planned', at: '2026-11-18T10:00:00Z', status: 'planned' }, ana);
      await create(t, 'activity', { kind: 'call', subject: 'Bruno’s', at: '2026-11-16T07:00:00Z', status: 'done' }, ben);

      // Wednesday noon: 2.5 of 7 days gone.
      clock.now = new Date('2026-11-18T12:00:00Z');
      const answer = await t.call('goal-attainment', { token: ana, query: { period: 'week' } });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ period: 'week', start: '2026-11-16', ends: '2026-11-23', teams: [], territories: [], company: [] });
      expect(answer.body.reps).toEqual([expect.objectContaining({ goal: expect.objectContaining({ period: 'week', target: 20 }), actual: 2, ratio: 0.1 })]);
      expect(answer.body.reps[0].projected).toBeCloseTo(5.6);
      // Any day of the week finds it; the manager sees every rep's.
      const team = await t.call('goal-attainment', { token: manager, query: { period: 'week', day: '2026-11-22', view: 'team' } });
      expect(team.body.reps.map((item: { goal: { memberId: string }; actual: number }) => [item.goal.memberId, item.actual])).toEqual([['rep-ana', 2]]);
    });

    it('refuses a week that does not start on a Monday, and a weekly target of anything but activities', async () => {
      const tuesday = await t.call('create-goal', { token: manager, body: { scope: 'rep', memberId: 'rep-ana', metric: 'activities', activityKind: 'call', period: 'week', start: '2026-11-17', target: 20 } });
      expect(tuesday.status).toBe(400);
      expect(JSON.stringify(tuesday.body.error.details)).toMatch(/Monday/);
      const amount = await t.call('create-goal', { token: manager, body: { scope: 'rep', memberId: 'rep-ana', metric: 'wonAmount', period: 'week', start: '2026-11-16', target: 20 } });
      expect(amount.status).toBe(400);
      const monthAsDay = await t.call('create-goal', { token: manager, body: { scope: 'tenant', metric: 'wonDeals', period: 'month', start: '2026-11-01', target: 2 } });
      expect(monthAsDay.status).toBe(400);
    });
  });
});
