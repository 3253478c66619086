import { DEFAULT_STALE_DEAL_DAYS, sendAlertKinds } from '@rapport/shared';
import { TENANT_A, TENANT_B, createTestApp, create, type TestApp, testStores } from './test-app';

const DAY = 24 * 3600 * 1000;

// POST /api/send-check: what Outlook's send-time handler asks before a message goes, on each store adapter.
describe.each(testStores)('on %s', (store) => {
  let t: TestApp;
  // The API's clock: records are made at the start, and the check runs later when a test moves it on.
  const clock = { now: new Date('2026-11-02T09:00:00Z') };
  let contoso: any;
  let john: any;
  beforeEach(async () => {
    clock.now = new Date('2026-11-02T09:00:00Z');
    t = await createTestApp({ store, now: () => clock.now });
    contoso = await create(t, 'company', { name: 'Contoso', domains: ['contoso.com'] });
    john = await create(t, 'contact', { firstName: 'John', lastName: 'Doe', emails: ['john.doe@contoso.com'], companyId: contoso.id });
  });
  afterEach(async () => {
    await t.close();
  });

  const check = (body: object, token?: string) => t.call('send-check', { body, ...(token ? { token } : {}) });
  const later = (days: number) => {
    clock.now = new Date(clock.now.getTime() + days * DAY);
  };

  it('says nothing about a contact with nothing open', async () => {
    const response = await check({ to: ['"Doe, John" <John.Doe@contoso.com>'] });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ alerts: [], staleDealDays: DEFAULT_STALE_DEAL_DAYS, log: null });
  });

  it('names a recipient no contact and no lead has, in to, cc or bcc, once each', async () => {
    await create(t, 'lead', { lastName: 'Lee', email: 'lee@prospect.example' });
    const response = await check({ to: ['John.Doe@contoso.com', 'Ana Ruiz <ana@fabrikam.example>'], cc: ['lee@prospect.example'], bcc: ['ana@fabrikam.example', 'bo@gmail.com'] });
    expect(response.body.alerts).toEqual([
      { kind: 'not-in-crm', email: 'ana@fabrikam.example', name: 'Ana Ruiz' },
      { kind: 'not-in-crm', email: 'bo@gmail.com', name: null },
    ]);
  });

  it("never names a colleague: a member's address or one on the tenant's own domains", async () => {
    const admin = await t.token(TENANT_A, 'admin-1', ['admin'], 'Sam Admin', 'sam@rapport-team.example');
    const settings = await t.call('get-settings', { token: admin });
    const saved = await t.call('update-settings', { token: admin, headers: { 'if-match': `"${settings.body.version}"` }, body: { ownDomains: ['our-company.example'] } });
    expect(saved.status).toBe(200);
    const response = await check({ to: ['sam@rapport-team.example', 'jordan@our-company.example', 'pat@eu.our-company.example'], cc: ['stranger@elsewhere.example'] });
    expect(response.body.alerts).toEqual([{ kind: 'not-in-crm', email: 'stranger@elsewhere.example', name: null }]);
  });

  it("names an urgent open case of the recipient or their company, with its number and subject, but not a closed or ordinary one", async () => {
    const urgent = await create(t, 'case', { subject: 'Server down', priority: 'urgent', contactId: john.id });
    const atCompany = await create(t, 'case', { subject: 'Invoices wrong', priority: 'urgent', companyId: contoso.id });
    await create(t, 'case', { subject: 'Question', priority: 'high', contactId: john.id });
    await create(t, 'case', { subject: 'Fixed', priority: 'urgent', status: 'closed', contactId: john.id });
    const response = await check({ to: ['john.doe@contoso.com'] });
    expect(response.body.alerts).toEqual(
      expect.arrayContaining([
        { kind: 'urgent-case', email: 'john.doe@contoso.com', name: 'John Doe', caseId: urgent.id, number: urgent.number, subject: 'Server down' },
        { kind: 'urgent-case', email: 'john.doe@contoso.com', name: 'John Doe', caseId: atCompany.id, number: atCompany.number, subject: 'Invoices wrong' },
      ]),
    );
    expect(response.body.alerts).toHaveLength(2);
  });

  it('names a planned task for the contact that is past due, with its subject and due date, and not one still ahead or done', async () => {
    const promise = await create(t, 'activity', { kind: 'task', subject: 'Send the revised quote', at: '2026-11-05T17:00:00Z', contactIds: [john.id] });
    await create(t, 'activity', { kind: 'task', subject: 'Call back next month', at: '2026-12-01T09:00:00Z', contactIds: [john.id] });
    await create(t, 'activity', { kind: 'task', subject: 'Already done', at: '2026-11-03T09:00:00Z', status: 'done', contactIds: [john.id] });
    later(5);
    const response = await check({ cc: ['john.doe@contoso.com'] });
    expect(response.body.alerts).toEqual([
      { kind: 'overdue-promise', email: 'john.doe@contoso.com', name: 'John Doe', activityId: promise.id, subject: 'Send the revised quote', dueAt: promise.at },
    ]);
  });

  it("names an open deal of the contact's or company's with no activity for more than the tenant's days, and follows the setting", async () => {
    const quiet = await create(t, 'deal', { name: 'Expansion', stage: 'proposal', contactIds: [john.id] });
    const companyDeal = await create(t, 'deal', { name: 'Renewal', stage: 'proposal', companyId: contoso.id });
    const busy = await create(t, 'deal', { name: 'Pilot', stage: 'proposal', contactIds: [john.id] });
    await create(t, 'deal', { name: 'Won long ago', stage: 'won', contactIds: [john.id] });
    later(12);
    await create(t, 'activity', { kind: 'call', subject: 'Pilot call', at: clock.now.toISOString(), dealId: busy.id, contactIds: [john.id] });
    later(8);
    const response = await check({ to: ['john.doe@contoso.com'] });
    const stale = response.body.alerts.filter((alert: any) => alert.kind === 'stale-deal');
    expect(stale.map((alert: any) => alert.dealName).sort()).toEqual(['Expansion', 'Renewal']);
    expect(stale.find((alert: any) => alert.dealId === quiet.id)).toEqual({
      kind: 'stale-deal',
      email: 'john.doe@contoso.com',
      name: 'John Doe',
      dealId: quiet.id,
      dealName: 'Expansion',
      lastWorkedAt: quiet.createdAt,
      days: 14,
    });
    expect(stale.some((alert: any) => alert.dealId === companyDeal.id)).toBe(true);

    // An admin allows 30 days: nothing is quiet for that long yet.
    const admin = await t.token(TENANT_A, 'admin-1', ['admin']);
    const settings = await t.call('get-settings', { token: admin });
    expect(settings.body.staleDealDays).toBe(14);
    const saved = await t.call('update-settings', { token: admin, headers: { 'if-match': `"${settings.body.version}"` }, body: { staleDealDays: 30 } });
    expect(saved.body.staleDealDays).toBe(30);
    const after = await check({ to: ['john.doe@contoso.com'] });
    expect(after.body).toEqual({ alerts: [], staleDealDays: 30, log: null });
  });

  it('checks the deal the message is about even when no recipient is on it, and ignores an id the tenant does not have', async () => {
    const other = await create(t, 'deal', { name: 'Elsewhere', stage: 'proposal' });
    later(20);
    const named = await check({ to: ['john.doe@contoso.com'], dealId: other.id });
    expect(named.body.alerts.map((alert: any) => [alert.kind, alert.dealName])).toEqual([['stale-deal', 'Elsewhere']]);
    const unknown = await check({ to: ['john.doe@contoso.com'], dealId: 'no-such-deal' });
    expect(unknown.body.alerts).toEqual([]);
  });

  it("never sees another tenant's records: its contacts are strangers here, its cases, tasks and deals are not named", async () => {
    const tokenB = await t.token(TENANT_B, 'user-b', ['rep']);
    const theirs = await create(t, 'contact', { lastName: 'Theirs', emails: ['theirs@tenant-b.example'] }, tokenB);
    await create(t, 'case', { subject: 'B urgent', priority: 'urgent', contactId: theirs.id }, tokenB);
    const theirDeal = await create(t, 'deal', { name: 'B deal', stage: 'proposal', contactIds: [theirs.id] }, tokenB);
    later(20);
    const fromA = await check({ to: ['theirs@tenant-b.example'], dealId: theirDeal.id });
    expect(fromA.body.alerts).toEqual([{ kind: 'not-in-crm', email: 'theirs@tenant-b.example', name: null }]);
    // And tenant B's own check does not see tenant A's contact.
    const fromB = await check({ to: ['john.doe@contoso.com'] }, tokenB);
    expect(fromB.body.alerts).toEqual([{ kind: 'not-in-crm', email: 'john.doe@contoso.com', name: null }]);
  });

  it('orders the alerts: strangers first, then urgent cases, overdue promises and quiet deals', async () => {
    await create(t, 'deal', { name: 'Expansion', stage: 'proposal', contactIds: [john.id] });
    await create(t, 'activity', { kind: 'task', subject: 'Quote', at: '2026-11-03T09:00:00Z', contactIds: [john.id] });
    await create(t, 'case', { subject: 'Down', priority: 'urgent', contactId: john.id });
    later(20);
    const response = await check({ to: ['john.doe@contoso.com', 'new@fabrikam.example'] });
    expect(response.body.alerts.map((alert: any) => alert.kind)).toEqual([...sendAlertKinds]);
  });

  describe('refuses what it cannot check with 400 and a typed code', () => {
    it.each([
      ['no body fields it knows', { recipients: ['a@b.example'] }],
      ['a recipient that is not text', { to: [42] }],
      ['too many recipients in one field', { to: Array.from({ length: 101 }, (_, index) => `r${index}@x.example`) }],
      ['too many recipients across fields', { to: Array.from({ length: 60 }, (_, index) => `t${index}@x.example`), cc: Array.from({ length: 41 }, (_, index) => `c${index}@x.example`) }],
      ['a deal id with a path in it', { to: ['a@b.example'], dealId: '../deals/x' }],
    ])('%s', async (_, body) => {
      const response = await check(body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('REQUEST.VALIDATION_FAILED');
    });

    it('more than 100 addresses written into a few fields', async () => {
      // Three fields of 34 addresses each: within the schema's bounds, beyond what one check reads.
      const header = (field: string) => Array.from({ length: 34 }, (_, index) => `${field}${index}@x.example`).join(', ');
      const response = await check({ to: [header('t')], cc: [header('c')], bcc: [header('b')] });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('SEND_CHECK.TOO_MANY_RECIPIENTS');
    });

    it('a staleDealDays setting out of range', async () => {
      const admin = await t.token(TENANT_A, 'admin-1', ['admin']);
      for (const staleDealDays of [0, 366, 1.5]) {
        const response = await t.call('update-settings', { token: admin, headers: { 'if-match': '"0"' }, body: { staleDealDays } });
        expect([staleDealDays, response.status, response.body.error.code]).toEqual([staleDealDays, 400, 'REQUEST.VALIDATION_FAILED']);
      }
    });
  });

  describe('Log on send', () => {
    // A rep who signed in with their address: the mailbox a sent message is looked for in.
    const rita = () => t.token(TENANT_A, 'rita', ['rep'], 'Rita Rep', 'rita@rapport.example');
    const queued = (marker: string) => t.app.store.getWork('log-sent-mail', marker);

    it('logs by default a message to a contact or a lead: the answer gives the marker, and the capture is queued', async () => {
      const response = await check({ to: ['John.Doe@contoso.com'], conversationId: 'AAQkThread1=' }, await rita());
      expect(response.body.log.marker).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const work = await queued(response.body.log.marker);
      expect(work).toMatchObject({ tenantId: TENANT_A, attempts: 0, payload: { userId: 'rita', mailbox: 'rita@rapport.example', marker: response.body.log.marker, conversationId: 'AAQkThread1=' } });
      // Looked for a minute later: Outlook sends within seconds.
      expect(Date.parse(work!.dueAt) - clock.now.getTime()).toBe(60_000);
      const lead = await create(t, 'lead', { lastName: 'Lee', email: 'lee@prospect.example' });
      expect(lead.id).toBeTruthy();
      expect((await check({ to: ['lee@prospect.example'] }, await rita())).body.log).not.toBeNull();
    });

    it('does not log by default a message to strangers or colleagues only, nor one the rep switched off', async () => {
      const token = await rita();
      expect((await check({ to: ['ana@fabrikam.example'] }, token)).body.log).toBeNull();
      expect((await check({ to: ['colleague@rapport.example'] }, token)).body.log).toBeNull();
      expect((await check({ to: ['John.Doe@contoso.com'], log: { choice: 'off' } }, token)).body.log).toBeNull();
    });

    it('logs a message to a stranger when the rep switched it on, with the deal they chose', async () => {
      const deal = await create(t, 'deal', { name: 'Fabrikam pilot', amount: 1000, currency: 'EUR', stage: 'proposal', contactIds: [john.id] });
      const response = await check({ to: ['ana@fabrikam.example'], log: { choice: 'on' }, dealId: deal.id }, await rita());
      expect((await queued(response.body.log.marker))?.payload).toMatchObject({ dealId: deal.id });
    });

    it('gives the same marker when Send is pressed again, and never one that is not the rep\'s', async () => {
      const token = await rita();
      const first = (await check({ to: ['John.Doe@contoso.com'] }, token)).body.log.marker;
      const again = await check({ to: ['John.Doe@contoso.com'], log: { choice: 'auto', marker: first } }, token);
      expect(again.body.log.marker).toBe(first);
      // Another rep of the tenant, and a rep of another tenant, who send the marker get their own.
      const other = await check({ to: ['John.Doe@contoso.com'], log: { marker: first } }, await t.token(TENANT_A, 'sam', ['rep'], 'Sam', 'sam@rapport.example'));
      expect(other.body.log.marker).not.toBe(first);
      await create(t, 'contact', { lastName: 'Doe', emails: ['john.doe@contoso.com'] }, await t.token(TENANT_B, 'bea', ['rep'], 'Bea', 'bea@b.example'));
      const foreign = await check({ to: ['John.Doe@contoso.com'], log: { marker: first } }, await t.token(TENANT_B, 'bea', ['rep'], 'Bea', 'bea@b.example'));
      expect(foreign.body.log.marker).not.toBe(first);
      expect((await queued(first))?.payload).toMatchObject({ userId: 'rita' });
    });

    it('refuses a marker that is not one (400), and queues nothing', async () => {
      const response = await check({ to: ['John.Doe@contoso.com'], log: { choice: 'on', marker: '../../x' } }, await rita());
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(await t.app.store.dueWork('log-sent-mail', '9999-01-01T00:00:00.000Z', 10)).toEqual([]);
    });
  });

  it('lets only admins change the days (403 for a rep)', async () => {
    const response = await t.call('update-settings', { headers: { 'if-match': '"0"' }, body: { staleDealDays: 7 } });
    expect(response.status).toBe(403);
  });
});
