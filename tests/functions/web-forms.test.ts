import { formKeyOf, webFormSnippet } from '@rapport/shared';
import { createTestApp, testStores, TENANT_A, type TestApp } from './test-app';

describe.each(testStores)('web forms on %s', (store) => {
  let t: TestApp;
  let admin: string;
  let formKey: string;
  let formId: string;

  const submit = (body: unknown, options: { key?: string; headers?: Record<string, string> } = {}) =>
    t.call('submit-web-form', { token: null, params: { formKey: options.key ?? formKey }, body, ...(options.headers ? { headers: options.headers } : {}) });
  const leads = async () => (await t.call('list-leads', { query: { limit: '100' } })).body.items as any[];
  const activities = async () => (await t.call('list-activities', { query: { limit: '100' } })).body.items as any[];

  const open = async (env: Record<string, string> = {}) => {
    t = await createTestApp({ store, env });
    admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    await t.call('create-campaign', { token: admin, body: { name: 'Website 2026', channel: 'web' } });
    // A form may name its campaign by its name, as the API's users and older panes do.
    const form = await t.call('create-form', { token: admin, body: { name: 'Contact us', campaign: 'Website 2026' } });
    expect(form.status).toBe(201);
    formId = form.body.id;
    formKey = formKeyOf(form.body);
  };
  beforeEach(async () => open());
  afterEach(async () => t.close());

  it("gives the admin a snippet to paste: a plain form posting to the key, with a hidden honeypot and the tracked link's code", () => {
    const snippet = webFormSnippet('https://api.contoso.example/', formKey);
    expect(snippet).toContain(`<form action="https://api.contoso.example/api/forms/${encodeURIComponent(formKey)}/leads" method="post">`);
    expect(snippet).toContain('<input name="lastName" type="text" required');
    expect(snippet).toContain('<input name="website" tabindex="-1" autocomplete="off">');
    expect(snippet).toContain('<input type="hidden" name="rp_code">');
    // One script, after the form, that fills that field (tests/shared/link.rules.test.ts runs it).
    expect(snippet.match(/<script/g)).toHaveLength(1);
    expect(snippet.indexOf('<script>')).toBeGreaterThan(snippet.indexOf('</form>'));
  });

  it("reaches a new form by its public key alone (128 random bits), and a form made before public keys by its tenant and id", async () => {
    expect(formKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(formKey).not.toContain(formId);
    expect((await submit({ lastName: 'Lind', email: 'rosa@lindqvist.example' })).status).toBe(202);
    expect((await submit({ lastName: 'Lind', email: 'rosa@lindqvist.example' }, { key: `${TENANT_A}.${formId}` })).status).toBe(404);
    // As the previous release stored it: no public key, and snippets pasted with its tenant and id.
    const at = '2026-01-10T09:00:00.000Z';
    await t.app.store.createMany('form', [{ tenantId: TENANT_A, id: 'older-form', name: 'Older form', revoked: false, createdAt: at, createdBy: 'the-admin', updatedAt: at, updatedBy: 'the-admin', ownerId: 'the-admin', version: 1 }]);
    expect(formKeyOf({ tenantId: TENANT_A, id: 'older-form' })).toBe(`${TENANT_A}.older-form`);
    expect((await submit({ lastName: 'Okafor', email: 'dami@okafor.example' }, { key: `${TENANT_A}.older-form` })).status).toBe(202);
  });

  it("makes a new lead from a visitor's JSON post, with the form's campaign and the message as a note", async () => {
    const response = await submit({ firstName: 'Rosa', lastName: 'Lind', email: 'Rosa.Lind@Lindqvist.example', company: 'Lindqvist AB', country: 'Sweden', message: 'Please call me about pricing.', website: '' });
    expect(response).toMatchObject({ status: 202, body: { status: 'received' } });
    const [lead] = await leads();
    expect(lead).toMatchObject({ firstName: 'Rosa', lastName: 'Lind', email: 'rosa.lind@lindqvist.example', companyName: 'Lindqvist AB', source: 'web-form', campaign: 'Website 2026', status: 'new', address: { country: 'Sweden' } });
    const timeline = await t.call('lead-timeline', { params: { id: lead.id } });
    expect(timeline.body.items).toMatchObject([{ kind: 'note', subject: 'Web form "Contact us"', notes: 'Please call me about pricing.' }]);
  });

  it("takes a browser's form post and shows a thank-you page, or sends it to the form's own", async () => {
    const form = { headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    const plain = await submit('firstName=Ana&lastName=S%C3%A1&email=ana%40sa.example&phone=&company=&message=', form);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(plain.text).toContain('<h1>Thank you</h1>');
    expect((await leads()).map((lead) => lead.lastName)).toEqual(['Sá']);

    await t.call('update-form', { token: admin, params: { id: formId }, headers: { 'if-match': '"1"' }, body: { thankYouUrl: 'https://www.contoso.example/thanks' } });
    const redirected = await submit('lastName=Bo&email=bo%40bo.example', form);
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get('location')).toBe('https://www.contoso.example/thanks');
  });

  it('makes no second lead for an address the CRM knows: the visit is noted on the lead or the contact', async () => {
    await submit({ lastName: 'Lind', email: 'rosa@lindqvist.example' });
    await submit({ lastName: 'Lind', email: 'ROSA@lindqvist.example', message: 'Me again.' });
    const contact = await t.call('create-contact', { body: { lastName: 'Okafor', emails: ['dami@okafor.example'] } });
    const known = await submit({ lastName: 'Okafor', email: 'dami@okafor.example', message: 'Order status?' });
    expect(known).toMatchObject({ status: 202, body: { status: 'received' } });
    const [lead, ...others] = await leads();
    expect([lead.email, others]).toEqual(['rosa@lindqvist.example', []]);
    const notes = await activities();
    expect(notes.find((note) => note.leadId === lead.id)).toMatchObject({ notes: 'Me again.' });
    expect(notes.find((note) => note.contactIds.includes(contact.body.id))).toMatchObject({ notes: 'Order status?', subject: 'Web form "Contact us"' });
  });

  it('answers a bot that fills the honeypot as usual, and stores nothing', async () => {
    const response = await submit({ lastName: 'Spam', email: 'bot@spam.example', website: 'http://cheap-pills.example' });
    expect(response).toMatchObject({ status: 202, body: { status: 'received' } });
    expect(await leads()).toEqual([]);
    expect(await activities()).toEqual([]);
  });

  it('refuses unknown, malformed and revoked keys, and malformed bodies, storing nothing', async () => {
    const notFound = { status: 404, body: { error: { code: 'FORM.NOT_FOUND' } } };
    expect(await submit({ lastName: 'A', email: 'a@a.example' }, { key: `${TENANT_A}.no-such-form` })).toMatchObject(notFound);
    expect(await submit({ lastName: 'A', email: 'a@a.example' }, { key: 'garbage' })).toMatchObject(notFound);
    expect(await submit({ lastName: 'A', email: 'a@a.example' }, { key: `tenant-b.${formId}` })).toMatchObject(notFound);
    expect((await submit('{"lastName":', {})).body.error.code).toBe('REQUEST.MALFORMED_JSON');
    expect((await submit({ email: 'a@a.example' })).status).toBe(400);
    expect((await submit({ lastName: 'A', email: 'not-an-address' })).status).toBe(400);
    expect((await submit({ lastName: 'A', email: 'a@a.example', isAdmin: true })).status).toBe(400);
    expect((await submit('lastName=A', { headers: { 'content-type': 'text/plain' } })).status).toBe(415);

    const form = await t.call('get-form', { params: { id: formId } });
    await t.call('update-form', { token: admin, params: { id: formId }, headers: { 'if-match': form.headers.get('etag')! }, body: { revoked: true } });
    expect(await submit({ lastName: 'A', email: 'a@a.example' })).toMatchObject({ status: 410, body: { error: { code: 'FORM.REVOKED' } } });
    expect(await leads()).toEqual([]);
  });

  it('limits a burst per visitor and per form with 429 and Retry-After, storing nothing of what it refused', async () => {
    await t.close();
    await open({ WEB_FORM_LIMIT_PER_MINUTE: '3', WEB_FORM_TOTAL_LIMIT_PER_MINUTE: '5' });
    const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await submit({ lastName: `V${i}`, email: `v${i}@one.example` }, from('203.0.113.7'))).status);
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    // Another visitor still gets through, until the form's own limit.
    const others = [];
    for (let i = 0; i < 4; i++) others.push((await submit({ lastName: `W${i}`, email: `w${i}@two.example` }, from(`198.51.100.${i}`))).status);
    expect(others).toEqual([202, 202, 429, 429]);
    const refused = await submit({ lastName: 'X', email: 'x@x.example' }, from('192.0.2.1'));
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await leads()).map((lead) => lead.lastName).sort()).toEqual(['V0', 'V1', 'V2', 'W0', 'W1']);
  });
});
