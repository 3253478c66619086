import { periodStartOf, type CommissionPlan } from '@rapport/shared';
import type { DemoData } from './demo-data';

// The demo's commission plan, set by its admin: every rep earns 5 % of what they win up to their monthly goal and 8 %
// beyond it, and the first product of the catalog pays 10 % whatever the tier, so the pane shows what each open deal
// would pay and the dashboard a statement to approve.

export function demoCommissionPlans(data: DemoData, now: Date): CommissionPlan[] {
  const admin = data.members.find((member) => member.role === 'admin');
  if (!admin) return [];
  const from = periodStartOf('year', now.toISOString().slice(0, 10));
  const at = `${from}-01T08:00:00.000Z`;
  const reps = data.members.filter((member) => member.role === 'rep' && !member.deactivated);
  const product = data.products[0];
  return [
    {
      tenantId: data.tenantId,
      id: `${data.tenantId.slice(0, 24)}-commission-plan-field`,
      createdAt: at,
      createdBy: admin.id,
      updatedAt: at,
      updatedBy: admin.id,
      ownerId: admin.id,
      version: 1,
      name: 'Field sales',
      memberIds: reps.map((rep) => rep.id),
      period: 'month',
      from,
      tiers: [
        { fromPercent: 0, rate: 5 },
        { fromPercent: 100, rate: 8 },
      ],
      mode: 'marginal',
      productRates: product ? [{ productId: product.id, rate: 10 }] : [],
      expensesReduceBase: false,
    },
  ];
}
