import { useState } from 'react';
import type { Activity } from '@rapport/shared';
import { ACTIVITY_DURATION_MAX, ACTIVITY_NOTES_MAX, ACTIVITY_SUBJECT_MAX } from '@rapport/shared/activities/activity-limits';
import { loggedOutcomes, outcomeAllowedAt, type LoggedKind, type LoggedOutcome } from '@rapport/shared/activities/activity-outcomes';
import type { CallDirection } from '@rapport/shared/activities/call-directions';
import { isCalendarDate } from '@rapport/shared/deals/deal-input.rules';
import { isApiError } from '../api/api-error';
import { localDate } from '../data/today';
import { useCreateRecord } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';

/** What a logged call or meeting belongs to. */
export type LoggedLinks = { contactIds?: string[]; companyId?: string; leadId?: string };

export type LogCallField = 'subject' | 'direction' | 'outcome' | 'date' | 'time' | 'durationMinutes' | 'notes';

// The request's paths, as a 422 names them, to the form's fields.
const fieldOfPath: Record<string, LogCallField> = { subject: 'subject', direction: 'direction', outcome: 'outcome', at: 'time', durationMinutes: 'durationMinutes', notes: 'notes' };

const localTime = (at: Date) => `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;

/**
 * The state of logging a call (who called whom, how it went, when, how long) or a meeting that already happened: the
 * subject follows the direction until the rep writes one, each field is checked by the contract's rules before
 * anything is sent (a call is logged once it happened: an outcome needs a started activity), the API's field errors
 * land on the same fields, and one idempotency key holds through retries.
 */
export function useLogCallForm({ kind, about, links, onSaved }: { kind: LoggedKind; about: string; links: LoggedLinks; onSaved: (activity: Activity) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const create = useCreateRecord('activity');
  const [opened] = useState(() => new Date());
  const [direction, setDirection] = useState<CallDirection>('outbound');
  const [outcome, setOutcome] = useState<LoggedOutcome>(loggedOutcomes[kind][0]);
  const [ownSubject, setOwnSubject] = useState<string | null>(null);
  const [date, setDate] = useState(() => localDate(opened));
  const [time, setTime] = useState(() => localTime(opened));
  const [durationMinutes, setDuration] = useState(kind === 'meeting' ? '30' : '');
  const [notes, setNotes] = useState('');
  const [dealId, setDealId] = useState('');
  const [touched, setTouched] = useState<ReadonlySet<LogCallField>>(new Set());
  const [tried, setTried] = useState(false);

  const suggested = kind === 'call' ? t(direction === 'inbound' ? 'capture.callFrom' : 'capture.callTo', { name: about }) : t('capture.meetingWith', { name: about });
  const subject = ownSubject ?? suggested;
  const when = isCalendarDate(date) && /^\d{2}:\d{2}$/.test(time) ? new Date(`${date}T${time}:00`) : null;
  const minutes = durationMinutes.trim() === '' ? null : Number(durationMinutes);

  const problems: Record<LogCallField, string | undefined> = {
    subject: subject.trim() === '' ? t('error.field.required') : subject.trim().length > ACTIVITY_SUBJECT_MAX ? t('error.field.tooLong') : undefined,
    direction: undefined,
    outcome: undefined,
    date: isCalendarDate(date) ? undefined : t('capture.problem.date'),
    // Logged once it has happened: the API's rule that an outcome needs a started activity, said before sending.
    time: !when ? t('capture.problem.time') : !outcomeAllowedAt(outcome, when.toISOString(), new Date()) || when.getTime() > Date.now() ? t('capture.problem.future') : undefined,
    durationMinutes: minutes !== null && !(Number.isInteger(minutes) && minutes >= 0 && minutes <= ACTIVITY_DURATION_MAX) ? t('capture.problem.duration', { max: ACTIVITY_DURATION_MAX }) : undefined,
    notes: notes.length > ACTIVITY_NOTES_MAX ? t('error.field.tooLong') : undefined,
  };
  const valid = Object.values(problems).every((problem) => problem === undefined);

  // The API's field errors land on the fields that sent them; "not started yet" on the time.
  const sent: Partial<Record<LogCallField, string>> = {};
  if (create.error) {
    const described = errorText(create.error);
    for (const [path, message] of Object.entries(described.fields)) {
      const field = fieldOfPath[path];
      if (field) sent[field] ??= message;
    }
    if (isApiError(create.error) && create.error.code === 'ACTIVITY.NOT_STARTED') sent.time = described.message;
  }
  const fieldMessage = (field: LogCallField) => ((tried || touched.has(field)) && problems[field]) || sent[field];

  const change =
    <T extends string>(field: LogCallField, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setTouched((fields) => (fields.has(field) ? fields : new Set([...fields, field])));
    };

  const save = () => {
    setTried(true);
    if (!valid || !when || create.isPending) return;
    create.mutate(
      {
        input: {
          kind,
          subject: subject.trim(),
          at: when.toISOString(),
          status: 'done',
          outcome,
          ...(kind === 'call' ? { direction } : {}),
          ...(minutes !== null ? { durationMinutes: minutes } : {}),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
          ...links,
          ...(dealId ? { dealId } : {}),
        },
      },
      { onSuccess: onSaved },
    );
  };

  return {
    fields: { subject, direction, outcome, date, time, durationMinutes, notes, dealId },
    set: {
      subject: change('subject', setOwnSubject),
      direction: change<CallDirection>('direction', setDirection),
      outcome: change<LoggedOutcome>('outcome', setOutcome),
      date: change('date', setDate),
      time: change('time', setTime),
      durationMinutes: change('durationMinutes', setDuration),
      notes: change('notes', setNotes),
      dealId: setDealId,
    },
    outcomes: loggedOutcomes[kind],
    fieldMessage,
    create: { pending: create.isPending, error: create.error },
    save,
  };
}
