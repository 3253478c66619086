import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalApp } from '../../functions/src/local/local-mode';
import { loadConfig } from '../../functions/src/config';
import { seedDemoTenant } from '../../functions/src/local/demo/seed';

// The demo tenant is seeded once per run of the end-to-end suites (by their global setup), and each suite's site starts
// on a copy of it: what `npm start` seeds, without each of thirty suites spending seconds seeding it again. A suite
// changes only its own copy. Run outside that setup (one file through its path), a suite seeds its own.

const TEMPLATE_ENV = 'RAPPORT_E2E_SEEDED_DEMO';

/** Seeds the demo into a folder of its own and names it for the suites' workers (they inherit this environment). */
export async function seedDemoTemplate(): Promise<void> {
  const dataDir = path.join(os.tmpdir(), `rapport-e2e-seeded-${randomUUID()}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const app = await createLocalApp(loadConfig({ RAPPORT_DATA_DIR: dataDir, LOCAL_CALENDAR_TIME_ZONE: 'UTC' }));
  await seedDemoTenant(app.store, { documents: app.services.documents });
  await app.close();
  process.env[TEMPLATE_ENV] = dataDir;
}

export function removeDemoTemplate(): void {
  const dataDir = process.env[TEMPLATE_ENV];
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

/** A new data folder for a suite: a copy of the seeded demo when the run seeded one, else empty (the site seeds it). */
export function newDemoDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-'));
  const template = process.env[TEMPLATE_ENV];
  // Seeded today: the demo is generated for the start of the day (a copy made tomorrow is seeded afresh).
  if (template && fs.existsSync(template) && new Date(fs.statSync(template).mtimeMs).toISOString().slice(0, 10) === new Date().toISOString().slice(0, 10)) {
    fs.cpSync(template, dataDir, { recursive: true });
  }
  return dataDir;
}
