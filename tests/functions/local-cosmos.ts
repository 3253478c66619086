import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';

// A key is required by the SDK; the local server accepts any.
export const LOCAL_COSMOS_KEY = Buffer.from('rapport-local-cosmos-key').toString('base64');

let running: Promise<{ server: Server; endpoint: string; requests: () => number }> | undefined;
let requestCount = 0;

/** One in-process Cosmos-compatible server per test file, on a free port, counting the requests it serves. */
export function localCosmos(): Promise<{ endpoint: string; requests: () => number }> {
  running ??= new Promise((resolve, reject) => {
    const server = createHttpServer();
    server.on('request', () => {
      requestCount++;
    });
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, endpoint: `http://127.0.0.1:${port}`, requests: () => requestCount });
    });
  });
  return running;
}

export async function stopLocalCosmos(): Promise<void> {
  if (!running) return;
  const { server } = await running;
  running = undefined;
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
