import { defineKind, distinctValues } from '../kinds/kind-definition';
import { normalizeEmail } from '../email/email-address.rules';
import { searchTermsOf } from '../search/search-terms.rules';
import { LeadInputSchema, LeadPatchSchema, LeadSchema } from './lead.schema';
import { contactDisplayName } from '../contacts/contact.rules';

export const leadKind = defineKind(LeadSchema, {
  plural: 'leads',
  label: 'Lead',
  references: [
    { field: 'territoryId', kind: 'territory' },
    { field: 'campaignId', kind: 'campaign', link: true },
  ],
  timeline: true,
  title: (lead) => contactDisplayName(lead),
  // 2: leads name their campaign by id (`campaignId`); those that named it in words point at the campaign of that name.
  schemaVersion: 2,
  index: (lead) => {
    const emails = distinctValues([lead.email ? normalizeEmail(lead.email) : null]);
    return { emails, terms: searchTermsOf({ names: [lead.firstName, lead.lastName, lead.companyName], emails, phones: lead.phone ? [lead.phone.number] : [] }) };
  },
  api: {
    input: LeadInputSchema,
    patch: LeadPatchSchema,
    filters: ['ownerId'],
    example: { input: (text) => ({ lastName: `${text} Lead` }), patch: { firstName: 'Changed' } },
  },
});
