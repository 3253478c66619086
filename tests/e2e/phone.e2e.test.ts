import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_TENANT_ID } from '../../functions/src/local/demo/demo-data';
import { demoMeetingICalUId } from '../../functions/src/local/demo/demo-inbox';
import { SCREENSHOTS, axeViolations, demoItem, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// Outlook on a phone, as the demo plays it (?device=phone): a 390 px screen, the task pane over its whole width.

jest.setTimeout(120_000);

const PHONE = { width: 390, height: 844 };

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site?.close();
});

async function openPhone(query = ''): Promise<Page> {
  const page = await site.browser.newPage({ viewport: PHONE, timezoneId: 'UTC' });
  await page.goto(`${site.server.url}/demo.html?device=phone&lang=en-US${query}`);
  return page;
}

/** How wide the page's content is against its viewport: equal when nothing scrolls sideways. */
const pageWidths = (page: Page) => page.evaluate(() => ({ content: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));

describe('Outlook on a phone (the demo at 390 px)', () => {
  it("opens a meeting you attended, logs its outcome and notes from Outlook mobile's Log card, and shows them on the timeline", async () => {
    const meeting = demoItem(site, 'A meeting you attended');
    expect(meeting.mode).toBe('appointment-attendee');
    const page = await openPhone();
    // The phone opens on that meeting, as an attendee: Outlook's Log card for Rapport under it.
    await page.getByRole('heading', { name: meeting.subject }).waitFor();
    await page.getByText(`Organizer: ${meeting.organizer!.name}`).waitFor();
    const card = page.getByRole('region', { name: 'Rapport CRM' });
    await card.getByText('Log notes and outcome').waitFor();
    expect(await pageWidths(page)).toEqual({ content: 390, viewport: 390 });
    await screenshot(page, 'phone-390-meeting');

    await card.getByRole('button', { name: 'Log' }).click();
    // The pane over the whole width, no reading pane beside it.
    const frame = page.locator('iframe[title="Rapport task pane"]');
    expect(await frame.boundingBox()).toMatchObject({ x: 0, width: 390 });
    const pane = page.frameLocator('iframe[title="Rapport task pane"]');
    await pane.getByText('This meeting is not in the CRM yet.').waitFor();
    const before = await checkPane(page, 'phone-meeting-attendee', 390);
    expect(problemsOf(before)).toEqual([]);
    expect(before.frame).toEqual({ innerWidth: 390, clientWidth: 390, scrollWidth: 390 });

    await pane.getByRole('button', { name: 'Link to the CRM' }).click();
    await pane.getByText('Linked to the CRM.').waitFor();
    const form = pane.getByRole('form', { name: 'Log the outcome' });
    // Over already: held is offered first, as it is what happened.
    expect(await form.getByRole('radio', { name: 'Held' }).isChecked()).toBe(true);
    const notes = 'Team is live on two sites; wants training for the third in May.';
    await form.getByLabel('Notes').fill(notes);
    const filled = await checkPane(page, 'phone-log-outcome', 390);
    expect(problemsOf(filled)).toEqual([]);
    await form.getByRole('button', { name: 'Save outcome' }).click();
    await pane.getByText('Outcome saved.').waitFor();
    await pane.getByText('Outcome: Held.').waitFor();

    // On the organizer's timeline, with its outcome and its notes.
    const entry = pane.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: meeting.subject });
    await entry.filter({ hasText: 'Held' }).filter({ hasText: notes }).waitFor();
    const after = await checkPane(page, 'phone-meeting-logged', 390);
    expect(problemsOf(after)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await entry.scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-390-logged');

    // The CRM has it as the meeting's appointment; Outlook's card now says View (the pane set EventLogged on the meeting).
    const appointment = await site.app.store.findByExternalRef('activity', DEMO_TENANT_ID, `ical:${demoMeetingICalUId(meeting.id)}`);
    expect(appointment).toMatchObject({ kind: 'meeting', status: 'done', outcome: 'held', notes, subject: meeting.subject });
    await page.getByRole('button', { name: 'Back' }).click();
    await card.getByText('Logged to the CRM').waitFor();
    await card.getByRole('button', { name: 'View' }).click();
    await pane.getByText('Outcome: Held.').waitFor();
    expect(await pageWidths(page)).toEqual({ content: 390, viewport: 390 });
    await screenshot(page, 'phone-390-view');
    expect(path.join(SCREENSHOTS, 'phone-390-view.png')).toMatch(/test-results[\\/]screenshots[\\/]phone-390-view\.png$/);
    await page.close();
  });

  it("lists mail and meetings, and offers the pane from a message's add-ins, full width too", async () => {
    const email = demoItem(site, 'A customer with an open deal');
    const page = await openPhone('&item=');
    const list = page.getByRole('navigation', { name: 'Mail and meetings' });
    await list.getByRole('button', { name: new RegExp(email.subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();
    await page.getByRole('heading', { name: email.subject }).waitFor();
    await page.getByRole('region', { name: 'Add-ins' }).getByRole('button', { name: 'Open Rapport' }).click();
    const pane = page.frameLocator('iframe[title="Rapport task pane"]');
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    const card = await checkPane(page, 'phone-message-card', 390);
    expect(problemsOf(card)).toEqual([]);
    expect(card.frame.scrollWidth).toBe(390);
    // A meeting you organize: Outlook mobile offers add-ins nothing there.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Back' }).click();
    await list.getByRole('button', { name: /Meeting: Product demo/ }).click();
    await page.getByText('Outlook mobile offers add-ins on meetings you attend, not on those you organize.').waitFor();
    expect(await page.getByRole('region', { name: 'Rapport CRM' }).count()).toBe(0);
    await page.close();
  });
});
