import { createHash, randomUUID } from 'node:crypto';
import { overlaps, type AvailabilityStatus, type BusyInterval } from '@rapport/shared';

/** A person on an event, as Graph names them. */
export type EventPerson = { address: string; name?: string };
export type AttendeeType = 'required' | 'optional' | 'resource';

/** One event in one mailbox; an invitation puts a copy (same iCalUId, its own id) in each internal attendee's. */
export type CalendarEvent = {
  id: string;
  iCalUId: string;
  mailbox: string;
  subject: string;
  body: string;
  start: string;
  end: string;
  isAllDay: boolean;
  showAs: AvailabilityStatus;
  location?: string;
  isOnlineMeeting: boolean;
  joinUrl?: string;
  organizer: EventPerson;
  attendees: { person: EventPerson; type: AttendeeType }[];
  transactionId?: string;
  createdAt: string;
};

export type NewEvent = Omit<CalendarEvent, 'id' | 'iCalUId' | 'mailbox' | 'createdAt' | 'joinUrl' | 'organizer'> & { id?: string; iCalUId?: string };

/**
 * A mailbox of the local directory: whose calendar the service keeps, in which zone and hours they work. `id` is the
 * user's object id (`/users/{id}`); without one, a stable id is made from the address.
 */
export type Mailbox = {
  address: string;
  name: string;
  timeZone: string;
  workingHours: { days: number[]; start: string; end: string };
  id?: string;
  /** The Entra tenant the mailbox is in: an application's token of another tenant does not find it. Any tenant's when unset. */
  tenantId?: string;
};
export type DirectoryUser = Mailbox & { id: string };

/**
 * The calendars the local Graph stand-in keeps in memory: the directory's mailboxes and their events.
 * Creating an event with a transaction id already used by that organizer returns the first event, as
 * Graph does for a client's retried POST.
 */
export class LocalCalendar {
  private readonly mailboxes = new Map<string, DirectoryUser>();
  private readonly events = new Map<string, CalendarEvent[]>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  addMailbox(mailbox: Mailbox): void {
    const address = mailbox.address.toLowerCase();
    this.mailboxes.set(address, { ...mailbox, address, id: mailbox.id ?? stableUserId(address) });
  }

  mailbox(address: string): DirectoryUser | undefined {
    return this.mailboxes.get(address.toLowerCase());
  }

  /** A user of the directory by object id or by address, as `/users/{id | userPrincipalName}` names them. */
  user(idOrAddress: string): DirectoryUser | undefined {
    const byAddress = this.mailbox(idOrAddress);
    if (byAddress) return byAddress;
    const id = idOrAddress.toLowerCase();
    return [...this.mailboxes.values()].find((user) => user.id.toLowerCase() === id);
  }

  /** Books an event in the organizer's calendar and invites the internal attendees. */
  createEvent(organizerAddress: string, input: NewEvent, transactionId?: string): { event: CalendarEvent; created: boolean } {
    const organizer = this.requireMailbox(organizerAddress);
    if (transactionId) {
      const first = this.eventsOf(organizer.address).find((event) => event.transactionId === transactionId);
      if (first) return { event: first, created: false };
    }
    const iCalUId = input.iCalUId ?? `040000008200E00074C5B7101A82E008${randomUUID().replace(/-/g, '').toUpperCase()}`;
    // People of the directory are named as the directory names them, as Exchange does.
    const attendees = input.attendees.map((attendee) => {
      const known = this.mailbox(attendee.person.address);
      return known && !attendee.person.name ? { ...attendee, person: { ...attendee.person, name: known.name } } : attendee;
    });
    const event: CalendarEvent = {
      ...input,
      attendees,
      id: input.id ?? graphLikeId(),
      iCalUId,
      mailbox: organizer.address,
      organizer: { address: organizer.address, name: organizer.name },
      createdAt: this.now().toISOString(),
      ...(input.isOnlineMeeting ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/local/${iCalUId.slice(-12)}` } : {}),
      ...(transactionId ? { transactionId } : {}),
    };
    this.eventsOf(organizer.address).push(event);
    for (const attendee of attendees) {
      const invited = this.mailbox(attendee.person.address);
      if (!invited || invited.address === organizer.address) continue;
      const { transactionId: _own, ...copy } = event;
      this.eventsOf(invited.address).push({ ...copy, id: graphLikeId(), mailbox: invited.address, showAs: 'tentative' });
    }
    return { event, created: true };
  }

  /** Puts an event as it is into a mailbox (seeding meetings organized outside the directory). */
  addEvent(event: CalendarEvent): void {
    this.eventsOf(event.mailbox.toLowerCase()).push(event);
  }

  event(mailboxAddress: string, id: string): CalendarEvent | undefined {
    return this.eventsOf(mailboxAddress.toLowerCase()).find((event) => event.id === id);
  }

  eventsBetween(mailboxAddress: string, start: string, end: string): CalendarEvent[] {
    return this.eventsOf(mailboxAddress.toLowerCase())
      .filter((event) => overlaps(event, { start, end }))
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }

  /** Someone's time that is not free between two instants. */
  busyBetween(mailboxAddress: string, start: string, end: string): BusyInterval[] {
    return this.eventsBetween(mailboxAddress, start, end)
      .filter((event) => event.showAs !== 'free')
      .map((event) => ({ person: mailboxAddress.toLowerCase(), start: event.start, end: event.end, status: event.showAs, subject: event.subject }));
  }

  private requireMailbox(address: string): Mailbox {
    const mailbox = this.mailbox(address);
    if (!mailbox) throw new Error(`no mailbox ${address} in the local directory`);
    return mailbox;
  }

  private eventsOf(address: string): CalendarEvent[] {
    let list = this.events.get(address);
    if (!list) this.events.set(address, (list = []));
    return list;
  }
}

// Graph ids are long opaque base64url strings; these look alike and are unique.
function graphLikeId(): string {
  return `AAMkAD${Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url')}${Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url')}`;
}

// An object id that stays the same for an address across runs (GUID-shaped, as Entra's are).
function stableUserId(address: string): string {
  const hex = createHash('sha256').update(`user:${address}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
