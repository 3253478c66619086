import path from 'node:path';
import Database from 'better-sqlite3';
import type { RecordKind, RecordOf } from '@rapport/shared';
import { CELLS_VERSION_BEFORE_STAMPS } from '../../functions/src/store/cosmos/cosmos-documents';
import { INDEX, RECORDS, upgradesPartition } from '../../functions/src/store/cosmos/cosmos-layout';
import type { TestApp } from './test-app';

type Stored = Record<string, unknown> & { id: string; pk: string };

// Kinds the previous release stored no search terms for (INDEX_VERSION 2): deals and cases.
const WITHOUT_TERMS: readonly RecordKind[] = ['deal', 'case'];
const PREVIOUS_INDEX_VERSION = '2';

/**
 * Stores records as the previous release wrote them: in their old shape and without a schema version, in every copy a
 * store keeps (the record, and on Cosmos DB its link and recycle-bin copies), and deals and cases without search terms.
 */
export async function storeAsPreviousRelease<K extends RecordKind>(t: TestApp, kind: K, records: readonly object[]): Promise<void> {
  await t.app.store.createMany(kind, records as RecordOf[K][]);
  const ids = new Set(records.map((record) => (record as { id: string }).id));
  if (!t.cosmosDatabase) {
    const db = new Database(path.join(t.dataDir, 'rapport.db'));
    const strip = db.prepare("UPDATE records SET doc = json_remove(doc, '$.schemaVersion') WHERE kind = ? AND id = ?");
    for (const id of ids) strip.run(kind, id);
    if (WITHOUT_TERMS.includes(kind)) {
      const unindex = db.prepare('DELETE FROM search_terms WHERE kind = ? AND record_id = ?');
      for (const id of ids) unindex.run(kind, id);
    }
    db.prepare("UPDATE meta SET value = ? WHERE key = 'index_version'").run(PREVIOUS_INDEX_VERSION);
    // The previous release's file had not recorded the schema versions it reached.
    db.prepare("DELETE FROM meta WHERE key = 'schema_versions'").run();
    db.close();
    return;
  }
  for (const containerId of [RECORDS, INDEX]) {
    const container = t.cosmosDatabase.container(containerId);
    const { resources } = await container.items.query<Stored>('SELECT * FROM c').fetchAll();
    for (const doc of resources) {
      const term = containerId === INDEX && doc.entry === 'term' && WITHOUT_TERMS.includes(kind) && ids.has(doc.recordId as string) && doc.pk.includes(`|terms|${kind}|`);
      // The previous release kept no record of index upgrades either.
      if (term || (containerId === INDEX && doc.entry === 'upgrade')) {
        await container.item(doc.id, doc.pk).delete();
        continue;
      }
      const own = doc.recordKind === kind && ids.has(doc.id) && containerId === RECORDS;
      const copy = typeof doc.record === 'object' && doc.record !== null && ids.has((doc.record as { id: string }).id);
      if (!own && !copy) continue;
      if (own) delete doc.schemaVersion;
      if (copy) delete (doc.record as Record<string, unknown>).schemaVersion;
      await container.item(doc.id, doc.pk).replace(doc);
    }
  }
}

/** The search-term entries a store holds for deals and cases, as `kind|term|record id`, sorted. */
export async function dealAndCaseTerms(t: TestApp): Promise<string[]> {
  if (t.cosmosDatabase) {
    const { resources } = await t.cosmosDatabase
      .container(INDEX)
      .items.query<{ pk: string; term: string; recordId: string }>("SELECT c.pk, c.term, c.recordId FROM c WHERE c.entry = 'term'")
      .fetchAll();
    return resources
      .map((doc) => ({ ...doc, kind: doc.pk.split('|')[2] ?? '' }))
      .filter((doc) => WITHOUT_TERMS.includes(doc.kind as RecordKind))
      .map((doc) => `${doc.kind}|${doc.term}|${doc.recordId}`)
      .sort();
  }
  const db = new Database(path.join(t.dataDir, 'rapport.db'), { readonly: true });
  const rows = db.prepare("SELECT kind, term, record_id FROM search_terms WHERE kind IN ('deal', 'case')").all() as { kind: string; term: string; record_id: string }[];
  db.close();
  return rows.map((row) => `${row.kind}|${row.term}|${row.record_id}`).sort();
}

/** A release's report cells: the families it did not keep yet, and its REPORT_CELLS_VERSION. */
export type CellsRelease = { families: readonly string[]; version: string };
// The release of report cells version 5 kept no quotes, orders and contracts; that of version 7 (campaign funnels) no
// customer segments; that of version 8 kept the products sold by exact price, not by band of prices.
export const CELLS_VERSION_5: CellsRelease = { families: ['quote', 'order', 'contract'], version: '5' };
export const CELLS_VERSION_7: CellsRelease = { families: ['segment', 'segmentWon', 'segmentPrice', 'segmentBand'], version: '7' };
export const CELLS_VERSION_8: CellsRelease = { families: ['segmentBand'], version: '8' };

/**
 * Makes the tenant's report cells as an earlier release left them: no cells of the families it did not keep, record
 * documents without the record of their being counted in them, and (on SQLite) the file at that release's cells version.
 */
export async function forgetNewReportCells(t: TestApp, release: CellsRelease = CELLS_VERSION_5): Promise<void> {
  const forgotten = new Set(release.families);
  if (!t.cosmosDatabase) {
    const db = new Database(path.join(t.dataDir, 'rapport.db'));
    db.prepare(`DELETE FROM report_cells WHERE family IN (${release.families.map(() => '?').join(', ')})`).run(...release.families);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'report_cells_version'").run(release.version);
    db.close();
    return;
  }
  const index = t.cosmosDatabase.container(INDEX);
  const { resources: cells } = await index.items.query<Stored>("SELECT * FROM c WHERE c.entry = 'report-cell' OR c.entry = 'upgrade'").fetchAll();
  for (const doc of cells) if (doc.entry === 'upgrade' || forgotten.has(doc.family as string)) await index.item(doc.id, doc.pk).delete();
  // A release that stamped its tenants' cells (version 6 on) left each tenant's marker at its own version: the upgrade
  // runs the steps after it only.
  if (Number(release.version) > CELLS_VERSION_BEFORE_STAMPS) {
    for (const tenantId of new Set(cells.map((doc) => doc.tenantId as string))) {
      await index.items.upsert({ id: 'report-cells', pk: upgradesPartition(tenantId), tenantId, entry: 'upgrade', version: Number(release.version), upgradedAt: new Date(0).toISOString() });
    }
  }
  const records = t.cosmosDatabase.container(RECORDS);
  const { resources: docs } = await records.items.query<Stored>('SELECT * FROM c WHERE IS_DEFINED(c.countedCells)').fetchAll();
  for (const doc of docs) {
    const kept = (doc.countedCells as { family: string }[]).filter((cell) => !forgotten.has(cell.family));
    if (kept.length === (doc.countedCells as unknown[]).length) continue;
    if (kept.length > 0) doc.countedCells = kept;
    else delete doc.countedCells;
    await records.item(doc.id, doc.pk).replace(doc);
  }
}

/** Takes their company's segment off won deals, as the release of report cells version 7 stored them. */
export async function forgetCompanySegments(t: TestApp): Promise<void> {
  if (!t.cosmosDatabase) {
    const db = new Database(path.join(t.dataDir, 'rapport.db'));
    db.prepare("UPDATE records SET doc = json_remove(doc, '$.companySegment') WHERE kind = 'deal'").run();
    db.close();
    return;
  }
  const records = t.cosmosDatabase.container(RECORDS);
  const { resources: docs } = await records.items.query<Stored>("SELECT * FROM c WHERE c.recordKind = 'deal' AND IS_DEFINED(c.companySegment)").fetchAll();
  for (const doc of docs) {
    delete doc.companySegment;
    await records.item(doc.id, doc.pk).replace(doc);
  }
}
