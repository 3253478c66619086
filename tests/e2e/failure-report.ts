import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * What a page showed and said when a test failed: each frame's visible text, what the browser logged as an error, the
 * requests that failed or were refused, and a screenshot. A test that fails only on a loaded CI machine leaves no page
 * to look at afterwards; this is what it leaves instead (printed by tests/e2e/environment.ts).
 */
export type FailureReport = { page: Page; events: string[] };

const KEPT_EVENTS = 40;
const TEXT_CHARS = 2500;

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
  const report: FailureReport = { page, events: [] };
  const note = (line: string) => {
    report.events.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (report.events.length > KEPT_EVENTS) report.events.shift();
  };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') note(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => note(`page error: ${error.message}`));
  page.on('requestfailed', (request) => note(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? 'no reason'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) note(`response ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  const reports = openReports();
  reports.add(report);
  page.on('close', () => reports.delete(report));
}

/** The report of every page still open, as text; a screenshot of each goes to `directory`. */
export async function describeOpenPages(reports: Iterable<FailureReport>, directory: string, testName: string): Promise<string> {
  const parts: string[] = [];
  let index = 0;
  for (const { page, events } of reports) {
    if (page.isClosed()) continue;
    index += 1;
    const shot = path.join(directory, `failed-${testName.replace(/[^\w-]+/g, '-').slice(0, 80)}-${index}.png`);
    fs.mkdirSync(directory, { recursive: true });
    await page.screenshot({ path: shot, timeout: 5_000 }).catch(() => undefined);
    const frames = await Promise.all(
      page.frames().map(async (frame) => {
        const text = await frame
          .locator('body')
          .innerText({ timeout: 2_000 })
          .catch((error: unknown) => `(not read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
        return `  frame ${frame.url()}:\n${indent(text.slice(0, TEXT_CHARS))}`;
      }),
    );
    parts.push(`page ${index} (${page.url()}), screenshot ${shot}\n${frames.join('\n')}\n  what it logged and met, last ${KEPT_EVENTS}:\n${indent(events.join('\n') || '(nothing)')}`);
  }
  return parts.join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `    ${line}`)
    .join('\n');
}
