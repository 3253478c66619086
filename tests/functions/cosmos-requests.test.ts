import { noNeverLogLists } from '../../functions/src/mail/never-log';
import { SentMailCaptures } from '../../functions/src/mail/sent-mail-captures';
import type { Contact } from '@rapport/shared';
import { generateDemoData, type DemoData } from '../../functions/src/local/demo/demo-data';
import { LookupService } from '../../functions/src/services/lookup.service';
import { PipelineService } from '../../functions/src/services/pipeline.service';
import { SearchService } from '../../functions/src/services/search.service';
import { SendCheckService } from '../../functions/src/services/send-check.service';
import { TenantSettingsService } from '../../functions/src/services/tenant-settings.service';
import { relatedNamesOf } from '../../functions/src/services/related-names';
import { CosmosStore } from '../../functions/src/store/cosmos/cosmos-store';
import { requestsBetween } from '../../functions/src/local/cosmos/local-cosmos-server';
import { freshCosmosStore, localCosmos, stopLocalCosmos } from './local-cosmos';

jest.setTimeout(120_000);

const TENANT = 'requests-tenant';
const now = new Date('2026-11-23T00:00:00Z');

async function load(store: CosmosStore, data: DemoData, withMembers: boolean): Promise<void> {
  if (withMembers) await store.createMany('member', data.members);
  await store.createMany('company', data.companies);
  await store.createMany('contact', data.contacts);
  await store.createMany('deal', data.deals);
  await store.createMany('activity', data.activities);
}

describe('what an interactive path costs on Cosmos DB', () => {
  afterAll(async () => {
    await stopLocalCosmos();
  });

  it('takes the same number of requests for a lookup and a timeline page as the tenant grows tenfold', async () => {
    const cosmos = await localCosmos();
    const { store, dispose } = await freshCosmosStore();
    const lookup = new LookupService(store);
    const principal = { tenantId: TENANT, userId: 'rep', roles: ['rep' as const] };

    const small = generateDemoData({ now, tenantId: TENANT, size: { companies: 10, contacts: 30, deals: 10, activities: 60, cases: 0 } });
    await load(store, small, true);
    const [first, second] = small.contacts as [Contact, Contact];
    const stranger = `someone.new@${first.emails[0]!.split('@')[1]}`;

    const cost = async () => {
      const since = (before: ReturnType<typeof cosmos.requests>) => requestsBetween(before, cosmos.requests());
      const beforeLookup = cosmos.requests();
      const response = await lookup.lookup(principal, { emails: [first.emails[0]!, second.emails[0]!, stranger], timelineLimit: 5 });
      const lookupRequests = since(beforeLookup);
      const beforeTimeline = cosmos.requests();
      const page = await store.list('activity', TENANT, { linkedTo: { kind: 'contact', id: first.id }, limit: 20 });
      const timelineRequests = since(beforeTimeline);
      const beforeNames = cosmos.requests();
      const related = await relatedNamesOf(store, TENANT, page.items);
      return { lookupRequests, timelineRequests, namesRequests: since(beforeNames), named: Object.keys(related).sort(), matches: response.results.map((result) => result.match) };
    };
    // The tenant's colleagues (its settings and members) are read once a minute per instance, not per lookup.
    await lookup.lookup(principal, { emails: [stranger], timelineLimit: 0 });
    const atSmall = await cost();

    // Ten times the contacts and activities around the same records.
    const growth = generateDemoData({ now, seed: 7, tenantId: TENANT, size: { companies: 60, contacts: 300, deals: 60, activities: 600, cases: 0 } });
    await load(store, growth, false);
    // Loading took a while on a busy machine: the once-a-minute read of the colleagues may be due again; it is not
    // what this test measures.
    await lookup.lookup(principal, { emails: [stranger], timelineLimit: 0 });
    const atLarge = await cost();

    expect(atSmall.matches).toEqual(['contact', 'contact', 'company']);
    expect(atLarge).toEqual(atSmall);
    // One request per page of a timeline; a three-person lookup stays a handful of point-sized requests.
    // Nothing but reads: no metadata round trips, no writes, and no query that spans partitions.
    expect(atSmall.timelineRequests).toEqual({ reads: 0, queries: 1, crossPartitionQueries: 0, writes: 0, queryPlans: 1, metadata: 0 });
    expect(atSmall.lookupRequests).toMatchObject({ crossPartitionQueries: 0, writes: 0, metadata: 0 });
    // The names a timeline page points at: one bulk read per kind, each a few point reads or one query in the kind's partition.
    expect(atSmall.named.length).toBeGreaterThanOrEqual(2);
    expect(atSmall.namesRequests).toMatchObject({ crossPartitionQueries: 0, writes: 0, metadata: 0 });
    expect(atSmall.namesRequests.queries).toBeLessThanOrEqual(atSmall.named.length);
    expect(atSmall.namesRequests.reads + atSmall.namesRequests.queries).toBeLessThanOrEqual(4 * atSmall.named.length);
    // Per address: its e-mail partition, then point reads of what matched and one query per link partition; per company on
    // a contact's card, one more query in its link partition for the contract in force (issue 21: 6 point reads and 17
    // queries here, 2 of them for the 2 companies' contracts, which were 15 before).
    expect(atSmall.lookupRequests.reads + atSmall.lookupRequests.queries).toBeLessThanOrEqual(3 * 8);
    const { reads, queries, queryPlans } = atSmall.lookupRequests;
    console.log(
      `Cosmos requests (30 and 330 contacts alike): lookup of 3 addresses ${reads} point reads + ${queries} single-partition queries (+${queryPlans} query plans); ` +
        `timeline page 1 query (+1 query plan), the names it points at (${atSmall.named.join(', ')}) ${atSmall.namesRequests.reads} point reads + ${atSmall.namesRequests.queries} queries`,
    );

    await dispose();
  });

  it('takes the same requests for a send check as the tenant grows tenfold', async () => {
    const cosmos = await localCosmos();
    const { store, dispose } = await freshCosmosStore();
    const settings = new TenantSettingsService({ store, now: () => now });
    const checks = new SendCheckService({ store, now: () => now, settingsOf: (tenantId) => settings.settingsOf(tenantId), neverLog: noNeverLogLists, captures: new SentMailCaptures(store, () => now) });
    const principal = { tenantId: TENANT, userId: 'rep', roles: ['rep' as const] };

    const small = generateDemoData({ now, tenantId: TENANT, size: { companies: 10, contacts: 30, deals: 10, activities: 60, cases: 10 } });
    await load(store, small, true);
    await store.createMany('case', small.cases.map((serviceCase, at) => ({ ...serviceCase, number: 1 + at })));
    // Recipients with open work: the contacts of open deals, and one the CRM lacks.
    const withDeals = small.deals.filter((deal) => deal.status === 'open').flatMap((deal) => deal.contactIds);
    const [first, second] = [...new Set(withDeals)].map((id) => small.contacts.find((contact) => contact.id === id) as Contact);
    const to = [first!.emails[0]!, second!.emails[0]!, 'someone.new@nowhere.example'];

    const cost = async () => {
      const before = cosmos.requests();
      const response = await checks.check(principal, { to, cc: [], bcc: [] });
      return { requests: requestsBetween(before, cosmos.requests()), alerts: response.alerts.map((alert) => alert.kind) };
    };
    // The tenant's colleagues are read once a minute per instance, not per check.
    await checks.check(principal, { to: ['warm@up.example'], cc: [], bcc: [] });
    const atSmall = await cost();

    const growth = generateDemoData({ now, seed: 7, tenantId: TENANT, size: { companies: 60, contacts: 300, deals: 60, activities: 600, cases: 100 } });
    await load(store, growth, false);
    await store.createMany('case', growth.cases.map((serviceCase, at) => ({ ...serviceCase, number: 11 + at })));
    const atLarge = await cost();

    expect(atSmall.alerts).toContain('not-in-crm');
    expect(atLarge).toEqual(atSmall);
    expect(atSmall.requests).toMatchObject({ crossPartitionQueries: 0, writes: 0, metadata: 0 });
    // Per recipient: its e-mail partition; per known one, the contact and a few link partitions (its open cases, planned
    // work and deals, and its company's); per open deal, one page of one activity.
    expect(atSmall.requests.reads + atSmall.requests.queries).toBeLessThanOrEqual(40);
    const { reads, queries, queryPlans } = atSmall.requests;
    console.log(`Cosmos requests of a send check of 3 recipients (30 and 330 contacts alike): ${reads} point reads + ${queries} single-partition queries (+${queryPlans} query plans); alerts ${atSmall.alerts.join(', ')}`);
    await dispose();
  });

  it('takes the same requests for a search across every kind as the tenant grows tenfold', async () => {
    const cosmos = await localCosmos();
    const { store, dispose } = await freshCosmosStore();
    const search = new SearchService(store, new PipelineService({ store, now: () => now }));
    const principal = { tenantId: TENANT, userId: 'rep', roles: ['rep' as const] };
    const loadCases = async (data: DemoData, from: number) =>
      store.createMany('case', data.cases.map((serviceCase, at) => ({ ...serviceCase, number: from + at })));

    const small = generateDemoData({ now, tenantId: TENANT, size: { companies: 10, contacts: 30, deals: 10, activities: 60, cases: 5 } });
    await load(store, small, true);
    await loadCases(small, 1);
    const [pilot] = small.deals;
    await store.createMany('deal', [{ ...pilot!, id: 'quasar', name: 'Quasar pilot' }]);
    const [first] = small.contacts as [Contact];
    const queries = ['quasar pilot', '#3', first.emails[0]!];

    const cost = async () => {
      const costs = [];
      for (const q of queries) {
        const before = cosmos.requests();
        const found = await search.search(principal, q, 20);
        const counts = [found.contacts.length, found.companies.length, found.deals.length, found.leads.length, found.cases.length];
        costs.push({ q, counts, requests: requestsBetween(before, cosmos.requests()) });
      }
      return costs;
    };
    // A tenant's first search on an instance brings its index up to date (a marker read, and written once).
    const upgrade = cosmos.requests();
    await search.search(principal, 'warm up', 20);
    const firstSearch = requestsBetween(upgrade, cosmos.requests());
    const atSmall = await cost();

    const growth = generateDemoData({ now, seed: 7, tenantId: TENANT, size: { companies: 60, contacts: 300, deals: 60, activities: 600, cases: 50 } });
    await load(store, growth, false);
    await loadCases(growth, 6);
    const atLarge = await cost();

    expect(atSmall.map((one) => one.counts)).toEqual([
      [0, 0, 1, 0, 0],
      [0, 0, 0, 0, 1],
      [1, 0, 0, 0, 0],
    ]);
    expect(atLarge).toEqual(atSmall);
    for (const { requests } of atSmall) expect(requests).toMatchObject({ crossPartitionQueries: 0, writes: 0, metadata: 0 });
    // Two words: a range query each in every kind, and the words run together for the kinds with codes and e-mails (contacts,
    // companies, leads); a case number is one query, in the partition of the cases' numbers.
    expect(atSmall[0]!.requests.queries).toBe(13);
    expect(atSmall[1]!.requests.queries).toBe(1);
    expect(firstSearch.crossPartitionQueries).toBe(0);
    console.log(
      `Cosmos requests of a search (30 and 330 contacts alike): ${atSmall.map(({ q, requests }) => `"${q}" ${requests.reads} point reads + ${requests.queries} queries`).join('; ')}; ` +
        `a tenant's first search on an instance also ${firstSearch.reads} point read, ${firstSearch.queries} queries, ${firstSearch.writes} writes (its index upgrade)`,
    );
    await dispose();
  });
});
