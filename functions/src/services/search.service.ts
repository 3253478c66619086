import {
  caseIsOpen,
  contactDisplayName,
  kinds,
  parseSearchQuery,
  termsMatch,
  type AnyRecord,
  type IndexParts,
  type RecordKind,
  type RecordOf,
  type SearchQuery,
  type SearchResponse,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { Store } from '../store/store';
import type { PipelineService } from './pipeline.service';

// A company found by name brings its people along, as a rep searching "Contoso" expects.
const COMPANIES_EXPANDED = 3;

type Found = 'contact' | 'company' | 'deal' | 'lead' | 'case';
type NamedRef = { id: string; name: string };

const nothing: SearchResponse = { contacts: [], companies: [], deals: [], leads: [], cases: [] };

/**
 * Finds contacts and companies by name, e-mail, phone in any format, customer number or company name; deals by name;
 * leads by name, company, e-mail or phone; cases by number or subject. Every member reads every record of the tenant,
 * as the lists do. The cost follows `limit`, not the tenant: a bounded read of the term index per kind, then point reads
 * of what was found and of the names shown beside it.
 */
export class SearchService {
  constructor(
    private readonly store: Store,
    private readonly pipelines: PipelineService,
  ) {}

  async search(principal: Principal, text: string, limit: number): Promise<SearchResponse> {
    const query = parseSearchQuery(text);
    if (!query) return nothing;
    const { tenantId } = principal;
    const [contacts, companies, deals, leads, cases] = await Promise.all([
      this.find('contact', tenantId, query, limit),
      this.find('company', tenantId, query, limit),
      this.find('deal', tenantId, query, limit),
      this.find('lead', tenantId, query, limit),
      this.find('case', tenantId, query, limit),
    ]);
    companies.sort((a, b) => a.name.localeCompare(b.name));
    contacts.sort((a, b) => contactDisplayName(a).localeCompare(contactDisplayName(b)));
    leads.sort((a, b) => contactDisplayName(a).localeCompare(contactDisplayName(b)));
    // Open work first: the deal or case a rep is after is most likely the live one.
    deals.sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || a.name.localeCompare(b.name));
    cases.sort((a, b) => Number(caseIsOpen(b.status)) - Number(caseIsOpen(a.status)) || b.number - a.number);

    const found = new Set(contacts.map((contact) => contact.id));
    for (const company of companies.slice(0, COMPANIES_EXPANDED)) {
      if (contacts.length >= limit) break;
      const people = await this.store.list('contact', tenantId, { linkedTo: { kind: 'company', id: company.id }, limit });
      for (const person of people.items) {
        if (contacts.length >= limit) break;
        if (!found.has(person.id)) {
          found.add(person.id);
          contacts.push(person);
        }
      }
    }

    // The names shown beside the results, each record read once (point reads, at most a few per result).
    const companyNames = new Map(companies.map((company) => [company.id, company.name]));
    const contactNames = new Map(contacts.map((contact) => [contact.id, contactDisplayName(contact)]));
    const missingCompanies = [...contacts, ...deals, ...cases].map((record) => record.companyId).filter((id): id is string => !!id && !companyNames.has(id));
    const missingContacts = cases.map((serviceCase) => serviceCase.contactId).filter((id): id is string => !!id && !contactNames.has(id));
    const [moreCompanies, moreContacts, pipeline] = await Promise.all([
      this.store.getMany('company', tenantId, missingCompanies),
      this.store.getMany('contact', tenantId, missingContacts),
      deals.length > 0 ? this.pipelines.pipelineOf(tenantId) : null,
    ]);
    for (const company of moreCompanies) companyNames.set(company.id, company.name);
    for (const contact of moreContacts) contactNames.set(contact.id, contactDisplayName(contact));
    const named = (names: Map<string, string>, id: string | undefined): NamedRef | null => {
      const name = id ? names.get(id) : undefined;
      return id && name !== undefined ? { id, name } : null;
    };
    const stageNames = new Map((pipeline?.stages ?? []).map((stage) => [stage.id, stage.name]));

    return {
      contacts: contacts.map((contact) => ({ contact, company: named(companyNames, contact.companyId) })),
      companies,
      deals: deals.map((deal) => ({ deal, company: named(companyNames, deal.companyId), stageName: stageNames.get(deal.stage) ?? deal.stage })),
      leads,
      cases: cases.map((serviceCase) => ({
        case: serviceCase,
        contact: named(contactNames, serviceCase.contactId),
        company: named(companyNames, serviceCase.companyId),
      })),
    };
  }

  /** The live records of a kind that match, as they are now. */
  private async find<K extends Found>(kind: K, tenantId: string, query: SearchQuery, limit: number): Promise<RecordOf[K][]> {
    const ids = await this.store.search(tenantId, kind, queryFor(kind, query), limit);
    const records = await this.store.getMany(kind, tenantId, ids);
    // A term entry written by an index upgrade while the record changed may be stale: the record as read decides.
    return records.filter((record) => termsMatch(termsOf(kind, record), query));
  }
}

/**
 * Only the branches a kind has terms for, so no read is spent on a partition that cannot match: deals and cases are
 * found by words only (no phones, e-mails or codes to match whole), and only cases have a number. One word run together
 * is the word itself: its range is read once.
 */
function queryFor(kind: Found, query: SearchQuery): SearchQuery {
  const byWordsOnly = kind === 'deal' || kind === 'case';
  const compactIsTheWord = query.words.length === 1 && query.words[0] === query.compact;
  return { ...query, compact: byWordsOnly || compactIsTheWord ? null : query.compact, phone: byWordsOnly ? null : query.phone, number: kind === 'case' ? query.number : null };
}

function termsOf(kind: RecordKind, record: AnyRecord): string[] {
  const definition = kinds[kind] as { index?: (record: AnyRecord) => IndexParts };
  return definition.index?.(record).terms ?? [];
}
