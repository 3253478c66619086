import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_TENANT_ID } from '../../functions/src/demo/demo-data';
import { readMavenFiles } from '../../functions/src/import/csv-file';
import { MavenImportService } from '../../functions/src/services/maven-import.service';
import { PipelineService } from '../../functions/src/services/pipeline.service';
import { tabReports } from '../../addin/src/dashboard/report-catalog';
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
    const { page, errors } = await openDashboard(`as=${MANAGER}&tab=team&${MAVEN_PERIOD}`);
    await chartsDrawn(page, tabReports.team.length);
    // Every report of the tab has data here, so every one has a chart and a table.
    expect(await page.locator('[data-chart]').count()).toBe(tabReports.team.length);
    expect(await page.locator('[data-report] table').count()).toBe(tabReports.team.length);
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
    await page.getByRole('combobox', { name: 'Team', exact: true }).selectOption({ index: 1 });
    await chartsDrawn(page, tabReports.team.length);
    await page.waitForFunction((all) => document.querySelectorAll('[data-report="win-rate-by-owner"] tbody tr').length < all, allReps);
    expect(page.url()).toContain('team=');
    const download = page.waitForEvent('download');
    await page.locator('[data-report="win-rate-by-owner"]').getByRole('link', { name: /Export CSV/ }).click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('Group,Won,Lost,Win rate,Won amount (USD)');
    expect(csv.length - 1).toBe(await owners.count());
    await page.close();
  });

  it("shows the marketing, service and data quality tabs, and a rep's own numbers", async () => {
    for (const [as, tab] of [
      [MANAGER, 'marketing'],
      [MANAGER, 'service'],
      [ADMIN, 'quality'],
      ['', 'mine'],
    ] as const) {
      const { page, errors } = await openDashboard(`${as ? `as=${as}&` : ''}tab=${tab}`);
      await page.waitForFunction((expected) => document.querySelectorAll('[data-report][data-state="ready"]').length === expected, tabReports[tab].length, { timeout: 60_000 });
      await page.waitForFunction(() => [...document.querySelectorAll('[data-chart]')].every((chart) => chart.querySelector('svg')));
      if (tab === 'marketing') {
        // The demo's leads, by source in words rather than codes.
        const sources = await page.locator('[data-report="leads-by-source"] tbody tr td:first-child').allTextContents();
        expect(sources).toContain('Web form');
        expect(sources).not.toContain('web-form');
      }
      expect(await axeViolationsIn(page)).toEqual([]);
      await screenshot(page, `dashboard-${tab}`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('keeps the team tabs from a rep', async () => {
    const { page } = await openDashboard('tab=team');
    await page.getByRole('tab', { name: 'My numbers' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Team sales' }).count()).toBe(0);
    await page.close();
  });
});
