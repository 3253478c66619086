import { useEffect, useState } from 'react';
import type { Activity } from '@rapport/shared';
import { activityEnd, outcomeAllowedAt } from '@rapport/shared/activities/activity-outcomes';
import { isApiError } from '../api/api-error';
import { useLatestRecord } from '../data/latest';
import { useChangeRecord, useCreateRecord } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { localDate } from '../data/today';
import { markEventLogged } from '../office/event-logged';
import type { LogOutcomeFormProps } from './LogOutcomeForm';

// Timers longer than this fire at once in browsers (a signed 32-bit delay): a meeting further off is never waited for.
const MAX_TIMER_MS = 2 ** 31 - 1;

export const OUTCOMES = ['held', 'no-show', 'rescheduled', 'cancelled'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type NextStep = 'none' | 'task' | 'appointment';

/** Whether the meeting has started: held and no-show wait until then, and unlock then if the pane stays open. */
function useStarted(at: string): boolean {
  const [started, setStarted] = useState(() => outcomeAllowedAt('held', at, new Date()));
  useEffect(() => {
    if (started) return undefined;
    const wait = Date.parse(at) - Date.now();
    if (wait > MAX_TIMER_MS) return undefined;
    const timer = setTimeout(() => setStarted(true), Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [started, at]);
  return started;
}

/**
 * The outcome form's state: what the rep enters, and its two writes — the appointment's outcome (at the version read)
 * and, when asked for, a follow-up task. The outcome is saved once: Retry after a failed follow-up only creates the
 * task, with the same idempotency key.
 */
export function useLogOutcomeForm({ appointment: known, onSaved, openInOutlook = false }: LogOutcomeFormProps) {
  const { t, date } = useI18n();
  const errorText = useErrorText();
  const { record: appointment, query } = useLatestRecord('activity', known);
  const change = useChangeRecord('activity');
  const create = useCreateRecord('activity');
  const started = useStarted(appointment.at);
  const ends = activityEnd(appointment);
  const [outcome, setOutcome] = useState<Outcome | null>(started ? 'held' : null);
  const [notes, setNotes] = useState(appointment.notes ?? '');
  const [next, setNext] = useState<NextStep>('none');
  const [taskSubject, setTaskSubject] = useState(() => t('outcome.taskSubject', { subject: appointment.subject }));
  // A follow-up comes after the meeting: by default the day after it ends (or after today, if that is later).
  const [due, setDue] = useState(() => localDate(new Date(Math.max(ends.getTime(), Date.now()) + 86_400_000)));
  const saved: Activity | undefined = change.data;

  const save = async () => {
    if (!outcome) return;
    try {
      if (!saved) {
        const changes = { status: outcome === 'cancelled' ? ('cancelled' as const) : ('done' as const), outcome, ...(notes.trim() ? { notes: notes.trim() } : {}) };
        await change.mutateAsync({ id: appointment.id, changes, version: appointment.version, previous: appointment });
        // The CRM has the outcome; the label of Outlook mobile's Log card only follows it, so a failure here is no error.
        if (openInOutlook) void markEventLogged().catch((failure: unknown) => console.debug('Outlook did not keep the EventLogged property', failure));
      }
      if (next === 'task') {
        await create.mutateAsync({
          input: {
            kind: 'task',
            subject: taskSubject.trim() || t('outcome.taskSubject', { subject: appointment.subject }),
            // 09:00 on the day chosen, and never before the meeting ends.
            at: new Date(Math.max(new Date(`${due}T09:00:00`).getTime(), ends.getTime())).toISOString(),
            status: 'planned',
            priority: 'normal',
            contactIds: appointment.contactIds,
            ...(appointment.companyId ? { companyId: appointment.companyId } : {}),
            ...(appointment.dealId ? { dealId: appointment.dealId } : {}),
          },
        });
        onSaved(t('outcome.savedWithTask', { date: date(due) }), false);
      } else {
        onSaved(t('outcome.saved'), next === 'appointment');
      }
    } catch {
      // The failed write's error is on screen (change.error or create.error), with Retry where it can help.
    }
  };
  const reload = async () => {
    const reloaded = await query.refetch();
    if (reloaded.isSuccess) change.reset();
  };

  const writeError = change.error ?? create.error;
  const changeFields = change.error ? errorText(change.error).fields : {};
  const createFields = create.error ? errorText(create.error).fields : {};
  return {
    appointment,
    started,
    minDue: localDate(ends),
    outcome,
    setOutcome,
    notes,
    setNotes,
    next,
    setNext,
    taskSubject,
    setTaskSubject,
    due,
    setDue,
    /** The outcome is saved (a follow-up may still be missing): it is no longer changed here. */
    outcomeSaved: saved !== undefined,
    busy: change.isPending || create.isPending || query.isFetching,
    save,
    error: query.isError ? query.error : writeError,
    retry: () => void (query.isError ? reload() : save()),
    /** Someone else changed the appointment first: the rep reloads it, keeping what they entered, and saves again. */
    stale: isApiError(change.error) && change.error.code === 'RECORD.STALE_VERSION',
    reload,
    fields: { notes: changeFields.notes, subject: createFields.subject, due: createFields.at },
  };
}
