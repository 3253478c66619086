import { useMemo, useState } from 'react';
import { addDays, fromWallTime, toWallTime, weekdayOf } from '@rapport/shared/appointments/calendar-time.rules';
import type { Conflict, TimeSlot } from '@rapport/shared/appointments/conflict.rules';
import { BookingError, type AppointmentDraft } from '../appointments/book-appointment';
import { graphKeys, useBookAppointment, useSuggestTimes } from '../data/calendar';
import { useIsSending } from '../data/sending';
import type { Attendee } from '../graph/calendar';
import { useCalendar, useConflicts } from '../hooks/useScheduling';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import type { Method, ScheduleAppointmentFormProps } from './ScheduleAppointmentForm.types';

/** The form's fields a CRM validation error can point at, by the request's field path. */
export type FormField = 'subject' | 'time' | 'duration' | 'colleagues' | 'notes';
const fieldOfPath = (path: string): FormField | null =>
  path === 'subject' || path === 'notes'
    ? path
    : path === 'at'
      ? 'time'
      : path === 'durationMinutes'
        ? 'duration'
        : path.startsWith('participants')
          ? 'colleagues'
          : null;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The scheduling form's state and handlers: the fields, the calendars checked over the chosen time, and the booking. */
export function useScheduleAppointmentForm({ loadCalendar, userEmail, contact, companyId, leadId, deals, others, onBooked }: ScheduleAppointmentFormProps) {
  const { t, locale, dateTime } = useI18n();
  const errorText = useErrorText();
  const { calendar, timeZone, failure: calendarFailure, retry: retryCalendar } = useCalendar(loadCalendar);
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
  const suggestion = useSuggestTimes(calendar);
  const booking = useBookAppointment(calendar);
  const sending = useIsSending(graphKeys.book);

  const slot = useMemo<TimeSlot | null>(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
    const start = fromWallTime({ date, time }, timeZone);
    return { start, end: new Date(Date.parse(start) + duration * 60_000).toISOString() };
  }, [date, time, duration, timeZone]);

  const colleagueAddresses = colleagues
    .split(/[,;\s]+/)
    .map((address) => address.trim().toLowerCase())
    .filter((address) => EMAIL.test(address));
  const attendees: Attendee[] = [
    { address: contact.email, name: contact.name, type: 'required' },
    ...others.filter((other) => invited.includes(other.email)).map((other) => ({ address: other.email, ...(other.name ? { name: other.name } : {}), type: 'required' as const })),
    ...colleagueAddresses.map((address) => ({ address, type: 'required' as const })),
  ];
  // Colleagues' calendars (same domain as the user) can be read; customers' cannot.
  const domain = userEmail.split('@')[1]?.toLowerCase();
  const checked = [...new Set([userEmail, ...attendees.map((attendee) => attendee.address).filter((address) => address.split('@')[1] === domain)])];
  const conflictState = useConflicts(calendar, slot, checked);
  const conflicts = conflictState.status === 'ready' ? conflictState.conflicts : [];

  const clock = (instant: string) => toWallTime(instant, timeZone).time;
  const nameOf = (address: string) => attendees.find((attendee) => attendee.address === address)?.name ?? address;
  const describe = (conflict: Conflict) => {
    const span = { from: clock(conflict.start), to: clock(conflict.end) };
    if (conflict.person === userEmail.toLowerCase()) return t(conflict.severity === 'busy' ? 'schedule.youBusy' : 'schedule.youTentative', span);
    return t(conflict.severity === 'busy' ? 'schedule.busy' : 'schedule.tentative', { who: nameOf(conflict.person), ...span });
  };

  const suggest = () => {
    const from = Math.max(Date.now(), Date.parse(fromWallTime({ date, time: '00:00' }, timeZone)));
    const window = { start: new Date(from).toISOString(), end: new Date(from + 5 * 86_400_000).toISOString() };
    suggestion.mutate({ attendees, window, durationMinutes: duration, max: 3 });
  };
  // Free times by day, so that each day is named once and its times sit side by side.
  const slotFormats = useMemo(
    () => ({ day: new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone }), time: new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }) }),
    [locale, timeZone],
  );
  const byDay = (times: TimeSlot[]) => {
    const days = new Map<string, TimeSlot[]>();
    for (const time of times) {
      const day = slotFormats.day.format(new Date(time.start));
      days.set(day, [...(days.get(day) ?? []), time]);
    }
    return [...days].map(([day, slots]) => ({ day, slots }));
  };
  const pick = (suggested: TimeSlot) => {
    const wall = toWallTime(suggested.start, timeZone);
    setDate(wall.date);
    setTime(wall.time);
    suggestion.reset();
  };

  const send = (draft: AppointmentDraft) => {
    if (sending()) return;
    booking.mutate(draft, { onSuccess: () => onBooked(t('schedule.booked', { when: dateTime(draft.start, timeZone) })) });
  };
  const canBook = Boolean(calendar && slot && subject.trim() !== '') && !booking.isPending;
  const book = () => {
    if (!canBook || !slot) return;
    const contactIds = [...(contact.id ? [contact.id] : []), ...others.filter((other) => invited.includes(other.email) && other.contactId).map((other) => other.contactId as string)];
    send({
      subject: subject.trim(),
      start: slot.start,
      end: slot.end,
      contactMethod: method,
      ...(location.trim() ? { location: location.trim() } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      attendees,
      contactIds,
      ...(companyId ? { companyId } : {}),
      ...(leadId ? { leadId } : {}),
      ...(dealId ? { dealId } : {}),
    });
  };
  // Retry sends the booking that failed, with the same key: the event and the CRM appointment are made once.
  const retryBooking = () => {
    if (booking.variables) send(booking.variables);
  };

  // Where the booking stopped: nothing was booked (calendar), or the event is in Outlook and the CRM step failed.
  const bookingFailure = booking.error ? { step: booking.error instanceof BookingError ? booking.error.step : 'calendar', error: booking.error instanceof BookingError ? booking.error.cause : booking.error } : null;
  const fieldErrors: Partial<Record<FormField, string>> = {};
  if (bookingFailure?.step === 'crm') {
    for (const [path, message] of Object.entries(errorText(bookingFailure.error).fields)) {
      const field = fieldOfPath(path);
      if (field) fieldErrors[field] ??= message;
    }
  }

  const toggleInvited = (email: string, checked: boolean) => setInvited((current) => (checked ? [...current, email] : current.filter((other) => other !== email)));

  return {
    fields: { subject, date, time, duration, method, location, dealId, invited, colleagues, notes },
    set: { subject: setSubject, date: setDate, time: setTime, duration: setDuration, method: setMethod, location: setLocation, dealId: setDealId, colleagues: setColleagues, notes: setNotes },
    toggleInvited,
    timeZone,
    calendar: { loaded: calendar !== undefined, failure: calendarFailure, retry: retryCalendar },
    conflictState,
    conflicts,
    describe,
    suggestions: {
      times: suggestion.data ?? null,
      days: byDay(suggestion.data ?? []),
      pending: suggestion.isPending,
      error: suggestion.error,
      suggest,
      retry: () => suggestion.variables && suggestion.mutate(suggestion.variables),
      pick,
      label: (suggested: TimeSlot) => dateTime(suggested.start, timeZone),
      time: (suggested: TimeSlot) => slotFormats.time.format(new Date(suggested.start)),
    },
    booking: { pending: booking.isPending, failure: bookingFailure, fieldErrors, canBook, book, retry: retryBooking },
  };
}

export type ScheduleAppointmentFormState = ReturnType<typeof useScheduleAppointmentForm>;

/** Tomorrow, or the Monday after a weekend, in the user's zone. */
function nextWorkingDay(now: number, timeZone: string): string {
  let day = addDays(toWallTime(now, timeZone).date, 1);
  while (weekdayOf(day) === 0 || weekdayOf(day) === 6) day = addDays(day, 1);
  return day;
}
