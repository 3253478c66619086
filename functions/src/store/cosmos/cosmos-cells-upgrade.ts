import type { Container } from '@azure/cosmos';
import { REPORT_CELLS_VERSION, familyCountedUnder, reportCellsOf, type RecordKind } from '@rapport/shared';
import { countedUnder, toRecord, type RecordDoc } from './cosmos-documents';
import { partitionsOfKind, upgradesPartition } from './cosmos-layout';
import type { CosmosReportCells } from './cosmos-report-cells';
import { recordPages, upgradedVersion, type UpgradeMarker } from './cosmos-upgrade-reads';

/**
 * Report cells a release adds for records that earlier releases stored without them. SQLite rebuilds every cell when
 * REPORT_CELLS_VERSION moves; on Cosmos DB cells are sums kept in place, so a tenant is brought up once, record by
 * record: each record document says which cells version it was counted under (`cellsVersion`), and a record counted
 * under an older one gets the newer families' cells as a change of its own, written into the record under `IfMatch`
 * (README.md, "Report cells upgrades"). A writer that got there first stamped the record with today's version and
 * counted it whole, so the upgrade leaves it; one that comes after takes away what the upgrade added. Either way each
 * record is counted once, and a crash midway leaves a pending change that the next report read files.
 */
const cellUpgrades: readonly { version: number; kinds: readonly RecordKind[] }[] = [
  // 6: quotes, orders and service contracts.
  { version: 6, kinds: ['quote', 'order', 'contract'] },
];

const MARKER_ID = 'report-cells';
// Records read per page of a kind's partition: bounds the memory an upgrade holds.
const PAGE = 200;


/** What an upgrade of a tenant's cells did: the version it found and the records it counted. */
export type CellsUpgradeResult = { from: number; to: number; counted: number };

/**
 * Brings a tenant's report cells to REPORT_CELLS_VERSION: reads its marker (one point read) and, when it is older,
 * counts each record of the steps' kinds that was counted under an older version, then writes the marker.
 */
export async function upgradeTenantCells(records: Container, index: Container, cells: CosmosReportCells, tenantId: string, now: () => Date = () => new Date()): Promise<CellsUpgradeResult> {
  const markerPk = upgradesPartition(tenantId);
  const from = await upgradedVersion(index, MARKER_ID, markerPk, tenantId);
  if (from >= REPORT_CELLS_VERSION) return { from, to: from, counted: 0 };
  // A change left pending by a crash is filed first: what it owes is part of what a record was counted in.
  await cells.filePending(tenantId);
  let counted = 0;
  for (const kind of new Set(cellUpgrades.filter((step) => step.version > from).flatMap((step) => step.kinds))) {
    for (const pk of partitionsOfKind(tenantId, kind)) {
      for await (const docs of recordPages(records, pk, tenantId, kind, PAGE)) {
        for (const doc of docs) if (await countMissingCells(records, cells, kind, doc)) counted += 1;
      }
    }
  }
  const done: UpgradeMarker = { id: MARKER_ID, pk: markerPk, tenantId, entry: 'upgrade', version: REPORT_CELLS_VERSION, upgradedAt: now().toISOString() };
  await index.items.upsert(done);
  return { from, to: REPORT_CELLS_VERSION, counted };
}

/**
 * Adds the cells a record lacks (those of families newer than the version it was counted under), as one change with an
 * id of its own record and version: the record document takes the change and today's stamp under `IfMatch`, then the
 * cells are added and the change cleared, as any write's. Returns whether the record was counted.
 */
async function countMissingCells(records: Container, cells: CosmosReportCells, kind: RecordKind, first: RecordDoc): Promise<boolean> {
  let doc: RecordDoc | undefined = first;
  for (let attempt = 0; doc && attempt < 5; attempt += 1) {
    const under = countedUnder(doc);
    if (under >= REPORT_CELLS_VERSION || doc.pendingReport) return false;
    const missing = reportCellsOf(kind, toRecord(doc)).filter((cell) => !familyCountedUnder(cell.family, under));
    // Nothing to add (a draft, a deleted record): the record is left as it is, and a later write takes away nothing new.
    if (missing.length === 0) return false;
    const pendingReport = { changeId: `cells-upgrade|${kind}|${doc.id}|v${doc.version}|${REPORT_CELLS_VERSION}`, cells: missing };
    const { _rid, _self, _attachments, _ts, _etag, ...fields } = doc as RecordDoc & Record<string, unknown>;
    const next = { ...fields, cellsVersion: REPORT_CELLS_VERSION, pendingReport };
    try {
      const { resource: written } = await records.item(doc.id, doc.pk).replace<RecordDoc>(next as RecordDoc, { accessCondition: { type: 'IfMatch', condition: _etag ?? '' } });
      await cells.add(doc.tenantId, pendingReport.changeId, missing);
      if (written) await cells.clearPending(written as RecordDoc & Record<string, unknown>);
      return true;
    } catch (error) {
      const status = (error as { code?: unknown }).code;
      if (status === 404) return false;
      if (status !== 412) throw error;
      // A writer changed the record meanwhile (and stamped it, counted whole): read it again to see.
      doc = await readDoc(records, doc.id, doc.pk);
    }
  }
  if (doc) throw new Error(`report cells upgrade of ${kind} ${doc.id}: the record kept changing`);
  return false;
}

async function readDoc(records: Container, id: string, pk: string): Promise<RecordDoc | undefined> {
  try {
    const { resource } = await records.item(id, pk).read<RecordDoc>();
    return resource;
  } catch (error) {
    if ((error as { code?: unknown }).code === 404) return undefined;
    throw error;
  }
}
