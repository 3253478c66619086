import {
  availabilityDigit,
  findFreeSlots,
  fromGraphDateTime,
  isKnownTimeZone,
  isoDurationMinutes,
  toWallTime,
  windowsTimeZoneOf,
  type AvailabilityStatus,
  type BusyInterval,
} from '@rapport/shared';
import { z } from 'zod';
import type { AttendeeType, CalendarEvent, LocalCalendar } from './local-calendar';

// The calendar part of Microsoft Graph v1.0 that Rapport's add-in calls, answered from the local
// calendar with Graph's documented request and response shapes.

/** A signed-in user's delegated token: their mailbox, and the scopes (`scp`) they consented to. */
export type DelegatedCaller = { address: string; scopes: string[] };
/** An application's app-only token: no user, the application permissions (`roles`) the tenant granted. */
export type ApplicationCaller = { appId: string; servicePrincipalId: string; roles: string[]; tenantId: string };
export type GraphCaller = DelegatedCaller | ApplicationCaller;
/** A call as the stand-in answers it; the calendar's calls are for delegated callers only. */
export type GraphRequest<Caller extends GraphCaller = DelegatedCaller> = { method: string; path: string; query: URLSearchParams; headers: Headers; body: unknown; caller: Caller };

export function isApplicationCaller(caller: GraphCaller): caller is ApplicationCaller {
  return 'roles' in caller;
}
export type GraphResponse = { status: number; body?: unknown; headers?: Record<string, string> };

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

// Least privilege first: each call names the weakest scope that allows it; stronger ones imply it.
const SCOPE_ORDER = ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'] as const;
function allows(scopes: string[], needed: (typeof SCOPE_ORDER)[number] | 'MailboxSettings.Read'): boolean {
  if (needed === 'MailboxSettings.Read') return scopes.includes('MailboxSettings.Read') || scopes.includes('MailboxSettings.ReadWrite');
  const rank = SCOPE_ORDER.indexOf(needed);
  return scopes.some((scope) => SCOPE_ORDER.indexOf(scope as (typeof SCOPE_ORDER)[number]) >= rank);
}

export function graphError(status: number, code: string, message: string, headers?: Record<string, string>): GraphResponse {
  return { status, body: { error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19) } } }, ...(headers ? { headers } : {}) };
}

const DateTimeTimeZone = z.object({ dateTime: z.string().min(10), timeZone: z.string().optional() });
const EmailAddress = z.object({ address: z.string().email(), name: z.string().optional() });
const Attendee = z.object({ emailAddress: EmailAddress, type: z.enum(['required', 'optional', 'resource']).default('required') });

const GetScheduleBody = z.object({
  schedules: z.array(z.string().email()).min(1).max(20),
  startTime: DateTimeTimeZone,
  endTime: DateTimeTimeZone,
  availabilityViewInterval: z.number().int().min(5).max(1440).default(30),
});

const FindMeetingTimesBody = z.object({
  attendees: z.array(Attendee).max(100).default([]),
  timeConstraint: z.object({ activityDomain: z.enum(['work', 'personal', 'unrestricted', 'unknown']).optional(), timeSlots: z.array(z.object({ start: DateTimeTimeZone, end: DateTimeTimeZone })).min(1) }).optional(),
  meetingDuration: z.string().default('PT30M'),
  maxCandidates: z.number().int().min(1).max(100).default(5),
  isOrganizerOptional: z.boolean().default(false),
  returnSuggestionReasons: z.boolean().default(false),
  minimumAttendeePercentage: z.number().min(0).max(100).default(100),
});

const CreateEventBody = z.object({
  subject: z.string().max(255).default(''),
  body: z.object({ contentType: z.enum(['text', 'html', 'Text', 'HTML']).default('text'), content: z.string().max(100_000) }).optional(),
  start: DateTimeTimeZone,
  end: DateTimeTimeZone,
  isAllDay: z.boolean().default(false),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).default('busy'),
  location: z.object({ displayName: z.string().max(255) }).optional(),
  attendees: z.array(Attendee).max(500).default([]),
  isOnlineMeeting: z.boolean().default(false),
  onlineMeetingProvider: z.enum(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown']).optional(),
  transactionId: z.string().max(255).optional(),
});

/** Answers one Graph call for the signed-in caller; `null` when the path is not one this service knows. */
export function answerGraph(calendar: LocalCalendar, request: GraphRequest, now: () => Date): GraphResponse | null {
  const { method, path, caller } = request;
  const me = calendar.mailbox(caller.address);
  if (!me) return graphError(404, 'ErrorItemNotFound', `The mailbox ${caller.address} is not in this directory.`);
  const zone = preferredTimeZone(request.headers);

  if (method === 'GET' && path === '/me/mailboxSettings') {
    if (!allows(caller.scopes, 'MailboxSettings.Read')) return accessDenied();
    return { status: 200, body: { timeZone: graphTimeZoneName(me.timeZone), workingHours: workingHoursOf(me) } };
  }
  if (method === 'POST' && path === '/me/calendar/getSchedule') {
    if (!allows(caller.scopes, 'Calendars.ReadBasic')) return accessDenied();
    const parsed = GetScheduleBody.safeParse(request.body);
    if (!parsed.success) return invalidRequest(parsed.error);
    const { schedules, startTime, endTime, availabilityViewInterval } = parsed.data;
    const start = fromGraphDateTime(startTime);
    const end = fromGraphDateTime(endTime);
    const value = schedules.map((address) => {
      const mailbox = calendar.mailbox(address);
      if (!mailbox) return { scheduleId: address, error: { message: 'The specified user could not be found.', responseCode: 'ErrorMailRecipientNotFound' } };
      const busy = calendar.busyBetween(address, start, end);
      return {
        scheduleId: address,
        availabilityView: availabilityView(busy, start, end, availabilityViewInterval),
        scheduleItems: calendar.eventsBetween(address, start, end).map((event) => ({
          isPrivate: false,
          status: event.showAs,
          subject: event.subject,
          location: event.location ?? '',
          isMeeting: event.attendees.length > 0,
          isRecurring: false,
          isException: false,
          isReminderSet: true,
          start: graphDateTime(event.start, zone),
          end: graphDateTime(event.end, zone),
        })),
        workingHours: workingHoursOf(mailbox),
      };
    });
    return { status: 200, body: { value } };
  }
  if (method === 'POST' && path === '/me/findMeetingTimes') {
    if (!allows(caller.scopes, 'Calendars.Read')) return accessDenied();
    const parsed = FindMeetingTimesBody.safeParse(request.body);
    if (!parsed.success) return invalidRequest(parsed.error);
    return { status: 200, body: meetingTimeSuggestions(calendar, me.address, parsed.data, zone, now) };
  }
  if (method === 'POST' && path === '/me/events') {
    if (!allows(caller.scopes, 'Calendars.ReadWrite')) return accessDenied();
    const parsed = CreateEventBody.safeParse(request.body);
    if (!parsed.success) return invalidRequest(parsed.error);
    const input = parsed.data;
    const start = fromGraphDateTime(input.start);
    const end = fromGraphDateTime(input.end);
    if (Date.parse(end) < Date.parse(start)) return graphError(400, 'ErrorInvalidRequest', 'The end of an event cannot be before its start.');
    const { event } = calendar.createEvent(
      me.address,
      {
        subject: input.subject,
        body: input.body?.content ?? '',
        start,
        end,
        isAllDay: input.isAllDay,
        showAs: input.showAs,
        ...(input.location ? { location: input.location.displayName } : {}),
        isOnlineMeeting: input.isOnlineMeeting,
        attendees: input.attendees.map((attendee) => ({ person: { address: attendee.emailAddress.address.toLowerCase(), ...(attendee.emailAddress.name ? { name: attendee.emailAddress.name } : {}) }, type: attendee.type as AttendeeType })),
      },
      input.transactionId,
    );
    return { status: 201, body: eventJson(event, zone) };
  }
  const eventPath = /^\/me\/events\/([^/]+)$/.exec(path);
  if (method === 'GET' && eventPath?.[1]) {
    if (!allows(caller.scopes, 'Calendars.ReadBasic')) return accessDenied();
    const event = calendar.event(me.address, decodeURIComponent(eventPath[1]));
    return event ? { status: 200, body: eventJson(event, zone) } : graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  }
  return null;
}

function meetingTimeSuggestions(calendar: LocalCalendar, organizer: string, body: z.infer<typeof FindMeetingTimesBody>, zone: string, now: () => Date) {
  const me = calendar.mailbox(organizer);
  const duration = isoDurationMinutes(body.meetingDuration) ?? 30;
  const window = body.timeConstraint?.timeSlots[0];
  const from = new Date(Math.max(now().getTime(), window ? Date.parse(fromGraphDateTime(window.start)) : 0)).toISOString();
  const until = window ? fromGraphDateTime(window.end) : new Date(Date.parse(from) + 14 * 86_400_000).toISOString();
  const internal = body.attendees.filter((attendee) => calendar.mailbox(attendee.emailAddress.address));
  const people = [...(body.isOrganizerOptional ? [] : [organizer]), ...internal.filter((a) => a.type === 'required').map((a) => a.emailAddress.address)];
  const busy: BusyInterval[] = people.flatMap((address) => calendar.busyBetween(address, from, until));
  const horizonDays = Math.max(0, Math.ceil((Date.parse(until) - Date.parse(from)) / 86_400_000));
  const slots = findFreeSlots({
    busy,
    from,
    durationMinutes: duration,
    workingHours: { ...(me?.workingHours ?? { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }), timeZone: me?.timeZone ?? 'UTC' },
    count: body.maxCandidates,
    horizonDays,
  }).filter((slot) => Date.parse(slot.end) <= Date.parse(until));
  return {
    emptySuggestionsReason: slots.length === 0 ? 'AttendeesUnavailable' : '',
    meetingTimeSuggestions: slots.map((slot) => ({
      confidence: 100,
      organizerAvailability: 'free',
      attendeeAvailability: body.attendees.map((attendee) => ({
        attendee: { type: attendee.type, emailAddress: attendee.emailAddress },
        availability: calendar.mailbox(attendee.emailAddress.address) ? 'free' : 'unknown',
      })),
      locations: [],
      ...(body.returnSuggestionReasons ? { suggestionReason: 'Suggested because it is one of the nearest times when all attendees are available.' } : {}),
      meetingTimeSlot: { start: graphDateTime(slot.start, zone), end: graphDateTime(slot.end, zone) },
    })),
  };
}

/** One digit per interval: the busiest status of anything in it. */
function availabilityView(busy: BusyInterval[], start: string, end: string, intervalMinutes: number): string {
  const rank: Record<AvailabilityStatus, number> = { free: 0, unknown: 0, workingElsewhere: 1, tentative: 2, busy: 3, oof: 4 };
  let view = '';
  for (let at = Date.parse(start); at < Date.parse(end); at += intervalMinutes * 60_000) {
    const slot = { start: new Date(at).toISOString(), end: new Date(at + intervalMinutes * 60_000).toISOString() };
    const statuses = busy.filter((interval) => Date.parse(interval.start) < Date.parse(slot.end) && Date.parse(slot.start) < Date.parse(interval.end)).map((interval) => interval.status);
    const busiest = statuses.sort((a, b) => rank[b] - rank[a])[0] ?? 'free';
    view += availabilityDigit(busiest);
  }
  return view;
}

export function eventJson(event: CalendarEvent, zone: string) {
  return {
    id: event.id,
    iCalUId: event.iCalUId,
    createdDateTime: event.createdAt,
    subject: event.subject,
    bodyPreview: event.body.slice(0, 255),
    body: { contentType: 'text', content: event.body },
    start: graphDateTime(event.start, zone),
    end: graphDateTime(event.end, zone),
    isAllDay: event.isAllDay,
    showAs: event.showAs,
    location: { displayName: event.location ?? '' },
    isOrganizer: event.mailbox === event.organizer.address,
    isOnlineMeeting: event.isOnlineMeeting,
    onlineMeetingProvider: event.isOnlineMeeting ? 'teamsForBusiness' : 'unknown',
    onlineMeeting: event.joinUrl ? { joinUrl: event.joinUrl } : null,
    organizer: { emailAddress: { name: event.organizer.name ?? event.organizer.address, address: event.organizer.address } },
    attendees: event.attendees.map((attendee) => ({
      type: attendee.type,
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: { name: attendee.person.name ?? attendee.person.address, address: attendee.person.address },
    })),
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
    ...(event.transactionId ? { transactionId: event.transactionId } : {}),
  };
}

/** `Prefer: outlook.timezone="Europe/Madrid"` asks for times in that zone; UTC otherwise. */
function preferredTimeZone(headers: Headers): string {
  const match = /outlook\.timezone="([^"]+)"/.exec(headers.get('prefer') ?? '');
  const zone = match?.[1];
  return zone && isKnownTimeZone(zone) ? zone : 'UTC';
}

function graphDateTime(instant: string, zone: string): { dateTime: string; timeZone: string } {
  if (zone === 'UTC') return { dateTime: `${instant.slice(0, 19)}.0000000`, timeZone: 'UTC' };
  const wall = toWallTime(instant, zone);
  return { dateTime: `${wall.date}T${wall.time}:00.0000000`, timeZone: zone };
}

function workingHoursOf(mailbox: { timeZone: string; workingHours: { days: number[]; start: string; end: string } }) {
  return {
    daysOfWeek: mailbox.workingHours.days.map((day) => DAY_NAMES[day]),
    startTime: `${mailbox.workingHours.start}:00.0000000`,
    endTime: `${mailbox.workingHours.end}:00.0000000`,
    timeZone: { name: graphTimeZoneName(mailbox.timeZone) },
  };
}

/** A zone as Graph names it: the Windows name where the zone is a Windows zone's own ("Pacific Standard Time"), else its IANA name. */
function graphTimeZoneName(timeZone: string): string {
  return windowsTimeZoneOf(timeZone) ?? timeZone;
}

export function accessDenied(): GraphResponse {
  return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
}

export function invalidRequest(error: z.ZodError): GraphResponse {
  const first = error.issues[0];
  return graphError(400, 'ErrorInvalidRequest', `Invalid request: ${first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'the body is not valid'}.`);
}
