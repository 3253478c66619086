import type { Container, CosmosClient, ItemDefinition, SqlParameter } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import { bulkWrite, bulkWriteWithEtags, inBatches, unexpectedBulkFailure } from './cosmos-bulk';
import { kindsUpgradedInIndex, upgradeTenantIndex, type IndexUpgradeResult } from './cosmos-index-upgrades';
import { CosmosLookupCards } from './cosmos-lookup-cards';
import { readItem, statusOf } from './cosmos-read';
import { CosmosReportCells, type PendingReport } from './cosmos-report-cells';
import { familiesUpgradedInCells, upgradeTenantCells, type CellsUpgradeResult } from './cosmos-cells-upgrade';
import { CELLS_VERSION_BEFORE_STAMPS, auditDoc, countedCellsOf, deletedDoc, embeddedRecord, indexDocsOf, indexKeys, refClaimDoc, toDoc, toRecord, type AuditDoc, type DeletedDoc, type IndexDoc, type LinkDoc, type RecordDoc } from './cosmos-documents';
import {
  alreadyExists,
  auditEntryOf,
  bm25,
  idempotencyKeyReused,
  notFound,
  deltasBetween,
  reportCellsOf,
  staleVersion,
  sumDeltas,
  type AuditEntry,
  type FullTextHit,
  type Page,
  type RecordKind,
  type ReportCell,
  type ReportFamily,
  type SearchQuery,
} from '@rapport/shared';
import { cursorNumber, decodeCursor, encodeCursor } from '../cursor';
import { duplicateExternalRef, indexEntriesOf, linkSourceKind, type RecordIndexEntries } from '../record-index';
import { MAX_TERM_MATCHES, type AnyRecord, type CardKey, type CardSource, type CellDims, type CreateResult, type DeletedRecord, type IdempotencyClaim, type ListOptions, type MonthRange, type PageRequest, type PublicLink, type RecordOf, type Store, type WorkItem } from '../store';
import {
  INDEX,
  RECORDS,
  auditPartition,
  deletedPartition,
  domainPartition,
  emailPartition,
  fullTextPartition,
  idempotencyPartition,
  isSpread,
  kindPartition,
  linkPartition,
  recordPartition,
  refPartition,
  safeId,
  sequencePartition,
  jobRunPartition,
  workPartition,
  publicLinkPartition,
  termPartition,
} from './cosmos-layout';

const MAX_CHAR = '\u{10FFFF}';
const WRITE_CONCURRENCY = 16;
const READ_CONCURRENCY = 16;
// Up to this many ids, point reads (1 RU each, in parallel); beyond, one query in the kind's partition costs fewer
// requests and less than the reads. Spread kinds (activities) are always point reads: their ids span partitions.
const POINT_READS_AT_MOST = 4;
const BY_IDS = 'SELECT * FROM c WHERE c.pk = @pk AND c.tenantId = @tenant AND ARRAY_CONTAINS(@ids, c.id)';
// Full text: the stems a search reads postings of, the postings read per stem, and the collection size BM25 assumes.
const FULL_TEXT_TERMS_READ = 16;
const FULL_TEXT_POSTINGS_READ = 100;
const FULL_TEXT_COLLECTION = 1_000;
// How long a report on the families a cells upgrade adds waits for a tenant's upgrade.
const CELLS_UPGRADE_WAIT_MS = 5_000;
// Writes of a record whose document another hand touched without changing its version, before giving up.
const SAME_VERSION_ATTEMPTS = 5;
// Records per bulk round in createMany: bounds the memory an import holds. The SDK waits up to a second
// for the last partial batch of each bulk call, so rounds are large.
const BULK_CHUNK = 10_000;


// A report read first completes the changes a crash left pending, at most this often per tenant and instance.
const PENDING_CHECK_MS = 30_000;
// How long a tenant's first deal or case search waits for the index upgrade before answering with what is indexed.
const INDEX_UPGRADE_WAIT_MS = 5_000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

const isStatus = (error: unknown, status: number) => statusOf(error) === status;

/**
 * The production store on Azure Cosmos DB, keeping every rule the SQLite store keeps; the layout and
 * its reasons are in README.md beside this file.
 */
export class CosmosStore implements Store {
  readonly name = 'cosmos';
  /** Each read is a round trip: a lookup's cards are kept, and dropped by the writes that change them. */
  readonly keepsCards = true;
  private readonly lookupCards: CosmosLookupCards;
  private readonly cells: CosmosReportCells;
  private readonly pendingChecks = new Map<string, { at: number; done: Promise<number> }>();
  // Tenants whose index this instance has brought up to date (or is bringing): checked once per instance.
  private readonly upgradedIndexes = new Map<string, Promise<unknown>>();
  // Per tenant, the upgrade of its report cells this instance ran (README.md, "Report cells upgrades").
  private readonly upgradedCells = new Map<string, Promise<unknown>>();

  constructor(
    private readonly client: CosmosClient,
    private readonly records: Container,
    private readonly index: Container,
  ) {
    this.cells = new CosmosReportCells(records, index);
    this.lookupCards = new CosmosLookupCards(index, (kind, tenantId, ids) => this.getMany(kind, tenantId, ids));
  }

  static open(client: CosmosClient, databaseId: string): CosmosStore {
    const database = client.database(databaseId);
    return new CosmosStore(client, database.container(RECORDS), database.container(INDEX));
  }

  async get<K extends RecordKind>(kind: K, tenantId: string, id: string): Promise<RecordOf[K] | null> {
    const doc = await this.readRecordDoc(kind, tenantId, id);
    return doc && !doc.deletedAt ? (toRecord(doc) as RecordOf[K]) : null;
  }

  async getMany<K extends RecordKind>(kind: K, tenantId: string, ids: readonly string[]): Promise<RecordOf[K][]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const docs: RecordDoc[] = [];
    if (!isSpread(kind) && unique.length > POINT_READS_AT_MOST) {
      // Many records of a kind kept in one partition (a page's contacts and deals): one query there, by id.
      docs.push(...(await this.query<RecordDoc>(this.records, kindPartition(tenantId, kind), BY_IDS, [
        { name: '@tenant', value: tenantId },
        { name: '@ids', value: unique },
      ])));
    } else {
      // One point read per id (the cheapest read Cosmos DB has, whatever the partition's size), a few at a time.
      await inBatches(unique, READ_CONCURRENCY, async (id) => {
        const doc = await this.readRecordDoc(kind, tenantId, id);
        if (doc) docs.push(doc);
      });
    }
    const byId = new Map(docs.filter((doc) => !doc.deletedAt && doc.tenantId === tenantId).map((doc) => [doc.id, toRecord(doc) as RecordOf[K]]));
    return unique.flatMap((id) => byId.get(id) ?? []);
  }

  async list<K extends RecordKind>(kind: K, tenantId: string, options: ListOptions): Promise<Page<RecordOf[K]>> {
    const after = options.cursor ? decodeCursor(options.cursor) : null;
    const parameters: SqlParameter[] = [
      { name: '@tenant', value: tenantId },
      { name: '@limit', value: options.limit + 1 },
    ];
    if (options.linkedTo) {
      // A record's timeline, or its deals: one keyset-paged query in the target's own partition.
      const pk = linkPartition(tenantId, options.linkedTo.kind, options.linkedTo.id);
      let sql = 'SELECT TOP @limit * FROM c WHERE c.pk = @pk AND c.tenantId = @tenant AND c.sourceKind = @sourceKind';
      parameters.push({ name: '@sourceKind', value: linkSourceKind(kind, options.openOnly ?? false) });
      if (after) {
        sql += ' AND (c.sortAt < @afterSort OR (c.sortAt = @afterSort AND c.sourceId < @afterId))';
        parameters.push({ name: '@afterSort', value: after.sortKey }, { name: '@afterId', value: after.id });
      }
      if (options.from) {
        sql += ' AND c.sortAt >= @from';
        parameters.push({ name: '@from', value: options.from });
      }
      if (options.before) {
        sql += ' AND c.sortAt < @before';
        parameters.push({ name: '@before', value: options.before });
      }
      if (options.ownerId) {
        sql += ' AND c.record.ownerId = @owner';
        parameters.push({ name: '@owner', value: options.ownerId });
      }
      sql += ' ORDER BY c.sortAt DESC, c.sourceId DESC';
      const links = await this.query<LinkDoc>(this.index, pk, sql, parameters);
      return pageOf(links.map((link) => ({ item: embeddedRecord(kind, link.record) as RecordOf[K], sortKey: link.sortAt, id: link.sourceId })), options.limit);
    }
    let sql = 'SELECT TOP @limit * FROM c WHERE c.tenantId = @tenant AND c.recordKind = @kind AND NOT IS_DEFINED(c.deletedAt)';
    parameters.push({ name: '@kind', value: kind });
    if (options.ownerId) {
      sql += ' AND c.ownerId = @owner';
      parameters.push({ name: '@owner', value: options.ownerId });
    }
    if (after) {
      sql += ' AND (c.createdAt < @afterSort OR (c.createdAt = @afterSort AND c.id < @afterId))';
      parameters.push({ name: '@afterSort', value: after.sortKey }, { name: '@afterId', value: after.id });
    }
    sql += ' ORDER BY c.createdAt DESC, c.id DESC';
    // A kind lists from its one partition; a spread kind (all of a tenant's activities) spans its buckets.
    const pk = isSpread(kind) ? undefined : kindPartition(tenantId, kind);
    if (pk) sql = sql.replace('WHERE ', 'WHERE c.pk = @pk AND ');
    const docs = await this.query<RecordDoc>(this.records, pk, sql, parameters);
    return pageOf(docs.map((doc) => ({ item: toRecord(doc) as RecordOf[K], sortKey: doc.createdAt, id: doc.id })), options.limit);
  }

  async create<K extends RecordKind>(kind: K, record: RecordOf[K], idempotency?: IdempotencyClaim): Promise<CreateResult<RecordOf[K]>> {
    let toCreate: AnyRecord = record;
    if (idempotency) {
      const claim = await this.claimIdempotencyKey(kind, record, idempotency);
      if (claim.replay) return { record: claim.replay as RecordOf[K], replayed: true };
      toCreate = { ...record, id: claim.recordId };
    }
    try {
      await this.insert(kind, toCreate);
    } catch (error) {
      // The request failed: free its key so that a corrected retry is not replayed as this failure.
      if (idempotency) await this.deleteIgnoringMissing(this.index, safeId(idempotency.key), idempotencyPartition(record.tenantId, idempotency.userId));
      throw error;
    }
    return { record: toCreate as RecordOf[K], replayed: false };
  }

  async replayOf<K extends RecordKind>(kind: K, tenantId: string, claim: IdempotencyClaim): Promise<RecordOf[K] | null> {
    const first = await this.readIndexDoc<IndexDoc & { recordKind: string; recordId: string; requestHash: string }>(safeId(claim.key), idempotencyPartition(tenantId, claim.userId));
    if (!first || first.tenantId !== tenantId) return null;
    if (first.recordKind !== kind || first.requestHash !== claim.requestHash) throw idempotencyKeyReused();
    return this.get(kind, tenantId, first.recordId);
  }

  /**
   * Seeds and imports through the SDK's bulk API (a request per partition's worth of operations), in the
   * order a single create keeps: external-id claims, then the records, then their index entries.
   */
  async createMany<K extends RecordKind>(kind: K, records: readonly RecordOf[K][]): Promise<void> {
    for (let start = 0; start < records.length; start += BULK_CHUNK) {
      const chunk = records.slice(start, start + BULK_CHUNK);
      await this.bulkClaimExternalRefs(kind, chunk);
      // The round is one change for the report cells: its records' cells are added together, once.
      const changeId = `batch|${randomUUID()}`;
      const docs = chunk.map((record) => {
        const cells = reportCellsOf(kind, record);
        return toDoc(kind, record, auditEntryOf(kind, null, record), cells.length > 0 ? { changeId, cells } : undefined);
      });
      const { failures: refused, etags } = await bulkWriteWithEtags(this.records, 'Create', docs);
      // The records written are indexed even when others were refused, so that none is left half-made.
      const refusedAt = new Set(refused.map((failure) => failure.index));
      const written = chunk.filter((_, index) => !refusedAt.has(index));
      const pendingDocs = docs.flatMap((doc, index) => (!refusedAt.has(index) && doc.pendingReport ? [{ ...doc, _etag: etags[index] }] : []));
      for (const tenantId of new Set(pendingDocs.map((doc) => doc.tenantId))) {
        const tenantDocs = pendingDocs.filter((doc) => doc.tenantId === tenantId);
        await this.cells.add(tenantId, changeId, sumDeltas(tenantDocs.flatMap((doc) => doc.pendingReport?.cells ?? [])));
      }
      await inBatches(pendingDocs, WRITE_CONCURRENCY, (doc) => this.cells.clearPending(doc));
      const indexFailures = await bulkWrite(
        this.index,
        'Upsert',
        written.flatMap((record) => [...indexDocsOf(kind, record), auditDoc(auditEntryOf(kind, null, record))]),
      );
      for (const tenantId of new Set(written.map((record) => record.tenantId))) {
        const tenantRecords = written.filter((record) => record.tenantId === tenantId);
        await this.lookupCards.dropAfterImport(kind, tenantId, tenantRecords.map((record) => ({ id: record.id, entries: indexEntriesOf(kind, record) })));
      }
      const [firstRefused] = refused;
      if (firstRefused) {
        throw firstRefused.status === 409 ? alreadyExists(kind, chunk[firstRefused.index]?.id ?? '') : unexpectedBulkFailure('Create', firstRefused);
      }
      if (indexFailures[0]) throw unexpectedBulkFailure('Upsert', indexFailures[0]);
    }
  }

  async replace<K extends RecordKind>(kind: K, record: RecordOf[K], expectedVersion: number, options: { restoring?: boolean } = {}): Promise<RecordOf[K]> {
    for (let attempt = 1; ; attempt += 1) {
      const written = await this.replaceOnce(kind, record, expectedVersion, options, attempt < SAME_VERSION_ATTEMPTS);
      if (written) return written;
    }
  }

  /**
   * One try of a replace: null when the document changed but not the record (its filed change cleared, its cells
   * upgraded) and `again` allows another try, which reads it afresh.
   */
  private async replaceOnce<K extends RecordKind>(kind: K, record: RecordOf[K], expectedVersion: number, options: { restoring?: boolean }, again: boolean): Promise<RecordOf[K] | null> {
    const currentDoc = await this.readRecordDoc(kind, record.tenantId, record.id);
    if (!currentDoc || Boolean(currentDoc.deletedAt) !== Boolean(options.restoring)) throw notFound(kind, record.id);
    const current = toRecord(currentDoc);
    if (current.version !== expectedVersion) throw staleVersion(kind, record.id, current.version, current);
    if (record.version !== expectedVersion + 1) throw new Error('replace: the new version must follow the expected one');
    const before = indexEntriesOf(kind, current);
    const after = indexEntriesOf(kind, record);
    const newRefs = after.externalRefs.filter((ref) => !before.externalRefs.includes(ref));
    await this.claimExternalRefs(kind, record.tenantId, record.id, newRefs);
    // The previous change is filed before this one replaces it in the record (a crash may have left it unfiled).
    if (currentDoc.lastChange) await this.index.items.upsert(auditDoc(currentDoc.lastChange));
    if (currentDoc.pendingReport) {
      // Filing it clears it from the document: the write goes on from the document as it is then.
      await this.cells.filePending(record.tenantId);
      if (again) return null;
    }
    const change = auditEntryOf(kind, current, record);
    const pending = pendingReportOf(kind, current, record, countedCellsOf(currentDoc));
    let written: RecordDoc | undefined;
    try {
      ({ resource: written } = await this.records
        .item(record.id, currentDoc.pk)
        .replace<RecordDoc>(toDoc(kind, record, change, pending), { accessCondition: { type: 'IfMatch', condition: currentDoc._etag ?? '' } }));
    } catch (error) {
      if (!isStatus(error, 412)) throw error;
      const latest = await this.readRecordDoc(kind, record.tenantId, record.id);
      if (!latest || Boolean(latest.deletedAt) !== Boolean(options.restoring)) throw notFound(kind, record.id);
      // The document changed but not the record (its filed change cleared, its cells upgraded): write it again.
      if (latest.version === expectedVersion && again) return null;
      throw staleVersion(kind, record.id, latest.version, toRecord(latest));
    }
    await this.index.items.upsert(auditDoc(change));
    await this.fileReport(record.tenantId, pending, written);
    const binEntry = deletedPartition(record.tenantId);
    if (record.deletedAt) await this.index.items.upsert(deletedDoc(kind, record as AnyRecord & { deletedAt: string }));
    else if (options.restoring) await this.deleteIgnoringMissing(this.index, `${kind}|${record.id}`, binEntry);
    // The record is the truth from here on: the index follows it, and a later write repairs any gap.
    await this.removeStaleIndexEntries(kind, record.tenantId, record.id, before, after);
    await this.writeIndex(kind, record, before);
    const released = before.externalRefs.filter((ref) => !after.externalRefs.includes(ref));
    await Promise.all(released.map((ref) => this.deleteIgnoringMissing(this.index, safeId(ref), refPartition(record.tenantId, kind))));
    return record;
  }

  async getDeleted<K extends RecordKind>(kind: K, tenantId: string, id: string): Promise<RecordOf[K] | null> {
    const doc = await this.readRecordDoc(kind, tenantId, id);
    return doc?.deletedAt ? (toRecord(doc) as RecordOf[K]) : null;
  }

  async listDeleted(tenantId: string, options: PageRequest & { since: string }): Promise<Page<DeletedRecord>> {
    const after = options.cursor ? decodeCursor(options.cursor) : null;
    const parameters: SqlParameter[] = [
      { name: '@tenant', value: tenantId },
      { name: '@since', value: options.since },
      { name: '@limit', value: options.limit + 1 },
    ];
    let sql = "SELECT TOP @limit * FROM c WHERE c.pk = @pk AND c.tenantId = @tenant AND c.entry = 'deleted' AND c.deletedAt >= @since";
    if (after) {
      sql += ' AND (c.deletedAt < @afterSort OR (c.deletedAt = @afterSort AND c.id < @afterId))';
      parameters.push({ name: '@afterSort', value: after.sortKey }, { name: '@afterId', value: after.id });
    }
    sql += ' ORDER BY c.deletedAt DESC, c.id DESC';
    const docs = await this.query<DeletedDoc>(this.index, deletedPartition(tenantId), sql, parameters);
    return pageOf(docs.map((doc) => ({ item: { kind: doc.recordKind, record: embeddedRecord(doc.recordKind, doc.record) }, sortKey: doc.deletedAt, id: `${doc.recordKind}|${doc.recordId}` })), options.limit);
  }

  async history(kind: RecordKind, tenantId: string, id: string, page: PageRequest): Promise<Page<AuditEntry>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const docs = await this.query<AuditDoc>(
      this.index,
      auditPartition(tenantId, kind, id),
      "SELECT TOP @limit * FROM c WHERE c.pk = @pk AND c.tenantId = @tenant AND c.entry = 'audit' AND c.version < @before ORDER BY c.version DESC",
      [
        { name: '@tenant', value: tenantId },
        { name: '@before', value: after ? cursorNumber(after) : Number.MAX_SAFE_INTEGER },
        { name: '@limit', value: page.limit + 1 },
      ],
    );
    let entries = docs.map((doc) => doc.audit);
    if (!after) {
      // Only the latest change can be unfiled (a crash between the record's write and its entry's): it is in the record.
      const latest = (await this.readRecordDoc(kind, tenantId, id))?.lastChange;
      if (latest && latest.version > (entries[0]?.version ?? 0)) {
        await this.index.items.upsert(auditDoc(latest));
        entries = [latest, ...entries];
      }
    }
    return pageOf(entries.map((entry) => ({ item: entry, sortKey: String(entry.version), id })), page.limit);
  }

  async findContactIdsByEmails(tenantId: string, emails: readonly string[]): Promise<Map<string, string[]>> {
    return this.entriesByKey(emails, (email) => emailPartition(tenantId, email), tenantId, "c.entry = 'email' AND c.kind = 'contact'");
  }

  async findPeopleByEmails(tenantId: string, emails: readonly string[]): Promise<{ contacts: Map<string, string[]>; leads: Map<string, string[]> }> {
    const contacts = new Map<string, string[]>();
    const leads = new Map<string, string[]>();
    const unique = [...new Set(emails)];
    // Still one single-partition query per address: contacts and leads share the address's partition.
    const found = await Promise.all(
      unique.map((email) =>
        this.query<{ recordId: string; kind: string }>(
          this.index,
          emailPartition(tenantId, email),
          "SELECT c.recordId, c.kind FROM c WHERE c.pk = @pk AND c.tenantId = @tenant AND c.entry = 'email' AND (c.kind = 'contact' OR c.kind = 'lead')",
          [{ name: '@tenant', value: tenantId }],
        ),
      ),
    );
    unique.forEach((email, index) => {
      for (const row of found[index] ?? []) {
        const into = row.kind === 'contact' ? contacts : leads;
        into.set(email, [...(into.get(email) ?? []), row.recordId]);
      }
    });
    return { contacts, leads };
  }

  cards<T>(tenantId: string, keys: readonly CardKey[], source: CardSource<T>): Promise<T[]> {
    return this.lookupCards.read(tenantId, keys, source);
  }

  async findCompanyIdsByDomains(tenantId: string, domains: readonly string[]): Promise<Map<string, string[]>> {
    return this.entriesByKey(domains, (domain) => domainPartition(tenantId, domain), tenantId, "c.entry = 'domain'");
  }

  async findByExternalRef<K extends RecordKind>(kind: K, tenantId: string, ref: string): Promise<RecordOf[K] | null> {
    const claim = await this.readIndexDoc<IndexDoc & { recordId: string; record?: AnyRecord }>(safeId(ref), refPartition(tenantId, kind));
    if (!claim || claim.tenantId !== tenantId) return null;
    // The copy written after the record (indexDocsOf): one point read. A claim without one (made, its record not yet
    // written; or written by an earlier release) reads the record.
    if (claim.record?.id === claim.recordId && !claim.record.deletedAt) return embeddedRecord(kind, claim.record) as RecordOf[K];
    return this.get(kind, tenantId, claim.recordId);
  }

  /**
   * Writes the index entries earlier releases left out for a tenant's records (deals' and cases' search terms), once:
   * a marker document says it was done. Idempotent. Search runs it on its first use per tenant and instance.
   */
  upgradeIndex(tenantId: string): Promise<IndexUpgradeResult> {
    return upgradeTenantIndex(this.records, this.index, tenantId);
  }

  private indexUpgraded(tenantId: string): Promise<unknown> {
    // One run per tenant and instance at a time; the marker makes a second run after it (another instance) a no-op.
    let done = this.upgradedIndexes.get(tenantId);
    if (!done) {
      done = this.upgradeIndex(tenantId).catch((error: unknown) => {
        // A failed upgrade is tried again by the next search.
        this.upgradedIndexes.delete(tenantId);
        throw error;
      });
      this.upgradedIndexes.set(tenantId, done);
    }
    return done;
  }

  /**
   * BM25 from postings (README.md, "Full text"): one single-partition query per stem, in parallel, each reading the
   * stem's best FULL_TEXT_POSTINGS_READ postings; a stem in more records than that counts as in that many, and the
   * collection is taken to have FULL_TEXT_COLLECTION records (Cosmos DB keeps no count to read in one request).
   */
  async searchFullText(tenantId: string, kind: RecordKind, terms: readonly string[], limit: number): Promise<FullTextHit[]> {
    const stems = [...new Set(terms)].filter((term) => term.length > 0).slice(0, FULL_TEXT_TERMS_READ);
    const postings = await Promise.all(
      stems.map((term) =>
        this.query<{ recordId: string; tf: number; length: number }>(
          this.index,
          fullTextPartition(tenantId, kind, term),
          "SELECT TOP @max c.recordId, c.tf, c.length FROM c WHERE c.pk = @pk AND c.tenantId = @tenant AND c.entry = 'posting' ORDER BY c.tf DESC",
          [
            { name: '@tenant', value: tenantId },
            { name: '@max', value: FULL_TEXT_POSTINGS_READ },
          ],
        ),
      ),
    );
    const lengths = postings.flat().map((posting) => posting.length);
    const average = lengths.reduce((sum, length) => sum + length, 0) / Math.max(lengths.length, 1);
    const scores = new Map<string, number>();
    for (const list of postings) {
      for (const posting of list) {
        const weight = bm25(posting.tf, posting.length, average, FULL_TEXT_COLLECTION, list.length);
        scores.set(posting.recordId, (scores.get(posting.recordId) ?? 0) + weight);
      }
    }
    return [...scores]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, limit);
  }

  async search(tenantId: string, kind: RecordKind, query: SearchQuery, limit: number): Promise<string[]> {
    // Only the kinds an upgrade step indexes wait (deals and cases lacked terms). A large tenant's upgrade outlasts a
    // search: it goes on in the background, and the search answers with what is indexed by then (a failed upgrade is
    // tried again by the next search).
    if (kindsUpgradedInIndex.has(kind)) await Promise.race([this.indexUpgraded(tenantId).catch(() => undefined), delay(INDEX_UPGRADE_WAIT_MS)]);
    const matching = (from: string, to: string) =>
      this.query<{ recordId: string }>(
        this.index,
        termPartition(tenantId, kind, from),
        'SELECT TOP @max c.recordId FROM c WHERE c.pk = @pk AND c.tenantId = @tenant AND c.term >= @from AND c.term < @to',
        [
          { name: '@tenant', value: tenantId },
          { name: '@from', value: from },
          { name: '@to', value: to },
          { name: '@max', value: MAX_TERM_MATCHES },
        ],
      ).then((rows) => new Set(rows.map((row) => row.recordId)));
    // Every branch at once: each is one bounded query in the partition of its term's first two characters.
    const intersect = (perWord: Set<string>[]) => {
      const [first, ...rest] = perWord;
      return new Set([...(first ?? [])].filter((id) => rest.every((ids) => ids.has(id))));
    };
    const branches: Promise<Set<string>>[] = [];
    if (query.words.length > 0) branches.push(Promise.all(query.words.map((word) => matching(word, word + MAX_CHAR))).then(intersect));
    if (query.compact) branches.push(matching(query.compact, query.compact + MAX_CHAR));
    if (query.phone) {
      branches.push(matching(query.phone.prefix, query.phone.prefix + MAX_CHAR));
      branches.push(...query.phone.exact.map((term) => matching(term, `${term}\u0000`)));
    }
    // A number is matched whole: the range holds that one term.
    if (query.number) branches.push(matching(query.number, `${query.number}\u0000`));
    const found = new Set<string>();
    for (const ids of await Promise.all(branches)) ids.forEach((id) => found.add(id));
    return [...found].slice(0, limit);
  }

  async hasDealsInStage(tenantId: string, stageId: string): Promise<boolean> {
    const found = await this.query<{ id: string }>(
      this.records,
      kindPartition(tenantId, 'deal'),
      "SELECT TOP 1 c.id FROM c WHERE c.pk = @pk AND c.tenantId = @tenant AND c.recordKind = 'deal' AND c.stage = @stage AND NOT IS_DEFINED(c.deletedAt)",
      [
        { name: '@tenant', value: tenantId },
        { name: '@stage', value: stageId },
      ],
    );
    return found.length > 0;
  }

  async nextSequence(tenantId: string, name: string): Promise<number> {
    const pk = sequencePartition(tenantId);
    // Optimistic increment: a concurrent one makes this attempt's If-Match fail, and it tries again.
    for (;;) {
      const current = await this.readIndexDoc<IndexDoc & { value: number }>(name, pk);
      try {
        if (!current) {
          await this.index.items.create({ id: name, pk, tenantId, entry: 'sequence', value: 1 });
          return 1;
        }
        const value = current.value + 1;
        await this.index.item(name, pk).replace({ ...current, value }, { accessCondition: { type: 'IfMatch', condition: current._etag ?? '' } });
        return value;
      } catch (error) {
        if (!isStatus(error, 409) && !isStatus(error, 412)) throw error;
      }
    }
  }

  async claimJobRun(runKey: string, job: string, claimedAt: string): Promise<boolean> {
    // The run's slot names the month its claim is kept in: every claim of one key lands in the same partition.
    const slot = runKey.slice(runKey.lastIndexOf('@') + 1);
    try {
      await this.index.items.create({ id: safeId(runKey), pk: jobRunPartition(job, slot), entry: 'job-run', runKey, job, claimedAt });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async queueWork(item: WorkItem): Promise<boolean> {
    try {
      await this.index.items.create(workDocOf(item));
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async savePublicLink(link: PublicLink): Promise<boolean> {
    const { id: recordId, ...rest } = link;
    try {
      await this.index.items.create({ id: 'link', pk: publicLinkPartition(link.key), entry: 'public-link', ...rest, recordId });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async findPublicLink(key: string): Promise<PublicLink | null> {
    const doc = await this.readIndexDoc<IndexDoc & Omit<PublicLink, 'id'> & { recordId: string }>('link', publicLinkPartition(key));
    return doc ? { key: doc.key, tenantId: doc.tenantId, kind: doc.kind, id: doc.recordId, expiresAt: doc.expiresAt, createdAt: doc.createdAt } : null;
  }

  async getWork(job: string, key: string): Promise<WorkItem | null> {
    const doc = await this.readIndexDoc<WorkDoc>(safeId(key), workPartition(job));
    return doc ? workItemFrom(doc) : null;
  }

  async dueWork(job: string, now: string, limit: number): Promise<WorkItem[]> {
    const docs = await this.query<WorkDoc>(this.index, workPartition(job), "SELECT TOP @limit * FROM c WHERE c.pk = @pk AND c.entry = 'work' AND c.dueAt <= @now ORDER BY c.dueAt", [
      { name: '@limit', value: limit },
      { name: '@now', value: now },
    ]);
    return docs.map(workItemFrom);
  }

  async saveWork(item: WorkItem): Promise<void> {
    await this.index.items.upsert(workDocOf(item));
  }

  async removeWork(job: string, key: string): Promise<void> {
    await this.deleteIgnoringMissing(this.index, safeId(key), workPartition(job));
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  private async insert(kind: RecordKind, record: AnyRecord): Promise<void> {
    const entries = indexEntriesOf(kind, record);
    await this.claimExternalRefs(kind, record.tenantId, record.id, entries.externalRefs);
    const change = auditEntryOf(kind, null, record);
    const pending = pendingReportOf(kind, null, record);
    let written: RecordDoc | undefined;
    try {
      ({ resource: written } = await this.records.items.create<RecordDoc>(toDoc(kind, record, change, pending)));
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
      throw alreadyExists(kind, record.id);
    }
    await this.writeIndex(kind, record);
    await this.index.items.upsert(auditDoc(change));
    await this.fileReport(record.tenantId, pending, written);
  }

  /** Adds a written change's deltas to the report cells, then clears them from its record. */
  private async fileReport(tenantId: string, pending: PendingReport | undefined, written: RecordDoc | undefined): Promise<void> {
    if (!pending) return;
    await this.cells.add(tenantId, pending.changeId, pending.cells);
    if (written) await this.cells.clearPending(written as RecordDoc & Record<string, unknown>);
  }

  /**
   * Adds the report cells earlier releases did not keep for a tenant's records (quotes, orders, contracts), once: a
   * marker document says it was done. Idempotent. Reports run it before their first read per tenant and instance.
   */
  upgradeReportCells(tenantId: string): Promise<CellsUpgradeResult> {
    return upgradeTenantCells(this.records, this.index, this.cells, tenantId);
  }

  private cellsUpgraded(tenantId: string): Promise<unknown> {
    let done = this.upgradedCells.get(tenantId);
    if (!done) {
      done = this.upgradeReportCells(tenantId).then(
        (result) => {
          // Records that kept changing under it are counted by the next report's run.
          if (result.failed > 0) this.upgradedCells.delete(tenantId);
          return result;
        },
        (error: unknown) => {
          // A failed upgrade is tried again by the next report.
          this.upgradedCells.delete(tenantId);
          throw error;
        },
      );
      this.upgradedCells.set(tenantId, done);
    }
    return done;
  }

  async reportCells(tenantId: string, family: ReportFamily, months: MonthRange, dims?: CellDims): Promise<ReportCell[]> {
    // Only the families an upgrade adds wait for it, and at most a few seconds: a large tenant's goes on in the
    // background while the report answers with what is counted so far (a failed upgrade is tried again by the next).
    if (familiesUpgradedInCells.has(family)) await Promise.race([this.cellsUpgraded(tenantId).catch(() => undefined), delay(CELLS_UPGRADE_WAIT_MS)]);
    // The reports of one request read several families at once: they share one check.
    const last = this.pendingChecks.get(tenantId);
    if (!last || Date.now() - last.at >= PENDING_CHECK_MS) {
      const check = { at: Date.now(), done: this.cells.filePending(tenantId) };
      this.pendingChecks.set(tenantId, check);
      check.done.catch(() => this.pendingChecks.delete(tenantId));
      await check.done;
    } else {
      await last.done;
    }
    return this.cells.read(tenantId, family, months, dims);
  }

  async countEvents(tenantId: string, cells: readonly ReportCell[]): Promise<void> {
    await this.cells.addEvents(tenantId, sumDeltas(cells));
  }

  async reportCellsCountingAtLeast(tenantId: string, family: ReportFamily, min: number, limit: number): Promise<ReportCell[]> {
    return this.cells.countingAtLeast(tenantId, family, min, limit);
  }

  /** Completes the report filing of every change a crash left pending; returns how many records it completed. */
  async filePendingReports(tenantId: string): Promise<number> {
    return this.cells.filePending(tenantId);
  }

  /** Claims the key, or returns what a previous attempt with it produced (repairing its index on the way). */
  private async claimIdempotencyKey(kind: RecordKind, record: AnyRecord, claim: IdempotencyClaim): Promise<{ recordId: string; replay?: AnyRecord }> {
    const pk = idempotencyPartition(record.tenantId, claim.userId);
    const doc = { id: safeId(claim.key), pk, tenantId: record.tenantId, entry: 'idempotency', recordKind: kind, recordId: record.id, requestHash: claim.requestHash };
    try {
      await this.index.items.create(doc);
      return { recordId: record.id };
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
    }
    const first = await this.readIndexDoc<typeof doc>(doc.id, pk);
    if (!first) return this.claimIdempotencyKey(kind, record, claim);
    if (first.recordKind !== kind || first.requestHash !== claim.requestHash) throw idempotencyKeyReused();
    const firstRecord = await this.readRecordDoc(kind, record.tenantId, first.recordId);
    if (!firstRecord) return { recordId: first.recordId };
    const replay = toRecord(firstRecord);
    await this.writeIndex(kind, replay);
    return { recordId: first.recordId, replay };
  }

  /** Claims many records' external ids at once; a taken id goes the careful way of a single create. */
  private async bulkClaimExternalRefs(kind: RecordKind, records: readonly AnyRecord[]): Promise<void> {
    const claims = records.flatMap((record) => indexEntriesOf(kind, record).externalRefs.map((ref) => ({ record, ref })));
    const failures = await bulkWrite(this.index, 'Create', claims.map(({ record, ref }) => refClaimDoc(kind, record.tenantId, record.id, ref)));
    for (const failure of failures) {
      const claim = claims[failure.index];
      if (failure.status !== 409 || !claim) throw unexpectedBulkFailure('Create', failure);
      await this.claimExternalRefs(kind, claim.record.tenantId, claim.record.id, [claim.ref]);
    }
  }

  private async claimExternalRefs(kind: RecordKind, tenantId: string, recordId: string, refs: string[]): Promise<void> {
    for (const ref of refs) {
      const pk = refPartition(tenantId, kind);
      try {
        await this.index.items.create(refClaimDoc(kind, tenantId, recordId, ref));
      } catch (error) {
        if (!isStatus(error, 409)) throw error;
        const holder = await this.readIndexDoc<IndexDoc & { recordId: string }>(safeId(ref), pk);
        if (holder && holder.recordId !== recordId) {
          const holderRecord = await this.readRecordDoc(kind, tenantId, holder.recordId);
          // A claim left by a deleted or never-written record is taken over; a live holder keeps it.
          if (holderRecord && !holderRecord.deletedAt && indexEntriesOf(kind, toRecord(holderRecord)).externalRefs.includes(ref)) {
            throw duplicateExternalRef(kind, ref, holder.recordId);
          }
          await this.index.items.upsert(refClaimDoc(kind, tenantId, recordId, ref));
        }
      }
    }
  }

  /** Writes a record's index entries, then drops the lookup cards built from what it was (`before`) and is. */
  private async writeIndex(kind: RecordKind, record: AnyRecord, before?: RecordIndexEntries): Promise<void> {
    const after = indexEntriesOf(kind, record);
    await inBatches(indexDocsOf(kind, record), WRITE_CONCURRENCY, (doc) => this.index.items.upsert(doc));
    await this.lookupCards.dropAfterWrite(kind, record.tenantId, record.id, before ?? after, after);
  }

  /** Deletes the index documents `before` had that `after` no longer has. */
  private async removeStaleIndexEntries(kind: RecordKind, tenantId: string, id: string, before: RecordIndexEntries, after: RecordIndexEntries): Promise<void> {
    const keep = new Set(indexKeys(kind, tenantId, id, after).map(([docId, pk]) => `${pk}\u0000${docId}`));
    const stale = indexKeys(kind, tenantId, id, before).filter(([docId, pk]) => !keep.has(`${pk}\u0000${docId}`));
    await inBatches(stale, WRITE_CONCURRENCY, ([docId, pk]) => this.deleteIgnoringMissing(this.index, docId, pk));
  }

  private async entriesByKey(keys: readonly string[], partition: (key: string) => string, tenantId: string, filter: string): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    const unique = [...new Set(keys)];
    // One single-partition query per address or domain, whatever the tenant's size.
    const found = await Promise.all(
      unique.map((key) =>
        this.query<{ recordId: string }>(this.index, partition(key), `SELECT c.recordId FROM c WHERE c.pk = @pk AND c.tenantId = @tenant AND ${filter}`, [
          { name: '@tenant', value: tenantId },
        ]),
      ),
    );
    unique.forEach((key, index) => {
      const ids = (found[index] ?? []).map((row) => row.recordId);
      if (ids.length > 0) result.set(key, ids);
    });
    return result;
  }

  private async readRecordDoc(kind: RecordKind, tenantId: string, id: string): Promise<RecordDoc | null> {
    const doc = await readItem<RecordDoc>(this.records, id, recordPartition(tenantId, kind, id));
    return doc && doc.tenantId === tenantId && doc.recordKind === kind ? doc : null;
  }

  private readIndexDoc<T extends ItemDefinition>(id: string, pk: string): Promise<T | null> {
    return readItem<T>(this.index, id, pk);
  }

  private async deleteIgnoringMissing(container: Container, id: string, pk: string): Promise<void> {
    try {
      await container.item(id, pk).delete();
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }

  // The partition is in the WHERE clause as well as in the options: the tenant is always filtered,
  // whatever a server does with the partition key option.
  private async query<T>(container: Container, pk: string | undefined, sql: string, parameters: SqlParameter[]): Promise<T[]> {
    const allParameters = pk ? [...parameters, { name: '@pk', value: pk }] : parameters;
    const { resources } = await container.items.query<T>({ query: sql, parameters: allParameters }, pk ? { partitionKey: pk } : {}).fetchAll();
    return resources;
  }
}

/**
 * What a change owes the report cells, or nothing when it moves no report. The old version takes away the cells it was
 * counted in: those of the families every document is counted in, and the newer ones its document says (`counted`); the
 * new version is counted in all of today's.
 */
function pendingReportOf(kind: RecordKind, before: AnyRecord | null, after: AnyRecord, counted: readonly ReportCell[] = []): PendingReport | undefined {
  const cells = deltasBetween([...reportCellsOf(kind, before, CELLS_VERSION_BEFORE_STAMPS), ...counted], reportCellsOf(kind, after));
  return cells.length > 0 ? { changeId: `${kind}|${after.id}|v${after.version}|${randomUUID()}`, cells } : undefined;
}

function pageOf<T>(rows: { item: T; sortKey: string; id: string }[], limit: number): Page<T> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map((row) => row.item), nextCursor: rows.length > limit && last ? encodeCursor({ sortKey: last.sortKey, id: last.id }) : null };
}

type WorkDoc = { id: string; pk: string; entry: 'work'; item: WorkItem; dueAt: string };

function workDocOf(item: WorkItem): WorkDoc {
  return { id: safeId(item.key), pk: workPartition(item.job), entry: 'work', item, dueAt: item.dueAt };
}

function workItemFrom(doc: WorkDoc): WorkItem {
  return doc.item;
}
