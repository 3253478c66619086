import type { CommissionStatementView } from '@rapport/shared/commissions/commission-statement.schema';
import type { DealCommission } from '@rapport/shared/commissions/commissions.contract';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_TENANT_ID, DEMO_USER_ID } from '../../functions/src/local/demo/demo-data';
import { SCREENSHOTS, axeViolationsIn, demoApi, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';

// Commissions end to end in Chromium on the demo: the rep opens their open deal in a 320 px pane and reads what it
// would pay if won now; wins it and reads what it paid; their manager approves the statement on the dashboard, which
// fits a phone's width as well as a desktop's.

jest.setTimeout(240_000);

const MANAGER = 'morgan.blake@rapport-demo.com';
const ADMIN = 'sam.patel@rapport-demo.com';
const MANAGER_ID = 'c0ffee00-0000-4000-8000-0000000000b1';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => site?.close());

const euro = (minor: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(minor / 100);
const percent = (rate: number) => new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 }).format(rate / 100);

/** The task pane alone, as the user sees it. */
async function paneShot(page: Page, name: string): Promise<void> {
  await page.locator('iframe[title="Rapport task pane"]').screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** What runs past the page's right edge (so the page would scroll sideways): each element's tag, class and text. */
async function widerThanPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && element.getBoundingClientRect().width > 0)
      .map((element) => `${element.tagName.toLowerCase()}: ${(element.textContent ?? '').slice(0, 60)}`);
  });
}

/** Nothing in the page is wider than its window: no sideways scrolling. */
async function scrollsSideways(page: Page): Promise<string[]> {
  const scrolls = await page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > (document.scrollingElement?.clientWidth ?? 0));
  return scrolls ? widerThanPage(page) : [];
}

describe('commissions in Chromium', () => {
  it('a rep reads what their open deal pays, wins it, and their manager approves the statement', async () => {
    // The demo's customer with an open deal: given to the rep (the demo's signed-in person) by their manager first.
    const email = demoItem(site, 'A customer with an open deal');
    const dealName = email.subject.replace(/^Re: /, '');
    const [contactId] = (await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [email.from!.email.toLowerCase()])).get(email.from!.email.toLowerCase()) ?? [];
    const contact = await site.app.store.get('contact', DEMO_TENANT_ID, contactId!);
    const deals = await site.app.store.list('deal', DEMO_TENANT_ID, { limit: 50, linkedTo: { kind: 'company', id: contact!.companyId! } });
    const deal = deals.items.find((candidate) => candidate.name === dealName && candidate.status === 'open')!;
    if (deal.ownerId !== DEMO_USER_ID) {
      await demoApi(site, 'PATCH', `/api/deals/${deal.id}`, { ownerId: DEMO_USER_ID }, { 'if-match': `"${deal.version}"` }, MANAGER_ID);
    }
    const ifWon = await demoApi<DealCommission>(site, 'GET', `/api/commissions/deals/${deal.id}`);
    expect(ifWon.planName).toBe('Field sales');

    const { page, pane } = await openDemo(site, { item: email.id, width: 320 });
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    await pane.getByRole('button', { name: /Open deals/ }).click();
    const line = `If won now: pays you ${euro(ifWon.payMinor)} (${percent(ifWon.effectiveRate ?? 0)})`;
    const rowLine = pane.getByText(line, { exact: false }).first();
    await rowLine.waitFor();
    await rowLine.scrollIntoViewIfNeeded();
    await paneShot(page, 'commissions-pane-line-320');

    // Opened, won from its Products section: the line says what it paid.
    // The customer has more than one deal of that name: the rep's is the one whose row says what it pays.
    await pane.getByRole('listitem').filter({ hasText: line }).getByRole('button', { name: dealName, exact: true }).click();
    const view = pane.getByRole('article', { name: dealName });
    await view.getByText(line, { exact: false }).waitFor();
    await view.getByRole('button', { name: 'Products and stage', exact: true }).click();
    const panel = view.getByRole('group', { name: `Change ${dealName}` });
    await panel.getByRole('button', { name: 'Close as won' }).click();
    await panel.getByLabel('Why was it won?').fill('The pilot convinced them.');
    await panel.getByRole('button', { name: 'Close deal' }).click();
    const paid = await demoApi<DealCommission>(site, 'GET', `/api/commissions/deals/${deal.id}`);
    const paidLine = view.getByText(`Paid you ${euro(paid.payMinor)} (${percent(paid.effectiveRate ?? 0)})`, { exact: false });
    await paidLine.waitFor();
    await paidLine.scrollIntoViewIfNeeded();
    await paneShot(page, 'commissions-pane-paid-320');
    await page.close();

    // The manager opens the team's statements on the dashboard, then the rep's, and approves it as read.
    const draft = await demoApi<CommissionStatementView>(site, 'GET', `/api/commissions/statement`);
    expect(draft.lines.map((entry) => entry.dealId)).toContain(deal.id);
    const dashboard = await site.browser.newPage({ viewport: { width: 1400, height: 1000 }, timezoneId: 'UTC' });
    const errors: string[] = [];
    dashboard.on('pageerror', (error) => errors.push(error.message));
    await dashboard.goto(`${site.server.url}/dashboard?as=${MANAGER}&tab=commissions&lang=en-US`);
    const team = dashboard.getByRole('table', { name: 'Team statements' });
    await team.getByRole('button', { name: 'Statement of Avery Quinn' }).click();
    const statement = dashboard.getByRole('region', { name: 'Statement of Avery Quinn' });
    await statement.getByRole('table', { name: /^Won deals of / }).getByRole('link', { name: dealName }).first().waitFor();
    expect(await axeViolationsIn(dashboard)).toEqual([]);
    await screenshot(dashboard, 'commissions-dashboard-manager-desktop', { fullPage: true });
    await dashboard.setViewportSize({ width: 320, height: 900 });
    await screenshot(dashboard, 'commissions-dashboard-manager-320', { fullPage: true });
    expect(await scrollsSideways(dashboard)).toEqual([]);
    await dashboard.setViewportSize({ width: 1400, height: 1000 });
    if (draft.missingRates.length > 0) {
      await statement.getByRole('button', { name: `Approve ${euro(draft.totalMinor)}` }).click();
      await statement.getByText(/Some deals are in a currency without an exchange rate/).waitFor();
    } else {
      await statement.getByRole('button', { name: `Approve ${euro(draft.totalMinor)}` }).click();
      await statement.getByText(/^Approved: Avery Quinn’s statement for .+ is kept as it is now\.$/).waitFor();
      const approved = await demoApi<CommissionStatementView>(site, 'GET', `/api/commissions/statement`);
      expect(approved).toMatchObject({ status: 'approved', totalMinor: draft.totalMinor, approvedBy: MANAGER_ID });
    }
    expect(errors).toEqual([]);
    await dashboard.close();

    // The rep's own statement, and the admin's plans with the editor open, at a phone's width.
    const narrow = await site.browser.newPage({ viewport: { width: 320, height: 900 }, timezoneId: 'UTC' });
    await narrow.goto(`${site.server.url}/dashboard?tab=commissions&lang=en-US`);
    await narrow.getByRole('table', { name: /^Won deals of / }).waitFor();
    await screenshot(narrow, 'commissions-dashboard-rep-320', { fullPage: true });
    expect(await scrollsSideways(narrow)).toEqual([]);
    expect(await axeViolationsIn(narrow)).toEqual([]);
    await narrow.goto(`${site.server.url}/dashboard?as=${ADMIN}&tab=commissions&lang=en-US`);
    await narrow.getByRole('button', { name: 'Change Field sales' }).click();
    await narrow.getByRole('form', { name: 'Change Field sales' }).waitFor();
    await screenshot(narrow, 'commissions-dashboard-admin-plan-320', { fullPage: true });
    expect(await scrollsSideways(narrow)).toEqual([]);
    expect(await axeViolationsIn(narrow)).toEqual([]);
    await narrow.setViewportSize({ width: 1400, height: 1000 });
    await screenshot(narrow, 'commissions-dashboard-admin-plan-desktop', { fullPage: true });
    await narrow.close();
  });
});
