// npm run cosmos:init — creates Rapport's database and containers (partition keys, composite
// indexes) in the Cosmos DB account of the configuration. Idempotent: run it again and nothing changes.
import { loadConfig } from '../functions/src/config';
import { containerDefinitions } from '../functions/src/store/cosmos/cosmos-layout';
import { createCosmosClient, initializeCosmos } from '../functions/src/store/cosmos/cosmos-client';

async function main(): Promise<void> {
  // Only the Cosmos settings matter here, whatever NODE_ENV says: the app's other production settings are the app's.
  const config = loadConfig({ ...process.env, STORE: 'cosmos' }, 'development');
  if (!config.cosmos.endpoint) throw new Error('Set COSMOS_ENDPOINT (and COSMOS_KEY, or sign in for managed identity) to the account to set up.');
  const client = createCosmosClient({ endpoint: config.cosmos.endpoint, key: config.cosmos.key, identityClientId: config.cosmos.identityClientId, database: config.cosmos.database });
  await initializeCosmos(client, config.cosmos.database);
  console.log(`Database "${config.cosmos.database}" is ready with containers ${containerDefinitions.map((definition) => definition.id).join(', ')}.`);
  client.dispose();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
