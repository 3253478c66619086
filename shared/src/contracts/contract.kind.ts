import { defineKind } from '../kinds/kind-definition';
import { contractReference } from './contract.rules';
import { ContractInputSchema, ContractPatchSchema, ContractSchema } from './contract.schema';

export const contractKind = defineKind(ContractSchema, {
  plural: 'contracts',
  label: 'Contract',
  references: [
    { field: 'companyId', kind: 'company', link: true },
    { field: 'covered', kind: 'product', key: 'productId' },
  ],
  timeline: false,
  numbered: { field: 'number' },
  schemaVersion: 1,
  title: (contract) => contractReference(contract),
  // Listed by their end, the latest first; open unless cancelled, so a company's contracts in force are one bounded
  // read of those ending from today on (upcoming, active or ended follows from the dates, not the index).
  index: (contract) => ({ isOpen: !contract.cancelled, sortAt: `${contract.endDate}T00:00:00.000Z` }),
  api: {
    input: ContractInputSchema,
    patch: ContractPatchSchema,
    filters: ['ownerId', 'companyId'],
    example: {
      input: (text) => ({
        companyId: 'example-company',
        name: `${text} Premium support`,
        covered: [{ name: 'Hotline' }],
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        serviceLevel: { name: 'Premium', responseHours: 4 },
        value: { amount: 1200, currency: 'EUR', period: 'month' },
      }),
      patch: { notes: 'Call the site manager before any visit' },
    },
  },
});
