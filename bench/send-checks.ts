import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DemoInbox } from '@rapport/shared';
import { createLocalApp } from '../functions/src/local/local-mode';
import { loadConfig } from '../functions/src/config';
import { seedDemoTenant } from '../functions/src/local/demo/seed';
import { startServer } from '../functions/src/server';
import { launchChromium } from './pane';
import { summarize } from './stats';

const RUNS = 50;
const WARMUP = 3;

/**
 * The send-time check in the demo Outlook, as Outlook runs it: each Send starts a runtime without a DOM (a Web Worker)
 * that loads the add-in's built events.js and runs onMessageSendHandler on the message (config, local token and
 * POST /api/send-check, all over loopback). Two figures per Send: the handler's time from the event to its decision
 * (what Outlook waits for, and what the second is about), and from the Send click to the decision, the runtime's
 * start and the script's load included. The message goes to a demo customer with alerts and to a stranger, so every
 * run reads everything a check can read and ends in the Smart Alert (Don't Send keeps the draft for the next run).
 */
export async function measureSendCheck(): Promise<{ handler: ReturnType<typeof summarize>; fromSend: ReturnType<typeof summarize>; alerts: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-send-'));
  const app = await createLocalApp(loadConfig({ RAPPORT_DATA_DIR: dataDir }));
  await seedDemoTenant(app.store);
  const server = await startServer(app, { port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  try {
    const inbox = (await (await fetch(`${server.url}/demo/inbox.json`)).json()) as DemoInbox;
    const customer = inbox.items.find((item) => item.scenario === 'A customer with an open deal')?.from;
    if (!customer) throw new Error('The demo inbox has no customer e-mail');
    const page = await browser.newPage();
    await page.goto(`${server.url}/demo.html`);
    await page.getByRole('button', { name: 'New e-mail' }).click();
    const to = page.getByRole('textbox', { name: 'To' });
    await to.fill(`${customer.email}; someone.new@nowhere.example`);
    await to.press('Enter');
    const handler: number[] = [];
    const fromSend: number[] = [];
    let alerts = 0;
    for (let run = 0; run < WARMUP + RUNS; run++) {
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const alert = page.getByRole('alertdialog');
      await alert.waitFor();
      const timing = await page.evaluate(() => {
        const sent = performance.getEntriesByName('rapport:send').at(-1) as PerformanceMark | undefined;
        const decided = performance.getEntriesByName('rapport:send-decided').at(-1) as PerformanceMark | undefined;
        const detail = decided?.detail as { handlerMs?: number; allowEvent?: boolean } | undefined;
        return sent && decided && typeof detail?.handlerMs === 'number' ? { handlerMs: detail.handlerMs, fromSendMs: decided.startTime - sent.startTime, alert: detail.allowEvent === false } : null;
      });
      if (!timing) throw new Error('The demo did not mark the send and its decision');
      await alert.getByRole('button', { name: "Don't Send" }).click();
      await alert.waitFor({ state: 'detached' });
      if (run < WARMUP) continue;
      handler.push(timing.handlerMs);
      fromSend.push(timing.fromSendMs);
      if (timing.alert) alerts++;
    }
    await page.close();
    return { handler: summarize(handler), fromSend: summarize(fromSend), alerts };
  } finally {
    await browser.close();
    await server.close();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
