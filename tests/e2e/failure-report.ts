import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * What a page showed and said when a test failed: each frame's visible text, what the browser logged as an error, the
 * requests that failed or were refused, and a screenshot. A test that fails only on a loaded CI machine leaves no page
 * to look at afterwards; this is what it leaves instead (printed by tests/e2e/environment.ts).
 */
export type FailureReport = { page: Page; events: string[]; openedAt: number; activeAt: number };

const KEPT_EVENTS = 40;
const TEXT_CHARS = 2500;
/** The pages a failure describes at most, and how long it may take in all: a report never holds CI up for long. */
const MOST_PAGES = 4;
const REPORT_MS = 20_000;

/** The pages of the running test file, as the e2e environment finds them (its global). */
function openReports(): Set<FailureReport> {
  const holder = globalThis as { __e2eFailureReports?: Set<FailureReport> };
  holder.__e2eFailureReports ??= new Set();
  return holder.__e2eFailureReports;
}

/**
 * Watches every page the browser opens, through its contexts (`browser.newPage` opens its page in a context of its
 * own, through `newContext`): a test's own `newPage` is reported as the demo's pages are.
 */
export function watchBrowserForFailure(browser: Browser): void {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...options: Parameters<Browser['newContext']>): Promise<BrowserContext> => {
    const context = await newContext(...options);
    context.on('page', watchForFailure);
    return context;
  };
}

/** Keeps what the page logs and what its requests meet, until it closes, for a failure's report. */
function watchForFailure(page: Page): void {
  const report: FailureReport = { page, events: [], openedAt: Date.now(), activeAt: Date.now() };
  const note = (line: string) => {
    report.events.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (report.events.length > KEPT_EVENTS) report.events.shift();
  };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') note(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => note(`page error: ${error.message}`));
  page.on('request', () => (report.activeAt = Date.now()));
  page.on('requestfailed', (request) => note(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? 'no reason'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) note(`response ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  const reports = openReports();
  reports.add(report);
  page.on('close', () => reports.delete(report));
}

/**
 * The report of the pages still open that the failed test opened or used (each of them, when it used none), as text;
 * a screenshot of each goes to `directory`, named `name` and its number.
 */
export async function describeOpenPages(reports: Iterable<FailureReport>, since: number, directory: string, name: string): Promise<string> {
  const open = [...reports].filter(({ page }) => !page.isClosed());
  const used = open.filter((report) => report.openedAt >= since || report.activeAt >= since);
  const described = (used.length > 0 ? used : open).slice(-MOST_PAGES);
  const parts = described.map((report, index) => describePage(report, path.join(directory, `${name}-${index + 1}.png`)));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string[]>((resolve) => (timer = setTimeout(() => resolve([`(the pages were not read within ${REPORT_MS / 1000} s)`]), REPORT_MS)));
  const texts = await Promise.race([Promise.all(parts), late]).finally(() => clearTimeout(timer));
  return texts.join('\n');
}

async function describePage({ page, events }: FailureReport, shot: string): Promise<string> {
  fs.mkdirSync(path.dirname(shot), { recursive: true });
  await page.screenshot({ path: shot, timeout: 5_000 }).catch(() => undefined);
  const frames = await Promise.all(
    page.frames().map(async (frame) => {
      const text = await frame
        .locator('body')
        .innerText({ timeout: 2_000 })
        .catch((error: unknown) => `(not read: ${firstLineOf(error)})`);
      return `  frame ${frame.url()}:\n${indent(text.slice(0, TEXT_CHARS))}`;
    }),
  );
  return `page ${page.url()}, screenshot ${shot}\n${frames.join('\n')}\n  what it logged and met, last ${KEPT_EVENTS}:\n${indent(events.join('\n') || '(nothing)')}`;
}

/** An error's first line: Playwright's come from the test's realm, where `instanceof Error` does not hold here. */
function firstLineOf(error: unknown): string {
  const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  return message.split('\n')[0] ?? '';
}

function indent(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `    ${line}`)
    .join('\n');
}
