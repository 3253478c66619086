import { z } from 'zod';
import { DateSchema, IdSchema } from '../common/record.schema';
import { defineRoute } from '../contract/route';
import { goalPeriods } from '../goals/goal.rules';
import { CommissionStatementViewSchema } from './commission-statement.schema';

export const StatementQuerySchema = z.strictObject({
  /** Whose statement: the caller's when absent; a manager their team's, an admin anyone's. */
  memberId: IdSchema.optional(),
  /** A day of the period (today, the server's UTC day, when absent). */
  day: DateSchema.optional(),
});

export const commissionStatementRoute = defineRoute({
  name: 'commission-statement',
  method: 'GET',
  path: '/api/commissions/statement',
  summary: "A rep's commission statement for the plan period holding a day: the approved one, or a draft computed now (won deals, rates, adjustments to earlier approved statements, total)",
  tag: 'Commission',
  auth: 'user',
  query: StatementQuerySchema,
  success: { status: 200, schema: CommissionStatementViewSchema, description: 'The statement' },
  errors: [403, 404],
});

export const ApproveStatementSchema = z.strictObject({
  memberId: IdSchema,
  period: z.enum(goalPeriods),
  /** The period's first month. */
  start: z.string().max(7).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM'),
  /** The total the manager read: when the draft no longer adds up to it, nothing is approved. */
  totalMinor: z.number().int().min(-1e15).max(1e15),
});

export const approveStatementRoute = defineRoute({
  name: 'approve-commission-statement',
  method: 'POST',
  path: '/api/commissions/statements',
  summary: "Approve a rep's statement for a period as the manager read it: it is stored and never changes; a second approval is refused",
  tag: 'Commission',
  auth: 'user',
  role: 'manager',
  allows: 'approve commission statements',
  body: ApproveStatementSchema,
  success: { status: 201, schema: CommissionStatementViewSchema, description: 'The approved statement' },
  errors: [403, 404, 409, 422],
});

export const StatementListQuerySchema = z.strictObject({ memberId: IdSchema.optional() });

export const listStatementsRoute = defineRoute({
  name: 'list-commission-statements',
  method: 'GET',
  path: '/api/commissions/statements',
  summary: "A rep's approved statements, the latest period first (the caller's; a manager their team's, an admin anyone's)",
  tag: 'Commission',
  auth: 'user',
  query: StatementListQuerySchema,
  success: { status: 200, schema: z.object({ items: z.array(CommissionStatementViewSchema) }).meta({ id: 'CommissionStatementList' }), description: 'Approved statements' },
  errors: [403, 404],
});

export const DealCommissionSchema = z
  .object({
    dealId: IdSchema,
    memberId: IdSchema,
    /** No plan pays the deal's owner now: nothing else is filled. */
    planId: IdSchema.nullable(),
    planName: z.string().max(100).nullable(),
    period: z.enum(goalPeriods).nullable(),
    start: z.string().max(7).nullable(),
    currency: z.string().max(3),
    /** What the period's commission grows by if the deal is won now (tiers and the cap included). */
    payMinor: z.number().int(),
    /** That over the deal's won amount, in percent. */
    effectiveRate: z.number().nullable(),
    /** The cap took some of it. */
    capped: z.boolean(),
    /** The rep has no won-amount goal for the period: the first tier's rate pays. */
    noGoal: z.boolean(),
    /** The deal's currency has no rate: nothing can be said until an admin adds one. */
    missingRate: z.string().max(3).nullable(),
  })
  .meta({ id: 'DealCommission' });
export type DealCommission = z.infer<typeof DealCommissionSchema>;

export const dealCommissionRoute = defineRoute({
  name: 'deal-commission',
  method: 'GET',
  path: '/api/commissions/deals/{id}',
  summary: "What an open deal would pay its owner if it were won now, under the owner's plan (the owner, their manager or an admin)",
  tag: 'Commission',
  auth: 'user',
  params: z.strictObject({ id: IdSchema }),
  success: { status: 200, schema: DealCommissionSchema, description: 'What the deal pays' },
  errors: [403, 404],
});

export const TeamStatementsQuerySchema = z.strictObject({ day: DateSchema.optional() });

export const teamStatementsRoute = defineRoute({
  name: 'team-commission-statements',
  method: 'GET',
  path: '/api/commissions/team',
  summary: "Managers: each rep's statement (approved or draft) for the plan period holding a day, for the reps the caller manages",
  tag: 'Commission',
  auth: 'user',
  role: 'manager',
  allows: "see the team's commission statements",
  query: TeamStatementsQuerySchema,
  success: { status: 200, schema: z.object({ items: z.array(CommissionStatementViewSchema) }).meta({ id: 'TeamCommissionStatements' }), description: "The team's statements" },
  errors: [403],
});
