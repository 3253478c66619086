import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A key is required by the SDK; the local server accepts any.
export const LOCAL_COSMOS_KEY = Buffer.from('rapport-local-cosmos-key').toString('base64');

export type RequestCounts = { data: number; queryPlans: number };
export type LocalCosmos = { endpoint: string; requests: () => RequestCounts; stop: () => Promise<void> };

/**
 * An in-process Cosmos-compatible server (@vercel/cosmosdb-server, a development dependency) on a
 * free loopback port, for tests and for `STORE=cosmos npm start` without an account. It keeps data
 * in memory only, and counts the requests it serves (data and query plans) so tests can check what a path costs.
 */
export async function startLocalCosmos(): Promise<LocalCosmos> {
  // Loaded only here, so that production installs without development dependencies never need it.
  const { createHttpServer } = require('@vercel/cosmosdb-server') as { createHttpServer: () => Server };
  const server = createHttpServer();
  const counts: RequestCounts = { data: 0, queryPlans: 0 };
  // The SDK asks the gateway for a query plan before some queries: metadata, not a read of data.
  server.on('request', (request: { headers: Record<string, string | string[] | undefined> }) => {
    if (request.headers['x-ms-cosmos-is-query-plan-request'] === 'True' || request.headers['x-ms-cosmos-is-query-plan-request'] === 'true') counts.queryPlans++;
    else counts.data++;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => ({ ...counts }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
