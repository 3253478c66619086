import type { Page, Request } from 'playwright-core';
import { axeViolations, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { DEMO_TENANT_ID } from '../../functions/src/local/demo/demo-data';
import { paneFrame } from './pane-checks';

// The pane's one data layer as a user meets it: nothing is read twice, a network failure says so in the user's
// language and Retry recovers, a change someone else got in first keeps what the user chose, and the pane follows
// Outlook's dark theme.

jest.setTimeout(90_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site?.close();
});

const item = (scenario: string) => demoItem(site, scenario);

/** Every API request the pane sends from now on, as method, path with query, and body. */
function recordApiRequests(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) sent.push(`${request.method()} ${url.pathname}${url.search} ${request.postData() ?? ''}`);
  });
  return sent;
}

async function select(page: Page, subject: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: new RegExp(subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
}

describe("the pane's data", () => {
  it('reads each thing once: opening an item, another, and the first again sends no request twice', async () => {
    const first = item('A customer with an open deal');
    const second = item('A contact writing from a personal address');
    const { page, pane } = await openDemo(site, { item: first.id });
    const sent = recordApiRequests(page);
    await pane.getByRole('region', { name: first.from!.name }).waitFor();
    await select(page, second.subject);
    await pane.getByRole('region', { name: second.from!.name }).waitFor();
    await select(page, first.subject);
    await pane.getByRole('region', { name: first.from!.name }).waitFor();
    // Let anything a render might still start go out before counting.
    await page.waitForTimeout(500);
    const twice = sent.filter((request, index) => sent.indexOf(request) !== index);
    expect(twice).toEqual([]);
    expect(sent.filter((request) => request.startsWith('POST /api/lookup'))).toHaveLength(2);
    console.log(`Requests for an item, another, and the first again: ${sent.length} (${sent.map((request) => request.split(' ').slice(0, 2).join(' ')).join('; ')})`);
    await page.close();
  });

  it('says in Spanish that Rapport cannot be reached, and Reintentar brings the card once it can', async () => {
    const email = item('A customer with an open deal');
    const offline = (route: { abort: (reason: string) => Promise<void> }) => route.abort('internetdisconnected');
    const { page, pane } = await openDemo(site, { item: email.id, lang: 'es-ES' });
    // The pane prefetches the lookup before it renders: cut the network for it from the start of the next load.
    await page.route('**/api/lookup', offline);
    await page.reload();
    const alert = pane.getByRole('alert').filter({ hasText: 'No se puede conectar con Rapport' });
    await alert.waitFor();
    expect(await alert.textContent()).not.toMatch(/Failed to fetch|Algo salió mal/);
    await screenshot(page, 'network-failure-es');
    await page.unroute('**/api/lookup', offline);
    await alert.getByRole('button', { name: 'Reintentar' }).click();
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    expect(await pane.getByText('No se puede conectar con Rapport').count()).toBe(0);
    await page.close();
  });

  it("follows Outlook's dark theme: dark page, readable, nothing serious for axe", async () => {
    const email = item('A customer with an open deal');
    const { page, pane } = await openDemo(site, { item: email.id, theme: 'dark', width: 320 });
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    const background = await paneFrame(page).evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [red = 255, green = 255, blue = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(red + green + blue).toBeLessThan(3 * 80);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'card-dark-320');
    await page.close();
  });

  it('keeps the owner a manager chose when someone changed the contact first, says so in Spanish, and applies it after Volver a cargar', async () => {
    const email = item('A customer with an open deal');
    const address = email.from!.email.toLowerCase();
    const manager = site.inbox.signIns.find((person) => person.role === 'manager')!;
    const newOwner = site.inbox.signIns.find((person) => person.role === 'admin')!;
    const [contactId] = (await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [address])).get(address) ?? [];
    const { page, pane } = await openDemo(site, { item: email.id, lang: 'es-ES', as: manager.email, width: 320 });
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    const owner = pane.getByRole('combobox', { name: 'Reasignar a' });
    await owner.selectOption({ label: newOwner.name });

    // Meanwhile the contact's owner changes its title: the version the pane read is no longer the latest.
    const read = (await site.app.store.get('contact', DEMO_TENANT_ID, contactId!))!;
    const token = await site.app.issuer.issue({ tenantId: DEMO_TENANT_ID, userId: read.ownerId, roles: [] });
    const changed = await fetch(`${site.server.url}/api/contacts/${contactId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': `"${read.version}"` },
      body: JSON.stringify({ title: 'Head of Procurement' }),
    });
    expect(changed.status).toBe(200);

    await pane.getByRole('button', { name: 'Reasignar', exact: true }).click();
    // Who changed it, which field and when, in Spanish, from the API's 412.
    const ownerName = (await site.app.store.get('member', DEMO_TENANT_ID, read.ownerId))?.displayName;
    expect(ownerName).toBeTruthy();
    const alert = pane.getByRole('alert').filter({ hasText: `${ownerName} cambió Cargo a las` });
    await alert.waitFor();
    expect(await alert.getByRole('button', { name: 'Aplicar el mío de nuevo' }).isVisible()).toBe(true);
    expect(await alert.textContent()).not.toMatch(/STALE|412|Precondition|Something went wrong/);
    // What the manager chose is still chosen, and nothing was saved over the colleague's change.
    expect(await owner.inputValue()).toBe(newOwner.userId);
    expect((await site.app.store.get('contact', DEMO_TENANT_ID, contactId!))?.ownerId).toBe(read.ownerId);
    await screenshot(page, 'stale-change-es');

    await alert.getByRole('button', { name: 'Volver a cargar' }).click();
    await pane.getByText('Head of Procurement', { exact: false }).first().waitFor();
    expect(await owner.inputValue()).toBe(newOwner.userId);
    await pane.getByRole('button', { name: 'Reasignar', exact: true }).click();
    await pane.getByText(`${newOwner.name} es ahora el propietario de este contacto.`).waitFor();
    const saved = (await site.app.store.get('contact', DEMO_TENANT_ID, contactId!))!;
    expect([saved.ownerId, saved.title]).toEqual([newOwner.userId, 'Head of Procurement']);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
