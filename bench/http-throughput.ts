import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { BENCH_TENANT_ID, participantsFor, type BenchTenant } from './tenant';

const DURATION_SECONDS = 10;
const CONNECTIONS = 10;
const VARIED_LOOKUPS = 5_000;
const root = path.resolve(__dirname, '..');

function startChild(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) resolve({ child, match });
    });
    child.once('exit', (code) => reject(new Error(`child exited with ${code} before it was ready:\n${output}`)));
  });
}

// The kernel counts a process's CPU time in clock ticks (/proc/{pid}/stat).
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** A process's CPU time so far (user and system), in milliseconds, as the kernel counts it. */
function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After the command's name: utime and stime are the 12th and 13th fields.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Loads a server for DURATION_SECONDS: its requests per second and latency, and its CPU time per request served. */
async function load(url: string, headers: Record<string, string>, body: string | string[], server: ChildProcess) {
  const cpuBefore = cpuMsOf(server.pid ?? 0);
  let sent = 0;
  const bodies = typeof body === 'string' ? { body } : { requests: [{ setupRequest: (request: object) => ({ ...request, body: body[sent++ % body.length] }) }] };
  const result = await autocannon({ url, method: 'POST', headers, ...bodies, connections: CONNECTIONS, duration: DURATION_SECONDS });
  const cpuMs = cpuMsOf(server.pid ?? 0) - cpuBefore;
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuMsPerRequest: cpuMs / Math.max(1, result.requests.total) };
}

/**
 * Requests per second of POST /api/lookup on the standalone host, beside a bare node:http server giving the same JSON:
 * the same e-mail's participants again and again (its cards remembered), and a different e-mail's each time.
 */
export async function measureThroughput(tenant: BenchTenant) {
  const { child: api, match } = await startChild(
    ['functions/dist/server.js'],
    { PORT: '0', HOST: '127.0.0.1', RAPPORT_DATA_DIR: tenant.dataDir, SEED_DEMO: 'false', LOG_REQUESTS: 'false' },
    /running at (http:\/\/[^\s]+)/,
  );
  const apiUrl = match[1] as string;
  try {
    const issued = await fetch(`${apiUrl}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: BENCH_TENANT_ID, userId: 'bench-user' }),
    });
    const { accessToken } = (await issued.json()) as { accessToken: string };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` };
    const body = JSON.stringify({ emails: participantsFor(tenant.contacts, 1) });
    const sample = await (await fetch(`${apiUrl}/api/lookup`, { method: 'POST', headers, body })).text();

    const { child: bare, match: bareMatch } = await startChild(['bench/bare-server.js'], { BARE_BODY: sample }, /listening (\d+)/);
    try {
      const rapport = await load(`${apiUrl}/api/lookup`, headers, body, api);
      // A different e-mail each time (VARIED_LOOKUPS participants' triples in turn, more cards than the host remembers).
      const varied = await load(`${apiUrl}/api/lookup`, headers, Array.from({ length: VARIED_LOOKUPS }, (_, index) => JSON.stringify({ emails: participantsFor(tenant.contacts, index + 2) })), api);
      const baseline = await load(`http://127.0.0.1:${bareMatch[1]}/`, headers, body, bare);
      return { rapport, varied, baseline, ratio: rapport.rps / baseline.rps, responseBytes: Buffer.byteLength(sample) };
    } finally {
      bare.kill();
    }
  } finally {
    api.kill();
  }
}
