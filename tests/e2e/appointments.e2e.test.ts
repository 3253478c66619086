import { DEMO_TENANT_ID, DEMO_USER_EMAIL, generateDemoData } from '../../functions/src/local/demo/demo-data';
import { axeViolations, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';

jest.setTimeout(90_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site?.close();
});

const item = (scenario: string) => demoItem(site, scenario);

describe('appointments in the demo Outlook', () => {
  it('warns of conflicts, offers free times, books the meeting in Outlook and the CRM, and logs it as held when it is opened later', async () => {
    const email = item('A customer with an open deal');
    const customer = email.from!;
    // The demo calendar has Avery in a pipeline review 10:00–11:00 and this colleague at a customer 10:30–12:00 next working day.
    const found = generateDemoData({ now: new Date(), tenantId: DEMO_TENANT_ID }).members.find((member) => member.email && member.email !== DEMO_USER_EMAIL && member.role === 'rep');
    const colleague = { ...found!, email: found!.email! };
    const { page, pane } = await openDemo(site, { item: email.id });
    await pane.getByRole('region', { name: customer.name }).waitFor();
    await pane.getByRole('button', { name: 'Schedule appointment' }).click();

    const form = pane.getByRole('form', { name: 'New appointment' });
    await form.getByLabel('Duration').selectOption({ label: '60 min' });
    await form.getByLabel('Colleagues', { exact: true }).fill(colleague.email);
    const conflicts = form.getByRole('list', { name: 'Conflicts at this time' });
    await conflicts.getByText('You are busy 10:00–11:00 · Pipeline review').waitFor();
    await conflicts.getByText(`${colleague.email} is busy 10:30–12:00 · Customer visit`).waitFor();
    // Booking over a conflict stays possible, knowingly.
    await form.getByRole('button', { name: 'Book anyway' }).waitFor();
    await conflicts.scrollIntoViewIfNeeded();
    await screenshot(page, 'schedule-conflicts');
    expect(await axeViolations(page)).toEqual([]);

    await form.getByRole('button', { name: 'Find free times' }).click();
    const freeTimes = form.getByRole('group', { name: 'Free times' });
    await freeTimes.getByRole('button').first().waitFor();
    // A free time shows its time beside its day; its name says both.
    const chosen = (await freeTimes.getByRole('button').first().getAttribute('aria-label')) ?? '';
    await freeTimes.getByRole('button').first().click();
    await form.getByText('Everyone is free then.').waitFor();
    await form.getByRole('button', { name: 'Book', exact: true }).click();

    await pane.getByText(`Booked for ${chosen}. Invitations sent.`).waitFor();
    const subject = `Meeting with ${customer.name}`;
    await pane.getByRole('list', { name: 'Timeline' }).getByText(subject).waitFor();
    await pane.getByText(/Booked for/).scrollIntoViewIfNeeded();
    await screenshot(page, 'schedule-booked');

    // A real event in the organizer's calendar, and an invitation in the colleague's.
    const booked = site.calendar.calendar.eventsBetween(DEMO_USER_EMAIL, new Date().toISOString(), new Date(Date.now() + 14 * 86_400_000).toISOString()).filter((event) => event.subject === subject);
    expect(booked).toHaveLength(1);
    expect(booked[0]?.attendees.map((attendee) => attendee.person.address)).toEqual([customer.email.toLowerCase(), colleague.email]);
    expect(site.calendar.calendar.eventsBetween(colleague.email, booked[0]!.start, booked[0]!.end).map((event) => event.iCalUId)).toEqual([booked[0]!.iCalUId]);

    // The calendar view's agenda lists it on its day, with how it is held and its status.
    await pane.getByRole('tab', { name: 'Calendar' }).click();
    const calendar = pane.getByRole('region', { name: 'Appointments' });
    const entry = calendar.getByRole('listitem').filter({ hasText: subject });
    // The meeting is this week, or next week when it was booked on a Friday.
    const loaded = () => pane.locator('section[aria-label="Appointments"][aria-busy="false"]').waitFor();
    await loaded();
    for (let week = 0; week < 2 && (await entry.count()) === 0; week++) {
      await calendar.getByRole('button', { name: 'Next' }).click();
      await loaded();
    }
    await expect(entry.textContent()).resolves.toMatch(/Online meeting · Planned/);
    await screenshot(page, 'calendar-week');
    expect(await axeViolations(page)).toEqual([]);

    // Before it starts, the organizer opening it can call it off, not log it held, and is told from when.
    await page.reload();
    await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: new RegExp(subject) }).click();
    await pane.getByText(/This meeting is a CRM appointment: Planned,/).waitFor();
    const early = pane.getByRole('form', { name: 'Log the outcome' });
    expect(await early.getByRole('radio', { name: 'Held' }).isDisabled()).toBe(true);
    await early.getByText(/you can log it held or a no-show once it has started/).waitFor();
    await screenshot(page, 'booked-meeting-not-started');
    await page.close();

    // Later, after it ended, the organizer opens that meeting in Outlook: the pane knows it, and the outcome is logged with a follow-up.
    site.clock.aheadMs = Date.parse(booked[0]!.end) - Date.now() + 60 * 60_000;
    try {
      await logHeldLater(subject);
    } finally {
      site.clock.aheadMs = 0;
    }
  });

  async function logHeldLater(subject: string): Promise<void> {
    const { page, pane } = await openDemo(site, {});
    await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: new RegExp(subject) }).click();
    await pane.getByText(/This meeting is a CRM appointment: Planned,/).waitFor();
    const outcome = pane.getByRole('form', { name: 'Log the outcome' });
    await outcome.getByRole('radio', { name: 'Held' }).check();
    await outcome.getByRole('radio', { name: 'Follow-up task' }).check();
    await outcome.getByLabel('Subject').fill('Send the revised pricing');
    await outcome.getByRole('button', { name: 'Save outcome' }).click();
    await pane.getByText(/Outcome saved; follow-up task due/).waitFor();
    const history = pane.getByRole('list', { name: 'Timeline' });
    await history.getByText('Send the revised pricing').waitFor();
    await history.getByRole('listitem').filter({ hasText: subject }).filter({ hasText: 'Held' }).waitFor();
    await screenshot(page, 'booked-meeting-held');
    await page.close();
  }
});

describe('appointments with someone not yet in the CRM', () => {
  it('books one with a sender at a known company, linked to that company', async () => {
    const email = item('Someone new at a known company');
    const { page, pane } = await openDemo(site, { item: email.id });
    await pane.getByRole('button', { name: 'Schedule appointment' }).click();
    const form = pane.getByRole('form', { name: 'New appointment' });
    await form.getByRole('checkbox', { name: new RegExp(email.from!.email) }).waitFor();
    await form.getByLabel('Start time').fill('16:00');
    await form.getByRole('button', { name: /^Book( anyway)?$/ }).click();
    await pane.getByText(/^Booked for .*Invitations sent\.$/).waitFor();

    const booked = site.calendar.calendar
      .eventsBetween(DEMO_USER_EMAIL, new Date().toISOString(), new Date(Date.now() + 14 * 86_400_000).toISOString())
      .find((event) => event.attendees.some((attendee) => attendee.person.address === email.from!.email.toLowerCase()));
    expect(booked).toBeDefined();
    const appointment = await site.app.store.findByExternalRef('activity', DEMO_TENANT_ID, `ical:${booked!.iCalUId}`);
    expect(appointment).toMatchObject({ kind: 'meeting', status: 'planned', contactIds: [], graphEventId: booked!.id });
    expect(appointment?.companyId).toBeTruthy();
    await page.close();
  });
});

describe('meetings in the demo Outlook', () => {
  it('recognises a meeting booked through Rapport and lets the organizer log it as held with a follow-up task', async () => {
    const meeting = item('A meeting you organize');
    const { page, pane } = await openDemo(site, { item: meeting.id });
    await pane.getByText(/This meeting is a CRM appointment: Planned,/).waitFor();
    const form = pane.getByRole('form', { name: 'Log the outcome' });
    await form.getByRole('radio', { name: 'Held' }).check();
    await form.getByLabel('Notes').fill('Loved the new reporting; wants a quote.');
    await form.getByRole('radio', { name: 'Follow-up task' }).check();
    await form.getByLabel('Subject').fill('Send the quote');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save outcome' }).click();

    await pane.getByText(/Outcome saved; follow-up task due/).waitFor();
    await pane.getByText(/This meeting is a CRM appointment: Done,/).waitFor();
    await pane.getByText('Outcome: Held.').waitFor();
    // Both in the contact's history: the meeting with its outcome, and the task to come.
    const timeline = pane.getByRole('list', { name: 'Timeline' });
    await timeline.getByText('Send the quote').waitFor();
    await timeline.getByRole('listitem').filter({ hasText: meeting.subject }).filter({ hasText: 'Held' }).waitFor();
    await screenshot(page, 'meeting-outcome-logged');
    await page.close();
  });

  it('links a meeting a customer organized to the CRM, and its outcome leads straight to the next appointment', async () => {
    const meeting = item('A meeting you were invited to');
    const { page, pane } = await openDemo(site, { item: meeting.id });
    await pane.getByText('This meeting is not in the CRM yet.').waitFor();
    await pane.getByRole('button', { name: 'Link to the CRM' }).click();
    await pane.getByText('Linked to the CRM.').waitFor();
    const form = pane.getByRole('form', { name: 'Log the outcome' });
    await form.getByRole('radio', { name: 'Rescheduled' }).check();
    await form.getByRole('radio', { name: 'New appointment' }).check();
    await form.getByRole('button', { name: 'Save outcome' }).click();
    await pane.getByText('Outcome saved.').waitFor();
    await pane.getByText('Outcome: Rescheduled.').waitFor();
    await pane.getByRole('form', { name: 'New appointment' }).waitFor();
    await screenshot(page, 'meeting-linked-next-appointment');
    await page.close();
  });
});
