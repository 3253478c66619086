import { createTestApp, TENANT_A, TENANT_B, USER_A, USER_B, type TestApp, testStores } from './test-app';

describe.each(testStores)('never-log lists on %s', (store) => {
  let t: TestApp;
  let rep: string;
  let otherRep: string;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp({ store });
    rep = await t.token(TENANT_A, USER_A, ['rep']);
    otherRep = await t.token(TENANT_A, USER_B, ['rep']);
    admin = await t.token(TENANT_A, 'the-admin', ['admin']);
  });
  afterEach(async () => {
    await t.close();
  });

  const mine = (token = rep) => t.call('get-my-never-log', { token });
  const setMine = (entries: unknown, version: string | number, token = rep) =>
    t.call('update-my-never-log', { token, body: { entries }, headers: { 'if-match': `"${version}"` } });
  const setTenant = async (neverLog: unknown, token = admin) => {
    const current = await t.call('get-settings', { token: admin });
    return t.call('update-settings', { token, body: { neverLog }, headers: { 'if-match': `"${current.body.version}"` } });
  };

  it('lets a rep keep their own list, normalized, and read it back with its version', async () => {
    const empty = await mine();
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ entries: [], tenant: [] });
    expect(empty.headers.get('etag')).toBe(`"${empty.body.version}"`);

    const saved = await setMine(['Mum <Mum@Home.example>', '@gmail.com', 'gmail.com'], empty.body.version);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ entries: ['mum@home.example', 'gmail.com'], tenant: [], version: empty.body.version + 1 });
    expect((await mine()).body.entries).toEqual(['mum@home.example', 'gmail.com']);
    // The change went through the record path: versioned and in the member's audit trail.
    const history = await t.app.store.history('member', TENANT_A, USER_A, { limit: 1 });
    expect(history.items[0]).toMatchObject({ version: saved.body.version, by: USER_A, changes: [{ field: 'neverLog', after: ['mum@home.example', 'gmail.com'] }] });
  });

  it('never shows or changes another rep’s list', async () => {
    const first = await mine();
    await setMine(['mum@home.example'], first.body.version);
    const theirs = await mine(otherRep);
    expect(theirs.body.entries).toEqual([]);
    await setMine(['partner@home.example'], theirs.body.version, otherRep);
    expect((await mine()).body.entries).toEqual(['mum@home.example']);
    expect((await mine(otherRep)).body.entries).toEqual(['partner@home.example']);
    // The members list, which everyone reads, leaves the lists out; so does an admin's change of the member.
    const members = await t.call('list-members', { token: otherRep });
    expect(JSON.stringify(members.body)).not.toContain('home.example');
    const member = (members.body.items as { id: string; version: number }[]).find((candidate) => candidate.id === USER_A)!;
    const changed = await t.call('update-member', { token: admin, params: { id: USER_A }, body: { team: 'North' }, headers: { 'if-match': `"${member.version}"` } });
    expect(changed.status).toBe(200);
    expect(changed.body.neverLog).toBeUndefined();
    expect((await mine()).body.entries).toEqual(['mum@home.example']);
    const history = await t.call('member-history', { token: admin, params: { id: USER_A } });
    expect(JSON.stringify(history.body)).not.toContain('mum@home.example');
  });

  it('refuses an entry that is neither an address nor a domain with a stable code, and keeps nothing', async () => {
    const first = await mine();
    await setMine(['mum@home.example'], first.body.version);
    const refused = await setMine(['gmail.com', 'not an address'], first.body.version + 1);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'NEVER_LOG.INVALID_ENTRY', details: { fields: [{ path: 'entries.1', code: 'NEVER_LOG.INVALID_ENTRY' }] } });
    const tooMany = await setMine(
      Array.from({ length: 501 }, (_, n) => `person${n}@example.com`),
      first.body.version + 1,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('NEVER_LOG.TOO_MANY');
    expect((await mine()).body).toMatchObject({ entries: ['mum@home.example'], version: first.body.version + 1 });
  });

  it('refuses a change made on a stale version, and loses neither', async () => {
    const first = await mine();
    expect((await setMine(['a@home.example'], first.body.version)).status).toBe(200);
    // A second pane still holding the first version.
    const stale = await setMine(['b@home.example'], first.body.version);
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('RECORD.STALE_VERSION');
    expect((await mine()).body.entries).toEqual(['a@home.example']);
    const noVersion = await t.call('update-my-never-log', { token: rep, body: { entries: [] } });
    expect(noVersion.status).toBe(428);
  });

  it('lets an admin keep the tenant’s list in the settings, which reps read but may not change', async () => {
    const saved = await setTenant(['https://www.partner.example/', 'CEO@rival.example']);
    expect(saved.status).toBe(200);
    expect(saved.body.neverLog).toEqual(['partner.example', 'ceo@rival.example']);
    expect((await t.call('get-settings', { token: rep })).body.neverLog).toEqual(['partner.example', 'ceo@rival.example']);
    expect((await mine()).body.tenant).toEqual(['partner.example', 'ceo@rival.example']);

    const refused = await setTenant(['anyone.example'], rep);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('AUTH.ROLE_REQUIRED');
    const invalid = await setTenant(['partner.example', 'oops']);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ code: 'NEVER_LOG.INVALID_ENTRY', details: { fields: [{ path: 'neverLog.1' }] } });
    expect((await t.call('get-settings', { token: rep })).body.neverLog).toEqual(['partner.example', 'ceo@rival.example']);
    // Another tenant has its own.
    expect((await t.call('get-settings', { token: await t.token(TENANT_B) })).body.neverLog).toEqual([]);
  });

  it('gives other services a matcher that sees both lists, the tenant’s first, and applies a change at once', async () => {
    const neverLog = t.app.services.neverLog;
    await setTenant(['partner.example']);
    const first = await mine();
    await setMine(['gmail.com', 'someone@partner.example'], first.body.version);
    const matcher = await neverLog.matcherFor(TENANT_A, USER_A);
    expect(matcher('anyone@gmail.com')).toBe('mine');
    expect(matcher('someone@partner.example')).toBe('tenant');
    expect(matcher('x@eu.partner.example')).toBe('tenant');
    expect(matcher('buyer@customer.example')).toBeNull();
    // Another rep has only the tenant's list; another tenant neither.
    expect((await neverLog.matcherFor(TENANT_A, USER_B))('anyone@gmail.com')).toBeNull();
    expect((await neverLog.matcherFor(TENANT_B, USER_A))('x@partner.example')).toBeNull();
    await setMine([], first.body.version + 1);
    expect((await neverLog.matcherFor(TENANT_A, USER_A))('anyone@gmail.com')).toBeNull();
  });

  it('keeps someone on the rep’s own list out of the send check’s “not in the CRM”, through the app’s own lists', async () => {
    const check = () => t.call('send-check', { token: rep, body: { to: ['friend@gmail.com'] } });
    expect((await check()).body.alerts).toEqual([expect.objectContaining({ kind: 'not-in-crm', email: 'friend@gmail.com' })]);
    const first = await mine();
    await setMine(['gmail.com'], first.body.version);
    expect((await check()).body.alerts.filter((alert: { kind: string }) => alert.kind === 'not-in-crm')).toEqual([]);
  });

  it('tells other services which domains may tie mail to a company: not free mail, not the tenant’s own', async () => {
    await t.call('update-settings', { token: admin, body: { ownDomains: ['rapport-demo.com'] }, headers: { 'if-match': '"0"' } });
    const linkable = await t.app.services.neverLog.companyLinkableFor(TENANT_A);
    expect(linkable('contoso.com')).toBe(true);
    expect(linkable('gmail.com')).toBe(false);
    expect(linkable('eu.rapport-demo.com')).toBe(false);
  });
});
