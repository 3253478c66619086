import {
  CrmError,
  apiOf,
  crudKinds,
  canEditRecord,
  capabilitiesOf,
  notYourRecord,
  roleRequired,
  isRestorable,
  RESTORE_WINDOW_DAYS,
  type AuditEntry,
  invalidField,
  linkFilters,
  notFound,
  type Activity,
  type ApiDefinition,
  type WorkCounters,
  type TimelinePage,
  type CrudKind,
  type InputOf,
  type Page,
  type PatchOf,
  type RecordKind,
  type RecordOf,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import { hooksOf } from '../kinds/hooks';
import type { ActionHook, Changes, Draft } from '../kinds/kind-hooks';
import type { CreateResult, DeletedRecord, LinkTarget, Store } from '../store/store';
import { inScope, isPrivateKind, readScopeOf, type ReadScope } from './read-scope';
import { RecordWriter, type Clock } from './record-writer';
import { relatedNamesOf } from './related-names';

export type { InputOf, PatchOf } from '@rapport/shared';
export type { Clock } from './record-writer';

export type ListQuery = {
  limit: number;
  cursor?: string | undefined;
  ownerId?: string | undefined;
  companyId?: string | undefined;
  contactId?: string | undefined;
  dealId?: string | undefined;
  translationGroup?: string | undefined;
  campaignId?: string | undefined;
};

export type RecordServiceDependencies = {
  store: Store;
  now: Clock;
  newId?: () => string;
};

// Planned activities counted per record and range: one page of the index, so a count never grows with history.
const MAX_COUNTED_WORK = 100;

// An action (an upvote) is made on the record as read; when another changed it meanwhile, it is made again, after a
// short random pause so that contenders spread out, up to this many times (ten members voting at the same moment).
const ACTION_ATTEMPTS = 10;
const ACTION_PAUSE_MS = 15;

/** What users may do with CRM records through the API, under who may do what; every write goes through the writer. */
/**
 * Whether the caller may change (or delete, or restore) a record: their own, or a manager's or admin's any; and any record
 * of a kind written by a capability the caller has (a knowledge editor changes every article, whoever wrote it).
 */
function mayChange(kind: RecordKind, principal: Principal, record: { ownerId: string }): boolean {
  const capability = (apiOf(kind as CrudKind) as ApiDefinition | undefined)?.write?.capability;
  return canEditRecord(principal, record) || (capability !== undefined && (principal.capabilities ?? []).includes(capability));
}

export class RecordService {
  readonly writer: RecordWriter;
  private readonly store: Store;
  private readonly now: Clock;

  constructor(deps: RecordServiceDependencies) {
    this.store = deps.store;
    this.now = deps.now;
    this.writer = new RecordWriter(deps);
  }

  async create<K extends CrudKind>(
    kind: K,
    principal: Principal,
    input: InputOf<K>,
    idempotency?: { key: string; requestHash: string },
    query: Readonly<Record<string, unknown>> = {},
  ): Promise<CreateResult<RecordOf[K]>> {
    const claim = idempotency ? { userId: principal.userId, ...idempotency } : undefined;
    const { ownerId, ...fields } = input as InputOf<K> & { ownerId?: string };
    if (ownerId !== undefined && ownerId !== principal.userId && !capabilitiesOf(principal.roles).reassign) {
      throw roleRequired('manager', `create a ${kind} for someone else`);
    }
    const { beforeCreate } = hooksOf(kind);
    if (beforeCreate) {
      // A retry of a create that succeeded is answered with its record, not checked again.
      const replay = claim ? await this.store.replayOf(kind, principal.tenantId, claim) : null;
      if (replay) return { record: replay, replayed: true };
      await beforeCreate(input as never, { actor: principal, store: this.store, query });
    }
    const id = hooksOf(kind).newRecordId?.(input as never);
    return this.writer.add(kind, principal, fields as Draft<K>, { ownerId, ...(id ? { id } : {}), ...(claim ? { claim } : {}) });
  }

  async get<K extends RecordKind>(kind: K, principal: Principal, id: string): Promise<RecordOf[K]> {
    const record = await this.store.get(kind, principal.tenantId, id);
    // A private record the caller may not read is not found, as one that does not exist: its existence does not leak.
    if (!record || !(await this.mayRead(kind, principal, record))) throw notFound(kind, id);
    return record;
  }

  /** Whether the caller may read the record: anyone in the tenant, unless its kind is private (`readableBy`). */
  async mayRead(kind: RecordKind, principal: Principal, record: { ownerId: string }): Promise<boolean> {
    if (!isPrivateKind(kind) || record.ownerId === principal.userId) return true;
    return inScope(await readScopeOf(this.store, principal), record.ownerId);
  }

  /** Whether the caller may read the record of this id (false when there is none). */
  async canRead(kind: RecordKind, principal: Principal, id: string): Promise<boolean> {
    const record = await this.store.get(kind, principal.tenantId, id);
    return record !== null && (await this.mayRead(kind, principal, record));
  }

  async update<K extends CrudKind>(kind: K, principal: Principal, id: string, patch: PatchOf<K>, expectedVersion: number): Promise<RecordOf[K]> {
    const current = await this.get(kind, principal, id);
    if (!mayChange(kind, principal, current)) throw notYourRecord(kind);
    // A kind whose fields are its author's words (a tip): a manager removes it, but does not rewrite it.
    const { authorOnly } = apiOf(kind) as ApiDefinition;
    if (authorOnly && current.ownerId !== principal.userId) {
      throw new CrmError('forbidden', authorOnly.code, `Only the author of this ${kind} can change it. A manager or an admin can remove it.`, { kind, id });
    }
    await this.writer.requireVersion(kind, current, expectedVersion);
    const { ownerId, ...changes } = patch as PatchOf<K> & { ownerId?: string | null };
    if (typeof ownerId === 'string' && ownerId !== current.ownerId && !capabilitiesOf(principal.roles).reassign) {
      throw roleRequired('manager', `give a ${kind} another owner`);
    }
    if (ownerId === null) throw invalidField('REQUEST.VALIDATION_FAILED', 'ownerId', 'A record always has an owner; give the new owner\'s id.');
    // A patch names the kind's own fields only (its schema is the input's, made partial).
    return this.writer.change(kind, principal, current, changes as Changes<K>, { expectedVersion, ownerId });
  }

  /** Soft delete: the record disappears from reads, lookups and timelines but is kept. */
  async remove(kind: RecordKind, principal: Principal, id: string, expectedVersion: number): Promise<void> {
    const current = await this.get(kind, principal, id);
    if (!mayChange(kind, principal, current)) throw notYourRecord(kind);
    await this.writer.remove(kind, principal, current, expectedVersion);
  }

  /**
   * An action on a record besides changing its fields (an upvote, a pin): anyone who may read it may act, unless the
   * action names a role (or the kind is written by a role only). Made on the record as read, and again when someone
   * changed it meanwhile; an action that changes nothing (a second upvote) writes nothing.
   */
  async act<K extends CrudKind>(kind: K, principal: Principal, id: string, action: string, body: Record<string, unknown>): Promise<RecordOf[K]> {
    // Who may act is the action's route's role (the contract derives it from the definition), checked before this runs.
    const change = (hooksOf(kind).actions as Record<string, ActionHook<K>> | undefined)?.[action];
    if (!(apiOf(kind) as ApiDefinition).actions?.[action] || !change) throw new Error(`The ${kind} kind has no action "${action}"`);
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(kind, principal, id);
      const changes = change(current, body, { actor: principal, now: this.now().toISOString() });
      if (changesNothing(current, changes)) return current;
      try {
        return await this.writer.change(kind, principal, current, changes);
      } catch (error) {
        const stale = error instanceof CrmError && error.category === 'precondition-failed';
        if (attempt >= ACTION_ATTEMPTS || !stale) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * ACTION_PAUSE_MS * attempt));
      }
    }
  }

  /** Undoes a delete within the restore window; the record comes back with its links and index entries. */
  async restore<K extends RecordKind>(kind: K, principal: Principal, id: string, expectedVersion: number): Promise<RecordOf[K]> {
    const deleted = await this.store.getDeleted(kind, principal.tenantId, id);
    if (!deleted) {
      if (await this.canRead(kind, principal, id)) {
        throw new CrmError('conflict', 'RECORD.NOT_DELETED', `This ${kind} is not deleted: there is nothing to restore.`, { kind, id });
      }
      throw notFound(kind, id);
    }
    if (!(await this.mayRead(kind, principal, deleted))) throw notFound(kind, id);
    if (!mayChange(kind, principal, deleted)) throw notYourRecord(kind);
    const now = this.now();
    if (!deleted.deletedAt || !isRestorable(deleted.deletedAt, now)) {
      throw new CrmError(
        'conflict',
        'RECORD.RESTORE_EXPIRED',
        `This ${kind} was deleted more than ${RESTORE_WINDOW_DAYS} days ago and can no longer be restored.`,
        { kind, id, deletedAt: deleted.deletedAt },
      );
    }
    return this.writer.restore(kind, principal, deleted, expectedVersion);
  }

  /** Every change of a record, newest first; a deleted record's too, so one can see what is being restored. */
  async history(kind: CrudKind, principal: Principal, id: string, page: { limit: number; cursor?: string | undefined }): Promise<Page<AuditEntry>> {
    const exists = (await this.store.get(kind, principal.tenantId, id)) ?? (await this.store.getDeleted(kind, principal.tenantId, id));
    if (!exists || !(await this.mayRead(kind, principal, exists))) throw notFound(kind, id);
    return this.store.history(kind, principal.tenantId, id, page);
  }

  /** The recycle bin: what was deleted in the restore window, the latest first. */
  async deleted(principal: Principal, page: { limit: number; cursor?: string | undefined }): Promise<Page<DeletedRecord>> {
    const since = new Date(this.now().getTime() - RESTORE_WINDOW_DAYS * 24 * 60 * 60 * 1000).toISOString();
    const deleted = await this.store.listDeleted(principal.tenantId, { ...page, since });
    // Only records restored by their own routes: an invitation taken by a member's first sign-in is gone for good.
    const restorable = deleted.items.filter((item) => (crudKinds as readonly string[]).includes(item.kind));
    // Private records only for those who may read them (the team is read once, when a page holds any).
    let scope: Promise<ReadScope> | undefined;
    const shown = await Promise.all(
      restorable.map(async (item) => {
        const ownerId = String((item.record as { ownerId?: unknown }).ownerId);
        if (!isPrivateKind(item.kind) || ownerId === principal.userId) return true;
        return inScope(await (scope ??= readScopeOf(this.store, principal)), ownerId);
      }),
    );
    return { ...deleted, items: restorable.filter((_item, index) => shown[index]) };
  }

  async list<K extends CrudKind>(kind: K, principal: Principal, query: ListQuery): Promise<Page<RecordOf[K]>> {
    const links = (Object.keys(linkFilters) as (keyof typeof linkFilters)[]).filter((key) => query[key] !== undefined);
    if (links.length > 1) {
      throw new CrmError('invalid', 'REQUEST.VALIDATION_FAILED', `Filter by one of ${links.join(', ')} at a time.`, {
        fields: links.map((path) => ({ path, message: 'only one link filter at a time' })),
      });
    }
    await hooksOf(kind).beforeList?.(principal, { store: this.store, writer: this.writer });
    const link = links[0];
    const linkedTo: LinkTarget | undefined = link ? { kind: linkFilters[link], id: String(query[link]) } : undefined;
    if (!isPrivateKind(kind)) return this.store.list(kind, principal.tenantId, { limit: query.limit, cursor: query.cursor, ownerId: query.ownerId, linkedTo });
    // A private kind: a rep's list is their own records; a manager's, their team's; asking for another's gives none.
    const scope = await readScopeOf(this.store, principal);
    if (query.ownerId !== undefined && !inScope(scope, query.ownerId)) return { items: [], nextCursor: null };
    const alone = !scope.all && scope.ownerIds.size === 1 ? principal.userId : undefined;
    const page = await this.store.list(kind, principal.tenantId, { limit: query.limit, cursor: query.cursor, ownerId: query.ownerId ?? alone, linkedTo });
    // A manager's page keeps the team's records only: it may hold fewer than asked, and its cursor goes on.
    return { ...page, items: page.items.filter((record) => inScope(scope, record.ownerId)) };
  }

  /**
   * What needs attention on a record: its planned activities overdue (due before the caller's day), due in it, and
   * later. Each count is one bounded index read, whatever the record's history.
   */
  async workCounters(kind: CrudKind, principal: Principal, id: string, day: { dayStart: string; dayEnd: string }): Promise<WorkCounters> {
    await this.get(kind, principal, id);
    const target = { kind, id };
    const start = new Date(day.dayStart).toISOString();
    const end = new Date(day.dayEnd).toISOString();
    const [untilToday, later] = await Promise.all([
      this.store.list('activity', principal.tenantId, { linkedTo: target, openOnly: true, before: end, limit: MAX_COUNTED_WORK }),
      this.store.list('activity', principal.tenantId, { linkedTo: target, openOnly: true, from: end, limit: MAX_COUNTED_WORK }),
    ]);
    const overdue = untilToday.items.filter((activity) => activity.at < start).length;
    return {
      overdue,
      dueToday: untilToday.items.length - overdue,
      planned: later.items.length,
      capped: untilToday.nextCursor !== null || later.nextCursor !== null,
    };
  }

  /** A record's activities, newest first, with the names of what they point at (the record itself among them). */
  async timeline(kind: CrudKind, principal: Principal, id: string, page: { limit: number; cursor?: string | undefined }): Promise<TimelinePage> {
    const record = await this.get(kind, principal, id);
    const activities = await this.store.list('activity', principal.tenantId, { ...page, linkedTo: { kind, id } });
    return { ...activities, related: await relatedNamesOf(this.store, principal.tenantId, activities.items, { known: [{ kind, record }] }) };
  }
}

/** Whether applying the changes would leave the record as it is (`null` clears: the same as a field not set). */
function changesNothing(record: object, changes: Readonly<Record<string, unknown>>): boolean {
  const current = record as Record<string, unknown>;
  return Object.entries(changes).every(([field, value]) => value === undefined || JSON.stringify(value ?? undefined) === JSON.stringify(current[field]));
}
