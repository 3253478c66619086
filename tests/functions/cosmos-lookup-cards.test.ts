import type { Database } from '@azure/cosmos';
import { ActivitySchema, CompanySchema, ContactSchema, type Activity, type Company, type Contact } from '@rapport/shared';
import { LookupService } from '../../functions/src/services/lookup.service';
import type { CardKey, CardSource } from '../../functions/src/store/store';
import type { CosmosStore } from '../../functions/src/store/cosmos/cosmos-store';
import { CARD_MAX_AGE_MS, CosmosLookupCards } from '../../functions/src/store/cosmos/cosmos-lookup-cards';
import { INDEX } from '../../functions/src/store/cosmos/cosmos-layout';
import { freshCosmosStore, localCosmos, stopLocalCosmos } from './local-cosmos';

const TENANT = 'cards-tenant';
const at = '2026-11-01T09:00:00.000Z';
const system = { tenantId: TENANT, version: 1, createdAt: at, updatedAt: at, createdBy: 'rep', updatedBy: 'rep', ownerId: 'rep' };
const company: Company = CompanySchema.parse({ ...system, id: 'contoso', name: 'Contoso', domains: ['contoso.com'] });
const contact: Contact = ContactSchema.parse({ ...system, id: 'john', firstName: 'John', lastName: 'Doe', emails: ['john@contoso.com'], companyId: 'contoso' });
const activity = (id: string, subject: string): Activity => ActivitySchema.parse({ ...system, id, kind: 'email', subject, at, status: 'done', contactIds: ['john'], companyId: 'contoso' });

// How Cosmos DB keeps a lookup's cards (functions/src/store/cosmos/cosmos-lookup-cards.ts): a card is kept only when no
// write changed what it was built from while it was built; imports drop cards as single writes do.
describe('lookup cards kept in Cosmos DB', () => {
  let store: CosmosStore;
  let database: Database;
  let dispose: () => Promise<void>;
  const address: CardKey = { kind: 'address', email: 'john@contoso.com' };

  beforeAll(async () => {
    await localCosmos();
  });
  beforeEach(async () => {
    ({ store, database, dispose } = await freshCosmosStore());
    await store.create('company', company);
    await store.create('contact', contact);
  });
  afterEach(async () => {
    await dispose();
  });
  afterAll(async () => {
    await stopLocalCosmos();
  });

  /** A card source that counts its builds and builds what `content` gives at the time. */
  const counting = (content: () => Promise<string>, options: { version?: number; holds?: (card: string) => boolean } = {}) => {
    const source = { builds: 0, version: options.version ?? 1, build: async () => ((source.builds += 1), content()), holds: options.holds ?? (() => true) };
    return source satisfies CardSource<string>;
  };

  it('keeps a card once built, and builds it again after a write to what it shows', async () => {
    const source = counting(async () => 'built');
    expect(await store.cards(TENANT, [address], source)).toEqual(['built']);
    expect(await store.cards(TENANT, [address], source)).toEqual(['built']);
    expect(source.builds).toBe(1);
    await store.create('activity', activity('a1', 'Hello'));
    await store.cards(TENANT, [address], source);
    expect(source.builds).toBe(2);
  });

  it('does not keep a card built while a write changed what it was built from', async () => {
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    let subjects = 'before';
    const slow = counting(async () => {
      const seen = subjects;
      await paused;
      return seen;
    });
    const reading = store.cards(TENANT, [address], slow);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The write lands after the reader has read the records: what it built misses it.
    await store.create('activity', activity('a1', 'Hello'));
    subjects = 'after';
    release();
    expect(await reading).toEqual(['before']);
    const next = counting(async () => subjects);
    expect(await store.cards(TENANT, [address], next)).toEqual(['after']);
    expect(next.builds).toBe(1);
  });

  it('builds again a card of another version, or one that no longer holds', async () => {
    await store.cards(TENANT, [address], counting(async () => 'v1'));
    const v2 = counting(async () => 'v2', { version: 2 });
    expect(await store.cards(TENANT, [address], v2)).toEqual(['v2']);
    const stale = counting(async () => 'again', { version: 2, holds: (card) => card !== 'v2' });
    expect(await store.cards(TENANT, [address], stale)).toEqual(['again']);
    expect(await store.cards(TENANT, [address], counting(async () => 'unused', { version: 2 }))).toEqual(['again']);
  });

  it('builds again a card older than its age limit, whatever the writes (what a write missed cannot last longer)', async () => {
    const source = counting(async () => 'card');
    await store.cards(TENANT, [address], source);
    const later = new CosmosLookupCards(database.container(INDEX), (kind, tenantId, ids) => store.getMany(kind, tenantId, ids), () => Date.now() + CARD_MAX_AGE_MS + 1_000);
    await later.read(TENANT, [address], source);
    expect(source.builds).toBe(2);
    await store.cards(TENANT, [address], source);
    expect(source.builds).toBe(2);
  });

  it('builds each time a card too large to keep', async () => {
    const large = counting(async () => 'x'.repeat(1_100_000));
    await store.cards(TENANT, [address], large);
    await store.cards(TENANT, [address], large);
    expect(large.builds).toBe(2);
  });

  it("drops the cards of an import's contacts and companies: the next lookup shows what was imported", async () => {
    const lookup = new LookupService(store);
    const principal = { tenantId: TENANT, userId: 'rep', roles: ['rep' as const] };
    const ask = async () => (await lookup.lookup(principal, { emails: ['john@contoso.com', 'someone@contoso.com'], timelineLimit: 5 })).results;
    expect((await ask()).map((result) => result.timeline.length)).toEqual([0, 0]);
    await store.createMany('activity', [activity('a1', 'One'), activity('a2', 'Two')]);
    expect((await ask()).map((result) => result.timeline.length)).toEqual([2, 2]);
    await store.createMany('contact', [ContactSchema.parse({ ...contact, id: 'someone', lastName: 'One', emails: ['someone@contoso.com'] })]);
    expect((await ask()).map((result) => result.match)).toEqual(['contact', 'contact']);
  });
});
