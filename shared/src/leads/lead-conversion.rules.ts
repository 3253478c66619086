import { isFreeMailDomain } from '../email/free-mail-domains';

const fold = (value: string) => value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
// Legal forms say nothing about which company it is: "Contoso Ltd." is "Contoso".
const legalForms = new Set(['inc', 'ltd', 'llc', 'gmbh', 'sa', 'srl', 'spa', 'lda', 'bv', 'ag', 'plc', 'co', 'corp', 'corporation', 'limited', 'company']);

/** A company name reduced to what identifies it, for matching a lead's company to an existing one. */
export function companyNameKey(name: string): string {
  return fold(name)
    .split(' ')
    .filter((word) => word && !legalForms.has(word))
    .join(' ');
}

/** The company domain of a lead's e-mail, or null for free-mail addresses (gmail.com names no company). */
export function companyDomainOf(email: string | undefined): string | null {
  const domain = email?.split('@')[1]?.toLowerCase();
  return domain && !isFreeMailDomain(domain) ? domain : null;
}
