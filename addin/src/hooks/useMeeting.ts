import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Activity, ActivityInput, LookupResult } from '@rapport/shared';
import { isApiError } from '../api/api-error';
import { useApi } from '../data/ApiProvider';
import { useCalendarModule, useOutlookEvent, type CalendarLoader } from '../data/calendar';
import { useOperation } from '../data/queries';
import { afterRecordWrite } from '../data/writes';
import type { OutlookEvent } from '../graph/calendar';
import type { MailItem } from '../office/mail-item';

export type MeetingState =
  | { status: 'loading' }
  | { status: 'unsaved' }
  | { status: 'ready'; event: OutlookEvent | null; appointment: Activity | null }
  /** `outlook`: the event could not be read; `crm`: the CRM could not say whether it is an appointment. */
  | { status: 'error'; step: 'outlook' | 'crm'; error: unknown; retry: () => void };

/**
 * The open meeting as Outlook and the CRM know it: its event (for the iCalUId that organizer and
 * attendees share) and the CRM appointment with that iCalUId, if there is one. The CRM's answer is a
 * lookup, read again whenever an activity is written (linking the meeting, logging its outcome).
 */
export function useMeeting(loadCalendar: CalendarLoader, item: MailItem): MeetingState {
  const calendar = useCalendarModule(loadCalendar);
  const event = useOutlookEvent(calendar.data, item.eventId);
  const found = event.data ?? null;
  const emails = item.participants.map((participant) => participant.email);
  const lookup = useOperation(
    'lookup',
    { body: { emails: emails.length > 0 ? emails : [found?.organizer?.address ?? 'unknown@invalid'], ...(found ? { iCalUId: found.iCalUId } : {}), timelineLimit: 0 } },
    { enabled: found !== null },
  );

  if (!item.eventId) return { status: 'unsaved' };
  if (calendar.isError) return { status: 'error', step: 'outlook', error: calendar.error, retry: () => void calendar.refetch() };
  if (event.isError) return { status: 'error', step: 'outlook', error: event.error, retry: () => void event.refetch() };
  if (event.data === undefined) return { status: 'loading' };
  if (event.data === null) return { status: 'ready', event: null, appointment: null };
  if (lookup.isError) return { status: 'error', step: 'crm', error: lookup.error, retry: () => void lookup.refetch() };
  if (!lookup.data) return { status: 'loading' };
  return { status: 'ready', event: event.data, appointment: lookup.data.appointment };
}

/** The CRM appointment of a meeting not booked through Rapport: its people, the contacts on it and (if chosen) a deal. */
export function meetingAppointment(event: OutlookEvent, results: LookupResult[], dealId: string): ActivityInput & { iCalUId: string } {
  const contactIds = results.flatMap((result) => (result.contact ? [result.contact.id] : []));
  const companyId = results.find((result) => result.company)?.company?.id;
  return {
    kind: 'meeting',
    subject: event.subject,
    at: event.start,
    durationMinutes: Math.round((Date.parse(event.end) - Date.parse(event.start)) / 60_000),
    status: 'planned',
    ...(event.isOnlineMeeting ? { contactMethod: 'online-meeting' as const } : event.location ? { contactMethod: 'in-person' as const } : {}),
    participants: [
      ...(event.organizer ? [{ email: event.organizer.address, ...(event.organizer.name ? { name: event.organizer.name } : {}), role: 'organizer' as const }] : []),
      ...event.attendees.map((attendee) => ({ email: attendee.address, ...(attendee.name ? { name: attendee.name } : {}), role: 'attendee' as const })),
    ].slice(0, 100),
    contactIds: contactIds.slice(0, 50),
    ...(companyId ? { companyId } : {}),
    ...(dealId ? { dealId } : {}),
    graphEventId: event.id,
    iCalUId: event.iCalUId,
  };
}

/** The link of a meeting under way (a second click while it is sent does nothing). */
export const linkMeetingKey = ['meeting', 'link'] as const;

/**
 * Links a meeting to the CRM as an appointment. Its key is the meeting's iCalUId: one appointment per meeting, however
 * often (or by whom) the link is pressed. Linked meanwhile by a colleague counts as linked.
 */
export function useLinkMeeting() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: linkMeetingKey,
    mutationFn: async (input: ActivityInput & { iCalUId: string }): Promise<Activity | null> => {
      try {
        return await api.records('activity').create(input, `link-meeting:${input.iCalUId}`);
      } catch (caught) {
        if (isApiError(caught) && caught.code === 'RECORD.ALREADY_LOGGED') return null;
        throw caught;
      }
    },
    // Either way the meeting's lookup is read again and shows the appointment.
    onSuccess: (activity) => afterRecordWrite(queryClient, 'activity', activity ?? undefined),
  });
}
