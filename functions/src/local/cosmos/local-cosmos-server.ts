import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isQueryPlanRequest, scopeQueriesToPartitions, withRequestPartition } from './local-cosmos-partitions';

// A key is required by the SDK; the local server accepts any.
export const LOCAL_COSMOS_KEY = Buffer.from('rapport-local-cosmos-key').toString('base64');

/**
 * Requests by kind: point reads, single-partition queries, queries over all partitions, and writes of
 * documents; the SDK's query plans; and metadata (databases, containers, partition ranges).
 */
export type RequestCounts = { reads: number; queries: number; crossPartitionQueries: number; writes: number; queryPlans: number; metadata: number };

/** A request the server served while tracing: when it arrived and when its answer was sent (ms, monotonic). */
export type ServedRequest = { kind: keyof RequestCounts; arrived: number; answered: number };

export type LocalCosmos = {
  endpoint: string;
  requests: () => RequestCounts;
  /**
   * Runs `work` with every request held `latencyMs` before it is served, as a round trip to Azure would be, and returns
   * what it served then (see `roundTripsOf`).
   */
  traced: <T>(latencyMs: number, work: () => Promise<T>) => Promise<{ result: T; served: ServedRequest[] }>;
  stop: () => Promise<void>;
};

/**
 * An in-process Cosmos-compatible server (@vercel/cosmosdb-server, a development dependency) on a
 * free loopback port, for tests and for `STORE=cosmos npm start` without an account. It keeps data
 * in memory only, answers a query from the partition it names (see local-cosmos-partitions.ts), keeps
 * connections alive as Cosmos DB's gateway does, and counts the requests it serves (data and query plans)
 * so tests can check what a path costs.
 */
export async function startLocalCosmos(): Promise<LocalCosmos> {
  // Loaded only here, so that production installs without development dependencies never need it.
  const { createHttpServer } = require('@vercel/cosmosdb-server') as { createHttpServer: (options: { keepAlive: boolean }) => Server };
  scopeQueriesToPartitions((require('@vercel/cosmosdb-server/lib/account/documents') as { default: { prototype: object } }).default);
  const server = createHttpServer({ keepAlive: true });
  // Idle connections stay open longer than the SDK keeps them: with Node's 5 s default, a request sent on a connection
  // the server was just closing failed with ECONNRESET now and then on a loaded machine.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 121_000;
  const counts: RequestCounts = { reads: 0, queries: 0, crossPartitionQueries: 0, writes: 0, queryPlans: 0, metadata: 0 };
  const [handle] = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
  if (!handle) throw new Error('the local Cosmos server has no request handler');
  server.removeAllListeners('request');
  let tracing: { latencyMs: number; served: ServedRequest[] } | null = null;
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const kind = kindOf(request);
    counts[kind]++;
    const serve = () => withRequestPartition(request.headers, () => handle.call(server, request, response));
    const trace = tracing;
    if (!trace) return serve();
    const served: ServedRequest = { kind, arrived: performance.now(), answered: Number.POSITIVE_INFINITY };
    trace.served.push(served);
    response.once('finish', () => (served.answered = performance.now()));
    setTimeout(serve, trace.latencyMs);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => ({ ...counts }),
    traced: async (latencyMs, work) => {
      if (tracing) throw new Error('the local Cosmos server traces one piece of work at a time');
      const trace = { latencyMs, served: [] as ServedRequest[] };
      tracing = trace;
      try {
        return { result: await work(), served: trace.served };
      } finally {
        tracing = null;
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function kindOf(request: IncomingMessage): keyof RequestCounts {
  if (isQueryPlanRequest(request.headers)) return 'queryPlans';
  const path = (request.url ?? '').split('?')[0] ?? '';
  if (!/\/docs(\/|$)/.test(path)) return 'metadata';
  if (String(request.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true') {
    return request.headers['x-ms-documentdb-partitionkey'] ? 'queries' : 'crossPartitionQueries';
  }
  return request.method === 'GET' ? 'reads' : 'writes';
}

/**
 * The longest chain of requests each sent after another's answer came back: the round trips a piece of work waits
 * for, one after the other. With a latency larger than the time a client takes to send a batch of requests, requests
 * sent together overlap and count once.
 */
export function roundTripsOf(served: readonly ServedRequest[]): number {
  const byArrival = [...served].sort((a, b) => a.arrived - b.arrived);
  const depth: number[] = [];
  byArrival.forEach((request, index) => {
    let before = 0;
    for (let earlier = 0; earlier < index; earlier++) if (byArrival[earlier]!.answered <= request.arrived) before = Math.max(before, depth[earlier]!);
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}

/** The requests made between two readings of the counts. */
export function requestsBetween(before: RequestCounts, after: RequestCounts): RequestCounts {
  return {
    reads: after.reads - before.reads,
    queries: after.queries - before.queries,
    crossPartitionQueries: after.crossPartitionQueries - before.crossPartitionQueries,
    writes: after.writes - before.writes,
    queryPlans: after.queryPlans - before.queryPlans,
    metadata: after.metadata - before.metadata,
  };
}
