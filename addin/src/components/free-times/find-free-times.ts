import { workingHoursOf, type MailboxWorkingHours } from '@rapport/shared/activities/quick-dates.rules';
import type { TimeSlot } from '@rapport/shared/appointments/conflict.rules';
import { timeZoneOfCountry } from '@rapport/shared/appointments/country-time-zones';
import { freeTimesDays, spreadOverDays } from '@rapport/shared/appointments/free-times.rules';
import type { CalendarApi } from '../../graph/calendar';

// The steps behind "Insert free times", over the Graph calendar module: whom Graph knows among the recipients (and in
// which zone they work), then the rep's free times over the next working days. The component runs them as cached
// queries; a template's {{freeTimes}} runs them in one go (findFreeTimes).

/** Someone the e-mail goes to, as the compose pane knows them: the country from their address in the CRM. */
export type FreeTimesRecipient = { email: string; name?: string; country?: string };

/** What Graph says of the recipients: the zone of each it knows (people in the organisation), and whose calendars it reads. */
export type RecipientsInOutlook = { timeZones: Record<string, string>; readable: string[] };

/** The zone to write the times in for the recipient, and where it comes from. */
export type RecipientZone = { timeZone: string; recipient: FreeTimesRecipient; from: 'outlook' | 'address' };

export const FREE_TIMES_DAYS = 5;
// getSchedule answers for at most 20 people a call.
const MOST_SCHEDULES = 20;

const addressesOf = (recipients: readonly FreeTimesRecipient[]) => [...new Set(recipients.map((recipient) => recipient.email.trim().toLowerCase()).filter(Boolean))].slice(0, MOST_SCHEDULES);

/**
 * Asks Graph for the recipients' schedules: for colleagues it answers with the zone of their working hours, for people
 * outside the organisation it cannot (they come back unavailable). One call, whatever the number of recipients.
 */
export async function recipientsInOutlook(calendar: Pick<CalendarApi, 'freeBusy'>, recipients: readonly FreeTimesRecipient[], now: number): Promise<RecipientsInOutlook> {
  const addresses = addressesOf(recipients);
  if (addresses.length === 0) return { timeZones: {}, readable: [] };
  // Only the zones and who can be read matter here: a short window keeps the answer small.
  const { timeZones, unavailable } = await calendar.freeBusy(addresses, { start: new Date(now).toISOString(), end: new Date(now + 3_600_000).toISOString() });
  const unreadable = new Set(unavailable.map((address) => address.toLowerCase()));
  return { timeZones, readable: addresses.filter((address) => !unreadable.has(address)) };
}

/**
 * The zone of the first recipient whose zone is known: the one Graph gives for a colleague, else their address's
 * country (when it keeps one clock); null when none is known, and the rep's own zone is used.
 */
export function recipientZone(recipients: readonly FreeTimesRecipient[], timeZones: Record<string, string>): RecipientZone | null {
  for (const recipient of recipients) {
    const fromOutlook = timeZones[recipient.email.trim().toLowerCase()];
    if (fromOutlook) return { timeZone: fromOutlook, recipient, from: 'outlook' };
    const fromAddress = timeZoneOfCountry(recipient.country);
    if (fromAddress) return { timeZone: fromAddress, recipient, from: 'address' };
  }
  return null;
}

export type FreeSlotsRequest = {
  /** The rep's mailbox settings (zone and working week), undefined when they could not be read. */
  mailbox: MailboxWorkingHours | undefined;
  /** Recipients whose calendars Graph reads (colleagues): it suggests only times they are free too. */
  readable: readonly string[];
  durationMinutes: number;
  max: number;
  now: number;
  /** The zone to count days in when the mailbox names none this runtime knows (the browser's). */
  fallbackZone: string;
};

/**
 * The rep's free times over the next working days, spread over them (shared free-times.rules.ts): Graph's
 * findMeetingTimes for each day, the rep as organizer and the readable recipients required. Customers are left out of
 * the request: Graph cannot see their calendars, and an attendee it cannot see lowers every suggestion's confidence
 * below what it returns.
 */
export async function freeSlots(calendar: Pick<CalendarApi, 'suggestTimes'>, request: FreeSlotsRequest): Promise<TimeSlot[]> {
  const hours = workingHoursOf(request.mailbox, request.fallbackZone);
  const attendees = request.readable.map((address) => ({ address, type: 'required' as const }));
  // A call a day: asked over the whole span, Graph returns the first free half-hours of the first morning.
  const days = await Promise.all(
    freeTimesDays(request.now, hours, FREE_TIMES_DAYS).map((window) => calendar.suggestTimes({ attendees, window, durationMinutes: request.durationMinutes, max: request.max })),
  );
  return spreadOverDays(days, request.max);
}

export type FreeTimes = { slots: TimeSlot[]; recipientZone: RecipientZone | null; ownZone: string };

/** Everything at once, for a template: the free times, the recipient's zone when known, and the rep's own zone. */
export async function findFreeTimes(
  calendar: Pick<CalendarApi, 'mailboxSettings' | 'freeBusy' | 'suggestTimes'>,
  recipients: readonly FreeTimesRecipient[],
  options: { durationMinutes: number; max: number; now?: number },
): Promise<FreeTimes> {
  const now = options.now ?? Date.now();
  const fallbackZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The mailbox's settings only refine the days and the zone: without them the browser's zone and a Monday-to-Friday week do.
  const [mailbox, outlook] = await Promise.all([calendar.mailboxSettings().catch(() => undefined), recipientsInOutlook(calendar, recipients, now)]);
  const slots = await freeSlots(calendar, { mailbox, readable: outlook.readable, durationMinutes: options.durationMinutes, max: options.max, now, fallbackZone });
  return { slots, recipientZone: recipientZone(recipients, outlook.timeZones), ownZone: workingHoursOf(mailbox, fallbackZone).timeZone };
}
