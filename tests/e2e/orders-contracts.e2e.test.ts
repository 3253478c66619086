import type { Contact, Deal, Quote } from '@rapport/shared';
import { DEMO_TENANT_ID } from '../../functions/src/local/demo/demo-data';
import { demoApi, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// Orders and service contracts end to end in Chromium, in a 320 px pane: the customer of the demo's open deal has a
// service contract in force and two orders (accepted quotes, one shipped); their card says they are covered and lists
// the orders, their open cases say what is promised, Purchases lists the orders with status and tracking, and an order
// and the contract open as record views.

jest.setTimeout(240_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => site?.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A quote for a new deal of the company, sent and accepted by the customer on its page: an order. */
async function acceptedOrder(company: { id: string }, contact: Contact, name: string, lines: { name: string; quantity: number; unitPrice: number; taxPercent: number }[]) {
  const deal = await demoApi<Deal>(site, 'POST', '/api/deals', { name, stage: 'proposal', currency: 'EUR', companyId: company.id, contactIds: [contact.id] });
  const draft = await demoApi<Quote>(site, 'POST', '/api/quotes', { dealId: deal.id, lines });
  const sent = await demoApi<Quote>(site, 'POST', `/api/quotes/${draft.id}/send`, {});
  const accepted = await fetch(`${site.server.url}/api/public/quotes/${sent.publicKey}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Dana Buyer', acceptTerms: true }) });
  expect(accepted.status).toBe(200);
  const orders = await demoApi<{ items: { id: string; version: number; number: number }[] }>(site, 'GET', `/api/orders?dealId=${deal.id}`);
  expect(orders.items).toHaveLength(1);
  return orders.items[0]!;
}

describe('orders and service contracts in Chromium', () => {
  it("shows a covered customer's contract and orders on the card, their cases' cover, and the orders in Purchases, at 320 px", async () => {
    const item = demoItem(site, 'A customer with an open deal');
    const sender = item.from!;
    const contacts = await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [sender.email]);
    const contact = (await site.app.store.get('contact', DEMO_TENANT_ID, contacts.get(sender.email)![0]!)) as Contact;
    const company = (await site.app.store.get('company', DEMO_TENANT_ID, contact.companyId!))!;

    await demoApi(site, 'POST', '/api/contracts', {
      companyId: company.id,
      name: 'Premium support',
      covered: [{ name: 'Hotline 24/7' }, { name: 'On-site visits' }],
      startDate: day(-330),
      endDate: day(35),
      renewal: { autoRenew: false, noticeDays: 30, termMonths: 12 },
      serviceLevel: { name: 'Premium support', responseHours: 4, resolutionHours: 24 },
      value: { amount: 1200, currency: 'EUR', period: 'month' },
    });
    await demoApi(site, 'POST', '/api/cases', { subject: 'Scanner drops the connection', priority: 'high', contactId: contact.id, companyId: company.id });
    const first = await acceptedOrder(company, contact, 'Seats for the Lisbon office', [
      { name: 'Seat licence (annual)', quantity: 25, unitPrice: 480, taxPercent: 21 },
      { name: 'Onboarding workshop', quantity: 1, unitPrice: 1500, taxPercent: 21 },
    ]);
    const started = await demoApi<{ version: number }>(site, 'PATCH', `/api/orders/${first.id}`, { status: 'in-progress' }, { 'if-match': `"${first.version}"` });
    await demoApi(site, 'PATCH', `/api/orders/${first.id}`, { status: 'shipped', carrier: 'DHL Express', trackingNumber: 'JD014600006281234567' }, { 'if-match': `"${started.version}"` });
    await acceptedOrder(company, contact, 'Hardware refresh', [{ name: 'Barcode scanner', quantity: 12, unitPrice: 219.9, taxPercent: 21 }]);

    const { page, pane } = await openDemo(site, { item: item.id, width: 320 });
    const card = pane.getByRole('region', { name: contact.firstName ? `${contact.firstName} ${contact.lastName}` : contact.lastName });
    await card.getByRole('button', { name: /^Premium support · 4 h response, until / }).waitFor();
    await card.getByRole('button', { name: `O-${first.number}` }).waitFor();
    expect(problemsOf(await checkPane(page, 'orders-contract-card', 320))).toEqual([]);
    await screenshot(page, 'orders-contract-card');

    await pane.getByRole('button', { name: /^Open cases/ }).click();
    await pane.getByRole('button', { name: 'Covered by Premium support: an answer within 4 h, solved within 24 h' }).waitFor();
    await pane.getByRole('button', { name: 'Purchases' }).click();
    const orders = pane.getByRole('list', { name: 'Orders' });
    await orders.getByText('JD014600006281234567').waitFor();
    await orders.scrollIntoViewIfNeeded();
    expect(problemsOf(await checkPane(page, 'orders-purchases', 320))).toEqual([]);
    await screenshot(page, 'orders-purchases');

    await orders.getByRole('button', { name: `O-${first.number}` }).click();
    const view = pane.getByRole('article', { name: `O-${first.number}` });
    await view.getByRole('list', { name: 'What was ordered' }).waitFor();
    expect(problemsOf(await checkPane(page, 'orders-order-view', 320))).toEqual([]);
    await screenshot(page, 'orders-order-view');
    await view.getByRole('button', { name: 'Back', exact: true }).click();

    await card.getByRole('button', { name: /^Premium support · 4 h response, until / }).click();
    const contract = pane.getByRole('article', { name: /^SC-\d+ Premium support$/ });
    await contract.getByRole('button', { name: 'Make the renewal quote' }).waitFor();
    expect(problemsOf(await checkPane(page, 'orders-contract-view', 320))).toEqual([]);
    await screenshot(page, 'orders-contract-view');
    await contract.getByRole('button', { name: 'Make the renewal quote' }).click();
    await contract.getByText(/^The renewal quote Q-\d+ is drafted on its own deal\.$/).waitFor();
  });
});
