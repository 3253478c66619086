import {
  CrmError,
  MAX_PAGE_SIZE,
  MAX_SUSPECTED_DUPLICATES,
  mergeGains,
  normalizeEmail,
  notFound,
  sameName,
  type Contact,
  type ContactMergeResult,
  type DuplicateReason,
  type RecordOf,
  type SuspectedDuplicate,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { Changes } from '../kinds/kind-hooks';
import { distinctNormalized } from '../kinds/normalize';
import type { Store } from '../store/store';
import type { RecordService } from './records.service';

// The records that name a contact, and how each names it (see the kinds' references).
const linkedKinds = [
  { kind: 'activity', counted: 'activities' },
  { kind: 'deal', counted: 'deals' },
  { kind: 'case', counted: 'cases' },
  { kind: 'document', counted: 'documents' },
] as const;
type LinkedKind = (typeof linkedKinds)[number]['kind'];
type Moved = ContactMergeResult['moved'];

// Re-linked a page at a time: one bounded link read of the duplicate's (the largest page the store serves).
const RELINK_PAGE_SIZE = MAX_PAGE_SIZE;
// What one request re-links at most: two pages. Each re-link is a versioned, audited write (on Cosmos DB the record,
// its link entries, its audit entry and report cells, one after another: 30 to 60 ms against the local server), and
// the pane gives up on a call after 30 s; 200 stays well inside that. A duplicate with more history answers
// `complete: false`, and the same request sent again goes on where this one stopped.
const MAX_RELINKED_PER_REQUEST = 2 * RELINK_PAGE_SIZE;
// A company's contacts compared by name: one page of its links. A company with more contacts is compared on its
// newest ones; the e-mail match still finds the others.
const COMPANY_CONTACTS_COMPARED = MAX_PAGE_SIZE;

/**
 * Suspected duplicate contacts, and merging one into another: the survivor keeps its fields and gains what it lacks,
 * the duplicate's activities, deals, cases and documents move to it, and the duplicate is deleted (restorable), its audit entry
 * naming the survivor. Every write goes through the record writer, so each is versioned and audited.
 */
export class ContactMergeService {
  constructor(private readonly deps: { store: Store; records: RecordService }) {}

  /** The other contacts sharing an e-mail address with this one (one indexed lookup), or its name at its company (one link read). */
  async duplicatesOf(principal: Principal, id: string): Promise<{ items: SuspectedDuplicate[] }> {
    const { store, records } = this.deps;
    const contact = await records.get('contact', principal, id);
    const reasons = new Map<string, DuplicateReason[]>();
    const known = new Map<string, Contact>();
    const suspect = (otherId: string, reason: DuplicateReason) => {
      if (otherId === contact.id) return;
      const list = reasons.get(otherId) ?? [];
      if (!list.includes(reason)) list.push(reason);
      reasons.set(otherId, list);
    };
    const emails = distinctNormalized(contact.emails, normalizeEmail);
    if (emails.length > 0) {
      for (const ids of (await store.findContactIdsByEmails(principal.tenantId, emails)).values()) for (const other of ids) suspect(other, 'sharedEmail');
    }
    if (contact.companyId) {
      const colleagues = await store.list('contact', principal.tenantId, { linkedTo: { kind: 'company', id: contact.companyId }, limit: COMPANY_CONTACTS_COMPARED });
      for (const other of colleagues.items) {
        if (other.id === contact.id || !sameName(other, contact)) continue;
        known.set(other.id, other);
        suspect(other.id, 'sameNameAtCompany');
      }
    }
    // Both reasons first, then a shared address, then a name; read no more than the answer shows.
    const weight = (why: DuplicateReason[]) => why.length * 2 + (why.includes('sharedEmail') ? 1 : 0);
    const ranked = [...reasons.entries()].sort(([, a], [, b]) => weight(b) - weight(a));
    const chosen = ranked.slice(0, MAX_SUSPECTED_DUPLICATES);
    const unread = chosen.map(([otherId]) => otherId).filter((otherId) => !known.has(otherId));
    for (const other of await store.getMany('contact', principal.tenantId, unread)) known.set(other.id, other);
    return {
      items: chosen.flatMap(([otherId, why]) => {
        const other = known.get(otherId);
        return other ? [{ contact: other, reasons: why }] : [];
      }),
    };
  }

  /**
   * Merges `duplicateId` into the survivor, made on the survivor's version the caller read. The steps are ordered so
   * that the same request sent again (after a timeout) finishes what was left: re-links, then the duplicate's delete,
   * then the survivor's gains; once done, it answers with the survivor and writes nothing.
   */
  async merge(principal: Principal, survivorId: string, duplicateId: string, expectedVersion: number): Promise<ContactMergeResult> {
    const { store, records } = this.deps;
    if (survivorId === duplicateId) {
      throw new CrmError('unprocessable', 'CONTACT.MERGE_INTO_ITSELF', 'A contact cannot be merged into itself: choose another contact as the duplicate.', {
        fields: [{ path: 'duplicateId', message: 'is this contact' }],
      });
    }
    const survivor = await records.get('contact', principal, survivorId);
    const duplicate = await store.get('contact', principal.tenantId, duplicateId);
    if (!duplicate) {
      const merged = await store.getDeleted('contact', principal.tenantId, duplicateId);
      if (merged?.mergedIntoId !== survivorId) throw notFound('contact', duplicateId);
      // Merged already. A survivor still at the version the request read never got the duplicate's fields (the
      // first attempt stopped after the delete): it gets them now. Otherwise nothing is written.
      const finished = survivor.version === expectedVersion ? await this.gain(principal, survivor, merged) : survivor;
      return { survivor: finished, moved: { activities: 0, deals: 0, cases: 0, documents: 0 }, complete: true };
    }
    // A stale merge says who changed the survivor and what, as every refused write does.
    await records.writer.requireVersion('contact', survivor, expectedVersion);
    const { moved, complete } = await this.relink(principal, duplicateId, survivorId);
    if (!complete) return { survivor, moved, complete };
    await records.writer.remove('contact', principal, duplicate, duplicate.version, { mergedIntoId: survivorId });
    return { survivor: await this.gain(principal, survivor, duplicate), moved, complete: true };
  }

  /** The survivor with what it lacks from the duplicate; unchanged (and unwritten) when it lacks nothing. */
  private async gain(principal: Principal, survivor: Contact, duplicate: Contact): Promise<Contact> {
    const gains = mergeGains(survivor, duplicate);
    // A company deleted since is no company to gain: the rest of the merge still goes through.
    if (gains.companyId && (await this.deps.store.getMany('company', principal.tenantId, [gains.companyId])).length === 0) delete gains.companyId;
    if (Object.keys(gains).length === 0) return survivor;
    return this.deps.records.writer.change('contact', principal, survivor, gains as Changes<'contact'>);
  }

  /**
   * Moves what names the duplicate to the survivor, a page at a time (keyset-paged, so what was moved does not shift
   * the pages), up to the request's budget.
   */
  private async relink(principal: Principal, duplicateId: string, survivorId: string): Promise<{ moved: Moved; complete: boolean }> {
    const moved: Moved = { activities: 0, deals: 0, cases: 0, documents: 0 };
    let budget = MAX_RELINKED_PER_REQUEST;
    for (const { kind, counted } of linkedKinds) {
      let cursor: string | undefined;
      do {
        if (budget <= 0) return { moved, complete: false };
        const page = await this.deps.store.list(kind, principal.tenantId, {
          linkedTo: { kind: 'contact', id: duplicateId },
          limit: Math.min(RELINK_PAGE_SIZE, budget),
          ...(cursor ? { cursor } : {}),
        });
        budget -= page.items.length;
        for (const record of page.items) if (await this.relinkOne(principal, kind, record, duplicateId, survivorId)) moved[counted]++;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    return { moved, complete: true };
  }

  /** One record re-linked; read again and re-linked once more when someone changed it meanwhile. */
  private async relinkOne<K extends LinkedKind>(principal: Principal, kind: K, listed: RecordOf[K], duplicateId: string, survivorId: string): Promise<boolean> {
    let current: RecordOf[K] | null = listed;
    for (let attempt = 1; current; attempt++) {
      const changes = relinked(kind, current, duplicateId, survivorId);
      if (!changes) return false;
      try {
        await this.deps.records.writer.change(kind, principal, current, changes as Changes<K>);
        return true;
      } catch (error) {
        if (attempt > 1 || !(error instanceof CrmError) || error.category !== 'precondition-failed') throw error;
        current = await this.deps.store.get(kind, principal.tenantId, current.id);
      }
    }
    return false;
  }
}

/** The change that makes a record name the survivor where it named the duplicate (null when it does not name it). */
function relinked(kind: LinkedKind, record: RecordOf[LinkedKind], duplicateId: string, survivorId: string): Record<string, unknown> | null {
  if (kind === 'case') {
    const serviceCase = record as RecordOf['case'];
    return serviceCase.contactId === duplicateId ? { contactId: survivorId } : null;
  }
  const { contactIds } = record as RecordOf['activity'] | RecordOf['deal'] | RecordOf['document'];
  if (!contactIds.includes(duplicateId)) return null;
  // In the duplicate's place, once: a record that named both names the survivor once.
  return { contactIds: [...new Set(contactIds.map((id) => (id === duplicateId ? survivorId : id)))] };
}
