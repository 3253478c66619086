import type { CrmError, CrudKind, InputOf, Pipeline, RecordKind, RecordOf, SystemFields, Territory } from '@rapport/shared';
import type { Store } from '../store/store';
import type { RecordWriter } from '../services/record-writer';

/** A record's own fields, without the system fields the server keeps. */
export type OwnFields<K extends RecordKind> = Omit<RecordOf[K], keyof SystemFields>;

/**
 * A record's own fields while it is being written: what the request set over what the record had. Fields the
 * server derives (a deal's status, a case's close time) may be missing until the kind's hooks set them.
 */
export type Draft<K extends RecordKind> = Partial<OwnFields<K>>;

/** A change of some fields of a record: a value replaces, `null` clears, a left-out field is kept. */
export type Changes<K extends RecordKind> = { [F in keyof OwnFields<K>]?: OwnFields<K>[F] | null };

/** Who writes: the tenant and user a change is recorded under. */
export type Actor = { tenantId: string; userId: string };

/**
 * Where a write comes from. `request`: fields a user sent (the API, an import), under every rule of the kind.
 * `system`: fields the server computed (a conversion, an enrolment), which may set what users may not.
 */
export type WriteOrigin = 'request' | 'system';

/** What the tenant's writes read besides the record, read once per write (or once per import). */
export type TenantLookups = {
  pipeline(): Promise<Pipeline>;
  /** Territories with only their active reps, for assigning leads. */
  territories(): Promise<Territory[]>;
};

export type PrepareContext<K extends RecordKind> = {
  actor: Actor;
  origin: WriteOrigin;
  now: string;
  /** The fields this write set, to tell a hand-set value from a kept one. */
  requested: Readonly<Record<string, unknown>>;
  previous: RecordOf[K] | undefined;
  lookups: TenantLookups;
  store: Store;
};

/** The records a record's references point at, read once while preparing it. */
export type Referenced = {
  get<R extends RecordKind>(kind: R, id: string): RecordOf[R] | undefined;
};

/** What a new record starts with besides its fields: a lead's rep by its territory's turn. */
export type Placement = { ownerId?: string; fields?: Record<string, unknown> };

/** What an action changes in a record, from the body its definition's schema parsed. */
export type ActionHook<K extends RecordKind> = (record: RecordOf[K], body: Record<string, unknown>, context: { actor: Actor; now: string }) => Changes<K>;

/** Behaviour special to one kind, each hook typed against that kind's records. All are optional. */
export type KindHooks<K extends RecordKind> = {
  /** Before a user's create is prepared: refuses it (a contact whose e-mail another has) or lets it go. */
  beforeCreate?(input: K extends CrudKind ? InputOf<K> : never, context: { actor: Actor; store: Store; query: Readonly<Record<string, unknown>> }): Promise<void>;
  /** Normalizes the fields and derives what the server owns (a deal's status, a case's close time). */
  prepare?(fields: Draft<K>, context: PrepareContext<K>): Draft<K> | Promise<Draft<K>>;
  /** What can be derived only from the referenced records (a deal's lines priced from the catalog). */
  complete?(fields: Draft<K>, context: PrepareContext<K> & { referenced: Referenced }): Draft<K>;
  /** The owner and fields of a new record nobody was named for (a lead goes to its territory's rep in turn). */
  place?(fields: Draft<K>, context: PrepareContext<K>): Promise<Placement | null>;
  /** Why a record may not be newly referenced (a deactivated member), or null. */
  refuseReference?(record: RecordOf[K], field: string): CrmError | null;
  /** After a new record is stored (and when a retried create is answered with it): what it needs beside itself. */
  afterCreate?(record: RecordOf[K], context: { store: Store; now: string }): Promise<void>;
  /** Why a record may not be deleted (an accepted quote is the customer's word), or null. */
  refuseDelete?(record: RecordOf[K]): CrmError | null;
  /** The changes each action of the kind makes (see the kind's `api.actions`). */
  actions?: Record<string, ActionHook<K>>;
  /**
   * The id of a user's new record, when the kind derives it from what the record is made of (an order from its quote's):
   * a second one of the same is then refused as existing, however the two requests race.
   */
  newRecordId?(input: K extends CrudKind ? InputOf<K> : never): string;
  /**
   * Work a write of the kind starts besides the record (a contract's renewal reminder, queued for its job), once the
   * record is stored as `record` (with `deletedAt` when deleted). Runs again when a write is repeated: it must do
   * nothing twice.
   */
  afterWrite?(record: RecordOf[K], context: { store: Store; now: Date }): Promise<void>;
  /** What a list of the kind needs first (campaigns an earlier release named in words become records): cheap once done. */
  beforeList?(actor: Actor, context: { store: Store; writer: RecordWriter }): Promise<void>;
};

export type HooksByKind = { [K in RecordKind]: KindHooks<K> };
