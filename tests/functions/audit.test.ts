import { createTestApp, create, TENANT_A, TENANT_B, type TestApp, testStores } from './test-app';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testStores)('on %s', (store) => {
  let t: TestApp;
  let clock: Date;
  beforeEach(async () => {
    clock = new Date('2026-11-02T09:00:00.000Z');
    t = await createTestApp({ store, now: () => clock });
  });
  afterEach(async () => {
    await t.close();
  });

  const later = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const patch = (id: string, body: object, version: number, token?: string) =>
    t.call('update-contact', { params: { id }, body, headers: { 'if-match': `"${version}"` }, ...(token ? { token } : {}) });
  const remove = (id: string, version: number, token?: string) =>
    t.call('delete-contact', { params: { id }, headers: { 'if-match': `"${version}"` }, ...(token ? { token } : {}) });
  const restore = (id: string, version: number, token?: string) =>
    t.call('restore-contact', { params: { id }, headers: { 'if-match': `"${version}"` }, ...(token ? { token } : {}) });

  it("shows a record's history: who changed which field from what to what, and when", async () => {
    const contact = await create(t, 'contact', { firstName: 'Ana', lastName: 'Silva', title: 'Buyer' });
    later(60_000);
    const manager = await t.token(TENANT_A, 'manager-1', ['manager']);
    expect((await patch(contact.id, { title: 'Head of buying', firstName: null }, 1, manager)).status).toBe(200);

    const history = await t.call('contact-history', { params: { id: contact.id } });
    expect(history.status).toBe(200);
    expect(history.body.items).toEqual([
      {
        tenantId: TENANT_A,
        recordKind: 'contact',
        recordId: contact.id,
        version: 2,
        action: 'updated',
        at: '2026-11-02T09:01:00.000Z',
        by: 'manager-1',
        changes: [
          { field: 'firstName', before: 'Ana' },
          { field: 'title', before: 'Buyer', after: 'Head of buying' },
        ],
      },
      expect.objectContaining({ version: 1, action: 'created', by: 'user-a', at: '2026-11-02T09:00:00.000Z' }),
    ]);
    // Another tenant cannot read it.
    const outsider = await t.call('contact-history', { params: { id: contact.id }, token: await t.token(TENANT_B) });
    expect(outsider.status).toBe(404);
  });

  it('restores a deleted record within 30 days, with its history, and lists it in the recycle bin until then', async () => {
    const contact = await create(t, 'contact', { lastName: 'Gone', emails: ['gone@contoso.com'] });
    expect((await remove(contact.id, 1)).status).toBe(204);
    expect((await t.call('get-contact', { params: { id: contact.id } })).status).toBe(404);
    const bin = await t.call('list-deleted');
    expect(bin.body.items).toEqual([{ kind: 'contact', record: expect.objectContaining({ id: contact.id, lastName: 'Gone', version: 2 }) }]);
    // Its history can be read while deleted.
    expect((await t.call('contact-history', { params: { id: contact.id } })).body.items.map((entry: { action: string }) => entry.action)).toEqual(['deleted', 'created']);

    later(29 * DAY);
    expect((await restore(contact.id, 1)).status).toBe(412);
    const restored = await restore(contact.id, 2);
    expect(restored.status).toBe(200);
    expect(restored.headers.get('etag')).toBe('"3"');
    expect(restored.body).toMatchObject({ lastName: 'Gone', version: 3 });
    expect(restored.body.deletedAt).toBeUndefined();
    expect((await t.call('get-contact', { params: { id: contact.id } })).status).toBe(200);
    // It is found by its e-mail again.
    const lookup = await t.call('lookup', { body: { emails: ['gone@contoso.com'] } });
    expect(lookup.body.results[0].contact?.id).toBe(contact.id);
    expect((await t.call('list-deleted')).body.items).toEqual([]);
    const again = await restore(contact.id, 3);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('RECORD.NOT_DELETED');
  });

  it('refuses to restore after 30 days, and hides it from the recycle bin', async () => {
    const contact = await create(t, 'contact', { lastName: 'Too late' });
    await remove(contact.id, 1);
    later(31 * DAY);
    const late = await restore(contact.id, 2);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'RECORD.RESTORE_EXPIRED', message: 'This contact was deleted more than 30 days ago and can no longer be restored.' });
    expect((await t.call('list-deleted')).body.items).toEqual([]);
  });

  it("lets a rep restore their own records only, and a manager anyone's", async () => {
    const contact = await create(t, 'contact', { lastName: 'Owned' });
    await remove(contact.id, 1);
    const colleague = await t.token(TENANT_A, 'rep-2', ['rep']);
    const refused = await restore(contact.id, 2, colleague);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('AUTH.NOT_RECORD_OWNER');
    expect((await restore(contact.id, 2, await t.token(TENANT_A, 'manager-1', ['manager']))).status).toBe(200);
    expect((await restore('no-such-id', 1)).status).toBe(404);
  });

  it("records an admin's change of a member's role in the member's history", async () => {
    const admin = await t.token(TENANT_A, 'founder', []);
    await t.call('get-me', { token: admin });
    await t.call('get-me', { token: await t.token(TENANT_A, 'rep-1', []) });
    await t.call('update-member', { token: admin, params: { id: 'rep-1' }, body: { role: 'manager' }, headers: { 'if-match': '"1"' } });
    const history = await t.call('member-history', { token: admin, params: { id: 'rep-1' } });
    expect(history.body.items[0]).toMatchObject({ action: 'updated', by: 'founder', changes: [{ field: 'role', before: 'rep', after: 'manager' }] });
    expect((await t.call('member-history', { token: await t.token(TENANT_A, 'rep-1', ['rep']), params: { id: 'rep-1' } })).status).toBe(403);
  });
});
