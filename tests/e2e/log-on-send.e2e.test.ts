import type { Page } from 'playwright-core';
import type { SendCheckRequest } from '@rapport/shared';
import { demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

jest.setTimeout(120_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site?.close();
});

/** The demo's New e-mail, at 320 px, to the customer with an open deal, once the pane shows their card. */
async function newEmailToCustomer(subject: string) {
  const customer = demoItem(site, 'A customer with an open deal').from!;
  const { page, pane } = await openDemo(site, { width: 320 });
  await page.getByRole('button', { name: 'New e-mail' }).click();
  const to = page.getByRole('textbox', { name: 'To' });
  await to.fill(customer.email);
  await to.press('Enter');
  await page.getByRole('textbox', { name: 'Subject' }).fill(subject);
  await pane.getByRole('region', { name: customer.name }).waitFor();
  return { page, pane, customer };
}

/**
 * Send, as the rep does: the demo customer's deal may have gone quiet (a Smart Alert then says so), and Send Anyway
 * sends it. Resolves when the message is in Sent.
 */
async function send(page: Page, subject: string) {
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const inSent = page.getByRole('region', { name: 'Sent' }).getByText(subject);
  const alert = page.getByRole('alertdialog', { name: 'Rapport CRM' });
  await inSent.or(alert).first().waitFor();
  if (await alert.isVisible()) await alert.getByRole('button', { name: 'Send Anyway' }).click();
  await inSent.waitFor();
}

// Log on send through the demo Outlook: the pane's switch keeps the rep's choice on the draft; Send runs the add-in's
// own events.js, which sends the choice with the check and puts the API's marker on the message as a header.
describe('Log on send', () => {
  it('is on for a known contact, saying whom and which deal; the send check carries the choice and the deal', async () => {
    const { page, pane, customer } = await newEmailToCustomer('Log on send, on');
    const toggle = pane.getByRole('switch', { name: 'Log on send' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    const line = pane.getByText(/^Logged to .* after you send\.$/);
    await line.waitFor();
    expect(await line.innerText()).toContain(customer.name);
    expect(await line.innerText()).toMatch(/and the deal “.+”/);
    expect(problemsOf(await checkPane(page, 'compose-log-on-send', 320))).toEqual([]);
    await screenshot(page, 'compose-log-on-send');

    const asked: SendCheckRequest[] = [];
    await page.route('**/api/send-check', async (route) => {
      asked.push(route.request().postDataJSON() as SendCheckRequest);
      await route.continue();
    });
    await send(page, 'Log on send, on');
    expect(asked).toHaveLength(1);
    // The rep did not switch: the API decides by the tenant's rule; the deal the pane named goes with it.
    expect(asked[0]?.log).toEqual({ choice: 'auto' });
    expect(asked[0]?.dealId).toEqual(expect.any(String));
    await page.close();
  });

  it('keeps the switch off on the draft, shown so when the pane opens again, and sent as off', async () => {
    const { page, pane } = await newEmailToCustomer('Log on send, off');
    await pane.getByRole('switch', { name: 'Log on send' }).click();
    await pane.getByText('Not logged.').waitFor();
    await screenshot(page, 'compose-log-on-send-off');
    // Another item, then the draft again: a new pane reads the choice from the draft.
    await page.getByRole('navigation', { name: 'Inbox' }).getByText('A customer with an open deal').click();
    await page.getByRole('region', { name: 'Drafts' }).getByText('Log on send, off').click();
    const again = pane.getByRole('switch', { name: 'Log on send' });
    await pane.getByText('Not logged.').waitFor();
    expect(await again.isChecked()).toBe(false);

    const asked: SendCheckRequest[] = [];
    await page.route('**/api/send-check', async (route) => {
      asked.push(route.request().postDataJSON() as SendCheckRequest);
      await route.continue();
    });
    await send(page, 'Log on send, off');
    expect(asked[0]?.log).toEqual({ choice: 'off' });
    await page.close();
  });

  it("puts the API's marker on the message; Rapport finds it in Sent Items and logs it to the customer's timeline", async () => {
    const { page, pane } = await newEmailToCustomer('Log on send, marked');
    await send(page, 'Log on send, marked');
    await page.getByRole('region', { name: 'Sent' }).getByText('Log on send, marked').click();
    const headers = page.getByLabel('Internet headers');
    await headers.waitFor();
    expect(await headers.innerText()).toMatch(/^x-rapport-log: [A-Za-z0-9_-]{22}$/);
    await screenshot(page, 'log-on-send-sent-with-marker');
    // A moment later (the demo runs the job for the next minute rather than wait for it): the sent message's pane says
    // it is logged, and it is on the customer's timeline.
    await pane.getByText(/^Logged to the CRM on /).waitFor({ timeout: 30_000 });
    await pane.getByRole('button', { name: /Log on send, marked/ }).first().waitFor();
    expect(problemsOf(await checkPane(page, 'sent-mail-logged', 320))).toEqual([]);
    await screenshot(page, 'sent-mail-logged');
    await page.close();
  });

  it('logs a reply in a followed thread without a click', async () => {
    const received = demoItem(site, 'A customer with an open deal');
    const { page, pane } = await openDemo(site, { item: received.id, width: 320 });
    // Logging the customer's e-mail follows its thread.
    await pane.getByRole('button', { name: 'Log this e-mail' }).click();
    await pane.getByText(/^Logged to the CRM on /).waitFor();
    await pane.getByText('Following this thread: replies are logged too.').waitFor();
    await page.getByRole('button', { name: 'Reply' }).click();
    await pane.getByRole('switch', { name: 'Log on send' }).waitFor();
    const subject = /^re:/i.test(received.subject) ? received.subject : `RE: ${received.subject}`;
    await send(page, subject);
    // The thread's job reads the rep's Sent Items for followed conversations.
    const run = await fetch(`${site.server.url}/dev/jobs/follow-threads/run?again=true&at=${encodeURIComponent(new Date(Date.now() + 5 * 60_000).toISOString())}`, { method: 'POST', headers: { 'x-rapport-dev': 'run' } });
    expect(run.status).toBe(200);
    await page.getByRole('region', { name: 'Sent' }).getByText(subject).click();
    await pane.getByText(/^Logged to the CRM on /).waitFor({ timeout: 30_000 });
    expect(problemsOf(await checkPane(page, 'followed-thread-reply-logged', 320))).toEqual([]);
    await screenshot(page, 'followed-thread-reply-logged');
    // The rep stops following it: said at once, and kept.
    await pane.getByRole('button', { name: 'Stop following' }).click();
    await pane.getByText('Replies to this e-mail are not logged.').waitFor();
    await pane.getByRole('button', { name: 'Follow this thread' }).waitFor();
    await page.close();
  });
});
