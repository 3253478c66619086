import { useState } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkingHours } from '@rapport/shared/appointments/free-slots.rules';
import { localDateOf, quickDateAt, startOfWork } from '@rapport/shared/activities/quick-dates.rules';
import { useFormFocus } from '../../hooks/useOpenForm';
import { useI18n } from '../../i18n/I18nContext';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export type SnoozeDateFormProps = {
  subject: string;
  hours: WorkingHours;
  pending: boolean;
  /** The instant the task is due again: the start of the working day on the date picked. */
  onSnooze: (at: string) => void;
  onCancel: () => void;
};

/** Snoozing a task to a date the user picks: due at the start of their working day on it, in their time zone. */
export function SnoozeDateForm({ subject, hours, pending, onSnooze, onCancel }: SnoozeDateFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const focus = useFormFocus(onCancel);
  const today = localDateOf(Date.now(), hours);
  const [date, setDate] = useState(() => localDateOf(quickDateAt('tomorrow', Date.now(), hours), hours));
  const problem = !/^\d{4}-\d{2}-\d{2}$/.test(date) ? t('record.problem.required') : date < today ? t('activity.pastDate') : undefined;
  return (
    <form
      ref={focus.ref}
      onKeyDown={focus.onKeyDown}
      className={styles.form}
      aria-label={t('activity.snoozeHeading', { subject })}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) onSnooze(startOfWork(date, hours));
      }}
    >
      <Field label={t('activity.snoozeUntil')} required validationMessage={problem} hint={t('activity.snoozeHint', { time: hours.start, zone: hours.timeZone })}>
        <Input type="date" min={today} value={date} onChange={(_, data) => setDate(data.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={pending || problem !== undefined}>
          {t('activity.snooze')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}
