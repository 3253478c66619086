import { randomUUID } from 'node:crypto';
import type { Contact } from '@rapport/shared';
import { generateDemoData } from '../functions/src/local/demo/demo-data';
import { LookupService } from '../functions/src/services/lookup.service';
import { createCosmosClient, initializeCosmos } from '../functions/src/store/cosmos/cosmos-client';
import { CosmosStore } from '../functions/src/store/cosmos/cosmos-store';
import { LOCAL_COSMOS_KEY, requestsBetween, roundTripsOf, startLocalCosmos, type RequestCounts } from '../functions/src/local/cosmos/local-cosmos-server';
import { summarize } from './stats';
import { BENCH_TENANT_ID, benchTenantSize, participantsFor } from './tenant';

const SAMPLES = Number(process.env.SAMPLES ?? 500);
const ROUND_TRIP_SAMPLES = 50;

export type Spread = { min: number; max: number; mean: number };

/**
 * The Cosmos adapter's cost per participant lookup and per timeline page (requests, counted at the
 * server for every sample; round trips in a row, for the first 50) and the lookup's latency, for a tenant of
 * `contacts` contacts on the in-process Cosmos-compatible server: each lookup twice, building its cards, then as kept.
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
    const measured = async (work: () => Promise<unknown>) => {
      const before = server.requests();
      const begun = process.hrtime.bigint();
      await work();
      const millis = Number(process.hrtime.bigint() - begun) / 1e6;
      return { millis, requests: requestsBetween(before, server.requests()) };
    };
    // The tenant's colleagues are read once a minute per instance, not per lookup: read before the samples.
    await lookup.lookup(principal, { emails: ['warm@up.example'], timelineLimit: 0 });
    const lookups: { millis: number; requests: RequestCounts }[] = [];
    const building: { millis: number; requests: RequestCounts }[] = [];
    const roundTrips: number[] = [];
    const timelines: RequestCounts[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const ask = () => lookup.lookup(principal, { emails: participantsFor(data.contacts, i), timelineLimit: 5 });
      // The first lookup of these addresses builds their cards and keeps them; the next reads them as kept, as every
      // lookup does until a write changes them.
      building.push(await measured(ask));
      lookups.push(await measured(ask));
      // Each request held 20 ms, as a round trip to Azure would be: the round trips a kept lookup waits for in a row.
      if (i < ROUND_TRIP_SAMPLES) roundTrips.push(roundTripsOf((await server.traced(20, ask)).served));
      const someone = data.contacts[(i * 7919) % data.contacts.length] as Contact;
      timelines.push((await measured(() => store.list('activity', BENCH_TENANT_ID, { linkedTo: { kind: 'contact', id: someone.id }, limit: 20 }))).requests);
    }
    return {
      loadSeconds,
      buildingRequests: spreadOf(building.map((sample) => dataRequests(sample.requests))),
      buildingQueryPlans: spreadOf(building.map((sample) => sample.requests.queryPlans)),
      buildingLatency: summarize(building.map((sample) => sample.millis)),
      roundTrips: spreadOf(roundTrips),
      lookupRequests: spreadOf(lookups.map((sample) => dataRequests(sample.requests))),
      lookupReads: spreadOf(lookups.map((sample) => sample.requests.reads)),
      lookupQueries: spreadOf(lookups.map((sample) => sample.requests.queries)),
      lookupQueryPlans: spreadOf(lookups.map((sample) => sample.requests.queryPlans)),
      crossPartitionQueries: [...lookups.map((sample) => sample.requests), ...timelines].reduce((sum, counts) => sum + counts.crossPartitionQueries, 0),
      timelineRequests: spreadOf(timelines.map(dataRequests)),
      latency: summarize(lookups.map((sample) => sample.millis)),
    };
  } finally {
    await client.database(databaseId).delete();
    await store.close();
    await server.stop();
  }
}

/** What a path asks of the data: reads, queries and writes, not the SDK's query plans or metadata. */
function dataRequests(counts: RequestCounts): number {
  return counts.reads + counts.queries + counts.crossPartitionQueries + counts.writes;
}

function spreadOf(values: number[]): Spread {
  return { min: Math.min(...values), max: Math.max(...values), mean: values.reduce((sum, value) => sum + value, 0) / values.length };
}
