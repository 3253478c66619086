import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../functions/src/store/sqlite/sqlite-store';
import { CosmosStore } from '../../functions/src/store/cosmos/cosmos-store';
import { CELLS_VERSION_7, CELLS_VERSION_8, dealAndCaseTerms, forgetCompanySegments, forgetNewReportCells, storeAsPreviousRelease } from './previous-release';
import { create, createTestApp, TENANT_A, type TestApp, testStores } from './test-app';

const at = '2026-01-01T00:00:00.000Z';
const system = (id: string) => ({ tenantId: TENANT_A, id, createdAt: at, createdBy: 'user-a', updatedAt: at, updatedBy: 'user-a', ownerId: 'user-a', version: 1 });
// What the previous release stored: no schema version anywhere, and deals without amountSetByHand.
const oldCompany = { ...system('old-company'), name: 'Old Co', domains: ['old.example'], phones: [], type: 'customer' };
// Cases are unchanged in shape; the previous release stored neither deals nor cases under search terms.
const oldCase = { ...system('old-case'), subject: 'Broken hinge on the lid', number: 7, type: 'problem', priority: 'normal', status: 'pending', companyId: 'old-company', openedAt: at };
const oldDeal = { ...system('old-deal'), name: 'Old deal', companyId: 'old-company', contactIds: [], currency: 'EUR', stage: 'proposal', probability: 50, status: 'open', lineItems: [], amount: 18500, stageHistory: [{ stage: 'proposal', enteredAt: at }] };

describe.each(testStores)('data written by the previous release, on %s', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ store });
    await storeAsPreviousRelease(t, 'company', [oldCompany]);
    await storeAsPreviousRelease(t, 'deal', [oldDeal]);
  });
  afterEach(async () => {
    await t.close();
  });

  it('reads in today\'s shape on every path, and saves in it with the schema version', async () => {
    expect((await t.call('get-deal', { params: { id: 'old-deal' } })).body).toMatchObject({ amountSetByHand: true, amount: 18500, version: 1 });
    expect((await t.call('get-company', { params: { id: 'old-company' } })).body).toMatchObject({ name: 'Old Co', version: 1 });
    const ofCompany = (await t.call('list-deals', { query: { companyId: 'old-company' } })).body.items;
    expect(ofCompany).toMatchObject([{ id: 'old-deal', amountSetByHand: true }]);
    expect(ofCompany[0].schemaVersion).toBeUndefined();
    const found = await t.call('lookup', { body: { emails: ['someone@old.example'] } });
    expect(found.body.results[0]).toMatchObject({ company: { id: 'old-company' }, openDeals: [{ id: 'old-deal', amountSetByHand: true }] });

    const saved = await t.call('update-deal', { params: { id: 'old-deal' }, headers: { 'if-match': '"1"' }, body: { name: 'Old deal, renewed' } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, amountSetByHand: true, amount: 18500 });
    expect(saved.body.schemaVersion).toBeUndefined();
    // The audit shows the user's change only, not the upgrade.
    const history = (await t.call('deal-history', { params: { id: 'old-deal' } })).body.items;
    expect(history[0].changes.map((change: { field: string }) => change.field)).toEqual(['name']);
    expect(await storedVersionOf('deal', 'old-deal')).toBe(2);
  });

  it('reads a deal stored before next steps existed as having none, and gives it one, audited, without an upgrade step', async () => {
    const read = (await t.call('get-deal', { params: { id: 'old-deal' } })).body;
    expect(read).not.toHaveProperty('nextStep');
    const saved = await t.call('update-deal', { params: { id: 'old-deal' }, headers: { 'if-match': '"1"' }, body: { nextStep: 'Call back about the renewal' } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, nextStep: 'Call back about the renewal', amount: 18500, amountSetByHand: true });
    const found = await t.call('lookup', { body: { emails: ['someone@old.example'] } });
    expect(found.body.results[0].openDeals).toMatchObject([{ id: 'old-deal', nextStep: 'Call back about the renewal' }]);
    const history = (await t.call('deal-history', { params: { id: 'old-deal' } })).body.items;
    expect(history[0].changes).toMatchObject([{ field: 'nextStep', after: 'Call back about the renewal' }]);
    // Cleared with null, as every optional field is.
    const cleared = await t.call('update-deal', { params: { id: 'old-deal' }, headers: { 'if-match': '"2"' }, body: { nextStep: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('nextStep');
  });

  it('reads a call stored before calls had a direction as having none, and gives it one', async () => {
    const oldCall = { ...system('old-call'), kind: 'call', subject: 'Called about the renewal', at, status: 'done', outcome: 'connected', durationMinutes: 10, participants: [], contactIds: [], companyId: 'old-company' };
    await storeAsPreviousRelease(t, 'activity', [oldCall]);
    const timeline = (await t.call('company-timeline', { params: { id: 'old-company' } })).body.items;
    expect(timeline).toMatchObject([{ id: 'old-call', outcome: 'connected' }]);
    expect(timeline[0]).not.toHaveProperty('direction');
    const saved = await t.call('update-activity', { params: { id: 'old-call' }, headers: { 'if-match': '"1"' }, body: { direction: 'inbound' } });
    expect(saved.body).toMatchObject({ version: 2, direction: 'inbound', outcome: 'connected' });
  });

  it('reads a knowledge article stored before public pages as internal, and saves it so, making it public on request', async () => {
    const oldArticle = { ...system('old-article'), title: 'Blank pages', body: 'Seat the toner.', productIds: [], tags: [], language: 'en', status: 'published', publishedAt: at };
    await storeAsPreviousRelease(t, 'article', [oldArticle]);
    expect((await t.call('get-article', { params: { id: 'old-article' } })).body).toMatchObject({ visibility: 'internal', version: 1 });
    expect((await t.call('list-articles', {})).body.items).toMatchObject([{ id: 'old-article', visibility: 'internal' }]);
    const admin = await t.token(TENANT_A, 'admin-a', ['admin']);
    const saved = await t.call('update-article', { token: admin, params: { id: 'old-article' }, headers: { 'if-match': '"1"' }, body: { title: 'Blank pages on the printer' } });
    expect(saved.body).toMatchObject({ version: 2, visibility: 'internal', title: 'Blank pages on the printer' });
    expect(saved.body.publicKey).toBeUndefined();
    expect((await t.call('article-history', { params: { id: 'old-article' } })).body.items[0].changes.map((change: { field: string }) => change.field)).toEqual(['title']);
    expect(await storedVersionOf('article', 'old-article')).toBe(2);
    const made = await t.call('update-article', { token: admin, params: { id: 'old-article' }, headers: { 'if-match': '"2"' }, body: { visibility: 'public' } });
    expect(made.body.publicKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await t.call('public-article-page', { token: null, params: { key: made.body.publicKey }, headers: { accept: 'text/html' } })).status).toBe(200);
  });

  // The stored document's schema version, as the adapter keeps it.
  async function storedVersionOf(kind: string, id: string): Promise<unknown> {
    if (t.cosmosDatabase) {
      const { resources } = await t.cosmosDatabase.container('records').items.query({ query: 'SELECT * FROM c WHERE c.id = @id AND c.recordKind = @kind', parameters: [{ name: '@id', value: id }, { name: '@kind', value: kind }] }).fetchAll();
      return resources[0]?.schemaVersion;
    }
    const db = new Database(path.join(t.dataDir, 'rapport.db'), { readonly: true });
    const row = db.prepare("SELECT json_extract(doc, '$.schemaVersion') AS v FROM records WHERE kind = ? AND id = ?").get(kind, id) as { v: unknown };
    db.close();
    return row.v;
  }
});

describe('an existing SQLite file of the previous release', () => {
  it('is brought to today\'s shape once when opened, keeping versions, history and reports; opening again changes nothing', async () => {
    const t = await createTestApp({ store: 'sqlite' });
    await storeAsPreviousRelease(t, 'deal', [oldDeal]);
    const report = async (app: TestApp) => {
      const { generatedAt: _at, ...table } = (await app.call('report', { params: { report: 'pipeline' }, query: { from: '2026-01', to: '2026-12' }, token: await app.token(TENANT_A, 'boss', ['admin']) })).body;
      return table;
    };
    const before = await report(t);
    await t.app.close();
    const file = path.join(t.dataDir, 'rapport.db');
    const docOf = () => {
      const db = new Database(file, { readonly: true });
      const row = db.prepare("SELECT version, doc FROM records WHERE kind = 'deal' AND id = 'old-deal'").get() as { version: number; doc: string };
      const audits = (db.prepare("SELECT count(*) AS n FROM audit WHERE record_id = 'old-deal'").get() as { n: number }).n;
      db.close();
      return { version: row.version, doc: JSON.parse(row.doc) as Record<string, unknown>, audits };
    };
    expect(docOf().doc.schemaVersion).toBeUndefined();

    await SqliteStore.open(file).close();
    const upgraded = docOf();
    expect(upgraded).toMatchObject({ version: 1, audits: 1, doc: { schemaVersion: 2, amountSetByHand: true, amount: 18500 } });
    await SqliteStore.open(file).close();
    expect(docOf()).toEqual(upgraded);

    const reopened = await createTestApp({ store: 'sqlite', dataDir: t.dataDir });
    try {
      expect(await report(reopened)).toEqual(before);
      expect((await reopened.call('get-deal', { params: { id: 'old-deal' } })).body).toMatchObject({ version: 1, amountSetByHand: true });
    } finally {
      await reopened.close();
      fs.rmSync(t.dataDir, { recursive: true, force: true });
    }
  });

  it('keeps its records and audit trail as rowid tables, every row and index as it was, once; opening again changes nothing', async () => {
    const t = await createTestApp({ store: 'sqlite' });
    const company = await create(t, 'company', { name: 'Rowid Co', domains: ['rowid.example'] });
    const deal = await create(t, 'deal', { name: 'Rowid deal', companyId: company.id, stage: 'proposal', amount: 1200, currency: 'EUR' });
    expect((await t.call('update-deal', { params: { id: deal.id }, headers: { 'if-match': '"1"' }, body: { name: 'Rowid deal, renewed' } })).status).toBe(200);
    expect((await t.call('delete-company', { params: { id: company.id }, headers: { 'if-match': '"1"' } })).status).toBe(204);
    await t.app.close();
    const file = path.join(t.dataDir, 'rapport.db');
    asBeforeRowidTables(file);
    const tables = () => {
      const db = new Database(file, { readonly: true });
      const shape = db.prepare("SELECT name, sql FROM sqlite_master WHERE tbl_name IN ('records', 'audit') ORDER BY name").all() as { name: string; sql: string | null }[];
      const records = db.prepare('SELECT * FROM records ORDER BY tenant_id, kind, id').all();
      const audit = db.prepare('SELECT * FROM audit ORDER BY tenant_id, record_kind, record_id, version').all();
      const migrations = (db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n;
      db.close();
      return { shape, records, audit, migrations };
    };
    const before = tables();
    expect(before.shape.find((table) => table.name === 'records')?.sql).toMatch(/WITHOUT ROWID/);

    await SqliteStore.open(file).close();
    const upgraded = tables();
    expect(upgraded.shape.filter((table) => /WITHOUT ROWID/.test(table.sql ?? ''))).toEqual([]);
    // The same indexes, each as it was declared (partial, descending).
    const indexes = (shape: { name: string; sql: string | null }[]) => shape.filter((entry) => entry.name.startsWith('records_'));
    expect(indexes(upgraded.shape).map((entry) => entry.name)).toEqual(['records_by_owner', 'records_deleted', 'records_newest']);
    expect(indexes(upgraded.shape)).toEqual(indexes(before.shape));
    expect(upgraded.records).toEqual(before.records);
    expect(upgraded.audit).toEqual(before.audit);
    expect(upgraded.migrations).toBe(before.migrations + 1);
    await SqliteStore.open(file).close();
    expect(tables()).toEqual(upgraded);

    const reopened = await createTestApp({ store: 'sqlite', dataDir: t.dataDir });
    try {
      expect((await reopened.call('get-deal', { params: { id: deal.id } })).body).toMatchObject({ version: 2, name: 'Rowid deal, renewed' });
      expect((await reopened.call('deal-history', { params: { id: deal.id } })).body.items).toHaveLength(2);
      expect((await reopened.call('get-company', { params: { id: company.id } })).status).toBe(404);
      const again = await reopened.call('update-deal', { params: { id: deal.id }, headers: { 'if-match': '"2"' }, body: { amount: 1500 } });
      expect(again.body).toMatchObject({ version: 3, amount: 1500 });
    } finally {
      await reopened.close();
      fs.rmSync(t.dataDir, { recursive: true, force: true });
    }
  });
  it('is upgraded once when two processes open it at the same moment, and both start', async () => {
    const t = await createTestApp({ store: 'sqlite' });
    const company = await create(t, 'company', { name: 'Race Co', domains: ['race.example'] });
    await create(t, 'deal', { name: 'Race deal', companyId: company.id, stage: 'proposal', amount: 900, currency: 'EUR' });
    await t.app.close();
    const file = path.join(t.dataDir, 'rapport.db');
    asBeforeRowidTables(file);
    // Enough rows that migration 11 still runs while the other process reads what is applied.
    const db = new Database(file);
    db.exec(`INSERT INTO records SELECT tenant_id, kind, id || '-' || n, version, owner_id, created_at, deleted_at, doc FROM records,
      (WITH RECURSIVE copies(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copies WHERE n < 20000) SELECT n FROM copies) WHERE kind = 'deal'`);
    const before = db.prepare('SELECT * FROM records ORDER BY tenant_id, kind, id').all();
    const migrationsBefore = (db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n;
    db.close();
    try {
      const children = await Promise.all([openTogether(file), openTogether(file)]);
      for (const child of children) child.go();
      expect(await Promise.all(children.map((child) => child.done))).toEqual(['opened', 'opened']);
      const after = new Database(file, { readonly: true });
      expect(after.prepare('SELECT * FROM records ORDER BY tenant_id, kind, id').all()).toEqual(before);
      expect((after.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(migrationsBefore + 1);
      expect(after.prepare("SELECT sql FROM sqlite_master WHERE name = 'records'").get()).not.toMatchObject({ sql: expect.stringMatching(/WITHOUT ROWID/) });
      after.close();
    } finally {
      fs.rmSync(t.dataDir, { recursive: true, force: true });
    }
  });
});

/** A process (open-store-child.ts) loaded and waiting: `go` makes it open the file; `done` is what it printed last, or its error. */
async function openTogether(file: string): Promise<{ go: () => void; done: Promise<string> }> {
  const root = path.resolve(__dirname, '../..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'open-store-child.ts'), file], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tests/tsconfig.json') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const done = new Promise<string>((resolve) => child.on('exit', (code) => resolve(code === 0 ? output.trim().split('\n').pop() ?? '' : `failed: ${errors}`)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve();
    });
    child.on('exit', () => reject(new Error(`open-store-child.ts ended before it was ready: ${errors}`)));
  });
  return { go: () => child.stdin.end('go\n'), done };
}

/** Makes a file's records and audit tables what releases before migration 11 kept: WITHOUT ROWID, the rows as they are. */
function asBeforeRowidTables(file: string): void {
  const db = new Database(file);
  db.transaction(() => {
    db.exec(`
      CREATE TABLE old_records (tenant_id TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, owner_id TEXT NOT NULL,
        created_at TEXT NOT NULL, deleted_at TEXT, doc TEXT NOT NULL, PRIMARY KEY (tenant_id, kind, id)) WITHOUT ROWID;
      INSERT INTO old_records SELECT tenant_id, kind, id, version, owner_id, created_at, deleted_at, doc FROM records;
      DROP TABLE records;
      ALTER TABLE old_records RENAME TO records;
      CREATE INDEX records_newest ON records (tenant_id, kind, created_at DESC, id DESC) WHERE deleted_at IS NULL;
      CREATE INDEX records_by_owner ON records (tenant_id, kind, owner_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
      CREATE INDEX records_deleted ON records (tenant_id, deleted_at DESC, kind, id) WHERE deleted_at IS NOT NULL;
      CREATE TABLE old_audit (tenant_id TEXT NOT NULL, record_kind TEXT NOT NULL, record_id TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL,
        PRIMARY KEY (tenant_id, record_kind, record_id, version)) WITHOUT ROWID;
      INSERT INTO old_audit SELECT tenant_id, record_kind, record_id, version, doc FROM audit;
      DROP TABLE audit;
      ALTER TABLE old_audit RENAME TO audit;
      DELETE FROM schema_migrations WHERE version = 11;
    `);
  })();
  db.close();
}

describe.each(testStores)('deals and cases the previous release stored without search terms, on %s', (store) => {
  it('are found by search once the index is upgraded; upgrading again changes nothing', async () => {
    const t = await createTestApp({ store });
    let app = t;
    try {
      await storeAsPreviousRelease(t, 'company', [oldCompany]);
      await storeAsPreviousRelease(t, 'deal', [oldDeal]);
      await storeAsPreviousRelease(t, 'case', [oldCase]);
      expect(await dealAndCaseTerms(t)).toEqual([]);

      // SQLite re-derives its index when it opens data of an older INDEX_VERSION; Cosmos DB upgrades a tenant at its first search.
      if (store === 'sqlite') {
        await t.app.close();
        app = await createTestApp({ store, dataDir: t.dataDir });
      }
      const search = async (q: string) => (await app.call('search', { query: { q } })).body;
      expect((await search('old deal')).deals).toMatchObject([{ deal: { id: 'old-deal', amountSetByHand: true }, company: { id: 'old-company', name: 'Old Co' }, stageName: 'Proposal' }]);
      expect((await search('#7')).cases).toMatchObject([{ case: { id: 'old-case', number: 7 }, company: { name: 'Old Co' } }]);
      expect((await search('hinge')).cases.map((hit: { case: { id: string } }) => hit.case.id)).toEqual(['old-case']);
      const upgraded = await dealAndCaseTerms(app);
      expect(upgraded).toEqual(['case|broken|old-case', 'case|hinge|old-case', 'case|lid|old-case', 'case|no:7|old-case', 'case|on|old-case', 'case|the|old-case', 'deal|deal|old-deal', 'deal|old|old-deal']);

      if (store === 'sqlite') {
        await app.app.close();
        app = await createTestApp({ store, dataDir: t.dataDir });
      } else {
        const cosmos = app.app.store as CosmosStore;
        expect(await cosmos.upgradeIndex(TENANT_A)).toMatchObject({ written: 0 });
        // Even run again from the start (two instances at once, or a crash before its marker), it writes the same entries.
        const { resources } = await t.cosmosDatabase!.container('index').items.query("SELECT * FROM c WHERE c.entry = 'upgrade'").fetchAll();
        for (const marker of resources) await t.cosmosDatabase!.container('index').item(marker.id, marker.pk).delete();
        expect((await cosmos.upgradeIndex(TENANT_A)).written).toBe(upgraded.length);
      }
      expect(await dealAndCaseTerms(app)).toEqual(upgraded);
      expect((await search('old deal')).deals).toHaveLength(1);
    } finally {
      if (store === 'cosmos') await t.close();
      else {
        await app.app.close();
        fs.rmSync(t.dataDir, { recursive: true, force: true });
      }
    }
  });
});

describe.each(testStores)('quotes and contracts the previous release kept no report cells for, on %s', (store) => {
  let t: TestApp;
  let app: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp({ store, now: () => new Date('2026-11-16T10:00:00Z') });
    app = t;
    admin = await t.token(TENANT_A, 'boss', ['admin']);
    expect((await t.call('get-me', { token: admin })).status).toBe(200);
  });
  afterEach(async () => {
    if (app !== t) await app.app.close();
    await t.close();
  });

  /** A sent quote of 2,000 EUR net and two contracts worth 12,000 and 4,000 EUR a year, ending in December. */
  async function commerce() {
    const settings = await t.call('get-settings', { token: admin });
    await t.call('update-settings', { token: admin, body: { quotes: { taxRates: [], defaultTaxPercent: 0, validityDays: 30, language: 'en' } }, headers: { 'if-match': `"${settings.body.version}"` } });
    const company = await create(t, 'company', { name: 'Fabrikam' }, admin);
    const deal = await create(t, 'deal', { name: 'Seats', stage: 'proposal', currency: 'EUR', companyId: company.id, contactIds: [] }, admin);
    const draft = await t.call('create-quote', { token: admin, body: { dealId: deal.id, lines: [{ name: 'Seat', quantity: 2, unitPrice: 1000 }] } });
    expect((await t.call('send-quote', { token: admin, params: { id: draft.body.id }, body: {} })).status).toBe(200);
    const contract = (value: object) => t.call('create-contract', { token: admin, body: { companyId: company.id, name: 'Support', startDate: '2026-01-01', endDate: '2026-12-31', value } });
    const monthly = (await contract({ amount: 1000, currency: 'EUR', period: 'month' })).body;
    const quarterly = (await contract({ amount: 1000, currency: 'EUR', period: 'quarter' })).body;
    return { monthly, quarterly };
  }
  /** Reopens a SQLite file (which rebuilds the cells of an older version); a Cosmos DB tenant is brought up by its first report. */
  async function nextRelease() {
    if (store === 'sqlite') {
      await t.app.close();
      app = await createTestApp({ store, dataDir: t.dataDir, now: () => new Date('2026-11-16T10:00:00Z') });
    }
  }
  const report = async (name: string) =>
    (await app.call('report', { token: admin, params: { report: name }, query: { from: '2026-01', to: '2026-12', currency: 'EUR' } })).body.rows.map((row: { key: string; values: object }) => ({ key: row.key, ...row.values }));

  it('are counted once by the upgrade, and a change afterwards moves them rightly; upgrading again counts nothing', async () => {
    const { monthly } = await commerce();
    await forgetNewReportCells(t);
    await nextRelease();
    expect(await report('quotes-by-month')).toEqual([{ key: '2026-11', sent: 1, accepted: 0, declined: 0, acceptanceRate: null, acceptedAmount: 0, meanDaysToAccept: null }]);
    expect(await report('contracts-up-for-renewal')).toEqual([{ key: '2026-12', contracts: 2, autoRenew: 0, annualValue: 16_000 }]);
    const moved = await app.call('update-contract', { token: admin, params: { id: monthly.id }, body: { endDate: '2027-01-31' }, headers: { 'if-match': `"${monthly.version}"` } });
    expect(moved.status).toBe(200);
    const after = [
      { key: '2026-12', contracts: 1, autoRenew: 0, annualValue: 4_000 },
      { key: '2027-01', contracts: 1, autoRenew: 0, annualValue: 12_000 },
    ];
    expect(await report('contracts-up-for-renewal')).toEqual(after);
    if (store === 'cosmos') {
      const cosmos = app.app.store as CosmosStore;
      expect(await cosmos.upgradeReportCells(TENANT_A)).toMatchObject({ counted: 0 });
      // Run again from the start (two instances, or a crash before its marker): every record is stamped, none counts twice.
      const index = t.cosmosDatabase!.container('index');
      const { resources } = await index.items.query("SELECT * FROM c WHERE c.entry = 'upgrade'").fetchAll();
      for (const marker of resources) await index.item(marker.id, marker.pk).delete();
      expect(await cosmos.upgradeReportCells(TENANT_A)).toMatchObject({ counted: 0 });
      expect(await report('contracts-up-for-renewal')).toEqual(after);
    }
  });

  it('counts a record changed before the upgrade reached it once, as it is now', async () => {
    const { monthly, quarterly } = await commerce();
    await forgetNewReportCells(t);
    await nextRelease();
    // On Cosmos DB no report has been read yet: this change comes first, and takes away nothing it was never counted in.
    const moved = await app.call('update-contract', { token: admin, params: { id: monthly.id }, body: { endDate: '2027-01-31' }, headers: { 'if-match': `"${monthly.version}"` } });
    expect(moved.status).toBe(200);
    const cancelled = await app.call('update-contract', { token: admin, params: { id: quarterly.id }, body: { cancelled: true, cancelReason: 'Moved away' }, headers: { 'if-match': `"${quarterly.version}"` } });
    expect(cancelled.status).toBe(200);
    expect(await report('contracts-up-for-renewal')).toEqual([{ key: '2027-01', contracts: 1, autoRenew: 0, annualValue: 12_000 }]);
  });
});

describe.each(testStores)('companies and won deals the previous release kept no customer segments for (but campaigns), on %s', (store) => {
  let t: TestApp;
  let app: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp({ store, now: () => new Date('2026-11-16T10:00:00Z') });
    app = t;
    admin = await t.token(TENANT_A, 'boss', ['admin']);
    expect((await t.call('get-me', { token: admin })).status).toBe(200);
  });
  afterEach(async () => {
    if (app !== t) await app.app.close();
    await t.close();
  });

  /**
   * Two companies, Fabrikam (Retail, Italy, 40 people) and Tailspin (Banking, Spain, 3,000), a customer each; won in
   * November: 3 seats at 100 EUR for Fabrikam, 1 at 90 for Tailspin (of a campaign, so counted in that release's
   * campaign cells), and an open deal. Then forgotten as the release of report cells version 7 stored them: no segment
   * cells, no segment on the deals.
   */
  async function previousRelease() {
    const fabrikam = await create(t, 'company', { name: 'Fabrikam', industry: 'Retail', address: { country: 'Italy' }, employees: 40, type: 'customer' }, admin);
    const tailspin = await create(t, 'company', { name: 'Tailspin', industry: 'Banking', address: { country: 'Spain' }, employees: 3_000, type: 'customer' }, admin);
    const seat = await create(t, 'product', { name: 'Seat', unitPrice: 100, currency: 'EUR' }, admin);
    const fair = await create(t, 'campaign', { name: 'Autumn fair' }, admin);
    const deal = (name: string, companyId: string, stage: string, quantity: number, unitPrice: number, extra: object = {}) =>
      create(t, 'deal', { name, stage, currency: 'EUR', companyId, contactIds: [], lineItems: [{ productId: seat.id, quantity, unitPrice }], ...extra }, admin);
    const fabrikamWon = await deal('Fabrikam seats', fabrikam.id, 'won', 3, 100);
    const tailspinWon = await deal('Tailspin seat', tailspin.id, 'won', 1, 90, { campaignId: fair.id });
    await deal('Fabrikam more', fabrikam.id, 'proposal', 10, 100);
    await forgetNewReportCells(t, CELLS_VERSION_7);
    await forgetCompanySegments(t);
    return { fabrikam, fabrikamWon, tailspinWon };
  }
  /** Reopens a SQLite file (which rebuilds the cells of an older version); a Cosmos DB tenant is brought up by its first report. */
  async function nextRelease() {
    if (store === 'sqlite') {
      await t.app.close();
      app = await createTestApp({ store, dataDir: t.dataDir, now: () => new Date('2026-11-16T10:00:00Z') });
    }
  }
  const report = async (name: string, segment: string) =>
    (await app.call('report', { token: admin, params: { report: name }, query: { from: '2026-01', to: '2026-12', currency: 'EUR', segment } })).body.rows.map((row: { label: string; segment: string; values: object }) => ({
      label: row.label,
      segment: row.segment,
      ...row.values,
    }));

  it('gives won deals their company’s segment and counts everything once by the upgrade; a change afterwards moves it rightly; upgrading again counts nothing', async () => {
    const { fabrikam, fabrikamWon } = await previousRelease();
    await nextRelease();
    const byIndustry = [
      { label: 'Retail', segment: 'Retail', customers: 1, companies: 1, won: 1, wonAmount: 300 },
      { label: 'Banking', segment: 'Banking', customers: 1, companies: 1, won: 1, wonAmount: 90 },
    ];
    expect(await report('customers-by-segment', 'industry')).toEqual(byIndustry);
    expect(await report('product-prices-by-segment', 'size')).toEqual([
      { label: 'Seat', segment: '10-49', quantity: 3, revenue: 300, minUnitPrice: 100, averageUnitPrice: 100, maxUnitPrice: 100 },
      { label: 'Seat', segment: '1000+', quantity: 1, revenue: 90, minUnitPrice: 90, averageUnitPrice: 90, maxUnitPrice: 90 },
    ]);
    // The deal was given its segment, its version kept.
    const given = (await app.call('get-deal', { token: admin, params: { id: fabrikamWon.id } })).body;
    expect(given).toMatchObject({ version: fabrikamWon.version, companySegment: { industry: 'Retail', country: 'Italy', employees: 40, type: 'customer' } });
    // Fabrikam becomes a prospect in Media, and its deal is saved: both move, nothing is left behind.
    expect((await app.call('update-company', { token: admin, params: { id: fabrikam.id }, headers: { 'if-match': `"${fabrikam.version}"` }, body: { industry: 'Media', type: 'prospect' } })).status).toBe(200);
    expect((await app.call('update-deal', { token: admin, params: { id: fabrikamWon.id }, headers: { 'if-match': `"${given.version}"` }, body: { nextStep: 'Invoice' } })).status).toBe(200);
    const after = [
      { label: 'Banking', segment: 'Banking', customers: 1, companies: 1, won: 1, wonAmount: 90 },
      { label: 'Media', segment: 'Media', customers: 0, companies: 1, won: 1, wonAmount: 300 },
    ];
    expect(await report('customers-by-segment', 'industry')).toEqual(after);
    if (store === 'cosmos') {
      const cosmos = app.app.store as CosmosStore;
      expect(await cosmos.upgradeReportCells(TENANT_A)).toMatchObject({ counted: 0 });
      // Run again from the start (two instances, or a crash before its marker): every record is stamped, none counts twice.
      const index = t.cosmosDatabase!.container('index');
      const { resources } = await index.items.query("SELECT * FROM c WHERE c.entry = 'upgrade'").fetchAll();
      for (const marker of resources) await index.item(marker.id, marker.pk).delete();
      expect(await cosmos.upgradeReportCells(TENANT_A)).toMatchObject({ counted: 0 });
      expect(await report('customers-by-segment', 'industry')).toEqual(after);
    }
  });

  it('counts a won deal changed before the upgrade reached it once, under the segment it was given then', async () => {
    const { tailspinWon } = await previousRelease();
    await nextRelease();
    // On Cosmos DB no report has been read yet: this change comes first; it gives the deal its segment and counts it whole.
    const changed = await app.call('update-deal', { token: admin, params: { id: tailspinWon.id }, headers: { 'if-match': `"${tailspinWon.version}"` }, body: { nextStep: 'Kick-off' } });
    expect(changed.status).toBe(200);
    expect(await report('customers-by-segment', 'country')).toEqual([
      { label: 'Italy', segment: 'Italy', customers: 1, companies: 1, won: 1, wonAmount: 300 },
      { label: 'Spain', segment: 'Spain', customers: 1, companies: 1, won: 1, wonAmount: 90 },
    ]);
  });
});

describe.each(testStores)('won deals the previous release counted by exact price, not by band of prices, on %s', (store) => {
  let t: TestApp;
  let app: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp({ store, now: () => new Date('2026-11-16T10:00:00Z') });
    app = t;
    admin = await t.token(TENANT_A, 'boss', ['admin']);
    expect((await t.call('get-me', { token: admin })).status).toBe(200);
  });
  afterEach(async () => {
    if (app !== t) await app.app.close();
    await t.close();
  });

  const report = async () =>
    (await app.call('report', { token: admin, params: { report: 'product-prices-by-segment' }, query: { from: '2026-01', to: '2026-12', currency: 'EUR', segment: 'industry' } })).body.rows.map(
      (row: { label: string; segment: string; values: object }) => ({ label: row.label, segment: row.segment, ...row.values }),
    );

  it('counts each won deal by its band of prices once by the upgrade; a change afterwards moves it rightly; upgrading again counts nothing', async () => {
    // Retail won seats at 100, at 90 (10 % off) and at 80: then forgotten as the release of cells version 8 kept them.
    const fabrikam = await create(t, 'company', { name: 'Fabrikam', industry: 'Retail', type: 'customer' }, admin);
    const seat = await create(t, 'product', { name: 'Seat', unitPrice: 100, currency: 'EUR' }, admin);
    const won = (quantity: number, discountPercent: number) =>
      create(t, 'deal', { name: 'Seats', stage: 'won', currency: 'EUR', companyId: fabrikam.id, contactIds: [], lineItems: [{ productId: seat.id, quantity, unitPrice: 100, discountPercent }] }, admin);
    await won(3, 0);
    await won(2, 10);
    const cheapest = await won(1, 20);
    await forgetNewReportCells(t, CELLS_VERSION_8);
    if (store === 'sqlite') {
      await t.app.close();
      app = await createTestApp({ store, dataDir: t.dataDir, now: () => new Date('2026-11-16T10:00:00Z') });
    } else {
      // From the release's own marker: its three won deals are counted by band, nothing else.
      expect(await (app.app.store as CosmosStore).upgradeReportCells(TENANT_A)).toMatchObject({ from: 8, to: 9, counted: 3, failed: 0 });
    }
    expect(await report()).toEqual([{ label: 'Seat', segment: 'Retail', quantity: 6, revenue: 560, minUnitPrice: 80, averageUnitPrice: 93.33, maxUnitPrice: 100 }]);
    // The cheapest deal is lost after all: the lowest price goes back to 90.
    expect((await app.call('update-deal', { token: admin, params: { id: cheapest.id }, headers: { 'if-match': `"${cheapest.version}"` }, body: { stage: 'lost' } })).status).toBe(200);
    const after = [{ label: 'Seat', segment: 'Retail', quantity: 5, revenue: 480, minUnitPrice: 90, averageUnitPrice: 96, maxUnitPrice: 100 }];
    expect(await report()).toEqual(after);
    if (store === 'cosmos') {
      const cosmos = app.app.store as CosmosStore;
      const index = t.cosmosDatabase!.container('index');
      const { resources } = await index.items.query("SELECT * FROM c WHERE c.entry = 'upgrade'").fetchAll();
      for (const marker of resources) await index.item(marker.id, marker.pk).delete();
      expect(await cosmos.upgradeReportCells(TENANT_A)).toMatchObject({ counted: 0 });
      expect(await report()).toEqual(after);
    }
  });
});
