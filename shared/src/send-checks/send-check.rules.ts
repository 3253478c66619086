// Plain data and pure rules, no schema: the event runtime (addin/src/events) and the pane import these without zod.
import { caseIsOpen, type CaseStatus } from '../cases/case-kinds';

/** The most recipients (to, cc and bcc together) one send check looks at. */
export const MAX_SEND_CHECK_RECIPIENTS = 100;

/** A deal with no activity for more than this many days is flagged when the tenant has not chosen another number. */
export const DEFAULT_STALE_DEAL_DAYS = 14;
export const STALE_DEAL_DAYS_MIN = 1;
export const STALE_DEAL_DAYS_MAX = 365;

/**
 * What a send check can say about a message's recipients, in the order the alert shows them. A recipient on the
 * never-log list while Log on send is on is not among them yet: both come with logging after send (issue 19, part 3).
 */
export const sendAlertKinds = ['not-in-crm', 'urgent-case', 'overdue-promise', 'stale-deal'] as const;
export type SendAlertKind = (typeof sendAlertKinds)[number];

const DAY_MS = 24 * 3600 * 1000;

/** A planned task whose due time has passed: something promised to the recipient that is late. */
export function isOverduePromise(activity: { kind: string; status: string; at: string }, now: Date): boolean {
  return activity.kind === 'task' && activity.status === 'planned' && Date.parse(activity.at) < now.getTime();
}

/**
 * When a deal was last worked on: its latest activity up to now, else when it entered its stage or was created, whichever
 * is latest (a deal created or moved on yesterday is not stale for lack of a logged call).
 */
export function dealLastWorkedAt(deal: { createdAt: string; stageHistory?: readonly { enteredAt: string }[] | undefined }, latestActivityAt: string | null): string {
  const times = [deal.createdAt, ...(deal.stageHistory ?? []).map((entry) => entry.enteredAt), ...(latestActivityAt ? [latestActivityAt] : [])];
  return times.reduce((latest, time) => (Date.parse(time) > Date.parse(latest) ? time : latest));
}

/** Whether an open deal last worked on at `lastWorkedAt` has gone more than `days` days without activity. */
export function isStaleDeal(lastWorkedAt: string, days: number, now: Date): boolean {
  return now.getTime() - Date.parse(lastWorkedAt) > days * DAY_MS;
}

/** Whole days since `at` (for the alert: "no activity for 23 days"). */
export function daysSince(at: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(at)) / DAY_MS);
}

/** An open case marked urgent: the rep should know before writing to its people about anything else. */
export function isUrgentCase(serviceCase: { priority: string; status: CaseStatus }): boolean {
  return serviceCase.priority === 'urgent' && caseIsOpen(serviceCase.status);
}
