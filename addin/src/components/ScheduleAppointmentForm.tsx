import { Button, Caption1, Caption1Strong, Checkbox, Field, Input, Select, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useFormFocus } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';
import { DealSelect } from './DealSelect';
import { ErrorMessage } from './ErrorMessage';

import { DURATIONS, METHODS, type Method, type ScheduleAppointmentFormProps } from './ScheduleAppointmentForm.types';
import { Token } from './Token';
import { useScheduleAppointmentForm } from './useScheduleAppointmentForm';
import { appointmentIcons } from './appointment-icons';
import { Notice } from './Notice';

export type { ScheduleAppointmentFormProps } from './ScheduleAppointmentForm.types';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // Two even columns at any width: what spans both (the date) is on its own row, the rest side by side.
  pair: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  both: { gridColumn: '1 / -1' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // Each day named once, its free times side by side under it.
  suggestions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  day: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  free: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  freeIcon: { flexShrink: 0, color: tokens.colorStatusSuccessForeground1 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  // A fieldset keeps its content's width unless told otherwise: here it takes the form's.
  attendees: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  attendee: { display: 'flex', minWidth: 0 },
  person: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  address: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/**
 * Schedules the next appointment with a contact: checks everyone's calendar over the chosen time,
 * shows each conflict plainly, offers free times, and books the Outlook event and the CRM appointment.
 * Focus moves into it when it opens; Escape (or Cancel) calls `onCancel`.
 */
export function ScheduleAppointmentForm(props: ScheduleAppointmentFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { fields, set, toggleInvited, timeZone, calendar, conflictState, conflicts, describe, suggestions, booking } = useScheduleAppointmentForm(props);
  const { contact, others, deals, onCancel } = props;
  const focus = useFormFocus(onCancel);

  // Someone to invite: the name on one line, the address whole under it.
  const person = (name: string | undefined, email: string) =>
    name ? (
      <span className={styles.person}>
        <span className={styles.name}>{name}</span>
        <Caption1 className={styles.address}>
          <Token>{email}</Token>
        </Caption1>
      </span>
    ) : (
      <Token>{email}</Token>
    );

  return (
    <form
      ref={focus.ref}
      onKeyDown={focus.onKeyDown}
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
      <div className={styles.pair}>
        <Field className={styles.both} label={t('schedule.date')} required>
          <Input type="date" value={fields.date} onChange={(_, data) => set.date(data.value)} />
        </Field>
        <Field label={t('schedule.time')} required validationMessage={booking.fieldErrors.time}>
          <Input type="time" step={900} value={fields.time} onChange={(_, data) => set.time(data.value)} />
        </Field>
        <Field label={t('schedule.duration')} validationMessage={booking.fieldErrors.duration}>
          <Select value={String(fields.duration)} onChange={(_, data) => set.duration(Number(data.value))}>
            {DURATIONS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('schedule.minutes', { count: minutes })}
              </option>
            ))}
          </Select>
        </Field>
        <Caption1 className={styles.both}>{t('schedule.timeZone', { zone: timeZone })}</Caption1>
      </div>
      <div role="status" aria-live="polite">
        {calendar.failure ? (
          <ErrorMessage title={t('schedule.freeBusyUnavailable')} error={calendar.failure} onRetry={calendar.retry} />
        ) : !calendar.loaded || conflictState.status === 'checking' ? (
          <Spinner size="tiny" label={t('schedule.checking')} />
        ) : conflictState.status === 'error' ? (
          <ErrorMessage title={t('schedule.freeBusyUnavailable')} error={conflictState.error} onRetry={conflictState.retry} />
        ) : conflictState.status === 'ready' && conflicts.length > 0 ? (
          <Notice intent="warning" title={t('schedule.conflicts')}>
              <ul className={styles.list} aria-label={t('schedule.conflicts')}>
                {conflicts.map((conflict) => (
                  <li key={`${conflict.person}-${conflict.start}`}>
                    {describe(conflict)}
                    {conflict.subject ? ` · ${conflict.subject}` : ''}
                  </li>
                ))}
              </ul>
          </Notice>
        ) : conflictState.status === 'ready' ? (
          <Caption1 className={styles.free}>
            <appointmentIcons.free aria-hidden className={styles.freeIcon} />
            {t('schedule.free')}
          </Caption1>
        ) : null}
      </div>

      <div className={styles.row}>
        <Button icon={<appointmentIcons.suggest />} onClick={suggestions.suggest} disabled={!calendar.loaded || suggestions.pending}>
          {t('schedule.suggest')}
        </Button>
        {suggestions.pending ? <Spinner size="tiny" label={t('schedule.checking')} /> : null}
      </div>
      {suggestions.error ? <ErrorMessage title={t('schedule.freeBusyUnavailable')} error={suggestions.error} onRetry={suggestions.retry} /> : null}
      {suggestions.times ? (
        suggestions.times.length === 0 ? (
          <Caption1>{t('schedule.noSuggestions')}</Caption1>
        ) : (
          <div className={styles.suggestions} role="group" aria-label={t('schedule.suggestions')}>
            {suggestions.days.map(({ day, slots }) => (
              <div key={day} className={styles.day}>
                <Caption1Strong>{day}</Caption1Strong>
                <div className={styles.row}>
                  {slots.map((suggested) => (
                    // Named with its day too: the button alone shows only the time.
                    <Button key={suggested.start} size="small" aria-label={suggestions.label(suggested)} onClick={() => suggestions.pick(suggested)}>
                      {suggestions.time(suggested)}
                    </Button>
                  ))}
                </div>
              </div>
            ))}
          </div>
        )
      ) : null}

      <div className={styles.pair}>
        <Field className={fields.method === 'online-meeting' ? styles.both : undefined} label={t('schedule.method')}>
          <Select value={fields.method} onChange={(_, data) => set.method(data.value as Method)}>
            {METHODS.map((value) => (
              <option key={value} value={value}>
                {t(`method.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        {fields.method !== 'online-meeting' ? (
          <Field label={t('schedule.location')}>
            <Input value={fields.location} onChange={(_, data) => set.location(data.value)} />
          </Field>
        ) : null}
      </div>
      <fieldset className={styles.attendees}>
        <legend className={styles.legend}>{t('schedule.attendees')}</legend>
        <Checkbox className={styles.attendee} checked disabled label={person(contact.name, contact.email)} />
        {others.map((other) => (
          <Checkbox
            key={other.email}
            className={styles.attendee}
            checked={fields.invited.includes(other.email)}
            onChange={(_, data) => toggleInvited(other.email, data.checked === true)}
            label={person(other.name, other.email)}
          />
        ))}
        <Field label={t('schedule.colleaguesField')} hint={t('schedule.colleaguesHint')} validationMessage={booking.fieldErrors.colleagues}>
          <Input inputMode="email" value={fields.colleagues} onChange={(_, data) => set.colleagues(data.value)} />
        </Field>
      </fieldset>
      <DealSelect deals={deals} value={fields.dealId} onChange={set.dealId} />
      <Field label={t('schedule.notesForMe')} validationMessage={booking.fieldErrors.notes}>
        <Textarea value={fields.notes} onChange={(_, data) => set.notes(data.value)} />
      </Field>

      {booking.failure ? (
        <ErrorMessage title={t(booking.failure.step === 'crm' ? 'schedule.notSaved' : 'schedule.notBooked')} error={booking.failure.error} onRetry={booking.retry} />
      ) : null}
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
