import { createTestApp, create, TENANT_A, type TestApp, testStores } from './test-app';

// E-mail templates: a small kind, defined once (shared/src/templates), with its own rules in
// functions/src/kinds/template.hooks.ts and its placeholders read by shared/src/templates/fill-template.rules.ts.
describe.each(testStores)('e-mail templates on %s', (store) => {
  let t: TestApp;
  let ana: string;
  let rui: string;
  let manager: string;
  const followUp = {
    name: '  Follow-up after a call ',
    variants: [
      { language: 'en', subject: 'Our call about {{deal|your project}}', body: 'Hi {{firstName|there}},\n\nThank you for your time.\n\n{{me}}' },
      { language: 'es', subject: 'Nuestra llamada', body: 'Hola {{firstName}}:\n\nGracias por tu tiempo.\n\n{{me}}' },
    ],
  };
  beforeEach(async () => {
    t = await createTestApp({ store });
    ana = await t.token(TENANT_A, 'ana', ['rep']);
    rui = await t.token(TENANT_A, 'rui', ['rep']);
    manager = await t.token(TENANT_A, 'the-manager', ['manager']);
  });
  afterEach(async () => {
    await t.close();
  });

  it("keeps a rep's template as their own, not shared, in every language written", async () => {
    const template = await create(t, 'template', followUp, ana);
    expect(template).toMatchObject({ name: 'Follow-up after a call', ownerId: 'ana', shared: false, version: 1 });
    expect(template.variants.map((variant) => variant.language)).toEqual(['en', 'es']);
    expect(template.variants[0]?.body).toBe('Hi {{firstName|there}},\n\nThank you for your time.\n\n{{me}}');
    const listed = await t.call('list-templates', { token: rui });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([template.id]);
    // Shared is the server's to keep: a create cannot set it.
    const sharing = await t.call('create-template', { token: ana, body: { ...followUp, shared: true } });
    expect(sharing.status).toBe(400);
  });

  it('refuses an unknown placeholder, naming the field and the variant’s language', async () => {
    const variants = [followUp.variants[0], { language: 'es', body: 'Hola {{nickname}}' }];
    const refused = await t.call('create-template', { token: ana, body: { name: 'Hello', variants } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'TEMPLATE.UNKNOWN_FIELD', details: { fields: [{ path: 'variants.1.body', code: 'TEMPLATE.UNKNOWN_FIELD' }] } });
    expect(refused.body.error.message).toContain('{{nickname}}');
    expect(refused.body.error.message).toContain('"es"');
    const subject = await t.call('create-template', { token: ana, body: { name: 'Hello', variants: [{ language: 'it', subject: 'Per {{dael}}', body: 'Ciao' }] } });
    expect(subject.body.error).toMatchObject({ code: 'TEMPLATE.UNKNOWN_FIELD', details: { fields: [{ path: 'variants.0.subject' }] } });
  });

  it('refuses a malformed placeholder and two variants in one language', async () => {
    const open = await t.call('create-template', { token: ana, body: { name: 'Hello', variants: [{ language: 'en', body: 'Hi {{firstName, thanks' }] } });
    expect(open.status).toBe(400);
    expect(open.body.error).toMatchObject({ code: 'TEMPLATE.MALFORMED_PLACEHOLDER', details: { fields: [{ path: 'variants.0.body' }] } });
    expect(open.body.error.message).toContain('{{firstName, thanks');
    const twice = await t.call('create-template', { token: ana, body: { name: 'Hello', variants: [{ language: 'en', body: 'Hi' }, { language: 'en', body: 'Hello' }] } });
    expect(twice.status).toBe(400);
    expect(twice.body.error).toMatchObject({ code: 'TEMPLATE.DUPLICATE_LANGUAGE', details: { fields: [{ path: 'variants' }] } });
    const none = await t.call('create-template', { token: ana, body: { name: 'Hello', variants: [] } });
    expect(none.status).toBe(400);
    const five = await t.call('create-template', { token: ana, body: { name: 'Hello', variants: ['en', 'es', 'pt', 'it', 'fr'].map((language) => ({ language, body: 'Hi' })) } });
    expect(five.status).toBe(400);
    const long = await t.call('create-template', { token: ana, body: { name: 'Hello', variants: [{ language: 'en', body: 'x'.repeat(10_001) }] } });
    expect(long.status).toBe(400);
  });

  it('checks the placeholders of a change too, and lets only the owner or a manager change a template', async () => {
    const template = await create(t, 'template', followUp, ana);
    const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
    const broken = await t.call('update-template', { token: ana, params: { id: template.id }, headers: ifMatch(1), body: { variants: [{ language: 'en', body: '{{owner}} {{' }] } });
    expect(broken.body.error.code).toBe('TEMPLATE.MALFORMED_PLACEHOLDER');
    const renamed = await t.call('update-template', { token: ana, params: { id: template.id }, headers: ifMatch(1), body: { name: 'After a call' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'After a call', shared: false, version: 2 });
    const colleague = await t.call('update-template', { token: rui, params: { id: template.id }, headers: ifMatch(2), body: { name: 'Mine' } });
    expect(colleague.status).toBe(403);
    const stale = await t.call('update-template', { token: ana, params: { id: template.id }, headers: ifMatch(1), body: { name: 'Late' } });
    expect(stale.status).toBe(412);
    const gone = await t.call('delete-template', { token: ana, params: { id: template.id }, headers: ifMatch(2) });
    expect(gone.status).toBe(204);
    expect((await t.call('list-templates', { token: ana })).body.items).toEqual([]);
  });

  it("lets managers share a template with the team and stop sharing it, and no rep, the owner's included", async () => {
    const template = await create(t, 'template', followUp, ana);
    const refused = await t.call('share-template', { token: ana, params: { id: template.id }, body: { shared: true } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('share templates with the team');
    const shared = await t.call('share-template', { token: manager, params: { id: template.id }, body: { shared: true } });
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({ shared: true, ownerId: 'ana', version: 2 });
    // Sharing a shared template again writes nothing.
    expect((await t.call('share-template', { token: manager, params: { id: template.id }, body: { shared: true } })).body.version).toBe(2);
    // Its owner's edits keep it shared.
    const edited = await t.call('update-template', { token: ana, params: { id: template.id }, headers: { 'if-match': '"2"' }, body: { name: 'After a call' } });
    expect(edited.body).toMatchObject({ shared: true, version: 3 });
    const unshared = await t.call('share-template', { token: manager, params: { id: template.id }, body: { shared: false } });
    expect(unshared.body).toMatchObject({ shared: false, version: 4 });
    const history = await t.call('template-history', { token: ana, params: { id: template.id } });
    expect(history.body.items.map((entry: { by: string }) => entry.by)).toEqual(['the-manager', 'ana', 'the-manager', 'ana']);
  });
});
