// Plain data and rules, no schema: the task pane imports this without loading zod.

/** Outcomes that say what happened in a meeting or call, so they can be logged only once it has started. */
export const outcomesAfterStart = ['held', 'no-show', 'connected', 'left-voicemail', 'no-answer'] as const;

/** Whether `outcome` may be logged for an activity starting `at`, at `now` (ISO timestamps): a meeting is not held before it starts. */
export function outcomeAllowedAt(outcome: string, at: string, now: string | Date): boolean {
  if (!(outcomesAfterStart as readonly string[]).includes(outcome)) return true;
  return Date.parse(at) <= (typeof now === 'string' ? Date.parse(now) : now.getTime());
}

/** How far a caller's clock may run ahead of the server's when logging a meeting that has just started. */
export const OUTCOME_CLOCK_GRACE_MS = 2 * 60_000;

/** When an activity ends: its start plus its duration (none is an instant). */
export function activityEnd(activity: { at: string; durationMinutes?: number | undefined }): Date {
  return new Date(Date.parse(activity.at) + (activity.durationMinutes ?? 0) * 60_000);
}

/** The outcomes a rep picks from when logging a call, or a meeting that already happened. */
export const loggedOutcomes = {
  call: ['connected', 'left-voicemail', 'no-answer'],
  meeting: ['held', 'no-show', 'rescheduled', 'cancelled'],
} as const;
export type LoggedKind = keyof typeof loggedOutcomes;
export type LoggedOutcome = (typeof loggedOutcomes)[LoggedKind][number];
