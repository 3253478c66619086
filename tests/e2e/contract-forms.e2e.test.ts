import type { Contact, Contract, LookupResponse, Order, Quote } from '@rapport/shared';
import { termEndDate } from '@rapport/shared/contracts/contract.rules';
import { quoteReference } from '@rapport/shared/quotes/quote.rules';
import { DEMO_TENANT_ID, DEMO_USER_EMAIL } from '../../functions/src/local/demo/demo-data';
import { demoApi, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// The pane's forms for service contracts and orders, in Chromium at 320 px against the demo: a rep makes a contract on
// the inbox customer's company from its record view and sees it open; records the customer's order of a sent quote in
// the deal's quotes and on the quote's record page, and opens it; an admin sets how many days before a contract's end
// its owner is reminded.

jest.setTimeout(240_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => site?.close());

/** The inbox customer (the sender of "A customer with an open deal") and their company. */
async function inboxCustomer() {
  const item = demoItem(site, 'A customer with an open deal');
  const email = item.from!.email;
  const ids = await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [email]);
  const contact = (await site.app.store.get('contact', DEMO_TENANT_ID, ids.get(email)![0]!)) as Contact;
  const company = (await site.app.store.get('company', DEMO_TENANT_ID, contact.companyId!))!;
  return { item, contact, company };
}

/** Nothing of the pane runs off sideways, values stay whole, axe finds nothing serious; the pane photographed. */
async function fits(page: Parameters<typeof checkPane>[0], view: string): Promise<void> {
  expect(problemsOf(await checkPane(page, view, 320))).toEqual([]);
}

describe('contract and order forms in Chromium', () => {
  it("makes a service contract on the customer's company from its record view, and opens it", async () => {
    const { item, contact, company } = await inboxCustomer();
    const settings = await demoApi<{ reportingCurrency: string }>(site, 'GET', '/api/settings');
    const { page, pane } = await openDemo(site, { item: item.id, width: 320 });
    const card = pane.getByRole('region', { name: `${contact.firstName} ${contact.lastName}` });
    await card.getByRole('button', { name: company.name, exact: true }).click();
    const companyView = pane.getByRole('article', { name: company.name });
    await companyView.getByRole('button', { name: 'Service contracts' }).click();
    // The demo's contract in force, then New contract.
    const list = companyView.getByRole('list', { name: 'Service contracts' });
    await list.getByRole('button', { name: /^SC-\d+ Premium support$/ }).waitFor();
    await list.getByText('Active').first().waitFor();
    await companyView.getByRole('button', { name: 'New contract' }).click();

    const form = companyView.getByRole('form', { name: 'New service contract' });
    // From today (the browser's day: UTC) for a year, in the tenant's reporting currency, renewing as the schema says.
    const today = new Date().toISOString().slice(0, 10);
    expect(await form.getByLabel('Starts on').inputValue()).toBe(today);
    expect(await form.getByLabel('Ends on').inputValue()).toBe(termEndDate(today, 12));
    expect(await form.getByLabel('Currency').inputValue()).toBe(settings.reportingCurrency);
    expect(await form.getByLabel('Notice (days before the end)').inputValue()).toBe('30');
    expect(await form.getByLabel('Renewal term (months)').inputValue()).toBe('12');
    await fits(page, 'contract-new-empty');

    // Saved without a name: said at the field, nothing sent.
    await form.getByRole('button', { name: 'Save the contract' }).click();
    await form.getByText('Give the contract a name.').waitFor();
    await form.getByLabel('Name').fill('Gold support 2027');
    await form.getByRole('button', { name: 'Add a product or service' }).click();
    await form.getByRole('textbox', { name: 'Product or service' }).fill('Hotline and remote fixes');
    await form.getByLabel('Service level').fill('Gold');
    await form.getByLabel('Answer within (hours)').fill('4');
    await form.getByLabel('Solved within (hours)').fill('24');
    await form.getByRole('switch', { name: 'Renews by itself' }).check();
    await form.getByLabel('Notice (days before the end)').fill('60');
    await form.getByLabel('Value per period').fill('950');
    await form.getByLabel('Period', { exact: true }).selectOption('year');
    await form.getByLabel('Notes').fill('Signed at the Lisbon meeting.');
    await fits(page, 'contract-new-filled');
    await screenshot(page, 'contract-new-filled', { fullPage: true });
    await form.getByRole('button', { name: 'Save the contract' }).click();

    // The new contract opens: its number, name, days and terms.
    const view = pane.getByRole('article', { name: /^SC-\d+ Gold support 2027$/ });
    const terms = view.getByRole('region', { name: 'Coverage and terms' });
    await terms.getByText('Gold: an answer within 4 h, solved within 24 h').waitFor();
    await terms.getByText('Renews by itself for 12 months; notice 60 days before the end').waitFor();
    await terms.getByText('Hotline and remote fixes').waitFor();
    await view.getByText(/^Active$|^Upcoming$/).first().waitFor();
    await fits(page, 'contract-new-opened');

    const stored = (await demoApi<{ items: Contract[] }>(site, 'GET', `/api/contracts?companyId=${company.id}`)).items;
    expect(stored.find((contract) => contract.name === 'Gold support 2027')).toMatchObject({
      companyId: company.id,
      startDate: today,
      endDate: termEndDate(today, 12),
      covered: [{ name: 'Hotline and remote fixes' }],
      serviceLevel: { name: 'Gold', responseHours: 4, resolutionHours: 24 },
      renewal: { autoRenew: true, noticeDays: 60, termMonths: 12 },
      value: { amount: 950, currency: settings.reportingCurrency, period: 'year' },
      notes: 'Signed at the Lisbon meeting.',
    });

    // Back on the company, its contracts list the new one.
    await view.getByRole('button', { name: 'Back', exact: true }).click();
    await companyView.getByRole('button', { name: 'Service contracts' }).click();
    await list.getByRole('button', { name: /^SC-\d+ Gold support 2027$/ }).waitFor();
    await fits(page, 'contract-company-list');
    await page.close();
  });

  it("records the customer's order of a sent quote in the deal's quotes, and opens it", async () => {
    const { item, contact } = await inboxCustomer();
    const lookup = await demoApi<LookupResponse>(site, 'POST', '/api/lookup', { emails: [item.from!.email] });
    const open = lookup.results[0]?.openDeals ?? [];
    const deal = open.find((candidate) => open.filter((other) => other.name === candidate.name).length === 1)!;
    const draft = await demoApi<Quote>(site, 'POST', '/api/quotes', { dealId: deal.id, lines: [{ name: 'Barcode scanner', quantity: 12, unitPrice: 219.9, taxPercent: 20 }] }, { 'idempotency-key': 'contract-forms:quote' }, deal.ownerId);
    const sent = await demoApi<Quote>(site, 'POST', `/api/quotes/${draft.id}/send`, {}, {}, deal.ownerId);
    const reference = quoteReference(sent);

    const { page, pane } = await openDemo(site, { item: item.id, width: 320 });
    await pane.getByRole('region', { name: `${contact.firstName} ${contact.lastName}` }).waitFor();
    await pane.getByRole('button', { name: /^Open deals/ }).click();
    // The deal's quotes, in its section of the card's open deals.
    const deals = pane.getByRole('region', { name: 'Open deals' });
    await pane.getByRole('button', { name: `Quotes of ${deal.name}` }).click();
    await pane.getByRole('button', { name: new RegExp(`^${reference} · Sent`) }).click();
    await pane.getByText('None yet. Did the customer accept it another way, such as a signed copy? Record their order.').waitFor();
    await fits(page, 'quote-order-offered');
    await pane.getByRole('button', { name: 'Record the customer’s order' }).click();
    await pane.getByText(/^Order O-\d+ is recorded\.$/).waitFor();

    const orders = await demoApi<{ items: Order[] }>(site, 'GET', `/api/orders?dealId=${deal.id}`);
    const order = orders.items.find((candidate) => candidate.quoteId === sent.id)!;
    expect(order).toMatchObject({ status: 'confirmed', quoteReference: reference, currency: sent.currency });
    // (The card names it too, among the company's latest orders.)
    const link = deals.getByRole('button', { name: `O-${order.number}`, exact: true });
    await link.waitFor();
    expect(await pane.getByRole('button', { name: 'Record the customer’s order' }).count()).toBe(0);
    await fits(page, 'quote-order-recorded');
    await link.click();
    const view = pane.getByRole('article', { name: `O-${order.number}` });
    await view.getByRole('list', { name: 'What was ordered' }).getByText(/Barcode scanner/).waitFor();
    await fits(page, 'quote-order-opened');

    // The order's quote, on its record view, names its order.
    await view.getByRole('button', { name: `From quote ${reference}` }).click();
    const quoteView = pane.getByRole('article', { name: reference });
    await quoteView.getByRole('button', { name: `O-${order.number}`, exact: true }).waitFor();
    await fits(page, 'quote-record-with-order');
    await page.close();
  });

  it("records the customer's order of the demo's sent quote on its record page, at 320 px", async () => {
    const quote = (await site.app.store.get('quote', DEMO_TENANT_ID, `${DEMO_TENANT_ID.slice(0, 24)}-quote-1`)) as Quote;
    expect(quote.status).toBe('sent');
    const page = await site.browser.newPage({ viewport: { width: 320, height: 900 }, timezoneId: 'UTC' });
    await page.goto(`${site.server.url}/records/quote/${quote.id}?lang=en&as=${encodeURIComponent(DEMO_USER_EMAIL)}`);
    await page.getByRole('heading', { level: 1, name: 'Q-1' }).waitFor({ timeout: 30_000 });
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('button', { name: 'Record the customer’s order' }).click();
    await details.getByText(/^Order O-\d+ is recorded\.$/).waitFor();
    const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, visible: document.documentElement.clientWidth }));
    expect(widths.content).toBeLessThanOrEqual(widths.visible);
    await screenshot(page, 'quote-record-page-order-320', { fullPage: true });
    const [order] = (await demoApi<{ items: Order[] }>(site, 'GET', `/api/orders?dealId=${quote.dealId}`)).items.filter((candidate) => candidate.quoteId === quote.id);
    await details.getByRole('button', { name: `O-${order!.number}`, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `O-${order!.number}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/records/order/${order!.id}`);
    await page.close();
  });

  it('lets an admin set the days before a contract ends that its owner is reminded, in Settings → Contracts', async () => {
    const admin = site.inbox.signIns.find((person) => person.role === 'admin')!;
    const { page, pane } = await openDemo(site, { as: admin.email, width: 320 });
    await pane.getByRole('tab', { name: 'Settings' }).click();
    await pane.getByRole('button', { name: 'Contracts', exact: true }).click();
    const days = pane.getByLabel('Days before the end to remind the owner');
    expect(await days.inputValue()).toBe('60');
    await days.fill('400');
    await pane.getByText('Enter a whole number of days from 1 to 365.').waitFor();
    await days.fill('90');
    await pane.getByRole('button', { name: 'Save', exact: true }).click();
    await pane.getByRole('status').getByText('Saved. Owners are reminded 90 days before their contracts end.').waitFor();
    expect((await site.app.store.get('settings', DEMO_TENANT_ID, 'tenant'))?.contractRenewalDays).toBe(90);
    await fits(page, 'contract-renewal-days');
    await page.close();
  });
});
