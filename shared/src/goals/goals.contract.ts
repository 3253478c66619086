import { z } from 'zod';
import { DateSchema } from '../common/record.schema';
import { defineRoute } from '../contract/route';
import { GoalInputSchema, GoalSchema } from './goal.schema';
import { allGoalPeriods, MAX_GOALS_PER_BATCH } from './goal.rules';
import { GoalBandsSchema } from '../settings/tenant-settings.schema';

export const AttainmentQuerySchema = z.strictObject({
  period: z.enum(allGoalPeriods).default('month'),
  /** A day of the period (the caller's today when absent: the server's UTC day). */
  day: DateSchema.optional(),
  /** `team`: every rep's attainment, for managers. */
  view: z.enum(['mine', 'team']).default('mine'),
});

const ProgressSchema = z.object({
  /** The goal as set, or (a team's or the company's without one of its own) the sum of its reps' goals. */
  goal: GoalSchema.pick({ scope: true, memberId: true, team: true, territoryId: true, metric: true, activityKind: true, period: true, start: true, target: true, stretch: true }),
  /** A territory's name, for a territory's goal. */
  territoryName: z.string().max(200).optional(),
  /** The goal's id; absent for a sum of reps' goals. */
  goalId: z.string().optional(),
  actual: z.number(),
  ratio: z.number().nullable(),
  stretchRatio: z.number().nullable(),
  projected: z.number(),
  paceRatio: z.number().nullable(),
  /** Currencies of won deals without a rate: their amounts are not in `actual`. */
  missingCurrencies: z.array(z.string()),
});
export type GoalProgress = z.infer<typeof ProgressSchema>;

export const AttainmentSchema = z
  .object({
    period: z.enum(allGoalPeriods),
    /** The period's first month, or a week's Monday (YYYY-MM-DD). */
    start: z.string(),
    /** The first day after the period. */
    ends: z.string(),
    reportingCurrency: z.string(),
    /** The colours of the pace a manager set: orange below `warningBelow` %, green from `successFrom` %. */
    bands: GoalBandsSchema,
    /** The caller's own goals (view `mine`), or every rep's (view `team`). */
    reps: z.array(ProgressSchema),
    /** The caller's team's (view `mine`), or every team's (view `team`); none for a week (weekly targets are reps'). */
    teams: z.array(ProgressSchema),
    /** The territories the caller covers (view `mine`), or every territory with goals (view `team`); none for a week. */
    territories: z.array(ProgressSchema),
    company: z.array(ProgressSchema),
  })
  .meta({ id: 'Attainment' });
export type Attainment = z.infer<typeof AttainmentSchema>;

export const attainmentRoute = defineRoute({
  name: 'goal-attainment',
  method: 'GET',
  path: '/api/goals/attainment',
  summary: "Goals and how far along they are in a period: the caller's, their team's and the company's (as benchmarks), with the pace; view=team (managers) gives every rep's and team's",
  tag: 'Goal',
  auth: 'user',
  query: AttainmentQuerySchema,
  success: { status: 200, schema: AttainmentSchema, description: 'Attainment in the period' },
  errors: [403],
});


export { MAX_GOALS_PER_BATCH };

export const GoalBatchSchema = z.strictObject({
  goals: z.array(GoalInputSchema).min(1).max(MAX_GOALS_PER_BATCH),
});

export const GoalBatchResultSchema = z
  .object({
    created: z.number().int(),
    /** Goals there were whose target or stretch changed. */
    changed: z.number().int(),
    /** Goals there were, already as given. */
    unchanged: z.number().int(),
    /** Goals not set, each by its place in the batch, with the API's code and why. */
    rejected: z.array(z.object({ index: z.number().int(), code: z.string(), message: z.string() })),
  })
  .meta({ id: 'GoalBatchResult' });
export type GoalBatchResult = z.infer<typeof GoalBatchResultSchema>;

export const setGoalsRoute = defineRoute({
  name: 'set-goals',
  method: 'POST',
  path: '/api/goals/batch',
  summary: 'Set many goals at once (a grid, a CSV file): each is created, or the one there is for the same whom, what and period gets its target and stretch; sending the batch again changes nothing',
  tag: 'Goal',
  auth: 'user',
  role: 'manager',
  allows: 'set goals',
  body: GoalBatchSchema,
  success: { status: 200, schema: GoalBatchResultSchema, description: 'What the batch created and changed, and what it could not set' },
  errors: [403, 413],
});
