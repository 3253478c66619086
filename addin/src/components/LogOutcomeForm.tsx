import { useEffect, useState } from 'react';
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared';
import { activityEnd, outcomeAllowedAt } from '@rapport/shared/activities/activity-outcomes';
import { ApiError, type ApiClient } from '../api/api-client';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

// Timers longer than this fire at once in browsers (a signed 32-bit delay): a meeting further off is never waited for.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A date as the date input shows it, in the rep's own time zone. */
const localDate = (at: Date) => `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;

const OUTCOMES = ['held', 'no-show', 'rescheduled', 'cancelled'] as const;
type Outcome = (typeof OUTCOMES)[number];
type NextStep = 'none' | 'task' | 'appointment';

export type LogOutcomeFormProps = {
  api: ApiClient;
  appointment: Activity;
  /** After the outcome (and any follow-up task) is saved; `scheduleNext` when the rep chose a new appointment. */
  onSaved: (summary: string, scheduleNext: boolean) => void;
};

/** The organizer's record of how a meeting went, and the next step: a follow-up task or a new appointment. */
export function LogOutcomeForm({ api, appointment, onSaved }: LogOutcomeFormProps) {
  const styles = useStyles();
  const { t, date, dateTime } = useI18n();
  // Held and no-show say what happened: they wait until the meeting has started (and unlock then, if the pane stays open).
  const [started, setStarted] = useState(() => outcomeAllowedAt('held', appointment.at, new Date()));
  useEffect(() => {
    if (started) return undefined;
    const wait = Date.parse(appointment.at) - Date.now();
    if (wait > MAX_TIMER_MS) return undefined;
    const timer = setTimeout(() => setStarted(true), Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [started, appointment.at]);
  const ends = activityEnd(appointment);
  const [outcome, setOutcome] = useState<Outcome | null>(started ? 'held' : null);
  const [notes, setNotes] = useState(appointment.notes ?? '');
  const [next, setNext] = useState<NextStep>('none');
  const [taskSubject, setTaskSubject] = useState(() => t('outcome.taskSubject', { subject: appointment.subject }));
  // A follow-up comes after the meeting: by default the day after it ends (or after today, if that is later).
  const [due, setDue] = useState(() => localDate(new Date(Math.max(ends.getTime(), Date.now()) + 86_400_000)));
  const [saved, setSaved] = useState<Activity | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [taskKey] = useState(() => crypto.randomUUID());

  const save = async () => {
    if (!outcome) return;
    setBusy(true);
    setFailure(null);
    try {
      // The outcome is saved once; a retry after a failed follow-up only creates the task.
      const updated =
        saved ??
        (await api.updateActivity(
          appointment.id,
          { status: outcome === 'cancelled' ? 'cancelled' : 'done', outcome, ...(notes.trim() ? { notes: notes.trim() } : {}) },
          appointment.version,
        ));
      setSaved(updated);
      if (next === 'task') {
        await api.createActivity(
          {
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
          `follow-up:${appointment.id}:${taskKey}`,
        );
        onSaved(t('outcome.savedWithTask', { date: date(due) }), false);
      } else {
        onSaved(t('outcome.saved'), next === 'appointment');
      }
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) setFailure(t('outcome.stale'));
      else if (caught instanceof ApiError && caught.code === 'ACTIVITY.NOT_STARTED') setFailure(t('outcome.notStarted', { when: dateTime(appointment.at) }));
      else setFailure(t('app.error', { message: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label={t('outcome.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label={t('outcome.label')}>
        <RadioGroup value={outcome ?? ''} onChange={(_, data) => setOutcome(data.value as Outcome)} disabled={saved !== null}>
          {OUTCOMES.map((value) => (
            <Radio key={value} value={value} label={t(`outcome.${value}`)} disabled={!started && !outcomeAllowedAt(value, appointment.at, new Date())} />
          ))}
        </RadioGroup>
      </Field>
      {started ? null : <Caption1>{t('outcome.notStarted', { when: dateTime(appointment.at) })}</Caption1>}
      <Field label={t('field.notes')}>
        <Textarea value={notes} onChange={(_, data) => setNotes(data.value)} disabled={saved !== null} />
      </Field>
      <Field label={t('outcome.nextStep')}>
        <RadioGroup value={next} onChange={(_, data) => setNext(data.value as NextStep)}>
          <Radio value="none" label={t('outcome.none')} />
          <Radio value="task" label={t('outcome.task')} />
          <Radio value="appointment" label={t('outcome.appointment')} />
        </RadioGroup>
      </Field>
      {next === 'task' ? (
        <>
          <Field label={t('field.subject')} required>
            <Input value={taskSubject} onChange={(_, data) => setTaskSubject(data.value)} />
          </Field>
          <Field label={t('field.dueDate')} required>
            <Input type="date" value={due} min={localDate(ends)} onChange={(_, data) => setDue(data.value)} />
          </Field>
        </>
      ) : null}
      {failure ? (
        <MessageBar intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button appearance="primary" type="submit" disabled={busy || outcome === null}>
          {t('outcome.save')}
        </Button>
      </div>
    </form>
  );
}
