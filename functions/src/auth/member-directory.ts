import { CrmError, type Member, type Role } from '@rapport/shared';
import type { Store } from '../store/store';
import type { Principal } from './principal';
import type { VerifiedToken } from './token-verifier';

export type MemberDirectoryOptions = {
  store: Store;
  now: () => Date;
  /** How long a member's role is trusted from memory before it is read again. */
  cacheMs?: number;
  maxCached?: number;
};

const DEFAULT_CACHE_MS = 30_000;
const DEFAULT_MAX_CACHED = 10_000;

/**
 * Who the caller is in their tenant. A token that carries app roles (assigned in Entra ID) decides
 * the role; otherwise the tenant's member record does. A user seen for the first time becomes a
 * member: the tenant's first becomes its admin, everyone after a rep until an admin says otherwise.
 */
export class MemberDirectory {
  private readonly cache = new Map<string, { member: Member; until: number }>();
  private readonly enrolling = new Map<string, Promise<Member>>();
  private readonly cacheMs: number;
  private readonly maxCached: number;

  constructor(private readonly options: MemberDirectoryOptions) {
    this.cacheMs = options.cacheMs ?? DEFAULT_CACHE_MS;
    this.maxCached = options.maxCached ?? DEFAULT_MAX_CACHED;
  }

  async principalFor(token: VerifiedToken): Promise<Principal> {
    const principal: Principal = { tenantId: token.tenantId, userId: token.userId, roles: token.roles };
    if (token.name) principal.name = token.name;
    if (token.roles.length > 0) return { ...principal, rolesFrom: 'token' };
    const member = await this.memberFor(token);
    if (member.deactivated) {
      throw new CrmError('forbidden', 'AUTH.MEMBER_DEACTIVATED', 'Your access to Rapport in this organization was removed. Ask your admin.');
    }
    return { ...principal, roles: [member.role], rolesFrom: 'member' };
  }

  /** Forget a member's cached role, after an admin changed it. */
  forget(tenantId: string, userId: string): void {
    this.cache.delete(`${tenantId}/${userId}`);
  }

  private async memberFor(token: VerifiedToken): Promise<Member> {
    const key = `${token.tenantId}/${token.userId}`;
    const cached = this.cache.get(key);
    const now = this.options.now().getTime();
    if (cached && cached.until > now) return cached.member;
    const member = (await this.options.store.get('member', token.tenantId, token.userId)) ?? (await this.enroll(key, token));
    if (this.cache.size >= this.maxCached) this.cache.clear();
    this.cache.set(key, { member, until: now + this.cacheMs });
    return member;
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
    const role: Role = founder ? 'admin' : 'rep';
    const at = this.options.now().toISOString();
    const member: Member = {
      tenantId: token.tenantId,
      id: token.userId,
      displayName: token.name ?? token.email ?? 'New member',
      role,
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
      if (role !== 'admin' || existing.role === 'admin') return existing;
      const promoted: Member = { ...existing, role: 'admin', updatedAt: at, updatedBy: token.userId, version: existing.version + 1 };
      return store.replace('member', promoted, existing.version).catch(async () => (await store.get('member', token.tenantId, token.userId)) ?? existing);
    }
  }
}
