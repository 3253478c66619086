import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The demo tenant is seeded once per run of the end-to-end suites (by their global setup), and each suite's site starts
// on a copy of it: what `npm start` seeds, without each of thirty suites spending seconds seeding it again. A suite
// changes only its own copy. Run outside that setup (one file through its path), a suite seeds its own.

const TEMPLATE_ENV = 'RAPPORT_E2E_SEEDED_DEMO';
const SEEDED_AT_ENV = 'RAPPORT_E2E_SEEDED_AT';
const HOUR = 60 * 60 * 1000;

/**
 * Seeds the demo into a folder of its own and names it for the suites' workers (they inherit this environment). The
 * seed runs in a process of its own through tsx with the tests' paths, so it uses the sources as the suites do (jest
 * maps no paths for a global setup).
 */
export function seedDemoTemplate(): void {
  const dataDir = path.join(os.tmpdir(), `rapport-e2e-seeded-${randomUUID()}`);
  const root = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'seed-demo-template.ts'), dataDir], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tests/tsconfig.json') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.env[TEMPLATE_ENV] = dataDir;
  process.env[SEEDED_AT_ENV] = String(Date.now());
}

export function removeDemoTemplate(): void {
  const dataDir = process.env[TEMPLATE_ENV];
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * A new data folder for a suite: a copy of the run's seeded demo when it was seeded within the same hour, else empty
 * (the site seeds it). Some of the demo is set by the hour it is seeded (the meeting booked two hours ago, on the hour,
 * which the demo inbox shows by the hour it starts), so a copy is only as good as the hour it was made in.
 */
export function newDemoDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-'));
  const template = process.env[TEMPLATE_ENV];
  const seededAt = Number(process.env[SEEDED_AT_ENV]);
  if (template && fs.existsSync(template) && Math.floor(seededAt / HOUR) === Math.floor(Date.now() / HOUR)) {
    fs.cpSync(template, dataDir, { recursive: true });
  }
  return dataDir;
}
