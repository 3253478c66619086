import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_TENANT_ID, DEMO_USER_ID } from '../../functions/src/local/demo/demo-data';
import { readMavenFiles } from '../../scripts/maven/maven-files';
import { MavenImportService } from '../../scripts/maven/maven-import.service';
import { PipelineService } from '../../functions/src/services/pipeline.service';
import { tabReports, type DashboardTab } from '../../addin/src/dashboard/report-catalog';
import { axeViolationsIn, screenshot, startDemoSite, type DemoSite } from './browser';

const MAVEN_FOLDER = path.resolve(__dirname, '../../../shared/data/maven-crm');
const MANAGER = 'morgan.blake@rapport-demo.com';
const ADMIN = 'sam.patel@rapport-demo.com';
const MAVEN_PERIOD = 'from=2016-01&to=2017-12';

jest.setTimeout(180_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
  // The demo tenant with the whole Maven sample beside its own demo data.
  const now = () => new Date();
  const store = site.app.store;
  await new MavenImportService({ store, pipelines: new PipelineService({ store, now }), now }).run(
    { tenantId: DEMO_TENANT_ID, userId: 'the-importer', roles: ['admin'] },
    await readMavenFiles(MAVEN_FOLDER),
  );
});
afterAll(async () => site?.close());

async function openDashboard(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${site.server.url}/dashboard?${query}`);
  return { page, errors };
}

/** Every report card of the tab has finished loading, and each with data has drawn its chart. */
async function chartsDrawn(page: Page, count: number): Promise<void> {
  await page.waitForFunction((expected) => document.querySelectorAll('[data-report][data-state="ready"]').length === expected, count, { timeout: 60_000 });
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-chart]')].every((chart) => chart.querySelector('svg path, svg rect')),
    undefined,
    { timeout: 60_000 },
  );
}

describe('the dashboard in Chromium', () => {
  it("draws every chart of the manager's team tab from the Maven sample, with its table, and passes axe", async () => {
    // The Maven sample sells in USD; picking that currency shows its deals unconverted.
    const { page, errors } = await openDashboard(`as=${MANAGER}&tab=team&${MAVEN_PERIOD}&currency=USD`);
    await chartsDrawn(page, tabReports.team.length);
    // Every report of the tab has data here, so every one has a chart and a table; but the expense, quote, order and
    // contract reports: the sample has none in USD in its years, and they say what would fill them.
    const emptyReports = tabReports.team.filter(({ chart }) => ['expenses', 'quotes', 'orders', 'contracts'].includes(chart.empty));
    expect(emptyReports.map(({ report }) => report)).toEqual(['expenses-by-owner', 'expenses-by-category', 'expenses-by-month', 'quotes-by-owner', 'quotes-by-month', 'orders-by-status', 'contracts-up-for-renewal']);
    expect(await page.locator('[data-chart]').count()).toBe(tabReports.team.length - emptyReports.length);
    expect(await page.locator('[data-report] table').count()).toBe(tabReports.team.length - emptyReports.length);
    const emptyText = { expenses: /^No approved expenses in this period\./, quotes: /^No quotes sent or answered in this period\./, orders: /^No orders for these filters\./, contracts: /^No service contract ends from this month on\./ };
    for (const { report, chart } of emptyReports) await page.locator(`[data-report="${report}"]`).getByText(emptyText[chart.empty as keyof typeof emptyText]).waitFor();
    await page.locator('[data-report="won-by-quarter"]').getByText('Only deals in USD, not converted.').waitFor();
    // The won value by quarter, as the table shows it, adds up to the sample's won value: $10,005,534.00.
    const quarters = page.locator('[data-report="won-by-quarter"] tbody tr');
    expect(await quarters.allTextContents()).toEqual([expect.stringMatching(/^2017-Q1/), expect.stringMatching(/^2017-Q2/), expect.stringMatching(/^2017-Q3/), expect.stringMatching(/^2017-Q4/)]);
    const cells = await page.locator('[data-report="won-by-quarter"] tbody tr td:nth-child(3)').allTextContents();
    const cents = cells.reduce((sum, text) => sum + Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100), 0);
    expect(cents).toBe(1_000_553_400);
    expect(await axeViolationsIn(page)).toEqual([]);
    await screenshot(page, 'dashboard-team');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters every report by team and exports a report as CSV', async () => {
    const { page } = await openDashboard(`as=${MANAGER}&tab=team&${MAVEN_PERIOD}`);
    await chartsDrawn(page, tabReports.team.length);
    const owners = page.locator('[data-report="win-rate-by-owner"] tbody tr');
    const allReps = await owners.count();
    // The filters' team (the activity plans' card on the same tab has a Team of its own).
    await page.getByRole('group', { name: 'Filters' }).getByRole('combobox', { name: 'Team', exact: true }).selectOption({ index: 1 });
    await chartsDrawn(page, tabReports.team.length);
    await page.waitForFunction((all) => document.querySelectorAll('[data-report="win-rate-by-owner"] tbody tr').length < all, allReps);
    expect(page.url()).toContain('team=');
    const download = page.waitForEvent('download');
    await page.locator('[data-report="win-rate-by-owner"]').getByRole('button', { name: /Export CSV/ }).click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, 'utf8').trim().split('\r\n');
    // Without a currency chosen, amounts are in the demo's reporting currency, EUR.
    expect(csv[0]).toBe('Group,Won,Lost,Win rate,Won amount (EUR)');
    expect(csv.length - 1).toBe(await owners.count());
    await page.close();
  });

  it("shows the marketing, service and data quality tabs, and a rep's own numbers and customers", async () => {
    for (const [as, tab] of [
      [MANAGER, 'marketing'],
      [MANAGER, 'service'],
      [ADMIN, 'quality'],
      ['', 'mine'],
      ['', 'customers'],
    ] as const) {
      const { page, errors } = await openDashboard(`${as ? `as=${as}&` : ''}tab=${tab}`);
      await page.waitForFunction((expected) => document.querySelectorAll('[data-report][data-state="ready"]').length === expected, tabReports[tab].length, { timeout: 60_000 });
      await page.waitForFunction(() => [...document.querySelectorAll('[data-chart]')].every((chart) => chart.querySelector('svg')));
      if (tab === 'service') {
        // The demo's service contract, ending in six weeks, by its month.
        expect(await page.locator('[data-report="contracts-up-for-renewal"] tbody tr').allTextContents()).toEqual([expect.stringMatching(/^\d{4}-\d{2}1[01]\D/)]);
      }
      if (tab === 'mine') {
        // The demo user's quote, sent two days ago and not answered yet.
        expect(await page.locator('[data-report="quotes-by-month"] tbody tr').allTextContents()).toEqual([expect.stringMatching(/^\d{4}-\d{2}100–/)]);
      }
      if (tab === 'customers') {
        // A rep's own customers: the demo user's companies, by industry, and no team filters to pick a colleague's.
        expect(await page.locator('[data-report="customers-by-segment"] tbody tr').count()).toBeGreaterThan(0);
        expect(await page.getByRole('group', { name: 'Filters' }).getByRole('combobox', { name: 'Owner' }).count()).toBe(0);
      }
      if (tab === 'marketing') {
        // The demo's leads, by source in words rather than codes.
        const sources = await page.locator('[data-report="leads-by-source"] tbody tr td:first-child').allTextContents();
        expect(sources).toContain('Web form');
        expect(sources).not.toContain('web-form');
        // The demo's campaigns, each with its funnel; channels in words.
        const campaigns = await page.locator('[data-report="campaign-funnel"] tbody tr td:first-child').allTextContents();
        expect(campaigns).toEqual(expect.arrayContaining(['Spring webinar', 'Trade fair Milano', 'Partner referral', 'Newsletter']));
        const channels = await page.locator('[data-report="campaign-funnel-by-channel"] tbody tr td:first-child').allTextContents();
        expect(channels).toEqual(expect.arrayContaining(['E-mail', 'Events']));
      }
      expect(await axeViolationsIn(page)).toEqual([]);
      await screenshot(page, `dashboard-${tab}`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('shows customers, won business and product prices by the segment chosen on the Customers tab, in words, with their CSV', async () => {
    const { page, errors } = await openDashboard(`as=${MANAGER}&tab=customers`);
    await chartsDrawn(page, tabReports.customers.length);
    // By industry first: the demo's industries and the Maven sample's beside them.
    const customers = page.locator('[data-report="customers-by-segment"]');
    expect(await customers.locator('tbody tr td:first-child').allTextContents()).toEqual(expect.arrayContaining(['Retail', 'Software']));
    // By size: bands in words, smallest first, as the API counts them.
    await page.getByRole('group', { name: 'Filters' }).getByRole('combobox', { name: 'Segment' }).selectOption({ label: 'Company size' });
    await page.waitForURL(/segment=size/);
    await customers.getByRole('cell', { name: '1,000 employees or more' }).waitFor();
    await chartsDrawn(page, tabReports.customers.length);
    const bands = await customers.locator('tbody tr td:first-child').allTextContents();
    expect(bands.filter((band) => band !== 'Employees not known')).toEqual(
      ['1–9 employees', '10–49 employees', '50–249 employees', '250–999 employees', '1,000 employees or more'].filter((band) => bands.includes(band)),
    );
    // The manager's own token, as the page gets it: no app roles, so their member record's role (manager) holds.
    const token = await site.app.issuer.issue({ tenantId: DEMO_TENANT_ID, userId: 'c0ffee00-0000-4000-8000-0000000000b1', roles: [] });
    const api = (await (await fetch(`${site.server.url}/api/reports/customers-by-segment?segment=size`, { headers: { authorization: `Bearer ${token}` } })).json()) as { rows: { values: { customers: number } }[] };
    const shown = await customers.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(shown.map((text) => Number(text.replace(/[^0-9]/g, '')))).toEqual(api.rows.map((row) => row.values.customers));
    // The demo's won deals sold seats and services: each product's prices, by size band, in EUR.
    const prices = page.locator('[data-report="product-prices-by-segment"]');
    const rows = await prices.locator('tbody tr td:first-child').allTextContents();
    expect(rows.length).toBeGreaterThan(3);
    expect(rows).toContainEqual(expect.stringMatching(/^Sales seat \(annual\) \((EUR|USD|GBP|BRL)\) · \d/));
    await prices.getByText(/^In EUR, converted at the exchange rates of /).waitFor();
    // The groups of bars keep their height beside the legend: the tallest product's bar is a good part of the chart.
    const tallest = await page.locator('[data-chart="product-prices-by-segment"] svg rect').evaluateAll((rects) => Math.max(...rects.map((rect) => rect.getBoundingClientRect().height)));
    expect(tallest).toBeGreaterThan(150);
    expect(await axeViolationsIn(page)).toEqual([]);
    await screenshot(page, 'dashboard-customers-by-size', { fullPage: true });
    const download = page.waitForEvent('download');
    await prices.getByRole('button', { name: /Export CSV/ }).click();
    const csv = fs.readFileSync(await (await download).path(), 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('Group,Quantity,Revenue (EUR),Lowest unit price (EUR),Average unit price (EUR),Highest unit price (EUR)');
    expect(csv.length - 1).toBe(rows.length);
    expect(errors).toEqual([]);
    await page.close();
    // In Spanish, by company type: the types in its words.
    const spanish = await openDashboard(`as=${MANAGER}&lang=es-ES&tab=customers&segment=type`);
    await chartsDrawn(spanish.page, tabReports.customers.length);
    await spanish.page.getByRole('tab', { name: 'Clientes', selected: true }).waitFor();
    expect(await spanish.page.locator('[data-report="customers-by-segment"] tbody tr td:first-child').allTextContents()).toEqual(expect.arrayContaining(['Cliente', 'Posible cliente']));
    await screenshot(spanish.page, 'dashboard-customers-es', { fullPage: true });
    expect(spanish.errors).toEqual([]);
    await spanish.page.close();
  });

  it('converts every currency to the reporting currency by default, and says at which rates', async () => {
    const { page } = await openDashboard(`as=${MANAGER}&tab=team`);
    await chartsDrawn(page, tabReports.team.length);
    const won = page.locator('[data-report="win-rate-by-owner"]');
    await won.getByText(/^In EUR, converted at the exchange rates of [A-Z][a-z]{2} \d{4}( – [A-Z][a-z]{2} \d{4})?\.$/).waitFor();
    // Every demo rep is in the win rates, whatever currency their customers pay in.
    const reps = await won.locator('tbody tr td:first-child').allTextContents();
    expect(reps).toEqual(expect.arrayContaining(['Avery Quinn', 'Lucas Ferreira']));
    const offices = await page.locator('[data-report="win-rate-by-region"] tbody tr td:first-child').allTextContents();
    expect(offices).toContain('São Paulo');
    // Avery's open deals, all of them whatever their currency, as the API counts them.
    const token = await site.app.issuer.issue({ tenantId: DEMO_TENANT_ID, userId: DEMO_USER_ID });
    const open = (await (await fetch(`${site.server.url}/api/reports/open-deals-by-owner?ownerId=${DEMO_USER_ID}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { rows: { values: { deals: number } }[] };
    const averyRow = page.locator('[data-report="open-deals-by-owner"] tbody tr').filter({ hasText: 'Avery Quinn' }).locator('td').nth(1);
    expect(Number((await averyRow.textContent())?.replace(/[^0-9]/g, ''))).toBe(open.rows[0]?.values.deals);
    await page.close();
  });

  /** The heights of a tab's charts, and the rows of its chart reports whose label is not visible on the chart. */
  async function chartAudit(page: Page, tab: DashboardTab): Promise<{ heights: Record<string, number>; unlabelled: Record<string, string[]> }> {
    const heights: Record<string, number> = {};
    for (const chart of await page.locator('[data-chart]').all()) {
      heights[(await chart.getAttribute('data-chart')) ?? ''] = Math.round((await chart.boundingBox())?.height ?? 0);
    }
    const unlabelled: Record<string, string[]> = {};
    for (const { report, chart } of tabReports[tab].filter((entry) => entry.chart.kind !== 'donut')) {
      if ((await page.locator(`[data-chart="${report}"]`).count()) === 0) continue;
      const labels = await page.locator(`[data-report="${report}"] tbody tr td:first-child`).allTextContents();
      // Groups of bars are labelled by their segment (a row is a product · a segment); the products are the legend's.
      const rows = chart.kind === 'grouped' ? [...new Set(labels.map((label) => label.split(' · ').at(-1) ?? label))] : labels;
      // Drawn, and inside the chart's box where a person can see it (not pushed off its left edge).
      const drawn = await page.locator(`[data-chart="${report}"]`).evaluate((container) => {
        const box = container.getBoundingClientRect();
        return [...container.querySelectorAll('svg text')]
          .filter((text) => {
            const rect = text.getBoundingClientRect();
            return rect.width > 0 && rect.left >= box.left - 1 && rect.right <= box.right + 1;
          })
          .map((text) => text.textContent?.trim() ?? '');
      });
      const missing = rows.filter((label) => !drawn.includes(label.trim()));
      if (missing.length > 0) unlabelled[report] = missing;
    }
    return { heights, unlabelled };
  }

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
  ]) {
    it(`draws readable charts at ${viewport.width}×${viewport.height}: none taller than 600 px, every category labelled`, async () => {
      for (const [as, tab, query] of [
        [MANAGER, 'team', `${MAVEN_PERIOD}&currency=USD`],
        [MANAGER, 'marketing', ''],
        [MANAGER, 'customers', 'segment=country'],
        ['', 'mine', ''],
      ] as const) {
        const page = await site.browser.newPage({ viewport });
        await page.goto(`${site.server.url}/dashboard?${as ? `as=${as}&` : ''}tab=${tab}${query ? `&${query}` : ''}`);
        await page.waitForFunction((expected) => document.querySelectorAll('[data-report][data-state="ready"]').length === expected, tabReports[tab].length, { timeout: 60_000 });
        await page.waitForFunction(() => [...document.querySelectorAll('[data-chart]')].every((chart) => chart.querySelector('svg text')));
        const { heights, unlabelled } = await chartAudit(page, tab);
        await screenshot(page, `dashboard-${tab}-${viewport.width}x${viewport.height}`, { fullPage: true });
        process.stdout.write(`Chart heights (${tab}) at ${viewport.width}×${viewport.height}: ${JSON.stringify(heights)}\n`);
        expect(Object.values(heights).every((height) => height > 100 && height <= 600)).toBe(true);
        expect({ tab, unlabelled }).toEqual({ tab, unlabelled: {} });
        if (tab === 'team') {
          // Numbers and their headers line up at the end of their column.
          const header = page.locator('[data-report="win-rate-by-owner"] thead th').nth(1);
          const cell = page.locator('[data-report="win-rate-by-owner"] tbody tr').first().locator('td').nth(1);
          const [headerBox, cellBox] = [await header.boundingBox(), await cell.boundingBox()];
          const headerText = await header.evaluate((element) => {
            const range = document.createRange();
            range.selectNodeContents(element);
            return range.getBoundingClientRect().right;
          });
          expect(Math.abs((headerBox?.x ?? 0) + (headerBox?.width ?? 0) - ((cellBox?.x ?? 0) + (cellBox?.width ?? 0)))).toBeLessThan(2);
          expect((headerBox?.x ?? 0) + (headerBox?.width ?? 0) - headerText).toBeLessThan(16);
        }
        await page.close();
      }
    });
  }

  it('opens in the language and as the person the pane passes', async () => {
    const { page } = await openDashboard(`as=${MANAGER}&lang=es-ES&tab=team`);
    await page.getByRole('tab', { name: 'Ventas del equipo' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es-ES');
    await page.close();
  });

  it("reads what the manager's team tab shows once each, its reports in one request beside who is signed in", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const reads: string[] = [];
    // The reads the page had asked for when the answer of who is signed in came.
    const atMe: { reads?: string[] } = {};
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/') && request.method() === 'GET') reads.push(`${url.pathname}${url.search}`);
    });
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/me') atMe.reads ??= [...reads];
    });
    await page.goto(`${site.server.url}/dashboard?as=${MANAGER}&tab=team`);
    await chartsDrawn(page, tabReports.team.length);
    // The goals grid, the activity plans and the goal bands are done reading too.
    await page.getByRole('heading', { name: 'Set goals' }).waitFor();
    await page.waitForLoadState('networkidle');
    const twice = reads.filter((read, index) => reads.indexOf(read) !== index);
    expect(twice).toEqual([]);
    // Every report of the tab in one request (a browser sends six at a time), none on its own.
    const together = reads.filter((read) => read.startsWith('/api/reports?'));
    expect(together).toHaveLength(1);
    expect(new URLSearchParams(together[0]!.split('?')[1]).get('names')?.split(',')).toEqual(tabReports.team.map(({ report }) => report));
    expect(reads.filter((read) => read.startsWith('/api/reports/'))).toEqual([]);
    expect(reads).toEqual(expect.arrayContaining(['/api/me', '/api/settings', '/api/goals?limit=100', '/api/activity-plans?limit=100']));
    // The tab in the address is the same for every manager: its reads did not wait for who is signed in, which went first.
    expect(atMe.reads?.[0]).toBe('/api/me');
    expect(atMe.reads).toEqual(expect.arrayContaining(together));
    expect(atMe.reads).toEqual(expect.arrayContaining(['/api/settings', '/api/goals?limit=100', '/api/activity-plans?limit=100']));
    await page.close();
  });

  it("says where a tab's part would be that it could not load, draws the rest, and reloads on Retry (a deployment replaced its file)", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // The team tab's own parts (goals grid, plans, expenses to approve) are one chunk: gone, as after a new deployment.
    await page.route(/\/chunks\/team-parts-[A-Z0-9]+\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(`${site.server.url}/dashboard?as=${MANAGER}&tab=team&lang=es`);
    await chartsDrawn(page, tabReports.team.length);
    const unreachable = page.getByText('No se puede conectar con Rapport', { exact: false });
    await unreachable.first().waitFor();
    // Said once for the five parts of the file, not once per part.
    expect(await unreachable.count()).toBe(1);
    await page.unroute(/\/chunks\/team-parts-[A-Z0-9]+\.js$/);
    await page.getByRole('button', { name: 'Reintentar' }).click();
    await page.getByRole('heading', { name: 'Fijar objetivos' }).waitFor();
    expect(await unreachable.count()).toBe(0);
    await page.close();
  });

  it("keeps every period of a rep's numbers in sight at 320 px, in Portuguese (the last one goes to a second line)", async () => {
    const page = await site.browser.newPage({ viewport: { width: 320, height: 900 } });
    await page.goto(`${site.server.url}/dashboard?tab=mine&lang=pt-BR`);
    const periods = page.getByRole('tablist', { name: 'Período' }).first();
    await periods.getByRole('tab', { name: 'Ano' }).waitFor();
    const list = (await periods.boundingBox())!;
    const outOfSight: string[] = [];
    for (const name of ['Semana', 'Mês', 'Trimestre', 'Ano']) {
      const box = (await periods.getByRole('tab', { name }).boundingBox())!;
      if (box.x + box.width > list.x + list.width + 0.5) outOfSight.push(`${name} ends at ${Math.round(box.x + box.width)} px`);
    }
    // Before: "Ano" ran past the list's end, cut by the card.
    expect(outOfSight).toEqual([]);
    await screenshot(page, 'dashboard-mine-320-pt');
    await page.close();
  });

  it('keeps the team tabs from a rep', async () => {
    const { page } = await openDashboard('tab=team');
    await page.getByRole('tab', { name: 'My numbers' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Team sales' }).count()).toBe(0);
    // The team's reports the page read ahead for the address were refused, and the rep sees their own tab, not that.
    await chartsDrawn(page, tabReports.mine.length);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });
});
