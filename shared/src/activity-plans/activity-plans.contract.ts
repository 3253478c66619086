import { IdParamsSchema } from '../contract/common.schema';
import { defineRoute } from '../contract/route';
import { ApplyPlanResultSchema, ApplyPlanSchema } from './activity-plan.schema';

export const applyActivityPlanRoute = defineRoute({
  name: 'apply-activity-plan',
  method: 'POST',
  path: '/api/activity-plans/{id}/apply',
  summary:
    "Apply a plan to a record, a team's open deals or companies, or a territory's companies: one planned activity per step and record, owned by the record's owner and due at the start plus the step's days (a weekend's moved to Monday); applying it again from the same start plans nothing twice, and a retry with the same Idempotency-Key answers the first apply's figures",
  tag: 'Activity plan',
  auth: 'user',
  role: 'manager',
  allows: 'apply activity plans',
  params: IdParamsSchema,
  body: ApplyPlanSchema,
  success: { status: 200, schema: ApplyPlanResultSchema, description: 'How many activities were planned, for whom, and how many were already there' },
  errors: [403, 409, 413, 422],
  idempotent: true,
});
