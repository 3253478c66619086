import { contactDisplayName, parseSearchQuery, type SearchResponse } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { Store } from '../store/store';

// A company found by name brings its people along, as a rep searching "Contoso" expects.
const COMPANIES_EXPANDED = 3;

/** Finds contacts and companies by name, e-mail, phone in any format, customer number or company name. */
export class SearchService {
  constructor(private readonly store: Store) {}

  async search(principal: Principal, text: string, limit: number): Promise<SearchResponse> {
    const query = parseSearchQuery(text);
    if (!query) return { contacts: [], companies: [] };
    const { tenantId } = principal;
    const [contactIds, companyIds] = await Promise.all([
      this.store.search(tenantId, 'contact', query, limit),
      this.store.search(tenantId, 'company', query, limit),
    ]);
    const companies = await this.store.getMany('company', tenantId, companyIds);
    companies.sort((a, b) => a.name.localeCompare(b.name));

    const contacts = await this.store.getMany('contact', tenantId, contactIds);
    contacts.sort((a, b) => contactDisplayName(a).localeCompare(contactDisplayName(b)));
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

    const companyNames = new Map(companies.map((company) => [company.id, company.name]));
    const missing = contacts.map((contact) => contact.companyId).filter((id): id is string => !!id && !companyNames.has(id));
    for (const company of await this.store.getMany('company', tenantId, missing)) companyNames.set(company.id, company.name);
    return {
      contacts: contacts.map((contact) => {
        const name = contact.companyId ? companyNames.get(contact.companyId) : undefined;
        return { contact, company: contact.companyId && name ? { id: contact.companyId, name } : null };
      }),
      companies,
    };
  }
}
