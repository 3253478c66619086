import { AuthenticationHandlerOptions, GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { fromGraphDateTime, minutesToIsoDuration, toGraphDateTime } from '@rapport/shared/appointments/calendar-time.rules';
import type { AvailabilityStatus, BusyInterval, TimeSlot } from '@rapport/shared/appointments/conflict.rules';
import type { WorkingHours } from '@rapport/shared/appointments/free-slots.rules';
import { ianaTimeZoneOf } from '@rapport/shared/appointments/windows-time-zones';
import type { GraphScope } from '@rapport/shared/contract/graph-scopes';
import { concurrencyLimit, type Limiter } from './concurrency-limit';
import { ensureMasterCategory } from './master-categories';
import { outlookErrorOf } from './outlook-error';

export type Attendee = { address: string; name?: string; type: 'required' | 'optional' };

/** What the rep books: the invitation Outlook sends. Notes for themselves stay in the CRM, not in the invite. */
export type EventToBook = {
  subject: string;
  start: string;
  end: string;
  attendees: Attendee[];
  contactMethod: 'phone' | 'online-meeting' | 'in-person';
  location?: string;
  agenda?: string;
};

export type BookedEvent = { id: string; iCalUId: string; webLink?: string; joinUrl?: string };

/** An Outlook event as the pane needs it to recognise a meeting and log it. */
export type OutlookEvent = {
  id: string;
  iCalUId: string;
  subject: string;
  start: string;
  end: string;
  isOrganizer: boolean;
  organizer?: { address: string; name?: string };
  attendees: Attendee[];
  isOnlineMeeting: boolean;
  location?: string;
};

export type FreeBusy = {
  busy: BusyInterval[];
  /** The addresses whose calendar Graph could not read (people outside the organisation, mostly). */
  unavailable: string[];
  /** The IANA zone each person works in (address in lower case), where Graph says: people in the organisation. */
  timeZones: Record<string, string>;
};

export type CalendarApi = {
  mailboxSettings(): Promise<{ timeZone: string; workingHours?: Omit<WorkingHours, 'timeZone'> }>;
  freeBusy(addresses: string[], window: TimeSlot): Promise<FreeBusy>;
  suggestTimes(request: { attendees: Attendee[]; window: TimeSlot; durationMinutes: number; max: number }): Promise<TimeSlot[]>;
  bookEvent(event: EventToBook, transactionId: string): Promise<BookedEvent>;
  getEvent(id: string): Promise<OutlookEvent | null>;
  /** Makes sure the mailbox's master category list has this category (the pane's "Logged to Rapport"). */
  ensureMasterCategory(displayName: string): Promise<void>;
};

// Every answer in UTC: the rules in shared/ convert to the mailbox's zone for people.
const IN_UTC = { prefer: 'outlook.timezone="UTC"' };
const DAY_NUMBERS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

type GraphDateTime = { dateTime: string; timeZone?: string };
type ScheduleItem = { status: AvailabilityStatus; subject?: string; start: GraphDateTime; end: GraphDateTime };
type ScheduleInformation = {
  scheduleId: string;
  scheduleItems?: ScheduleItem[];
  // Graph names the zone as Windows does ("Pacific Standard Time"), sometimes by its IANA name.
  workingHours?: { timeZone?: { name?: string } };
  error?: { message: string };
};
type GraphEvent = {
  id: string;
  iCalUId: string;
  subject?: string;
  start: GraphDateTime;
  end: GraphDateTime;
  isOrganizer?: boolean;
  organizer?: { emailAddress: { address: string; name?: string } };
  attendees?: { type: 'required' | 'optional' | 'resource'; emailAddress: { address: string; name?: string } }[];
  isOnlineMeeting?: boolean;
  onlineMeeting?: { joinUrl?: string } | null;
  location?: { displayName?: string };
  webLink?: string;
};

/** The calendar calls Rapport makes, each with the least scope it needs and at most 4 at a time. */
export function calendarApi(client: Client, limiter: Limiter = concurrencyLimit(4)): CalendarApi {
  // Whatever fails reaches the pane as an OutlookError, which it words in the user's language.
  const limit: Limiter = (task) => limiter(task).catch((error: unknown) => Promise.reject(outlookErrorOf(error)));
  const api = (path: string, scope: GraphScope) =>
    client
      .api(path)
      .headers(IN_UTC)
      .middlewareOptions([new AuthenticationHandlerOptions(undefined, { scopes: [scope] })]);

  return {
    mailboxSettings: () =>
      limit(async () => {
        const settings = (await api('/me/mailboxSettings', 'MailboxSettings.Read').get()) as {
          timeZone?: string;
          workingHours?: { daysOfWeek?: string[]; startTime?: string; endTime?: string };
        };
        const hours = settings.workingHours;
        return {
          // Outlook usually names a Windows zone ("Romance Standard Time"): the pane and the rules read IANA names.
          timeZone: ianaTimeZoneOf(settings.timeZone) ?? settings.timeZone ?? 'UTC',
          ...(hours?.startTime && hours.endTime
            ? { workingHours: { days: (hours.daysOfWeek ?? []).map((day) => DAY_NUMBERS[day.toLowerCase()] ?? -1).filter((day) => day >= 0), start: hours.startTime.slice(0, 5), end: hours.endTime.slice(0, 5) } }
            : {}),
        };
      }),

    freeBusy: (addresses, window) =>
      limit(async () => {
        const response = (await api('/me/calendar/getSchedule', 'Calendars.ReadBasic').post({
          schedules: addresses,
          startTime: toGraphDateTime(window.start),
          endTime: toGraphDateTime(window.end),
          availabilityViewInterval: 15,
        })) as { value: ScheduleInformation[] };
        const busy: BusyInterval[] = [];
        const unavailable: string[] = [];
        const timeZones: Record<string, string> = {};
        for (const schedule of response.value) {
          if (schedule.error) {
            unavailable.push(schedule.scheduleId);
            continue;
          }
          const zone = ianaTimeZoneOf(schedule.workingHours?.timeZone?.name);
          if (zone) timeZones[schedule.scheduleId.toLowerCase()] = zone;
          for (const item of schedule.scheduleItems ?? []) {
            if (item.status === 'free') continue;
            busy.push({ person: schedule.scheduleId.toLowerCase(), start: fromGraphDateTime(item.start), end: fromGraphDateTime(item.end), status: item.status, ...(item.subject ? { subject: item.subject } : {}) });
          }
        }
        return { busy, unavailable, timeZones };
      }),

    suggestTimes: ({ attendees, window, durationMinutes, max }) =>
      limit(async () => {
        const response = (await api('/me/findMeetingTimes', 'Calendars.Read').post({
          attendees: attendees.map((attendee) => ({ type: attendee.type, emailAddress: { address: attendee.address, ...(attendee.name ? { name: attendee.name } : {}) } })),
          timeConstraint: { activityDomain: 'work', timeSlots: [{ start: toGraphDateTime(window.start), end: toGraphDateTime(window.end) }] },
          meetingDuration: minutesToIsoDuration(durationMinutes),
          maxCandidates: max,
          isOrganizerOptional: false,
          returnSuggestionReasons: true,
          minimumAttendeePercentage: 100,
        })) as { meetingTimeSuggestions?: { meetingTimeSlot: { start: GraphDateTime; end: GraphDateTime } }[] };
        return (response.meetingTimeSuggestions ?? []).map((suggestion) => ({ start: fromGraphDateTime(suggestion.meetingTimeSlot.start), end: fromGraphDateTime(suggestion.meetingTimeSlot.end) }));
      }),

    bookEvent: (event, transactionId) =>
      limit(async () => {
        const online = event.contactMethod === 'online-meeting';
        const created = (await api('/me/events', 'Calendars.ReadWrite').post({
          subject: event.subject,
          ...(event.agenda ? { body: { contentType: 'text', content: event.agenda } } : {}),
          start: toGraphDateTime(event.start),
          end: toGraphDateTime(event.end),
          showAs: 'busy',
          attendees: event.attendees.map((attendee) => ({ type: attendee.type, emailAddress: { address: attendee.address, ...(attendee.name ? { name: attendee.name } : {}) } })),
          ...(event.location ? { location: { displayName: event.location } } : {}),
          isOnlineMeeting: online,
          ...(online ? { onlineMeetingProvider: 'teamsForBusiness' } : {}),
          // Graph creates one event per transaction id: a retried or double-clicked booking gets the first one back.
          transactionId,
        })) as GraphEvent;
        return { id: created.id, iCalUId: created.iCalUId, ...(created.webLink ? { webLink: created.webLink } : {}), ...(created.onlineMeeting?.joinUrl ? { joinUrl: created.onlineMeeting.joinUrl } : {}) };
      }),

    getEvent: (id) =>
      limit(async () => {
        try {
          const event = (await api(`/me/events/${encodeURIComponent(id)}`, 'Calendars.ReadBasic')
            .select(['id', 'iCalUId', 'subject', 'start', 'end', 'isOrganizer', 'organizer', 'attendees', 'isOnlineMeeting', 'location'])
            .get()) as GraphEvent;
          return outlookEventOf(event);
        } catch (error) {
          if (error instanceof GraphError && error.statusCode === 404) return null;
          throw error;
        }
      }),

    ensureMasterCategory: (displayName) => limit(() => ensureMasterCategory(client, displayName)),
  };
}

function outlookEventOf(event: GraphEvent): OutlookEvent {
  const organizer = event.organizer?.emailAddress;
  return {
    id: event.id,
    iCalUId: event.iCalUId,
    subject: event.subject ?? '',
    start: fromGraphDateTime(event.start),
    end: fromGraphDateTime(event.end),
    isOrganizer: event.isOrganizer ?? false,
    ...(organizer ? { organizer: { address: organizer.address.toLowerCase(), ...(organizer.name ? { name: organizer.name } : {}) } } : {}),
    attendees: (event.attendees ?? [])
      .filter((attendee) => attendee.type !== 'resource')
      .map((attendee) => ({ address: attendee.emailAddress.address.toLowerCase(), ...(attendee.emailAddress.name ? { name: attendee.emailAddress.name } : {}), type: attendee.type as Attendee['type'] })),
    isOnlineMeeting: event.isOnlineMeeting ?? false,
    ...(event.location?.displayName ? { location: event.location.displayName } : {}),
  };
}

