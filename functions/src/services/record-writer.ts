import {
  CrmError,
  MAX_STALE_CHANGES,
  PIPELINE_ID,
  defaultPipeline,
  kinds,
  missingReference,
  referencedIds,
  referencesOf,
  staleVersion,
  type Pipeline,
  type RecordKind,
  type RecordOf,
  type StaleChange,
  type StaleVersionDetails,
  type SystemFields,
  type KindTraits,
  type Territory,
} from '@rapport/shared';
import { hooksOf } from '../kinds/hooks';
import { randomUUID } from 'node:crypto';
import type { Actor, Changes, Draft, PrepareContext, TenantLookups, WriteOrigin } from '../kinds/kind-hooks';
import { listUpTo } from '../store/list-up-to';
import type { CreateResult, IdempotencyClaim, Store } from '../store/store';

export type Clock = () => Date;

export type RecordWriterDependencies = {
  store: Store;
  now: Clock;
  /** New records' ids: random UUIDs unless given (tests). */
  newId?: () => string;
};

/** How a write is made: where its fields come from, and the lookups it may share with others (an import's). */
export type WriteOptions = { origin?: WriteOrigin; lookups?: TenantLookups };

/** A new record's options: its id (a fresh one when absent), its owner when named (the writer's otherwise). */
export type AddOptions = WriteOptions & { id?: string; ownerId?: string | undefined; claim?: IdempotencyClaim };

/** A change's options: the owner it is given to, and the version it was made on (the current one's by default). */
export type ChangeOptions = WriteOptions & { ownerId?: string | undefined; expectedVersion?: number };

// Territories are settings, a few per tenant; assignment reads them all up to this many.
const MAX_TERRITORIES = 500;

const systemFieldNames: readonly (keyof SystemFields)[] = ['tenantId', 'id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'ownerId', 'version', 'deletedAt'];

/**
 * The one path every write of a record takes, whoever makes it (a route, a conversion, an import, an enrolment): the
 * kind's rules (its hooks, status flow and references), the system fields and the next version. The store then keeps
 * the audit trail and the report cells with the change. Who may make a change is the caller's to check.
 */
export class RecordWriter {
  constructor(private readonly deps: RecordWriterDependencies) {}

  get store(): Store {
    return this.deps.store;
  }

  /** Lookups for one tenant, each read at most once: pass one to many writes (an import) to share them. */
  lookupsFor(tenantId: string): TenantLookups {
    let pipeline: Promise<Pipeline> | undefined;
    let territories: Promise<Territory[]> | undefined;
    return {
      pipeline: () => (pipeline ??= this.pipelineOf(tenantId)),
      territories: () => (territories ??= this.activeTerritories(tenantId)),
    };
  }

  /** A new record as `add` would store it, not yet stored: imports store many at once with `addMany`. */
  async build<K extends RecordKind>(kind: K, actor: Actor, fields: Draft<K>, options: AddOptions = {}): Promise<RecordOf[K]> {
    const now = this.deps.now().toISOString();
    const named = options.ownerId;
    if (named !== undefined) await this.requireActiveMember(kind, actor.tenantId, named);
    const context = this.contextFor(kind, actor, fields as Record<string, unknown>, undefined, now, options);
    const prepared: Record<string, unknown> = { ...(await this.prepare(kind, fields, context)) };
    const { numbered } = kinds[kind] as { numbered?: { field: string } };
    // A kind's hooks may give the number themselves (a quote's new version keeps its quote's); requests never can.
    if (numbered && prepared[numbered.field] === undefined) prepared[numbered.field] = await this.deps.store.nextSequence(actor.tenantId, kind);
    const placement = named === undefined ? await hooksOf(kind).place?.(prepared as Draft<K>, context) : null;
    if (placement?.fields) Object.assign(prepared, placement.fields);
    return checkedShape(kind, {
      ...prepared,
      tenantId: actor.tenantId,
      id: options.id ?? (this.deps.newId ?? randomUUID)(),
      createdAt: now,
      createdBy: actor.userId,
      updatedAt: now,
      updatedBy: actor.userId,
      ownerId: named ?? placement?.ownerId ?? actor.userId,
      version: 1,
    });
  }

  /** Stores a new record (see `build`); with a claim, a retry of the same request returns the first one. */
  async add<K extends RecordKind>(kind: K, actor: Actor, fields: Draft<K>, options: AddOptions = {}): Promise<CreateResult<RecordOf[K]>> {
    const record = await this.build(kind, actor, fields, options);
    const created = await this.deps.store.create(kind, record, options.claim);
    await this.afterStored(kind, created.record, 'created');
    return created;
  }

  /**
   * Stores a new record under an id derived from what it is for (a quote's acceptance note, a contract's renewal task),
   * once: null when a record of that id exists already, live or deleted (a rerun, a race, or a user removed it).
   */
  async addOnce<K extends RecordKind>(kind: K, actor: Actor, fields: Draft<K>, options: AddOptions & { id: string }): Promise<RecordOf[K] | null> {
    try {
      return (await this.add(kind, actor, fields, options)).record;
    } catch (error) {
      if (error instanceof CrmError && error.code === 'RECORD.ALREADY_EXISTS') return null;
      throw error;
    }
  }

  /**
   * Stores whole records many at once: made by `build` (an import), or made with their history by a loader of a data
   * set (the demo, the Maven sample), which is then answerable for their shape.
   */
  async addMany<K extends RecordKind>(kind: K, records: readonly RecordOf[K][]): Promise<void> {
    if (records.length === 0) return;
    await this.deps.store.createMany(kind, records);
    const { afterCreate, afterWrite } = hooksOf(kind);
    if (!afterCreate && !afterWrite) return;
    for (const record of records) await this.afterStored(kind, record, 'created');
  }

  /**
   * Changes some fields of a record: a value replaces, `null` clears, a left-out field is kept. Made on `current`, so
   * a record changed since (another version than `expectedVersion`) is refused as stale, never overwritten.
   */
  async change<K extends RecordKind>(kind: K, actor: Actor, current: RecordOf[K], changes: Changes<K>, options: ChangeOptions = {}): Promise<RecordOf[K]> {
    const expectedVersion = options.expectedVersion ?? current.version;
    await this.requireVersion(kind, current, expectedVersion);
    const ownerId = options.ownerId ?? current.ownerId;
    if (ownerId !== current.ownerId) await this.requireActiveMember(kind, actor.tenantId, ownerId);
    const merged = ownFieldsOf(current);
    for (const [key, value] of Object.entries(changes)) {
      // The system fields are the writer's: a change never names them.
      if (value === undefined || systemFieldNames.includes(key as keyof SystemFields)) continue;
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    const now = this.deps.now().toISOString();
    const context = this.contextFor(kind, actor, changes as Readonly<Record<string, unknown>>, current, now, options);
    const prepared = await this.prepare(kind, merged as Draft<K>, context);
    const next = checkedShape(kind, { ...prepared, ...systemFieldsOf(current), ownerId, updatedAt: now, updatedBy: actor.userId, version: current.version + 1 });
    const changed = await this.replace(kind, next, expectedVersion);
    await this.afterStored(kind, changed, 'changed');
    return changed;
  }

  /**
   * Soft delete: the record disappears from reads, lookups and timelines but is kept. `marks` are fields the deletion
   * records with it, so its audit entry says why (a merged contact names the contact it was merged into).
   */
  async remove<K extends RecordKind>(kind: K, actor: Actor, current: RecordOf[K], expectedVersion: number, marks: Partial<RecordOf[K]> = {}): Promise<void> {
    await this.requireVersion(kind, current, expectedVersion);
    const refusal = hooksOf(kind).refuseDelete?.(current);
    if (refusal) throw refusal;
    const now = this.deps.now().toISOString();
    const next = { ...current, ...marks, deletedAt: now, updatedAt: now, updatedBy: actor.userId, version: current.version + 1 };
    const removed = await this.replace(kind, Object.keys(marks).length > 0 ? checkedShape(kind, next) : next, expectedVersion);
    await this.afterStored(kind, removed, 'changed');
  }

  /** Brings a deleted record back, with its links and index entries. */
  async restore<K extends RecordKind>(kind: K, actor: Actor, deleted: RecordOf[K], expectedVersion: number): Promise<RecordOf[K]> {
    await this.requireVersion(kind, deleted, expectedVersion);
    const { deletedAt: _deletedAt, ...kept } = deleted as RecordOf[K] & { deletedAt?: string };
    const next = { ...kept, updatedAt: this.deps.now().toISOString(), updatedBy: actor.userId, version: deleted.version + 1 } as RecordOf[K];
    const restored = await this.replace(kind, next, expectedVersion, { restoring: true });
    await this.afterStored(kind, restored, 'changed');
    return restored;
  }

  /**
   * What the kind's write starts besides the record, once it is stored: a new record's `afterCreate` (a web form's
   * public link), then every write's `afterWrite` (a contract's renewal reminder). See both in the kind's hooks.
   */
  private async afterStored<K extends RecordKind>(kind: K, record: RecordOf[K], write: 'created' | 'changed'): Promise<void> {
    const { afterCreate, afterWrite } = hooksOf(kind);
    const now = this.deps.now();
    if (write === 'created') await afterCreate?.(record, { store: this.deps.store, now: now.toISOString() });
    await afterWrite?.(record, { store: this.deps.store, now });
  }

  /**
   * Refuses a change made on another version than `current`'s with RECORD.STALE_VERSION, saying who changed the record
   * since and which fields. `shown` is what the answer gives as the current state (the record itself by default).
   */
  async requireVersion(kind: RecordKind, current: RecordOf[RecordKind], expectedVersion: number, shown: unknown = current): Promise<void> {
    if (current.version !== expectedVersion) throw await this.staleSince(kind, current.tenantId, current.id, current.version, shown, expectedVersion);
  }

  /** The store's replace, its refusal of a version changed meanwhile (a race the check above lost) said as that check says it. */
  private async replace<K extends RecordKind>(kind: K, record: RecordOf[K], expectedVersion: number, options?: { restoring?: boolean }): Promise<RecordOf[K]> {
    try {
      return await this.deps.store.replace(kind, record, expectedVersion, options);
    } catch (error) {
      if (!(error instanceof CrmError) || error.code !== 'RECORD.STALE_VERSION') throw error;
      const { currentVersion, current } = error.details as StaleVersionDetails;
      throw await this.staleSince(kind, record.tenantId, record.id, currentVersion, current, expectedVersion);
    }
  }

  /**
   * The 412 of a change made on `expectedVersion`: the changes since, from one page of the record's audit trail (each
   * change is one version, so the newest `currentVersion - expectedVersion` entries, at most MAX_STALE_CHANGES), and
   * their authors' names in one read of the members.
   */
  private async staleSince(kind: RecordKind, tenantId: string, id: string, currentVersion: number, current: unknown, expectedVersion: number): Promise<CrmError> {
    const missed = Math.min(currentVersion - expectedVersion, MAX_STALE_CHANGES);
    if (missed <= 0) return staleVersion(kind, id, currentVersion, current);
    const entries = (await this.deps.store.history(kind, tenantId, id, { limit: missed })).items.filter((entry) => entry.version > expectedVersion);
    const authors = [...new Set(entries.map((entry) => entry.by))];
    const members = authors.length > 0 ? await this.deps.store.getMany('member', tenantId, authors) : [];
    const names = new Map(members.map((member) => [member.id, member.displayName]));
    const changes = entries.map((entry): StaleChange => {
      const displayName = names.get(entry.by);
      return { by: { id: entry.by, ...(displayName ? { displayName } : {}) }, at: entry.at, fields: entry.changes.map((change) => change.field) };
    });
    const changedFields = [...new Set(changes.flatMap((change) => change.fields))].sort();
    return staleVersion(kind, id, currentVersion, current, { changes, changedFields }, this.deps.now());
  }

  private contextFor<K extends RecordKind>(
    kind: K,
    actor: Actor,
    requested: Readonly<Record<string, unknown>>,
    previous: RecordOf[K] | undefined,
    now: string,
    options: WriteOptions,
  ): PrepareContext<K> {
    return { actor, origin: options.origin ?? 'request', now, requested, previous, lookups: options.lookups ?? this.lookupsFor(actor.tenantId), store: this.deps.store };
  }

  /** The kind's rules over a draft: its hooks, its status flow, and that what it newly references exists. */
  private async prepare<K extends RecordKind>(kind: K, fields: Draft<K>, context: PrepareContext<K>): Promise<Draft<K>> {
    const hooks = hooksOf(kind);
    const prepared = hooks.prepare ? await hooks.prepare(fields, context) : fields;
    this.checkStatusFlow(kind, prepared as Record<string, unknown>, context.previous);
    const referenced = await this.readReferences(kind, context.actor.tenantId, prepared as Record<string, unknown>, context.previous);
    return hooks.complete ? hooks.complete(prepared, { ...context, referenced: { get: (refKind, id) => referenced.get(`${refKind}:${id}`) as RecordOf[typeof refKind] | undefined } }) : prepared;
  }

  private checkStatusFlow(kind: RecordKind, fields: Record<string, unknown>, previous: RecordOf[RecordKind] | undefined): void {
    const { statusFlow } = kinds[kind] as Pick<KindTraits<unknown>, 'statusFlow'>;
    if (!statusFlow || !previous) return;
    const from = String((previous as Record<string, unknown>)[statusFlow.field]);
    const to = String(fields[statusFlow.field]);
    const allowed = statusFlow.flow[from] ?? [];
    if (from === to || allowed.includes(to)) return;
    throw new CrmError('conflict', statusFlow.code, `A ${from} ${kind} cannot become ${to}; from ${from} it can become ${allowed.join(', ')}.`, { from, to, allowed });
  }

  /**
   * Reads the records a draft references, by `${kind}:${id}`. What it pointed at before this change is not checked
   * again: a contact deleted since, or a rep who left, does not stop an edit of something else. What the change adds
   * must exist, and be one the referenced kind lets be referenced (an active member).
   */
  private async readReferences(kind: RecordKind, tenantId: string, fields: Record<string, unknown>, previous: RecordOf[RecordKind] | undefined) {
    const referenced = new Map<string, RecordOf[RecordKind]>();
    const references = referencesOf(kind);
    const before = new Set(previous ? references.flatMap((reference) => referencedIds(reference, previous as Record<string, unknown>).map((id) => `${reference.field}:${id}`)) : []);
    for (const reference of references) {
      const ids = referencedIds(reference, fields);
      if (ids.length === 0) continue;
      for (const record of await this.deps.store.getMany(reference.kind, tenantId, ids)) referenced.set(`${reference.kind}:${record.id}`, record);
      const added = ids.filter((id) => !before.has(`${reference.field}:${id}`));
      const missing = added.find((id) => !referenced.has(`${reference.kind}:${id}`));
      if (missing) throw missingReference(kind, reference.field, reference.kind, missing);
      const refuse = hooksOf(reference.kind).refuseReference as ((record: RecordOf[RecordKind], field: string) => CrmError | null) | undefined;
      for (const id of refuse ? added : []) {
        const refusal = refuse?.(referenced.get(`${reference.kind}:${id}`) as RecordOf[RecordKind], reference.field);
        if (refusal) throw refusal;
      }
    }
    return referenced;
  }

  /** 422 unless the id names an active member of the tenant: records are given only to people who can sign in. */
  private async requireActiveMember(kind: RecordKind, tenantId: string, memberId: string): Promise<void> {
    const [member] = await this.deps.store.getMany('member', tenantId, [memberId]);
    if (!member) throw missingReference(kind, 'ownerId', 'member', memberId);
    const refusal = hooksOf('member').refuseReference?.(member, 'ownerId');
    if (refusal) throw refusal;
  }

  /** The tenant's deal stages: the default until an admin changes them. */
  private async pipelineOf(tenantId: string): Promise<Pipeline> {
    const record = await this.deps.store.get('pipeline', tenantId, PIPELINE_ID);
    return record ? { stages: record.stages } : defaultPipeline;
  }

  /** The tenant's territories with only their active reps: a deactivated rep's turn is skipped. */
  private async activeTerritories(tenantId: string): Promise<Territory[]> {
    const territories = (await listUpTo(this.deps.store, 'territory', tenantId, {}, MAX_TERRITORIES)).items;
    const repIds = [...new Set(territories.flatMap((territory) => territory.repIds))];
    if (repIds.length === 0) return territories;
    const active = new Set((await this.deps.store.getMany('member', tenantId, repIds)).filter((member) => !member.deactivated).map((member) => member.id));
    return territories.map((territory) => ({ ...territory, repIds: territory.repIds.filter((id) => active.has(id)) }));
  }
}

/**
 * The record, once its kind's schema accepts it: what a store holds was checked when it was written. A refusal is the
 * server's bug (a hook that derived a wrong field), never the user's: it is a 500, naming the fields.
 */
function checkedShape<K extends RecordKind>(kind: K, record: Record<string, unknown>): RecordOf[K] {
  const checked = kinds[kind].schema.safeParse(record);
  if (!checked.success) {
    throw new Error(`A ${kind} would be stored in a shape its schema refuses: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return record as RecordOf[K];
}

function ownFieldsOf(record: RecordOf[RecordKind]): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...record };
  for (const name of systemFieldNames) delete fields[name];
  return fields;
}

function systemFieldsOf(record: RecordOf[RecordKind]): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const name of systemFieldNames) if (source[name] !== undefined) fields[name] = source[name];
  return fields;
}
