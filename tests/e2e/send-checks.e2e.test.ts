import type { Case, LookupResponse } from '@rapport/shared';
import { demoApi, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

jest.setTimeout(120_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site?.close();
});

// Send-time checks through the demo Outlook: pressing Send runs the add-in's own events.js in a runtime without a DOM
// (a Web Worker), and the demo shows the Smart Alert it returns, as Outlook does.
describe('send-time checks', () => {
  it('stops a message to someone the CRM lacks; Create contact opens the pane on their form; once added, the message goes', async () => {
    const { page, pane } = await openDemo(site, { width: 320 });
    await page.getByRole('button', { name: 'New e-mail' }).click();
    const to = page.getByRole('textbox', { name: 'To' });
    await to.fill('Dana Whitfield <dana.whitfield@brightpath.example>');
    await to.press('Enter');
    await page.getByRole('textbox', { name: 'Subject' }).fill('Our call on Tuesday');
    await pane.getByRole('heading', { name: 'People on this e-mail' }).waitFor();

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = page.getByRole('alertdialog', { name: 'Rapport CRM' });
    await alert.waitFor();
    expect(await alert.getByText('Dana Whitfield <dana.whitfield@brightpath.example> is not in the CRM.').count()).toBe(1);
    expect(await alert.getByRole('button').allInnerTexts()).toEqual(['Create contact', 'Send Anyway', "Don't Send"]);
    await screenshot(page, 'send-check-not-in-crm-alert');

    // Create contact cancels this send and opens the pane on the form for that address.
    await alert.getByRole('button', { name: 'Create contact' }).click();
    await alert.waitFor({ state: 'detached' });
    const form = pane.getByRole('form', { name: 'Add dana.whitfield@brightpath.example to the CRM' });
    await form.waitFor();
    expect(await form.getByRole('textbox', { name: 'Last name' }).inputValue()).toBe('Whitfield');
    expect(problemsOf(await checkPane(page, 'send-check-create-contact', 320))).toEqual([]);
    await screenshot(page, 'send-check-create-contact-form');
    expect(await page.getByRole('region', { name: 'Sent' }).count()).toBe(0);

    await form.getByRole('button', { name: 'Create contact' }).click();
    await pane.getByText('Dana Whitfield was added to the CRM.').waitFor();
    const found = await demoApi<LookupResponse>(site, 'POST', '/api/lookup', { emails: ['dana.whitfield@brightpath.example'] });
    expect(found.results[0]?.match).toBe('contact');

    // Sent again: nothing to say now, and the message is in Sent.
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const sent = page.getByRole('region', { name: 'Sent' });
    await sent.getByText('Our call on Tuesday').waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Drafts' }).count()).toBe(0);
    await screenshot(page, 'send-check-sent');
    await page.close();
  });

  it("names a recipient's urgent open case by number and subject; Send Anyway sends", async () => {
    const customer = demoItem(site, 'A customer with an open deal').from!;
    const known = await demoApi<LookupResponse>(site, 'POST', '/api/lookup', { emails: [customer.email] });
    const contact = known.results[0]?.contact;
    if (!contact) throw new Error('the demo customer is not a contact');
    const urgent = await demoApi<Case>(site, 'POST', '/api/cases', { subject: 'Production outage', priority: 'urgent', contactId: contact.id });

    const { page } = await openDemo(site, { width: 320 });
    await page.getByRole('button', { name: 'New e-mail' }).click();
    const to = page.getByRole('textbox', { name: 'To' });
    await to.fill(customer.email);
    await to.press('Enter');
    await page.getByRole('textbox', { name: 'Subject' }).fill('Checking in');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = page.getByRole('alertdialog', { name: 'Rapport CRM' });
    await alert.getByText(`${customer.name} <${customer.email}>:`).waitFor();
    expect(await alert.getByText(`– Urgent case #${urgent.number} is open: Production outage.`).count()).toBe(1);
    // Nobody is missing from the CRM: no action to take but the rep's choice.
    expect(await alert.getByRole('button').allInnerTexts()).toEqual(['Send Anyway', "Don't Send"]);
    await screenshot(page, 'send-check-urgent-case-alert');

    // Don't Send keeps the draft; Send Anyway sends it.
    await alert.getByRole('button', { name: "Don't Send" }).click();
    await alert.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Drafts' }).getByText('Checking in').waitFor();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await alert.getByRole('button', { name: 'Send Anyway' }).click();
    await page.getByRole('region', { name: 'Sent' }).getByText('Checking in').waitFor();
    await screenshot(page, 'send-check-urgent-case-sent');
    await page.close();
  });

  it('speaks Spanish when Office does', async () => {
    const { page } = await openDemo(site, { width: 320, lang: 'es-ES' });
    await page.getByRole('button', { name: 'New e-mail' }).click();
    const to = page.getByRole('textbox', { name: 'To' });
    await to.fill('alguien@nuevo-cliente.example');
    await to.press('Enter');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = page.getByRole('alertdialog', { name: 'Rapport CRM' });
    await alert.getByText('alguien@nuevo-cliente.example no está en el CRM.').waitFor();
    expect(await alert.getByRole('button', { name: 'Crear contacto' }).count()).toBe(1);
    await screenshot(page, 'send-check-alert-es');
    await page.close();
  });

  it('lets the message go when the API does not answer within the deadline, with a notice that nothing was checked', async () => {
    const { page } = await openDemo(site, { width: 320 });
    // The check's request hangs (the event runtime's requests go through the page's context, worker or not).
    await page.route('**/api/send-check', () => new Promise<void>(() => undefined));
    await page.getByRole('button', { name: 'New e-mail' }).click();
    const to = page.getByRole('textbox', { name: 'To' });
    await to.fill('someone@slow-network.example');
    await to.press('Enter');
    await page.getByRole('textbox', { name: 'Subject' }).fill('While the CRM is away');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('region', { name: 'Sent' }).getByText('While the CRM is away').waitFor();
    await page.getByText('Rapport could not check this e-mail before it was sent: the CRM did not answer in time. It will not be logged.').waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await screenshot(page, 'send-check-unchecked-notice');
    await page.close();
  });
});
