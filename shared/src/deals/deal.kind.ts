import { defineKind } from '../kinds/kind-definition';
import { searchTermsOf } from '../search/search-terms.rules';
import { DealInputSchema, DealPatchSchema, DealSchema } from './deal.schema';

export const dealKind = defineKind(DealSchema, {
  plural: 'deals',
  label: 'Deal',
  references: [
    { field: 'companyId', kind: 'company', link: true },
    { field: 'contactIds', kind: 'contact', link: true },
    { field: 'lineItems', kind: 'product', key: 'productId' },
    { field: 'campaignId', kind: 'campaign', link: true },
  ],
  timeline: true,
  title: (deal) => deal.name,
  // 2: deals say whether their amount was set by hand.
  schemaVersion: 2,
  // Found by the words of its name (its company is found as a company).
  index: (deal) => ({ isOpen: deal.status === 'open', terms: searchTermsOf({ names: [deal.name] }) }),
  api: {
    input: DealInputSchema,
    patch: DealPatchSchema,
    filters: ['ownerId', 'companyId', 'contactId'],
    example: { input: (text) => ({ name: `${text} Deal`, stage: 'proposal', amount: 1000 }), patch: { amount: 2000 } },
  },
});
