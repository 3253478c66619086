import { z } from 'zod';
import { CaseSchema } from '../cases/case.schema';
import { RelatedNamesSchema } from './related-names.schema';
import { ActivitySchema } from '../activities/activity.schema';

const MAX_DAY_MS = 48 * 3600 * 1000;

// The client sends its own day's bounds: "today" is the user's day, in the user's time zone.
export const MyDayQuerySchema = z
  .strictObject({
    dayStart: z.iso.datetime({ offset: true }),
    dayEnd: z.iso.datetime({ offset: true }),
  })
  .refine((query) => Date.parse(query.dayEnd) > Date.parse(query.dayStart), { message: 'dayEnd must be after dayStart', path: ['dayEnd'] })
  .refine((query) => Date.parse(query.dayEnd) - Date.parse(query.dayStart) <= MAX_DAY_MS, { message: 'a day spans at most 48 hours', path: ['dayEnd'] });
export type MyDayQuery = z.output<typeof MyDayQuerySchema>;

export const MyDayResponseSchema = z.object({
  /** Meetings today, earliest first. */
  appointments: z.array(ActivitySchema),
  /** Planned tasks due before today, most recent first. */
  overdueTasks: z.array(ActivitySchema),
  /** Planned tasks due today, earliest first. */
  dueTodayTasks: z.array(ActivitySchema),
  /** Planned activities of every kind that need attention. */
  counters: z.object({ overdue: z.number(), dueToday: z.number(), nextSevenDays: z.number() }),
  /** True when a counter reached its bound and shows a lower limit ("100+"). */
  capped: z.boolean(),
  /** The planned activities of the next seven days that `counters.nextSevenDays` counts, earliest first (absent from servers of the previous release). */
  nextSevenDays: z.array(ActivitySchema).optional(),
  /** The names of what the activities above point at (absent from servers of the previous release). */
  related: RelatedNamesSchema.optional(),
  /**
   * The caller's open cases against their service levels: how many breached a due time and how many come due within
   * BREACH_SOON_HOURS, and those cases, the most urgent first (absent from servers of the previous release).
   */
  serviceLevels: z
    .object({
      breached: z.number(),
      soon: z.number(),
      cases: z.array(z.object({ case: CaseSchema, state: z.enum(['soon', 'breached']), what: z.enum(['response', 'resolution']), dueAt: z.string() })),
    })
    .optional(),
});
export type MyDayResponse = z.infer<typeof MyDayResponseSchema>;
