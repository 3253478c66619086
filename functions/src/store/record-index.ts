import { CrmError, MESSAGE_REF_PREFIX, kinds, referencedIds, referencesOf, toUtcTimestamp, type AnyRecord, type FullTextFields, type IndexParts, type RecordKind } from '@rapport/shared';
import type { LinkTarget } from './store';

/**
 * The secondary entries a record is found by, derived the same way for every adapter:
 * the addresses and domains that match e-mail participants, the search terms, the
 * records it points at (for timelines and "deals of this contact"), and its sort time.
 * A deleted record has none, so lookups and timelines stop finding it.
 */
export type RecordIndexEntries = {
  emails: string[];
  domains: string[];
  terms: string[];
  links: LinkTarget[];
  /** Ids from outside the CRM (an e-mail's internet message id): one record per id in a tenant. */
  externalRefs: string[];
  /** Open deals and cases, planned activities: also indexed as open, so "what is open" is one bounded read. */
  isOpen: boolean;
  sortAt: string;
  /** The stems it is ranked by in a full-text search (published knowledge articles), or null. */
  fullText: FullTextFields | null;
};

/**
 * The version of the derivation below. Bump it whenever what a record is indexed under changes:
 * stores rebuild their secondary indexes once when they open data indexed by an older version.
 */
// 3: deals are found by their name, cases by their number and subject. (Knowledge articles' full text came with the
// kind: no record stored before had any, so no rebuild.)
export const INDEX_VERSION = 3;

/** The entries of a record, derived from its kind's definition: its `index` and the references it links by. */
export function indexEntriesOf(kind: RecordKind, record: AnyRecord): RecordIndexEntries {
  const createdAt = toUtcTimestamp(record.createdAt);
  if (record.deletedAt) return { emails: [], domains: [], terms: [], links: [], externalRefs: [], isOpen: false, sortAt: createdAt, fullText: null };
  const definition = kinds[kind] as { index?: (record: AnyRecord) => IndexParts; linkedToOwner?: true };
  const parts = definition.index?.(record) ?? {};
  return {
    emails: parts.emails ?? [],
    domains: parts.domains ?? [],
    terms: parts.terms ?? [],
    links: linksOf(kind, record, definition.linkedToOwner === true),
    externalRefs: parts.externalRefs ?? [],
    isOpen: parts.isOpen ?? false,
    sortAt: parts.sortAt ?? createdAt,
    fullText: parts.fullText ?? null,
  };
}

function linksOf(kind: RecordKind, record: AnyRecord, linkedToOwner: boolean): LinkTarget[] {
  const fields = record as Readonly<Record<string, unknown>>;
  const pairs = referencesOf(kind)
    .filter((reference) => reference.link)
    .flatMap((reference) => referencedIds(reference, fields).map((id): LinkTarget => ({ kind: reference.kind, id })));
  // The owner's own work: "my day" reads planned items and meetings through this link.
  if (linkedToOwner) pairs.push({ kind: 'member', id: record.ownerId });
  const seen = new Set<string>();
  return pairs.filter((target) => !seen.has(`${target.kind}:${target.id}`) && seen.add(`${target.kind}:${target.id}`) !== undefined);
}

/** The kind under which a record's links are kept: `deal`, or `deal:open` for the open subset. */
export function linkSourceKind(kind: RecordKind, openOnly: boolean): string {
  return openOnly ? `${kind}:open` : kind;
}

/** The error for a second record with an external id another record holds. */
export function duplicateExternalRef(kind: RecordKind, ref: string, existingId: string): CrmError {
  const what = ref.startsWith(MESSAGE_REF_PREFIX) ? 'This e-mail is already logged' : 'This item is already in the CRM';
  return new CrmError('conflict', 'RECORD.ALREADY_LOGGED', `${what}.`, { kind, id: existingId, ref });
}
