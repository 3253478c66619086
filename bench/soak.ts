// The soak and the crash test: a real host process (functions/dist/server.js) on loopback, driven by
// concurrent clients over HTTP. Writes that the API acknowledged are remembered and checked afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { percentile } from './stats';

const SERVER = path.resolve(__dirname, '../functions/dist/server.js');
const TENANT = 'soak-tenant';

export type HostProcess = { url: string; child: ChildProcess; exited: Promise<number | null>; stop(signal?: NodeJS.Signals): Promise<void> };

/** Starts the standalone host as its own process over a data folder; resolves once it answers. */
export async function startHost(dataDir: string): Promise<HostProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RAPPORT_DATA_DIR: dataDir,
      STORE: 'sqlite',
      AUTH_MODE: 'local',
      SEED_DEMO: 'false',
      LOCAL_CALENDAR_PORT: '0',
      // The soak measures the host, not the per-user limit that protects it in production.
      WRITE_LIMIT_PER_MINUTE: '1000000',
      TENANT_WRITE_LIMIT_PER_MINUTE: '10000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  // A host never outlives the run that started it, however that run ends.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      process.off('exit', orphanGuard);
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the host exited during start-up:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the host did not answer within 30 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function tokenFor(url: string, userId: string): Promise<string> {
  const response = await fetch(`${url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId: TENANT, userId, roles: ['rep'] }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** A write the API acknowledged: the record, and the version and last name the answer carried. */
type Acknowledged = { id: string; version: number; lastName: string };

class Client {
  readonly latencies: number[] = [];
  /** The same latencies by kind of request (`POST /api/lookup`), to see which the slowest are. */
  readonly byKind = new Map<string, number[]>();
  readonly failures = new Map<string, number>();
  readonly acknowledged = new Map<string, Acknowledged>();
  requests = 0;
  private n = 0;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly name: string,
  ) {}

  private async send(method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
    const started = performance.now();
    const response = await fetch(`${this.url}${pathname}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const latency = performance.now() - started;
    this.latencies.push(latency);
    const kind = `${method} ${(pathname.split('?')[0] ?? '').replace(/[0-9a-f-]{36}/g, '{id}')}`;
    const ofKind = this.byKind.get(kind) ?? [];
    ofKind.push(latency);
    this.byKind.set(kind, ofKind);
    this.requests++;
    if (response.status >= 400) {
      const key = `${kind} → ${response.status}`;
      this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
    }
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  }

  /** One step of the mix: about a third writes (create, change), the rest reads a rep makes in the pane. */
  async step(): Promise<void> {
    const roll = Math.random();
    const mine = [...this.acknowledged.values()];
    const some = mine[Math.floor(Math.random() * mine.length)];
    if (roll < 0.2 || !some) {
      const lastName = `${this.name}-${++this.n}`;
      const created = await this.send('POST', '/api/contacts', { lastName, emails: [`${lastName}@soak.example`] }, { 'idempotency-key': randomUUID() });
      const record = created.json as Acknowledged;
      if (created.status === 201) this.acknowledged.set(record.id, { id: record.id, version: record.version, lastName });
    } else if (roll < 0.33) {
      const lastName = `${this.name}-${++this.n}-renamed`;
      const changed = await this.send('PATCH', `/api/contacts/${some.id}`, { lastName }, { 'if-match': `"${some.version}"` });
      if (changed.status === 200) this.acknowledged.set(some.id, { id: some.id, version: (changed.json as Acknowledged).version, lastName });
    } else if (roll < 0.55) {
      await this.send('POST', '/api/lookup', { emails: [`${some.lastName.replace(/-renamed$/, '')}@soak.example`, 'stranger@soak.example'] });
    } else if (roll < 0.7) {
      await this.send('GET', `/api/search?q=${encodeURIComponent(this.name)}`);
    } else if (roll < 0.85) {
      await this.send('GET', `/api/contacts/${some.id}`);
    } else {
      await this.send('GET', `/api/contacts/${some.id}/timeline?limit=20`);
    }
  }
}

export type SoakResult = {
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Each kind of request's count, p50 and p99 (ms), slowest p99 first. */
  kinds: { kind: string; requests: number; p50: number; p99: number }[];
  errors: number;
  failures: Record<string, number>;
  acknowledgedWrites: number;
  missingWrites: number;
  /** The host's resident memory (MB), sampled every second of the load: its peak, at half time, at the end. */
  memory: { peakMb: number; halfMb: number; endMb: number; lastHalfGrowthMb: number };
};

/** A process's resident memory in MB, as the kernel counts it (/proc/{pid}/status), or 0 once it is gone. */
function residentMb(pid: number | undefined): number {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
    return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** The growth over the samples' span by a least-squares line through them (MB): noise aside, what the trend adds. */
function trendGrowth(samples: readonly number[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = samples.reduce((sum, value) => sum + value, 0) / n;
  let numerator = 0;
  let denominator = 0;
  samples.forEach((value, x) => {
    numerator += (x - meanX) * (value - meanY);
    denominator += (x - meanX) ** 2;
  });
  return (numerator / denominator) * (n - 1);
}

/** `clients` concurrent reps for `seconds`, then every acknowledged write read back. */
export async function runSoak(options: { clients: number; seconds: number; dataDir?: string }): Promise<SoakResult> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-soak-'));
  const host = await startHost(dataDir);
  try {
    const clients = await Promise.all(Array.from({ length: options.clients }, async (_, i) => new Client(host.url, await tokenFor(host.url, `soak-user-${i}`), `soak${i}`)));
    const started = performance.now();
    const until = started + options.seconds * 1000;
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(residentMb(host.child.pid)), 1_000);
    try {
      await Promise.all(
        clients.map(async (client) => {
          while (performance.now() < until) await client.step();
        }),
      );
    } finally {
      clearInterval(sampler);
    }
    const elapsed = (performance.now() - started) / 1000;
    const half = Math.floor(rss.length / 2);
    const latencies = clients.flatMap((client) => client.latencies).sort((a, b) => a - b);
    const failures: Record<string, number> = {};
    for (const client of clients) for (const [key, count] of client.failures) failures[key] = (failures[key] ?? 0) + count;
    const acknowledged = clients.flatMap((client) => [...client.acknowledged.values()]);
    const missing = await missingWrites(host.url, await tokenFor(host.url, 'soak-checker'), acknowledged);
    const requests = latencies.length;
    return {
      clients: options.clients,
      seconds: elapsed,
      requests,
      requestsPerSecond: requests / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      kinds: latenciesByKind(clients),
      errors: Object.values(failures).reduce((sum, count) => sum + count, 0),
      failures,
      acknowledgedWrites: acknowledged.length,
      missingWrites: missing.length,
      memory: { peakMb: Math.max(0, ...rss), halfMb: rss[half] ?? 0, endMb: rss[rss.length - 1] ?? 0, lastHalfGrowthMb: trendGrowth(rss.slice(half)) },
    };
  } finally {
    await host.stop();
    if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function latenciesByKind(clients: readonly Client[]): SoakResult['kinds'] {
  const all = new Map<string, number[]>();
  for (const client of clients) for (const [kind, latencies] of client.byKind) all.set(kind, (all.get(kind) ?? []).concat(latencies));
  return [...all]
    .map(([kind, latencies]) => {
      const sorted = latencies.sort((a, b) => a - b);
      return { kind, requests: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    })
    .sort((a, b) => b.p99 - a.p99);
}

/** The acknowledged writes the store does not hold (at their acknowledged version or later, with their last change). */
async function missingWrites(url: string, token: string, acknowledged: Acknowledged[]): Promise<Acknowledged[]> {
  const missing: Acknowledged[] = [];
  for (let i = 0; i < acknowledged.length; i += 32) {
    const batch = acknowledged.slice(i, i + 32);
    await Promise.all(
      batch.map(async (write) => {
        const response = await fetch(`${url}/api/contacts/${write.id}`, { headers: { authorization: `Bearer ${token}` } });
        const record = response.ok ? ((await response.json()) as Acknowledged) : null;
        if (!record || record.version < write.version || (record.version === write.version && record.lastName !== write.lastName)) missing.push(write);
      }),
    );
  }
  return missing;
}

export type CrashResult = { writers: number; acknowledgedBeforeKill: number; inFlightAtKill: number; reopened: boolean; missingAfterRestart: number; restartSeconds: number };

/**
 * Kills the host with SIGKILL in the middle of a write load, restarts it on the same data and checks
 * that the store opens and holds every write it acknowledged before dying.
 */
export async function runCrashTest(options: { writers: number; killAfterAcks: number }): Promise<CrashResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-crash-'));
  try {
    const host = await startHost(dataDir);
    const token = await tokenFor(host.url, 'crash-writer');
    const acknowledged: Acknowledged[] = [];
    let inFlight = 0;
    let inFlightAtKill = 0;
    let killed = false;
    let refusals = 0;
    const killedPromise = new Promise<void>((resolve, reject) => {
      const writer = async (w: number) => {
        for (let n = 0; !killed; n++) {
          const lastName = `crash-${w}-${n}`;
          inFlight++;
          try {
            const response = await fetch(`${host.url}/api/contacts`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `${w}-${n}` },
              body: JSON.stringify({ lastName, title: 'Buyer'.padEnd(150, '.'), address: { street: 'x'.repeat(300), city: 'Lisbon', country: 'Portugal' } }),
            });
            if (response.status === 201) acknowledged.push({ ...((await response.json()) as Acknowledged), lastName });
            else refusals++;
          } catch {
            // The host died under this request: it was never acknowledged.
          } finally {
            inFlight--;
          }
          if (!killed && refusals > 0) {
            killed = true;
            host.child.kill('SIGKILL');
            reject(new Error(`the host refused ${refusals} writes before the kill: the crash test's writes must be valid`));
          }
          if (!killed && acknowledged.length >= options.killAfterAcks) {
            killed = true;
            inFlightAtKill = inFlight;
            host.child.kill('SIGKILL');
            resolve();
          }
        }
      };
      for (let w = 0; w < options.writers; w++) void writer(w);
    });
    await killedPromise;
    await host.exited;
    // Answers already on their way when the host died are acknowledgements too: wait for every request to end.
    while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const ackedAtKill = [...acknowledged];
    const restartStarted = performance.now();
    const restarted = await startHost(dataDir);
    const restartSeconds = (performance.now() - restartStarted) / 1000;
    try {
      const missing = await missingWrites(restarted.url, await tokenFor(restarted.url, 'crash-checker'), ackedAtKill);
      return {
        writers: options.writers,
        acknowledgedBeforeKill: ackedAtKill.length,
        inFlightAtKill,
        reopened: true,
        missingAfterRestart: missing.length,
        restartSeconds,
      };
    } finally {
      await restarted.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
