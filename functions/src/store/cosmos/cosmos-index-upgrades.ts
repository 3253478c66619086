import type { Container, ItemDefinition } from '@azure/cosmos';
import type { RecordKind } from '@rapport/shared';
import { bulkWrite, unexpectedBulkFailure } from './cosmos-bulk';
import { indexDocsOf, toRecord, type RecordDoc } from './cosmos-documents';
import { isSpread, kindPartition, upgradesPartition } from './cosmos-layout';

/**
 * Index entries a release adds for records that earlier releases stored without them. SQLite re-derives its whole
 * index when INDEX_VERSION moves; a Cosmos container is brought up per tenant, once, by the steps below (README.md).
 * A step only upserts entries with deterministic ids, so running it again, or on two instances at once, writes the
 * same documents and changes nothing.
 */
const indexUpgrades: readonly { version: number; kinds: readonly RecordKind[]; entry: 'term' }[] = [
  // 1: deals are found by their name, cases by their number and subject (INDEX_VERSION 3).
  { version: 1, kinds: ['deal', 'case'], entry: 'term' },
];

/** The kinds whose entries an upgrade step adds: only searches of these wait for a tenant's upgrade. */
export const kindsUpgradedInIndex: ReadonlySet<RecordKind> = new Set(indexUpgrades.flatMap((step) => step.kinds));

export const COSMOS_INDEX_VERSION = indexUpgrades.reduce((latest, step) => Math.max(latest, step.version), 0);

const MARKER_ID = 'index';
// Records read per page of a kind's partition: bounds the memory an upgrade holds.
const PAGE = 500;

type Marker = ItemDefinition & { pk: string; tenantId: string; entry: 'upgrade'; version: number; upgradedAt: string };

/** What an upgrade of a tenant did: the version it found and the index documents it wrote. */
export type IndexUpgradeResult = { from: number; to: number; written: number };

/**
 * Brings a tenant's index to COSMOS_INDEX_VERSION: reads its marker (one point read) and, when it is older, writes the
 * entries each later step adds for the tenant's records of its kinds (a keyset-paged query in each kind's partition,
 * then bulk upserts), and last the marker, so a crash midway is finished by the next run.
 */
export async function upgradeTenantIndex(records: Container, index: Container, tenantId: string, now: () => Date = () => new Date()): Promise<IndexUpgradeResult> {
  const pk = upgradesPartition(tenantId);
  const marker = await readMarker(index, pk);
  const from = marker && marker.tenantId === tenantId ? marker.version : 0;
  if (from >= COSMOS_INDEX_VERSION) return { from, to: from, written: 0 };
  let written = 0;
  for (const step of indexUpgrades.filter((candidate) => candidate.version > from)) {
    for (const kind of step.kinds) {
      // Spread kinds have no single partition to page through; no step needs one yet.
      if (isSpread(kind)) throw new Error(`An index upgrade cannot page through ${kind} records: they are spread over partitions`);
      for await (const docs of pagesOf(records, tenantId, kind)) {
        const entries = docs.flatMap((doc) => indexDocsOf(kind, toRecord(doc)).filter((entry) => entry.entry === step.entry));
        const failures = await bulkWrite(index, 'Upsert', entries);
        if (failures[0]) throw unexpectedBulkFailure('Upsert', failures[0]);
        written += entries.length;
      }
    }
  }
  const done: Marker = { id: MARKER_ID, pk, tenantId, entry: 'upgrade', version: COSMOS_INDEX_VERSION, upgradedAt: now().toISOString() };
  await index.items.upsert(done);
  return { from, to: COSMOS_INDEX_VERSION, written };
}

async function readMarker(index: Container, pk: string): Promise<Marker | null> {
  try {
    const { resource } = await index.item(MARKER_ID, pk).read<Marker>();
    return resource ?? null;
  } catch (error) {
    if ((error as { code?: unknown }).code === 404) return null;
    throw error;
  }
}

/** A tenant's live and deleted records of a kind, a page at a time, by id (never OFFSET). */
async function* pagesOf(records: Container, tenantId: string, kind: RecordKind): AsyncGenerator<RecordDoc[]> {
  const pk = kindPartition(tenantId, kind);
  let after = '';
  for (;;) {
    const { resources } = await records.items
      .query<RecordDoc>(
        {
          query: 'SELECT TOP @page * FROM c WHERE c.pk = @pk AND c.tenantId = @tenant AND c.recordKind = @kind AND c.id > @after ORDER BY c.id',
          parameters: [
            { name: '@page', value: PAGE },
            { name: '@pk', value: pk },
            { name: '@tenant', value: tenantId },
            { name: '@kind', value: kind },
            { name: '@after', value: after },
          ],
        },
        { partitionKey: pk },
      )
      .fetchAll();
    const last = resources[resources.length - 1];
    if (!last) return;
    yield resources;
    if (resources.length < PAGE) return;
    after = last.id as string;
  }
}
