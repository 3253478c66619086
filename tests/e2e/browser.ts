import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type FrameLocator, type Page } from 'playwright-core';
import type { DemoInbox, DemoInboxItem } from '@rapport/shared';
import { createLocalApp, localAppGraph, type LocalApp } from '../../functions/src/local/local-mode';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadConfig } from '../../functions/src/config';
import { LocalIssuer } from '../../functions/src/local/local-issuer';
import { seedDemoTenant } from '../../functions/src/local/demo/seed';
import { startServer, type RunningServer } from '../../functions/src/server';
import { startLocalCalendar } from '../../functions/src/local/calendar/start-local-calendar';
import { bookedMeetingsInInbox } from '../../functions/src/local/calendar/demo-calendar';
import { digestsInInbox } from '../../functions/src/local/calendar/demo-digests';
import { DEMO_TENANT_ID, DEMO_USER_EMAIL, DEMO_USER_ID } from '../../functions/src/local/demo/demo-data';
import { watchBrowserForFailure } from './failure-report';
import { newDemoDataDir } from './seeded-demo';

// Debian's headless shell: the same Chromium, built for headless runs (scripts/chromium-setup.ts says why).
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium-headless-shell';
export const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--force-prefers-reduced-motion', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
// The demo's calendar service has a self-signed localhost certificate; this browser trusts it as a person does after accepting it once.
const TRUST_LOCAL_CERTIFICATE = ['--ignore-certificate-errors'];

export type DemoSite = {
  app: LocalApp;
  server: RunningServer;
  calendar: LocalCalendarService;
  browser: Browser;
  inbox: DemoInbox;
  dataDir: string;
  /** How far the API's clock runs ahead of the machine's, for scenes set "later" (pass the same to openDemo). */
  clock: { aheadMs: number };
  close(): Promise<void>;
};
type LocalCalendarService = Awaited<ReturnType<typeof startLocalCalendar>>;

/** Rapport as `npm start` runs it (seeded demo tenant, built pages) on a free port, and a real Chromium. */
export async function startDemoSite(): Promise<DemoSite> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}. Install Debian's package (apt-get install chromium-headless-shell) or set CHROMIUM_PATH.`);
  }
  const dataDir = newDemoDataDir();
  const clock = { aheadMs: 0 };
  const config = loadConfig({ RAPPORT_DATA_DIR: dataDir, LOCAL_CALENDAR_TIME_ZONE: 'UTC' });
  // As `npm start` does: the Graph stand-in first (it needs only the issuer), so the API's jobs read its mailboxes.
  const issuer = await LocalIssuer.create(LOCAL_ISSUER, config.audience[0] ?? LOCAL_AUDIENCE);
  const calendar = await startLocalCalendar({ config, issuer }, { port: 0 });
  const app = await createLocalApp(config, { issuer, now: () => new Date(Date.now() + clock.aheadMs), graph: localAppGraph(issuer, calendar.server) });
  // Nothing to do on a copy of the run's seeded demo (seeded-demo.ts).
  await seedDemoTenant(app.store, { documents: app.services.documents });
  const server = await startServer(app, {
    port: 0,
    host: '127.0.0.1',
    graphBaseUrl: calendar.server.url,
    moreDemoItems: () => [...digestsInInbox(calendar.mail, DEMO_USER_EMAIL), ...bookedMeetingsInInbox(calendar.calendar, DEMO_USER_EMAIL)],
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...TRUST_LOCAL_CERTIFICATE] });
  watchBrowserForFailure(browser);
  const inbox = (await (await fetch(`${server.url}/demo/inbox.json`)).json()) as DemoInbox;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    app,
    server,
    calendar,
    browser,
    inbox,
    dataDir,
    clock,
    close: async () => {
      await browser.close();
      await server.close();
      await calendar.server.close();
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo inbox item that shows a scenario ("A customer with an open deal"). */
export function demoItem(site: DemoSite, scenario: string): DemoInboxItem {
  const found = site.inbox.items.find((candidate) => candidate.scenario === scenario);
  if (!found) throw new Error(`no demo item "${scenario}"`);
  return found;
}

/** Opens the demo page on an item and language (and the pane's width in px); returns the page and the task pane's frame. */
export async function openDemo(site: DemoSite, options: { item?: string; lang?: string; as?: string; width?: number; theme?: 'light' | 'dark' } = {}): Promise<{ page: Page; pane: FrameLocator }> {
  // The browser keeps the same clock zone as the demo's calendar, so the pane's default times line up with it.
  // Pages share one context, and so its cache of the pane's chunks (named by their hash, kept for good), as Outlook's
  // pane does between items; the pane keeps nothing in the browser's storage (taskpane.e2e checks). A scene set later
  // than now gets a context of its own, whose clock runs as far ahead as the API's (a context has one clock).
  const page = site.clock.aheadMs !== 0 ? await site.browser.newPage(DEMO_CONTEXT) : await (await sharedContext(site)).newPage();
  if (site.clock.aheadMs !== 0) await page.clock.install({ time: new Date(Date.now() + site.clock.aheadMs) });
  // Every frame records what its Content-Security-Policy blocked (see cspViolations).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${event.documentURI} (${event.sourceFile}:${event.lineNumber}:${event.columnNumber})`));
  });
  const query = new URLSearchParams({
    ...(options.item ? { item: options.item } : {}),
    lang: options.lang ?? 'en-US',
    ...(options.as ? { as: options.as } : {}),
    ...(options.width ? { width: String(options.width) } : {}),
    ...(options.theme ? { theme: options.theme } : {}),
  });
  await page.goto(`${site.server.url}/demo.html?${query.toString()}`);
  const pane = page.frameLocator('iframe[title="Rapport task pane"]');
  return { page, pane };
}

/** The demo page's window, and the demo calendar's clock zone. */
const DEMO_CONTEXT = { viewport: { width: 1400, height: 900 }, timezoneId: 'UTC' };
const sharedContexts = new WeakMap<DemoSite, Promise<BrowserContext>>();
function sharedContext(site: DemoSite): Promise<BrowserContext> {
  let context = sharedContexts.get(site);
  if (!context) {
    context = site.browser.newContext(DEMO_CONTEXT);
    sharedContexts.set(site, context);
  }
  return context;
}

/** What the pages' Content-Security-Policy blocked so far, in every frame. */
export async function cspViolations(page: Page): Promise<string[]> {
  const perFrame = await Promise.all(
    page.frames().map((frame) => frame.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => [])),
  );
  return perFrame.flat();
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), ...options });
}

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[]; html?: string }[] };

/** Runs axe-core inside the task pane's frame and returns the serious and critical violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const frame = page.frames().find((candidate) => candidate.url().includes('demo-taskpane.html'));
  if (!frame) throw new Error('The task pane frame is not loaded');
  return axeViolationsIn(frame);
}

/** Runs axe-core in a page or frame and returns the serious and critical violations. */
export async function axeViolationsIn(frame: Page | Frame): Promise<AxeViolation[]> {
  // Colours are read as they end: a button just enabled is still fading from its disabled colours (Fluent's transition),
  // and axe would measure the contrast of a frame in between (#efefef on #2177c2). Spinners' endless animations are not
  // waited for.
  await frame.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().filter((animation) => animation instanceof CSSTransition).map((transition) => transition.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ]),
  );
  await frame.evaluate(axeSource);
  const violations = (await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ ...violation, nodes: violation.nodes.filter((node) => !isTabsterSentinel(violation.id, node)) }))
    .filter((violation) => violation.nodes.length > 0);
}

// Fluent's focus manager (tabster) adds aria-hidden focus sentinels on purpose; axe's aria-hidden-focus flags
// them. Microsoft's Accessibility Insights suppresses exactly these (microsoft/accessibility-insights-web#7605).
function isTabsterSentinel(ruleId: string, node: { html?: string }): boolean {
  return ruleId === 'aria-hidden-focus' && /data-tabster-dummy/.test(node.html ?? '');
}

/** The API of a demo site as a member of the demo tenant (the demo user unless told); a refusal fails with its answer. */
export async function demoApi<T>(site: DemoSite, method: string, route: string, body?: unknown, headers: Record<string, string> = {}, userId = DEMO_USER_ID): Promise<T> {
  // No roles in the token: the member's own role applies (a token's app roles would overwrite it).
  const token = await site.app.issuer.issue({ tenantId: DEMO_TENANT_ID, userId, roles: [] });
  const response = await fetch(`${site.server.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
