import { z } from 'zod';
import { RelatedNamesSchema } from './related-names.schema';
import { ActivitySchema } from '../activities/activity.schema';

const MAX_RANGE_MS = 35 * 24 * 3600 * 1000;

/** A stretch of the calendar (a day, a week; at most 35 days) and whose appointments: mine, or my team's. */
export const AppointmentsQuerySchema = z
  .strictObject({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    scope: z.enum(['mine', 'team']).default('mine'),
  })
  .refine((query) => Date.parse(query.to) > Date.parse(query.from), { message: 'to must be after from', path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= MAX_RANGE_MS, { message: 'a calendar range spans at most 35 days', path: ['to'] });
export type AppointmentsQuery = z.output<typeof AppointmentsQuerySchema>;

export const AppointmentsResponseSchema = z.object({
  /** Meetings in the range, earliest first, cancelled ones included (marked by their status). */
  appointments: z.array(ActivitySchema),
  /** Display names of the appointments' owners, by member id. */
  owners: z.record(z.string(), z.object({ displayName: z.string() })),
  /** True when someone had more appointments in the range than one answer holds. */
  capped: z.boolean(),
  /** The names of the contacts, companies and other records the appointments point at (absent from servers of the previous release). */
  related: RelatedNamesSchema.optional(),
});
export type AppointmentsResponse = z.infer<typeof AppointmentsResponseSchema>;
