import { formKeyOf, type Member } from '@rapport/shared';
import { MemberDirectory } from '../../functions/src/auth/member-directory';
import { createTestApp, create, TENANT_A, type TestApp, testStores } from './test-app';

const at = '2026-11-01T00:00:00.000Z';
const member = (id: string, displayName: string, extra: Partial<Member> = {}): Member => ({
  tenantId: TENANT_A, id, displayName, role: 'rep', createdAt: at, createdBy: 'x', updatedAt: at, updatedBy: 'x', ownerId: 'x', version: 1, ...extra,
});

describe.each(testStores)('access that ends when an admin ends it, on %s', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ store });
  });
  afterEach(async () => {
    await t.close();
  });

  const me = async (token: string) => t.call('get-me', { token });
  const setMember = async (admin: string, id: string, body: object) => {
    const current = (await t.call('list-members', { token: admin, query: { limit: '100' } })).body.items.find((candidate: Member) => candidate.id === id) as Member;
    return t.call('update-member', { token: admin, params: { id }, body, headers: { 'if-match': `"${current.version}"` } });
  };

  describe('role precedence', () => {
    it('enrols a user whose token carries app roles, and mirrors those roles on their member record', async () => {
      const entraAdmin = await t.token(TENANT_A, 'entra-admin', ['admin']);
      expect((await me(entraAdmin)).body).toMatchObject({ roles: ['admin'], rolesFrom: 'token' });
      const members = (await t.call('list-members', { token: entraAdmin })).body.items as Member[];
      expect(members.map((m) => [m.id, m.role, m.roleSource])).toEqual([['entra-admin', 'admin', 'app-roles']]);
    });

    it('never hands admin to the next newcomer of a tenant whose admins all come from token roles', async () => {
      await me(await t.token(TENANT_A, 'entra-admin', ['admin']));
      const newcomer = await me(await t.token(TENANT_A, 'newcomer', []));
      expect(newcomer.body).toMatchObject({ roles: ['rep'], rolesFrom: 'member' });
    });

    it('lets the member record decide when the token carries no app roles', async () => {
      const founder = await t.token(TENANT_A, 'founder', []);
      expect((await me(founder)).body).toMatchObject({ roles: ['admin'], rolesFrom: 'member' });
    });

    it("applies a demotion to the member's next request on this instance", async () => {
      const founder = await t.token(TENANT_A, 'founder', []);
      await me(founder);
      const second = await t.token(TENANT_A, 'second', []);
      await me(second);
      expect((await setMember(founder, 'second', { role: 'admin' })).status).toBe(200);
      expect((await me(second)).body.roles).toEqual(['admin']);
      expect((await setMember(founder, 'second', { role: 'rep' })).status).toBe(200);
      expect((await me(second)).body.roles).toEqual(['rep']);
    });

    it('refuses to change in Rapport a role that Entra ID assigns, and says where to change it', async () => {
      const founder = await t.token(TENANT_A, 'founder', []);
      await me(founder);
      await me(await t.token(TENANT_A, 'entra-manager', ['manager']));
      const refused = await setMember(founder, 'entra-manager', { role: 'rep' });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('MEMBER.ROLE_FROM_ENTRA');
      expect(refused.body.error.message).toContain('Entra ID');
      // Everything else about them is the admin's to change.
      expect((await setMember(founder, 'entra-manager', { team: 'North' })).status).toBe(200);
    });

    it('makes a member whose app roles were removed in Entra ID a rep', async () => {
      await me(await t.token(TENANT_A, 'founder', []));
      expect((await me(await t.token(TENANT_A, 'was-manager', ['manager']))).body.roles).toEqual(['manager']);
      expect((await me(await t.token(TENANT_A, 'was-manager', []))).body).toMatchObject({ roles: ['rep'], rolesFrom: 'member' });
      const record = (await t.call('list-members', { query: { limit: '10' } })).body.items.find((m: Member) => m.id === 'was-manager');
      expect(record).toMatchObject({ role: 'rep' });
      expect(record.roleSource).toBeUndefined();
    });

    it('makes a newcomer admin when the only member so far came with the app role rep', async () => {
      expect((await me(await t.token(TENANT_A, 'entra-rep', ['rep']))).body.roles).toEqual(['rep']);
      expect((await me(await t.token(TENANT_A, 'second', []))).body).toMatchObject({ roles: ['admin'], rolesFrom: 'member' });
      expect((await me(await t.token(TENANT_A, 'third', []))).body.roles).toEqual(['rep']);
    });

    it("keeps the tenant's last admin an admin when Entra ID takes their app roles away", async () => {
      expect((await me(await t.token(TENANT_A, 'only-admin', ['admin']))).body.roles).toEqual(['admin']);
      expect((await me(await t.token(TENANT_A, 'only-admin', []))).body).toMatchObject({ roles: ['admin'], rolesFrom: 'member' });
      const record = (await t.call('list-members', { token: await t.token(TENANT_A, 'only-admin', []) })).body.items.find((m: Member) => m.id === 'only-admin');
      expect(record.role).toBe('admin');
      expect(record.roleSource).toBeUndefined();
    });

    it('refuses a deactivated member on every route at once, even when their token says admin', async () => {
      const founder = await t.token(TENANT_A, 'founder', []);
      await me(founder);
      const leaver = await t.token(TENANT_A, 'leaver', ['admin']);
      expect((await me(leaver)).status).toBe(200);
      expect((await setMember(founder, 'leaver', { deactivated: true })).status).toBe(200);
      for (const [route, options] of [
        ['get-me', {}],
        ['list-contacts', {}],
        ['create-contact', { body: { lastName: 'After' } }],
        ['list-members', {}],
      ] as const) {
        const refused = await t.call(route, { token: leaver, ...options });
        expect([route, refused.status, refused.body.error?.code]).toEqual([route, 403, 'AUTH.MEMBER_DEACTIVATED']);
      }
    });
  });

  it("refuses a deactivated member on another instance within the member cache's 30 s", async () => {
    let clock = Date.parse(at);
    const now = () => new Date(clock);
    const otherInstance = new MemberDirectory({ store: t.app.store, now });
    const founder = await t.token(TENANT_A, 'founder', []);
    await me(founder);
    const token = { tenantId: TENANT_A, userId: 'leaver', roles: ['manager' as const] };
    expect((await otherInstance.principalFor(token)).roles).toEqual(['manager']);
    expect((await setMember(founder, 'leaver', { deactivated: true })).status).toBe(200);
    clock += 29_000;
    // Still in the other instance's memory...
    expect((await otherInstance.principalFor(token)).roles).toEqual(['manager']);
    clock += 2_000;
    // ...and refused once its 30 s are over.
    await expect(otherInstance.principalFor(token)).rejects.toMatchObject({ code: 'AUTH.MEMBER_DEACTIVATED' });
  });

  describe('references to people', () => {
    let admin: string;
    let manager: string;
    beforeEach(async () => {
      admin = await t.token(TENANT_A, 'the-admin', ['admin']);
      manager = await t.token(TENANT_A, 'the-manager', ['manager']);
      await me(admin);
      await t.app.store.createMany('member', [member('ana', 'Ana Costa'), member('rui', 'Rui Alves'), member('gone', 'Gil Gone', { deactivated: true })]);
    });

    it('refuses to give a record to a deactivated or unknown member, naming the field', async () => {
      const toLeaver = await t.call('create-contact', { token: manager, body: { lastName: 'Kim', ownerId: 'gone' } });
      expect(toLeaver.status).toBe(422);
      expect(toLeaver.body.error).toMatchObject({ code: 'MEMBER.NOT_ACTIVE', details: { field: 'ownerId', id: 'gone' } });
      expect(toLeaver.body.error.message).toContain('Gil Gone');
      const toNobody = await t.call('create-deal', { token: manager, body: { name: 'D', stage: 'qualification', ownerId: 'nobody' } });
      expect(toNobody.status).toBe(422);
      expect(toNobody.body.error).toMatchObject({ code: 'RECORD.REFERENCE_NOT_FOUND', details: { field: 'ownerId' } });
      const contact = await create(t, 'contact', { lastName: 'Kim', ownerId: 'ana' }, manager);
      const reassigned = await t.call('update-contact', { token: manager, params: { id: contact.id }, body: { ownerId: 'gone' }, headers: { 'if-match': '"1"' } });
      expect(reassigned.status).toBe(422);
      expect((await t.call('get-contact', { token: manager, params: { id: contact.id } })).body.ownerId).toBe('ana');
    });

    it("keeps a departed rep's records editable: fields a request leaves alone are not checked", async () => {
      const contact = await create(t, 'contact', { lastName: 'Left', ownerId: 'ana' }, manager);
      const territory = await create(t, 'territory', { name: 'North', repIds: ['ana', 'rui'] }, admin);
      expect((await setMember(admin, 'ana', { deactivated: true })).status).toBe(200);
      const edited = await t.call('update-contact', { token: manager, params: { id: contact.id }, body: { title: 'Buyer' }, headers: { 'if-match': '"1"' } });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ ownerId: 'ana', title: 'Buyer' });
      const renamed = await t.call('update-territory', { token: admin, params: { id: territory.id }, body: { name: 'North-East' }, headers: { 'if-match': '"1"' } });
      expect(renamed.status).toBe(200);
      const withLeaver = await t.call('update-territory', { token: admin, params: { id: territory.id }, body: { repIds: ['rui', 'gone'] }, headers: { 'if-match': '"2"' } });
      expect(withLeaver.status).toBe(422);
      expect(withLeaver.body.error.details).toMatchObject({ field: 'repIds', id: 'gone' });
    });

    it("lets a territory drop a rep, or a deal keep a deleted contact, while the rest of the change is checked", async () => {
      const territory = await create(t, 'territory', { name: 'West', repIds: ['ana', 'rui'] }, admin);
      expect((await setMember(admin, 'ana', { deactivated: true })).status).toBe(200);
      await t.app.store.createMany('member', [member('eva', 'Eva Lind')]);
      // Ana left; the admin swaps Rui for Eva and Ana stays listed until someone removes her.
      const swapped = await t.call('update-territory', { token: admin, params: { id: territory.id }, body: { repIds: ['ana', 'eva'] }, headers: { 'if-match': '"1"' } });
      expect(swapped.status).toBe(200);
      expect(swapped.body.repIds).toEqual(['ana', 'eva']);

      const contact = await create(t, 'contact', { lastName: 'Soon gone' }, manager);
      const deal = await create(t, 'deal', { name: 'Kept', stage: 'proposal', contactIds: [contact.id] }, manager);
      expect((await t.call('delete-contact', { token: manager, params: { id: contact.id }, headers: { 'if-match': '"1"' } })).status).toBe(204);
      const renamed = await t.call('update-deal', { token: manager, params: { id: deal.id }, body: { name: 'Renamed' }, headers: { 'if-match': '"1"' } });
      expect(renamed.status).toBe(200);
      const addsGhost = await t.call('update-deal', { token: manager, params: { id: deal.id }, body: { contactIds: [contact.id, 'nobody'] }, headers: { 'if-match': '"2"' } });
      expect(addsGhost.status).toBe(422);
      expect(addsGhost.body.error.details).toMatchObject({ field: 'contactIds', id: 'nobody' });
    });

    it('refuses a deactivated manager for a member', async () => {
      const refused = await setMember(admin, 'rui', { managerId: 'gone' });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'MEMBER.NOT_ACTIVE', details: { field: 'managerId' } });
      const added = await t.call('create-member', { token: admin, body: { id: 'new-one', displayName: 'New One', managerId: 'gone' } });
      expect(added.status).toBe(422);
    });

    it("skips a deactivated rep's turn in a territory's round-robin", async () => {
      await create(t, 'territory', { name: 'Lisbon', cities: ['Lisboa'], repIds: ['ana', 'rui'] }, admin);
      expect((await setMember(admin, 'ana', { deactivated: true })).status).toBe(200);
      const owners = [];
      for (const name of ['One', 'Two', 'Three']) owners.push((await create(t, 'lead', { lastName: name, address: { city: 'Lisboa' }, source: 'web-form' })).ownerId);
      expect(owners).toEqual(['rui', 'rui', 'rui']);
    });

    it("files a web form's leads with its owner's manager, or an admin, once the owner is deactivated", async () => {
      await t.app.store.createMany('member', [member('form-owner', 'Fran Former', { managerId: 'rui' }), member('lone-owner', 'Lone Owner')]);
      // Admins make forms; the form's owner is the member it was given to.
      const form = await create(t, 'form', { name: 'Contact us', ownerId: 'form-owner' }, admin);
      const lone = await create(t, 'form', { name: 'Lonely', ownerId: 'lone-owner' }, admin);
      expect((await setMember(admin, 'form-owner', { deactivated: true })).status).toBe(200);
      expect((await setMember(admin, 'lone-owner', { deactivated: true })).status).toBe(200);
      const submit = (key: string, email: string) => t.call('submit-web-form', { token: null, params: { formKey: key }, body: { lastName: 'Visitor', email } });
      expect((await submit(formKeyOf(form), 'one@visitor.example')).status).toBe(202);
      expect((await submit(formKeyOf(lone), 'two@visitor.example')).status).toBe(202);
      const leads = (await t.call('list-leads', { token: admin, query: { limit: '10' } })).body.items as { email: string; ownerId: string }[];
      expect(Object.fromEntries(leads.map((lead) => [lead.email, lead.ownerId]))).toEqual({ 'one@visitor.example': 'rui', 'two@visitor.example': 'the-admin' });
    });
  });
});
