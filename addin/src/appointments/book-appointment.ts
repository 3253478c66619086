import type { Activity, ActivityInput } from '@rapport/shared';
import type { Attendee, BookedEvent, EventToBook } from '../graph/calendar';

/** An appointment as the rep fills it in: the Outlook invitation and what the CRM keeps of it. */
export type AppointmentDraft = {
  subject: string;
  start: string;
  end: string;
  contactMethod: 'phone' | 'online-meeting' | 'in-person';
  location?: string;
  /** For the rep alone: kept in the CRM, never sent to the attendees. */
  notes?: string;
  attendees: Attendee[];
  contactIds: string[];
  companyId?: string;
  leadId?: string;
  dealId?: string;
};

/** Where a booking stopped: nothing was booked (`calendar`), or the event exists and the CRM record does not yet (`crm`). */
export class BookingError extends Error {
  constructor(
    readonly step: 'calendar' | 'crm',
    override readonly cause: unknown,
    readonly event?: BookedEvent,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'BookingError';
  }
}

/** The two calls a booking makes, each creating its thing once per key. */
export type BookingSteps = {
  /** Outlook's calendar (Graph): one event per transaction id. */
  bookEvent: (event: EventToBook, transactionId: string) => Promise<BookedEvent>;
  /** Rapport's API: one activity per idempotency key. */
  createActivity: (input: ActivityInput, key: string) => Promise<Activity>;
};

/**
 * Books the Outlook event, then records the CRM appointment that points to it. One key makes both
 * idempotent: Graph's transaction id and the API's Idempotency-Key, so a retry (or a second click)
 * after any failure ends with one event and one appointment. A calendar failure records nothing.
 */
export async function bookAppointment(steps: BookingSteps, draft: AppointmentDraft, key: string): Promise<{ activity: Activity; event: BookedEvent }> {
  let event: BookedEvent;
  try {
    event = await steps.bookEvent(
      { subject: draft.subject, start: draft.start, end: draft.end, attendees: draft.attendees, contactMethod: draft.contactMethod, ...(draft.location ? { location: draft.location } : {}) },
      key,
    );
  } catch (error) {
    throw new BookingError('calendar', error);
  }
  const input: ActivityInput = {
    kind: 'meeting',
    subject: draft.subject,
    at: draft.start,
    durationMinutes: Math.round((Date.parse(draft.end) - Date.parse(draft.start)) / 60_000),
    contactMethod: draft.contactMethod,
    status: 'planned',
    ...(draft.notes ? { notes: draft.notes } : {}),
    participants: draft.attendees.map((attendee) => ({ email: attendee.address, ...(attendee.name ? { name: attendee.name } : {}), role: 'attendee' as const })),
    contactIds: draft.contactIds,
    ...(draft.companyId ? { companyId: draft.companyId } : {}),
    ...(draft.leadId ? { leadId: draft.leadId } : {}),
    ...(draft.dealId ? { dealId: draft.dealId } : {}),
    graphEventId: event.id,
    iCalUId: event.iCalUId,
  };
  try {
    // The CRM's key is the event's transaction id, prefixed: the retry of a half-done booking finds both.
    return { activity: await steps.createActivity(input, `appointment:${key}`), event };
  } catch (error) {
    throw new BookingError('crm', error, event);
  }
}
