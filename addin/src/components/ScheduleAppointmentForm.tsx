import { useMemo, useState } from 'react';
import { Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { addDays, fromWallTime, toWallTime, weekdayOf } from '@rapport/shared/appointments/calendar-time.rules';
import type { Conflict, TimeSlot } from '@rapport/shared/appointments/conflict.rules';
import type { ApiClient } from '../api/api-client';
import { BookingError, bookAppointment } from '../appointments/book-appointment';
import type { Attendee } from '../graph/calendar';
import { useCalendar, useConflicts, type CalendarLoader } from '../hooks/useScheduling';
import { useI18n } from '../i18n/I18nContext';
import { DealSelect } from './DealSelect';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '8rem' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

const DURATIONS = [15, 30, 45, 60, 90, 120];
const METHODS = ['online-meeting', 'phone', 'in-person'] as const;
type Method = (typeof METHODS)[number];

export type ScheduleAppointmentFormProps = {
  api: ApiClient;
  loadCalendar: CalendarLoader;
  /** The signed-in user: the organizer, whose calendar is checked first. */
  userEmail: string;
  /** Whom the appointment is with: a CRM contact, or (at a known company) someone not in the CRM yet. */
  contact: { id?: string; name: string; email: string };
  companyId?: string;
  deals: { id: string; name: string }[];
  /** Others on the open item who may be invited too; known contacts are linked to the appointment. */
  others: { email: string; name?: string; contactId?: string }[];
  onBooked: (summary: string) => void;
  onCancel: () => void;
};

/**
 * Schedules the next appointment with a contact: checks everyone's calendar over the chosen time,
 * shows each conflict plainly, offers free times, and books the Outlook event and the CRM appointment.
 */
export function ScheduleAppointmentForm({ api, loadCalendar, userEmail, contact, companyId, deals, others, onBooked, onCancel }: ScheduleAppointmentFormProps) {
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  const { calendar, timeZone, error: calendarError } = useCalendar(loadCalendar);
  const [subject, setSubject] = useState(() => t('schedule.subjectDefault', { name: contact.name }));
  const [date, setDate] = useState(() => nextWorkingDay(Date.now(), timeZone));
  const [time, setTime] = useState('10:00');
  const [duration, setDuration] = useState(30);
  const [method, setMethod] = useState<Method>('online-meeting');
  const [location, setLocation] = useState('');
  const [dealId, setDealId] = useState(deals.length === 1 ? (deals[0]?.id ?? '') : '');
  const [invited, setInvited] = useState<string[]>([]);
  const [colleagues, setColleagues] = useState('');
  const [notes, setNotes] = useState('');
  const [suggestions, setSuggestions] = useState<TimeSlot[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());

  const slot = useMemo<TimeSlot | null>(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
    const start = fromWallTime({ date, time }, timeZone);
    return { start, end: new Date(Date.parse(start) + duration * 60_000).toISOString() };
  }, [date, time, duration, timeZone]);

  const colleagueAddresses = colleagues
    .split(/[,;\s]+/)
    .map((address) => address.trim().toLowerCase())
    .filter((address) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address));
  const attendees: Attendee[] = [
    { address: contact.email, name: contact.name, type: 'required' },
    ...others.filter((other) => invited.includes(other.email)).map((other) => ({ address: other.email, ...(other.name ? { name: other.name } : {}), type: 'required' as const })),
    ...colleagueAddresses.map((address) => ({ address, type: 'required' as const })),
  ];
  // Colleagues' calendars (same domain as the user) can be read; customers' cannot.
  const domain = userEmail.split('@')[1]?.toLowerCase();
  const checked = [userEmail, ...attendees.map((attendee) => attendee.address).filter((address) => address.split('@')[1] === domain)];
  const conflictState = useConflicts(calendar, slot, [...new Set(checked)]);
  const conflicts = conflictState.status === 'ready' ? conflictState.conflicts : [];
  const nameOf = (address: string) => attendees.find((attendee) => attendee.address === address)?.name ?? address;
  const describe = (conflict: Conflict) => {
    const span = { from: clock(conflict.start), to: clock(conflict.end) };
    if (conflict.person === userEmail.toLowerCase()) return t(conflict.severity === 'busy' ? 'schedule.youBusy' : 'schedule.youTentative', span);
    return t(conflict.severity === 'busy' ? 'schedule.busy' : 'schedule.tentative', { who: nameOf(conflict.person), ...span });
  };
  const clock = (instant: string) => toWallTime(instant, timeZone).time;

  const suggest = async () => {
    if (!calendar) return;
    const from = Math.max(Date.now(), Date.parse(fromWallTime({ date, time: '00:00' }, timeZone)));
    const window = { start: new Date(from).toISOString(), end: new Date(from + 5 * 86_400_000).toISOString() };
    try {
      setSuggestions(await calendar.suggestTimes({ attendees, window, durationMinutes: duration, max: 3 }));
    } catch (caught) {
      setFailure(t('schedule.freeBusyFailed', { message: messageOf(caught) }));
    }
  };

  const book = async () => {
    if (!calendar || !slot || subject.trim() === '') return;
    setBusy(true);
    setFailure(null);
    try {
      const contactIds = [...(contact.id ? [contact.id] : []), ...others.filter((other) => invited.includes(other.email) && other.contactId).map((other) => other.contactId as string)];
      await bookAppointment(
        calendar,
        api,
        {
          subject: subject.trim(),
          start: slot.start,
          end: slot.end,
          contactMethod: method,
          ...(location.trim() ? { location: location.trim() } : {}),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
          attendees,
          contactIds,
          ...(companyId ? { companyId } : {}),
          ...(dealId ? { dealId } : {}),
        },
        key,
      );
      setKey(crypto.randomUUID());
      onBooked(t('schedule.booked', { when: dateTime(slot.start, timeZone) }));
    } catch (caught) {
      const step = caught instanceof BookingError ? caught.step : 'calendar';
      setFailure(t(step === 'crm' ? 'schedule.crmFailed' : 'schedule.calendarFailed', { message: messageOf(caught) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label={t('schedule.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        void book();
      }}
    >
      <Field label={t('field.subject')} required>
        <Input value={subject} onChange={(_, data) => setSubject(data.value)} />
      </Field>
      <div className={styles.row}>
        <Field className={styles.grow} label={t('schedule.date')} required>
          <Input type="date" value={date} onChange={(_, data) => setDate(data.value)} />
        </Field>
        <Field className={styles.grow} label={t('schedule.time')} required>
          <Input type="time" step={900} value={time} onChange={(_, data) => setTime(data.value)} />
        </Field>
        <Field className={styles.grow} label={t('schedule.duration')}>
          <Select value={String(duration)} onChange={(_, data) => setDuration(Number(data.value))}>
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
        {calendarError ? (
          <MessageBar intent="error">
            <MessageBarBody>{t('schedule.freeBusyFailed', { message: calendarError })}</MessageBarBody>
          </MessageBar>
        ) : conflictState.status === 'checking' || (!calendar && !calendarError) ? (
          <Spinner size="tiny" label={t('schedule.checking')} />
        ) : conflictState.status === 'error' ? (
          <MessageBar intent="error">
            <MessageBarBody>{t('schedule.freeBusyFailed', { message: conflictState.message })}</MessageBarBody>
          </MessageBar>
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
        <Button onClick={() => void suggest()} disabled={!calendar}>
          {t('schedule.suggest')}
        </Button>
      </div>
      {suggestions ? (
        suggestions.length === 0 ? (
          <Caption1>{t('schedule.noSuggestions')}</Caption1>
        ) : (
          <div className={styles.row} role="group" aria-label={t('schedule.suggestions')}>
            {suggestions.map((suggestion) => (
              <Button
                key={suggestion.start}
                size="small"
                onClick={() => {
                  const wall = toWallTime(suggestion.start, timeZone);
                  setDate(wall.date);
                  setTime(wall.time);
                  setSuggestions(null);
                }}
              >
                {dateTime(suggestion.start, timeZone)}
              </Button>
            ))}
          </div>
        )
      ) : null}

      <div className={styles.row}>
        <Field className={styles.grow} label={t('schedule.method')}>
          <Select value={method} onChange={(_, data) => setMethod(data.value as Method)}>
            {METHODS.map((value) => (
              <option key={value} value={value}>
                {t(`method.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        {method !== 'online-meeting' ? (
          <Field className={styles.grow} label={t('schedule.location')}>
            <Input value={location} onChange={(_, data) => setLocation(data.value)} />
          </Field>
        ) : null}
      </div>
      <fieldset className={styles.form}>
        <legend>{t('schedule.attendees')}</legend>
        <Checkbox checked disabled label={`${contact.name} <${contact.email}>`} />
        {others.map((other) => (
          <Checkbox
            key={other.email}
            checked={invited.includes(other.email)}
            onChange={(_, data) => setInvited((current) => (data.checked ? [...current, other.email] : current.filter((email) => email !== other.email)))}
            label={other.name ? `${other.name} <${other.email}>` : other.email}
          />
        ))}
        <Field label={t('schedule.colleagues')}>
          <Input value={colleagues} onChange={(_, data) => setColleagues(data.value)} />
        </Field>
      </fieldset>
      <DealSelect deals={deals} value={dealId} onChange={setDealId} />
      <Field label={t('schedule.notesForMe')}>
        <Textarea value={notes} onChange={(_, data) => setNotes(data.value)} />
      </Field>

      {failure ? (
        <MessageBar intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy || !calendar || !slot || subject.trim() === ''}>
          {conflicts.length > 0 ? t('schedule.bookAnyway') : t('schedule.book')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}

/** Tomorrow, or the Monday after a weekend, in the user's zone. */
function nextWorkingDay(now: number, timeZone: string): string {
  let day = addDays(toWallTime(now, timeZone).date, 1);
  while (weekdayOf(day) === 0 || weekdayOf(day) === 6) day = addDays(day, 1);
  return day;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
