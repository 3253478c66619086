import { createTestApp, create, TENANT_A, type TestApp, testStores } from './test-app';

// What a rep captures from the pane: a call with its direction and outcome, a case opened with a description and the
// e-mail that opened it, a lead converted with the deal's amount and close date. On both stores.
describe.each(testStores)('capturing calls, cases and conversions on %s', (store) => {
  const now = Date.parse('2026-11-24T15:00:00Z');
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ store, now: () => new Date(now) });
  });
  afterEach(async () => {
    await t.close();
  });

  const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);

  it('logs a call with its direction, outcome and duration, and shows it on the contact’s timeline', async () => {
    const contact = await create(t, 'contact', { lastName: 'Costa', emails: ['ana@contoso.com'] });
    const call = await create(t, 'activity', {
      kind: 'call',
      subject: 'Call from Ana Costa',
      at: '2026-11-24T14:30:00Z',
      durationMinutes: 12,
      direction: 'inbound',
      outcome: 'connected',
      status: 'done',
      notes: 'Wants the revised quote.',
      contactIds: [contact.id],
    });
    expect(call).toMatchObject({ kind: 'call', direction: 'inbound', outcome: 'connected', durationMinutes: 12, status: 'done' });
    const timeline = await t.call('contact-timeline', { params: { id: contact.id } });
    expect(timeline.body.items[0]).toMatchObject({ id: call.id, direction: 'inbound' });
    // A call logged by the previous release, without a direction, is still read and changed.
    const older = await create(t, 'activity', { kind: 'call', subject: 'Old call', at: '2026-11-20T10:00:00Z', outcome: 'no-answer', contactIds: [contact.id] });
    expect(older.direction).toBeUndefined();
    const changed = await t.call('update-activity', { params: { id: older.id }, body: { direction: 'outbound' }, headers: { 'if-match': '"1"' } });
    expect(changed.body).toMatchObject({ direction: 'outbound', version: 2 });
  });

  it('refuses a direction it does not know, naming the field', async () => {
    const response = await t.call('create-activity', { body: { kind: 'call', subject: 'Sideways', at: '2026-11-24T14:00:00Z', direction: 'sideways', contactIds: [] } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error.details)).toContain('direction');
  });

  it('refuses an outcome for a call that has not happened yet (409 ACTIVITY.NOT_STARTED), and takes a call made earlier today', async () => {
    const future = await t.call('create-activity', { body: { kind: 'call', subject: 'Later', at: '2026-11-24T17:00:00Z', outcome: 'connected', direction: 'outbound', contactIds: [] } });
    expect(future.status).toBe(409);
    expect(future.body.error).toMatchObject({ code: 'ACTIVITY.NOT_STARTED', details: { field: 'outcome' } });
    const meeting = await create(t, 'activity', { kind: 'meeting', subject: 'Site visit', at: '2026-11-24T09:00:00Z', durationMinutes: 60, outcome: 'held', contactIds: [] });
    expect(meeting).toMatchObject({ status: 'done', outcome: 'held' });
  });

  it('answers a retried call log with the first one', async () => {
    const body = { kind: 'call', subject: 'Once', at: '2026-11-24T14:00:00Z', direction: 'outbound', outcome: 'left-voicemail', contactIds: [] };
    const first = await t.call('create-activity', { body, headers: { 'idempotency-key': 'call-once' } });
    const retry = await t.call('create-activity', { body, headers: { 'idempotency-key': 'call-once' } });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
    expect((await t.call('list-activities')).body.items).toHaveLength(1);
  });

  it('opens a case with a description; the e-mail that opened it shows on its timeline, once however often it is retried', async () => {
    const contact = await create(t, 'contact', { lastName: 'Ruiz', emails: ['eva@fabrikam.com'] });
    const caseBody = { subject: 'Scanner does not start', description: 'Since the update, the scanner stays dark.', type: 'incident', contactId: contact.id };
    const email = { kind: 'email', subject: 'Scanner does not start', at: '2026-11-24T13:00:00Z', contactIds: [contact.id], internetMessageId: '<opened@fabrikam.com>' };
    const open = async () => {
      const opened = await t.call('create-case', { body: caseBody, headers: { 'idempotency-key': 'case-1' } });
      const logged = await t.call('create-activity', { body: { ...email, caseId: opened.body.id }, headers: { 'idempotency-key': 'case-1:email' } });
      return { opened, logged };
    };
    const first = await open();
    expect(first.opened.status).toBe(201);
    expect(first.opened.body).toMatchObject({ description: 'Since the update, the scanner stays dark.', number: 1 });
    const again = await open();
    expect(again.opened.body.id).toBe(first.opened.body.id);
    expect(again.logged.body.id).toBe(first.logged.body.id);
    const timeline = await t.call('case-timeline', { params: { id: first.opened.body.id } });
    expect(timeline.body.items).toEqual([expect.objectContaining({ id: first.logged.body.id, kind: 'email', internetMessageId: '<opened@fabrikam.com>' })]);
    expect((await t.call('list-cases')).body.items).toHaveLength(1);
  });

  it('links an e-mail logged before to the case it opens, rather than logging it twice', async () => {
    const contact = await create(t, 'contact', { lastName: 'Ruiz', emails: ['eva@fabrikam.com'] });
    const logged = await create(t, 'activity', { kind: 'email', subject: 'Invoice wrong', at: '2026-11-24T12:00:00Z', contactIds: [contact.id], internetMessageId: '<invoice@fabrikam.com>' });
    const opened = await create(t, 'case', { subject: 'Invoice wrong', description: 'Billed twice.', contactId: contact.id });
    const twice = await t.call('create-activity', { body: { kind: 'email', subject: 'Invoice wrong', at: '2026-11-24T12:00:00Z', contactIds: [contact.id], internetMessageId: '<invoice@fabrikam.com>', caseId: opened.id }, headers: { 'idempotency-key': 'other-key' } });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'RECORD.ALREADY_LOGGED', details: { id: logged.id } });
    await t.call('update-activity', { params: { id: logged.id }, body: { caseId: opened.id }, headers: { 'if-match': '"1"' } });
    expect(ids(await t.call('case-timeline', { params: { id: opened.id } }))).toEqual([logged.id]);
    expect(ids(await t.call('contact-timeline', { params: { id: contact.id } }))).toEqual([logged.id]);
  });

  it('converts a lead with the deal’s amount, currency and expected close date, and refuses a date that is not one', async () => {
    const lead = await create(t, 'lead', { lastName: 'Bianchi', companyName: 'Ponteverde', email: 'g.bianchi@ponteverde.example' });
    const bad = await t.call('convert-lead', { params: { id: lead.id }, body: { deal: { name: 'Pilot', stage: 'proposal', expectedCloseDate: '2026-02-30' } }, headers: { 'if-match': '"1"' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('expectedCloseDate');
    const converted = await t.call('convert-lead', {
      params: { id: lead.id },
      body: { deal: { name: 'Pilot', stage: 'proposal', amount: 18500.5, currency: 'EUR', expectedCloseDate: '2027-01-31' } },
      headers: { 'if-match': '"1"' },
    });
    expect(converted.status).toBe(200);
    expect(converted.body.deal).toMatchObject({ name: 'Pilot', amount: 18500.5, currency: 'EUR', expectedCloseDate: '2027-01-31' });
  });

  it('puts a converted deal in the tenant’s reporting currency when neither the rep nor the lead names one', async () => {
    const admin = await t.token(TENANT_A, 'admin-1', ['admin']);
    const settings = await t.call('update-settings', { body: { reportingCurrency: 'EUR', exchangeRates: [] }, headers: { 'if-match': '"0"' }, token: admin });
    expect(settings.status).toBe(200);
    const lead = await create(t, 'lead', { lastName: 'Neri', companyName: 'Neri Srl' });
    const converted = await t.call('convert-lead', { params: { id: lead.id }, body: { deal: { name: 'Neri', stage: 'proposal', amount: 900 } }, headers: { 'if-match': '"1"' } });
    expect(converted.body.deal).toMatchObject({ amount: 900, currency: 'EUR' });
  });

  it('shows a lead’s calls, notes and logged e-mails on the lead’s timeline', async () => {
    const lead = await create(t, 'lead', { lastName: 'Moretti', email: 'moretti@example.org' });
    const call = await create(t, 'activity', { kind: 'call', subject: 'Call to Moretti', at: '2026-11-24T10:00:00Z', direction: 'outbound', outcome: 'no-answer', leadId: lead.id, contactIds: [] });
    const mail = await create(t, 'activity', { kind: 'email', subject: 'Hello', at: '2026-11-24T11:00:00Z', leadId: lead.id, contactIds: [], internetMessageId: '<hello@example.org>' });
    expect(ids(await t.call('lead-timeline', { params: { id: lead.id } }))).toEqual([mail.id, call.id]);
  });
});
