import { languageOfCountry, type Contact, type MemberLanguage } from '@rapport/shared';
import type { Store } from '../store/store';

/**
 * The language a customer reads what the tenant sends them (a quote, a survey): the contact's own, else their
 * company's country's, else `fallback` (the tenant's quote language).
 */
export async function customerLanguageOf(store: Store, tenantId: string, contact: Contact | null, companyId: string | undefined, fallback: MemberLanguage): Promise<MemberLanguage> {
  if (contact?.language) return contact.language;
  const company = companyId ? await store.get('company', tenantId, companyId) : null;
  return languageOfCountry(company?.address?.country) ?? fallback;
}
