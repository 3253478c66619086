import { CrmError, highestRole, type Member, type Role } from '@rapport/shared';
import type { Store } from '../store/store';
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

export const memberDeactivated = () =>
  new CrmError('forbidden', 'AUTH.MEMBER_DEACTIVATED', 'Your access to Rapport in this organization was removed. Ask your admin.');

/**
 * Who the caller is in their tenant. Every signed-in user is a member of their tenant (enrolled on their first
 * request), and the role follows one rule, in this order:
 * 1. a deactivated member is refused, whatever the token carries;
 * 2. a token that carries app roles (assigned in Entra ID) decides the role, and the member record mirrors it
 *    (`roleSource: 'app-roles'`), so the tenant's admin count and member list see it;
 * 3. otherwise the member record's role decides. A member whose role came from app roles and whose token no
 *    longer carries any is a rep until an admin says otherwise;
 * 4. a new member is the tenant's admin when they are its first member, else a rep (or what their app roles say).
 */
export class MemberDirectory {
  private readonly cache = new Map<string, { member: Member; until: number }>();
  private readonly enrolling = new Map<string, Promise<Member>>();
  private readonly cacheMs: number;
  private readonly maxCached: number;

  constructor(private readonly options: MemberDirectoryOptions) {
    this.cacheMs = options.cacheMs ?? MEMBER_CACHE_MS;
    this.maxCached = options.maxCached ?? DEFAULT_MAX_CACHED;
  }

  async principalFor(token: VerifiedToken): Promise<Principal> {
    const principal: Principal = { tenantId: token.tenantId, userId: token.userId, roles: token.roles };
    if (token.name) principal.name = token.name;
    const member = await this.memberFor(token);
    if (member.deactivated) throw memberDeactivated();
    if (token.roles.length > 0) return { ...principal, rolesFrom: 'token' };
    return { ...principal, roles: [member.role], rolesFrom: 'member' };
  }

  /** Forget a member's cached record, after an admin changed it: this instance applies the change at once. */
  forget(tenantId: string, userId: string): void {
    this.cache.delete(`${tenantId}/${userId}`);
  }

  private async memberFor(token: VerifiedToken): Promise<Member> {
    const key = `${token.tenantId}/${token.userId}`;
    const cached = this.cache.get(key);
    const now = this.options.now().getTime();
    if (cached && cached.until > now && mirrors(cached.member, token)) return cached.member;
    const stored = (await this.options.store.get('member', token.tenantId, token.userId)) ?? (await this.enroll(key, token));
    const member = mirrors(stored, token) || stored.deactivated ? stored : await this.mirrorAppRoles(stored, token);
    if (this.cache.size >= this.maxCached) this.cache.clear();
    this.cache.set(key, { member, until: now + this.cacheMs });
    return member;
  }

  // The member record follows the token's app roles (or their removal), so counts of admins and the member list are true.
  private async mirrorAppRoles(member: Member, token: VerifiedToken): Promise<Member> {
    const next: Member = { ...member, updatedAt: this.options.now().toISOString(), updatedBy: token.userId, version: member.version + 1 };
    if (token.roles.length > 0) {
      next.role = highestRole(token.roles);
      next.roleSource = 'app-roles';
    } else {
      next.role = 'rep';
      delete next.roleSource;
    }
    try {
      return await this.options.store.replace('member', next, member.version);
    } catch {
      // An admin or another instance changed the record meanwhile: theirs is read again on the next request.
      return (await this.options.store.get('member', token.tenantId, token.userId)) ?? member;
    }
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
    const position = await store.nextSequence(token.tenantId, 'members');
    // Members written by a seed or an import did not count themselves: the first to sign in is admin only in an empty tenant.
    const founder = position === 1 && (await store.list('member', token.tenantId, { limit: 1 })).items.length === 0;
    const fromAppRoles = token.roles.length > 0;
    const role: Role = fromAppRoles ? highestRole(token.roles) : founder ? 'admin' : 'rep';
    const at = this.options.now().toISOString();
    const member: Member = {
      tenantId: token.tenantId,
      id: token.userId,
      displayName: token.name ?? token.email ?? 'New member',
      role,
      ...(fromAppRoles ? { roleSource: 'app-roles' as const } : {}),
      createdAt: at,
      createdBy: token.userId,
      updatedAt: at,
      updatedBy: token.userId,
      ownerId: token.userId,
      version: 1,
    };
    if (token.email) member.email = token.email.toLowerCase();
    try {
      return (await store.create('member', member)).record;
    } catch (error) {
      // Another instance enrolled the same user meanwhile: theirs stands, unless it took this tenant's founding
      // position from us and left the tenant without an admin.
      const existing = await store.get('member', token.tenantId, token.userId);
      if (!existing) throw error;
      if (role !== 'admin' || fromAppRoles || existing.role === 'admin') return existing;
      const promoted: Member = { ...existing, role: 'admin', updatedAt: at, updatedBy: token.userId, version: existing.version + 1 };
      return store.replace('member', promoted, existing.version).catch(async () => (await store.get('member', token.tenantId, token.userId)) ?? existing);
    }
  }
}

/** Whether a member record already says what the token's app roles say (or, without any, that none decided it). */
function mirrors(member: Member, token: VerifiedToken): boolean {
  if (token.roles.length === 0) return member.roleSource !== 'app-roles';
  return member.roleSource === 'app-roles' && member.role === highestRole(token.roles);
}
