import { CrmError, alreadyExists, capabilitiesOf, memberView, notFound, type AuditEntry, type Me, type Member, type MemberChange, type MemberRecord, type StaleVersionDetails, type MemberCreate, type Page } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';
import { emailTaken, membersWithEmail } from './member-emails';
import { RecordWriter } from './record-writer';
import { followDigestSubscription } from '../digest/digest-subscriptions';

// Members are few (people of one organization); the last-admin check reads them all up to this.
const MAX_MEMBERS_READ = 5_000;
/** Fields of a member record that are the member's own, never shown to others (not even in the audit trail). */
const OWN_FIELDS: ReadonlySet<string> = new Set(['neverLog']);

export type MembersServiceDependencies = {
  store: Store;
  now: () => Date;
  /** Called after a member changed, so a cached role is not trusted any longer. */
  onChange?: (tenantId: string, userId: string) => void;
};

/** The tenant's people: who they are, their role, team and manager, and whether they may sign in. */
export class MembersService {
  private readonly writer: RecordWriter;

  constructor(private readonly deps: MembersServiceDependencies) {
    this.writer = new RecordWriter(deps);
  }

  me(principal: Principal): Me {
    const me: Me = {
      tenantId: principal.tenantId,
      userId: principal.userId,
      roles: principal.roles,
      rolesFrom: principal.rolesFrom ?? 'token',
      grantedCapabilities: [...(principal.capabilities ?? [])],
      capabilities: capabilitiesOf(principal.roles),
    };
    if (principal.name) me.name = principal.name;
    return me;
  }

  // A member's own never-log list is theirs alone (/api/me/never-log): lists, answers and history leave it out.
  async list(principal: Principal, page: { limit: number; cursor?: string | undefined }): Promise<Page<Member>> {
    const found = await this.deps.store.list('member', principal.tenantId, page);
    return { ...found, items: found.items.map(memberView) };
  }

  async history(principal: Principal, id: string, page: { limit: number; cursor?: string | undefined }): Promise<Page<AuditEntry>> {
    if (!(await this.deps.store.get('member', principal.tenantId, id))) throw notFound('member', id);
    const found = await this.deps.store.history('member', principal.tenantId, id, page);
    // An entry that changed nothing else (the member's own list) stays, with no fields, so versions still count up.
    return { ...found, items: found.items.map((entry) => ({ ...entry, changes: entry.changes.filter((change) => !OWN_FIELDS.has(change.field)) })) };
  }

  /**
   * A colleague added by an admin: by directory id, or by e-mail address alone, invited until their first sign-in with
   * that address takes the membership (see MemberDirectory). An address belongs to one member.
   */
  async create(principal: Principal, input: MemberCreate): Promise<Member> {
    const { id, email, displayName, ...rest } = input;
    if (id !== undefined && (await this.deps.store.get('member', principal.tenantId, id))) throw alreadyExists('member', id);
    if (email !== undefined) await this.requireFreeEmail(principal.tenantId, email);
    const fields = { ...rest, displayName: displayName ?? email ?? '', ...(email !== undefined ? { email } : {}), ...(id === undefined ? { invited: true } : {}) };
    return memberView((await this.writer.add('member', principal, fields, id !== undefined ? { id } : {})).record);
  }

  async update(principal: Principal, id: string, change: MemberChange, expectedVersion: number): Promise<Member> {
    const { store } = this.deps;
    const current = await store.get('member', principal.tenantId, id);
    if (!current) throw notFound('member', id);
    // A stale change shows the member as others see them, without their own list.
    await this.writer.requireVersion('member', current, expectedVersion, memberView(current));
    if (change.email && change.email.toLowerCase() !== current.email) await this.requireFreeEmail(principal.tenantId, change.email, id);
    if (change.managerId === id) throw new CrmError('unprocessable', 'MEMBER.OWN_MANAGER', 'A member cannot be their own manager.');
    if (current.roleSource === 'app-roles' && change.role !== undefined && change.role !== current.role) {
      throw new CrmError(
        'conflict',
        'MEMBER.ROLE_FROM_ENTRA',
        `${current.displayName}'s role comes from the app roles assigned in Entra ID: change it there (Enterprise applications → Rapport → Users and groups).`,
        { field: 'role' },
      );
    }
    const next: Member = { ...current };
    for (const [key, value] of Object.entries(change) as [keyof MemberChange, unknown][]) {
      if (value === undefined) continue;
      if (value === null) delete (next as Record<string, unknown>)[key];
      else (next as Record<string, unknown>)[key] = key === 'email' ? String(value).toLowerCase() : value;
    }
    const losesAdmin = current.role === 'admin' && !current.deactivated && (next.role !== 'admin' || next.deactivated === true);
    if (losesAdmin && (await this.activeAdminCount(principal.tenantId)) <= 1) {
      throw new CrmError('conflict', 'MEMBER.LAST_ADMIN', `${current.displayName} is the only admin left: make someone else an admin first.`);
    }
    const saved = await this.writer.change('member', principal, current, change, { expectedVersion }).catch((error: unknown) => {
      throw withoutOwnFields(error);
    });
    this.deps.onChange?.(principal.tenantId, id);
    // Opted in or out, another zone or hour, or access removed: the morning digest follows.
    await followDigestSubscription(this.deps.store, saved, this.deps.now());
    return memberView(saved);
  }

  private async requireFreeEmail(tenantId: string, email: string, exceptId?: string): Promise<void> {
    const holder = (await membersWithEmail(this.deps.store, tenantId, email)).find((member) => member.id !== exceptId);
    if (holder) throw emailTaken(email, holder);
  }

  private async activeAdminCount(tenantId: string): Promise<number> {
    const { items } = await listUpTo(this.deps.store, 'member', tenantId, {}, MAX_MEMBERS_READ);
    return items.filter((member) => member.role === 'admin' && !member.deactivated && !member.invited).length;
  }
}

/** A 412 from a race lost in the store carries the record it found: shown as others see the member. */
function withoutOwnFields(error: unknown): unknown {
  if (!(error instanceof CrmError) || error.code !== 'RECORD.STALE_VERSION') return error;
  const details = error.details as StaleVersionDetails;
  const current = details.current as MemberRecord;
  return new CrmError(error.category, error.code, error.message, { ...details, current: memberView(current) });
}
