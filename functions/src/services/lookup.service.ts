import {
  CrmError,
  activeContractOf,
  byRelevance,
  MAX_LOOKUP_ADDRESSES,
  domainCandidates,
  emailDomain,
  isFreeMailDomain,
  parseAddressList,
  type Case,
  type Company,
  type Contract,
  type Deal,
  type LookupRequest,
  type LookupResponse,
  type LookupResult,
  type RecordKind,
  meetingRef,
  messageRef,
  threadRef,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';

import type { LinkTarget, Store } from '../store/store';
import { ColleagueDirectory } from './colleague-directory';
import { relatedNamesOf, type KnownRecord } from './related-names';

// Bounds on what one participant brings back, so a lookup costs the same at any tenant size.
const MAX_OPEN_DEALS = 10;
const MAX_OPEN_CASES = 10;
// A company's contracts not ended by today (in force or upcoming): one page, its latest ending first.
const MAX_CURRENT_CONTRACTS = 10;
/** What a timeline entry on the card names: the deal or case it belongs to, and who logged it. */
const CARD_TIMELINE_NAMES: readonly RecordKind[] = ['deal', 'case', 'member'];

type Participant = { input: string; email: string; name: string | null };

/**
 * The CRM context of an e-mail's or meeting's participants: for each address the matched
 * contact (or the company its domain belongs to), the company, open deals, open cases, the
 * latest timeline entries, and for a contact the service contract in force with their company.
 * Every read is an indexed lookup or a bounded page.
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
    const results: LookupResult[] = [];
    const participants: Participant[] = [];
    const seen = new Set<string>();
    for (const input of request.emails) {
      const addresses = parseAddressList(input);
      if (addresses.length === 0) results.push(emptyResult(input, null, null, 'invalid'));
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

    const [people, colleagues, loggedActivity] = await Promise.all([
      this.store.findPeopleByEmails(tenantId, participants.map((p) => p.email)),
      this.colleagues.of(tenantId),
      request.internetMessageId ? this.store.findByExternalRef('activity', tenantId, messageRef(request.internetMessageId)) : null,
    ]);
    const contactIdsByEmail = people.contacts;
    const contacts = new Map(
      (await this.store.getMany('contact', tenantId, [...contactIdsByEmail.values()].flat())).map((contact) => [contact.id, contact]),
    );
    const contactsOf = (email: string) => (contactIdsByEmail.get(email) ?? []).flatMap((id) => contacts.get(id) ?? []);

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
    const companyIdsByDomain = await this.store.findCompanyIdsByDomains(tenantId, [...domainsToTry]);
    const companyIds = new Set<string>([...companyIdsByDomain.values()].flat());
    for (const contact of contacts.values()) if (contact.companyId) companyIds.add(contact.companyId);
    const companies = new Map((await this.store.getMany('company', tenantId, [...companyIds])).map((company) => [company.id, company]));

    // Leads only matter for addresses no contact has; most lookups find none and read nothing more.
    const leadIds = participants.filter((p) => contactsOf(p.email).length === 0 && !isColleague(p.email)).flatMap((p) => people.leads.get(p.email) ?? []);
    // The contract in force with each contact's company (whether their cases are covered): one page per company on a
    // card, read beside the leads.
    const cardCompanyIds = [...new Set(participants.flatMap((p) => contactsOf(p.email)[0]?.companyId ?? []))].filter((id) => companies.has(id));
    const [leads, contracts] = await Promise.all([this.store.getMany('lead', tenantId, leadIds), this.contractsInForce(tenantId, cardCompanyIds)]);
    const leadOf = (email: string) => leads.find((lead) => lead.email === email && lead.status !== 'converted');

    const openWork = new OpenWorkCache(this.store, tenantId);
    for (const participant of participants) {
      const domain = emailDomain(participant.email);
      const freeMail = isFreeMailDomain(domain);
      if (isColleague(participant.email)) {
        results.push({ ...emptyResult(participant.input, participant.email, participant.name, 'colleague'), freeMail });
        continue;
      }
      const [contact, ...otherContacts] = contactsOf(participant.email);
      let company: Company | null = null;
      if (contact) {
        company = contact.companyId ? companies.get(contact.companyId) ?? null : null;
      } else if (!freeMail) {
        const companyId = domainCandidates(domain)
          .map((candidate) => companyIdsByDomain.get(candidate)?.[0])
          .find((id) => id !== undefined);
        company = companyId ? companies.get(companyId) ?? null : null;
      }
      const result = emptyResult(participant.input, participant.email, participant.name, contact ? 'contact' : company ? 'company' : 'none');
      result.freeMail = freeMail;
      result.contact = contact ?? null;
      result.otherContacts = otherContacts;
      result.company = company;
      const lead = contact ? undefined : leadOf(participant.email);
      if (lead) result.lead = lead;
      if (contact) result.contract = company ? (contracts.get(company.id) ?? null) : null;
      const targets: LinkTarget[] = [
        ...(contact ? [{ kind: 'contact' as const, id: contact.id }] : []),
        ...(company ? [{ kind: 'company' as const, id: company.id }] : []),
      ];
      const openDeals = await openWork.deals(targets);
      result.openCases = await openWork.cases(targets);
      const timelineOwner = targets[0];
      if (timelineOwner && request.timelineLimit > 0) {
        result.timeline = (await this.store.list('activity', tenantId, { linkedTo: timelineOwner, limit: request.timelineLimit })).items;
      }
      result.openDeals = byRelevance(openDeals, { loggedDealId: loggedActivity?.dealId, timeline: result.timeline });
      results.push(result);
    }
    const appointment = request.iCalUId ? await this.store.findByExternalRef('activity', tenantId, meetingRef(request.iCalUId)) : null;
    const ownerIds = results.flatMap((result) => [result.contact?.ownerId, result.company?.ownerId]).filter((id): id is string => !!id);
    const owners: LookupResponse['owners'] = {};
    const ownerRecords = await this.store.getMany('member', tenantId, ownerIds);
    for (const member of ownerRecords) owners[member.id] = { displayName: member.displayName };
    // What the card's timeline entries name (their deal or case, who logged them), from what the lookup holds where it
    // can: the hot path reads no contact an entry shares with others (the timeline's own pages name every kind).
    const activities = [...results.flatMap((result) => result.timeline), ...(loggedActivity ? [loggedActivity] : []), ...(appointment ? [appointment] : [])];
    const related = await relatedNamesOf(this.store, tenantId, activities, {
      known: [...ownerRecords.map((record) => ({ kind: 'member' as const, record })), ...heldRecords(results)],
      only: CARD_TIMELINE_NAMES,
    });
    // Only a logged e-mail of a conversation can have a thread: one more point read, for those alone.
    const conversationId = loggedActivity?.conversationId;
    const followedThread = conversationId ? await this.store.findByExternalRef('thread', tenantId, threadRef(principal.userId, conversationId)) : null;
    return { results: orderLikeInput(results, request.emails), loggedActivity, followedThread, appointment, owners, related };
  }

  /** The contract in force today with each company, or none: one bounded page of its contracts not ended by today. */
  private async contractsInForce(tenantId: string, companyIds: readonly string[]): Promise<Map<string, Contract>> {
    const today = this.now().toISOString().slice(0, 10);
    const pages = await Promise.all(
      companyIds.map((id) => this.store.list('contract', tenantId, { linkedTo: { kind: 'company', id }, openOnly: true, from: `${today}T00:00:00.000Z`, limit: MAX_CURRENT_CONTRACTS })),
    );
    const inForce = new Map<string, Contract>();
    pages.forEach((page, index) => {
      const contract = activeContractOf(page.items, today);
      const id = companyIds[index];
      if (contract && id) inForce.set(id, contract);
    });
    return inForce;
  }
}

/** Open deals and cases per contact or company, read once per request even when several participants share a company. */
class OpenWorkCache {
  private readonly cache = new Map<string, Promise<(Deal | Case)[]>>();
  constructor(
    private readonly store: Store,
    private readonly tenantId: string,
  ) {}

  async deals(targets: LinkTarget[]): Promise<Deal[]> {
    return (await this.collect('deal', targets, MAX_OPEN_DEALS)) as Deal[];
  }

  async cases(targets: LinkTarget[]): Promise<Case[]> {
    return (await this.collect('case', targets, MAX_OPEN_CASES)) as Case[];
  }

  private async collect(kind: 'deal' | 'case', targets: LinkTarget[], max: number): Promise<(Deal | Case)[]> {
    const result: (Deal | Case)[] = [];
    const seen = new Set<string>();
    for (const target of targets) {
      const key = `${kind}:${target.kind}:${target.id}`;
      let page = this.cache.get(key);
      if (!page) {
        page = this.store.list(kind, this.tenantId, { linkedTo: target, openOnly: true, limit: max }).then((p) => p.items);
        this.cache.set(key, page);
      }
      for (const record of await page) {
        if (seen.has(record.id) || result.length >= max) continue;
        seen.add(record.id);
        result.push(record);
      }
    }
    return result;
  }
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

