import { referencedIds, referencesOf, type Activity, type AnyRecord, type Case, type Company, type Contact, type Contract, type Deal, type Lead, type RecordKind, type RelatedNames } from '@rapport/shared';
import type { CardKey, LinkTarget, Store } from '../store/store';
import { relatedNamesOf } from './related-names';

/** The shape of the cards below: a store keeping cards builds again those of another version. */
export const LOOKUP_CARD_VERSION = 1;

// Bounds on what one card holds, so a lookup costs the same at any tenant size.
export const MAX_OPEN_DEALS = 10;
export const MAX_OPEN_CASES = 10;
/** A company's contracts not ended by the day the card was built (in force or upcoming): one page, latest ending first. */
export const MAX_CURRENT_CONTRACTS = 10;
/** The newest timeline entries a kept card holds: the most a lookup asks for (`timelineLimit`). */
export const KEPT_TIMELINE = 20;
/** The people with one address a card holds (the same address on more contacts is rare: duplicates to merge). */
const MAX_PEOPLE_PER_ADDRESS = 20;

/**
 * What the pane's card shows of one contact or company: its open deals and cases, its newest timeline entries, and
 * for a company the contracts not ended when the card was built. Read as it was written (each list is its store's
 * bounded page), so a card kept by the store is what a fresh read gives until a write changes it.
 */
export type WorkCard = {
  openDeals: Deal[];
  openCases: Case[];
  timeline: Activity[];
  /** How many timeline entries were asked for when it was built: fewer in `timeline` means it holds them all. */
  timelineSize: number;
  contracts: Contract[];
  /**
   * The names of the deals and cases its timeline entries point at that are linked to this contact or company (a
   * change of one of them is a write to its links, which a kept card follows). Others are named by the lookup.
   */
  names: RelatedNames;
};

/** The people with one e-mail address, and the work of the first contact (whose card the pane shows). */
export type AddressCard = { contacts: Contact[]; leads: Lead[]; work: WorkCard | null };

/** A company and its work. */
export type CompanyCard = { company: Company; work: WorkCard };

/** The companies with one e-mail domain, and the card of the first (a sender without a contact is shown its company). */
export type DomainCard = { companyIds: string[]; first: CompanyCard | null };

export type LookupCard = AddressCard | CompanyCard | DomainCard | null;

/** How cards are built for a lookup: a store that keeps them builds them with the most a lookup asks for. */
export type CardBuild = { today: string; timelineSize: number };

/**
 * Builds the card of a key from the records (the store's own indexed reads): what the store keeps, or what it answers
 * each time when it keeps none (SQLite, where these reads are local).
 */
export function buildCard(store: Store, tenantId: string, key: CardKey, build: CardBuild): Promise<LookupCard> {
  switch (key.kind) {
    case 'address':
      return addressCard(store, tenantId, key.email, build);
    case 'company':
      return companyCard(store, tenantId, key.id, build);
    case 'domain':
      return domainCard(store, tenantId, key.domain, build);
  }
}

/** Whether a card built earlier still answers a lookup on `today` for `timelineLimit` entries. */
export function cardHolds(card: LookupCard, today: string, timelineLimit: number): boolean {
  const works = !card ? [] : 'work' in card ? (card.work ? [card.work] : []) : card.first ? [card.first.work] : [];
  return works.every(
    (work) =>
      // A contract that has ended since leaves the page: the next not-ended one may be beyond it.
      work.contracts.every((contract) => contract.endDate >= today) &&
      (work.timelineSize >= timelineLimit || work.timeline.length < work.timelineSize),
  );
}

async function addressCard(store: Store, tenantId: string, email: string, build: CardBuild): Promise<AddressCard> {
  const people = await store.findPeopleByEmails(tenantId, [email]);
  const [contacts, leads] = await Promise.all([
    store.getMany('contact', tenantId, (people.contacts.get(email) ?? []).slice(0, MAX_PEOPLE_PER_ADDRESS)),
    store.getMany('lead', tenantId, (people.leads.get(email) ?? []).slice(0, MAX_PEOPLE_PER_ADDRESS)),
  ]);
  const [first] = contacts;
  return { contacts, leads, work: first ? await workOf(store, tenantId, { kind: 'contact', id: first.id }, build) : null };
}

async function companyCard(store: Store, tenantId: string, id: string, build: CardBuild): Promise<CompanyCard | null> {
  const company = await store.get('company', tenantId, id);
  return company ? { company, work: await workOf(store, tenantId, { kind: 'company', id }, build) } : null;
}

async function domainCard(store: Store, tenantId: string, domain: string, build: CardBuild): Promise<DomainCard> {
  const companyIds = (await store.findCompanyIdsByDomains(tenantId, [domain])).get(domain) ?? [];
  const [firstId] = companyIds;
  return { companyIds, first: firstId ? await companyCard(store, tenantId, firstId, build) : null };
}

async function workOf(store: Store, tenantId: string, target: LinkTarget, build: CardBuild): Promise<WorkCard> {
  const [openDeals, openCases, timeline, contracts] = await Promise.all([
    store.list('deal', tenantId, { linkedTo: target, openOnly: true, limit: MAX_OPEN_DEALS }),
    store.list('case', tenantId, { linkedTo: target, openOnly: true, limit: MAX_OPEN_CASES }),
    build.timelineSize > 0 ? store.list('activity', tenantId, { linkedTo: target, limit: build.timelineSize }) : { items: [] },
    target.kind === 'company'
      ? store.list('contract', tenantId, { linkedTo: target, openOnly: true, from: `${build.today}T00:00:00.000Z`, limit: MAX_CURRENT_CONTRACTS })
      : { items: [] },
  ]);
  const held = [...openDeals.items.map((record) => ({ kind: 'deal' as const, record })), ...openCases.items.map((record) => ({ kind: 'case' as const, record }))];
  const named = await relatedNamesOf(store, tenantId, timeline.items, { known: held, only: ['deal', 'case'], keep: (kind, record) => isLinkedTo(kind, record, target) });
  return { openDeals: openDeals.items, openCases: openCases.items, timeline: timeline.items, timelineSize: build.timelineSize, contracts: contracts.items, names: named };
}

/** Whether a deal or case is linked to the contact or company (so that its changes reach the card's links). */
function isLinkedTo(kind: RecordKind, record: AnyRecord, target: LinkTarget): boolean {
  return referencesOf(kind).some((reference) => reference.link && reference.kind === target.kind && referencedIds(reference, record).includes(target.id));
}
