import type { AnyRecord, AuditEntry, FullTextHit, Page, RecordKind, RecordOf, ReportCell, ReportFamily, SearchQuery } from '@rapport/shared';

export type { AnyRecord, RecordOf } from '@rapport/shared';

/** A record another record points at: an activity's contact, a deal's company. */
export type LinkTarget = { kind: RecordKind; id: string };

export type ListOptions = {
  limit: number;
  cursor?: string | undefined;
  ownerId?: string | undefined;
  /** Only records that point at this one, newest first by their sort time (an activity's `at`). */
  linkedTo?: LinkTarget | undefined;
  /** With `linkedTo`: only open deals and cases, or planned activities. */
  openOnly?: boolean | undefined;
  /** With `linkedTo`: only sort times from `from` (inclusive) to `before` (exclusive). */
  from?: string | undefined;
  before?: string | undefined;
};

/** A create a client may retry: the same user and key return the first result. */
export type IdempotencyClaim = { userId: string; key: string; requestHash: string };

export type CreateResult<T> = { record: T; replayed: boolean };

export type PageRequest = { limit: number; cursor?: string | undefined };

/** Months `YYYY-MM`, both ends included. */
export type MonthRange = { from: string; to: string };

/** Values of report cells' dimensions a read keeps, by dimension name (letters only: `cellDimNames` checks them). */
export type CellDims = Readonly<Record<string, string>>;

/** The dimension names of `dims`, each checked to be a plain name (it is written into the stores' queries). */
export function cellDimNames(dims: CellDims | undefined): string[] {
  const names = Object.keys(dims ?? {});
  for (const name of names) if (!/^[A-Za-z]{1,40}$/.test(name)) throw new Error(`report cells have no dimension named ${JSON.stringify(name)}`);
  return names;
}

/**
 * Work a job does later, item by item: a sent message to find by its marker, a rep's mailbox to read. Not a record: it
 * has no version, audit or timeline, and it is gone once done. `key` is unique per job: queueing it again changes nothing.
 */
export type WorkItem = {
  job: string;
  key: string;
  tenantId: string;
  /** When the job should next try it. */
  dueAt: string;
  /** Tries so far: a job gives up on an item after its own limit. */
  attempts: number;
  /** What the job needs to do it (small: a few hundred bytes). */
  payload: Record<string, unknown>;
  createdAt: string;
};

/**
 * What a public page's key opens (a quote to accept, a survey to answer): the tenant, kind and record, and until when.
 * The key alone finds it, in any tenant: it is 128 random bits, never a record's id (see `services/public-links.ts`).
 */
export type PublicLink = { key: string; tenantId: string; kind: RecordKind; id: string; expiresAt: string; createdAt: string };

/**
 * The most terms one branch of a search reads from the term index (a word's prefix, the words run together, a phone), so
 * that a search costs the same however many records a word matches. Cosmos DB also intersects several words within
 * this many candidates each; SQLite intersects them whole (see `search` in each store).
 */
export const MAX_TERM_MATCHES = 2_000;

/**
 * What a participant lookup reads by key (see `services/lookup-cards.ts`): the people with an e-mail address, a company,
 * the companies with a domain, each with the work the pane's card shows.
 */
export type CardKey = { kind: 'address'; email: string } | { kind: 'company'; id: string } | { kind: 'domain'; domain: string };

/** How a store gets a lookup's cards: builds one from the records, and says whether one built earlier still holds. */
export type CardSource<T> = {
  /** The shape's version: a kept card of another version is built again. */
  version: number;
  build: (key: CardKey) => Promise<T>;
  holds: (card: T) => boolean;
};

/** A record in the recycle bin. */
export type DeletedRecord = { kind: RecordKind; record: AnyRecord };

/**
 * The store port: everything services need from storage, and nothing about how it is kept.
 * Every method is scoped by tenant. Deleted records are invisible to reads and lookups.
 * Every write also writes its audit entry (see `auditEntryOf`), durably with the change itself, and adds its
 * change to the report cells (see `reportDeltas`) exactly once.
 */
export type Store = {
  readonly name: string;
  get<K extends RecordKind>(kind: K, tenantId: string, id: string): Promise<RecordOf[K] | null>;
  /** The live records among `ids`, in the order asked; missing and deleted ones are left out. */
  getMany<K extends RecordKind>(kind: K, tenantId: string, ids: readonly string[]): Promise<RecordOf[K][]>;
  list<K extends RecordKind>(kind: K, tenantId: string, options: ListOptions): Promise<Page<RecordOf[K]>>;
  /** Stores a new record (version 1). With a claim, a retry of the same request returns the first record. */
  create<K extends RecordKind>(kind: K, record: RecordOf[K], idempotency?: IdempotencyClaim): Promise<CreateResult<RecordOf[K]>>;
  /** The record a create with this idempotency key already made, if any (a different request under the key is refused). */
  replayOf<K extends RecordKind>(kind: K, tenantId: string, claim: IdempotencyClaim): Promise<RecordOf[K] | null>;
  /** Stores many new records at once, for seeding and imports. */
  createMany<K extends RecordKind>(kind: K, records: readonly RecordOf[K][]): Promise<void>;
  /**
   * Replaces a record if its stored version is still `expectedVersion`; `record.version` must be the next one.
   * Throws the kind's NOT_FOUND or STALE_VERSION error otherwise, never overwriting a newer change.
   * With `restoring`, the stored record must be a deleted one (and `record` is it, undeleted).
   */
  replace<K extends RecordKind>(kind: K, record: RecordOf[K], expectedVersion: number, options?: { restoring?: boolean }): Promise<RecordOf[K]>;
  /** A deleted record, or null when it does not exist or is not deleted. */
  getDeleted<K extends RecordKind>(kind: K, tenantId: string, id: string): Promise<RecordOf[K] | null>;
  /** Records deleted at or after `since`, the latest deletion first. */
  listDeleted(tenantId: string, options: PageRequest & { since: string }): Promise<Page<DeletedRecord>>;
  /** A record's audit trail, newest change first; it outlives the record's deletion. */
  history(kind: RecordKind, tenantId: string, id: string, page: PageRequest): Promise<Page<AuditEntry>>;
  /** Contact ids per normalized e-mail address: one indexed lookup, whatever the tenant's size. */
  findContactIdsByEmails(tenantId: string, emails: readonly string[]): Promise<Map<string, string[]>>;
  /** Contact and lead ids per normalized e-mail address, in one indexed lookup (what a lookup needs). */
  findPeopleByEmails(tenantId: string, emails: readonly string[]): Promise<{ contacts: Map<string, string[]>; leads: Map<string, string[]> }>;
  /** Company ids per e-mail domain. */
  findCompanyIdsByDomains(tenantId: string, domains: readonly string[]): Promise<Map<string, string[]>>;
  /**
   * The cards of `keys`, in their order. A store whose reads are round trips (Cosmos DB) keeps each card it builds and
   * drops it when a write changes what it was built from, so a lookup is a few point reads; a local one (SQLite) builds
   * them each time. `keepsCards` says which, so that a card kept is built with the most a lookup asks for.
   */
  cards<T>(tenantId: string, keys: readonly CardKey[], source: CardSource<T>): Promise<T[]>;
  readonly keepsCards: boolean;
  /** The record known by an external id (see `activityExternalRefs`), if any. */
  findByExternalRef<K extends RecordKind>(kind: K, tenantId: string, ref: string): Promise<RecordOf[K] | null>;
  /**
   * Ids of up to `limit` records of a kind matching a parsed search (see `termsMatch` in shared for the rule): the kinds
   * whose definition gives search terms (contacts, companies, deals, leads, cases). Bounded reads of the term index,
   * whatever the tenant's size.
   */
  search(tenantId: string, kind: RecordKind, query: SearchQuery, limit: number): Promise<string[]>;
  /**
   * Up to `limit` records of a kind whose full text (see `fullTextOf`) has any of the stems `terms`, best first, ranked by
   * BM25 over title, tags and body (FULL_TEXT_WEIGHTS). Bounded whatever the tenant's size: README.md of each store says how.
   */
  searchFullText(tenantId: string, kind: RecordKind, terms: readonly string[], limit: number): Promise<FullTextHit[]>;
  /** Whether any live deal of the tenant is in this stage (a stage in use cannot be removed from the pipeline). */
  hasDealsInStage(tenantId: string, stageId: string): Promise<boolean>;
  /**
   * A family's report cells: every `current` one, and the others whose month is in the range; with `dims`, only those
   * with these values of these dimensions (a report by customer segment reads its segment's cells only).
   */
  reportCells(tenantId: string, family: ReportFamily, months: MonthRange, dims?: CellDims): Promise<ReportCell[]>;
  /**
   * Adds events to report cells (a tracked link's clicks): counts, not records, so no audit entry and no record behind
   * them. Each cell's measures are added to what it holds, exactly, however many instances add to it at once. SQLite
   * keeps them through a rebuild of the cells (the measures `eventMeasures` names are carried over); Cosmos DB's cells
   * are never rebuilt.
   */
  countEvents(tenantId: string, cells: readonly ReportCell[]): Promise<void>;
  /** Up to `limit` cells of a family whose count is at least `min` (repeated e-mail addresses): an indexed lookup. */
  reportCellsCountingAtLeast(tenantId: string, family: ReportFamily, min: number, limit: number): Promise<ReportCell[]>;
  /** The next number of a per-tenant sequence (case numbers): 1, 2, 3… */
  nextSequence(tenantId: string, name: string): Promise<number>;
  /**
   * Claims a job's run (`log-sent-mail@2026-11-30T10:05:00.000Z`) for whoever asks first: true then, false for every
   * later claim of the same key on any instance. Not tenant data: a run does every tenant's work.
   */
  claimJobRun(runKey: string, job: string, claimedAt: string): Promise<boolean>;
  /** Queues an item for a job: true, or false when one with its key is queued already (which stays as it is). */
  queueWork(item: WorkItem): Promise<boolean>;
  /** The job's item with this key, or null. */
  getWork(job: string, key: string): Promise<WorkItem | null>;
  /** The job's items due at `now` (every tenant's), the longest due first, up to `limit`. */
  dueWork(job: string, now: string, limit: number): Promise<WorkItem[]>;
  /** Saves an item as the job left it (its next due time, tries, payload); it is queued again if it was gone. */
  saveWork(item: WorkItem): Promise<void>;
  /** Takes an item off the queue: done, or given up. Nothing when it is not there. */
  removeWork(job: string, key: string): Promise<void>;
  /** Keeps a new public key: false, and nothing kept, when the key is taken already (in any tenant). */
  savePublicLink(link: PublicLink): Promise<boolean>;
  /** What a public key opens, whatever its tenant, or null for a key never given: one point read. */
  findPublicLink(key: string): Promise<PublicLink | null>;
  close(): Promise<void>;
};
