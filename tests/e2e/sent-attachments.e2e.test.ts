import type { Activity, Document, LookupResponse, Page as ApiPage } from '@rapport/shared';
import { DEMO_TENANT_ID, DEMO_USER_ID } from '../../functions/src/local/demo/demo-data';
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

// A real (tiny) PDF: the documents' checks read its first bytes.
const PRICE_LIST = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n% Rapport demo price list\ntrailer <<>>\n%%EOF\n');

// Issue 19's path end to end through the demo Outlook: a new e-mail with a file to someone the CRM lacks; the Smart
// Alert's Create contact; Send; the job finds the message in Sent Items and logs it, with its file, on the new contact.
describe('a sent e-mail with an attachment', () => {
  it('lands on the new contact’s timeline with its file kept as a document', async () => {
    const { page, pane } = await openDemo(site, { width: 320 });
    await page.getByRole('button', { name: 'New e-mail' }).click();
    const to = page.getByRole('textbox', { name: 'To' });
    await to.fill('Marta Łukasik <marta.lukasik@nordwind.example>');
    await to.press('Enter');
    await page.getByRole('textbox', { name: 'Subject' }).fill('Our price list');
    await page.getByLabel('Attach files').setInputFiles({ name: 'price-list.pdf', mimeType: 'application/pdf', buffer: PRICE_LIST });
    await page.getByRole('list', { name: 'Attachments' }).getByText(/price-list\.pdf/).waitFor();
    await pane.getByRole('heading', { name: 'People on this e-mail' }).waitFor();

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = page.getByRole('alertdialog', { name: 'Rapport CRM' });
    await alert.getByRole('button', { name: 'Create contact' }).click();
    const form = pane.getByRole('form', { name: 'Add marta.lukasik@nordwind.example to the CRM' });
    await form.getByRole('button', { name: 'Create contact' }).click();
    await pane.getByText('Marta Łukasik was added to the CRM.').waitFor();

    // Sent again: she is a contact now, so it is logged on send; the demo runs the job for the next minute.
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const sent = page.getByRole('region', { name: 'Sent' });
    await sent.getByText('Our price list').waitFor();
    const found = await demoApi<LookupResponse>(site, 'POST', '/api/lookup', { emails: ['marta.lukasik@nordwind.example'] });
    const contact = found.results[0]?.contact;
    if (!contact) throw new Error('Marta is not a contact');
    const loggedEmail = async () =>
      (await demoApi<ApiPage<Activity>>(site, 'GET', `/api/contacts/${contact.id}/timeline`)).items.find((activity) => activity.kind === 'email' && activity.subject === 'Our price list');
    for (let tries = 0; !(await loggedEmail()) && tries < 60; tries++) await new Promise((resolve) => setTimeout(resolve, 500));
    // The rep opens the sent message once Rapport has logged it: its pane says so, and her timeline has it.
    await page.getByRole('navigation', { name: 'Inbox' }).getByText('A customer with an open deal').click();
    await sent.getByText('Our price list').click();
    expect(await page.getByLabel('Attached files').innerText()).toContain('price-list.pdf');
    await pane.getByText(/^Logged to the CRM on /).waitFor({ timeout: 30_000 });
    await pane.getByRole('button', { name: /Our price list/ }).first().waitFor();
    expect(problemsOf(await checkPane(page, 'sent-with-attachment-logged', 320))).toEqual([]);
    await screenshot(page, 'sent-with-attachment-logged');

    const email = await loggedEmail();
    expect(email?.attachments).toEqual([{ name: 'price-list.pdf', size: PRICE_LIST.length, documentId: expect.any(String) }]);
    const documents = await demoApi<ApiPage<Document>>(site, 'GET', `/api/documents?recordKind=contact&recordId=${contact.id}`);
    expect(documents.items).toMatchObject([{ id: email!.attachments![0]!.documentId, name: 'price-list.pdf', contentType: 'application/pdf', source: 'email', activityId: email!.id }]);
    const token = await site.app.issuer.issue({ tenantId: DEMO_TENANT_ID, userId: DEMO_USER_ID, roles: [] });
    const content = await fetch(`${site.server.url}/api/documents/${documents.items[0]!.id}/content`, { headers: { authorization: `Bearer ${token}` } });
    expect(Buffer.from(await content.arrayBuffer()).equals(PRICE_LIST)).toBe(true);
    await page.close();
  });

  it('keeps a received e-mail’s attachment once the rep logged it in the pane', async () => {
    const received = demoItem(site, 'A customer with an open deal');
    expect(received.attachments?.map((file) => file.name)).toEqual(['Seat plan.pdf']);
    const { page, pane } = await openDemo(site, { item: received.id, width: 320 });
    expect(await page.getByLabel('Attached files').innerText()).toContain('Seat plan.pdf');
    await pane.getByRole('button', { name: 'Log this e-mail' }).click();
    await pane.getByText(/^Logged to the CRM on /).waitFor();
    // The pane cannot read attachments: a job reads them as the application (here run at once, not a minute later).
    await pane.getByText('Following this thread: replies are logged too.').waitFor();
    const run = await fetch(`${site.server.url}/dev/jobs/keep-attachments/run?again=true&at=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, { method: 'POST', headers: { 'x-rapport-dev': 'run' } });
    expect(run.status).toBe(200);
    const found = await demoApi<LookupResponse>(site, 'POST', '/api/lookup', { emails: [received.from!.email], internetMessageId: received.internetMessageId });
    const logged = found.loggedActivity;
    if (!logged) throw new Error('the e-mail is not logged');
    const email = await demoApi<Activity>(site, 'GET', `/api/activities/${logged.id}`);
    expect(email.attachments).toEqual([{ name: 'Seat plan.pdf', size: received.attachments![0]!.size, documentId: expect.any(String) }]);
    const documents = await demoApi<ApiPage<Document>>(site, 'GET', `/api/documents?recordKind=activity&recordId=${logged.id}`);
    expect(documents.items.map((document) => [document.name, document.contentType, document.source])).toEqual([['Seat plan.pdf', 'application/pdf', 'email']]);
    await page.close();
  });
});
