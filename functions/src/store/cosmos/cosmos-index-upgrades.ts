import type { Container } from '@azure/cosmos';
import type { RecordKind } from '@rapport/shared';
import { bulkWrite, unexpectedBulkFailure } from './cosmos-bulk';
import { indexDocsOf, toRecord } from './cosmos-documents';
import { recordPages, upgradedVersion, type UpgradeMarker } from './cosmos-upgrade-reads';
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


/** What an upgrade of a tenant did: the version it found and the index documents it wrote. */
export type IndexUpgradeResult = { from: number; to: number; written: number };

/**
 * Brings a tenant's index to COSMOS_INDEX_VERSION: reads its marker (one point read) and, when it is older, writes the
 * entries each later step adds for the tenant's records of its kinds (a keyset-paged query in each kind's partition,
 * then bulk upserts), and last the marker, so a crash midway is finished by the next run.
 */
export async function upgradeTenantIndex(records: Container, index: Container, tenantId: string, now: () => Date = () => new Date()): Promise<IndexUpgradeResult> {
  const pk = upgradesPartition(tenantId);
  const from = await upgradedVersion(index, MARKER_ID, pk, tenantId);
  if (from >= COSMOS_INDEX_VERSION) return { from, to: from, written: 0 };
  let written = 0;
  for (const step of indexUpgrades.filter((candidate) => candidate.version > from)) {
    for (const kind of step.kinds) {
      // Spread kinds have no single partition to page through; no step needs one yet.
      if (isSpread(kind)) throw new Error(`An index upgrade cannot page through ${kind} records: they are spread over partitions`);
      for await (const docs of recordPages(records, kindPartition(tenantId, kind), tenantId, kind, PAGE)) {
        const entries = docs.flatMap((doc) => indexDocsOf(kind, toRecord(doc)).filter((entry) => entry.entry === step.entry));
        const failures = await bulkWrite(index, 'Upsert', entries);
        if (failures[0]) throw unexpectedBulkFailure('Upsert', failures[0]);
        written += entries.length;
      }
    }
  }
  const done: UpgradeMarker = { id: MARKER_ID, pk, tenantId, entry: 'upgrade', version: COSMOS_INDEX_VERSION, upgradedAt: now().toISOString() };
  await index.items.upsert(done);
  return { from, to: COSMOS_INDEX_VERSION, written };
}
