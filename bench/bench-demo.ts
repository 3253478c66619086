import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { DemoInbox } from '@rapport/shared';
import { createLocalApp } from '../functions/src/local/local-mode';
import { loadConfig } from '../functions/src/config';
import { seedDemoTenant } from '../functions/src/local/demo/seed';
import { startServer, type RunningServer } from '../functions/src/server';
import { FULL_CHROMIUM } from '../scripts/chromium-setup';

/** Debian's Chromium, headless, never a downloaded browser. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? FULL_CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export type BenchDemo = { server: RunningServer; browser: Browser; inbox: DemoInbox; close(): Promise<void> };

/** The demo as `npm start` runs it (a fresh seeded tenant in a data directory of its own) on a free port, and Chromium. */
export async function startBenchDemo(name: string): Promise<BenchDemo> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `rapport-bench-${name}-`));
  const app = await createLocalApp(loadConfig({ RAPPORT_DATA_DIR: dataDir }));
  await seedDemoTenant(app.store);
  const server = await startServer(app, { port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  const inbox = (await (await fetch(`${server.url}/demo/inbox.json`)).json()) as DemoInbox;
  return {
    server,
    browser,
    inbox,
    close: async () => {
      await browser.close();
      await server.close();
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
