import { RecordWriter } from '../../functions/src/services/record-writer';
import { createTestApp, create, TENANT_A, USER_A, type TestApp, testStores } from './test-app';

const MINUTE = 60_000;

// A refused stale change says who changed the record since the version sent, and which fields, from the audit trail.
describe.each(testStores)('on %s', (store) => {
  let t: TestApp;
  let clock: Date;
  let manager: string;
  beforeEach(async () => {
    clock = new Date('2026-11-02T10:30:00.000Z');
    t = await createTestApp({ store, now: () => clock });
    manager = await t.token(TENANT_A, 'manager-1', ['manager'], 'Morgan Blake');
  });
  afterEach(async () => {
    await t.close();
  });

  const later = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const patch = (id: string, body: object, version: number, token?: string) =>
    t.call('update-contact', { params: { id }, body, headers: { 'if-match': `"${version}"` }, ...(token ? { token } : {}) });

  it("answers a rep's change made on an old version with 412 naming the manager who changed the phones meanwhile, and keeps the manager's change", async () => {
    const contact = await create(t, 'contact', { firstName: 'Ana', lastName: 'Silva', phones: [{ type: 'work', number: '+1 425 555 0100' }] });
    later(12 * MINUTE);
    const phones = [{ type: 'mobile', number: '+1 425 555 0199' }];
    expect((await patch(contact.id, { phones }, 1, manager)).status).toBe(200);

    later(MINUTE);
    const stale = await patch(contact.id, { title: 'Buyer', phones: [{ type: 'work', number: '+1 425 555 0111' }] }, 1);
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"2"');
    expect(stale.body.error).toMatchObject({
      code: 'RECORD.STALE_VERSION',
      message: 'This contact was changed by Morgan Blake at 10:42 UTC (phones). Reload it and apply your change again.',
      details: {
        kind: 'contact',
        id: contact.id,
        currentVersion: 2,
        changes: [{ by: { id: 'manager-1', displayName: 'Morgan Blake' }, at: '2026-11-02T10:42:00.000Z', fields: ['phones'] }],
        changedFields: ['phones'],
      },
    });

    // Nothing of the rep's change was saved: the API and the store hold the manager's phones and no title.
    const read = await t.call('get-contact', { params: { id: contact.id } });
    expect(read.body).toMatchObject({ version: 2, phones, updatedBy: 'manager-1' });
    expect(read.body).not.toHaveProperty('title');
    const stored = await t.app.store.get('contact', TENANT_A, contact.id);
    expect(stored).toMatchObject({ version: 2, phones });
    expect(stored).not.toHaveProperty('title');
  });

  it('lists every change since the version sent, the latest first, with the union of their fields and each author', async () => {
    const admin = await t.token(TENANT_A, 'admin-1', ['admin'], 'Sam Patel');
    const contact = await create(t, 'contact', { lastName: 'Silva' });
    later(MINUTE);
    expect((await patch(contact.id, { title: 'Buyer' }, 1, admin)).status).toBe(200);
    later(MINUTE);
    expect((await patch(contact.id, { phones: [{ type: 'work', number: '+1 425 555 0100' }], title: 'Head of buying' }, 2, manager)).status).toBe(200);
    // The next day, the rep sends a change made on version 1.
    later(24 * 60 * MINUTE);

    const stale = await patch(contact.id, { firstName: 'Ana' }, 1);
    expect(stale.status).toBe(412);
    expect(stale.body.error.message).toBe(
      'This contact was changed by Morgan Blake and Sam Patel on 2026-11-02 at 10:32 UTC (phones, title). Reload it and apply your change again.',
    );
    expect(stale.body.error.details).toMatchObject({
      currentVersion: 3,
      changes: [
        { by: { id: 'manager-1', displayName: 'Morgan Blake' }, at: '2026-11-02T10:32:00.000Z', fields: ['phones', 'title'] },
        { by: { id: 'admin-1', displayName: 'Sam Patel' }, at: '2026-11-02T10:31:00.000Z', fields: ['title'] },
      ],
      changedFields: ['phones', 'title'],
    });
  });

  it('names at most 10 changes, read in one page of the audit trail, on a delete too', async () => {
    const contact = await create(t, 'contact', { lastName: 'Silva' });
    for (let version = 1; version <= 12; version++) {
      later(MINUTE);
      expect((await patch(contact.id, { title: `Title ${version}` }, version)).status).toBe(200);
    }
    const stale = await t.call('delete-contact', { params: { id: contact.id }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    const { changes, changedFields, currentVersion } = stale.body.error.details;
    expect(currentVersion).toBe(13);
    expect(changes).toHaveLength(10);
    expect(changes[0]).toMatchObject({ at: '2026-11-02T10:42:00.000Z', fields: ['title'] });
    expect(changes[9]).toMatchObject({ at: '2026-11-02T10:33:00.000Z', fields: ['title'] });
    expect(changedFields).toEqual(['title']);
    expect((await t.call('get-contact', { params: { id: contact.id } })).body).toMatchObject({ version: 13, title: 'Title 12' });
  });

  it('says who changed the record when the store refuses a change that lost the race between the check and the write', async () => {
    const contact = await create(t, 'contact', { lastName: 'Silva' });
    const read = (await t.app.store.get('contact', TENANT_A, contact.id))!;
    later(MINUTE);
    expect((await patch(contact.id, { title: 'Buyer' }, 1, manager)).status).toBe(200);

    // The writer is handed the record as read before the manager's change, as a request that read it just before.
    const writer = new RecordWriter({ store: t.app.store, now: () => clock });
    const refused = writer.change('contact', { tenantId: TENANT_A, userId: USER_A }, read, { firstName: 'Ana' });
    await expect(refused).rejects.toMatchObject({
      code: 'RECORD.STALE_VERSION',
      details: { currentVersion: 2, changes: [{ by: { id: 'manager-1', displayName: 'Morgan Blake' }, fields: ['title'] }], changedFields: ['title'] },
    });
    expect(await t.app.store.get('contact', TENANT_A, contact.id)).toMatchObject({ version: 2, title: 'Buyer' });
    expect(await t.app.store.get('contact', TENANT_A, contact.id)).not.toHaveProperty('firstName');
  });
});
