import path from 'node:path';
import { LookupService } from '../functions/src/services/lookup.service';
import { SqliteStore } from '../functions/src/store/sqlite/sqlite-store';
import { summarize } from './stats';
import { BENCH_TENANT_ID, participantsFor, type BenchTenant } from './tenant';

const WARMUP = 200;
const SAMPLES = 2_000;

/**
 * Latency of the participant lookup (service and store, no HTTP) over a tenant on disk, each lookup's cards built
 * afresh: the small tenant's e-mails repeat within the samples, and remembered cards would make it look cheaper.
 */
export async function measureLookupLatency(tenant: BenchTenant) {
  const store = SqliteStore.open(path.join(tenant.dataDir, 'rapport.db'), { remember: false });
  const lookup = new LookupService(store);
  const principal = { tenantId: BENCH_TENANT_ID, userId: 'bench-user', roles: ['rep' as const] };
  const run = (index: number) => lookup.lookup(principal, { emails: participantsFor(tenant.contacts, index), timelineLimit: 5 });
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
