import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, patchSchemaOf, shortText } from '../common/record.schema';
import { activityKinds } from '../activities/activity.schema';
import { allGoalPeriods, goalMetrics, goalScopes, isPeriodStart, isWeekStart, weeklyGoalMetrics } from './goal.rules';

// A period's first month (YYYY-MM), or a week's Monday (YYYY-MM-DD); which one the period says (see checkGoal).
const PeriodStartSchema = z.string().max(10).regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a month as YYYY-MM, or a week’s Monday as YYYY-MM-DD');
// Amounts in the reporting currency's major units, or counts.
const TargetSchema = z.number().finite().min(0).max(1e12);

const GoalFields = {
  /** A rep's own goal, a team's (set by hand: otherwise the sum of its reps'), or the whole company's. */
  scope: z.enum(goalScopes),
  /** The rep, for a rep's goal. */
  memberId: IdSchema.optional(),
  /** The team's name (as members carry it), for a team's goal. */
  team: shortText(100).optional(),
  /** The territory, for a territory's goal: its figures are its assigned reps'. */
  territoryId: IdSchema.optional(),
  metric: z.enum(goalMetrics),
  /** For `activities`: which kind counts (calls, meetings…); done ones only. */
  activityKind: z.enum(activityKinds).optional(),
  /** A week (Monday to Sunday) only for a rep's activities: their weekly target. */
  period: z.enum(allGoalPeriods),
  /**
   * The period's first month: any month; a quarter's in January, April, July or October; a year's in January. A week's
   * Monday as YYYY-MM-DD.
   */
  start: PeriodStartSchema,
  /** For `wonAmount`, in the tenant's reporting currency; a count for the others. */
  target: TargetSchema,
  /** A higher target to reach for, shown beside the goal. */
  stretch: TargetSchema.optional(),
};

type GoalShape = { scope: string; memberId?: string | undefined; team?: string | undefined; territoryId?: string | undefined; metric: string; activityKind?: string | undefined; period: 'week' | 'month' | 'quarter' | 'year'; start: string; target: number; stretch?: number | undefined };

/** The fields a goal needs together: whom it is for, what it counts, and when its period may start. */
function checkGoal(goal: GoalShape, context: z.RefinementCtx): void {
  if (goal.scope === 'rep' && !goal.memberId) context.addIssue({ code: 'custom', message: 'a rep’s goal names the rep', path: ['memberId'] });
  if (goal.scope !== 'rep' && goal.memberId) context.addIssue({ code: 'custom', message: 'only a rep’s goal names a rep', path: ['memberId'] });
  if (goal.scope === 'team' && !goal.team) context.addIssue({ code: 'custom', message: 'a team’s goal names the team', path: ['team'] });
  if (goal.scope !== 'team' && goal.team) context.addIssue({ code: 'custom', message: 'only a team’s goal names a team', path: ['team'] });
  if (goal.scope === 'territory' && !goal.territoryId) context.addIssue({ code: 'custom', message: 'a territory’s goal names the territory', path: ['territoryId'] });
  if (goal.scope !== 'territory' && goal.territoryId) context.addIssue({ code: 'custom', message: 'only a territory’s goal names a territory', path: ['territoryId'] });
  if (goal.metric === 'activities' && !goal.activityKind) context.addIssue({ code: 'custom', message: 'an activities goal says which kind counts', path: ['activityKind'] });
  if (goal.metric !== 'activities' && goal.activityKind) context.addIssue({ code: 'custom', message: 'only an activities goal has a kind', path: ['activityKind'] });
  if (goal.period === 'week') {
    if (!isWeekStart(goal.start)) context.addIssue({ code: 'custom', message: `a week starts on a Monday, as YYYY-MM-DD (${goal.start} is not one)`, path: ['start'] });
    if (!weeklyGoalMetrics.includes(goal.metric as never)) context.addIssue({ code: 'custom', message: 'only an activities goal can be set per week', path: ['period'] });
    if (goal.scope !== 'rep') context.addIssue({ code: 'custom', message: 'a weekly target is a rep’s', path: ['scope'] });
  } else if (goal.start.length !== 7 || !isPeriodStart(goal.period, goal.start)) {
    context.addIssue({ code: 'custom', message: `a ${goal.period} cannot start in ${goal.start}`, path: ['start'] });
  }
  if (goal.stretch !== undefined && goal.stretch < goal.target) context.addIssue({ code: 'custom', message: 'a stretch target is at least the target', path: ['stretch'] });
}

export const GoalInputSchema = z.strictObject({ ...GoalFields, ownerId: IdSchema.optional() }).superRefine(checkGoal);
export type GoalInput = z.input<typeof GoalInputSchema>;

export const GoalSchema = z.object({ ...GoalFields, ...SystemFieldsSchema.shape }).meta({ id: 'Goal' });
export type Goal = z.infer<typeof GoalSchema>;

/** Only the targets change: a goal for another rep, metric or period is another goal. */
export const GoalPatchSchema = patchSchemaOf(z.strictObject({ target: TargetSchema, stretch: TargetSchema.optional() }));
export type GoalPatch = z.input<typeof GoalPatchSchema>;

/** One goal per whom, what and period in a tenant: setting it again is a 409 naming the one there is. */
export function goalRef(goal: Pick<Goal, 'scope' | 'memberId' | 'team' | 'territoryId' | 'metric' | 'activityKind' | 'period' | 'start'>): string {
  const who =
    goal.scope === 'rep' ? `rep:${goal.memberId ?? ''}` : goal.scope === 'team' ? `team:${(goal.team ?? '').toLowerCase()}` : goal.scope === 'territory' ? `territory:${goal.territoryId ?? ''}` : 'tenant';
  return `goal:${who}|${goal.metric}${goal.activityKind ? `:${goal.activityKind}` : ''}|${goal.period}|${goal.start}`;
}

