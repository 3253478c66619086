import type { Container } from '@azure/cosmos';
import { REPORT_CELLS_VERSION, cellsNewerThan, familyCountedUnder, reportCellsOf, reportFamilies, type Company, type RecordKind, type ReportCell, type ReportFamily } from '@rapport/shared';
import { COMPANY_SEGMENT_CELLS_VERSION, lacksCompanySegment, withCompanySegmentOf } from '../company-segment-upgrade';
import { CELLS_VERSION_BEFORE_STAMPS, toRecord, type RecordDoc } from './cosmos-documents';
import { partitionsOfKind, recordPartition, upgradesPartition } from './cosmos-layout';
import type { CosmosReportCells } from './cosmos-report-cells';
import { recordPages, upgradedVersion, type UpgradeMarker } from './cosmos-upgrade-reads';

/**
 * Report cells a release adds for records that earlier releases stored without them. SQLite rebuilds every cell when
 * REPORT_CELLS_VERSION moves; on Cosmos DB cells are sums kept in place, so a tenant is brought up once, record by
 * record (README.md, "Report cells upgrades"). A record document carries the cells of newer families it is counted in
 * (`countedCells`); one counted in no cell of a family its record has cells of gets them as a change of its own, written into the
 * document under `IfMatch` with the record of what it is now counted in. A writer that got there first wrote that
 * record itself (counted whole), so the upgrade leaves it; one that comes after takes away what the upgrade added.
 */
const cellUpgrades: readonly { version: number; kinds: readonly RecordKind[] }[] = [
  // 6: quotes, orders and service contracts.
  { version: 6, kinds: ['quote', 'order', 'contract'] },
  // 7: campaigns' funnels, from leads and deals with a campaign.
  { version: 7, kinds: ['lead', 'deal'] },
  // 8: companies by segment, and won deals by their company's (which they are given: company-segment-upgrade.ts).
  { version: COMPANY_SEGMENT_CELLS_VERSION, kinds: ['company', 'deal'] },
  // 9: won deals' products by band of prices (the cells of exact prices they were counted in go at their next write).
  { version: 9, kinds: ['deal'] },
];

/** The families whose cells a tenant may lack until its upgrade ran: only reports on these wait for it. */
export const familiesUpgradedInCells: ReadonlySet<ReportFamily> = new Set(reportFamilies.filter((family) => !familyCountedUnder(family, CELLS_VERSION_BEFORE_STAMPS)));

const MARKER_ID = 'report-cells';
// Records counted at once, and the tries of one record that keeps changing before the next run takes it up.
const CONCURRENCY = 8;
const ATTEMPTS = 5;
// Records read per page of a kind's partition: bounds the memory an upgrade holds.
const PAGE = 200;


/** What an upgrade of a tenant's cells did: the version it found, the records it counted and those it could not yet. */
export type CellsUpgradeResult = { from: number; to: number; counted: number; failed: number };

/**
 * Brings a tenant's report cells to REPORT_CELLS_VERSION: reads its marker (one point read) and, when it is older,
 * counts each record of the steps' kinds that was counted under an older version, then writes the marker.
 */
export async function upgradeTenantCells(records: Container, index: Container, cells: CosmosReportCells, tenantId: string, now: () => Date = () => new Date()): Promise<CellsUpgradeResult> {
  const markerPk = upgradesPartition(tenantId);
  const from = await upgradedVersion(index, MARKER_ID, markerPk, tenantId);
  if (from >= REPORT_CELLS_VERSION) return { from, to: from, counted: 0, failed: 0 };
  // A change left pending by a crash is filed first: what it owes is part of what a record was counted in.
  await cells.filePending(tenantId);
  let counted = 0;
  let failed = 0;
  for (const kind of new Set(cellUpgrades.filter((step) => step.version > from).flatMap((step) => step.kinds))) {
    for (const pk of partitionsOfKind(tenantId, kind)) {
      for await (const docs of recordPages(records, pk, tenantId, kind, PAGE)) {
        const companies = await companiesOfWonDeals(records, tenantId, kind, docs);
        for (let start = 0; start < docs.length; start += CONCURRENCY) {
          const outcomes = await Promise.all(docs.slice(start, start + CONCURRENCY).map((doc) => countMissingCells(records, cells, kind, doc, companies)));
          counted += outcomes.filter((outcome) => outcome === 'counted').length;
          failed += outcomes.filter((outcome) => outcome === 'busy').length;
        }
      }
    }
  }
  // A record that kept changing under the upgrade is tried again by the next run: the marker waits for it.
  if (failed > 0) return { from, to: from, counted, failed };
  const done: UpgradeMarker = { id: MARKER_ID, pk: markerPk, tenantId, entry: 'upgrade', version: REPORT_CELLS_VERSION, upgradedAt: now().toISOString() };
  await index.items.upsert(done);
  return { from, to: REPORT_CELLS_VERSION, counted, failed };
}

/**
 * Adds the cells a record lacks (its cells of families newer than what documents were counted in before), as one
 * change with an id of its own record and version: the document takes the change and the record of the cells it is now
 * counted in under `IfMatch`, then the cells are added and the change cleared, as any write's. A change another left
 * pending in the document is filed first. Returns whether the record was counted, needed nothing, or kept changing.
 */
async function countMissingCells(records: Container, cells: CosmosReportCells, kind: RecordKind, first: RecordDoc, companies: ReadonlyMap<string, Company>): Promise<'counted' | 'nothing' | 'busy'> {
  let doc: RecordDoc | undefined = first;
  for (let attempt = 0; doc && attempt < ATTEMPTS; attempt += 1) {
    // A change left pending (a write's, or another run's that stopped midway) is filed first, while the cells still
    // remember it: counted once, whoever files it.
    if (doc.pendingReport) {
      await cells.add(doc.tenantId, doc.pendingReport.changeId, doc.pendingReport.cells);
      await cells.clearPending(doc as RecordDoc & Record<string, unknown>);
      doc = await readDoc(records, doc.id, doc.pk);
      continue;
    }
    // A won deal stored without its company's segment is given it (deleted ones too, for a restore) and counted under it.
    const record = toRecord(doc);
    const given = lacksCompanySegment(kind, record) ? withCompanySegmentOf(record, record.companyId ? companies.get(record.companyId) : undefined) : null;
    const counted = doc.countedCells ?? [];
    const missing = missingCells(cellsNewerThan(reportCellsOf(kind, given ?? record), CELLS_VERSION_BEFORE_STAMPS), counted);
    // Nothing to add (a draft, a deleted record, one counted whole): the record is left as it is, and a later write takes
    // away nothing new.
    if (missing.length === 0 && !given) return 'nothing';
    const pendingReport = missing.length > 0 ? { changeId: `cells-upgrade|${kind}|${doc.id}|v${doc.version}`, cells: missing } : null;
    const { _rid, _self, _attachments, _ts, _etag, ...fields } = doc as RecordDoc & Record<string, unknown>;
    const next = { ...fields, ...(given ? { companySegment: given.companySegment } : {}), ...(pendingReport ? { countedCells: [...counted, ...missing], pendingReport } : {}) };
    try {
      const { resource: written } = await records.item(doc.id, doc.pk).replace<RecordDoc>(next as RecordDoc, { accessCondition: { type: 'IfMatch', condition: _etag ?? '' } });
      if (!pendingReport) return 'counted';
      await cells.add(doc.tenantId, pendingReport.changeId, missing);
      if (written) await cells.clearPending(written as RecordDoc & Record<string, unknown>);
      return 'counted';
    } catch (error) {
      const status = (error as { code?: unknown }).code;
      if (status === 404) return 'nothing';
      if (status !== 412) throw error;
      // A writer changed the record meanwhile (and counted it whole): read it again to see.
      doc = await readDoc(records, doc.id, doc.pk);
    }
  }
  return doc ? 'busy' : 'nothing';
}

/**
 * The cells of `cells` (a record's, of the families newer than every document's) of each family the document was
 * counted in no cell of. A writer counts a record in all of its cells of the families it knows, so a family the record
 * has cells of but its document none is one an earlier release did not keep (campaigns' cells kept by version 7 say
 * nothing of the segments' of version 8). A record with no cell of a family has nothing to add for it.
 */
function missingCells(cells: readonly ReportCell[], counted: readonly ReportCell[]): ReportCell[] {
  const countedFamilies = new Set(counted.map((cell) => cell.family));
  return cells.filter((cell) => !countedFamilies.has(cell.family));
}

/**
 * The companies of a page's won deals that lack their segment, by id, read once each (point reads, a few at a time):
 * live or deleted, as the company is now. None for other kinds.
 */
async function companiesOfWonDeals(records: Container, tenantId: string, kind: RecordKind, docs: readonly RecordDoc[]): Promise<Map<string, Company>> {
  const companies = new Map<string, Company>();
  if (kind !== 'deal') return companies;
  const ids = [...new Set(docs.flatMap((doc) => (lacksCompanySegment(kind, doc) && typeof doc.companyId === 'string' ? [doc.companyId] : [])))];
  for (let start = 0; start < ids.length; start += CONCURRENCY) {
    await Promise.all(
      ids.slice(start, start + CONCURRENCY).map(async (id) => {
        const doc = await readDoc(records, id, recordPartition(tenantId, 'company', id));
        if (doc && doc.tenantId === tenantId && doc.recordKind === 'company') companies.set(id, toRecord(doc) as Company);
      }),
    );
  }
  return companies;
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
