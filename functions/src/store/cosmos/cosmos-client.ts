import type { Agent } from 'node:http';
import { CosmosClient, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import { containerDefinitions } from './cosmos-layout';

export type CosmosSettings = {
  endpoint: string;
  /** An account key; without one, managed identity (DefaultAzureCredential) signs requests. */
  key?: string | undefined;
  /** The user-assigned managed identity to sign in with (its client id); without it, DefaultAzureCredential's own choice. */
  identityClientId?: string | undefined;
  database: string;
  /** For the local test server only: plain HTTP and no endpoint discovery. */
  local?: boolean;
  agent?: Agent;
};

/** One client per process: it holds the connection pool and retries 429s after their Retry-After. */
export function createCosmosClient(settings: CosmosSettings): CosmosClient {
  return new CosmosClient({
    endpoint: settings.endpoint,
    ...(settings.key
      ? { key: settings.key }
      : { aadCredentials: new DefaultAzureCredential(settings.identityClientId ? { managedIdentityClientId: settings.identityClientId } : {}) }),
    connectionPolicy: {
      enableEndpointDiscovery: !settings.local,
      retryOptions: { maxRetryAttemptCount: 9, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 30 },
    },
    ...(settings.agent ? { agent: settings.agent } : {}),
  });
}

/** Creates the database and containers if missing; running it again changes nothing. */
export async function initializeCosmos(client: CosmosClient, databaseId: string): Promise<Database> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  for (const definition of containerDefinitions) await database.containers.createIfNotExists(definition);
  return database;
}
