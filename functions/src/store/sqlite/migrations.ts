import type Database from 'better-sqlite3';

// Each migration runs once, in order, inside a transaction; never edit one that has shipped.
const migrations: { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'records with secondary indexes, idempotency keys and sequences',
    sql: `
      CREATE TABLE records (
        tenant_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        owner_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deleted_at TEXT,
        doc TEXT NOT NULL,
        PRIMARY KEY (tenant_id, kind, id)
      ) WITHOUT ROWID;
      CREATE INDEX records_newest ON records (tenant_id, kind, created_at DESC, id DESC) WHERE deleted_at IS NULL;
      CREATE INDEX records_by_owner ON records (tenant_id, kind, owner_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;

      CREATE TABLE email_index (
        tenant_id TEXT NOT NULL, email TEXT NOT NULL, kind TEXT NOT NULL, record_id TEXT NOT NULL,
        PRIMARY KEY (tenant_id, email, kind, record_id)
      ) WITHOUT ROWID;
      CREATE TABLE domain_index (
        tenant_id TEXT NOT NULL, domain TEXT NOT NULL, record_id TEXT NOT NULL,
        PRIMARY KEY (tenant_id, domain, record_id)
      ) WITHOUT ROWID;
      CREATE TABLE search_terms (
        tenant_id TEXT NOT NULL, kind TEXT NOT NULL, term TEXT NOT NULL, record_id TEXT NOT NULL,
        PRIMARY KEY (tenant_id, kind, term, record_id)
      ) WITHOUT ROWID;
      CREATE TABLE links (
        tenant_id TEXT NOT NULL, target_kind TEXT NOT NULL, target_id TEXT NOT NULL,
        source_kind TEXT NOT NULL, sort_at TEXT NOT NULL, source_id TEXT NOT NULL,
        PRIMARY KEY (tenant_id, target_kind, target_id, source_kind, sort_at, source_id)
      ) WITHOUT ROWID;

      CREATE TABLE idempotency_keys (
        tenant_id TEXT NOT NULL, user_id TEXT NOT NULL, key TEXT NOT NULL,
        kind TEXT NOT NULL, record_id TEXT NOT NULL, request_hash TEXT NOT NULL, created_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, user_id, key)
      ) WITHOUT ROWID;
      CREATE TABLE sequences (
        tenant_id TEXT NOT NULL, name TEXT NOT NULL, value INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, name)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: 'external references (internet message ids, calendar ids), unique per tenant and kind',
    sql: `
      CREATE TABLE external_refs (
        tenant_id TEXT NOT NULL, kind TEXT NOT NULL, ref TEXT NOT NULL, record_id TEXT NOT NULL,
        PRIMARY KEY (tenant_id, kind, ref)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    description: 'store metadata (the version of the secondary indexes)',
    sql: `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`,
  },
  {
    version: 4,
    description: 'the audit trail (one row per change, written in the same transaction) and the recycle bin index',
    sql: `
      CREATE TABLE audit (
        tenant_id TEXT NOT NULL, record_kind TEXT NOT NULL, record_id TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL,
        PRIMARY KEY (tenant_id, record_kind, record_id, version)
      ) WITHOUT ROWID;
      CREATE INDEX records_deleted ON records (tenant_id, deleted_at DESC, kind, id) WHERE deleted_at IS NOT NULL;
    `,
  },
  {
    version: 5,
    description: 'report cells: totals per owner, stage, product and month, kept by every write',
    sql: `
      CREATE TABLE report_cells (
        tenant_id TEXT NOT NULL, family TEXT NOT NULL, month TEXT NOT NULL, key TEXT NOT NULL,
        current INTEGER NOT NULL, dims TEXT NOT NULL, measures TEXT NOT NULL,
        PRIMARY KEY (tenant_id, family, month, key)
      ) WITHOUT ROWID;
      CREATE INDEX report_cells_current ON report_cells (tenant_id, family, key) WHERE current = 1;
    `,
  },
  {
    version: 6,
    description: 'report cells by their count, for the cells counted more than once (duplicate e-mail addresses)',
    sql: `CREATE INDEX report_cells_by_count ON report_cells (tenant_id, family, json_extract(measures, '$.count'));`,
  },
  {
    version: 7,
    description: 'job runs, each claimed once (the job runner)',
    sql: `CREATE TABLE job_runs (run_key TEXT PRIMARY KEY, job TEXT NOT NULL, claimed_at TEXT NOT NULL) WITHOUT ROWID;`,
  },
  {
    version: 8,
    description: "jobs' work queue (sent mail to find by its marker, mailboxes to read)",
    sql: `CREATE TABLE work_items (
      job TEXT NOT NULL,
      key TEXT NOT NULL,
      tenant_id TEXT NOT NULL,
      due_at TEXT NOT NULL,
      attempts INTEGER NOT NULL,
      payload TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (job, key)
    ) WITHOUT ROWID;
    CREATE INDEX work_items_due ON work_items (job, due_at);`,
  },
  {
    version: 9,
    description: "public links: a page's key (a quote to accept) to its tenant, kind and record, whatever the tenant",
    sql: `CREATE TABLE public_links (
      key TEXT PRIMARY KEY,
      tenant_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) WITHOUT ROWID;`,
  },
  {
    version: 10,
    description: 'full text: each record found by ranked text search (knowledge articles), in an FTS5 table beside its row',
    // The stems come folded and cut by the shared rules (full-text.rules.ts), as Cosmos DB's postings do; the tokenizer
    // folds accents again, so text typed into a query directly matches too. A row's id ties it to its record.
    sql: `CREATE TABLE full_text_rows (
      row_id INTEGER PRIMARY KEY,
      tenant_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      UNIQUE (tenant_id, kind, record_id)
    );
    CREATE VIRTUAL TABLE full_text USING fts5(scope, title, tags, body, tokenize = 'unicode61 remove_diacritics 2');`,
  },
  {
    version: 11,
    description: 'records and the audit trail as rowid tables: their documents out of the key tree, so reads cost the same at any size',
    // A WITHOUT ROWID table keeps whole rows in its interior pages: with documents of about a kilobyte, four or five to a
    // page, the tree of 300,000 records was seven levels deep and a read of a cached row took five times as long as in
    // a small tenant. A rowid table's key index holds only the keys (hundreds to a page), and its rows sit in a tree of
    // integers. The same columns, keys and indexes; the rows copied in key order.
    sql: `
      CREATE TABLE records_by_rowid (
        tenant_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        owner_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deleted_at TEXT,
        doc TEXT NOT NULL,
        PRIMARY KEY (tenant_id, kind, id)
      );
      INSERT INTO records_by_rowid (tenant_id, kind, id, version, owner_id, created_at, deleted_at, doc)
        SELECT tenant_id, kind, id, version, owner_id, created_at, deleted_at, doc FROM records ORDER BY tenant_id, kind, id;
      DROP TABLE records;
      ALTER TABLE records_by_rowid RENAME TO records;
      CREATE INDEX records_newest ON records (tenant_id, kind, created_at DESC, id DESC) WHERE deleted_at IS NULL;
      CREATE INDEX records_by_owner ON records (tenant_id, kind, owner_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
      CREATE INDEX records_deleted ON records (tenant_id, deleted_at DESC, kind, id) WHERE deleted_at IS NOT NULL;

      CREATE TABLE audit_by_rowid (
        tenant_id TEXT NOT NULL, record_kind TEXT NOT NULL, record_id TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL,
        PRIMARY KEY (tenant_id, record_kind, record_id, version)
      );
      INSERT INTO audit_by_rowid (tenant_id, record_kind, record_id, version, doc)
        SELECT tenant_id, record_kind, record_id, version, doc FROM audit ORDER BY tenant_id, record_kind, record_id, version;
      DROP TABLE audit;
      ALTER TABLE audit_by_rowid RENAME TO audit;
    `,
  },
];

export function migrate(db: Database.Database): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version),
  );
  const ran: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.description,
        new Date().toISOString(),
      );
    })();
    ran.push(migration.version);
  }
  return ran;
}
