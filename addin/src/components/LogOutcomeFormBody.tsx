import { Button, Caption1, Field, Input, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared';
import { outcomeAllowedAt } from '@rapport/shared/activities/activity-outcomes';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';
import type { LogOutcomeFormProps } from './LogOutcomeForm';
import { actionIcons } from './icons';
import { OUTCOMES, useLogOutcomeForm, type NextStep, type Outcome } from './useLogOutcomeForm';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  note: { overflowWrap: 'break-word' },
  // The four outcomes, short words, two a row; the next steps are longer and stay one a line.
  choices: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
});

/** The outcome form itself, loaded when a meeting's organizer first sees it (see LogOutcomeForm). */
export function LogOutcomeFormBody(props: LogOutcomeFormProps) {
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  const form = useLogOutcomeForm(props);
  const { appointment, started } = form;

  return (
    <form
      className={styles.form}
      aria-label={t('outcome.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        void form.save();
      }}
    >
      <Field label={t('outcome.label')}>
        <RadioGroup className={styles.choices} value={form.outcome ?? ''} onChange={(_, data) => form.setOutcome(data.value as Outcome)} disabled={form.outcomeSaved}>
          {OUTCOMES.map((value) => (
            <Radio key={value} value={value} label={t(`outcome.${value}`)} disabled={!started && !outcomeAllowedAt(value, appointment.at, new Date())} />
          ))}
        </RadioGroup>
      </Field>
      {started ? null : <Caption1 className={styles.note}>{t('outcome.notStarted', { when: dateTime(appointment.at) })}</Caption1>}
      <Field label={t('field.notes')} validationMessage={form.fields.notes}>
        <Textarea value={form.notes} onChange={(_, data) => form.setNotes(data.value)} disabled={form.outcomeSaved} />
      </Field>
      <Field label={t('outcome.nextStep')}>
        <RadioGroup value={form.next} onChange={(_, data) => form.setNext(data.value as NextStep)}>
          <Radio value="none" label={t('outcome.none')} />
          <Radio value="task" label={t('outcome.task')} />
          <Radio value="appointment" label={t('outcome.appointment')} />
        </RadioGroup>
      </Field>
      {form.next === 'task' ? (
        <>
          <Field label={t('field.subject')} required validationMessage={form.fields.subject}>
            <Input value={form.taskSubject} onChange={(_, data) => form.setTaskSubject(data.value)} />
          </Field>
          <Field label={t('field.dueDate')} required validationMessage={form.fields.due}>
            <Input type="date" value={form.due} min={form.minDue} onChange={(_, data) => form.setDue(data.value)} />
          </Field>
        </>
      ) : null}
      {form.error ? <ErrorMessage error={form.error} onRetry={form.retry} /> : null}
      {form.stale ? (
        <div>
          <Button size="small" icon={<actionIcons.reload />} disabled={form.busy} onClick={() => void form.reload()}>
            {t('outcome.reload')}
          </Button>
        </div>
      ) : null}
      <div>
        <Button appearance="primary" type="submit" disabled={form.busy || form.outcome === null}>
          {t('outcome.save')}
        </Button>
      </div>
    </form>
  );
}
