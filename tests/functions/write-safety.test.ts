import { apiContract, apiOf, crudKinds, recordRoutesByKind, referencesOf, type ApiDefinition, type CrudKind } from '@rapport/shared';
import { createTestApp, create, type TestApp, testStores } from './test-app';

// Every API behaviour, on each store adapter.
describe.each(testStores)('on %s', (store) => {
  // A valid body for each kind: its definition's examples, linked to a company, a contact and a campaign the test creates first.
  async function validBodies(t: TestApp): Promise<Record<CrudKind, { create: object; patch: object }>> {
    const company = await create(t, 'company', { name: 'Contoso', domains: ['contoso.com'] });
    const contact = await create(t, 'contact', { lastName: 'Doe', companyId: company.id });
    const deal = await create(t, 'deal', { ...(apiOf('deal') as ApiDefinition).example.input('Write safety', 0), companyId: company.id });
    const campaign = await create(t, 'campaign', { name: 'Write safety campaign' });
    const links: Record<string, unknown> = { companyId: company.id, contactId: contact.id, contactIds: [contact.id], campaignId: campaign.id };
    const bodyOf = (kind: CrudKind, n: number) => {
      const api: ApiDefinition = apiOf(kind);
      // Only the links a create takes: a quote's company is its deal's, set by the server.
      const linked = referencesOf(kind).filter((reference) => reference.link && reference.kind !== kind && reference.field in links && reference.field in api.input.shape);
      const example = api.example.input('Write safety', n);
      // An example made for a deal (a quote) is made for this one.
      const forDeal = 'dealId' in example ? { dealId: deal.id } : {};
      return { create: { ...example, ...forDeal, ...Object.fromEntries(linked.map((reference) => [reference.field, links[reference.field]])) }, patch: api.example.patch };
    };
    const bodies = Object.fromEntries(crudKinds.map((kind, n) => [kind, bodyOf(kind, n)])) as Record<CrudKind, { create: object; patch: object }>;
    // An order is made from a sent quote of the deal (one order per quote).
    const quote = await create(t, 'quote', { dealId: deal.id, lines: [{ name: 'Write safety line', quantity: 1, unitPrice: 10 }] });
    const sent = await t.call('send-quote', { params: { id: quote.id as string }, body: {} });
    if (sent.status !== 200) throw new Error(`could not send a quote: ${sent.status}`);
    bodies.order = { ...bodies.order, create: { ...bodies.order.create, quoteId: quote.id } };
    return bodies;
  }

  let t: TestApp;
  beforeEach(async () => {
    // An admin: the rules checked here hold for every role, and only admins write the product catalog.
    t = await createTestApp({ store, roles: ['admin'] });
  });
  afterEach(async () => {
    await t.close();
  });

  it('covers every write route of the contract', () => {
    const writeRoutes = apiContract.filter((route) => route.ifMatch || route.idempotent).map((route) => route.name).sort();
    // Tested in their own suites: update-member (members), update-pipeline (pipeline), update-settings and update-goal-bands (settings), update-my-never-log (never-log), update-my-preferences (member-preferences), convert-lead (lead-conversion), merge-contacts (contact-merge), restore (audit), documents (documents), apply-activity-plan (activity-plans), case-draft-article (articles).
    const elsewhere = [
      'update-member',
      'update-pipeline',
      'update-settings',
      'update-goal-bands',
      'update-my-never-log',
      'update-my-preferences',
      'convert-lead',
      'merge-contacts',
      'upload-document',
      'delete-document',
      'restore-document',
      'apply-activity-plan',
      'case-draft-article',
      ...crudKinds.map((kind) => `restore-${kind}`),
    ];
    const tested = [...crudKinds.flatMap((kind) => [`create-${kind}`, `update-${kind}`, `delete-${kind}`]), ...elsewhere].sort();
    expect(writeRoutes).toEqual(tested);
  });

  describe.each(crudKinds)('writes to %s', (kind) => {
    it('refuses a stale version on update and delete, keeping the newer change', async () => {
      const bodies = await validBodies(t);
      const record = await create(t, kind, bodies[kind].create);
      const id = record.id as string;
      const fresh = await t.call(recordRoutesByKind[kind].update.name, { params: { id }, headers: { 'if-match': '"1"' }, body: bodies[kind].patch });
      expect(fresh.status).toBe(200);

      const staleUpdate = await t.call(recordRoutesByKind[kind].update.name, { params: { id }, headers: { 'if-match': '"1"' }, body: bodies[kind].patch });
      expect(staleUpdate.status).toBe(412);
      expect(staleUpdate.body.error.code).toBe(`RECORD.STALE_VERSION`);
      expect(staleUpdate.body.error.details.currentVersion).toBe(2);
      // Who changed it since, and which fields, from the audit trail.
      const { changes, changedFields } = staleUpdate.body.error.details;
      expect(changes).toEqual([{ by: expect.objectContaining({ id: 'user-a' }), at: fresh.body.updatedAt, fields: expect.any(Array) }]);
      expect(changedFields.length).toBeGreaterThan(0);
      expect(changedFields).toEqual([...changes[0].fields].sort());

      const staleDelete = await t.call(recordRoutesByKind[kind].delete.name, { params: { id }, headers: { 'if-match': '"1"' } });
      expect(staleDelete.status).toBe(412);

      const stored = await t.call(recordRoutesByKind[kind].get.name, { params: { id } });
      expect(stored.status).toBe(200);
      expect(stored.body).toEqual(fresh.body);
    });

    it('replays a retried create with the same Idempotency-Key and creates nothing more', async () => {
      const bodies = await validBodies(t);
      const before = (await t.call(recordRoutesByKind[kind].list.name, { query: { limit: '100' } })).body.items.length;
      const headers = { 'idempotency-key': `retry-${kind}-1` };
      const first = await t.call(recordRoutesByKind[kind].create.name, { body: bodies[kind].create, headers });
      const retry = await t.call(recordRoutesByKind[kind].create.name, { body: bodies[kind].create, headers });
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
      const after = (await t.call(recordRoutesByKind[kind].list.name, { query: { limit: '100' } })).body.items.length;
      expect(after).toBe(before + 1);
    });

    it('refuses an Idempotency-Key reused for a different body', async () => {
      const bodies = await validBodies(t);
      const headers = { 'idempotency-key': `reuse-${kind}` };
      await t.call(recordRoutesByKind[kind].create.name, { body: bodies[kind].create, headers });
      const changed = { ...bodies[kind].create, ...bodies[kind].patch };
      const reused = await t.call(recordRoutesByKind[kind].create.name, { body: changed, headers });
      expect(reused.status).toBe(422);
      expect(reused.body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
    });
  });
});
