import { randomUUID } from 'node:crypto';
import { createCosmosClient, initializeCosmos } from '../../functions/src/store/cosmos/cosmos-client';
import { LOCAL_COSMOS_KEY, requestsBetween } from '../../functions/src/local/cosmos/local-cosmos-server';
import { localCosmos, stopLocalCosmos } from './local-cosmos';

// The local server stands in for Cosmos DB in tests and benchmarks; these are the behaviours the
// store relies on it to share with Cosmos DB.
describe('the local Cosmos-compatible server', () => {
  afterAll(async () => {
    await stopLocalCosmos();
  });

  async function indexContainer() {
    const { endpoint } = await localCosmos();
    const client = createCosmosClient({ endpoint, key: LOCAL_COSMOS_KEY, database: 'unused', local: true });
    const databaseId = `local-server-${randomUUID()}`;
    await initializeCosmos(client, databaseId);
    return { container: client.database(databaseId).container('index'), dispose: () => client.dispose() };
  }

  it('answers a query from the one partition it names, as Cosmos DB does', async () => {
    const { container, dispose } = await indexContainer();
    for (const pk of ['t|a', 't|b']) {
      for (let i = 0; i < 3; i++) await container.items.create({ id: `${pk}-${i}`, pk, tenantId: 't' });
    }
    // The SQL names no partition: only the request's partition key scopes it.
    const { resources } = await container.items.query<{ id: string }>('SELECT c.id FROM c', { partitionKey: 't|b' }).fetchAll();
    expect(resources.map((doc) => doc.id).sort()).toEqual(['t|b-0', 't|b-1', 't|b-2']);

    // Replaced and deleted documents leave and join their partition's set.
    await container.item('t|b-0', 't|b').delete();
    await container.items.upsert({ id: 't|b-1', pk: 't|b', tenantId: 't', changed: true });
    const after = await container.items.query<{ id: string; changed?: boolean }>('SELECT c.id, c.changed FROM c', { partitionKey: 't|b' }).fetchAll();
    expect(after.resources.map((doc) => doc.id).sort()).toEqual(['t|b-1', 't|b-2']);
    expect(after.resources.find((doc) => doc.id === 't|b-1')?.changed).toBe(true);
    dispose();
  });

  it('still runs a query across partitions when the request names none', async () => {
    const { container, dispose } = await indexContainer();
    await container.items.create({ id: 'one', pk: 't|a', tenantId: 't' });
    await container.items.create({ id: 'two', pk: 't|b', tenantId: 't' });
    const { requests } = await localCosmos();
    const before = requests();
    const { resources } = await container.items.query<{ id: string }>("SELECT c.id FROM c WHERE c.tenantId = 't'").fetchAll();
    expect(resources.map((doc) => doc.id).sort()).toEqual(['one', 'two']);
    // Counted apart, so that a test can prove a path never runs one.
    expect(requestsBetween(before, requests())).toMatchObject({ crossPartitionQueries: 1, queries: 0 });
    dispose();
  });
});
