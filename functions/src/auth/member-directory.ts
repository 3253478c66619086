import { CrmError, highestRole, type Member, type Role } from '@rapport/shared';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';
import type { Draft } from '../kinds/kind-hooks';
import { membersWithEmail } from '../services/member-emails';
import { RecordWriter } from '../services/record-writer';
import type { Principal } from './principal';
import type { VerifiedToken } from './token-verifier';

export type MemberDirectoryOptions = {
  store: Store;
  now: () => Date;
  /** How long a member record is trusted from memory before it is read again (so how late another instance sees a change). */
  cacheMs?: number;
  maxCached?: number;
};

/** The member cache's lifetime: a change an admin makes applies on other instances within this time. */
export const MEMBER_CACHE_MS = 30_000;
const DEFAULT_MAX_CACHED = 10_000;
// Members are the people of one organization; checks for an active admin read them up to this.
const MAX_MEMBERS_READ = 5_000;

export const memberDeactivated = () =>
  new CrmError('forbidden', 'AUTH.MEMBER_DEACTIVATED', 'Your access to Rapport in this organization was removed. Ask your admin.');

/** What a member is called until anyone knows better: their token said neither a name nor an address. */
const UNNAMED_MEMBER = 'New member';

/**
 * Who the caller is in their tenant. Every signed-in user is a member of their tenant (enrolled on their first
 * request), and the role follows one rule, in this order:
 * 1. a deactivated member is refused, whatever the token carries;
 * 2. a token that carries app roles (assigned in Entra ID) decides the role, and the member record mirrors it
 *    (`roleSource: 'app-roles'`), so the tenant's admin count and member list see it;
 * 3. otherwise the member record's role decides. A member whose role came from app roles and whose token no
 *    longer carries any is a rep until an admin says otherwise;
 * 4. a new member invited by e-mail (an admin added their address) takes the invitation: its role, team, office and
 *    manager, under their directory id; a new member without app roles or invitation is admin when the tenant has no
 *    active admin yet, else a rep;
 * 5. the tenant's last active admin stays admin in Rapport whatever app roles come and go.
 */
export class MemberDirectory {
  private readonly cache = new Map<string, { member: Member; appRoles: string; until: number }>();
  private readonly enrolling = new Map<string, Promise<Member>>();
  private readonly cacheMs: number;
  private readonly maxCached: number;

  private readonly writer: RecordWriter;

  constructor(private readonly options: MemberDirectoryOptions) {
    this.writer = new RecordWriter(options);
    this.cacheMs = options.cacheMs ?? MEMBER_CACHE_MS;
    this.maxCached = options.maxCached ?? DEFAULT_MAX_CACHED;
  }

  async principalFor(token: VerifiedToken): Promise<Principal> {
    const member = await this.memberFor(token);
    if (member.deactivated) throw memberDeactivated();
    const principal: Principal = { tenantId: token.tenantId, userId: token.userId, roles: token.roles };
    // The token's name (Entra ID's `name`), else the one the tenant knows them by (a token may carry none).
    const name = token.name ?? (member.displayName !== UNNAMED_MEMBER ? member.displayName : undefined);
    if (name) principal.name = name;
    if (member.capabilities && member.capabilities.length > 0) principal.capabilities = member.capabilities;
    if (token.roles.length > 0) return { ...principal, rolesFrom: 'token' };
    return { ...principal, roles: [member.role], rolesFrom: 'member' };
  }

  /** Forget a member's cached record, after an admin changed it: this instance applies the change at once. */
  forget(tenantId: string, userId: string): void {
    this.cache.delete(`${tenantId}/${userId}`);
  }

  private async memberFor(token: VerifiedToken): Promise<Member> {
    const key = `${token.tenantId}/${token.userId}`;
    const appRoles = [...token.roles].sort().join(',');
    const cached = this.cache.get(key);
    const now = this.options.now().getTime();
    // A token with other app roles than the one cached is read again, so its roles are mirrored at once.
    if (cached && cached.until > now && cached.appRoles === appRoles) return cached.member;
    const stored = (await this.options.store.get('member', token.tenantId, token.userId)) ?? (await this.enroll(key, token));
    const member = stored.deactivated ? stored : await this.mirrorAppRoles(stored, token);
    if (this.cache.size >= this.maxCached) this.cache.clear();
    this.cache.set(key, { member, appRoles, until: now + this.cacheMs });
    return member;
  }

  /**
   * The member record follows the token's app roles (or their removal), so the member list and the count of admins are
   * true; except that the tenant's last active admin stays admin in Rapport (the record then decides, not Entra ID).
   */
  private async mirrorAppRoles(member: Member, token: VerifiedToken): Promise<Member> {
    let role: Role = token.roles.length > 0 ? highestRole(token.roles) : member.roleSource === 'app-roles' ? 'rep' : member.role;
    let roleSource: Member['roleSource'] = token.roles.length > 0 ? 'app-roles' : undefined;
    if (member.role === 'admin' && role !== 'admin' && !(await this.hasOtherActiveAdmin(member))) {
      role = 'admin';
      roleSource = undefined;
    }
    if (role === member.role && roleSource === member.roleSource) return member;
    try {
      return await this.writer.change('member', token, member, { role, roleSource: roleSource ?? null }, { origin: 'system' });
    } catch {
      // An admin or another instance changed the record meanwhile: theirs is read again when the cache runs out.
      return (await this.options.store.get('member', token.tenantId, token.userId)) ?? member;
    }
  }

  private async hasOtherActiveAdmin(member: Pick<Member, 'tenantId' | 'id'>): Promise<boolean> {
    const { items } = await listUpTo(this.options.store, 'member', member.tenantId, {}, MAX_MEMBERS_READ);
    return items.some((other) => other.id !== member.id && other.role === 'admin' && !other.deactivated && !other.invited);
  }

  // One enrollment per user at a time in this process, so a burst of first requests makes one member.
  private enroll(key: string, token: VerifiedToken): Promise<Member> {
    let pending = this.enrolling.get(key);
    if (!pending) {
      pending = this.createMember(token).finally(() => this.enrolling.delete(key));
      this.enrolling.set(key, pending);
    }
    return pending;
  }

  private async createMember(token: VerifiedToken): Promise<Member> {
    const { store } = this.options;
    const fromAppRoles = token.roles.length > 0;
    const invitations = token.email ? (await membersWithEmail(store, token.tenantId, token.email)).filter((member) => member.invited && !member.deactivated) : [];
    const invitation = invitations.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
    // A newcomer without app roles or invitation becomes admin when the tenant has no active admin yet (whoever was
    // enrolled before, seeded or imported); of newcomers arriving together, the one that claims the founding first.
    const founder =
      !fromAppRoles &&
      !invitation &&
      !(await this.hasOtherActiveAdmin({ tenantId: token.tenantId, id: token.userId })) &&
      (await store.nextSequence(token.tenantId, 'founding-admin')) === 1;
    const role: Role = fromAppRoles ? highestRole(token.roles) : invitation ? invitation.role : founder ? 'admin' : 'rep';
    const fields = {
      displayName: token.name ?? invitation?.displayName ?? token.email ?? UNNAMED_MEMBER,
      role,
      ...(fromAppRoles ? { roleSource: 'app-roles' as const } : {}),
      ...(token.email ? { email: token.email } : {}),
      ...(invitation ? invitedFields(invitation) : {}),
    };
    if (invitation) return this.takeInvitations(token, fields, invitations);
    try {
      return (await this.writer.add('member', token, fields, { id: token.userId, origin: 'system' })).record;
    } catch (error) {
      // Another instance enrolled the same user meanwhile: theirs stands, unless this one claimed the tenant's founding
      // and theirs did not, which would leave the tenant without an admin.
      const existing = await store.get('member', token.tenantId, token.userId);
      if (!existing) throw error;
      if (!founder || existing.role === 'admin') return existing;
      return this.writer.change('member', token, existing, { role: 'admin' }, { origin: 'system' }).catch(async () => (await store.get('member', token.tenantId, token.userId)) ?? existing);
    }
  }

  /**
   * The newcomer becomes the member their invitation describes, under their directory id; the invitation (and any
   * other for the same address) goes, so the list shows them once. Nothing points at an invitation's id (see
   * memberHooks.refuseReference), so nothing is left behind.
   */
  private async takeInvitations(token: VerifiedToken, fields: Draft<'member'>, invitations: Member[]): Promise<Member> {
    const { store } = this.options;
    const add = async (draft: Draft<'member'>) => (await this.writer.add('member', token, draft, { id: token.userId, origin: 'system' })).record;
    const member = await add(fields).catch(async (error: unknown) => {
      // Another instance enrolled the same user meanwhile: theirs stands.
      const existing = await store.get('member', token.tenantId, token.userId);
      if (existing) return existing;
      // The manager the invitation named can no longer be named (they left since): the newcomer comes without one.
      if (fields.managerId === undefined) throw error;
      const { managerId: _managerId, ...withoutManager } = fields;
      return add(withoutManager);
    });
    for (const invitation of invitations) {
      // An invitation another instance removed first is gone already.
      await this.writer.remove('member', token, invitation, invitation.version).catch(() => undefined);
    }
    return member;
  }
}

/** What an invitation says of the member-to-be, beyond their role. */
function invitedFields(invitation: Member): Pick<Partial<Member>, 'team' | 'office' | 'managerId'> {
  const { team, office, managerId } = invitation;
  return { ...(team ? { team } : {}), ...(office ? { office } : {}), ...(managerId ? { managerId } : {}) };
}
