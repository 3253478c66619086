import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../functions/src/config';
import { createCosmosClient, initializeCosmos } from '../../functions/src/store/cosmos/cosmos-client';
import { INDEX, RECORDS } from '../../functions/src/store/cosmos/cosmos-layout';
import { LOCAL_COSMOS_KEY } from '../../functions/src/local/cosmos/local-cosmos-server';
import { localCosmos, stopLocalCosmos } from './local-cosmos';

// infra/cosmos-layout.json is the one description of the database that Bicep deploys and the adapter creates.
type LayoutFile = {
  database: string;
  containers: { id: string; partitionKey: { paths: string[]; kind: string; version: number }; indexingPolicy: { includedPaths: unknown[]; excludedPaths: unknown[]; compositeIndexes: unknown[][] } }[];
};
const layoutFile = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../infra/cosmos-layout.json'), 'utf8')) as LayoutFile;

describe('the Cosmos DB layout', () => {
  afterAll(async () => {
    await stopLocalCosmos();
  });

  it('is what the adapter creates: containers, partition keys and indexes read back from the server', async () => {
    const { endpoint } = await localCosmos();
    const client = createCosmosClient({ endpoint, key: LOCAL_COSMOS_KEY, database: 'unused', local: true });
    const databaseId = `layout-${randomUUID()}`;
    await initializeCosmos(client, databaseId);
    const { resources } = await client.database(databaseId).containers.readAll().fetchAll();
    await client.database(databaseId).delete();
    client.dispose();
    const created = resources
      .map(({ id, partitionKey, indexingPolicy }) => ({
        id,
        partitionKey,
        indexingPolicy: { includedPaths: indexingPolicy?.includedPaths, excludedPaths: indexingPolicy?.excludedPaths, compositeIndexes: indexingPolicy?.compositeIndexes },
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const expected = layoutFile.containers
      .map(({ id, partitionKey, indexingPolicy }) => ({
        id,
        partitionKey,
        indexingPolicy: { includedPaths: indexingPolicy.includedPaths, excludedPaths: indexingPolicy.excludedPaths, compositeIndexes: indexingPolicy.compositeIndexes },
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(created).toEqual(expected);
  });

  it('names the containers the store reads and the database the app opens by default', () => {
    expect(layoutFile.containers.map((container) => container.id).sort()).toEqual([INDEX, RECORDS].sort());
    expect(loadConfig({}).cosmos.database).toBe(layoutFile.database);
  });
});
