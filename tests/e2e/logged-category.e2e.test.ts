import type { Route } from 'playwright-core';
import { demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';

jest.setTimeout(120_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site?.close();
});

const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST, OPTIONS' };

// The "Logged to Rapport" category: the pane creates it in the mailbox's master list through delegated Graph (the local
// stand-in's /me/outlook/masterCategories, played here by the test until the stand-in answers it), then puts it on the
// logged message through Office.js; the demo Outlook accepts only master-list categories and shows them in the list.
describe('the Logged to Rapport category', () => {
  it('goes on an e-mail the rep logs, shown in the message list as Outlook shows categories', async () => {
    const master: { displayName: string; color: string }[] = [];
    const created: unknown[] = [];
    const { page, pane } = await openDemo(site, { width: 320 });
    await page.route(
      (url) => url.pathname === '/v1.0/me/outlook/masterCategories',
      async (route: Route) => {
        const request = route.request();
        if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
        if (request.method() === 'POST') {
          const category = request.postDataJSON() as { displayName: string; color: string };
          created.push(category);
          master.push(category);
          return route.fulfill({ status: 201, headers: cors, json: { id: `c${master.length}`, ...category } });
        }
        return route.fulfill({ status: 200, headers: cors, json: { value: master } });
      },
    );
    const email = demoItem(site, 'A customer with an open deal');
    await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: new RegExp(email.subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
    await pane.getByRole('button', { name: 'Log this e-mail' }).click();
    await pane.getByText(/^Logged to the CRM/).waitFor();
    const entry = page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: new RegExp(email.subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await entry.getByLabel('Categories').getByText('Logged to Rapport').waitFor();
    expect(created).toEqual([{ displayName: 'Logged to Rapport', color: 'preset4' }]);
    await screenshot(page, 'logged-category-in-list');
    await page.close();
  });
});
