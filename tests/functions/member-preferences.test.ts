import { TENANT_A, createTestApp, testStores, type TestApp } from './test-app';

// A member's time zone, language and daily plan by e-mail: filled at sign-in from what Outlook says, changed by the
// member in My preferences, or by an admin on the member.
describe.each(testStores)('member preferences, on %s', (store) => {
  let t: TestApp;
  let rep: string;
  beforeEach(async () => {
    t = await createTestApp({ store });
    rep = await t.token(TENANT_A, 'rep-1', ['rep'], 'Rita Rep', 'rita@contoso.example');
  });
  afterEach(() => t.close());

  const mine = async (token = rep) => (await t.call('get-my-preferences', { token })).body;
  const change = async (body: object, token = rep) => t.call('update-my-preferences', { token, body, headers: { 'if-match': `"${(await mine(token)).version}"` } });

  it('starts a member (as the previous release stored them) without a zone or language, and without the digest', async () => {
    expect(await mine()).toEqual({ dailyDigest: false, quoteAnswerMail: false, digestHour: 7, version: 1 });
  });

  it('fills the zone and language Outlook gave at sign-in, mapping a Windows zone, and never overwrites them', async () => {
    const filled = await t.call('detected-preferences', { token: rep, body: { timeZone: 'Tokyo Standard Time', displayLanguage: 'pt-BR' } });
    expect(filled.status).toBe(200);
    expect(filled.body).toMatchObject({ timeZone: 'Asia/Tokyo', language: 'pt', dailyDigest: false });
    // A later sign-in from elsewhere, or after the member chose: what is set stays.
    const again = await t.call('detected-preferences', { token: rep, body: { timeZone: 'America/New_York', displayLanguage: 'it-IT' } });
    expect(again.body).toMatchObject({ timeZone: 'Asia/Tokyo', language: 'pt', version: filled.body.version });
  });

  it('leaves out a zone or language Rapport does not know', async () => {
    const filled = await t.call('detected-preferences', { token: rep, body: { timeZone: 'Customized Time Zone', displayLanguage: 'de-DE' } });
    expect(filled.body).toEqual({ dailyDigest: false, quoteAnswerMail: false, digestHour: 7, version: 1 });
  });

  it('lets the member opt in and choose the hour, zone and language, on the version they read', async () => {
    const saved = await change({ dailyDigest: true, quoteAnswerMail: false, digestHour: 6, timeZone: 'America/Sao_Paulo', language: 'es' });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ dailyDigest: true, quoteAnswerMail: false, digestHour: 6, timeZone: 'America/Sao_Paulo', language: 'es', version: 2 });
    expect(await mine()).toEqual(saved.body);
    // Opting in makes them one of the digest job's members; opting out takes them off.
    expect(await t.app.store.getWork('daily-digest', `${TENANT_A}:rep-1`)).toMatchObject({ tenantId: TENANT_A, payload: { memberId: 'rep-1' } });
    const stale = await t.call('update-my-preferences', { token: rep, body: { dailyDigest: false }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect((await change({ dailyDigest: false })).status).toBe(200);
    expect(await t.app.store.getWork('daily-digest', `${TENANT_A}:rep-1`)).toBeNull();
  });

  it('refuses a zone that is not one with MEMBER.UNKNOWN_TIME_ZONE, and malformed values with the field named', async () => {
    const unknown = await change({ timeZone: 'Mars/Olympus_Mons' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'MEMBER.UNKNOWN_TIME_ZONE', details: { field: 'timeZone' } });
    for (const [body, path] of [
      [{ timeZone: 'Europe/Madrid; drop' }, 'timeZone'],
      [{ digestHour: 24 }, 'digestHour'],
      [{ language: 'de' }, 'language'],
      [{ dailyDigest: 'yes' }, 'dailyDigest'],
    ] as const) {
      const refused = await change(body);
      expect([refused.status, refused.body.error.code, refused.body.error.details.fields[0].path]).toEqual([400, 'REQUEST.VALIDATION_FAILED', path]);
    }
    expect(await mine()).toEqual({ dailyDigest: false, quoteAnswerMail: false, digestHour: 7, version: 1 });
  });

  it("lets an admin set a member's zone, language and digest, with the same check of the zone", async () => {
    await mine();
    const admin = await t.token(TENANT_A, 'admin-1', ['admin'], 'Ada Admin');
    const version = (await mine()).version;
    const refused = await t.call('update-member', { token: admin, params: { id: 'rep-1' }, body: { timeZone: 'Nowhere/Town' }, headers: { 'if-match': `"${version}"` } });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'MEMBER.UNKNOWN_TIME_ZONE']);
    const saved = await t.call('update-member', { token: admin, params: { id: 'rep-1' }, body: { timeZone: 'Europe/Rome', language: 'it', dailyDigest: true, digestHour: 8 }, headers: { 'if-match': `"${version}"` } });
    expect(saved.status).toBe(200);
    expect(await mine()).toMatchObject({ timeZone: 'Europe/Rome', language: 'it', dailyDigest: true, digestHour: 8 });
    expect(await t.app.store.getWork('daily-digest', `${TENANT_A}:rep-1`)).not.toBeNull();
  });
});
