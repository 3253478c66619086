import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isKnownTimeZone } from '@rapport/shared/appointments/calendar-time.rules';
import type { TimeSlot } from '@rapport/shared/appointments/conflict.rules';
import { bookAppointment, type AppointmentDraft } from '../appointments/book-appointment';
import type { Attendee, CalendarApi } from '../graph/calendar';
import { useApi } from './ApiProvider';
import { afterRecordWrite, useIdempotencyKey } from './writes';

// Outlook's calendar is Microsoft Graph, not Rapport's API: its answers are cached under ['graph', …], apart from the
// API's, and only what the pane itself books in Outlook makes them stale.

/** The Graph calendar module, loaded on first use (it stays out of the pane's first JavaScript). */
export type CalendarLoader = () => Promise<CalendarApi>;

export const graphKeys = {
  calendar: ['graph', 'calendar'] as const,
  mailboxSettings: ['graph', 'mailboxSettings'] as const,
  freeBusy: (request?: FreeBusyRequest | null) => (request ? (['graph', 'freeBusy', request] as const) : (['graph', 'freeBusy'] as const)),
  event: (id: string) => ['graph', 'event', id] as const,
  suggestTimes: ['graph', 'suggestTimes'] as const,
  book: ['graph', 'book'] as const,
};

/** Whose calendars to check over which time. */
export type FreeBusyRequest = { people: string[]; slot: TimeSlot };

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function loaded(calendar: CalendarApi | undefined): CalendarApi {
  // The actions that need the calendar are offered only once it is loaded.
  if (!calendar) throw new Error('The calendar is not loaded yet');
  return calendar;
}

/** The calendar module, loaded once for the whole pane; its error (the chunk did not come) with `refetch` to try again. */
export function useCalendarModule(load: CalendarLoader) {
  return useQuery({ queryKey: graphKeys.calendar, queryFn: load, staleTime: Infinity, gcTime: Infinity, structuralSharing: false });
}

/**
 * The zone people pick times in: the mailbox's, else the browser's (also while the mailbox's is read, or when it
 * cannot be: times are still right, only shown in the browser's zone).
 */
export function useMailboxTimeZone(calendar: CalendarApi | undefined): string {
  const settings = useQuery({
    queryKey: graphKeys.mailboxSettings,
    queryFn: calendar ? () => calendar.mailboxSettings() : skipToken,
    staleTime: Infinity,
  });
  const zone = settings.data?.timeZone;
  // Outlook may name a Windows zone (e.g. "Romance Standard Time"); then the browser's zone stands in.
  return zone && isKnownTimeZone(zone) ? zone : browserTimeZone();
}

/** Free/busy of people over a slot (null: nothing to check). */
export function useFreeBusy(calendar: CalendarApi | undefined, request: FreeBusyRequest | null) {
  return useQuery({
    queryKey: graphKeys.freeBusy(request),
    queryFn: calendar && request && request.people.length > 0 ? () => calendar.freeBusy(request.people, request.slot) : skipToken,
    // Calendars change under the pane: an answer is reused for a minute.
    staleTime: 60_000,
  });
}

/** Times when everyone is free, asked for when the rep presses the button (`data` holds them, `reset` hides them). */
export function useSuggestTimes(calendar: CalendarApi | undefined) {
  return useMutation({
    mutationKey: graphKeys.suggestTimes,
    mutationFn: (request: { attendees: Attendee[]; window: TimeSlot; durationMinutes: number; max: number }) => loaded(calendar).suggestTimes(request),
  });
}

/** The Outlook event of the open meeting (null: it is not in the calendar). */
export function useOutlookEvent(calendar: CalendarApi | undefined, eventId: string | null) {
  return useQuery({
    queryKey: graphKeys.event(eventId ?? ''),
    queryFn: calendar && eventId ? () => calendar.getEvent(eventId) : skipToken,
  });
}

/**
 * Books an appointment: the Outlook event, then the CRM activity pointing to it (book-appointment.ts). One key for
 * both, kept through failures, so Retry (or Book again) after any failure ends with one event and one activity; a new
 * key after success. Fails with a BookingError that says which step stopped.
 */
export function useBookAppointment(calendar: CalendarApi | undefined) {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationKey: graphKeys.book,
    mutationFn: (draft: AppointmentDraft) =>
      bookAppointment({ bookEvent: loaded(calendar).bookEvent, createActivity: (input, key) => api.records('activity').create(input, key) }, draft, idempotency.key()),
    onSuccess: ({ activity }) => {
      idempotency.renew();
      afterRecordWrite(queryClient, 'activity', activity);
    },
    // The event may be in Outlook even when the CRM step failed: the rep is busy at that time now.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: graphKeys.freeBusy() }),
  });
}
