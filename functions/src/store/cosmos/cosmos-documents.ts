import type { ItemDefinition } from '@azure/cosmos';
import { cellsNewerThan, reportCellsOf, weightedFrequencies, type AuditEntry, type FullTextFields, type RecordKind, type ReportCell } from '@rapport/shared';
import { documentOf, recordFromDocument } from '../record-upgrades';
import { indexEntriesOf, linkSourceKind, type RecordIndexEntries } from '../record-index';
import type { AnyRecord, LinkTarget } from '../store';
import type { PendingReport } from './cosmos-report-cells';
import { auditPartition, deletedPartition, domainPartition, emailPartition, fullTextPartition, linkPartition, recordPartition, refPartition, safeId, termPartition } from './cosmos-layout';

/** The documents the Cosmos store writes for a record: the record itself, and its index entries (README.md). */

/** A record as stored, with the audit entry of the change that made this version (so the two are written at once). */
export type RecordDoc = AnyRecord &
  ItemDefinition & { pk: string; recordKind: RecordKind; lastChange?: AuditEntry; pendingReport?: PendingReport; countedCells?: ReportCell[]; _etag?: string };

/**
 * The report cells version whose families every document is counted in: the release that kept version 5 wrote no
 * record of what it counted. Cells of newer families (quotes, orders, contracts) are counted per document: it carries
 * them in `countedCells`, so a write takes away exactly what was added, whichever release wrote it last (an older one
 * keeps the field as it was: it neither added nor took away those cells). README.md, "Report cells upgrades".
 */
export const CELLS_VERSION_BEFORE_STAMPS = 5;

/** The cells of newer families a document was counted in: none when it has no record of them. */
export const countedCellsOf = (doc: Pick<RecordDoc, 'countedCells'>): ReportCell[] => doc.countedCells ?? [];

export type AuditDoc = IndexDoc & { version: number; audit: AuditEntry };
export type DeletedDoc = IndexDoc & { recordKind: RecordKind; recordId: string; deletedAt: string; record: AnyRecord };
export type IndexDoc = ItemDefinition & { pk: string; tenantId: string; entry: string };
export type LinkDoc = IndexDoc & { sourceKind: string; sortAt: string; sourceId: string; record: AnyRecord };
/** A stem's posting: a record that has it, how often (weighted by field) and the record's weighted length. */
export type PostingDoc = IndexDoc & { term: string; recordId: string; tf: number; length: number };

/** The most stems of a record kept as postings: its most frequent (weighted), so a long article costs a bounded write. */
export const MAX_POSTINGS_PER_RECORD = 100;

/** The create-only claim that makes an external id (an e-mail's message id) belong to one record. */
export function refClaimDoc(kind: RecordKind, tenantId: string, recordId: string, ref: string): IndexDoc & { ref: string; recordId: string } {
  return { id: safeId(ref), pk: refPartition(tenantId, kind), tenantId, entry: 'ref', ref, recordId };
}

/**
 * Every index document a record has: e-mail, domain, search terms and links, and its external ids' claims (made first,
 * create-only, by the write; written again here, after the record, with a copy of it, so that a record found by an
 * external id, a lookup's logged e-mail, is one point read).
 */
export function indexDocsOf(kind: RecordKind, record: AnyRecord): IndexDoc[] {
  const entries = indexEntriesOf(kind, record);
  const { tenantId, id } = record;
  return [
    ...entries.externalRefs.map((ref) => ({ ...refClaimDoc(kind, tenantId, id, ref), record: documentOf(kind, record) })),
    ...entries.emails.map((email) => ({ id: emailDocId(kind, id), pk: emailPartition(tenantId, email), tenantId, entry: 'email', kind, recordId: id })),
    ...entries.domains.map((domain) => ({ id, pk: domainPartition(tenantId, domain), tenantId, entry: 'domain', recordId: id })),
    ...entries.terms.map((term) => ({ id: termDocId(term, id), pk: termPartition(tenantId, kind, term), tenantId, entry: 'term', term, recordId: id })),
    ...linkDocs(kind, record, entries),
    ...postingDocs(kind, record, entries.fullText),
  ];
}

/** The postings of a record's full text: one per stem kept, in the stem's partition. */
function postingDocs(kind: RecordKind, record: AnyRecord, text: FullTextFields | null): PostingDoc[] {
  if (!text) return [];
  const { frequencies, length } = weightedFrequencies(text);
  return keptStems(frequencies).map(([term, tf]) => ({ id: record.id, pk: fullTextPartition(record.tenantId, kind, term), tenantId: record.tenantId, entry: 'posting', term, recordId: record.id, tf, length }));
}

/** The stems kept of a record's weighted frequencies: the most frequent first, ties in their first order. */
function keptStems(frequencies: Map<string, number>): [string, number][] {
  return [...frequencies].sort((a, b) => b[1] - a[1]).slice(0, MAX_POSTINGS_PER_RECORD);
}

/**
 * The record's document, with the audit entry of its change, what the change owes the cells when it moves a report,
 * and the cells of newer families it is counted in once the change is filed (all of today's: see `countedCells`).
 */
export function toDoc(kind: RecordKind, record: AnyRecord, lastChange: AuditEntry, pendingReport?: PendingReport): RecordDoc {
  const counted = cellsNewerThan(reportCellsOf(kind, record), CELLS_VERSION_BEFORE_STAMPS);
  return {
    ...documentOf(kind, record),
    pk: recordPartition(record.tenantId, kind, record.id),
    recordKind: kind,
    lastChange,
    ...(pendingReport ? { pendingReport } : {}),
    ...(counted.length > 0 ? { countedCells: counted } : {}),
  } as RecordDoc;
}

/** The record a record document holds, in today's shape: every read of a record document goes through here. */
export function toRecord(doc: RecordDoc): AnyRecord {
  const { pk: _pk, recordKind: _kind, lastChange: _change, pendingReport: _pending, countedCells: _counted, _rid, _self, _etag, _attachments, _ts, ...record } = doc as RecordDoc & Record<string, unknown>;
  return recordFromDocument(doc.recordKind, record);
}

/** The record a link or recycle-bin document carries a copy of, in today's shape. */
export function embeddedRecord(kind: RecordKind, copy: AnyRecord): AnyRecord {
  return recordFromDocument(kind, copy);
}

/** An audit entry in its record's audit partition, one document per version. */
export function auditDoc(entry: AuditEntry): AuditDoc {
  return {
    id: `v${String(entry.version).padStart(12, '0')}`,
    pk: auditPartition(entry.tenantId, entry.recordKind, entry.recordId),
    tenantId: entry.tenantId,
    entry: 'audit',
    version: entry.version,
    audit: entry,
  };
}

export function deletedDoc(kind: RecordKind, record: AnyRecord & { deletedAt: string }): DeletedDoc {
  return { id: `${kind}|${record.id}`, pk: deletedPartition(record.tenantId), tenantId: record.tenantId, entry: 'deleted', recordKind: kind, recordId: record.id, deletedAt: record.deletedAt, record: documentOf(kind, record) };
}

function linkDocs(kind: RecordKind, record: AnyRecord, entries: RecordIndexEntries): LinkDoc[] {
  const sourceKinds = entries.isOpen ? [kind, linkSourceKind(kind, true)] : [kind];
  return entries.links.flatMap((link: LinkTarget) =>
    sourceKinds.map((sourceKind) => ({
      id: linkDocId(sourceKind, record.id),
      pk: linkPartition(record.tenantId, link.kind, link.id),
      tenantId: record.tenantId,
      entry: 'link',
      sourceKind,
      sortAt: entries.sortAt,
      sourceId: record.id,
      record: documentOf(kind, record),
    })),
  );
}

const emailDocId = (kind: RecordKind, id: string) => `${kind}|${id}`;
const termDocId = (term: string, id: string) => `${safeId(term)}|${id}`;
const linkDocId = (sourceKind: string, id: string) => `${sourceKind}|${id}`;

/** The (id, partition) of every index document a record's entries produce. */
export function indexKeys(kind: RecordKind, tenantId: string, id: string, entries: RecordIndexEntries): [string, string][] {
  const sourceKinds = entries.isOpen ? [kind, linkSourceKind(kind, true)] : [kind];
  return [
    ...entries.emails.map((email): [string, string] => [emailDocId(kind, id), emailPartition(tenantId, email)]),
    ...entries.domains.map((domain): [string, string] => [id, domainPartition(tenantId, domain)]),
    ...entries.terms.map((term): [string, string] => [termDocId(term, id), termPartition(tenantId, kind, term)]),
    ...entries.links.flatMap((link) => sourceKinds.map((sourceKind): [string, string] => [linkDocId(sourceKind, id), linkPartition(tenantId, link.kind, link.id)])),
    ...(entries.fullText ? keptStems(weightedFrequencies(entries.fullText).frequencies).map(([term]): [string, string] => [id, fullTextPartition(tenantId, kind, term)]) : []),
  ];
}

