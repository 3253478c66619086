import {
  CrmError,
  canEditRecord,
  capabilitiesOf,
  notYourRecord,
  roleRequired,
  isRestorable,
  normalizeEmail,
  contactDisplayName,
  repForTurn,
  territoryFor,
  RESTORE_WINDOW_DAYS,
  type AuditEntry,
  defaultPipeline,
  invalidField,
  linkFilters,
  missingReference,
  memberNotActive,
  notFound,
  staleVersion,
  type Activity,
  type Territory,
  type WorkCounters,
  type CrudKind,
  type Page,
  type Pipeline,
  type RecordKind,
  type crudResources,
} from '@rapport/shared';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import { listUpTo } from '../store/list-up-to';
import type { CreateResult, DeletedRecord, LinkTarget, RecordOf, Store } from '../store/store';
import { recordRules, type Fields } from './record-rules';

type Resources = typeof crudResources;
export type InputOf<K extends CrudKind> = z.output<Resources[K]['input']>;
export type PatchOf<K extends CrudKind> = z.output<Resources[K]['patch']>;

export type ListQuery = {
  limit: number;
  cursor?: string | undefined;
  ownerId?: string | undefined;
  companyId?: string | undefined;
  contactId?: string | undefined;
  dealId?: string | undefined;
};

export type Clock = () => Date;

export type RecordServiceDependencies = {
  store: Store;
  now: Clock;
  newId: () => string;
  /** The tenant's pipeline; every tenant has the default one until admins can edit it. */
  pipelineOf?: (tenantId: string) => Promise<Pipeline>;
};

// Planned activities counted per record and range: one page of the index, so a count never grows with history.
const MAX_COUNTED_WORK = 100;

// Territories are settings, a few per tenant; assignment reads them all up to this many.
const MAX_TERRITORIES = 500;

const systemFieldNames = ['tenantId', 'id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'ownerId', 'version', 'deletedAt'];

/** Create, read, change and delete CRM records under the rules of each kind. */
export class RecordService {
  private readonly store: Store;
  private readonly now: Clock;
  private readonly newId: () => string;
  private readonly pipelineOf: (tenantId: string) => Promise<Pipeline>;

  constructor(deps: RecordServiceDependencies) {
    this.store = deps.store;
    this.now = deps.now;
    this.newId = deps.newId;
    this.pipelineOf = deps.pipelineOf ?? (async () => defaultPipeline);
  }

  async create<K extends CrudKind>(
    kind: K,
    principal: Principal,
    input: InputOf<K>,
    idempotency?: { key: string; requestHash: string },
    options: { allowDuplicateEmail?: boolean } = {},
  ): Promise<CreateResult<RecordOf[K]>> {
    const claim = idempotency ? { userId: principal.userId, ...idempotency } : undefined;
    if (kind === 'contact' && !options.allowDuplicateEmail) {
      // A retry of a create that succeeded is answered with its record, not warned about it.
      const replay = claim ? await this.store.replayOf(kind, principal.tenantId, claim) : null;
      if (replay) return { record: replay, replayed: true };
      await this.warnOfDuplicateEmails(principal.tenantId, (input as InputOf<'contact'>).emails ?? []);
    }
    const record = await this.newRecord(kind, principal, input, this.newId());
    return this.store.create(kind, record, claim);
  }

  /**
   * A new record as `create` would store it (validated references, derived fields, a case's number, a lead's
   * territory and rep), not yet stored: imports write many at once. `territories` and `pipeline` save reading
   * them per record.
   */
  async newRecord<K extends CrudKind>(
    kind: K,
    principal: Principal,
    input: InputOf<K>,
    id: string,
    options: { territories?: readonly Territory[]; pipeline?: Pipeline } = {},
  ): Promise<RecordOf[K]> {
    const now = this.now().toISOString();
    const requested = { ...(input as Fields) };
    const { ownerId, ...own } = requested;
    if (typeof ownerId === 'string' && ownerId !== principal.userId && !capabilitiesOf(principal.roles).reassign) {
      throw roleRequired('manager', `create a ${kind} for someone else`);
    }
    if (typeof ownerId === 'string') await this.requireActiveMembers(kind, principal.tenantId, 'ownerId', [ownerId]);
    const fields = await this.prepare(kind, principal.tenantId, own, requested, undefined, now, options.pipeline);
    if (kind === 'case') fields.number = await this.store.nextSequence(principal.tenantId, 'case');
    // A lead nobody was named for goes to its territory's reps in turn.
    const assigned = kind === 'lead' && typeof ownerId !== 'string' ? await this.assignLead(principal.tenantId, fields, options.territories) : null;
    if (assigned) Object.assign(fields, assigned.fields);
    return {
      ...fields,
      tenantId: principal.tenantId,
      id,
      createdAt: now,
      createdBy: principal.userId,
      updatedAt: now,
      updatedBy: principal.userId,
      ownerId: typeof ownerId === 'string' ? ownerId : (assigned?.ownerId ?? principal.userId),
      version: 1,
    } as unknown as RecordOf[K];
  }

  /** The tenant's pipeline, for preparing many records (see `newRecord`). */
  async pipelineFor(tenantId: string): Promise<Pipeline> {
    return this.pipelineOf(tenantId);
  }

  /**
   * The tenant's territories with only their active reps, for assigning leads (see `newRecord`): a deactivated
   * rep's turn is skipped.
   */
  async territoriesForAssignment(tenantId: string): Promise<Territory[]> {
    const territories = (await listUpTo(this.store, 'territory', tenantId, {}, MAX_TERRITORIES)).items;
    const repIds = [...new Set(territories.flatMap((territory) => territory.repIds))];
    if (repIds.length === 0) return territories;
    const active = new Set((await this.store.getMany('member', tenantId, repIds)).filter((member) => !member.deactivated).map((member) => member.id));
    return territories.map((territory) => ({ ...territory, repIds: territory.repIds.filter((id) => active.has(id)) }));
  }

  /**
   * 422 unless each id names an active member of the tenant: a record is given to, or a territory or team
   * names, only people who can still sign in. Checked on the fields a request sets, so records of a departed
   * rep stay editable.
   */
  private async requireActiveMembers(kind: RecordKind, tenantId: string, field: string, memberIds: readonly string[]): Promise<void> {
    if (memberIds.length === 0) return;
    const found = new Map((await this.store.getMany('member', tenantId, [...new Set(memberIds)])).map((member) => [member.id, member]));
    for (const id of memberIds) {
      const member = found.get(id);
      if (!member) throw missingReference(kind, field, 'member', id);
      if (member.deactivated) throw memberNotActive(field, member);
    }
  }

  /**
   * The territory a new lead falls in (the one it names, or the one its address matches) and the rep whose
   * turn it is there; null when no territory takes it.
   */
  private async assignLead(tenantId: string, fields: Fields, known?: readonly Territory[]): Promise<{ ownerId?: string; fields: Fields } | null> {
    const territories = known ?? (await this.territoriesForAssignment(tenantId));
    const named = typeof fields.territoryId === 'string' ? territories.find((territory) => territory.id === fields.territoryId) : undefined;
    const territory = named ?? territoryFor(fields.address as RecordOf['lead']['address'], territories);
    if (!territory) return null;
    // A territory without reps still files the lead there; its creator keeps it.
    if (territory.repIds.length === 0) return { fields: { territoryId: territory.id } };
    const rep = repForTurn(territory.repIds, await this.store.nextSequence(tenantId, `territory-turn:${territory.id}`));
    return { ...(rep ? { ownerId: rep } : {}), fields: { territoryId: territory.id, ...(fields.status === 'new' && rep ? { status: 'assigned' } : {}) } };
  }

  /** 409 CONTACT.DUPLICATE_EMAIL naming the contacts that already have one of these addresses. */
  private async warnOfDuplicateEmails(tenantId: string, emails: readonly string[]): Promise<void> {
    const normalized = emails.map(normalizeEmail).filter((email): email is string => email !== null);
    if (normalized.length === 0) return;
    const found = await this.store.findContactIdsByEmails(tenantId, normalized);
    const ids = [...new Set([...found.values()].flat())];
    if (ids.length === 0) return;
    const existing = (await this.store.getMany('contact', tenantId, ids)).slice(0, 5);
    if (existing.length === 0) return;
    const names = existing.map(contactDisplayName);
    throw new CrmError(
      'conflict',
      'CONTACT.DUPLICATE_EMAIL',
      `${names.join(', ')} already ${existing.length === 1 ? 'has' : 'have'} this e-mail address. Open the existing contact, or save anyway to keep both.`,
      {
        existing: existing.map((contact) => ({
          id: contact.id,
          firstName: contact.firstName,
          lastName: contact.lastName,
          emails: contact.emails,
          companyId: contact.companyId,
          ownerId: contact.ownerId,
        })),
      },
    );
  }

  async get<K extends CrudKind>(kind: K, principal: Principal, id: string): Promise<RecordOf[K]> {
    const record = await this.store.get(kind, principal.tenantId, id);
    if (!record) throw notFound(kind, id);
    return record;
  }

  async update<K extends CrudKind>(kind: K, principal: Principal, id: string, patch: PatchOf<K>, expectedVersion: number): Promise<RecordOf[K]> {
    const current = await this.get(kind, principal, id);
    if (!canEditRecord(principal, current)) throw notYourRecord(kind);
    if (current.version !== expectedVersion) throw staleVersion(kind, id, current.version, current);
    const requested = patch as Fields;
    if (typeof requested.ownerId === 'string' && requested.ownerId !== current.ownerId && !capabilitiesOf(principal.roles).reassign) {
      throw roleRequired('manager', `give a ${kind} another owner`);
    }
    if (requested.ownerId === null) throw invalidField('REQUEST.VALIDATION_FAILED', 'ownerId', 'A record always has an owner; give the new owner\'s id.');
    if (typeof requested.ownerId === 'string' && requested.ownerId !== current.ownerId) {
      await this.requireActiveMembers(kind, principal.tenantId, 'ownerId', [requested.ownerId]);
    }
    const merged = this.ownFieldsOf(current);
    for (const [key, value] of Object.entries(requested)) {
      if (key === 'ownerId' || value === undefined) continue;
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    const now = this.now().toISOString();
    const fields = await this.prepare(kind, principal.tenantId, merged, requested, current, now);
    const next = {
      ...this.systemFieldsOf(current),
      ...fields,
      ownerId: typeof requested.ownerId === 'string' ? requested.ownerId : current.ownerId,
      updatedAt: now,
      updatedBy: principal.userId,
      version: current.version + 1,
    } as unknown as RecordOf[K];
    return this.store.replace(kind, next, expectedVersion);
  }

  /** Soft delete: the record disappears from reads, lookups and timelines but is kept. */
  async remove(kind: CrudKind, principal: Principal, id: string, expectedVersion: number): Promise<void> {
    const current = await this.get(kind, principal, id);
    if (!canEditRecord(principal, current)) throw notYourRecord(kind);
    if (current.version !== expectedVersion) throw staleVersion(kind, id, current.version, current);
    const now = this.now().toISOString();
    const next = { ...current, deletedAt: now, updatedAt: now, updatedBy: principal.userId, version: current.version + 1 };
    await this.store.replace(kind, next, expectedVersion);
  }

  /** Undoes a delete within the restore window; the record comes back with its links and index entries. */
  async restore<K extends CrudKind>(kind: K, principal: Principal, id: string, expectedVersion: number): Promise<RecordOf[K]> {
    const deleted = await this.store.getDeleted(kind, principal.tenantId, id);
    if (!deleted) {
      if (await this.store.get(kind, principal.tenantId, id)) {
        throw new CrmError('conflict', `${kind.toUpperCase()}.NOT_DELETED`, `This ${kind} is not deleted: there is nothing to restore.`, { id });
      }
      throw notFound(kind, id);
    }
    if (!canEditRecord(principal, deleted)) throw notYourRecord(kind);
    const now = this.now();
    if (!deleted.deletedAt || !isRestorable(deleted.deletedAt, now)) {
      throw new CrmError(
        'conflict',
        `${kind.toUpperCase()}.RESTORE_EXPIRED`,
        `This ${kind} was deleted more than ${RESTORE_WINDOW_DAYS} days ago and can no longer be restored.`,
        { id, deletedAt: deleted.deletedAt },
      );
    }
    if (deleted.version !== expectedVersion) throw staleVersion(kind, id, deleted.version, deleted);
    const { deletedAt: _deletedAt, ...kept } = deleted as RecordOf[K] & { deletedAt?: string };
    const next = { ...kept, updatedAt: now.toISOString(), updatedBy: principal.userId, version: deleted.version + 1 } as unknown as RecordOf[K];
    return this.store.replace(kind, next, expectedVersion, { restoring: true });
  }

  /** Every change of a record, newest first; a deleted record's too, so one can see what is being restored. */
  async history(kind: CrudKind, principal: Principal, id: string, page: { limit: number; cursor?: string | undefined }): Promise<Page<AuditEntry>> {
    const exists = (await this.store.get(kind, principal.tenantId, id)) ?? (await this.store.getDeleted(kind, principal.tenantId, id));
    if (!exists) throw notFound(kind, id);
    return this.store.history(kind, principal.tenantId, id, page);
  }

  /** The recycle bin: what was deleted in the restore window, the latest first. */
  async deleted(principal: Principal, page: { limit: number; cursor?: string | undefined }): Promise<Page<DeletedRecord>> {
    const since = new Date(this.now().getTime() - RESTORE_WINDOW_DAYS * 24 * 60 * 60 * 1000).toISOString();
    return this.store.listDeleted(principal.tenantId, { ...page, since });
  }

  async list<K extends CrudKind>(kind: K, principal: Principal, query: ListQuery): Promise<Page<RecordOf[K]>> {
    const links = (Object.keys(linkFilters) as (keyof typeof linkFilters)[]).filter((key) => query[key] !== undefined);
    if (links.length > 1) {
      throw new CrmError('invalid', 'REQUEST.VALIDATION_FAILED', `Filter by one of ${links.join(', ')} at a time.`, {
        fields: links.map((path) => ({ path, message: 'only one link filter at a time' })),
      });
    }
    const link = links[0];
    const linkedTo: LinkTarget | undefined = link ? { kind: linkFilters[link], id: String(query[link]) } : undefined;
    return this.store.list(kind, principal.tenantId, { limit: query.limit, cursor: query.cursor, ownerId: query.ownerId, linkedTo });
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

  /** A record's activities, newest first. */
  async timeline(kind: CrudKind, principal: Principal, id: string, page: { limit: number; cursor?: string | undefined }): Promise<Page<Activity>> {
    await this.get(kind, principal, id);
    return this.store.list('activity', principal.tenantId, { ...page, linkedTo: { kind, id } });
  }

  private async prepare(
    kind: CrudKind,
    tenantId: string,
    fields: Fields,
    requested: Fields,
    previous: RecordOf[CrudKind] | undefined,
    now: string,
    knownPipeline?: Pipeline,
  ): Promise<Fields> {
    const rules = recordRules[kind];
    const pipeline = knownPipeline ?? (await this.pipelineOf(tenantId));
    const prepared = rules.prepare(fields, { now, pipeline, requested, previous });
    const referenced = new Map<string, RecordOf[RecordKind]>();
    // What the record pointed at before this change is not checked again: a contact deleted since, or a rep who left,
    // does not stop an edit of something else. What the change adds must exist (and a member, be active).
    const before = new Set(previous ? rules.references(previous as unknown as Fields).flatMap((reference) => reference.ids.map((id) => `${reference.field}:${id}`)) : []);
    for (const reference of rules.references(prepared)) {
      if (reference.ids.length === 0) continue;
      const found = await this.store.getMany(reference.kind, tenantId, reference.ids);
      for (const record of found) referenced.set(`${reference.kind}:${record.id}`, record);
      const added = reference.ids.filter((id) => !before.has(`${reference.field}:${id}`));
      const missing = added.find((id) => !referenced.has(`${reference.kind}:${id}`));
      if (missing) throw missingReference(kind, reference.field, reference.kind, missing);
      if (reference.kind === 'member') {
        const inactive = added.map((id) => referenced.get(`member:${id}`) as RecordOf['member']).find((member) => member.deactivated);
        if (inactive) throw memberNotActive(reference.field, inactive);
      }
    }
    const completed = rules.complete ? rules.complete(prepared, { now, pipeline, requested, previous, referenced }) : prepared;
    // An activity with a contact but no company belongs to the contact's company too, so the company's timeline shows it.
    if (kind === 'activity' && completed.companyId === undefined) {
      const [firstContactId] = completed.contactIds as string[];
      const contact = firstContactId ? (referenced.get(`contact:${firstContactId}`) as RecordOf['contact'] | undefined) : undefined;
      if (contact?.companyId) completed.companyId = contact.companyId;
    }
    return completed;
  }

  private ownFieldsOf(record: RecordOf[CrudKind]): Fields {
    const fields: Fields = { ...record };
    for (const name of systemFieldNames) delete fields[name];
    return fields;
  }

  private systemFieldsOf(record: RecordOf[CrudKind]): Fields {
    const source = record as unknown as Fields;
    const fields: Fields = {};
    for (const name of systemFieldNames) if (source[name] !== undefined) fields[name] = source[name];
    return fields;
  }
}
