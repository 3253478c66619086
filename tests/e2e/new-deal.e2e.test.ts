import type { Deal } from '@rapport/shared';
import { DEMO_TENANT_ID, DEMO_USER_ID } from '../../functions/src/local/demo/demo-data';
import { demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

jest.setTimeout(90_000);

// This file's own demo site (its own data directory): the deal it creates is seen by no other test.
let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site?.close();
});

/** What the API answers the demo rep, as the pane's own requests would get it. */
async function asDemoRep<T>(route: string): Promise<T> {
  const issued = await fetch(`${site.server.url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId: DEMO_TENANT_ID, userId: DEMO_USER_ID, roles: ['rep'] }),
  });
  const { accessToken } = (await issued.json()) as { accessToken: string };
  return (await (await fetch(`${site.server.url}${route}`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as T;
}

describe('a new deal from the e-mail’s card, at 320 px', () => {
  it('creates a deal for the customer who wrote, linked to them and their company, in the tenant’s currency, and opens it from the notice', async () => {
    const email = demoItem(site, 'A customer with an open deal');
    const address = email.from!.email.toLowerCase();
    const [contactId] = (await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [address])).get(address) ?? [];
    const contact = (await site.app.store.get('contact', DEMO_TENANT_ID, contactId!))!;
    const company = (await site.app.store.get('company', DEMO_TENANT_ID, contact.companyId!))!;
    const settings = await asDemoRep<{ reportingCurrency: string }>('/api/settings');
    const pipeline = await asDemoRep<{ stages: { id: string; name: string; kind: string }[] }>('/api/pipeline');
    const firstOpen = pipeline.stages.find((stage) => stage.kind === 'open')!;
    const dealsOfContact = async () => (await site.app.store.list('deal', DEMO_TENANT_ID, { limit: 100, linkedTo: { kind: 'contact', id: contact.id } })).items as Deal[];
    const before = await dealsOfContact();

    const { page, pane } = await openDemo(site, { item: email.id, width: 320 });
    const card = pane.getByRole('region', { name: email.from!.name });
    await card.waitFor();
    await pane.getByRole('button', { name: 'New deal' }).click();
    const form = pane.getByRole('form', { name: 'New deal' });
    const stage = form.getByRole('combobox', { name: 'Stage' });
    await stage.waitFor();

    // The reply is about the company's deal, which already names the company: offered as it is, without "Re:".
    const name = form.getByRole('textbox', { name: /Deal name/ });
    expect(await name.inputValue()).toBe(email.subject.replace(/^Re: /, ''));
    expect(await form.getByRole('combobox', { name: 'Currency' }).inputValue()).toBe(settings.reportingCurrency);
    expect(await stage.inputValue()).toBe(firstOpen.id);

    const dealName = `${company.name} – Renewal 2027`;
    await name.fill(dealName);
    // A bad amount is said at the field before anything is sent.
    await form.getByRole('textbox', { name: 'Amount' }).fill('48000.555');
    await form.getByText(`${settings.reportingCurrency} amounts have at most 2 decimals.`).waitFor();
    await form.getByRole('textbox', { name: 'Amount' }).fill('48000');
    await form.getByRole('textbox', { name: /Next step/ }).fill('Send the revised pricing for 50 seats by Friday');
    const formChecked = await checkPane(page, 'new-deal-form', 320);
    expect(problemsOf(formChecked)).toEqual([]);

    await form.getByRole('button', { name: 'Create deal' }).click();
    const notice = pane.getByRole('status').filter({ hasText: `Deal “${dealName}” created.` });
    await notice.waitFor();
    // The card was read again: its open deals have the new one.
    await pane.getByRole('button', { name: /Open deals/ }).click();
    await pane.getByText(dealName, { exact: true }).first().waitFor();
    const noticeChecked = await checkPane(page, 'new-deal-created', 320);
    expect(problemsOf(noticeChecked)).toEqual([]);

    const created = (await dealsOfContact()).filter((deal) => !before.some((earlier) => earlier.id === deal.id));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      name: dealName,
      amount: 48000,
      currency: settings.reportingCurrency,
      stage: firstOpen.id,
      status: 'open',
      nextStep: 'Send the revised pricing for 50 seats by Friday',
      contactIds: [contact.id],
      companyId: company.id,
      ownerId: DEMO_USER_ID,
    });

    await notice.getByRole('button', { name: 'Open deal' }).click();
    await pane.getByRole('heading', { level: 1, name: dealName }).waitFor();
    await screenshot(page, 'new-deal-opened');
    await page.close();
  });
});
