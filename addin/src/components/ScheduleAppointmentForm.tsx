import { Body1, Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import { DealSelect } from './DealSelect';
import { ErrorMessage } from './ErrorMessage';
import { DURATIONS, METHODS, type Method, type ScheduleAppointmentFormProps } from './ScheduleAppointmentForm.types';
import { useScheduleAppointmentForm } from './useScheduleAppointmentForm';

export type { ScheduleAppointmentFormProps } from './ScheduleAppointmentForm.types';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '8rem' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  failure: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/**
 * Schedules the next appointment with a contact: checks everyone's calendar over the chosen time,
 * shows each conflict plainly, offers free times, and books the Outlook event and the CRM appointment.
 */
export function ScheduleAppointmentForm(props: ScheduleAppointmentFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { fields, set, toggleInvited, timeZone, calendar, conflictState, conflicts, describe, suggestions, booking } = useScheduleAppointmentForm(props);
  const { contact, others, deals, onCancel } = props;

  // Why a failure matters here (what was or was not saved), above the error itself.
  const failure = (context: string, error: unknown, onRetry: () => void) => (
    <div className={styles.failure}>
      <Body1>{context}</Body1>
      <ErrorMessage error={error} onRetry={onRetry} />
    </div>
  );

  return (
    <form
      className={styles.form}
      aria-label={t('schedule.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        booking.book();
      }}
    >
      <Field label={t('field.subject')} required validationMessage={booking.fieldErrors.subject}>
        <Input value={fields.subject} onChange={(_, data) => set.subject(data.value)} />
      </Field>
      <div className={styles.row}>
        <Field className={styles.grow} label={t('schedule.date')} required>
          <Input type="date" value={fields.date} onChange={(_, data) => set.date(data.value)} />
        </Field>
        <Field className={styles.grow} label={t('schedule.time')} required validationMessage={booking.fieldErrors.time}>
          <Input type="time" step={900} value={fields.time} onChange={(_, data) => set.time(data.value)} />
        </Field>
        <Field className={styles.grow} label={t('schedule.duration')} validationMessage={booking.fieldErrors.duration}>
          <Select value={String(fields.duration)} onChange={(_, data) => set.duration(Number(data.value))}>
            {DURATIONS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('schedule.minutes', { count: minutes })}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Caption1>{t('schedule.timeZone', { zone: timeZone })}</Caption1>
      <div role="status" aria-live="polite">
        {calendar.failure ? (
          failure(t('schedule.freeBusyUnavailable'), calendar.failure, calendar.retry)
        ) : !calendar.loaded || conflictState.status === 'checking' ? (
          <Spinner size="tiny" label={t('schedule.checking')} />
        ) : conflictState.status === 'error' ? (
          failure(t('schedule.freeBusyUnavailable'), conflictState.error, conflictState.retry)
        ) : conflictState.status === 'ready' && conflicts.length > 0 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('schedule.conflicts')}</MessageBarTitle>
              <ul className={styles.list} aria-label={t('schedule.conflicts')}>
                {conflicts.map((conflict) => (
                  <li key={`${conflict.person}-${conflict.start}`}>
                    {describe(conflict)}
                    {conflict.subject ? ` · ${conflict.subject}` : ''}
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : conflictState.status === 'ready' ? (
          <Caption1>{t('schedule.free')}</Caption1>
        ) : null}
      </div>

      <div className={styles.row}>
        <Button onClick={suggestions.suggest} disabled={!calendar.loaded || suggestions.pending}>
          {t('schedule.suggest')}
        </Button>
        {suggestions.pending ? <Spinner size="tiny" label={t('schedule.checking')} /> : null}
      </div>
      {suggestions.error ? failure(t('schedule.freeBusyUnavailable'), suggestions.error, suggestions.retry) : null}
      {suggestions.times ? (
        suggestions.times.length === 0 ? (
          <Caption1>{t('schedule.noSuggestions')}</Caption1>
        ) : (
          <div className={styles.row} role="group" aria-label={t('schedule.suggestions')}>
            {suggestions.times.map((suggested) => (
              <Button key={suggested.start} size="small" onClick={() => suggestions.pick(suggested)}>
                {suggestions.label(suggested)}
              </Button>
            ))}
          </div>
        )
      ) : null}

      <div className={styles.row}>
        <Field className={styles.grow} label={t('schedule.method')}>
          <Select value={fields.method} onChange={(_, data) => set.method(data.value as Method)}>
            {METHODS.map((value) => (
              <option key={value} value={value}>
                {t(`method.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        {fields.method !== 'online-meeting' ? (
          <Field className={styles.grow} label={t('schedule.location')}>
            <Input value={fields.location} onChange={(_, data) => set.location(data.value)} />
          </Field>
        ) : null}
      </div>
      <fieldset className={styles.form}>
        <legend>{t('schedule.attendees')}</legend>
        <Checkbox checked disabled label={`${contact.name} <${contact.email}>`} />
        {others.map((other) => (
          <Checkbox
            key={other.email}
            checked={fields.invited.includes(other.email)}
            onChange={(_, data) => toggleInvited(other.email, data.checked === true)}
            label={other.name ? `${other.name} <${other.email}>` : other.email}
          />
        ))}
        <Field label={t('schedule.colleagues')} validationMessage={booking.fieldErrors.colleagues}>
          <Input value={fields.colleagues} onChange={(_, data) => set.colleagues(data.value)} />
        </Field>
      </fieldset>
      <DealSelect deals={deals} value={fields.dealId} onChange={set.dealId} />
      <Field label={t('schedule.notesForMe')} validationMessage={booking.fieldErrors.notes}>
        <Textarea value={fields.notes} onChange={(_, data) => set.notes(data.value)} />
      </Field>

      {booking.failure
        ? failure(t(booking.failure.step === 'crm' ? 'schedule.notSaved' : 'schedule.notBooked'), booking.failure.error, booking.retry)
        : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={!booking.canBook}>
          {conflicts.length > 0 ? t('schedule.bookAnyway') : t('schedule.book')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
        {booking.pending ? <Spinner size="tiny" label={t('schedule.booking')} /> : null}
      </div>
    </form>
  );
}
