import { defineKind, distinctValues } from '../kinds/kind-definition';
import { normalizeDomain } from '../email/email-address.rules';
import { searchTermsOf } from '../search/search-terms.rules';
import { CompanyInputSchema, CompanyPatchSchema, CompanySchema } from './company.schema';

export const companyKind = defineKind(CompanySchema, {
  plural: 'companies',
  label: 'Company',
  references: [{ field: 'parentCompanyId', kind: 'company', link: true }],
  timeline: true,
  title: (company) => company.name,
  schemaVersion: 1,
  index: (company) => {
    const domains = distinctValues(company.domains.map(normalizeDomain));
    return {
      domains,
      terms: searchTermsOf({ names: [company.name], domains, phones: company.phones.map((phone) => phone.number), customerNumber: company.customerNumber }),
    };
  },
  api: {
    input: CompanyInputSchema,
    patch: CompanyPatchSchema,
    filters: ['ownerId'],
    example: { input: (text) => ({ name: `${text} Company`, domains: ['example.com'] }), patch: { website: 'https://example.com' } },
  },
});
