import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { startBenchDemo } from './bench-demo';
import { summarize } from './stats';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'addin', 'dist');
const LOADS = 20;
const WARMUP = 3;

type Metafile = { outputs: Record<string, { bytes: number; imports: { path: string; kind: string }[] }> };

/** The JavaScript the pane loads before it can render: the entry and its static imports, not lazy chunks. */
export function initialJavaScript(): { files: string[]; bytes: number; gzipBytes: number } {
  const meta = JSON.parse(fs.readFileSync(path.join(dist, 'taskpane.meta.json'), 'utf8')) as Metafile;
  const entry = Object.keys(meta.outputs).find((output) => output.endsWith('/taskpane.js'));
  if (!entry) throw new Error('Build the add-in first (npm run build): no taskpane.js in the metafile');
  const files = new Set<string>();
  const visit = (output: string) => {
    if (files.has(output)) return;
    files.add(output);
    for (const imported of meta.outputs[output]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  let bytes = 0;
  let gzipBytes = 0;
  for (const output of files) {
    const content = fs.readFileSync(path.join(root, 'addin', output));
    bytes += content.length;
    gzipBytes += zlib.gzipSync(content, { level: 9 }).length;
  }
  return { files: [...files].map((output) => path.relative('dist', output)), bytes, gzipBytes };
}

/**
 * The pane's navigation to contact card shown, in real Chromium against a warm local API, 20 times two ways:
 * - opened: Outlook (the demo page) is loaded and the pane opens in it, its scripts in the browser's cache as Outlook
 *   keeps them after the first open (the chunks are named by their content and served immutable); no token, no lookup
 *   kept: the pane's document is new;
 * - first open: a browser with nothing cached, the demo Outlook page loading at the same time as the pane.
 */
export async function measureTimeToCard(): Promise<{ opened: ReturnType<typeof summarize>; firstOpen: ReturnType<typeof summarize> }> {
  const { server, browser, inbox, close } = await startBenchDemo('pane');
  try {
    const email = inbox.items.find((item) => item.scenario === 'A customer with an open deal');
    if (!email?.from) throw new Error('The demo inbox has no customer e-mail');
    const customer = email.from.name;
    const opened: number[] = [];
    const firstOpen: number[] = [];
    // Measured inside the pane's frame: from its navigation start (Outlook opening the pane) to the card's mark.
    const cardShownAt = async (page: Page): Promise<number> => {
      await page.frameLocator('iframe[title="Rapport task pane"]').getByRole('region', { name: customer }).waitFor();
      const frame = page.frames().find((candidate) => candidate.url().includes('demo-taskpane.html'));
      const shownAt = await frame?.waitForFunction(() => performance.getEntriesByName('rapport:card-shown')[0]?.startTime ?? null).then((handle) => handle.jsonValue());
      if (typeof shownAt !== 'number') throw new Error('The pane did not mark the contact card as shown');
      return shownAt;
    };
    for (let load = 0; load < WARMUP + LOADS; load++) {
      // A fresh browser context each time: nothing cached.
      const page = await browser.newPage();
      // The demo page on localhost and the pane on 127.0.0.1: two sites, so Chromium runs the pane in its
      // own process, as Outlook hosts an add-in, instead of sharing a thread with the demo page.
      const port = new URL(server.url).port;
      await page.goto(`http://localhost:${port}/demo.html?item=${email.id}&pane=${encodeURIComponent(`http://127.0.0.1:${port}`)}`);
      const first = await cardShownAt(page);
      // Outlook is loaded now; the pane is opened again in it (a new document: no token, no lookup kept).
      await page.waitForTimeout(200);
      const frame = page.frames().find((candidate) => candidate.url().includes('demo-taskpane.html'));
      if (!frame) throw new Error('The demo page has no pane frame');
      await frame.goto(frame.url());
      const again = await cardShownAt(page);
      if (load >= WARMUP) {
        firstOpen.push(first);
        opened.push(again);
      }
      await page.close();
    }
    return { opened: summarize(opened), firstOpen: summarize(firstOpen) };
  } finally {
    await close();
  }
}

/**
 * Switching a pinned pane to another customer's e-mail: from Outlook's ItemChanged (the simulator's mark) to the new
 * contact's card shown, in real Chromium, 20 switches, each to an item the pane has not read yet.
 */
export async function measureItemSwitch() {
  const { server, browser, inbox, close } = await startBenchDemo('switch');
  try {
    const first = inbox.items.find((item) => item.scenario === 'A customer with an open deal');
    const second = inbox.items.find((item) => item.scenario === 'A contact writing from a personal address');
    if (!first?.from || !second?.from) throw new Error('The demo inbox lacks two contacts\' e-mails');
    const samples: number[] = [];
    const port = new URL(server.url).port;
    for (let load = 0; load < WARMUP + LOADS; load++) {
      const page = await browser.newPage();
      await page.goto(`http://localhost:${port}/demo.html?item=${first.id}&pane=${encodeURIComponent(`http://127.0.0.1:${port}`)}`);
      const pane = page.frameLocator('iframe[title="Rapport task pane"]');
      await pane.getByRole('region', { name: first.from.name }).waitFor();
      await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: new RegExp(second.subject) }).click();
      await pane.getByRole('region', { name: second.from.name }).waitFor();
      const frame = page.frames().find((candidate) => candidate.url().includes('demo-taskpane.html'));
      const millis = await frame?.evaluate(() => {
        const changed = performance.getEntriesByName('rapport:item-changed').at(-1)?.startTime;
        const shown = performance.getEntriesByName('rapport:card').at(-1)?.startTime;
        return changed !== undefined && shown !== undefined ? shown - changed : null;
      });
      if (typeof millis !== 'number') throw new Error('The pane did not mark the switch and the new card');
      if (load >= WARMUP) samples.push(millis);
      await page.close();
    }
    return summarize(samples);
  } finally {
    await close();
  }
}
