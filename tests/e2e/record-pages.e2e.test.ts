import type { BrowserContext, Page } from 'playwright-core';
import type { Company, Deal, DemoInbox } from '@rapport/shared';
import { DEMO_TENANT_ID, DEMO_USER_EMAIL } from '../../functions/src/local/demo/demo-data';
import { axeViolationsIn, demoApi, screenshot, startDemoSite, type DemoSite } from './browser';

// The web record pages (/records/{kind}/{id}) from a manager's data quality: one browser, few page loads. The deal this
// test opens is its own (made here, without an amount: the demo's deals all have one, so it is the row's only record).

jest.setTimeout(180_000);

let site: DemoSite;
let context: BrowserContext;
const problems: string[] = [];
beforeAll(async () => {
  site = await startDemoSite();
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
  // Every page records what its Content-Security-Policy blocked; errors are collected from every page the test opens.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`));
  });
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // A record page whose path names no record, and the read of a deleted record, are answered 404 on purpose.
      if (message.type() === 'error' && !/status of 404/.test(message.text())) problems.push(message.text());
    });
  });
});
afterAll(async () => {
  await context?.close();
  await site?.close();
});

const manager = (inbox: DemoInbox) => inbox.signIns.find((person) => person.role === 'manager')!;

async function waitForHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
}

describe('web record pages', () => {
  it("opens a data-quality row's record from the dashboard in a new tab, whose links change the address so Back works, in English and Spanish", async () => {
    const boss = manager(site.inbox);
    const companies = await demoApi<{ items: Company[] }>(site, 'GET', '/api/companies?limit=1', undefined, {}, boss.userId);
    const company = companies.items[0]!;
    const deal = await demoApi<Deal>(site, 'POST', '/api/deals', { name: 'Harbor crane refit (record page)', stage: 'proposal', companyId: company.id }, { 'idempotency-key': 'record-pages:deal' }, boss.userId);

    const dashboard = await context.newPage();
    await dashboard.goto(`${site.server.url}/dashboard?as=${encodeURIComponent(boss.email)}&lang=en&tab=quality`);
    const card = dashboard.locator('[data-report="data-quality"][data-state="ready"]');
    await card.waitFor({ timeout: 60_000 });
    const row = card.getByRole('row').filter({ hasText: 'Open deals without an amount' });
    await row.getByText('Show them').click();
    const link = row.getByRole('link', { name: `Deal: ${deal.name} (opens in a new tab)` });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await axeViolationsIn(dashboard)).toEqual([]);
    await screenshot(dashboard, 'dashboard-quality-records');
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe(`/records/deal/${deal.id}`);
    expect(new URL(tab.url()).searchParams.get('as')).toBe(boss.email);

    // The record view at a page's width: the deal's name, its facts and every field, its changes.
    await waitForHeading(tab, deal.name);
    await tab.getByRole('button', { name: 'Details' }).waitFor();
    expect(await tab.title()).toBe('Deal – Rapport');
    expect(await tab.locator('main').evaluate((main) => main.getBoundingClientRect().width)).toBeGreaterThan(600);
    expect(await axeViolationsIn(tab)).toEqual([]);
    await screenshot(tab, 'record-page-deal', { fullPage: true });

    // A record opened inside goes to its own page; the browser's Back returns to the deal.
    await tab.getByRole('button', { name: company.name }).first().click();
    await waitForHeading(tab, company.name);
    expect(new URL(tab.url()).pathname).toBe(`/records/company/${company.id}`);
    await tab.goBack();
    await waitForHeading(tab, deal.name);
    expect(new URL(tab.url()).pathname).toBe(`/records/deal/${deal.id}`);

    // In Spanish, as the pane's link gives it.
    await tab.goto(`${site.server.url}/records/deal/${deal.id}?lang=es&as=${encodeURIComponent(boss.email)}`);
    await waitForHeading(tab, deal.name);
    await tab.getByRole('button', { name: 'Detalles' }).waitFor();
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await tab.title()).toBe('Oportunidad – Rapport');
    expect(await axeViolationsIn(tab)).toEqual([]);
    await screenshot(tab, 'record-page-deal-es', { fullPage: true });
    expect(problems).toEqual([]);
    await dashboard.close();
    await tab.close();
  });

  it("shows the demo's sent quote read-only, its lines stacked at 320 px with nothing running off sideways, under the same strict policy", async () => {
    const [quote] = (await site.app.store.list('quote', DEMO_TENANT_ID, { limit: 10 })).items;
    const deal = await site.app.store.get('deal', DEMO_TENANT_ID, quote!.dealId);
    const page = await context.newPage();
    await page.goto(`${site.server.url}/records/quote/${quote!.id}?lang=en&as=${encodeURIComponent(DEMO_USER_EMAIL)}`);
    await waitForHeading(page, 'Q-1');
    expect(await page.title()).toBe('Quote – Rapport');
    await page.getByText('Sent', { exact: true }).first().waitFor();
    const lines = page.getByRole('table', { name: 'Lines' });
    await lines.getByRole('cell', { name: 'Sales seat (annual)' }).waitFor();
    expect(await lines.getByRole('row').count()).toBe(1 + quote!.lines.length);
    // The total as the server computed it, in the deal's currency (the demo user's UK deal: pounds).
    const total = new Intl.NumberFormat('en-US', { style: 'currency', currency: quote!.currency }).format(quote!.totals.total / 100);
    await page.getByLabel('Totals').getByText(total, { exact: true }).waitFor();
    await page.getByText(`${total} with tax`).waitFor();
    expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    expect(await axeViolationsIn(page)).toEqual([]);
    await screenshot(page, 'record-page-quote', { fullPage: true });

    // At a phone's width the lines stack, each figure labelled, and nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 800 });
    const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, visible: document.documentElement.clientWidth }));
    expect(widths.content).toBeLessThanOrEqual(widths.visible);
    expect(await lines.locator('thead').evaluate((head) => head.getBoundingClientRect().height)).toBeLessThanOrEqual(1);
    expect(await axeViolationsIn(page)).toEqual([]);
    await screenshot(page, 'record-page-quote-320', { fullPage: true });

    // Its deal opens at its own address.
    await page.getByRole('button', { name: deal!.name }).click();
    await waitForHeading(page, deal!.name);
    expect(new URL(page.url()).pathname).toBe(`/records/deal/${deal!.id}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers an address that names no record with the designed not-found page, in the reader’s language, and a deleted record with the view’s own message', async () => {
    const made = await demoApi<Deal>(site, 'POST', '/api/deals', { name: 'Gone before it was read (record page)', stage: 'proposal', amount: 100 }, { 'idempotency-key': 'record-pages:gone' });
    const deleted = await fetch(`${site.server.url}/api/deals/${made.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await site.app.issuer.issue({ tenantId: made.tenantId, userId: made.ownerId, roles: [] })}`, 'if-match': `"${made.version}"` },
    });
    expect(deleted.status).toBe(204);
    const page = await context.newPage();
    const response = await page.goto(`${site.server.url}/records/widget/not-a-record?lang=es`);
    expect(response?.status()).toBe(404);
    await waitForHeading(page, 'No hay ningún registro en esta dirección');
    await page.getByRole('link', { name: 'Abrir el panel' }).waitFor();
    expect(await page.getByRole('link', { name: 'Abrir el panel' }).getAttribute('href')).toBe('/dashboard?lang=es');
    expect(await axeViolationsIn(page)).toEqual([]);
    await screenshot(page, 'record-page-not-found-es');

    // A record that was deleted: the page exists (200), and the record view says what happened, with its Back.
    expect((await page.goto(`${site.server.url}/records/deal/${made.id}?lang=en`))?.status()).toBe(200);
    await page.getByText(/Rapport can’t find .*Someone may have deleted this record\./).waitFor();
    await page.getByRole('button', { name: 'Back' }).waitFor();
    expect(await axeViolationsIn(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
