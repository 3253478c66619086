import { randomUUID } from 'node:crypto';
import type { Contact } from '@rapport/shared';
import { generateDemoData } from '../functions/src/demo/demo-data';
import { LookupService } from '../functions/src/services/lookup.service';
import { createCosmosClient, initializeCosmos } from '../functions/src/store/cosmos/cosmos-client';
import { CosmosStore } from '../functions/src/store/cosmos/cosmos-store';
import { LOCAL_COSMOS_KEY, startLocalCosmos } from '../functions/src/store/cosmos/local-cosmos-server';
import { summarize } from './stats';
import { BENCH_TENANT_ID, benchTenantSize, participantsFor } from './tenant';

// Few samples: the local server scans its data, so its latency is only a sketch.
const SAMPLES = 5;

/**
 * Requests per participant lookup and per timeline page on the Cosmos adapter, and the lookup's
 * latency, for a tenant of `contacts` contacts on the in-process Cosmos-compatible server.
 */
export async function measureCosmos(contacts: number) {
  const server = await startLocalCosmos();
  const client = createCosmosClient({ endpoint: server.endpoint, key: LOCAL_COSMOS_KEY, database: 'unused', local: true });
  const databaseId = `bench-${randomUUID()}`;
  await initializeCosmos(client, databaseId);
  const store = CosmosStore.open(client, databaseId);
  try {
    const started = process.hrtime.bigint();
    const data = generateDemoData({
      now: new Date('2026-11-23T00:00:00Z'),
      tenantId: BENCH_TENANT_ID,
      size: benchTenantSize(contacts, 0),
    });
    await store.createMany('member', data.members);
    await store.createMany('company', data.companies);
    await store.createMany('contact', data.contacts);
    await store.createMany('deal', data.deals);
    await store.createMany('activity', data.activities);
    const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;

    const lookup = new LookupService(store);
    const principal = { tenantId: BENCH_TENANT_ID, userId: 'bench-user', roles: ['rep' as const] };
    const requestsOf = async (work: () => Promise<unknown>) => {
      const before = server.requests();
      await work();
      const after = server.requests();
      return { data: after.data - before.data, queryPlans: after.queryPlans - before.queryPlans };
    };
    const someone = data.contacts[0] as Contact;
    const lookupRequests = await requestsOf(() => lookup.lookup(principal, { emails: participantsFor(data.contacts, 1), timelineLimit: 5 }));
    const timelineRequests = await requestsOf(() => store.list('activity', BENCH_TENANT_ID, { linkedTo: { kind: 'contact', id: someone.id }, limit: 20 }));
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const begun = process.hrtime.bigint();
      await lookup.lookup(principal, { emails: participantsFor(data.contacts, i), timelineLimit: 5 });
      samples.push(Number(process.hrtime.bigint() - begun) / 1e6);
    }
    return { loadSeconds, lookupRequests, timelineRequests, latency: summarize(samples) };
  } finally {
    await client.database(databaseId).delete();
    await store.close();
    await server.stop();
  }
}
