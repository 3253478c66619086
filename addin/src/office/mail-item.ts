import { normalizeEmail } from '@rapport/shared/email/email-address.rules';
import { readComposeMessage } from './compose-item';
import { officeAsync } from './office-async';

export type ItemMode = 'message-read' | 'message-compose' | 'appointment-organizer' | 'appointment-attendee';
export type ParticipantRole = 'from' | 'to' | 'cc' | 'bcc' | 'organizer' | 'required' | 'optional';
export type Participant = { email: string; name: string | null; role: ParticipantRole };

/** The open Outlook item as plain data: all the pane needs, with no Office types in it. */
export type MailItem = {
  mode: ItemMode;
  /** Changes whenever another item is selected. */
  key: string;
  subject: string;
  /** People on the item other than the signed-in user, each once. */
  participants: Participant[];
  internetMessageId: string | null;
  /** A message's conversation (Outlook's id, the same for the thread's messages): logging one follows the thread. */
  conversationId?: string | null;
  /** A meeting's id in the user's own calendar, as Graph (REST) knows it; null for messages and unsaved meetings. */
  eventId: string | null;
  start: string | null;
  end: string | null;
  /** When a message was sent or received. */
  sentAt: string | null;
  /** A draft's pane opened by the Smart Alert's "Create contact": the recipient to add, whose card it opens on. */
  createContactFor?: string;
};

const BODY_EXCERPT_CHARS = 500;

/** Reads the current item of the mailbox, or null when none is open. */
export async function readMailItem(mailbox: Office.Mailbox): Promise<MailItem | null> {
  const item = mailbox.item;
  if (!item) return null;
  const user = normalizeEmail(mailbox.userProfile.emailAddress ?? '') ?? '';
  if (item.itemType === Office.MailboxEnums.ItemType.Message) {
    // A draft's recipients are read with getAsync; a received message's are plain lists.
    if (isDraft(item)) return readComposeMessage(item, user);
    return readMessage(item as Office.MessageRead, user);
  }
  // In organizer mode the fields are objects with getAsync; in attendee mode, plain values.
  const subjectField = (item as { subject?: unknown }).subject;
  if (typeof subjectField === 'object' && subjectField !== null) return readOrganizerAppointment(mailbox, item as Office.AppointmentCompose, user);
  return readAttendeeAppointment(mailbox, item as Office.AppointmentRead, user);
}

/** Whether the open item is a message being written (new mail, reply, forward). */
export function isDraft(item: unknown): item is Office.MessageCompose {
  const to = (item as { to?: { getAsync?: unknown } } | null)?.to;
  return typeof to?.getAsync === 'function';
}

// Office gives EWS ids; Graph wants REST ids. Mobile clients already give REST ids (and no converter).
function restIdOf(mailbox: Office.Mailbox, itemId: string | null | undefined): string | null {
  if (!itemId) return null;
  try {
    return typeof mailbox.convertToRestId === 'function' ? mailbox.convertToRestId(itemId, Office.MailboxEnums.RestVersion.v2_0) : itemId;
  } catch {
    return itemId;
  }
}

/** The first characters of the message body as text, for logging; empty when Office cannot give it. */
export async function readBodyExcerpt(mailbox: Office.Mailbox): Promise<string> {
  const item = mailbox.item;
  if (!item) return '';
  const text = await officeAsync<string>((callback) => item.body.getAsync(Office.CoercionType.Text, callback));
  return text.replace(/\s+/g, ' ').trim().slice(0, BODY_EXCERPT_CHARS);
}

function readMessage(message: Office.MessageRead, user: string): MailItem {
  const participants = collectParticipants(user, [
    ...peopleOf([message.from], 'from'),
    ...peopleOf(message.to, 'to'),
    ...peopleOf(message.cc, 'cc'),
  ]);
  return {
    mode: 'message-read',
    key: message.internetMessageId || message.itemId || `${message.subject}|${String(message.dateTimeCreated)}`,
    subject: message.subject ?? '',
    participants,
    internetMessageId: message.internetMessageId || null,
    conversationId: message.conversationId || null,
    eventId: null,
    start: null,
    end: null,
    sentAt: toIso(message.dateTimeCreated),
  };
}

async function readOrganizerAppointment(mailbox: Office.Mailbox, appointment: Office.AppointmentCompose, user: string): Promise<MailItem> {
  const [subject, required, optional, start, end, itemId] = await Promise.all([
    officeAsync<string>((callback) => appointment.subject.getAsync(callback)),
    officeAsync<Office.EmailAddressDetails[]>((callback) => appointment.requiredAttendees.getAsync(callback)),
    officeAsync<Office.EmailAddressDetails[]>((callback) => appointment.optionalAttendees.getAsync(callback)),
    officeAsync<Date>((callback) => appointment.start.getAsync(callback)),
    officeAsync<Date>((callback) => appointment.end.getAsync(callback)),
    // A meeting not yet saved has no id (Mailbox 1.8 gives it once saved).
    typeof appointment.getItemIdAsync === 'function' ? officeAsync<string>((callback) => appointment.getItemIdAsync(callback)).catch(() => null) : Promise.resolve(null),
  ]);
  return {
    mode: 'appointment-organizer',
    key: `organizer|${subject}|${toIso(start) ?? ''}`,
    subject,
    participants: collectParticipants(user, [...peopleOf(required, 'required'), ...peopleOf(optional, 'optional')]),
    internetMessageId: null,
    eventId: restIdOf(mailbox, itemId),
    start: toIso(start),
    end: toIso(end),
    sentAt: null,
  };
}

function readAttendeeAppointment(mailbox: Office.Mailbox, appointment: Office.AppointmentRead, user: string): MailItem {
  return {
    mode: 'appointment-attendee',
    key: appointment.itemId || `attendee|${appointment.subject}|${String(appointment.start)}`,
    subject: appointment.subject ?? '',
    participants: collectParticipants(user, [
      ...peopleOf([appointment.organizer], 'organizer'),
      ...peopleOf(appointment.requiredAttendees, 'required'),
      ...peopleOf(appointment.optionalAttendees, 'optional'),
    ]),
    internetMessageId: null,
    eventId: restIdOf(mailbox, appointment.itemId),
    start: toIso(appointment.start),
    end: toIso(appointment.end),
    sentAt: null,
  };
}

export function peopleOf(details: (Office.EmailAddressDetails | undefined)[] | undefined, role: ParticipantRole): Participant[] {
  return (details ?? []).flatMap((detail) => {
    const email = detail?.emailAddress ? normalizeEmail(detail.emailAddress) : null;
    if (!email) return [];
    const name = detail?.displayName && detail.displayName !== detail.emailAddress ? detail.displayName : null;
    return [{ email, name, role }];
  });
}

/** Each person once, first role wins, and never the signed-in user. */
export function collectParticipants(user: string, participants: Participant[]): Participant[] {
  const seen = new Set<string>([user]);
  return participants.filter((participant) => {
    if (seen.has(participant.email)) return false;
    seen.add(participant.email);
    return true;
  });
}

function toIso(value: Date | string | undefined | null): string | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
