import { companyDomainOf, companyNameKey, parseSearchQuery, type Company } from '@rapport/shared';
import type { Store } from '../store/store';

// Companies read when matching a name: search finds them by words, and the names are then compared whole.
const COMPANY_NAME_CANDIDATES = 20;

/**
 * The company a person belongs to: the one of their e-mail's domain (never a free-mail one), else the one whose
 * name is the given company name, legal form aside ("Contoso Ltd." is "Contoso"). Null when none is.
 */
export async function findCompanyFor(store: Store, tenantId: string, person: { email?: string | undefined; companyName?: string | undefined }): Promise<Company | null> {
  const domain = companyDomainOf(person.email);
  if (domain) {
    const ids = (await store.findCompanyIdsByDomains(tenantId, [domain])).get(domain) ?? [];
    const [byDomain] = await store.getMany('company', tenantId, ids.slice(0, 1));
    if (byDomain) return byDomain;
  }
  const query = person.companyName ? parseSearchQuery(person.companyName) : null;
  if (!query || !person.companyName) return null;
  const wanted = companyNameKey(person.companyName);
  const candidates = await store.getMany('company', tenantId, await store.search(tenantId, 'company', query, COMPANY_NAME_CANDIDATES));
  return candidates.find((candidate) => companyNameKey(candidate.name) === wanted) ?? null;
}
