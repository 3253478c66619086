import { defineKind } from '../kinds/kind-definition';
import { CommissionPlanInputSchema, CommissionPlanPatchSchema, CommissionPlanSchema } from './commission-plan.schema';

export const commissionPlanKind = defineKind(CommissionPlanSchema, {
  plural: 'commission-plans',
  label: 'Commission plan',
  references: [
    { field: 'memberIds', kind: 'member' },
    { field: 'productRates', kind: 'product', key: 'productId' },
  ],
  timeline: false,
  schemaVersion: 1,
  title: (plan) => plan.name,
  api: {
    input: CommissionPlanInputSchema,
    patch: CommissionPlanPatchSchema,
    filters: [],
    // Admins set what the company pays; everyone reads the plans (a rep sees the rates that pay them).
    write: { role: 'admin', allows: 'set commission plans' },
    example: {
      input: (text, n) => ({ name: `${text} plan ${n}`, period: 'quarter', from: '2026-01', tiers: [{ fromPercent: 0, rate: 5 }, { fromPercent: 100, rate: 8 }] }),
      patch: { cap: 50_000 },
    },
  },
});
