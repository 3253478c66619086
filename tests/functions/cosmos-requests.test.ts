import { noNeverLogLists } from '../../functions/src/mail/never-log';
import { SentMailCaptures } from '../../functions/src/mail/sent-mail-captures';
import { ThreadSchema, type Contact } from '@rapport/shared';
import { generateDemoData, type DemoData } from '../../functions/src/local/demo/demo-data';
import { LookupService } from '../../functions/src/services/lookup.service';
import { PipelineService } from '../../functions/src/services/pipeline.service';
import { SearchService } from '../../functions/src/services/search.service';
import { SendCheckService } from '../../functions/src/services/send-check.service';
import { TenantSettingsService } from '../../functions/src/services/tenant-settings.service';
import { relatedNamesOf } from '../../functions/src/services/related-names';
import { CosmosStore } from '../../functions/src/store/cosmos/cosmos-store';
import { requestsBetween, roundTripsOf } from '../../functions/src/local/cosmos/local-cosmos-server';
import { freshCosmosStore, localCosmos, stopLocalCosmos } from './local-cosmos';

jest.setTimeout(240_000);

const TENANT = 'requests-tenant';
const LOGGED_MESSAGE = '<logged-mail@contoso.example>';
const now = new Date('2026-11-23T00:00:00Z');

async function load(store: CosmosStore, data: DemoData, withMembers: boolean): Promise<void> {
  if (withMembers) await store.createMany('member', data.members);
  await store.createMany('company', data.companies);
  await store.createMany('contact', data.contacts);
  await store.createMany('deal', data.deals);
  await store.createMany('activity', data.activities);
}

// One tenant, measured small, then grown tenfold around the same records and measured again: each path must cost the
// same requests at both sizes. (One tenant for the three paths: growing it is most of this file's time.)
describe('what an interactive path costs on Cosmos DB', () => {
  const principal = { tenantId: TENANT, userId: 'rep', roles: ['rep' as const] };
  type Costs = Awaited<ReturnType<typeof measure>>;
  let atSmall: Costs;
  let atLarge: Costs;
  let firstSearch: ReturnType<typeof requestsBetween>;
  let dispose: () => Promise<void>;
  let measure: () => Promise<{
    lookup: {
      lookupRequests: ReturnType<typeof requestsBetween>;
      roundTrips: number;
      timelineRequests: ReturnType<typeof requestsBetween>;
      namesRequests: ReturnType<typeof requestsBetween>;
      named: string[];
      matches: string[];
    };
    building: ReturnType<typeof requestsBetween>;
    logged: { requests: ReturnType<typeof requestsBetween>; roundTrips: number; found: boolean };
    sendCheck: { requests: ReturnType<typeof requestsBetween>; alerts: string[] };
    search: { q: string; counts: number[]; requests: ReturnType<typeof requestsBetween> }[];
  }>;

  beforeAll(async () => {
    const cosmos = await localCosmos();
    const fresh = await freshCosmosStore();
    const store = fresh.store;
    dispose = fresh.dispose;
    const lookup = new LookupService(store);
    const settings = new TenantSettingsService({ store, now: () => now });
    const checks = new SendCheckService({ store, now: () => now, settingsOf: (tenantId) => settings.settingsOf(tenantId), neverLog: noNeverLogLists, captures: new SentMailCaptures(store, () => now) });
    const search = new SearchService(store, new PipelineService({ store, now: () => now }));
    const loadCases = (data: DemoData, from: number) => store.createMany('case', data.cases.map((serviceCase, at) => ({ ...serviceCase, number: from + at })));

    const small = generateDemoData({ now, tenantId: TENANT, size: { companies: 10, contacts: 30, deals: 10, activities: 60, cases: 10 } });
    await load(store, small, true);
    await loadCases(small, 1);
    const [pilot] = small.deals;
    const [someActivity] = small.activities;
    await store.create('activity', { ...someActivity!, id: 'logged-mail', internetMessageId: LOGGED_MESSAGE, conversationId: 'conversation-1', contactIds: [small.contacts[0]!.id] });
    const at = now.toISOString();
    await store.create('thread', ThreadSchema.parse({ id: 'thread-1', tenantId: TENANT, conversationId: 'conversation-1', ownerId: 'rep', version: 1, createdAt: at, updatedAt: at, createdBy: 'rep', updatedBy: 'rep' }));
    await store.createMany('deal', [{ ...pilot!, id: 'quasar', name: 'Quasar pilot' }]);
    const [first, second] = small.contacts as [Contact, Contact];
    const stranger = `someone.new@${first.emails[0]!.split('@')[1]}`;
    // Recipients with open work: the contacts of open deals, and one the CRM lacks.
    const withDeals = small.deals.filter((deal) => deal.status === 'open').flatMap((deal) => deal.contactIds);
    const [dealFirst, dealSecond] = [...new Set(withDeals)].map((id) => small.contacts.find((contact) => contact.id === id) as Contact);
    const to = [dealFirst!.emails[0]!, dealSecond!.emails[0]!, 'someone.new@nowhere.example'];
    const queries = ['quasar pilot', '#3', first.emails[0]!, 'quasar'];
    const since = (before: ReturnType<typeof cosmos.requests>) => requestsBetween(before, cosmos.requests());

    measure = async () => {
      // The tenant's colleagues (its settings and members) are read once a minute per instance, not per lookup or check:
      // read again first, as loading may have taken longer than that on a busy machine.
      await lookup.lookup(principal, { emails: [stranger], timelineLimit: 0 });
      await checks.check(principal, { to: ['warm@up.example'], cc: [], bcc: [] });
      const ask = () => lookup.lookup(principal, { emails: [first.emails[0]!, second.emails[0]!, stranger], timelineLimit: 5 });
      // The first lookup since the cards' records were written builds the cards; the next reads them as kept, each
      // request held 20 ms as a round trip to Azure would be, to count the round trips it waits for one after another.
      const beforeBuilding = cosmos.requests();
      await ask();
      const building = since(beforeBuilding);
      const kept = await cosmos.traced(20, async () => {
        const before = cosmos.requests();
        const response = await ask();
        return { response, requests: since(before) };
      });
      const { response, requests: lookupRequests } = kept.result;
      const roundTrips = roundTripsOf(kept.served);
      // The pane's usual lookup: the e-mail open is logged already (its message id), in a conversation the rep follows.
      await ask();
      const loggedLookup = await cosmos.traced(20, async () => {
        const before = cosmos.requests();
        const answer = await lookup.lookup(principal, { emails: [first.emails[0]!, second.emails[0]!, stranger], timelineLimit: 5, internetMessageId: LOGGED_MESSAGE });
        return { found: answer.loggedActivity?.id === 'logged-mail' && answer.followedThread !== null, requests: since(before) };
      });
      const logged = { requests: loggedLookup.result.requests, roundTrips: roundTripsOf(loggedLookup.served), found: loggedLookup.result.found };
      const beforeTimeline = cosmos.requests();
      const page = await store.list('activity', TENANT, { linkedTo: { kind: 'contact', id: first.id }, limit: 20 });
      const timelineRequests = since(beforeTimeline);
      const beforeNames = cosmos.requests();
      const related = await relatedNamesOf(store, TENANT, page.items);
      const namesRequests = since(beforeNames);
      const beforeCheck = cosmos.requests();
      const checked = await checks.check(principal, { to, cc: [], bcc: [] });
      const checkRequests = since(beforeCheck);
      const searched = [];
      for (const q of queries) {
        const before = cosmos.requests();
        const found = await search.search(principal, q, 20);
        searched.push({ q, counts: [found.contacts.length, found.companies.length, found.deals.length, found.leads.length, found.cases.length], requests: since(before) });
      }
      return {
        lookup: { lookupRequests, roundTrips, timelineRequests, namesRequests, named: Object.keys(related).sort(), matches: response.results.map((result) => result.match) },
        building,
        logged,
        sendCheck: { requests: checkRequests, alerts: checked.alerts.map((alert) => alert.kind) },
        search: searched,
      };
    };
    // A tenant's first search on an instance brings its index up to date (a marker read, and written once).
    const upgrade = cosmos.requests();
    await search.search(principal, 'warm up', 20);
    firstSearch = since(upgrade);
    atSmall = await measure();

    // Ten times the contacts, deals, activities and cases around the same records.
    const growth = generateDemoData({ now, seed: 7, tenantId: TENANT, size: { companies: 60, contacts: 300, deals: 60, activities: 600, cases: 100 } });
    await load(store, growth, false);
    await loadCases(growth, 11);
    atLarge = await measure();
  });

  afterAll(async () => {
    await dispose?.();
    await stopLocalCosmos();
  });

  it('takes the same number of requests for a lookup and a timeline page as the tenant grows tenfold', () => {
    expect(atSmall.lookup.matches).toEqual(['contact', 'contact', 'company']);
    expect(atLarge.lookup).toEqual(atSmall.lookup);
    const small = atSmall.lookup;
    // One request per page of a timeline; a three-person lookup stays a handful of point-sized requests.
    // Nothing but reads: no metadata round trips, no writes, and no query that spans partitions.
    expect(small.timelineRequests).toEqual({ reads: 0, queries: 1, crossPartitionQueries: 0, writes: 0, queryPlans: 1, metadata: 0 });
    // The names a timeline page points at: one bulk read per kind, each a few point reads or one query in the kind's partition.
    expect(small.named.length).toBeGreaterThanOrEqual(2);
    expect(small.namesRequests).toMatchObject({ crossPartitionQueries: 0, writes: 0, metadata: 0 });
    expect(small.namesRequests.queries).toBeLessThanOrEqual(small.named.length);
    expect(small.namesRequests.reads + small.namesRequests.queries).toBeLessThanOrEqual(4 * small.named.length);
    // Issue 24: a lookup of 3 addresses reads kept cards: each address's, then its contact's company's or its domain's
    // (here 3 + 2 + 1), all point reads, in 2 round trips; no query, so no query plan; nothing written.
    const { reads, queries, queryPlans } = small.lookupRequests;
    expect(small.lookupRequests).toEqual({ reads: 6, queries: 0, crossPartitionQueries: 0, writes: 0, queryPlans: 0, metadata: 0 });
    expect(small.roundTrips).toBe(2);
    // The first lookup since the records were written builds what it reads (today's queries) and keeps it: a claim, then the card.
    for (const building of [atSmall.building, atLarge.building]) {
      expect(building).toMatchObject({ crossPartitionQueries: 0, metadata: 0 });
      expect(building.reads + building.queries + building.writes).toBeLessThanOrEqual(40);
    }
    const built = atSmall.building;
    // The pane's usual lookup, of an e-mail already logged: the e-mail's claim (which carries a copy of its record) beside
    // the address cards, its conversation's thread's beside the company cards: 8 point reads in 2 round trips.
    const { logged } = atSmall;
    expect(logged.found).toBe(true);
    expect(atLarge.logged).toEqual(logged);
    expect(logged.requests).toMatchObject({ queries: 0, queryPlans: 0, crossPartitionQueries: 0, writes: 0, metadata: 0 });
    expect(logged.requests.reads).toBeLessThanOrEqual(8);
    expect(logged.roundTrips).toBeLessThanOrEqual(3);
    console.log(
      `Cosmos requests of a lookup of a logged e-mail of a followed conversation: ${logged.requests.reads} point reads in ${logged.roundTrips} round trips`,
    );
    console.log(
      `Cosmos requests (40 and 440 contacts alike): lookup of 3 addresses ${reads} point reads + ${queries} queries (+${queryPlans} query plans) in ${small.roundTrips} round trips ` +
        `(the first since its records changed, building its cards: ${built.reads} point reads + ${built.queries} queries (+${built.queryPlans} query plans) + ${built.writes} writes); ` +
        `timeline page 1 query (+1 query plan), the names it points at (${small.named.join(', ')}) ${small.namesRequests.reads} point reads + ${small.namesRequests.queries} queries`,
    );
  });

  it('takes the same requests for a send check as the tenant grows tenfold', () => {
    expect(atSmall.sendCheck.alerts).toContain('not-in-crm');
    expect(atLarge.sendCheck).toEqual(atSmall.sendCheck);
    const { requests, alerts } = atSmall.sendCheck;
    expect(requests).toMatchObject({ crossPartitionQueries: 0, writes: 0, metadata: 0 });
    // Per recipient: its e-mail partition; per known one, the contact and a few link partitions (its open cases, planned
    // work and deals, and its company's); per open deal, one page of one activity.
    expect(requests.reads + requests.queries).toBeLessThanOrEqual(40);
    console.log(`Cosmos requests of a send check of 3 recipients (40 and 440 contacts alike): ${requests.reads} point reads + ${requests.queries} single-partition queries (+${requests.queryPlans} query plans); alerts ${alerts.join(', ')}`);
  });

  it('takes the same requests for a search across every kind as the tenant grows tenfold', () => {
    expect(atSmall.search.map((one) => one.counts)).toEqual([
      [0, 0, 1, 0, 0],
      [0, 0, 0, 0, 1],
      [1, 0, 0, 0, 0],
      [0, 0, 1, 0, 0],
    ]);
    expect(atLarge.search).toEqual(atSmall.search);
    for (const { requests } of atSmall.search) expect(requests).toMatchObject({ crossPartitionQueries: 0, writes: 0, metadata: 0 });
    // Two words: a range query each in every kind, and the words run together for the kinds with codes and e-mails (contacts,
    // companies, leads); a case number is one query, in the partition of the cases' numbers.
    expect(atSmall.search[0]!.requests.queries).toBe(13);
    expect(atSmall.search[1]!.requests.queries).toBe(1);
    // One word: a range query in every kind, read once (the word run together is the word itself).
    expect(atSmall.search[3]!.requests.queries).toBe(5);
    expect(firstSearch.crossPartitionQueries).toBe(0);
    console.log(
      `Cosmos requests of a search (40 and 440 contacts alike): ${atSmall.search.map(({ q, requests }) => `"${q}" ${requests.reads} point reads + ${requests.queries} queries`).join('; ')}; ` +
        `a tenant's first search on an instance also ${firstSearch.reads} point read, ${firstSearch.queries} queries, ${firstSearch.writes} writes (its index upgrade)`,
    );
  });
});
