import { commissionPlanProblems, invalidField, type CommissionPlan } from '@rapport/shared';
import type { KindHooks } from './kind-hooks';

export const commissionPlanHooks: KindHooks<'commissionPlan'> = {
  // A create's schema checks the fields together; a change is checked here, on the plan as it will be.
  prepare: (fields) => {
    const [problem] = commissionPlanProblems(fields as CommissionPlan);
    if (problem) throw invalidField('COMMISSION.INVALID_PLAN', problem.path.join('.'), `This plan cannot be saved: ${problem.message}.`);
    return fields;
  },
};
