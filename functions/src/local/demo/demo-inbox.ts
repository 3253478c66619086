import { contactDisplayName, type Activity, type Contact, type DemoInbox, type DemoInboxItem, type DemoPerson, type DemoSignIn, type Member } from '@rapport/shared';
import { DEMO_USER_EMAIL, DEMO_USER_ID, generateDemoData } from './demo-data';
import { demoLeadStory } from './demo-lead';
import { demoFileBytes } from './demo-documents';
import { demoInboxDeal } from './demo-quotes';

const HOUR = 3600 * 1000;

/**
 * The demo inbox: e-mails and meetings between the demo tenant's contacts and the demo user,
 * chosen to show each case the pane handles. Built from the same deterministic data as the seed,
 * so every address in it matches what is in the store.
 */
export function buildDemoInbox(now: Date): DemoInbox {
  const data = generateDemoData({ now });
  const user: DemoPerson = { email: DEMO_USER_EMAIL, name: 'Avery Quinn' };
  const person = (contact: Contact): DemoPerson => ({ email: contact.emails[0] as string, name: contactDisplayName(contact) });
  const companyOf = (contact: Contact) => data.companies.find((company) => company.id === contact.companyId);

  // A contact with an open deal, and a colleague at the same company.
  const openDeal = demoInboxDeal(data.deals);
  const dealContact = data.contacts.find((contact) => contact.id === openDeal?.contactIds[0]) ?? (data.contacts[0] as Contact);
  const colleague = data.contacts.find((contact) => contact.companyId === dealContact.companyId && contact.id !== dealContact.id);
  const dealCompany = companyOf(dealContact);
  const others = data.contacts.filter((contact) => contact.companyId !== dealContact.companyId);
  const other = (index: number): Contact => {
    const contact = others[index % others.length];
    if (!contact) throw new Error('The demo data has too few contacts for the inbox');
    return contact;
  };
  const [second, third, fourth] = [other(3), other(17), other(42)];
  const withGmail = data.contacts.find((contact) => contact.emails.some((email) => email.endsWith('@gmail.com')));
  const knownDomain = dealCompany?.domains[0] ?? 'contoso.com';

  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR).toISOString();
  const message = (id: number, scenario: string, from: DemoPerson, subject: string, body: string, extra: Partial<DemoInboxItem> = {}): DemoInboxItem => ({
    id: `demo-${id}`,
    mode: 'message-read',
    scenario,
    subject,
    body,
    from,
    to: [user],
    cc: [],
    requiredAttendees: [],
    optionalAttendees: [],
    internetMessageId: `<demo-${id}.${now.toISOString().slice(0, 10)}@rapport-demo.com>`,
    receivedAt: at(id),
    ...extra,
  });

  const items: DemoInboxItem[] = [
    message(1, 'A customer with an open deal', person(dealContact), `Re: ${openDeal?.name ?? 'Our proposal'}`, 'Thanks for the proposal. Could you send the revised pricing for 50 seats by Friday? Our seat plan is attached.', {
      cc: colleague ? [person(colleague)] : [],
      attachments: [{ name: 'Seat plan.pdf', contentType: 'application/pdf', size: demoFileBytes('Seat plan.pdf').length }],
    }),
    message(2, 'Someone new at a known company', { email: `jamie.rivera@${knownDomain}`, name: 'Rivera, Jamie' }, 'Introduction', `Hi, I took over purchasing at ${dealCompany?.name ?? 'our company'} last week and would like to meet.`),
    message(3, 'A personal address nobody knows', { email: 'sam.taylor.1987@gmail.com', name: 'Sam Taylor' }, 'Question about your product', 'Hello, a friend recommended your product. Do you offer a trial?'),
    message(4, 'Several recipients from different companies', person(second), 'Joint workshop next month', 'Adding everyone who should be in the workshop.', {
      to: [user, person(third)],
      cc: [person(fourth)],
    }),
    // A known problem: the customer's invoice. The knowledge base has the article that answers it (demo-knowledge.ts).
    message(
      11,
      'A customer reporting a known problem',
      person(dealContact),
      'Invoice shows the wrong amount',
      'Hello Avery, the invoice we received this week for our seats is higher than the amount we agreed. We added five seats last month, and VAT was added although our VAT number is on the order. Could you check the invoice and send a corrected one? Best regards, ' +
        (dealContact.firstName ?? contactDisplayName(dealContact)),
    ),
    message(5, 'A stranger at an unknown company', { email: 'd.okafor@northwind-partners.example', name: 'Dami Okafor' }, 'Partnership inquiry', 'We resell CRM solutions in West Africa and would like to talk.'),
  ];
  if (withGmail) {
    items.push(message(6, "A contact writing from a personal address", { email: withGmail.emails.find((email) => email.endsWith('@gmail.com')) as string, name: contactDisplayName(withGmail) }, 'From my phone', 'Writing from my personal address; please use my work address for the contract.'));
  }
  const lead = demoLeadStory(data, now)?.lead;
  if (lead?.email) {
    items.push(
      message(9, 'A lead writing back', { email: lead.email, name: contactDisplayName(lead) }, 'Re: Pricing for two sites', 'Thanks for the call. Could we see a demo next week?'),
    );
  }
  const meetingStart = new Date(now.getTime() + 26 * HOUR);
  meetingStart.setUTCMinutes(0, 0, 0);
  // The meeting the user organized was earlier today, so its outcome can be logged (held, no-show) now.
  const heldStart = new Date(now.getTime() - 2 * HOUR);
  heldStart.setUTCMinutes(0, 0, 0);
  // A customer's meeting the user attended, over before that one: its notes and outcome are logged from it, as Outlook
  // mobile's Log card does (the demo's phone mode opens it).
  const attendedStart = new Date(now.getTime() - 4 * HOUR);
  attendedStart.setUTCMinutes(0, 0, 0);
  items.push(
    {
      id: 'demo-7',
      mode: 'appointment-attendee',
      scenario: 'A meeting you were invited to',
      subject: 'Quarterly business review',
      body: 'Agenda: results, renewals, roadmap.',
      organizer: person(dealContact),
      to: [],
      cc: [],
      requiredAttendees: [user, ...(colleague ? [person(colleague)] : []), person(second)],
      optionalAttendees: [{ email: 'guest@fabrikam-consulting.example', name: 'Guest Consultant' }],
      receivedAt: at(8),
      start: meetingStart.toISOString(),
      end: new Date(meetingStart.getTime() + HOUR).toISOString(),
    },
    {
      id: 'demo-10',
      mode: 'appointment-attendee',
      scenario: 'A meeting you attended',
      subject: 'Onboarding check-in',
      body: 'How the first month went, and what the team needs next.',
      organizer: person(second),
      to: [],
      cc: [],
      requiredAttendees: [user],
      optionalAttendees: [],
      receivedAt: at(30),
      start: attendedStart.toISOString(),
      end: new Date(attendedStart.getTime() + HOUR).toISOString(),
    },
    {
      id: 'demo-8',
      mode: 'appointment-organizer',
      scenario: 'A meeting you organize',
      subject: 'Product demo',
      body: 'Live demo of the new release.',
      to: [],
      cc: [],
      organizer: user,
      // A teammate too: the pane shows them as a colleague, never as someone to add to the CRM.
      requiredAttendees: [person(third), person(fourth), { email: 'jordan.reyes@rapport-demo.com', name: 'Jordan Reyes' }],
      optionalAttendees: [],
      receivedAt: at(9),
      start: heldStart.toISOString(),
      end: new Date(heldStart.getTime() + HOUR).toISOString(),
    },
  );
  return { user, items, signIns: demoSignIns(data.members) };
}

/** The iCalUId of a demo inbox meeting: fixed, so that the CRM's demo appointment and the demo calendar agree. */
export const demoMeetingICalUId = (itemId: string) => `rapport-demo-${itemId}`;

const BOOKED_MEETING_ID = 'c0ffee00-0000-4000-8000-00000000b008';

/**
 * The demo meeting the user organized through Rapport ("Product demo"), as the CRM appointment it
 * was booked as: opening it in the demo, the pane recognises it and the user logs its outcome.
 */
export function demoBookedAppointment(now: Date): Activity | null {
  const data = generateDemoData({ now });
  const meeting = buildDemoInbox(now).items.find((item) => item.mode === 'appointment-organizer');
  if (!meeting?.start || !meeting.end) return null;
  const attendees = meeting.requiredAttendees.map((person) => person.email.toLowerCase());
  const contacts = data.contacts.filter((contact) => contact.emails.some((email) => attendees.includes(email)));
  const created = new Date(Date.parse(meeting.receivedAt)).toISOString();
  return {
    tenantId: data.tenantId,
    id: BOOKED_MEETING_ID,
    createdAt: created,
    createdBy: data.userId,
    updatedAt: created,
    updatedBy: data.userId,
    ownerId: data.userId,
    version: 1,
    kind: 'meeting',
    subject: meeting.subject,
    at: meeting.start,
    durationMinutes: Math.round((Date.parse(meeting.end) - Date.parse(meeting.start)) / 60_000),
    contactMethod: 'online-meeting',
    status: 'planned',
    participants: meeting.requiredAttendees.map((person) => ({ email: person.email, name: person.name, role: 'attendee' as const })),
    contactIds: contacts.map((contact) => contact.id),
    ...(contacts[0]?.companyId ? { companyId: contacts[0].companyId } : {}),
    graphEventId: meeting.id,
    iCalUId: demoMeetingICalUId(meeting.id),
  };
}

/** Who the demo can be used as: the demo user (a rep), their manager, and the tenant's admin. */
export function demoSignIns(members: Member[]): DemoSignIn[] {
  const user = members.find((member) => member.id === DEMO_USER_ID);
  const manager = members.find((member) => member.id === user?.managerId);
  const admin = members.find((member) => member.role === 'admin');
  return [user, manager, admin].flatMap((member) =>
    member?.email ? [{ userId: member.id, email: member.email, name: member.displayName, role: member.role }] : [],
  );
}
