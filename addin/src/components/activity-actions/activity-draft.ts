import type { Activity } from '@rapport/shared/activities/activity.schema';
import { ACTIVITY_NOTES_MAX, ACTIVITY_SUBJECT_MAX } from '@rapport/shared/activities/activity-limits';
import { hasPriority, statusAfterOutcome } from '@rapport/shared/activities/activity-actions.rules';
import { fromWallTime, toWallTime } from '@rapport/shared/appointments/calendar-time.rules';
import type { ChangeInput } from '../../api/api-types';

// An activity's edit as the user types it (its time as the clock shows it in their zone), and the change it sends:
// only the fields the user changed, checked first with the limits the API applies.

export type ActivityDraft = { subject: string; date: string; time: string; notes: string; priority: string; outcome: string };
export type DraftField = keyof ActivityDraft;
/** Why a field cannot be sent: a message key with its parameters. */
export type DraftProblems = Partial<Record<DraftField, { key: 'record.problem.required' | 'record.problem.tooLong'; max?: number }>>;

export function draftOf(activity: Activity, timeZone: string): ActivityDraft {
  const { date, time } = toWallTime(activity.at, timeZone);
  return { subject: activity.subject, date, time, notes: activity.notes ?? '', priority: activity.priority ?? 'normal', outcome: activity.outcome ?? '' };
}

/** The change the draft makes to the activity, or the problems that keep it from being sent. */
export function changesOf(activity: Activity, draft: ActivityDraft, timeZone: string): { changes: ChangeInput<'activity'> } | { problems: DraftProblems } {
  const problems: DraftProblems = {};
  const subject = draft.subject.trim();
  if (subject === '') problems.subject = { key: 'record.problem.required' };
  else if (subject.length > ACTIVITY_SUBJECT_MAX) problems.subject = { key: 'record.problem.tooLong', max: ACTIVITY_SUBJECT_MAX };
  if (draft.notes.trim().length > ACTIVITY_NOTES_MAX) problems.notes = { key: 'record.problem.tooLong', max: ACTIVITY_NOTES_MAX };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) problems.date = { key: 'record.problem.required' };
  if (!/^\d{2}:\d{2}$/.test(draft.time)) problems.time = { key: 'record.problem.required' };
  if (Object.keys(problems).length > 0) return { problems };

  const changes: ChangeInput<'activity'> = {};
  if (subject !== activity.subject) changes.subject = subject;
  const before = draftOf(activity, timeZone);
  if (draft.date !== before.date || draft.time !== before.time) changes.at = fromWallTime({ date: draft.date, time: draft.time }, timeZone);
  const notes = draft.notes.trim();
  if (notes !== (activity.notes ?? '').trim()) changes.notes = notes === '' ? null : notes;
  if (hasPriority(activity) && draft.priority !== before.priority) changes.priority = draft.priority as Activity['priority'] & string;
  if (draft.outcome !== before.outcome) {
    if (draft.outcome === '') changes.outcome = null;
    else {
      changes.outcome = draft.outcome as Activity['outcome'] & string;
      changes.status = statusAfterOutcome(draft.outcome);
    }
  }
  return { changes };
}
