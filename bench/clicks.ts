import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

const DURATION_SECONDS = 10;
const CONNECTIONS = 10;
const TENANT = 'bench-clicks';
const root = path.resolve(__dirname, '..');

export type ClickFigures = { flushMs: number; rps: number; p50: number; p99: number; responses: number; recorded: number; clicksPerSecond: number };

/**
 * Clicks recorded per second on the standalone host (SQLite): GET /r/{code} of one tracked link over HTTP on loopback,
 * each request a browser of its own (a user agent apart, so none is the same visitor's repeat), `flushMs` as
 * CLICK_FLUSH_MS. The host is stopped as an operator stops it (SIGTERM: what it summed is written), then the clicks in
 * the campaign's report cells are counted against the redirects it answered.
 */
export async function measureClicks(flushMs: number): Promise<ClickFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-clicks-'));
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    RAPPORT_DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_REQUESTS: 'false',
    CLICK_FLUSH_MS: String(flushMs),
    // One visitor (loopback) opening one link: the limits that would stop it are lifted for the measure.
    TRACKED_LINK_LIMIT_PER_MINUTE: '1000000',
    TRACKED_LINK_TOTAL_LIMIT_PER_MINUTE: '100000000',
  };
  const host = spawn(process.execPath, ['functions/dist/server.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => host.once('exit', () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      host.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/[^\s]+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      host.once('exit', (code) => reject(new Error(`the host exited with ${code} before it was ready:\n${output}`)));
    });
    const issued = await fetch(`${url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantId: TENANT, userId: 'bench-admin', roles: ['admin'] }) });
    const { accessToken } = (await issued.json()) as { accessToken: string };
    const post = async (pathname: string, body: object) =>
      (await (await fetch(`${url}${pathname}`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as Record<string, string>;
    const campaign = await post('/api/campaigns', { name: 'Bench campaign', channel: 'ad' });
    const link = await post('/api/links', { campaignId: campaign.id!, label: 'Bench ad', destination: 'https://shop.example/landing?ref=bench' });
    let browser = 0;
    const result = await autocannon({
      url: `${url}/r/${link.code}`,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, 'user-agent': `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.${++browser}.0 Safari/537.36` },
          }),
        },
      ],
    });
    const responses = result['3xx'];
    if (result.errors > 0 || responses !== result.requests.total) throw new Error(`/r/{code}: ${result.errors} errors, ${result.requests.total - responses} answers other than a redirect`);
    host.kill('SIGTERM');
    await exited;
    const db = new Database(path.join(dataDir, 'rapport.db'), { readonly: true });
    const rows = db.prepare("SELECT measures FROM report_cells WHERE tenant_id = ? AND family = 'campaign'").all(TENANT) as { measures: string }[];
    db.close();
    const recorded = rows.reduce((sum, row) => sum + ((JSON.parse(row.measures) as { clicks?: number }).clicks ?? 0), 0);
    // Every redirect the client read was a click counted (the host may have answered a few more it never read).
    if (recorded < responses) throw new Error(`${responses} redirects read, only ${recorded} clicks recorded`);
    return { flushMs, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, responses, recorded, clicksPerSecond: recorded / DURATION_SECONDS };
  } finally {
    if (host.exitCode === null) host.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
