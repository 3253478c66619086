import type { Member } from '@rapport/shared';
import { createTestApp, create, TENANT_A, TENANT_B, type TestApp, testStores } from './test-app';

describe.each(testStores)('on %s', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ store });
  });
  afterEach(async () => {
    await t.close();
  });

  // Tokens without app roles: the tenant's member records decide the role.
  const memberToken = (userId: string, tenantId = TENANT_A) => t.token(tenantId, userId, []);
  const me = async (token: string) => (await t.call('get-me', { token })).body;

  it("makes a tenant's first user its admin and everyone after a rep", async () => {
    const founder = await me(await memberToken('founder'));
    expect(founder).toMatchObject({ userId: 'founder', roles: ['admin'], rolesFrom: 'member', capabilities: { manageSettings: true, reassign: true } });
    const colleague = await me(await memberToken('colleague'));
    expect(colleague).toMatchObject({ roles: ['rep'], rolesFrom: 'member', capabilities: { manageSettings: false, reassign: false, viewTeam: false } });
    // Another tenant has its own first user.
    expect(await me(await memberToken('founder-b', TENANT_B))).toMatchObject({ roles: ['admin'] });
    const members = (await t.call('list-members', { token: await memberToken('colleague') })).body.items;
    expect(members.map((member: { id: string; role: string }) => [member.id, member.role]).sort()).toEqual([
      ['colleague', 'rep'],
      ['founder', 'admin'],
    ]);
  });

  it('names the user by their member record when their token carries no name', async () => {
    const admin = await memberToken('founder');
    await me(admin);
    await t.call('create-member', { token: admin, body: { email: 'ana.named@tenant-a.example', displayName: 'Ana Named', role: 'rep' } });
    const signedIn = await t.token(TENANT_A, 'ana-oid', [], undefined, 'ana.named@tenant-a.example');
    expect(await me(signedIn)).toMatchObject({ userId: 'ana-oid', name: 'Ana Named' });
    // Nobody knows what to call a user whose token says neither a name nor an address.
    expect((await me(await memberToken('nameless'))).name).toBeUndefined();
  });

  it('enrolls a user once however many of their first requests arrive together', async () => {
    await me(await memberToken('founder'));
    const token = await memberToken('newcomer');
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.call('get-me', { token })));
    expect(answers.map((answer) => answer.body.roles[0])).toEqual(Array(8).fill('rep'));
    expect((await t.call('list-members', { token })).body.items).toHaveLength(2);
  });

  it("lets the token's app roles decide over the member record", async () => {
    await me(await memberToken('founder'));
    await me(await memberToken('someone'));
    expect(await me(await t.token(TENANT_A, 'someone', ['manager']))).toMatchObject({ roles: ['manager'], rolesFrom: 'token' });
  });

  it('lets an admin change a role, which applies to the next request, and refuses a rep', async () => {
    const admin = await memberToken('founder');
    await me(admin);
    const repToken = await memberToken('rep-1');
    await me(repToken);
    const refused = await t.call('update-member', { token: repToken, params: { id: 'rep-1' }, body: { role: 'admin' }, headers: { 'if-match': '"1"' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'AUTH.ROLE_REQUIRED', message: "Only an admin can change members' roles, teams and access." });

    const promoted = await t.call('update-member', { token: admin, params: { id: 'rep-1' }, body: { role: 'manager', team: 'North' }, headers: { 'if-match': '"1"' } });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ role: 'manager', team: 'North', version: 2, updatedBy: 'founder' });
    expect(await me(repToken)).toMatchObject({ roles: ['manager'], capabilities: { viewTeam: true, manageSettings: false } });

    const stale = await t.call('update-member', { token: admin, params: { id: 'rep-1' }, body: { team: 'South' }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    const unversioned = await t.call('update-member', { token: admin, params: { id: 'rep-1' }, body: { team: 'South' } });
    expect(unversioned.status).toBe(428);
  });

  it('keeps at least one admin', async () => {
    const admin = await memberToken('founder');
    await me(admin);
    const demoted = await t.call('update-member', { token: admin, params: { id: 'founder' }, body: { role: 'rep' }, headers: { 'if-match': '"1"' } });
    expect(demoted.status).toBe(409);
    expect(demoted.body.error.code).toBe('MEMBER.LAST_ADMIN');
    expect(await me(admin)).toMatchObject({ roles: ['admin'] });
    // An invited admin has not signed in yet (the address may be mistyped): they are no admin to leave the tenant to.
    const invited = await t.call('create-member', { token: admin, body: { email: 'next.admin@contoso.com', role: 'admin' } });
    expect(invited.status).toBe(201);
    const stillRefused = await t.call('update-member', { token: admin, params: { id: 'founder' }, body: { role: 'rep' }, headers: { 'if-match': '"1"' } });
    expect(stillRefused.body.error?.code).toBe('MEMBER.LAST_ADMIN');
  });

  it('refuses a deactivated member every route, while their records stay', async () => {
    const admin = await memberToken('founder');
    await me(admin);
    const leaverToken = await memberToken('leaver');
    const contact = await create(t, 'contact', { lastName: 'Kept' }, leaverToken);
    const removed = await t.call('update-member', { token: admin, params: { id: 'leaver' }, body: { deactivated: true }, headers: { 'if-match': '"1"' } });
    expect(removed.status).toBe(200);
    const refused = await t.call('get-contact', { token: leaverToken, params: { id: contact.id } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('AUTH.MEMBER_DEACTIVATED');
    expect((await t.call('get-contact', { token: admin, params: { id: contact.id } })).body.lastName).toBe('Kept');
  });

  it('lets an admin add a colleague ahead of their first sign-in, with a manager who exists', async () => {
    const admin = await memberToken('founder');
    await me(admin);
    const added = await t.call('create-member', { token: admin, body: { id: 'later', displayName: 'Lee Later', email: 'Lee@Contoso.com', role: 'manager', managerId: 'founder' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: 'later', email: 'lee@contoso.com', role: 'manager', managerId: 'founder' });
    expect(await me(await memberToken('later'))).toMatchObject({ roles: ['manager'] });
    const again = await t.call('create-member', { token: admin, body: { id: 'later', displayName: 'Lee Later' } });
    expect(again.status).toBe(409);
    const noManager = await t.call('create-member', { token: admin, body: { id: 'other', displayName: 'O', managerId: 'nobody' } });
    expect(noManager.status).toBe(422);
  });

  describe('a colleague added by e-mail', () => {
    let admin: string;
    beforeEach(async () => {
      admin = await memberToken('founder');
      await me(admin);
    });
    const invite = (body: object) => t.call('create-member', { token: admin, body });
    const listed = async () => (await t.call('list-members', { token: admin })).body.items as Member[];

    it('is invited until their first sign-in with that address takes the membership', async () => {
      const invited = await invite({ email: 'Dana.Lee@Contoso.com', role: 'manager', team: 'North', managerId: 'founder' });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ email: 'dana.lee@contoso.com', displayName: 'Dana.Lee@Contoso.com', role: 'manager', team: 'North', invited: true });
      expect(invited.body.id).not.toBe('dana-oid');

      // Nothing may be given to an invitation: its id goes when they sign in.
      const given = await t.call('create-contact', { token: admin, body: { lastName: 'Early', ownerId: invited.body.id } });
      expect(given.status).toBe(422);
      expect(given.body.error).toMatchObject({ code: 'MEMBER.NOT_SIGNED_IN', details: { field: 'ownerId' } });

      const dana = await t.token(TENANT_A, 'dana-oid', [], 'Dana Lee', 'DANA.LEE@contoso.com');
      expect(await me(dana)).toMatchObject({ userId: 'dana-oid', roles: ['manager'], rolesFrom: 'member', capabilities: { viewTeam: true, manageSettings: false } });
      const members = await listed();
      expect(members.map((member) => member.id).sort()).toEqual(['dana-oid', 'founder']);
      const joined = members.find((member) => member.id === 'dana-oid');
      expect(joined).toMatchObject({ displayName: 'Dana Lee', email: 'dana.lee@contoso.com', role: 'manager', team: 'North', managerId: 'founder' });
      expect(joined?.invited).toBeUndefined();
      // The taken invitation is no record anyone can restore.
      expect((await t.call('list-deleted', { token: admin })).body.items).toEqual([]);
      // A colleague signing in with another address is a rep, as before.
      expect(await me(await t.token(TENANT_A, 'sam-oid', [], 'Sam', 'sam@contoso.com'))).toMatchObject({ roles: ['rep'] });
    });

    it('refuses an address a member already has, and one that is no address, at the e-mail field', async () => {
      expect((await invite({ email: 'kim@contoso.com' })).status).toBe(201);
      const twice = await invite({ email: 'KIM@contoso.com', role: 'admin' });
      expect(twice.status).toBe(409);
      expect(twice.body.error).toMatchObject({
        code: 'MEMBER.EMAIL_TAKEN',
        details: { field: 'email', fields: [{ path: 'email', code: 'MEMBER.EMAIL_TAKEN' }], existing: { displayName: 'kim@contoso.com', invited: true } },
      });
      const bad = await invite({ email: 'kim at contoso' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(bad.body.error.details.fields).toEqual([expect.objectContaining({ path: 'email' })]);
      const nobody = await invite({ role: 'rep' });
      expect(nobody.status).toBe(400);
      expect(nobody.body.error.details.fields).toEqual([expect.objectContaining({ path: 'email' })]);
      // A member who signed in keeps their address too, and another member cannot be given it.
      await me(await t.token(TENANT_A, 'kim-oid', [], 'Kim', 'kim@contoso.com'));
      expect((await invite({ email: 'kim@contoso.com' })).body.error.code).toBe('MEMBER.EMAIL_TAKEN');
      await me(await memberToken('rep-x'));
      const taken = await t.call('update-member', { token: admin, params: { id: 'rep-x' }, body: { email: 'Kim@Contoso.com' }, headers: { 'if-match': '"1"' } });
      expect(taken.status).toBe(409);
      expect(taken.body.error.code).toBe('MEMBER.EMAIL_TAKEN');
      expect(await listed()).toHaveLength(3);
    });
  });

  describe('record ownership', () => {
    let repToken: string;
    let otherRepToken: string;
    let managerToken: string;
    let contact: { id: string; ownerId: string };
    beforeEach(async () => {
      repToken = await t.token(TENANT_A, 'rep-1', ['rep']);
      otherRepToken = await t.token(TENANT_A, 'rep-2', ['rep']);
      managerToken = await t.token(TENANT_A, 'manager-1', ['manager']);
      // Records are given only to members: rep-2 has signed in before.
      await t.call('get-me', { token: otherRepToken });
      contact = await create(t, 'contact', { lastName: 'Owned' }, repToken);
    });
    const patch = (token: string, body: object, version = '"1"') =>
      t.call('update-contact', { token, params: { id: contact.id }, body, headers: { 'if-match': version } });

    it("lets a rep change their own record and not a colleague's", async () => {
      const refused = await patch(otherRepToken, { title: 'Hijacked' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('AUTH.NOT_RECORD_OWNER');
      const deleted = await t.call('delete-contact', { token: otherRepToken, params: { id: contact.id }, headers: { 'if-match': '"1"' } });
      expect(deleted.status).toBe(403);
      expect((await patch(repToken, { title: 'Buyer' })).status).toBe(200);
      // Everyone in the tenant still reads it.
      expect((await t.call('get-contact', { token: otherRepToken, params: { id: contact.id } })).body.title).toBe('Buyer');
    });

    it('lets only a manager or admin reassign a record or create one for someone else', async () => {
      const handOver = await patch(repToken, { ownerId: 'rep-2' });
      expect(handOver.status).toBe(403);
      expect(handOver.body.error).toMatchObject({ code: 'AUTH.ROLE_REQUIRED', message: 'Only a manager or an admin can give a contact another owner.' });
      const forOther = await t.call('create-contact', { token: repToken, body: { lastName: 'Planted', ownerId: 'rep-2' } });
      expect(forOther.status).toBe(403);
      const reassigned = await patch(managerToken, { ownerId: 'rep-2', title: 'Reassigned' });
      expect(reassigned.status).toBe(200);
      expect(reassigned.body).toMatchObject({ ownerId: 'rep-2', updatedBy: 'manager-1' });
      expect((await patch(otherRepToken, { title: 'Now mine' }, '"2"')).status).toBe(200);
    });
  });
});

describe('a tenant whose members were imported', () => {
  it('makes a newcomer a rep, not the admin, even though they are the first to sign in', async () => {
    const t = await createTestApp();
    try {
      const at = '2026-11-01T00:00:00.000Z';
      await t.app.store.createMany('member', [
        { tenantId: TENANT_A, id: 'imported-admin', displayName: 'Imported Admin', role: 'admin', createdAt: at, createdBy: 'import', updatedAt: at, updatedBy: 'import', ownerId: 'import', version: 1 },
      ]);
      expect((await t.call('get-me', { token: await t.token(TENANT_A, 'newcomer', []) })).body.roles).toEqual(['rep']);
      expect((await t.call('get-me', { token: await t.token(TENANT_A, 'imported-admin', []) })).body.roles).toEqual(['admin']);
    } finally {
      await t.close();
    }
  });
});

describe('two instances enrolling the same founder at once', () => {
  it('leaves the tenant with its founder as admin, whichever enrollment lands first', async () => {
    const t = await createTestApp();
    try {
      // The other instance got position 2 of the sequence and wrote its member (a rep) just before this one's write.
      const { MemberDirectory } = await import('../../functions/src/auth/member-directory');
      const at = '2026-11-01T00:00:00.000Z';
      const store = t.app.store;
      const create = store.create.bind(store);
      let raced = false;
      store.create = (async (kind, record, claim) => {
        if (kind === 'member' && !raced) {
          raced = true;
          await store.nextSequence(TENANT_A, 'members');
          await create('member', { ...(record as Member), role: 'rep' });
        }
        return create(kind, record, claim);
      }) as typeof store.create;
      const directory = new MemberDirectory({ store: t.app.store, now: () => new Date(at) });
      const principal = await directory.principalFor({ tenantId: TENANT_A, userId: 'founder', roles: [] });
      expect(principal.roles).toEqual(['admin']);
      expect((await t.app.store.get('member', TENANT_A, 'founder'))?.role).toBe('admin');
    } finally {
      await t.close();
    }
  });
});
