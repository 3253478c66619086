import { figuresFromChild } from './child-figures';
import fs from 'node:fs';
import path from 'node:path';
import { clickCell, reportNames, type Campaign, type ReportName } from '@rapport/shared';
import { ClickCounter } from '../functions/src/campaigns/click-counter';
import type { Principal } from '../functions/src/auth/principal';
import { createLocalApp } from '../functions/src/local/local-mode';
import { loadConfig } from '../functions/src/config';
import { DEMO_TENANT_ID, generateDemoData } from '../functions/src/local/demo/demo-data';
import { startServer } from '../functions/src/server';
import { TenantSettingsService } from '../functions/src/services/tenant-settings.service';
import { PipelineService } from '../functions/src/services/pipeline.service';
import { ReportsService } from '../functions/src/services/reports.service';
import { SqliteStore } from '../functions/src/store/sqlite/sqlite-store';
import { AttainmentService } from '../functions/src/goals/attainment.service';
import { demoGoals } from '../functions/src/local/demo/demo-goals';
import { launchChromium } from './bench-demo';
import { summarize } from './stats';

const NOW = new Date('2026-11-23T00:00:00Z');
const WARMUP = 5;
const SAMPLES = 400;
/**
 * Timed loads of the dashboard. A p95 of 10 loads is their slowest one (the nearest rank), which on this 2-core machine
 * moves by ±100 ms from run to run; of 40, it is the third slowest. The slowest is printed beside it.
 */
export const DASHBOARD_LOADS = 40;
const MANAGER_EMAIL = 'morgan.blake@rapport-demo.com';

/**
 * A tenant whose history holds `deals` deals and 10 activities per deal, over the same customer base whatever its size
 * (10,000 contacts at 1,000 companies, 500 service cases): what grows is the history, as it does in a CRM in use.
 */
export async function buildReportsTenant(deals: number, dataDir: string, clicks = 0): Promise<{ buildSeconds: number; activities: number }> {
  const started = process.hrtime.bigint();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const data = generateDemoData({ now: NOW, tenantId: DEMO_TENANT_ID, size: { companies: 1_000, contacts: 10_000, deals, activities: deals * 10, cases: 500, leads: 2_000 } });
  const store = SqliteStore.open(path.join(dataDir, 'rapport.db'));
  // The demo's settings: reports in EUR, converting USD, GBP and BRL deals at a rate per month.
  await store.createMany('settings', [data.settings]);
  await store.createMany('member', data.members);
  await store.createMany('company', data.companies);
  await store.createMany('contact', data.contacts);
  await store.createMany('lead', data.leads);
  await store.createMany('deal', data.deals);
  for (let start = 0; start < data.activities.length; start += 50_000) await store.createMany('activity', data.activities.slice(start, start + 50_000));
  await store.createMany('case', data.cases.map((serviceCase, index) => ({ ...serviceCase, number: index + 1 })));
  // The demo manager's goals for every rep (this month and quarter) and the company: what attainment reads.
  await store.createMany('goal', demoGoals(data, NOW));
  await store.createMany('campaign', data.campaigns);
  await countClicks(store, data.campaigns, clicks);
  await store.close();
  return { buildSeconds: Number(process.hrtime.bigint() - started) / 1e9, activities: data.activities.length };
}

/**
 * `total` clicks on the campaigns' tracked links over the last 12 months, counted as the click route counts them: through
 * the ClickCounter, which sums them in memory per cell and writes each cell once per flush (here every 10,000 clicks, as
 * a busy host's flush window would). Eight links per campaign, each placed in a channel, the affiliate ones on 12 sites.
 */
async function countClicks(store: SqliteStore, campaigns: readonly Campaign[], total: number): Promise<void> {
  const channels = ['email', 'ad', 'social', 'affiliate'] as const;
  const links = campaigns.flatMap((campaign) =>
    Array.from({ length: 8 }, (_, index) => {
      const channel = channels[index % channels.length]!;
      return { campaignId: campaign.id, id: `${campaign.id}-link-${index}`, channel, ...(channel === 'affiliate' ? { affiliate: `Affiliate site ${(index * 7 + campaign.name.length) % 12}` } : {}) };
    }),
  );
  const counter = new ClickCounter({ store, flushMs: 60_000 });
  const monthMs = 30 * 24 * 60 * 60 * 1000;
  for (let click = 0; click < total; click++) {
    // Every link in every month: the link turns with each click, the month with each round of the links.
    const link = links[click % links.length]!;
    const monthsAgo = Math.floor(click / links.length) % 12;
    await counter.count(DEMO_TENANT_ID, clickCell(link, new Date(NOW.getTime() - monthsAgo * monthMs).toISOString()));
    if ((click + 1) % 10_000 === 0) await counter.flush();
  }
  await counter.close();
}

/**
 * Each report's latency through the service (store reads included), the way the route answers it, on two tenants at
 * once: their runs alternate, so that the machine's drift falls on both sizes alike and their ratio stays fair.
 */
/** Beside the reports: every rep's, team's and the company's attainment this quarter, as a manager reads it. */
export const ATTAINMENT = 'goal attainment (every rep)';
export type MeasuredName = ReportName | typeof ATTAINMENT;

export type ReportFigures = { p50: number; p95: number; cellsRead?: number };

/**
 * The store as a report sees it, counting the report cells its reads return: what a report's cost follows (its cells
 * grow with a tenant until every combination of their dimensions is there, then no more).
 */
function countingCells(store: SqliteStore): { store: SqliteStore; read: { cells: number } } {
  const read = { cells: 0 };
  const counted = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if ((property !== 'reportCells' && property !== 'reportCellsCountingAtLeast') || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        const cells = (await (value as (...given: unknown[]) => Promise<unknown[]>).apply(target, args)) as unknown[];
        read.cells += cells.length;
        return cells;
      };
    },
  });
  return { store: counted, read };
}

export async function measureReports(dataDirs: readonly string[]): Promise<Record<MeasuredName, ReportFigures>[]> {
  const now = () => NOW;
  const services = dataDirs.map((dataDir) => {
    // Cells read afresh for every report (not remembered between reads): what a report costs at each size.
    const { store, read } = countingCells(SqliteStore.open(path.join(dataDir, 'rapport.db'), { remember: false }));
    const pipelines = new PipelineService({ store, now });
    const settings = new TenantSettingsService({ store, now });
    const settingsOf = (tenantId: string) => settings.settingsOf(tenantId);
    return { store, read, service: new ReportsService({ store, now, pipelineOf: (tenantId) => pipelines.pipelineOf(tenantId), settingsOf }), attainment: new AttainmentService({ store, now, settingsOf }) };
  });
  const admin: Principal = { tenantId: DEMO_TENANT_ID, userId: 'bench-admin', roles: ['admin'] };
  const figures = dataDirs.map(() => ({}) as Record<MeasuredName, ReportFigures>);
  try {
    for (const name of [...reportNames, ATTAINMENT] as const) {
      const samples = services.map(() => [] as number[]);
      for (let run = 0; run < WARMUP + SAMPLES; run++) {
        for (const [index, { service, attainment }] of services.entries()) {
          const started = process.hrtime.bigint();
          if (name === ATTAINMENT) await attainment.attainment(admin, { period: 'quarter', view: 'team' });
          else await service.report(admin, name, {});
          if (run >= WARMUP) samples[index]?.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
      }
      // One more run, untimed, counts the cells the report reads.
      const cellsRead: number[] = [];
      for (const { service, read } of services) {
        read.cells = 0;
        if (name !== ATTAINMENT) await service.report(admin, name, {});
        cellsRead.push(read.cells);
      }
      samples.forEach((values, index) => {
        const { p50, p95 } = summarize(values);
        (figures[index] as Record<MeasuredName, ReportFigures>)[name] = { p50, p95, ...(name === ATTAINMENT ? {} : { cellsRead: cellsRead[index] ?? 0 }) };
      });
    }
  } finally {
    for (const { store } of services) await store.close();
  }
  return figures;
}

/** `measureReports` in a process of its own (`reports-child.ts`). */
export function measureReportsApart(dataDirs: readonly string[]): Record<MeasuredName, ReportFigures>[] {
  return figuresFromChild<Record<MeasuredName, ReportFigures>[]>('reports-child.ts', dataDirs, 'the report measurements');
}

/** `measureDashboard` in a process of its own (`dashboard-child.ts`): its API served beside no other heap. */
export function measureDashboardApart(dataDir: string): DashboardFigures {
  return figuresFromChild<DashboardFigures>('dashboard-child.ts', [dataDir], 'the dashboard measurement');
}

type DashboardFigures = { p50: number; p95: number; slowest: number };

/** The dashboard's team tab, from navigation to every chart drawn, in Chromium against the local API on this tenant. */
export async function measureDashboard(dataDir: string): Promise<DashboardFigures> {
  const app = await createLocalApp(loadConfig({ RAPPORT_DATA_DIR: dataDir }));
  const server = await startServer(app, { port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  try {
    const samples: number[] = [];
    for (let load = 0; load < 2 + DASHBOARD_LOADS; load++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(`${server.url}/dashboard.html?as=${encodeURIComponent(MANAGER_EMAIL)}&tab=team`);
      const states = () => page.evaluate(() => [...document.querySelectorAll('[data-report]')].map((card) => `${card.getAttribute('data-report')}: ${card.getAttribute('data-state')} ${card.querySelector('[data-chart]') ? (card.querySelector('[data-chart] svg path, [data-chart] svg rect') ? 'drawn' : `not drawn ${card.querySelector('[data-chart]')?.innerHTML.slice(0, 200)}`) : 'no chart'}`).join(', ') || document.body.innerText.slice(0, 300));
      await page.waitForFunction(
        () => {
          const cards = [...document.querySelectorAll('[data-report]')];
          return cards.length > 0 && cards.every((card) => card.getAttribute('data-state') === 'ready') && [...document.querySelectorAll('[data-chart]')].every((chart) => chart.querySelector('svg path, svg rect'));
        },
        undefined,
        { polling: 'raf', timeout: 60_000 },
      ).catch(async (error: unknown) => {
        throw new Error(`The dashboard did not draw its charts (${await states()}): ${String(error)}`);
      });
      const drawnAt = await page.evaluate(() => performance.now());
      if (load >= 2) samples.push(drawnAt);
      await page.close();
    }
    if (samples.length === 0) throw new Error('the dashboard was timed over no load');
    return { ...summarize(samples), slowest: Math.max(...samples) };
  } finally {
    await browser.close();
    await server.close();
    await app.close();
  }
}
