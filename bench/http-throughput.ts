import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { BENCH_TENANT_ID, participantsFor, type BenchTenant } from './tenant';

const DURATION_SECONDS = 10;
const CONNECTIONS = 10;
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

async function load(url: string, headers: Record<string, string>, body: string) {
  const result = await autocannon({ url, method: 'POST', headers, body, connections: CONNECTIONS, duration: DURATION_SECONDS });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Requests per second of POST /api/lookup on the standalone host, beside a bare node:http server giving the same JSON. */
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
      const rapport = await load(`${apiUrl}/api/lookup`, headers, body);
      const baseline = await load(`http://127.0.0.1:${bareMatch[1]}/`, headers, body);
      return { rapport, baseline, ratio: rapport.rps / baseline.rps, responseBytes: Buffer.byteLength(sample) };
    } finally {
      bare.kill();
    }
  } finally {
    api.kill();
  }
}
