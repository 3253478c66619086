import type { Member } from '@rapport/shared';
import { createTestApp, create, TENANT_A, type TestApp, testStores } from './test-app';

const at = '2026-11-01T00:00:00.000Z';
const member = (id: string, displayName: string): Member => ({
  tenantId: TENANT_A, id, displayName, role: 'rep', createdAt: at, createdBy: 'x', updatedAt: at, updatedBy: 'x', ownerId: 'x', version: 1,
});

describe.each(testStores)('territories and lead assignment on %s', (store) => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp({ store });
    admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    await t.app.store.createMany('member', [member('ana', 'Ana Costa'), member('rui', 'Rui Alves'), member('eva', 'Eva Lind')]);
  });
  afterEach(async () => {
    await t.close();
  });

  it('assigns new leads by territory rules, round-robin among its reps', async () => {
    const lisbon = await create(t, 'territory', { name: 'Lisbon', cities: ['Lisboa'], postalCodePrefixes: ['1100'], repIds: ['ana', 'rui'] }, admin);
    const iberia = await create(t, 'territory', { name: 'Iberia', countries: ['Portugal', 'Spain'], repIds: ['eva'] }, admin);
    const lead = (lastName: string, address: object) => create(t, 'lead', { lastName, address, source: 'web-form' });

    const first = await lead('One', { city: 'Lisboa', country: 'Portugal' });
    const second = await lead('Two', { postalCode: '1100-148', country: 'Portugal' });
    const third = await lead('Three', { city: 'lisboa' });
    const porto = await lead('Porto', { city: 'Porto', country: 'Portugal' });
    const nowhere = await lead('Nowhere', { country: 'Kenya' });
    expect([first, second, third].map((assigned) => [assigned.territoryId, assigned.ownerId, assigned.status])).toEqual([
      [lisbon.id, 'ana', 'assigned'],
      [lisbon.id, 'rui', 'assigned'],
      [lisbon.id, 'ana', 'assigned'],
    ]);
    expect(porto).toMatchObject({ territoryId: iberia.id, ownerId: 'eva', status: 'assigned' });
    // No territory takes it: it stays with whoever entered it, new.
    expect(nowhere).toMatchObject({ ownerId: 'user-a', status: 'new' });
    expect(nowhere.territoryId).toBeUndefined();
  });

  it('lets a manager assign a lead by hand, and keeps a named owner', async () => {
    await create(t, 'territory', { name: 'Lisbon', cities: ['Lisboa'], repIds: ['ana'] }, admin);
    const manager = await t.token(TENANT_A, 'the-manager', ['manager']);
    const named = await create(t, 'lead', { lastName: 'Named', address: { city: 'Lisboa' }, ownerId: 'rui' }, manager);
    expect(named.ownerId).toBe('rui');
    const reassigned = await t.call('update-lead', { token: manager, params: { id: named.id }, body: { ownerId: 'eva' }, headers: { 'if-match': '"1"' } });
    expect(reassigned.body.ownerId).toBe('eva');
  });

  it('keeps territories for admins to change, with reps who are members', async () => {
    const refused = await t.call('create-territory', { body: { name: 'Mine' } });
    expect(refused.status).toBe(403);
    const unknownRep = await t.call('create-territory', { token: admin, body: { name: 'Ghosts', repIds: ['nobody'] } });
    expect(unknownRep.status).toBe(422);
    expect((await t.call('list-territories')).status).toBe(200);
  });
});
