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

export type LocalCosmos = { endpoint: string; requests: () => RequestCounts; stop: () => Promise<void> };

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
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    counts[kindOf(request)]++;
    withRequestPartition(request.headers, () => handle.call(server, request, response));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => ({ ...counts }),
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
