import { z } from 'zod';
import { ACTIVITY_DURATION_MAX, ACTIVITY_NOTES_MAX, ACTIVITY_SUBJECT_MAX } from '../activities/activity-limits';
import { isKnownTimeZone } from '../appointments/calendar-time.rules';
import { DateSchema, IdSchema, SystemFieldsSchema, longText, patchSchemaOf, shortText } from '../common/record.schema';
import { MAX_DAY_OFFSET, MAX_PLAN_STEPS, planTargetKinds, plannedActivityKinds } from './activity-plan.rules';

/** One dated piece of work: "call on day 1", "check-in after 30 days". */
export const PlanStepSchema = z.strictObject({
  /** Days after the plan's start; 0 is the start itself. */
  dayOffset: z.number().int().min(0).max(MAX_DAY_OFFSET),
  kind: z.enum(plannedActivityKinds),
  subject: shortText(ACTIVITY_SUBJECT_MAX),
  notes: longText(ACTIVITY_NOTES_MAX).optional(),
  durationMinutes: z.number().int().min(0).max(ACTIVITY_DURATION_MAX).optional(),
});
export type PlanStep = z.infer<typeof PlanStepSchema>;

/** A manager's template of dated activities, applied to records to plan them for the records' owners. */
export const ActivityPlanInputSchema = z.strictObject({
  name: shortText(200),
  description: longText(2_000).optional(),
  steps: z.array(PlanStepSchema).min(1).max(MAX_PLAN_STEPS),
  ownerId: IdSchema.optional(),
});
export type ActivityPlanInput = z.input<typeof ActivityPlanInputSchema>;

export const ActivityPlanSchema = z.object({ ...ActivityPlanInputSchema.shape, ...SystemFieldsSchema.shape }).meta({ id: 'ActivityPlan' });
export type ActivityPlan = z.infer<typeof ActivityPlanSchema>;

export const ActivityPlanPatchSchema = patchSchemaOf(ActivityPlanInputSchema);
export type ActivityPlanPatch = z.input<typeof ActivityPlanPatchSchema>;

/** Whom a plan is for: one record, a team's open deals or companies, or the companies of a territory. */
export const PlanTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('record'), kind: z.enum(planTargetKinds), id: IdSchema }),
  z.strictObject({
    type: z.literal('team'),
    /** The team's name, as its members carry it. */
    team: shortText(100),
    /** The open deals its members own, or the companies they own. */
    records: z.enum(['openDeals', 'companies']),
  }),
  z.strictObject({ type: z.literal('territory'), territoryId: IdSchema }),
]);
export type PlanTarget = z.infer<typeof PlanTargetSchema>;

export const ApplyPlanSchema = z.strictObject({
  target: PlanTargetSchema,
  /** Day 0 of the plan (YYYY-MM-DD); the caller's today when absent. */
  start: DateSchema.optional(),
  /** The caller's time zone (IANA): days are theirs and steps are due at 09:00 in it; UTC when absent. */
  timeZone: z.string().max(64).refine(isKnownTimeZone, 'is not a time zone this server knows (e.g. Europe/Madrid)').optional(),
});
export type ApplyPlan = z.input<typeof ApplyPlanSchema>;

export const ApplyPlanResultSchema = z
  .object({
    /** The records the plan was applied to. */
    records: z.number().int(),
    /** Activities this apply planned (a retry with the same Idempotency-Key answers the first apply's figures). */
    created: z.number().int(),
    /** Activities the plan had already planned for these records from the same start (or that their owners deleted). */
    existing: z.number().int(),
    /** Who got the new activities, and how many each. */
    owners: z.array(z.object({ memberId: z.string(), name: z.string(), created: z.number().int() })),
    start: z.string(),
  })
  .meta({ id: 'ApplyPlanResult' });
export type ApplyPlanResult = z.infer<typeof ApplyPlanResultSchema>;
