import { CrmError, caseIsOpen, normalizeDomain, normalizeEmail, searchTermsOf, toUtcTimestamp, type RecordKind } from '@rapport/shared';
import type { AnyRecord, LinkTarget, RecordOf } from './store';

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
};

/**
 * The version of the derivation below. Bump it whenever what a record is indexed under changes:
 * stores rebuild their secondary indexes once when they open data indexed by an older version.
 */
export const INDEX_VERSION = 2;

const none = (sortAt: string): RecordIndexEntries => ({ emails: [], domains: [], terms: [], links: [], externalRefs: [], isOpen: false, sortAt });

export function indexEntriesOf(kind: RecordKind, record: AnyRecord): RecordIndexEntries {
  const entries = none(toUtcTimestamp(record.createdAt));
  if (record.deletedAt) return entries;
  switch (kind) {
    case 'contact': {
      const contact = record as RecordOf['contact'];
      entries.emails = unique(contact.emails.map(normalizeEmail));
      entries.terms = searchTermsOf({
        names: [contact.firstName, contact.lastName],
        emails: entries.emails,
        phones: contact.phones.map((phone) => phone.number),
        customerNumber: contact.customerNumber,
      });
      entries.links = targets([['company', contact.companyId]]);
      break;
    }
    case 'company': {
      const company = record as RecordOf['company'];
      entries.domains = unique(company.domains.map(normalizeDomain));
      entries.terms = searchTermsOf({
        names: [company.name],
        domains: entries.domains,
        phones: company.phones.map((phone) => phone.number),
        customerNumber: company.customerNumber,
      });
      entries.links = targets([['company', company.parentCompanyId]]);
      break;
    }
    case 'lead': {
      const lead = record as RecordOf['lead'];
      entries.emails = unique([lead.email ? normalizeEmail(lead.email) : null]);
      entries.terms = searchTermsOf({
        names: [lead.firstName, lead.lastName, lead.companyName],
        emails: entries.emails,
        phones: lead.phone ? [lead.phone.number] : [],
      });
      break;
    }
    case 'deal': {
      const deal = record as RecordOf['deal'];
      entries.links = targets([['company', deal.companyId], ...deal.contactIds.map((id) => ['contact', id] as const)]);
      entries.isOpen = deal.status === 'open';
      break;
    }
    case 'case': {
      const serviceCase = record as RecordOf['case'];
      entries.links = targets([
        ['contact', serviceCase.contactId],
        ['company', serviceCase.companyId],
      ]);
      entries.sortAt = toUtcTimestamp(serviceCase.openedAt);
      entries.isOpen = caseIsOpen(serviceCase.status);
      break;
    }
    case 'activity': {
      const activity = record as RecordOf['activity'];
      entries.links = targets([
        ...activity.contactIds.map((id) => ['contact', id] as const),
        ['company', activity.companyId],
        ['deal', activity.dealId],
        ['lead', activity.leadId],
        ['case', activity.caseId],
        // The owner's own work: "my day" reads planned items and meetings through this link.
        ['member', activity.ownerId],
      ]);
      entries.sortAt = toUtcTimestamp(activity.at);
      entries.isOpen = activity.status === 'planned';
      entries.externalRefs = activityExternalRefs(activity);
      break;
    }
    default:
      break;
  }
  return entries;
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}

function targets(pairs: (readonly [RecordKind, string | undefined])[]): LinkTarget[] {
  const seen = new Set<string>();
  const result: LinkTarget[] = [];
  for (const [kind, id] of pairs) {
    if (!id || seen.has(`${kind}:${id}`)) continue;
    seen.add(`${kind}:${id}`);
    result.push({ kind, id });
  }
  return result;
}

/** The kind under which a record's links are kept: `deal`, or `deal:open` for the open subset. */
export function linkSourceKind(kind: RecordKind, openOnly: boolean): string {
  return openOnly ? `${kind}:open` : kind;
}

const MESSAGE_REF_PREFIX = 'message:';

/** The external id an e-mail is known by: its internet message id. */
export function messageRef(internetMessageId: string): string {
  return `${MESSAGE_REF_PREFIX}${internetMessageId}`;
}

/** The external id a meeting is known by in every calendar it is in: its iCalUId. */
export function meetingRef(iCalUId: string): string {
  return `ical:${iCalUId}`;
}

/** The external ids an activity is known by; an e-mail is logged once per tenant. */
export function activityExternalRefs(activity: Pick<RecordOf['activity'], 'internetMessageId' | 'iCalUId'>): string[] {
  const refs: string[] = [];
  if (activity.internetMessageId) refs.push(messageRef(activity.internetMessageId));
  if (activity.iCalUId) refs.push(meetingRef(activity.iCalUId));
  return refs;
}

/** The error for a second record with an external id another record holds. */
export function duplicateExternalRef(kind: RecordKind, ref: string, existingId: string): CrmError {
  const what = ref.startsWith(MESSAGE_REF_PREFIX) ? 'This e-mail is already logged' : 'This item is already in the CRM';
  return new CrmError('conflict', `${kind.toUpperCase()}.ALREADY_LOGGED`, `${what}.`, { id: existingId, ref });
}
