import path from 'node:path';
import Database from 'better-sqlite3';
import type { RecordKind, RecordOf } from '@rapport/shared';
import { INDEX, RECORDS } from '../../functions/src/store/cosmos/cosmos-layout';
import type { TestApp } from './test-app';

type Stored = Record<string, unknown> & { id: string; pk: string };

/**
 * Stores records as the previous release wrote them: in their old shape and without a schema version, in every copy a
 * store keeps (the record, and on Cosmos DB its link and recycle-bin copies).
 */
export async function storeAsPreviousRelease<K extends RecordKind>(t: TestApp, kind: K, records: readonly object[]): Promise<void> {
  await t.app.store.createMany(kind, records as RecordOf[K][]);
  const ids = new Set(records.map((record) => (record as { id: string }).id));
  if (!t.cosmosDatabase) {
    const db = new Database(path.join(t.dataDir, 'rapport.db'));
    const strip = db.prepare("UPDATE records SET doc = json_remove(doc, '$.schemaVersion') WHERE kind = ? AND id = ?");
    for (const id of ids) strip.run(kind, id);
    // The previous release's file had not recorded the schema versions it reached.
    db.prepare("DELETE FROM meta WHERE key = 'schema_versions'").run();
    db.close();
    return;
  }
  for (const containerId of [RECORDS, INDEX]) {
    const container = t.cosmosDatabase.container(containerId);
    const { resources } = await container.items.query<Stored>('SELECT * FROM c').fetchAll();
    for (const doc of resources) {
      const own = doc.recordKind === kind && ids.has(doc.id) && containerId === RECORDS;
      const copy = typeof doc.record === 'object' && doc.record !== null && ids.has((doc.record as { id: string }).id);
      if (!own && !copy) continue;
      if (own) delete doc.schemaVersion;
      if (copy) delete (doc.record as Record<string, unknown>).schemaVersion;
      await container.item(doc.id, doc.pk).replace(doc);
    }
  }
}
