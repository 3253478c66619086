import fs from 'node:fs';
import path from 'node:path';
import { figuresFromChild } from './child-figures';
import { LookupService } from '../functions/src/services/lookup.service';
import { SqliteStore } from '../functions/src/store/sqlite/sqlite-store';
import { summarize } from './stats';
import { BENCH_TENANT_ID, participantsFor, type BenchTenant } from './tenant';

const WARMUP = 200;
const SAMPLES = 2_000;

/**
 * Latency of the participant lookup (service and store, no HTTP) over a tenant on disk, each lookup's cards built
 * afresh: the small tenant's e-mails repeat within the samples, and remembered cards would make it look cheaper.
 * `lookups` are the addresses of each lookup, warm-ups first.
 */
export async function measureLookupLatency(dataDir: string, lookups: readonly string[][]) {
  if (lookups.length !== WARMUP + SAMPLES) throw new Error(`expected ${WARMUP + SAMPLES} lookups, got ${lookups.length}`);
  const store = SqliteStore.open(path.join(dataDir, 'rapport.db'), { remember: false });
  const lookup = new LookupService(store);
  const principal = { tenantId: BENCH_TENANT_ID, userId: 'bench-user', roles: ['rep' as const] };
  const run = (index: number) => lookup.lookup(principal, { emails: lookups[index] as string[], timelineLimit: 5 });
  for (let i = 0; i < WARMUP; i++) await run(i);
  const samples: number[] = [];
  let matched = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const started = process.hrtime.bigint();
    const response = await run(WARMUP + i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    matched += response.results.filter((result) => result.match === 'contact').length;
  }
  await store.close();
  // Every sample must have found its two contacts, or the figure measures misses.
  if (matched !== SAMPLES * 2) throw new Error(`lookup matched ${matched} contacts, expected ${SAMPLES * 2}`);
  return summarize(samples);
}

/**
 * `measureLookupLatency` in a process of its own (`lookup-latency-child.ts`), so that neither the heap left by building
 * the tenants nor the other size's measurement (its pages in the cache, its JIT) colours it.
 */
export function measureLookupLatencyApart(tenant: BenchTenant): { p50: number; p95: number; mean: number } {
  const file = path.join(tenant.dataDir, 'lookups.json');
  if (!fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify(Array.from({ length: WARMUP + SAMPLES }, (_, index) => participantsFor(tenant.contacts, index))));
  return figuresFromChild<{ p50: number; p95: number; mean: number }>('lookup-latency-child.ts', [tenant.dataDir, file], 'the lookup measurement');
}
