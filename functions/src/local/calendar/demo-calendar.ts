import { addDays, allDaySpan, fromWallTime, toWallTime, weekdayOf, type DemoInboxItem } from '@rapport/shared';
import { DEMO_TENANT_ID, generateDemoData } from '../demo/demo-data';
import { buildDemoInbox, demoMeetingICalUId } from '../demo/demo-inbox';
import type { LocalCalendar } from './local-calendar';

const WORKING_HOURS = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

/**
 * The demo's calendars: a mailbox for every member of the demo tenant, a few meetings that make the
 * next working day's conflicts visible, and the meetings of the demo inbox (same ids as its items,
 * so that opening one in the demo finds it).
 */
export function seedDemoCalendar(calendar: LocalCalendar, now: Date, timeZone: string): void {
  const data = generateDemoData({ now, tenantId: DEMO_TENANT_ID });
  // A member's mailbox has their Entra object id, as /users/{id} names it.
  for (const member of data.members) if (member.email) calendar.addMailbox({ id: member.id, address: member.email, name: member.displayName, timeZone, workingHours: WORKING_HOURS });
  const inbox = buildDemoInbox(now);
  const user = inbox.user.email;
  const colleague = data.members.find((member) => member.email !== user && member.role === 'rep')?.email;

  let day = addDays(toWallTime(now.getTime(), timeZone).date, 1);
  while (!WORKING_HOURS.days.includes(weekdayOf(day))) day = addDays(day, 1);
  const at = (date: string, time: string) => fromWallTime({ date, time }, timeZone);
  const event = (mailbox: string, subject: string, start: string, end: string, showAs: 'busy' | 'tentative' | 'oof', isAllDay = false) =>
    calendar.createEvent(mailbox, { subject, body: '', start, end, isAllDay, showAs, isOnlineMeeting: false, attendees: [] });

  event(user, 'Pipeline review', at(day, '10:00'), at(day, '11:00'), 'busy');
  event(user, 'One-to-one', at(day, '14:00'), at(day, '14:30'), 'tentative');
  if (colleague) {
    event(colleague, 'Customer visit', at(day, '10:30'), at(day, '12:00'), 'busy');
    const training = allDaySpan(addDays(day, 1), addDays(day, 1), timeZone);
    event(colleague, 'Training', training.start, training.end, 'oof', true);
  }

  for (const item of inbox.items) {
    if (!item.start || !item.end || !item.organizer) continue;
    const attendees = [
      ...item.requiredAttendees.map((person) => ({ person: { address: person.email.toLowerCase(), name: person.name }, type: 'required' as const })),
      ...item.optionalAttendees.map((person) => ({ person: { address: person.email.toLowerCase(), name: person.name }, type: 'optional' as const })),
    ];
    calendar.addEvent({
      id: item.id,
      iCalUId: demoMeetingICalUId(item.id),
      mailbox: user,
      subject: item.subject,
      body: item.body,
      start: item.start,
      end: item.end,
      isAllDay: false,
      showAs: 'busy',
      isOnlineMeeting: true,
      organizer: { address: item.organizer.email.toLowerCase(), name: item.organizer.name },
      attendees,
      createdAt: item.receivedAt,
    });
  }
}

/**
 * Meetings the user booked through Rapport since the service started, as items of the demo inbox,
 * so that the demo can open one as its organizer and log its outcome.
 */
export function bookedMeetingsInInbox(calendar: LocalCalendar, userEmail: string): DemoInboxItem[] {
  const now = Date.now();
  return calendar
    .eventsBetween(userEmail, new Date(now - 30 * 86_400_000).toISOString(), new Date(now + 60 * 86_400_000).toISOString())
    .filter((event) => event.transactionId !== undefined && event.organizer.address === userEmail.toLowerCase())
    .map((event) => ({
      id: event.id,
      mode: 'appointment-organizer' as const,
      scenario: 'A meeting you booked with Rapport',
      subject: event.subject,
      body: event.body,
      to: [],
      cc: [],
      organizer: { email: event.organizer.address, name: event.organizer.name ?? event.organizer.address },
      requiredAttendees: event.attendees.filter((attendee) => attendee.type === 'required').map((attendee) => ({ email: attendee.person.address, name: attendee.person.name ?? attendee.person.address })),
      optionalAttendees: event.attendees.filter((attendee) => attendee.type === 'optional').map((attendee) => ({ email: attendee.person.address, name: attendee.person.name ?? attendee.person.address })),
      receivedAt: event.createdAt,
      start: event.start,
      end: event.end,
    }));
}
