import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  REPORT_CELLS_VERSION,
  alreadyExists,
  auditEntryOf,
  cellKey,
  eventMeasures,
  idempotencyKeyReused,
  isEmptyCell,
  notFound,
  recordKinds,
  reportCellsOf,
  reportDeltas,
  staleVersion,
  sumDeltas,
  FULL_TEXT_WEIGHTS,
  type AuditEntry,
  type FullTextFields,
  type FullTextHit,
  type Page,
  type RecordKind,
  type ReportCell,
  type ReportFamily,
  type SearchQuery,
} from '@rapport/shared';
import { cursorNumber, decodeCursor, encodeCursor } from '../cursor';
import { INDEX_VERSION, duplicateExternalRef, indexEntriesOf, linkSourceKind, type RecordIndexEntries } from '../record-index';
import { MAX_TERM_MATCHES, cellDimNames, type AnyRecord, type CardKey, type CardSource, type CellDims, type CreateResult, type DeletedRecord, type IdempotencyClaim, type ListOptions, type MonthRange, type PageRequest, type PublicLink, type RecordOf, type Store, type WorkItem } from '../store';
import { currentSchemaVersion, documentOf, isCurrentDocument, recordFromDocument } from '../record-upgrades';
import { migrate } from './migrations';
import { COMPANY_SEGMENT_CELLS_VERSION, lacksCompanySegment, withCompanySegmentOf } from '../company-segment-upgrade';

// The highest code point: `prefix || MAX_CHAR` bounds a prefix range under binary collation.
const MAX_CHAR = '\u{10FFFF}';
const MAX_CACHED_STATEMENTS = 500;

type IndexTableSql = { insert: string; delete: string };

// Index rows are whole primary keys: written with the record, deleted exactly when it changes.
function indexTableSql(table: string, columns: string[]): IndexTableSql {
  return {
    insert: `INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    delete: `DELETE FROM ${table} WHERE ${columns.map((column) => `${column} = ?`).join(' AND ')}`,
  };
}
const EMAIL_INDEX = indexTableSql('email_index', ['tenant_id', 'email', 'kind', 'record_id']);
const DOMAIN_INDEX = indexTableSql('domain_index', ['tenant_id', 'domain', 'record_id']);
const SEARCH_TERMS = indexTableSql('search_terms', ['tenant_id', 'kind', 'term', 'record_id']);
const LINKS = indexTableSql('links', ['tenant_id', 'target_kind', 'target_id', 'source_kind', 'sort_at', 'source_id']);

type RecordRow = { doc: string };

/** The one word a tenant's records of a kind carry in the full-text table's scope column: letters and digits only. */
const scopeOf = (tenantId: string, kind: RecordKind) => `s${createHash('sha256').update(`${tenantId}\u0000${kind}`).digest('hex').slice(0, 32)}`;
type CellRow = { family: ReportFamily; month: string; current: number; dims: string; measures: string };

/** A stored record as today's code reads it (older shapes upgraded): every read of a record goes through here. */
const recordOf = <K extends RecordKind>(kind: K, doc: string): RecordOf[K] => recordFromDocument(kind, JSON.parse(doc) as object);
/** The JSON a record is stored as, stamped with its kind's schema version. */
const docOf = <K extends RecordKind>(kind: K, record: RecordOf[K]): string => JSON.stringify(documentOf(kind, record));

const cellOfRow = (row: CellRow): ReportCell => ({ family: row.family, month: row.month, current: row.current === 1, dims: JSON.parse(row.dims), measures: JSON.parse(row.measures) });
type SortedRow = { doc: string; sort_key: string; id: string };

/** How long a write waits for another process's write to finish. */
const WRITE_WAIT_MS = 5_000;
/** How long opening the file waits for another process upgrading it (migration 11 took 9 s on a 1.7 GB file). */
const UPGRADE_WAIT_MS = 300_000;

/** Lookup cards remembered between writes (each a few kilobytes: its records' open work and newest entries). */
const CARDS_REMEMBERED = 2_000;
/** Report cells remembered between writes, in all (a few hundred bytes each). */
const CELLS_REMEMBERED = 200_000;

/**
 * The embedded store: one SQLite file in WAL mode, records as JSON documents beside the
 * secondary indexes that lookups, search and timelines read.
 */
export class SqliteStore implements Store {
  readonly name = 'sqlite';
  /** Its reads are local: a lookup's cards are built with what each lookup asks for, and remembered in memory only. */
  readonly keepsCards = false;
  private readonly db: Database.Database;
  /** The cards built since the file last changed (by this process or another), the least recently read first. */
  private readonly cardMemory = new Map<string, { version: number; card: unknown }>();
  /** Report cells read since the file last changed, by what was asked, the least recently read first. */
  private readonly cellMemory = new Map<string, ReportCell[]>();
  private cellsRemembered = 0;
  private memoryStamp = '';

  private constructor(
    db: Database.Database,
    private readonly remember: boolean,
  ) {
    this.db = db;
  }

  /**
   * Opens (creating if needed) the store at `file`, or an in-memory one for ':memory:'. With `remember: false` it builds
   * every lookup card and reads every report's cells afresh (the benchmark, comparing what a lookup or a report costs at
   * two tenant sizes).
   */
  static open(file: string, options: { remember?: boolean } = {}): SqliteStore {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    // Before the journal mode: another process opening the file at the same moment holds its lock for a moment.
    db.pragma(`busy_timeout = ${UPGRADE_WAIT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const store = new SqliteStore(db, options.remember ?? true);
    // One process upgrades the file; another opening it meanwhile waits for the write lock, then finds nothing to do.
    const migrated = db.transaction(() => {
      const ran = migrate(db);
      store.upgradeOutdatedDocuments();
      store.rebuildIndexesIfOutdated();
      store.rebuildReportCellsIfOutdated();
      return ran;
    }).immediate();
    db.pragma(`busy_timeout = ${WRITE_WAIT_MS}`);
    // A migration may write as much as the file holds (11 copies the records): its WAL is not left at that size.
    if (migrated.length > 0) db.pragma('wal_checkpoint(TRUNCATE)');
    return store;
  }

  /**
   * Rewrites the documents of kinds whose shape changed since they were stored (an older `schemaVersion`, or none) in
   * today's shape. Their version stays (nothing a user changed), and so do their index entries and report cells, which
   * already read them upgraded. Idempotent, and a second open reads nothing: the file records the versions it reached.
   */
  private upgradeOutdatedDocuments(): void {
    // The versions the file was last brought to, so that a start reads documents only after a kind's version moved.
    const stored = this.db.prepare("SELECT value FROM meta WHERE key = 'schema_versions'").get() as { value: string } | undefined;
    const done = (stored ? JSON.parse(stored.value) : {}) as Record<string, number>;
    const current = Object.fromEntries(recordKinds.map((kind) => [kind, currentSchemaVersion(kind)]));
    for (const kind of recordKinds) {
      if (currentSchemaVersion(kind) === 1 || done[kind] === currentSchemaVersion(kind)) continue;
      const outdated = this.db.prepare(
        "SELECT tenant_id, id, doc FROM records WHERE kind = ? AND coalesce(json_extract(doc, '$.schemaVersion'), 1) < ? LIMIT 1000",
      );
      const update = this.db.prepare('UPDATE records SET doc = ? WHERE tenant_id = ? AND kind = ? AND id = ?');
      for (;;) {
        const rows = outdated.all(kind, currentSchemaVersion(kind)) as { tenant_id: string; id: string; doc: string }[];
        if (rows.length === 0) break;
        this.db.transaction(() => {
          for (const row of rows) {
            const parsed = JSON.parse(row.doc) as object;
            if (!isCurrentDocument(kind, parsed as Record<string, unknown>)) update.run(docOf(kind, recordFromDocument(kind, parsed)), row.tenant_id, kind, row.id);
          }
        })();
      }
    }
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_versions', ?)").run(JSON.stringify(current));
  }

  /** Re-derives every secondary index when the data was indexed by an older INDEX_VERSION. */
  private rebuildIndexesIfOutdated(): void {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'index_version'").get() as { value: string } | undefined;
    if (row && Number(row.value) === INDEX_VERSION) return;
    this.db.transaction(() => {
      for (const table of ['email_index', 'domain_index', 'search_terms', 'links', 'external_refs', 'full_text_rows', 'full_text']) this.db.exec(`DELETE FROM ${table}`);
      // In batches by primary key: the connection cannot write while an iterator is open on it.
      const batch = this.db.prepare(
        'SELECT tenant_id, kind, id, doc FROM records WHERE (tenant_id, kind, id) > (?, ?, ?) ORDER BY tenant_id, kind, id LIMIT 1000',
      );
      let last = ['', '', ''];
      for (;;) {
        const rows = batch.all(...last) as { tenant_id: string; kind: RecordKind; id: string; doc: string }[];
        for (const row of rows) this.writeIndex(row.kind, row.tenant_id, row.id, indexEntriesOf(row.kind, recordOf(row.kind, row.doc)), 'insert');
        const end = rows[rows.length - 1];
        if (!end) break;
        last = [end.tenant_id, end.kind, end.id];
      }
      this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('index_version', ?)").run(String(INDEX_VERSION));
    })();
  }

  /** Re-adds every record to the report cells when they were kept by an older REPORT_CELLS_VERSION (or not at all). */
  private rebuildReportCellsIfOutdated(): void {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'report_cells_version'").get() as { value: string } | undefined;
    if (row && Number(row.value) === REPORT_CELLS_VERSION) return;
    this.db.transaction(() => {
      if (!row || Number(row.value) < COMPANY_SEGMENT_CELLS_VERSION) this.giveWonDealsTheirCompanySegment();
      // Events (a link's clicks) have no record to count them again from: they are carried over.
      const events = this.eventCells();
      this.db.exec('DELETE FROM report_cells');
      const batch = this.db.prepare(
        'SELECT tenant_id, kind, id, doc FROM records WHERE (tenant_id, kind, id) > (?, ?, ?) AND deleted_at IS NULL ORDER BY tenant_id, kind, id LIMIT 1000',
      );
      let last = ['', '', ''];
      for (;;) {
        const rows = batch.all(...last) as { tenant_id: string; kind: RecordKind; id: string; doc: string }[];
        const byTenant = new Map<string, ReportCell[]>();
        for (const row of rows) {
          const cells = byTenant.get(row.tenant_id) ?? [];
          cells.push(...reportCellsOf(row.kind, recordOf(row.kind, row.doc)));
          byTenant.set(row.tenant_id, cells);
        }
        for (const [tenantId, cells] of byTenant) this.addToReportCells(tenantId, sumDeltas(cells));
        const end = rows[rows.length - 1];
        if (!end) break;
        last = [end.tenant_id, end.kind, end.id];
      }
      for (const [tenantId, cells] of events) this.addToReportCells(tenantId, cells);
      this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('report_cells_version', ?)").run(String(REPORT_CELLS_VERSION));
    })();
  }

  /**
   * Gives the won deals an earlier release stored (live and deleted) their company's segment as the company is now
   * (see company-segment-upgrade.ts): in the cells' rebuild, which then counts them under it. Their version stays.
   */
  private giveWonDealsTheirCompanySegment(): void {
    const batch = this.db.prepare(
      `SELECT tenant_id, id, doc FROM records WHERE kind = 'deal' AND (tenant_id, id) > (?, ?)
       AND json_extract(doc, '$.status') = 'won' AND json_extract(doc, '$.companySegment') IS NULL ORDER BY tenant_id, id LIMIT 1000`,
    );
    const companyDoc = this.db.prepare("SELECT doc FROM records WHERE tenant_id = ? AND kind = 'company' AND id = ?");
    const update = this.db.prepare("UPDATE records SET doc = ? WHERE tenant_id = ? AND kind = 'deal' AND id = ?");
    let last = ['', ''];
    for (;;) {
      const rows = batch.all(...last) as { tenant_id: string; id: string; doc: string }[];
      for (const row of rows) {
        const deal = recordOf('deal', row.doc);
        if (!lacksCompanySegment('deal', deal)) continue;
        const company = deal.companyId ? (companyDoc.get(row.tenant_id, deal.companyId) as RecordRow | undefined) : undefined;
        update.run(docOf('deal', withCompanySegmentOf(deal, company ? recordOf('company', company.doc) : undefined)), row.tenant_id, row.id);
      }
      const end = rows[rows.length - 1];
      if (!end) break;
      last = [end.tenant_id, end.id];
    }
  }

  async get<K extends RecordKind>(kind: K, tenantId: string, id: string): Promise<RecordOf[K] | null> {
    const row = this.statement(
      'SELECT doc FROM records WHERE tenant_id = ? AND kind = ? AND id = ? AND deleted_at IS NULL',
    ).get(tenantId, kind, id) as RecordRow | undefined;
    return row ? recordOf(kind, row.doc) : null;
  }

  async getMany<K extends RecordKind>(kind: K, tenantId: string, ids: readonly string[]): Promise<RecordOf[K][]> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    const rows = this.statement(
      `SELECT id, doc FROM records WHERE tenant_id = ? AND kind = ? AND deleted_at IS NULL
       AND id IN (${unique.map(() => '?').join(',')})`,
    ).all(tenantId, kind, ...unique) as { id: string; doc: string }[];
    const byId = new Map(rows.map((row) => [row.id, recordOf(kind, row.doc)]));
    return unique.flatMap((id) => byId.get(id) ?? []);
  }

  async list<K extends RecordKind>(kind: K, tenantId: string, options: ListOptions): Promise<Page<RecordOf[K]>> {
    const after = options.cursor ? decodeCursor(options.cursor) : null;
    const params: unknown[] = [];
    let sql: string;
    if (options.linkedTo) {
      // Bounds on the sort time come first in the index after the target, so ranges stay index seeks.
      sql = `SELECT r.doc, l.sort_at AS sort_key, l.source_id AS id FROM links l
             JOIN records r ON r.tenant_id = l.tenant_id AND r.kind = ? AND r.id = l.source_id
             WHERE l.tenant_id = ? AND l.target_kind = ? AND l.target_id = ? AND l.source_kind = ?`;
      params.push(kind, tenantId, options.linkedTo.kind, options.linkedTo.id, linkSourceKind(kind, options.openOnly ?? false));
      if (after) {
        sql += ' AND (l.sort_at < ? OR (l.sort_at = ? AND l.source_id < ?))';
        params.push(after.sortKey, after.sortKey, after.id);
      }
      if (options.from) {
        sql += ' AND l.sort_at >= ?';
        params.push(options.from);
      }
      if (options.before) {
        sql += ' AND l.sort_at < ?';
        params.push(options.before);
      }
      if (options.ownerId) {
        sql += ' AND r.owner_id = ?';
        params.push(options.ownerId);
      }
      sql += ' ORDER BY l.sort_at DESC, l.source_id DESC LIMIT ?';
    } else {
      sql = `SELECT doc, created_at AS sort_key, id FROM records
             WHERE tenant_id = ? AND kind = ? AND deleted_at IS NULL`;
      params.push(tenantId, kind);
      if (options.ownerId) {
        sql += ' AND owner_id = ?';
        params.push(options.ownerId);
      }
      if (after) {
        sql += ' AND (created_at < ? OR (created_at = ? AND id < ?))';
        params.push(after.sortKey, after.sortKey, after.id);
      }
      sql += ' ORDER BY created_at DESC, id DESC LIMIT ?';
    }
    // One extra row tells whether there is a next page.
    params.push(options.limit + 1);
    const rows = this.statement(sql).all(...params) as SortedRow[];
    const pageRows = rows.slice(0, options.limit);
    const last = pageRows[pageRows.length - 1];
    return {
      items: pageRows.map((row) => recordOf(kind, row.doc)),
      nextCursor: rows.length > options.limit && last ? encodeCursor({ sortKey: last.sort_key, id: last.id }) : null,
    };
  }

  async create<K extends RecordKind>(kind: K, record: RecordOf[K], idempotency?: IdempotencyClaim): Promise<CreateResult<RecordOf[K]>> {
    return this.db.transaction((): CreateResult<RecordOf[K]> => {
      if (idempotency) {
        const claimed = this.statement(
          'SELECT kind, record_id, request_hash FROM idempotency_keys WHERE tenant_id = ? AND user_id = ? AND key = ?',
        ).get(record.tenantId, idempotency.userId, idempotency.key) as
          | { kind: string; record_id: string; request_hash: string }
          | undefined;
        if (claimed) {
          if (claimed.kind !== kind || claimed.request_hash !== idempotency.requestHash) throw idempotencyKeyReused();
          const first = this.statement('SELECT doc FROM records WHERE tenant_id = ? AND kind = ? AND id = ?').get(
            record.tenantId,
            kind,
            claimed.record_id,
          ) as RecordRow | undefined;
          if (first) return { record: recordOf(kind, first.doc), replayed: true };
        }
      }
      this.insert(kind, record);
      if (idempotency) {
        this.statement(
          `INSERT OR REPLACE INTO idempotency_keys (tenant_id, user_id, key, kind, record_id, request_hash, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(record.tenantId, idempotency.userId, idempotency.key, kind, record.id, idempotency.requestHash, record.createdAt);
      }
      return { record, replayed: false };
    })();
  }

  async replayOf<K extends RecordKind>(kind: K, tenantId: string, claim: IdempotencyClaim): Promise<RecordOf[K] | null> {
    const claimed = this.statement('SELECT kind, record_id, request_hash FROM idempotency_keys WHERE tenant_id = ? AND user_id = ? AND key = ?').get(
      tenantId,
      claim.userId,
      claim.key,
    ) as { kind: string; record_id: string; request_hash: string } | undefined;
    if (!claimed) return null;
    if (claimed.kind !== kind || claimed.request_hash !== claim.requestHash) throw idempotencyKeyReused();
    const first = this.statement('SELECT doc FROM records WHERE tenant_id = ? AND kind = ? AND id = ?').get(tenantId, kind, claimed.record_id) as RecordRow | undefined;
    return first ? recordOf(kind, first.doc) : null;
  }

  async createMany<K extends RecordKind>(kind: K, records: readonly RecordOf[K][]): Promise<void> {
    this.db.transaction(() => {
      const cellsByTenant = new Map<string, ReportCell[]>();
      for (const record of records) {
        this.insertRecord(kind, record);
        const cells = cellsByTenant.get(record.tenantId) ?? [];
        cells.push(...reportCellsOf(kind, record));
        cellsByTenant.set(record.tenantId, cells);
      }
      // A batch adds to each cell once.
      for (const [tenantId, cells] of cellsByTenant) this.addToReportCells(tenantId, sumDeltas(cells));
    })();
  }

  async countEvents(tenantId: string, cells: readonly ReportCell[]): Promise<void> {
    if (cells.length === 0) return;
    this.db.transaction(() => this.addToReportCells(tenantId, sumDeltas(cells)))();
  }

  /** The event measures of every tenant's cells (see `eventMeasures`), by tenant: what a rebuild must keep. */
  private eventCells(): Map<string, ReportCell[]> {
    const byTenant = new Map<string, ReportCell[]>();
    for (const [family, names] of Object.entries(eventMeasures) as [ReportFamily, readonly string[]][]) {
      const rows = this.db.prepare('SELECT tenant_id, family, month, current, dims, measures FROM report_cells WHERE family = ?').all(family) as (CellRow & { tenant_id: string })[];
      for (const row of rows) {
        const cell = cellOfRow(row);
        const measures = Object.fromEntries(names.filter((name) => (cell.measures[name] ?? 0) !== 0).map((name) => [name, cell.measures[name] ?? 0]));
        if (Object.keys(measures).length === 0) continue;
        const cells = byTenant.get(row.tenant_id) ?? [];
        cells.push({ ...cell, measures });
        byTenant.set(row.tenant_id, cells);
      }
    }
    return byTenant;
  }

  async reportCellsCountingAtLeast(tenantId: string, family: ReportFamily, min: number, limit: number): Promise<ReportCell[]> {
    const rows = this.statement(
      `SELECT family, month, current, dims, measures FROM report_cells
       WHERE tenant_id = ? AND family = ? AND json_extract(measures, '$.count') >= ? LIMIT ?`,
    ).all(tenantId, family, min, limit) as CellRow[];
    return rows.map(cellOfRow);
  }

  /**
   * A family's cells in a range, remembered until the file changes (as lookup cards are): a dashboard's reports read the
   * same cells again on every load. Shared between readers: a new array each time, its cells never changed by them.
   */
  async reportCells(tenantId: string, family: ReportFamily, months: MonthRange, dims?: CellDims): Promise<ReportCell[]> {
    const names = cellDimNames(dims);
    if (this.remember) this.forgetIfChanged();
    const key = JSON.stringify([tenantId, family, months.from, months.to, names.map((name) => [name, dims?.[name] ?? ''])]);
    const kept = this.cellMemory.get(key);
    if (kept) {
      this.cellMemory.delete(key);
      this.cellMemory.set(key, kept);
      return [...kept];
    }
    const rows = this.statement(
      `SELECT family, month, current, dims, measures FROM report_cells
       WHERE tenant_id = ? AND family = ? AND (month BETWEEN ? AND ? OR current = 1)${names.map((name) => ` AND json_extract(dims, '$.${name}') = ?`).join('')}`,
    ).all(tenantId, family, months.from, months.to, ...names.map((name) => dims?.[name] ?? '')) as CellRow[];
    const cells = rows.map(cellOfRow);
    if (!this.remember) return cells;
    this.cellMemory.set(key, cells);
    this.cellsRemembered += cells.length;
    for (const [oldest, oldCells] of this.cellMemory) {
      if (this.cellsRemembered <= CELLS_REMEMBERED) break;
      this.cellMemory.delete(oldest);
      this.cellsRemembered -= oldCells.length;
    }
    return [...cells];
  }

  async getDeleted<K extends RecordKind>(kind: K, tenantId: string, id: string): Promise<RecordOf[K] | null> {
    const row = this.statement('SELECT doc FROM records WHERE tenant_id = ? AND kind = ? AND id = ? AND deleted_at IS NOT NULL').get(tenantId, kind, id) as
      | RecordRow
      | undefined;
    return row ? recordOf(kind, row.doc) : null;
  }

  async listDeleted(tenantId: string, options: PageRequest & { since: string }): Promise<Page<DeletedRecord>> {
    const after = options.cursor ? decodeCursor(options.cursor) : null;
    let sql = `SELECT kind, doc, deleted_at AS sort_key, kind || ':' || id AS id FROM records
               WHERE tenant_id = ? AND deleted_at IS NOT NULL AND deleted_at >= ?`;
    const params: unknown[] = [tenantId, options.since];
    if (after) {
      sql += " AND (deleted_at < ? OR (deleted_at = ? AND kind || ':' || id < ?))";
      params.push(after.sortKey, after.sortKey, after.id);
    }
    sql += ' ORDER BY deleted_at DESC, kind DESC, id DESC LIMIT ?';
    params.push(options.limit + 1);
    const rows = this.statement(sql).all(...params) as (SortedRow & { kind: RecordKind })[];
    const page = rows.slice(0, options.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({ kind: row.kind, record: recordOf(row.kind, row.doc) as AnyRecord })),
      nextCursor: rows.length > options.limit && last ? encodeCursor({ sortKey: last.sort_key, id: last.id }) : null,
    };
  }

  async history(kind: RecordKind, tenantId: string, id: string, page: PageRequest): Promise<Page<AuditEntry>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const rows = this.statement(
      `SELECT version, doc FROM audit WHERE tenant_id = ? AND record_kind = ? AND record_id = ? AND version < ?
       ORDER BY version DESC LIMIT ?`,
    ).all(tenantId, kind, id, after ? cursorNumber(after) : Number.MAX_SAFE_INTEGER, page.limit + 1) as { version: number; doc: string }[];
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return {
      items: items.map((row) => JSON.parse(row.doc) as AuditEntry),
      nextCursor: rows.length > page.limit && last ? encodeCursor({ sortKey: String(last.version), id }) : null,
    };
  }

  async replace<K extends RecordKind>(kind: K, record: RecordOf[K], expectedVersion: number, options: { restoring?: boolean } = {}): Promise<RecordOf[K]> {
    return this.db.transaction((): RecordOf[K] => {
      const row = this.statement('SELECT doc FROM records WHERE tenant_id = ? AND kind = ? AND id = ?').get(
        record.tenantId,
        kind,
        record.id,
      ) as RecordRow | undefined;
      const current = row ? (recordOf(kind, row.doc) as AnyRecord) : null;
      if (!current || Boolean(current.deletedAt) !== Boolean(options.restoring)) throw notFound(kind, record.id);
      if (current.version !== expectedVersion) throw staleVersion(kind, record.id, current.version, current);
      if (record.version !== expectedVersion + 1) throw new Error('replace: the new version must follow the expected one');
      this.statement(
        `UPDATE records SET version = ?, owner_id = ?, deleted_at = ?, doc = ?
         WHERE tenant_id = ? AND kind = ? AND id = ? AND version = ?`,
      ).run(record.version, record.ownerId, record.deletedAt ?? null, docOf(kind, record), record.tenantId, kind, record.id, expectedVersion);
      this.writeIndex(kind, record.tenantId, record.id, indexEntriesOf(kind, current), 'delete');
      this.writeIndex(kind, record.tenantId, record.id, indexEntriesOf(kind, record), 'insert');
      this.writeAudit(auditEntryOf(kind, current, record));
      this.addToReportCells(record.tenantId, reportDeltas(kind, current, record));
      return record;
    })();
  }

  async findContactIdsByEmails(tenantId: string, emails: readonly string[]): Promise<Map<string, string[]>> {
    return this.groupedLookup(
      `SELECT email AS k, record_id AS id FROM email_index WHERE tenant_id = ? AND kind = 'contact' AND email IN`,
      tenantId,
      emails,
    );
  }

  async findPeopleByEmails(tenantId: string, emails: readonly string[]): Promise<{ contacts: Map<string, string[]>; leads: Map<string, string[]> }> {
    const contacts = new Map<string, string[]>();
    const leads = new Map<string, string[]>();
    const unique = [...new Set(emails)];
    if (unique.length === 0) return { contacts, leads };
    const rows = this.statement(
      `SELECT email AS k, kind, record_id AS id FROM email_index WHERE tenant_id = ? AND kind IN ('contact', 'lead') AND email IN (${unique.map(() => '?').join(',')})`,
    ).all(tenantId, ...unique) as { k: string; kind: string; id: string }[];
    for (const row of rows) {
      const into = row.kind === 'contact' ? contacts : leads;
      into.set(row.k, [...(into.get(row.k) ?? []), row.id]);
    }
    return { contacts, leads };
  }

  /**
   * Builds each card, or gives the one built since the file last changed: any write to it, by this connection
   * (`total_changes()`) or another process's (`PRAGMA data_version`), forgets them all. A card built while a write
   * landed is not remembered. Cards are shared between lookups: nothing may change one.
   */
  cards<T>(tenantId: string, keys: readonly CardKey[], source: CardSource<T>): Promise<T[]> {
    if (!this.remember) return Promise.all(keys.map((key) => source.build(key)));
    const stamp = this.forgetIfChanged();
    return Promise.all(
      keys.map(async (key) => {
        const id = `${tenantId}\u0000${key.kind}\u0000${key.kind === 'address' ? key.email : key.kind === 'domain' ? key.domain : key.id}`;
        const kept = this.cardMemory.get(id);
        if (kept && kept.version === source.version && source.holds(kept.card as T)) {
          // Read again: it moves to the end, the last to be forgotten.
          this.cardMemory.delete(id);
          this.cardMemory.set(id, kept);
          return kept.card as T;
        }
        const card = await source.build(key);
        if (this.changeStamp() === stamp) {
          this.cardMemory.set(id, { version: source.version, card });
          const oldest = this.cardMemory.keys().next();
          if (this.cardMemory.size > CARDS_REMEMBERED && !oldest.done) this.cardMemory.delete(oldest.value);
        }
        return card;
      }),
    );
  }

  /** Forgets the cards and cells remembered when the file has changed since; returns its stamp now. */
  private forgetIfChanged(): string {
    const stamp = this.changeStamp();
    if (stamp !== this.memoryStamp) {
      this.cardMemory.clear();
      this.cellMemory.clear();
      this.cellsRemembered = 0;
      this.memoryStamp = stamp;
    }
    return stamp;
  }

  /** Changes whenever the file does: this connection's changes, and another connection's commits. */
  private changeStamp(): string {
    const { changes } = this.statement('SELECT total_changes() AS changes').get() as { changes: number };
    const { data_version: version } = this.statement('PRAGMA data_version').get() as { data_version: number };
    return `${version}:${changes}`;
  }

  async findCompanyIdsByDomains(tenantId: string, domains: readonly string[]): Promise<Map<string, string[]>> {
    return this.groupedLookup(`SELECT domain AS k, record_id AS id FROM domain_index WHERE tenant_id = ? AND domain IN`, tenantId, domains);
  }

  async findByExternalRef<K extends RecordKind>(kind: K, tenantId: string, ref: string): Promise<RecordOf[K] | null> {
    const row = this.statement(
      `SELECT r.doc FROM external_refs x JOIN records r ON r.tenant_id = x.tenant_id AND r.kind = x.kind AND r.id = x.record_id
       WHERE x.tenant_id = ? AND x.kind = ? AND x.ref = ? AND r.deleted_at IS NULL`,
    ).get(tenantId, kind, ref) as RecordRow | undefined;
    return row ? recordOf(kind, row.doc) : null;
  }

  async searchFullText(tenantId: string, kind: RecordKind, terms: readonly string[], limit: number): Promise<FullTextHit[]> {
    const words = [...new Set(terms.map((term) => term.replace(/"/g, '')).filter((term) => term.length > 0))];
    if (words.length === 0) return [];
    // FTS5 ranks with BM25 over the tenant's and kind's rows only (the scope column is matched, and weighs nothing).
    const match = `scope : "${scopeOf(tenantId, kind)}" AND (${words.map((word) => `"${word}"`).join(' OR ')})`;
    const { title, tags, body } = FULL_TEXT_WEIGHTS;
    const rows = this.statement(
      `SELECT r.record_id AS id, bm25(full_text, 0, ${title}, ${tags}, ${body}) AS rank FROM full_text JOIN full_text_rows r ON r.row_id = full_text.rowid
       WHERE full_text MATCH ? ORDER BY rank LIMIT ?`,
    ).all(match, limit) as { id: string; rank: number }[];
    // FTS5's bm25() is negative, better the lower: the score is its opposite.
    return rows.map((row) => ({ id: row.id, score: -row.rank }));
  }

  async search(tenantId: string, kind: RecordKind, query: SearchQuery, limit: number): Promise<string[]> {
    const selects: string[] = [];
    const params: unknown[] = [];
    // A prefix on its own reads at most MAX_TERM_MATCHES terms: a word a great many records share costs no more than a
    // rare one. Several words are intersected whole, so that none of their records is missed for a common word.
    const prefixSelect = (prefix: string, bounded: boolean) => {
      params.push(tenantId, kind, prefix, prefix + MAX_CHAR, ...(bounded ? [MAX_TERM_MATCHES] : []));
      return `SELECT * FROM (SELECT record_id FROM search_terms WHERE tenant_id = ? AND kind = ? AND term >= ? AND term < ?${bounded ? ' LIMIT ?' : ''})`;
    };
    if (query.words.length > 0) selects.push(query.words.map((word) => prefixSelect(word, query.words.length === 1)).join(' INTERSECT '));
    if (query.compact) selects.push(prefixSelect(query.compact, true));
    if (query.phone) {
      selects.push(prefixSelect(query.phone.prefix, true));
      if (query.phone.exact.length > 0) {
        params.push(tenantId, kind, ...query.phone.exact);
        selects.push(
          `SELECT record_id FROM search_terms WHERE tenant_id = ? AND kind = ? AND term IN (${query.phone.exact.map(() => '?').join(',')})`,
        );
      }
    }
    if (query.number) {
      params.push(tenantId, kind, query.number);
      selects.push('SELECT record_id FROM search_terms WHERE tenant_id = ? AND kind = ? AND term = ?');
    }
    if (selects.length === 0) return [];
    // Each branch is its own subquery so that INTERSECT binds only the words.
    const sql = `SELECT record_id FROM (${selects.map((select) => `SELECT * FROM (${select})`).join(' UNION ')}) LIMIT ?`;
    params.push(limit);
    return (this.statement(sql).all(...params) as { record_id: string }[]).map((row) => row.record_id);
  }

  async hasDealsInStage(tenantId: string, stageId: string): Promise<boolean> {
    // An admin's occasional check: it reads the tenant's deals (an index range), not the whole store.
    const row = this.statement(
      "SELECT 1 FROM records WHERE tenant_id = ? AND kind = 'deal' AND deleted_at IS NULL AND json_extract(doc, '$.stage') = ? LIMIT 1",
    ).get(tenantId, stageId);
    return row !== undefined;
  }

  async nextSequence(tenantId: string, name: string): Promise<number> {
    const row = this.statement(
      `INSERT INTO sequences (tenant_id, name, value) VALUES (?, ?, 1)
       ON CONFLICT (tenant_id, name) DO UPDATE SET value = value + 1 RETURNING value`,
    ).get(tenantId, name) as { value: number };
    return row.value;
  }

  async claimJobRun(runKey: string, job: string, claimedAt: string): Promise<boolean> {
    const result = this.statement('INSERT INTO job_runs (run_key, job, claimed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(runKey, job, claimedAt);
    return result.changes === 1;
  }

  async queueWork(item: WorkItem): Promise<boolean> {
    const result = this.statement('INSERT INTO work_items (job, key, tenant_id, due_at, attempts, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING').run(...workRow(item));
    return result.changes === 1;
  }

  async getWork(job: string, key: string): Promise<WorkItem | null> {
    const row = this.statement('SELECT * FROM work_items WHERE job = ? AND key = ?').get(job, key) as WorkRow | undefined;
    return row ? workItemOf(row) : null;
  }

  async dueWork(job: string, now: string, limit: number): Promise<WorkItem[]> {
    const rows = this.statement('SELECT * FROM work_items WHERE job = ? AND due_at <= ? ORDER BY due_at, key LIMIT ?').all(job, now, limit) as WorkRow[];
    return rows.map(workItemOf);
  }

  async saveWork(item: WorkItem): Promise<void> {
    this.statement(
      'INSERT INTO work_items (job, key, tenant_id, due_at, attempts, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job, key) DO UPDATE SET due_at = excluded.due_at, attempts = excluded.attempts, payload = excluded.payload',
    ).run(...workRow(item));
  }

  async removeWork(job: string, key: string): Promise<void> {
    this.statement('DELETE FROM work_items WHERE job = ? AND key = ?').run(job, key);
  }

  async savePublicLink(link: PublicLink): Promise<boolean> {
    const result = this.statement('INSERT INTO public_links (key, tenant_id, kind, record_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
      link.key,
      link.tenantId,
      link.kind,
      link.id,
      link.expiresAt,
      link.createdAt,
    );
    return result.changes === 1;
  }

  async findPublicLink(key: string): Promise<PublicLink | null> {
    const row = this.statement('SELECT * FROM public_links WHERE key = ?').get(key) as
      | { key: string; tenant_id: string; kind: RecordKind; record_id: string; expires_at: string; created_at: string }
      | undefined;
    return row ? { key: row.key, tenantId: row.tenant_id, kind: row.kind, id: row.record_id, expiresAt: row.expires_at, createdAt: row.created_at } : null;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** For tests and the benchmark: how many rows a table holds. */
  countRows(table: 'records' | 'email_index' | 'search_terms' | 'links'): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  private insert<K extends RecordKind>(kind: K, record: RecordOf[K]): void {
    this.insertRecord(kind, record);
    this.addToReportCells(record.tenantId, reportDeltas(kind, null, record));
  }

  private insertRecord<K extends RecordKind>(kind: K, record: RecordOf[K]): void {
    const result = this.statement(
      `INSERT INTO records (tenant_id, kind, id, version, owner_id, created_at, deleted_at, doc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(record.tenantId, kind, record.id, record.version, record.ownerId, record.createdAt, record.deletedAt ?? null, docOf(kind, record));
    if (result.changes === 0) {
      throw alreadyExists(kind, record.id);
    }
    this.writeIndex(kind, record.tenantId, record.id, indexEntriesOf(kind, record), 'insert');
    this.writeAudit(auditEntryOf(kind, null, record));
  }

  /** Adds deltas to the report cells, within the caller's transaction; a cell that comes to nothing is removed. */
  private addToReportCells(tenantId: string, deltas: readonly ReportCell[]): void {
    for (const delta of deltas) {
      const key = cellKey(delta);
      const row = this.statement('SELECT measures FROM report_cells WHERE tenant_id = ? AND family = ? AND month = ? AND key = ?').get(
        tenantId,
        delta.family,
        delta.month,
        key,
      ) as { measures: string } | undefined;
      const measures: Record<string, number> = row ? JSON.parse(row.measures) : {};
      for (const [name, value] of Object.entries(delta.measures)) measures[name] = (measures[name] ?? 0) + value;
      if (isEmptyCell({ measures })) {
        this.statement('DELETE FROM report_cells WHERE tenant_id = ? AND family = ? AND month = ? AND key = ?').run(tenantId, delta.family, delta.month, key);
        continue;
      }
      this.statement(
        `INSERT OR REPLACE INTO report_cells (tenant_id, family, month, key, current, dims, measures) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(tenantId, delta.family, delta.month, key, delta.current ? 1 : 0, JSON.stringify(delta.dims), JSON.stringify(measures));
    }
  }

  private writeAudit(entry: AuditEntry): void {
    this.statement('INSERT INTO audit (tenant_id, record_kind, record_id, version, doc) VALUES (?, ?, ?, ?, ?)').run(
      entry.tenantId,
      entry.recordKind,
      entry.recordId,
      entry.version,
      JSON.stringify(entry),
    );
  }

  private writeIndex(kind: RecordKind, tenantId: string, id: string, entries: RecordIndexEntries, mode: 'insert' | 'delete'): void {
    const run = (table: IndexTableSql, ...values: unknown[]) => this.statement(table[mode]).run(...values);
    for (const email of entries.emails) run(EMAIL_INDEX, tenantId, email, kind, id);
    for (const domain of entries.domains) run(DOMAIN_INDEX, tenantId, domain, id);
    for (const term of entries.terms) run(SEARCH_TERMS, tenantId, kind, term, id);
    for (const ref of entries.externalRefs) {
      if (mode === 'delete') {
        this.statement('DELETE FROM external_refs WHERE tenant_id = ? AND kind = ? AND ref = ?').run(tenantId, kind, ref);
        continue;
      }
      // Unlike the other indexes this one is unique: a second record with the same external id is refused.
      const holder = this.statement('SELECT record_id FROM external_refs WHERE tenant_id = ? AND kind = ? AND ref = ?').get(tenantId, kind, ref) as
        | { record_id: string }
        | undefined;
      if (holder && holder.record_id !== id) throw duplicateExternalRef(kind, ref, holder.record_id);
      this.statement('INSERT OR IGNORE INTO external_refs (tenant_id, kind, ref, record_id) VALUES (?, ?, ?, ?)').run(tenantId, kind, ref, id);
    }
    for (const link of entries.links) {
      run(LINKS, tenantId, link.kind, link.id, kind, entries.sortAt, id);
      if (entries.isOpen) run(LINKS, tenantId, link.kind, link.id, linkSourceKind(kind, true), entries.sortAt, id);
    }
    if (entries.fullText) this.writeFullText(kind, tenantId, id, entries.fullText, mode);
  }

  /** A record's row in the full-text table: its stems per field, under its tenant's and kind's scope. */
  private writeFullText(kind: RecordKind, tenantId: string, id: string, text: FullTextFields, mode: 'insert' | 'delete'): void {
    const row = this.statement('SELECT row_id FROM full_text_rows WHERE tenant_id = ? AND kind = ? AND record_id = ?').get(tenantId, kind, id) as { row_id: number } | undefined;
    if (row) {
      this.statement('DELETE FROM full_text WHERE rowid = ?').run(row.row_id);
      this.statement('DELETE FROM full_text_rows WHERE row_id = ?').run(row.row_id);
    }
    if (mode === 'delete') return;
    const { lastInsertRowid } = this.statement('INSERT INTO full_text_rows (tenant_id, kind, record_id) VALUES (?, ?, ?)').run(tenantId, kind, id);
    this.statement('INSERT INTO full_text (rowid, scope, title, tags, body) VALUES (?, ?, ?, ?, ?)').run(lastInsertRowid, scopeOf(tenantId, kind), text.title.join(' '), text.tags.join(' '), text.body.join(' '));
  }

  private groupedLookup(sqlPrefix: string, tenantId: string, keys: readonly string[]): Map<string, string[]> {
    const result = new Map<string, string[]>();
    const unique = [...new Set(keys)];
    if (unique.length === 0) return result;
    const rows = this.statement(`${sqlPrefix} (${unique.map(() => '?').join(',')})`).all(tenantId, ...unique) as { k: string; id: string }[];
    for (const row of rows) {
      const ids = result.get(row.k) ?? [];
      ids.push(row.id);
      result.set(row.k, ids);
    }
    return result;
  }

  // better-sqlite3 statements are reusable; caching them keeps hot paths from re-preparing SQL.
  // Dynamic SQL varies only in the number of placeholders, so the cache stays small; it is bounded anyway.
  private readonly statements = new Map<string, Database.Statement>();
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

type WorkRow = { job: string; key: string; tenant_id: string; due_at: string; attempts: number; payload: string; created_at: string };

function workRow(item: WorkItem): [string, string, string, string, number, string, string] {
  return [item.job, item.key, item.tenantId, item.dueAt, item.attempts, JSON.stringify(item.payload), item.createdAt];
}

function workItemOf(row: WorkRow): WorkItem {
  return { job: row.job, key: row.key, tenantId: row.tenant_id, dueAt: row.due_at, attempts: row.attempts, payload: JSON.parse(row.payload) as Record<string, unknown>, createdAt: row.created_at };
}
