import { addDays, fromWallTime, weekdayOf } from '../appointments/calendar-time.rules';

// When a plan's steps fall: plain date arithmetic, no schema (the pane imports it without zod).

/** The activity kinds a plan may hold: the ones someone does on a day (a note is written, not planned). */
export const plannedActivityKinds = ['call', 'meeting', 'task', 'email'] as const;
export type PlannedActivityKind = (typeof plannedActivityKinds)[number];

/** The kinds of record a plan is applied to one at a time. */
export const planTargetKinds = ['contact', 'company', 'deal', 'lead', 'case'] as const;
export type PlanTargetKind = (typeof planTargetKinds)[number];

/** Steps in a plan, days a step may wait, records and activities one apply plans at most. */
export const MAX_PLAN_STEPS = 50;
export const MAX_DAY_OFFSET = 365;
export const MAX_RECORDS_PER_APPLY = 200;
export const MAX_ACTIVITIES_PER_APPLY = 1_000;

/** The hour a planned step is due at on its day, in the caller's time zone (the start of the working day). */
export const PLANNED_STEP_TIME = '09:00';

/**
 * The day a step is due: `dayOffset` days after the plan's start (day 0 is the start itself), moved on to the Monday when
 * it falls on a Saturday or a Sunday, so nobody is given work on a weekend.
 */
export function stepDay(start: string, dayOffset: number): string {
  const day = addDays(start, dayOffset);
  const weekday = weekdayOf(day);
  return weekday === 6 ? addDays(day, 2) : weekday === 0 ? addDays(day, 1) : day;
}

/** The instant a step is due: its day at 09:00 in the caller's time zone (ISO, UTC). */
export function stepDueAt(start: string, dayOffset: number, timeZone: string): string {
  return fromWallTime({ date: stepDay(start, dayOffset), time: PLANNED_STEP_TIME }, timeZone);
}
