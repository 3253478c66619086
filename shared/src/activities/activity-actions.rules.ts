import type { ActivityKind, ActivityStatus } from './activity.schema';

// What can be done with one activity where it is listed, as plain rules the task pane imports without zod. Who may do
// it is the API's rule (canEditRecord); these say what makes sense for the activity itself.

type Acted = { kind: ActivityKind; status: ActivityStatus };

type Booked = { graphEventId?: string | undefined; iCalUId?: string | undefined };

/** The outcomes an activity's edit offers, by kind: what happened in a call or a meeting; none for the others. */
export const editableOutcomes: Partial<Record<ActivityKind, readonly string[]>> = {
  call: ['connected', 'left-voicemail', 'no-answer'],
  meeting: ['held', 'no-show', 'rescheduled', 'cancelled'],
};

/** Only a planned task is snoozed: its due date moves on. */
export function canSnooze(activity: Acted): boolean {
  return activity.kind === 'task' && activity.status === 'planned';
}

/** Whether its edit offers a priority (tasks). */
export function hasPriority(activity: Pick<Acted, 'kind'>): boolean {
  return activity.kind === 'task';
}

/** The status an outcome leaves an activity in: a cancelled meeting is cancelled, any other outcome says it happened. */
export function statusAfterOutcome(outcome: string): ActivityStatus {
  return outcome === 'cancelled' ? 'cancelled' : 'done';
}

/**
 * Whether it is an event of the user's calendar (booked through Outlook or Graph): its time and its existence belong to
 * the calendar, so the pane's menu neither moves nor deletes it (the CRM's copy would drift from the invitation the
 * attendees have); its outcome and notes are the CRM's to change.
 */
export function isCalendarEvent(activity: Booked): boolean {
  return Boolean(activity.graphEventId || activity.iCalUId);
}
