import {
  CrmError,
  activeContractOf,
  byRelevance,
  MAX_LOOKUP_ADDRESSES,
  domainCandidates,
  emailDomain,
  isFreeMailDomain,
  parseAddressList,
  type LookupRequest,
  type LookupResponse,
  type LookupResult,
  type RecordKind,
  type RelatedNames,
  meetingRef,
  messageRef,
  threadRef,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';

import type { CardKey, CardSource, Store } from '../store/store';
import { ColleagueDirectory } from './colleague-directory';
import {
  KEPT_TIMELINE,
  LOOKUP_CARD_VERSION,
  MAX_OPEN_CASES,
  MAX_OPEN_DEALS,
  buildCard,
  cardHolds,
  type AddressCard,
  type CardBuild,
  type CompanyCard,
  type DomainCard,
  type LookupCard,
} from './lookup-cards';
import { relatedNamesOf, type KnownRecord } from './related-names';

/** What a timeline entry on the card names: the deal or case it belongs to, and who logged it. */
const CARD_TIMELINE_NAMES: readonly RecordKind[] = ['deal', 'case', 'member'];

type Participant = { input: string; email: string; name: string | null };

/**
 * The CRM context of an e-mail's or meeting's participants: for each address the matched
 * contact (or the company its domain belongs to), the company, open deals, open cases, the
 * latest timeline entries, and for a contact the service contract in force with their company.
 * It reads cards (`lookup-cards.ts`): each address's, then its contact's company's or its domain's, so a lookup is two
 * round trips of point reads on a store that keeps them, whatever the tenant's size.
 */
export class LookupService {
  private readonly colleagues: ColleagueDirectory;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.colleagues = new ColleagueDirectory(store);
  }

  async lookup(principal: Principal, request: LookupRequest): Promise<LookupResponse> {
    const { tenantId } = principal;
    const invalid: LookupResult[] = [];
    const participants: Participant[] = [];
    const seen = new Set<string>();
    for (const input of request.emails) {
      const addresses = parseAddressList(input);
      if (addresses.length === 0) invalid.push(emptyResult(input, null, null, 'invalid'));
      for (const address of addresses) {
        if (seen.has(address.email)) continue;
        seen.add(address.email);
        participants.push({ input, email: address.email, name: address.name });
      }
    }

    // One entry may hold a whole header of addresses; the bound is on addresses, not entries.
    if (participants.length > MAX_LOOKUP_ADDRESSES) {
      throw new CrmError(
        'invalid',
        'LOOKUP.TOO_MANY_ADDRESSES',
        `Look up at most ${MAX_LOOKUP_ADDRESSES} addresses at once; this request holds ${participants.length}.`,
        { fields: [{ path: 'emails', message: `at most ${MAX_LOOKUP_ADDRESSES} addresses` }] },
      );
    }

    const today = this.now().toISOString().slice(0, 10);
    const cards = new CardReader(this.store, tenantId, today, request.timelineLimit);
    const emails = participants.map((p) => p.email);
    // What was logged of this e-mail or meeting, and a logged e-mail's followed thread, are read beside the cards: no
    // card waits for them.
    const logged = settledLater(request.internetMessageId ? this.store.findByExternalRef('activity', tenantId, messageRef(request.internetMessageId)) : null);
    const meeting = settledLater(request.iCalUId ? this.store.findByExternalRef('activity', tenantId, meetingRef(request.iCalUId)) : null);
    // Only a logged e-mail of a conversation can have a thread: read as soon as the e-mail is, for those alone.
    const thread = settledLater(
      logged.then((activity) => (activity?.conversationId ? this.store.findByExternalRef('thread', tenantId, threadRef(principal.userId, activity.conversationId)) : null)),
    );
    // First round trip: each address's card, and the tenant's colleagues (kept a minute per instance).
    const [addressCards, colleagues] = await Promise.all([
      cards.read(emails.map((email): CardKey => ({ kind: 'address', email }))) as Promise<(AddressCard | null)[]>,
      this.colleagues.of(tenantId),
    ]);
    const byAddress = new Map(emails.map((email, index) => [email, addressCards[index] ?? null]));
    const contactsOf = (email: string) => byAddress.get(email)?.contacts ?? [];

    // A colleague without a contact is neither a customer nor a lead: nothing more to read for them.
    const isColleague = (email: string) => contactsOf(email).length === 0 && colleagues.isColleague(email);
    // Senders without a contact may still belong to a known company by their domain (not gmail.com).
    const domainsToTry = new Set<string>();
    for (const participant of participants) {
      const domain = emailDomain(participant.email);
      if (contactsOf(participant.email).length === 0 && !isColleague(participant.email) && !isFreeMailDomain(domain)) {
        for (const candidate of domainCandidates(domain)) domainsToTry.add(candidate);
      }
    }
    // Second round trip: the companies of the contacts found, and the domains of the senders without one.
    const contactCompanyIds = [...new Set(participants.flatMap((p) => contactsOf(p.email)[0]?.companyId ?? []))];
    const domains = [...domainsToTry];
    const [companyCards, domainCards] = await Promise.all([
      cards.read(contactCompanyIds.map((id): CardKey => ({ kind: 'company', id }))) as Promise<(CompanyCard | null)[]>,
      cards.read(domains.map((domain): CardKey => ({ kind: 'domain', domain }))) as Promise<(DomainCard | null)[]>,
    ]);
    const byCompany = new Map<string, CompanyCard>();
    for (const card of [...companyCards, ...domainCards.map((card) => card?.first ?? null)]) if (card) byCompany.set(card.company.id, card);
    const byDomain = new Map(domains.map((domain, index) => [domain, domainCards[index] ?? null]));
    const [loggedActivity, appointment, followedThread] = await Promise.all([logged, meeting, thread]);

    const results: LookupResult[] = [...invalid];
    const names: RelatedNames[] = [];
    for (const participant of participants) {
      const domain = emailDomain(participant.email);
      const freeMail = isFreeMailDomain(domain);
      if (isColleague(participant.email)) {
        results.push({ ...emptyResult(participant.input, participant.email, participant.name, 'colleague'), freeMail });
        continue;
      }
      const addressCard = byAddress.get(participant.email) ?? null;
      const [contact, ...otherContacts] = contactsOf(participant.email);
      let companyCard: CompanyCard | null = null;
      if (contact) {
        companyCard = contact.companyId ? (byCompany.get(contact.companyId) ?? null) : null;
      } else if (!freeMail) {
        const companyId = domainCandidates(domain)
          .map((candidate) => byDomain.get(candidate)?.companyIds[0])
          .find((id) => id !== undefined);
        companyCard = companyId ? (byCompany.get(companyId) ?? null) : null;
      }
      const company = companyCard?.company ?? null;
      const result = emptyResult(participant.input, participant.email, participant.name, contact ? 'contact' : company ? 'company' : 'none');
      result.freeMail = freeMail;
      result.contact = contact ?? null;
      result.otherContacts = otherContacts;
      result.company = company;
      const lead = contact ? undefined : addressCard?.leads.find((one) => one.email === participant.email && one.status !== 'converted');
      if (lead) result.lead = lead;
      if (contact) result.contract = companyCard ? activeContractOf(companyCard.work.contracts, today) : null;
      // A contact's card shows its own and its company's open work, and its own timeline; a company's, the company's.
      const works = [...(contact && addressCard?.work ? [addressCard.work] : []), ...(companyCard ? [companyCard.work] : [])];
      const openDeals = firstOfEach(works.map((work) => work.openDeals), MAX_OPEN_DEALS);
      result.openCases = firstOfEach(works.map((work) => work.openCases), MAX_OPEN_CASES);
      const timelineWork = contact ? addressCard?.work : companyCard?.work;
      if (timelineWork && request.timelineLimit > 0) result.timeline = timelineWork.timeline.slice(0, request.timelineLimit);
      if (timelineWork) names.push(timelineWork.names);
      result.openDeals = byRelevance(openDeals, { loggedDealId: loggedActivity?.dealId, timeline: result.timeline });
      results.push(result);
    }
    const ownerIds = results.flatMap((result) => [result.contact?.ownerId, result.company?.ownerId]).filter((id): id is string => !!id);
    const owners: LookupResponse['owners'] = {};
    const ownerRecords = await colleagues.members(ownerIds);
    for (const member of ownerRecords) owners[member.id] = { displayName: member.displayName };
    // What the card's timeline entries name (their deal or case, who logged them), from what the lookup holds where it
    // can: the cards' names, the records they hold, the tenant's members; anything else is read.
    const activities = [...results.flatMap((result) => result.timeline), ...(loggedActivity ? [loggedActivity] : []), ...(appointment ? [appointment] : [])];
    const loggers = await colleagues.members(activities.flatMap((activity) => [activity.ownerId, activity.createdBy]).filter((id): id is string => !!id));
    const related = await relatedNamesOf(this.store, tenantId, activities, {
      known: [...[...ownerRecords, ...loggers].map((record) => ({ kind: 'member' as const, record })), ...heldRecords(results)],
      named: mergeNames(names),
      only: CARD_TIMELINE_NAMES,
    });
    return { results: orderLikeInput(results, request.emails), loggedActivity, followedThread, appointment, owners, related };
  }
}

/** A lookup's cards, built for it or kept by the store (see `lookup-cards.ts`). */
class CardReader {
  private readonly source: CardSource<LookupCard>;
  constructor(
    private readonly store: Store,
    private readonly tenantId: string,
    today: string,
    timelineLimit: number,
  ) {
    // A kept card is built with the most any lookup asks for; one built for this lookup alone, with what it asks.
    const build: CardBuild = { today, timelineSize: store.keepsCards ? KEPT_TIMELINE : timelineLimit };
    this.source = {
      version: LOOKUP_CARD_VERSION,
      build: (key) => buildCard(store, tenantId, key, build),
      holds: (card) => cardHolds(card, today, timelineLimit),
    };
  }

  read(keys: readonly CardKey[]): Promise<LookupCard[]> {
    return keys.length === 0 ? Promise.resolve([]) : this.store.cards(this.tenantId, keys, this.source);
  }
}

/** A read awaited later: its failure is not reported as unhandled meanwhile, and still rejects where it is awaited. */
function settledLater<T>(read: Promise<T> | T): Promise<T> {
  const promise = Promise.resolve(read);
  promise.catch(() => undefined);
  return promise;
}

/** The records of several lists, each once, in their order, at most `max`. */
function firstOfEach<T extends { id: string }>(lists: readonly (readonly T[])[], max: number): T[] {
  const seen = new Set<string>();
  const result: T[] = [];
  for (const list of lists) {
    for (const record of list) {
      if (result.length >= max || seen.has(record.id)) continue;
      seen.add(record.id);
      result.push(record);
    }
  }
  return result;
}

function mergeNames(all: readonly RelatedNames[]): RelatedNames {
  const merged: RelatedNames = {};
  for (const names of all) for (const [kind, byId] of Object.entries(names) as [keyof RelatedNames, Record<string, string>][]) merged[kind] = { ...merged[kind], ...byId };
  return merged;
}

/** The records the results hold, which need no read to be named. */
function heldRecords(results: readonly LookupResult[]): KnownRecord[] {
  return results.flatMap((result) => [
    ...[result.contact, ...result.otherContacts].flatMap((contact) => (contact ? [{ kind: 'contact' as const, record: contact }] : [])),
    ...(result.company ? [{ kind: 'company' as const, record: result.company }] : []),
    ...(result.lead ? [{ kind: 'lead' as const, record: result.lead }] : []),
    ...result.openDeals.map((record) => ({ kind: 'deal' as const, record })),
    ...result.openCases.map((record) => ({ kind: 'case' as const, record })),
  ]);
}

function emptyResult(input: string, email: string | null, name: string | null, match: LookupResult['match']): LookupResult {
  return {
    input,
    email,
    name,
    match,
    freeMail: false,
    contact: null,
    otherContacts: [],
    company: null,
    openDeals: [],
    openCases: [],
    timeline: [],
  };
}

// Results come back in the order of the request's addresses, which the pane shows as is.
function orderLikeInput(results: LookupResult[], inputs: string[]): LookupResult[] {
  const position = new Map<string, number>();
  inputs.forEach((input, index) => {
    if (!position.has(input)) position.set(input, index);
  });
  return results
    .map((result, index) => ({ result, index }))
    .sort((a, b) => (position.get(a.result.input) ?? 0) - (position.get(b.result.input) ?? 0) || a.index - b.index)
    .map(({ result }) => result);
}

