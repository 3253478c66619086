import { randomUUID } from 'node:crypto';
import type { Database } from '@azure/cosmos';
import { createCosmosClient, initializeCosmos } from '../../functions/src/store/cosmos/cosmos-client';
import { CosmosStore } from '../../functions/src/store/cosmos/cosmos-store';
import { LOCAL_COSMOS_KEY, startLocalCosmos, type LocalCosmos } from '../../functions/src/local/cosmos/local-cosmos-server';

let running: Promise<LocalCosmos> | undefined;

/** One in-process Cosmos-compatible server per test file. */
export function localCosmos(): Promise<LocalCosmos> {
  running ??= startLocalCosmos();
  return running;
}

export async function stopLocalCosmos(): Promise<void> {
  const current = running;
  running = undefined;
  if (current) await (await current).stop();
}

/** A Cosmos store on a fresh database of the file's local server (or of a real account, when given). */
export async function freshCosmosStore(
  account?: { endpoint: string; key: string },
): Promise<{ store: CosmosStore; database: Database; dispose: () => Promise<void> }> {
  const endpoint = account?.endpoint ?? (await localCosmos()).endpoint;
  const client = createCosmosClient({ endpoint, key: account?.key ?? LOCAL_COSMOS_KEY, database: 'unused', local: !account });
  const databaseId = `rapport-test-${randomUUID()}`;
  await initializeCosmos(client, databaseId);
  const store = CosmosStore.open(client, databaseId);
  return {
    store,
    // For tests that play a crash: the documents as stored.
    database: client.database(databaseId),
    dispose: async () => {
      await client.database(databaseId).delete();
      await store.close();
    },
  };
}
