// Run by bench/attachments.ts in a process of its own: the API's side. A rep sends a message with one 25 MB attachment
// (the local Graph stand-in runs in another process, graph-stand-in-child.ts, holding the file), then the
// log-sent-mail job logs it, the file streaming from Graph into the data directory. Prints, as JSON, how far this
// process's memory rose above its baseline meanwhile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadConfig } from '../functions/src/config';
import { fork } from 'node:child_process';
import type { StandInAnswer, StandInRequest } from './graph-stand-in-child';
import { LocalIssuer } from '../functions/src/local/local-issuer';
import { createLocalApp, localAppGraph } from '../functions/src/local/local-mode';

const TENANT = 'bench-attachments';
const REP = { id: 'bench-rep', address: 'rep@rapport-bench.com', name: 'Bench Rep' };
// MB (MiB) of the one attachment; the tenant keeps files of up to 100 MB, so both of the bench's sizes are kept.
const SIZE = Number(process.argv[2] ?? 25) * 1024 * 1024;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-attachment-'));
  let clock = new Date('2026-11-30T09:00:00Z');
  const now = () => clock;
  const issuer = await LocalIssuer.create(LOCAL_ISSUER, LOCAL_AUDIENCE);
  const graphProcess = fork(path.join(__dirname, 'graph-stand-in-child.ts'), [JSON.stringify(issuer.jwks), TENANT, JSON.stringify(REP)], { execArgv: ['--import', 'tsx'] });
  const next = () => new Promise<StandInAnswer>((resolve) => graphProcess.once('message', (message) => resolve(message as StandInAnswer)));
  const ask = (request: StandInRequest) => graphProcess.send(request);
  const started = await next();
  if (!('started' in started)) throw new Error('the Graph stand-in did not start');
  const server = started.started;
  const config = loadConfig({ RAPPORT_DATA_DIR: dataDir, SEED_DEMO: 'false' });
  const app = await createLocalApp(config, { issuer, now, graph: localAppGraph(issuer, server) });
  const token = await issuer.issue({ tenantId: TENANT, userId: REP.id, roles: ['rep'], name: REP.name, email: REP.address });
  const admin = await issuer.issue({ tenantId: TENANT, userId: 'bench-admin', roles: ['admin'] });
  const call = async (name: string, body: unknown, as = token, headers: Record<string, string> = {}) => {
    const binding = app.routes.find((candidate) => candidate.route.name === name)!;
    const request = new HttpRequest({
      method: binding.route.method,
      url: `http://localhost${binding.route.path}`,
      headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json', ...headers },
      body: { string: JSON.stringify(body) },
    });
    return binding.handler(request, new InvocationContext({ functionName: name, logHandler: () => undefined }));
  };
  await call('update-settings', { documentLimits: { maxFileMb: 100, maxMessageMb: 100 } }, admin, { 'if-match': '"0"' });
  await call('create-contact', { firstName: 'Ana', lastName: 'Souza', emails: ['ana@cliente.example'] });
  const check = await call('send-check', { to: ['ana@cliente.example'] });
  const marker = (check.jsonBody as { log: { marker: string } }).log.marker;
  const sent = next();
  ask({ send: { from: REP.address, to: 'ana@cliente.example', marker, bytes: SIZE } });
  await sent;
  clock = new Date(clock.getTime() + 60_000);

  global.gc?.();
  const base = process.memoryUsage();
  const baseMaxRss = process.resourceUsage().maxRSS * 1024;
  let peak = { rss: base.rss, heapUsed: base.heapUsed, arrayBuffers: base.arrayBuffers };
  const sample = setInterval(() => {
    const usage = process.memoryUsage();
    peak = { rss: Math.max(peak.rss, usage.rss), heapUsed: Math.max(peak.heapUsed, usage.heapUsed), arrayBuffers: Math.max(peak.arrayBuffers, usage.arrayBuffers) };
  }, 2);
  const startedAt = performance.now();
  const run = await app.jobs.run('log-sent-mail', clock);
  const seconds = (performance.now() - startedAt) / 1000;
  clearInterval(sample);
  const maxRssRise = Math.max(0, process.resourceUsage().maxRSS * 1024 - baseMaxRss);
  const kept = fs.readdirSync(path.join(dataDir, 'files', TENANT)).map((name) => fs.statSync(path.join(dataDir, 'files', TENANT, name)).size);
  const mb = (bytes: number) => bytes / 1024 / 1024;
  process.stdout.write(
    `${JSON.stringify({
      status: run.status,
      fileMb: mb(SIZE),
      keptMb: kept.map(mb),
      seconds,
      rssRiseMb: mb(peak.rss - base.rss),
      maxRssRiseMb: mb(maxRssRise),
      heapRiseMb: mb(peak.heapUsed - base.heapUsed),
      arrayBuffersRiseMb: mb(peak.arrayBuffers - base.arrayBuffers),
    })}\n`,
  );
  await app.close();
  ask({ stop: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
