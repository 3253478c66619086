import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clickCell, parseSearchQuery, reportCellsOf, sumDeltas, type Activity, type ReportCell, type Company, type Contact, type Deal, type Lead } from '@rapport/shared';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../functions/src/store/sqlite/sqlite-store';
import { freshCosmosStore, stopLocalCosmos } from './local-cosmos';
import { MAX_TERM_MATCHES, type Store } from '../../functions/src/store/store';

// One contract, every adapter.
const adapters: { name: string; open: () => Promise<{ store: Store; dispose: () => Promise<void> }> }[] = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-store-'));
      const store = SqliteStore.open(path.join(dir, 'store.db'));
      return { store, dispose: async () => { await store.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
    },
  },
  {
    name: 'cosmos',
    open: () => freshCosmosStore(),
  },
];

// The same suite against a real Cosmos DB account when one is given; said plainly when it is not.
const realCosmos = process.env.COSMOS_TEST_ENDPOINT && process.env.COSMOS_TEST_KEY ? { endpoint: process.env.COSMOS_TEST_ENDPOINT, key: process.env.COSMOS_TEST_KEY } : null;
if (realCosmos) {
  adapters.push({
    name: 'cosmos (real account)',
    open: () => freshCosmosStore(realCosmos),
  });
} else {
  console.info('Store contract: the real Cosmos DB account run was skipped (set COSMOS_TEST_ENDPOINT and COSMOS_TEST_KEY to run it).');
}

afterAll(async () => {
  await stopLocalCosmos();
});

const T1 = 'tenant-1';
const T2 = 'tenant-2';
let sequence = 0;
const at = (minutes: number) => new Date(Date.UTC(2026, 9, 1) + minutes * 60_000).toISOString();
const system = (tenantId: string, id: string) => ({
  tenantId, id, createdAt: at(sequence++), createdBy: 'u', updatedAt: at(0), updatedBy: 'u', ownerId: 'owner-1', version: 1,
});
const company = (tenantId: string, id: string, extra: Partial<Company> = {}): Company => ({
  ...system(tenantId, id), name: `Company ${id}`, domains: [], phones: [], type: 'prospect', ...extra,
});
const contact = (tenantId: string, id: string, extra: Partial<Contact> = {}): Contact => ({
  ...system(tenantId, id), lastName: `Last ${id}`, emails: [], phones: [], status: 'prospect', ...extra,
});
const activity = (tenantId: string, id: string, minutes: number, extra: Partial<Activity> = {}): Activity => ({
  ...system(tenantId, id), kind: 'note', subject: id, at: at(minutes), status: 'done', participants: [], contactIds: [], ...extra,
});
const deal = (tenantId: string, id: string, status: Deal['status'], extra: Partial<Deal> = {}): Deal => ({
  ...system(tenantId, id), name: id, contactIds: [], currency: 'USD', stage: status === 'open' ? 'proposal' : status, probability: 50, status, lineItems: [], amountSetByHand: true, ...extra,
});

const lead = (tenantId: string, id: string, extra: Partial<Lead> = {}): Lead => ({
  ...system(tenantId, id), lastName: `Lead ${id}`, source: 'web-form', status: 'new', ...extra,
});
const link1 = { campaignId: 'spring', id: 'link-1', channel: 'affiliate' as const, affiliate: 'Deals Hub' };
const link2 = { campaignId: 'spring', id: 'link-2', channel: 'email' as const };

describe.each(adapters)('the $name store', ({ open }) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await open());
  });
  afterEach(async () => {
    await dispose();
  });

  it('reads back a created record, and only in its tenant', async () => {
    const record = company(T1, 'c1');
    await store.create('company', record);
    expect(await store.get('company', T1, 'c1')).toEqual(record);
    expect(await store.get('company', T2, 'c1')).toBeNull();
    expect(await store.get('contact', T1, 'c1')).toBeNull();
  });

  it('refuses a second record with the same id', async () => {
    await store.create('company', company(T1, 'c1'));
    await expect(store.create('company', company(T1, 'c1'))).rejects.toMatchObject({ code: 'RECORD.ALREADY_EXISTS' });
  });

  it('returns many records in the order asked, leaving out missing and deleted ones', async () => {
    await store.createMany('company', [company(T1, 'a'), company(T1, 'b'), company(T1, 'gone', { deletedAt: at(0) })]);
    const found = await store.getMany('company', T1, ['b', 'missing', 'a', 'gone', 'b']);
    expect(found.map((record) => record.id)).toEqual(['b', 'a']);
  });

  it('returns many records at once the same way, and never another tenant\'s', async () => {
    // More than a handful of ids: the Cosmos store reads them with one query in the kind's partition.
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    await store.createMany('company', [...ids.map((id) => company(T1, id)), company(T1, 'gone', { deletedAt: at(0) })]);
    await store.createMany('company', [company(T2, 'other')]);
    const found = await store.getMany('company', T1, ['f', 'missing', 'other', 'gone', ...ids, 'a']);
    expect(found.map((record) => record.id)).toEqual(['f', 'a', 'b', 'c', 'd', 'e']);
    expect(found.every((record) => record.tenantId === T1)).toBe(true);
  });

  it('replaces a record only from the version it read', async () => {
    const record = company(T1, 'c1');
    await store.create('company', record);
    const next = { ...record, name: 'Renamed', version: 2 };
    await store.replace('company', next, 1);
    await expect(store.replace('company', { ...record, name: 'Lost update', version: 2 }, 1)).rejects.toMatchObject({
      code: 'RECORD.STALE_VERSION',
      details: { currentVersion: 2 },
    });
    expect((await store.get('company', T1, 'c1'))?.name).toBe('Renamed');
    await expect(store.replace('company', { ...record, id: 'nope', version: 2 }, 1)).rejects.toMatchObject({ code: 'RECORD.NOT_FOUND' });
  });

  it('lets no two writers from the same version both succeed', async () => {
    const record = company(T1, 'c1');
    await store.create('company', record);
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => store.replace('company', { ...record, name: `Writer ${n}`, version: 2 }, 1)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });

  it('returns the first record for a retried create with the same idempotency key', async () => {
    const claim = { userId: 'u', key: 'k1', requestHash: 'h1' };
    const first = await store.create('contact', contact(T1, 'first'), claim);
    const retry = await store.create('contact', contact(T1, 'second'), claim);
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ record: first.record, replayed: true });
    expect(await store.get('contact', T1, 'second')).toBeNull();
    await expect(store.create('contact', contact(T1, 'third'), { ...claim, requestHash: 'h2' })).rejects.toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    // Keys are per tenant and user.
    expect((await store.create('contact', contact(T2, 'other'), claim)).replayed).toBe(false);
  });

  it('finds contacts by e-mail and companies by domain, in one call, within the tenant', async () => {
    await store.createMany('contact', [
      contact(T1, 'john', { emails: ['john@contoso.com', 'jd@gmail.com'] }),
      contact(T1, 'twin', { emails: ['john@contoso.com'] }),
      contact(T2, 'foreign', { emails: ['john@contoso.com'] }),
    ]);
    await store.createMany('company', [company(T1, 'contoso', { domains: ['contoso.com'] })]);
    const byEmail = await store.findContactIdsByEmails(T1, ['john@contoso.com', 'jd@gmail.com', 'nobody@contoso.com']);
    expect(byEmail.get('john@contoso.com')?.sort()).toEqual(['john', 'twin']);
    expect(byEmail.get('jd@gmail.com')).toEqual(['john']);
    expect(byEmail.has('nobody@contoso.com')).toBe(false);
    expect((await store.findCompanyIdsByDomains(T1, ['contoso.com'])).get('contoso.com')).toEqual(['contoso']);
    expect((await store.findCompanyIdsByDomains(T2, ['contoso.com'])).size).toBe(0);
  });

  it('moves the e-mail index with a changed address and drops it on delete', async () => {
    const record = contact(T1, 'john', { emails: ['old@contoso.com'] });
    await store.create('contact', record);
    await store.replace('contact', { ...record, emails: ['new@contoso.com'], version: 2 }, 1);
    expect((await store.findContactIdsByEmails(T1, ['old@contoso.com'])).size).toBe(0);
    expect((await store.findContactIdsByEmails(T1, ['new@contoso.com'])).get('new@contoso.com')).toEqual(['john']);
    await store.replace('contact', { ...record, emails: ['new@contoso.com'], deletedAt: at(1), version: 3 }, 2);
    expect((await store.findContactIdsByEmails(T1, ['new@contoso.com'])).size).toBe(0);
  });

  it('lists newest first and pages by cursor without gaps or repeats', async () => {
    await store.createMany('company', Array.from({ length: 12 }, (_, i) => company(T1, `c${String(i).padStart(2, '0')}`)));
    await store.createMany('company', [company(T2, 'foreign')]);
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.list('company', T1, { limit: 5, cursor });
      ids.push(...page.items.map((record) => record.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => `c${String(11 - i).padStart(2, '0')}`));
  });

  it("pages a record's timeline newest first, and lists only open work when asked", async () => {
    await store.createMany('activity', [
      activity(T1, 'a1', 10, { contactIds: ['john'] }),
      activity(T1, 'a2', 30, { contactIds: ['john'], status: 'planned' }),
      activity(T1, 'a3', 20, { contactIds: ['john', 'jane'] }),
      activity(T1, 'a4', 40, { contactIds: ['jane'] }),
      activity(T2, 'a5', 50, { contactIds: ['john'] }),
    ]);
    const first = await store.list('activity', T1, { linkedTo: { kind: 'contact', id: 'john' }, limit: 2 });
    const second = await store.list('activity', T1, { linkedTo: { kind: 'contact', id: 'john' }, limit: 2, cursor: first.nextCursor ?? undefined });
    expect([...first.items, ...second.items].map((record) => record.id)).toEqual(['a2', 'a3', 'a1']);
    expect(second.nextCursor).toBeNull();
    const planned = await store.list('activity', T1, { linkedTo: { kind: 'contact', id: 'john' }, openOnly: true, limit: 10 });
    expect(planned.items.map((record) => record.id)).toEqual(['a2']);
  });

  it('keeps the open index in step with a deal that closes', async () => {
    const open = deal(T1, 'd1', 'open', { companyId: 'contoso' });
    await store.create('deal', open);
    const openDeals = () => store.list('deal', T1, { linkedTo: { kind: 'company', id: 'contoso' }, openOnly: true, limit: 10 });
    expect((await openDeals()).items.map((record) => record.id)).toEqual(['d1']);
    await store.replace('deal', { ...open, stage: 'won', status: 'won', version: 2 }, 1);
    expect((await openDeals()).items).toEqual([]);
    expect((await store.list('deal', T1, { linkedTo: { kind: 'company', id: 'contoso' }, limit: 10 })).items).toHaveLength(1);
  });

  it('searches by word prefixes, phone and customer number within the tenant', async () => {
    await store.createMany('contact', [
      contact(T1, 'maria', { firstName: 'María', lastName: 'García', phones: [{ type: 'work', number: '+1 (425) 555-0100' }], customerNumber: 'CUST-7' }),
      contact(T1, 'mario', { firstName: 'Mario', lastName: 'Rossi' }),
      contact(T2, 'foreign', { firstName: 'María', lastName: 'García' }),
    ]);
    const search = async (text: string) => (await store.search(T1, 'contact', parseSearchQuery(text)!, 10)).sort();
    expect(await search('mar')).toEqual(['maria', 'mario']);
    expect(await search('maria garcia')).toEqual(['maria']);
    expect(await search('425 555 0100')).toEqual(['maria']);
    expect(await search('+1 425 555 0100')).toEqual(['maria']);
    expect(await search('cust-7')).toEqual(['maria']);
    expect(await search('rossi mar')).toEqual(['mario']);
  });

  it('answers a word more records share than a search reads, up to its limit, each once', async () => {
    const shared = Array.from({ length: MAX_TERM_MATCHES + 5 }, (_, index) => contact(T1, `common-${String(index).padStart(5, '0')}`, { firstName: 'Pat', lastName: `Common${index}` }));
    await store.createMany('contact', shared);
    for (const text of ['common', 'pat common', 'pat']) {
      const found = await store.search(T1, 'contact', parseSearchQuery(text)!, 25);
      expect(found).toHaveLength(25);
      expect(new Set(found).size).toBe(25);
      expect(found.every((id) => id.startsWith('common-'))).toBe(true);
    }
    // A record beyond the first MAX_TERM_MATCHES of a common word, typed with another word (and not as the words run
    // together, which would find it alone): SQLite intersects the words whole and finds it; Cosmos DB intersects within
    // the first MAX_TERM_MATCHES candidates of each word (its README, "Search"), and finds nothing else.
    const last = `common-${String(MAX_TERM_MATCHES + 4).padStart(5, '0')}`;
    const found = await store.search(T1, 'contact', parseSearchQuery(`common${MAX_TERM_MATCHES + 4} pat`)!, 25);
    if (store.name === 'sqlite') expect(found).toEqual([last]);
    else expect(found.filter((id) => id !== last)).toEqual([]);
  });

  it('searches deals by name and cases by number (whole) and subject, each kind apart', async () => {
    await store.createMany('deal', [deal(T1, 'fleet', 'open', { name: 'Fleet renewal' }), deal(T2, 'foreign-fleet', 'open', { name: 'Fleet renewal' })]);
    const serviceCase = (id: string, number: number, subject: string, tenantId = T1) => ({
      ...system(tenantId, id), subject, number, type: 'problem' as const, priority: 'normal' as const, status: 'new' as const, openedAt: at(0),
    });
    await store.createMany('case', [serviceCase('jam', 1042, 'Printer jams'), serviceCase('ten', 10, 'Fleet invoice'), serviceCase('foreign-jam', 1042, 'Printer jams', T2)]);
    const search = async (kind: 'deal' | 'case', text: string) => (await store.search(T1, kind, parseSearchQuery(text)!, 10)).sort();
    expect(await search('deal', 'fleet ren')).toEqual(['fleet']);
    expect(await search('case', 'fleet')).toEqual(['ten']);
    expect(await search('case', '#1042')).toEqual(['jam']);
    expect(await search('case', '1042')).toEqual(['jam']);
    expect(await search('case', '104')).toEqual([]);
    expect(await search('case', '10')).toEqual(['ten']);
    expect(await search('case', 'printer')).toEqual(['jam']);
    expect(await search('deal', '1042')).toEqual([]);
  });

  it('keeps one activity per external id in a tenant', async () => {
    await store.create('activity', activity(T1, 'logged', 1, { internetMessageId: '<m1@x>' }));
    await expect(store.create('activity', activity(T1, 'twice', 2, { internetMessageId: '<m1@x>' }))).rejects.toMatchObject({
      code: 'RECORD.ALREADY_LOGGED',
      details: { id: 'logged' },
    });
    expect(await store.get('activity', T1, 'twice')).toBeNull();
    expect((await store.findByExternalRef('activity', T1, 'message:<m1@x>'))?.id).toBe('logged');
    expect(await store.findByExternalRef('activity', T2, 'message:<m1@x>')).toBeNull();
    await store.create('activity', activity(T2, 'elsewhere', 1, { internetMessageId: '<m1@x>' }));
    // Found as it is now, after a change (Cosmos DB answers from the copy its claim carries), and no more once deleted.
    const logged = (await store.get('activity', T1, 'logged'))!;
    await store.replace('activity', { ...logged, subject: 'Renamed', version: 2 }, 1);
    expect(await store.findByExternalRef('activity', T1, 'message:<m1@x>')).toMatchObject({ id: 'logged', subject: 'Renamed', version: 2 });
    await store.replace('activity', { ...logged, subject: 'Renamed', version: 3, deletedAt: '2026-11-02T00:00:00.000Z' }, 2);
    expect(await store.findByExternalRef('activity', T1, 'message:<m1@x>')).toBeNull();
  });

  it('refuses a bulk create that repeats an existing record or e-mail, leaving the existing ones as they were', async () => {
    await store.create('contact', contact(T1, 'john', { firstName: 'John', emails: ['john@contoso.com'] }));
    await expect(
      store.createMany('contact', [contact(T1, 'jane', { emails: ['jane@contoso.com'] }), contact(T1, 'john', { firstName: 'Impostor', emails: ['impostor@contoso.com'] })]),
    ).rejects.toMatchObject({ code: 'RECORD.ALREADY_EXISTS' });
    expect((await store.get('contact', T1, 'john'))?.firstName).toBe('John');
    expect((await store.findContactIdsByEmails(T1, ['impostor@contoso.com'])).size).toBe(0);
    expect((await store.findContactIdsByEmails(T1, ['john@contoso.com'])).get('john@contoso.com')).toEqual(['john']);

    await store.create('activity', activity(T1, 'logged', 1, { internetMessageId: '<m2@x>' }));
    await expect(store.createMany('activity', [activity(T1, 'again', 2, { internetMessageId: '<m2@x>' })])).rejects.toMatchObject({
      code: 'RECORD.ALREADY_LOGGED',
    });
    expect(await store.get('activity', T1, 'again')).toBeNull();
    expect((await store.findByExternalRef('activity', T1, 'message:<m2@x>'))?.id).toBe('logged');
  });

  it('numbers a sequence per tenant', async () => {
    expect([await store.nextSequence(T1, 'case'), await store.nextSequence(T1, 'case'), await store.nextSequence(T2, 'case')]).toEqual([1, 2, 1]);
  });

  it("keeps a job's work queue: queued once by key, due items longest-due first, saved again, removed", async () => {
    const item = (key: string, dueMinutes: number, tenantId = T1) => ({ job: 'find-mail', key, tenantId, dueAt: at(dueMinutes), attempts: 0, payload: { marker: key }, createdAt: at(0) });
    expect(await store.queueWork(item('a', 10))).toBe(true);
    expect(await store.queueWork(item('b', 5, T2))).toBe(true);
    expect(await store.queueWork(item('c', 30))).toBe(true);
    // Queued again: nothing changes, the first stays.
    expect(await store.queueWork({ ...item('a', 0), payload: { marker: 'other' } })).toBe(false);
    expect((await store.getWork('find-mail', 'a'))?.payload).toEqual({ marker: 'a' });
    // Another job's queue is its own.
    await store.queueWork({ ...item('a', 0), job: 'read-mailboxes' });
    expect((await store.dueWork('find-mail', at(20), 10)).map((work) => work.key)).toEqual(['b', 'a']);
    expect((await store.dueWork('find-mail', at(20), 1)).map((work) => work.key)).toEqual(['b']);
    await store.saveWork({ ...item('b', 40, T2), attempts: 1, payload: { marker: 'b', tried: true } });
    expect((await store.dueWork('find-mail', at(20), 10)).map((work) => work.key)).toEqual(['a']);
    expect(await store.getWork('find-mail', 'b')).toMatchObject({ tenantId: T2, attempts: 1, dueAt: at(40), payload: { tried: true } });
    await store.removeWork('find-mail', 'a');
    await store.removeWork('find-mail', 'gone');
    expect(await store.getWork('find-mail', 'a')).toBeNull();
    expect((await store.dueWork('find-mail', at(60), 10)).map((work) => work.key)).toEqual(['c', 'b']);
    expect((await store.dueWork('read-mailboxes', at(60), 10)).map((work) => work.key)).toEqual(['a']);
  });

  it("finds a public key's tenant, kind and record by the key alone, in any tenant, and never gives a key twice", async () => {
    const link = { key: 'Qk7f2aXb9sLm3nPq8rTv1w', tenantId: T1, kind: 'quote' as const, id: 'q1', expiresAt: at(60), createdAt: at(0) };
    expect(await store.savePublicLink(link)).toBe(true);
    expect(await store.savePublicLink({ ...link, key: 'another-key-of-tenant-2', tenantId: T2, id: 'q9' })).toBe(true);
    expect(await store.findPublicLink(link.key)).toEqual(link);
    expect(await store.findPublicLink('another-key-of-tenant-2')).toMatchObject({ tenantId: T2, id: 'q9' });
    expect(await store.findPublicLink('Qk7f2aXb9sLm3nPq8rTv1x')).toBeNull();
    // A key taken stays its first record's, whoever asks for it again.
    expect(await store.savePublicLink({ ...link, tenantId: T2, id: 'q-other', expiresAt: at(120) })).toBe(false);
    expect(await store.findPublicLink(link.key)).toEqual(link);
  });

  it('writes an audit entry with every change: who, when, the fields before and after', async () => {
    const record = contact(T1, 'p1', { title: 'Buyer', emails: ['p1@x.com'] });
    await store.create('contact', record);
    const renamed = { ...record, title: 'Head of buying', updatedAt: at(10), updatedBy: 'editor', version: 2 };
    delete (renamed as Partial<Contact>).emails;
    await store.replace('contact', { ...renamed, emails: [] } as Contact, 1);
    await expect(store.replace('contact', { ...record, title: 'Lost', version: 2 }, 1)).rejects.toMatchObject({ code: 'RECORD.STALE_VERSION' });
    const deleted = { ...renamed, emails: [], deletedAt: at(20), updatedAt: at(20), updatedBy: 'remover', version: 3 } as Contact;
    await store.replace('contact', deleted, 2);

    const { items, nextCursor } = await store.history('contact', T1, 'p1', { limit: 10 });
    expect(nextCursor).toBeNull();
    expect(items.map((entry) => [entry.version, entry.action, entry.by, entry.at])).toEqual([
      [3, 'deleted', 'remover', at(20)],
      [2, 'updated', 'editor', at(10)],
      [1, 'created', 'u', at(0)],
    ]);
    expect(items[1]?.changes).toEqual([
      { field: 'emails', before: ['p1@x.com'], after: [] },
      { field: 'title', before: 'Buyer', after: 'Head of buying' },
    ]);
    expect(items[0]?.changes).toEqual([{ field: 'deletedAt', after: at(20) }]);
    expect(items[2]?.changes).toContainEqual({ field: 'lastName', after: 'Last p1' });
    // The failed (stale) write left no entry, and other tenants see none.
    expect((await store.history('contact', T2, 'p1', { limit: 10 })).items).toEqual([]);
  });

  it('pages an audit trail by cursor', async () => {
    let record = company(T1, 'c1');
    await store.create('company', record);
    for (let version = 2; version <= 5; version++) {
      const next: Company = { ...record, name: `Name ${version}`, version };
      await store.replace('company', next, version - 1);
      record = next;
    }
    const first = await store.history('company', T1, 'c1', { limit: 2 });
    const second = await store.history('company', T1, 'c1', { limit: 2, cursor: first.nextCursor ?? undefined });
    const third = await store.history('company', T1, 'c1', { limit: 2, cursor: second.nextCursor ?? undefined });
    expect([...first.items, ...second.items, ...third.items].map((entry) => entry.version)).toEqual([5, 4, 3, 2, 1]);
    expect(third.nextCursor).toBeNull();
  });

  it('keeps a deleted record restorable: listed in the recycle bin, restored with its index entries', async () => {
    const record = contact(T1, 'p1', { emails: ['back@x.com'] });
    await store.create('contact', record);
    await store.createMany('company', [company(T1, 'bulk')]);
    const deleted: Contact = { ...record, deletedAt: at(30), updatedAt: at(30), version: 2 };
    await store.replace('contact', deleted, 1);
    expect(await store.getDeleted('contact', T1, 'p1')).toEqual(deleted);
    expect(await store.getDeleted('contact', T2, 'p1')).toBeNull();
    expect(await store.getDeleted('company', T1, 'bulk')).toBeNull();
    expect((await store.findContactIdsByEmails(T1, ['back@x.com'])).size).toBe(0);
    expect((await store.listDeleted(T1, { limit: 10, since: at(0) })).items).toEqual([{ kind: 'contact', record: deleted }]);
    expect((await store.listDeleted(T1, { limit: 10, since: at(31) })).items).toEqual([]);
    expect((await store.listDeleted(T2, { limit: 10, since: at(0) })).items).toEqual([]);

    // A plain replace cannot touch a deleted record; a restore can, and only a deleted one.
    await expect(store.replace('contact', { ...record, version: 3 }, 2)).rejects.toMatchObject({ code: 'RECORD.NOT_FOUND' });
    const restored: Contact = { ...record, updatedAt: at(40), version: 3 };
    await store.replace('contact', restored, 2, { restoring: true });
    await expect(store.replace('contact', { ...restored, version: 4 }, 3, { restoring: true })).rejects.toMatchObject({ code: 'RECORD.NOT_FOUND' });
    expect(await store.get('contact', T1, 'p1')).toEqual(restored);
    expect(await store.findContactIdsByEmails(T1, ['back@x.com'])).toEqual(new Map([['back@x.com', ['p1']]]));
    expect((await store.listDeleted(T1, { limit: 10, since: at(0) })).items).toEqual([]);
    expect((await store.history('contact', T1, 'p1', { limit: 10 })).items.map((entry) => entry.action)).toEqual(['restored', 'deleted', 'created']);
    // Bulk-created records have their creation in the trail too.
    expect((await store.history('company', T1, 'bulk', { limit: 10 })).items.map((entry) => entry.action)).toEqual(['created']);
  });

  it('finds e-mail addresses that several contacts or leads share, by an indexed lookup', async () => {
    await store.create('contact', contact(T1, 'p1', { emails: ['Shared@x.com'] }));
    await store.create('contact', contact(T1, 'p2', { emails: ['shared@x.com', 'own@x.com'] }));
    await store.create('lead', { ...system(T1, 'l1'), lastName: 'Lead', email: 'shared@x.com', source: 'manual', status: 'new' });
    await store.create('contact', contact(T2, 'p3', { emails: ['shared@x.com'] }));
    const shared = await store.reportCellsCountingAtLeast(T1, 'email', 2, 10);
    expect(shared.map((cell) => [cell.dims.email, cell.measures])).toEqual([['shared@x.com', { count: 3, contacts: 2, leads: 1 }]]);
    // One of them deleted: still shared by two.
    const p2 = await store.get('contact', T1, 'p2');
    await store.replace('contact', { ...p2!, deletedAt: at(90), version: 2 }, 1);
    expect((await store.reportCellsCountingAtLeast(T1, 'email', 2, 10))[0]?.measures.count).toBe(2);
    expect(await store.reportCellsCountingAtLeast(T2, 'email', 2, 10)).toEqual([]);
  });

  it('keeps report cells equal to the sum of the live records, through creates, edits, deletes, restores and batches', async () => {
    const months = { from: '2000-01', to: '2099-12' };
    const first = deal(T1, 'd1', 'open', { amount: 1000.1, expectedCloseDate: '2026-11-30', stageHistory: [{ stage: 'proposal', enteredAt: at(0) }] });
    await store.create('deal', first);
    await store.createMany('deal', [
      deal(T1, 'd2', 'won', { amount: 50, closedAt: '2026-10-02T10:00:00.000Z', lineItems: [{ productId: 'p1', quantity: 2, unitPrice: 25, discountPercent: 0 }] }),
      deal(T1, 'd3', 'open', { amount: 70, ownerId: 'owner-2', expectedCloseDate: '2026-12-01' }),
      deal(T2, 'other', 'open', { amount: 999 }),
    ]);
    // An edit moves the deal between cells: stage, amount and month change; it is closed won, then deleted and restored.
    const won: Deal = { ...first, stage: 'won', status: 'won', amount: 1200, closedAt: '2026-10-20T09:00:00.000Z', version: 2, stageHistory: [...(first.stageHistory ?? []), { stage: 'won', enteredAt: '2026-10-20T09:00:00.000Z' }] };
    await store.replace('deal', won, 1);
    await store.replace('deal', { ...won, deletedAt: at(60), version: 3 }, 2);
    await store.replace('deal', { ...won, version: 4 }, 3, { restoring: true });
    await store.create('activity', activity(T1, 'a1', 5, { kind: 'call', contactIds: ['p1'] }));
    await store.create('company', company(T1, 'c1', { type: 'customer', territoryId: 't1' }));

    const expected = async (family: ReportCell['family']) =>
      sumDeltas(
        (await Promise.all(['d1', 'd2', 'd3'].map((id) => store.get('deal', T1, id))))
          .concat([await store.get('activity', T1, 'a1') as never, await store.get('company', T1, 'c1') as never])
          .flatMap((record, index) => reportCellsOf(index < 3 ? 'deal' : index === 3 ? 'activity' : 'company', record))
          .filter((cell) => cell.family === family),
      );
    const sorted = (cells: ReportCell[]) => [...cells].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    for (const family of ['deal', 'stage', 'activity', 'company', 'segment', 'segmentWon', 'segmentBand'] as const) {
      expect(sorted(await store.reportCells(T1, family, months))).toEqual(sorted(await expected(family)));
    }
    // A read of one segment's cells: those with its value of the dimension, the others left out.
    const bySize = await store.reportCells(T1, 'segmentBand', months, { segment: 'size' });
    expect(sorted(bySize)).toEqual(sorted((await expected('segmentBand')).filter((cell) => cell.dims.segment === 'size')));
    expect(bySize.map((cell) => [cell.dims.product, cell.measures])).toEqual([['p1', { lines: 1, quantity: 2, lineMinor: 5000 }]]);
    expect(await store.reportCells(T1, 'segment', months, { segment: 'type', value: 'customer' })).toEqual([
      { family: 'segment', month: 'none', current: true, dims: { owner: expect.any(String), segment: 'type', value: 'customer' }, measures: { companies: 1, customers: 1 } },
    ]);
    const wonCell = (await store.reportCells(T1, 'deal', months)).find((cell) => cell.dims.status === 'won' && cell.dims.product === '*');
    expect(wonCell).toMatchObject({ month: '2026-10', measures: { count: 2, minor: 125_000 } });
    // A period reads its months, and the present state (open deals) whatever the period.
    const september = await store.reportCells(T1, 'deal', { from: '2026-09', to: '2026-09' });
    expect(september.map((cell) => cell.dims.status).sort()).toEqual(['open']);
    expect(september[0]?.measures).toEqual({ count: 1, minor: 7000, weightedMinor: 3500 });
    // The other tenant's deal is its own.
    expect((await store.reportCells(T2, 'deal', months)).map((cell) => cell.measures.minor)).toEqual([99_900]);
  });
});

describe.each(adapters)('events on the $name store', ({ open }) => {
  it("adds events to their cells exactly, however many instances add at once, beside the cells of records, with no audit entry", async () => {
    const { store, dispose } = await open();
    try {
      const months = { from: '2026-01', to: '2026-12' };
      const at = '2026-11-03T10:00:00.000Z';
      await Promise.all(Array.from({ length: 20 }, () => store.countEvents(T1, [clickCell(link1, at)])));
      await store.countEvents(T1, [clickCell(link1, at, 5), clickCell(link2, at, 2), clickCell(link2, at, 1)]);
      // A lead that came by the first link counts in the same cell as its clicks.
      await store.create('lead', lead(T1, 'l1', { campaignId: 'spring', firstTouch: { campaignId: 'spring', linkId: 'link-1', channel: 'affiliate', affiliate: 'Deals Hub', at }, createdAt: at }));
      const cells = await store.reportCells(T1, 'campaign', months);
      const byLink = Object.fromEntries(cells.map((cell) => [cell.dims.link, cell.measures]));
      expect(byLink).toEqual({ 'link-1': { clicks: 25, leads: 1 }, 'link-2': { clicks: 3 } });
      expect(cells.find((cell) => cell.dims.link === 'link-1')?.dims).toEqual({ campaign: 'spring', link: 'link-1', channel: 'affiliate', affiliate: 'Deals Hub', currency: '' });
      expect(await store.reportCells(T2, 'campaign', months)).toEqual([]);
      // Events are counts, not records: the lead's is the only entry in any history.
      expect((await store.history('lead', T1, 'l1', { limit: 10 })).items).toHaveLength(1);
    } finally {
      await dispose();
    }
  });
});

describe('the cosmos store after a crash between a write and its audit entry', () => {
  it("keeps the change in the record itself, shows it in the history, and files it for good", async () => {
    const { store, database, dispose } = await freshCosmosStore();
    try {
      const record = company(T1, 'c1');
      await store.create('company', record);
      await store.replace('company', { ...record, name: 'Renamed', updatedBy: 'editor', version: 2 }, 1);
      // The crash: the record was written, its audit entry never was.
      const audit = database.container('index');
      await audit.item('v000000000002', `${T1}|audit|company|c1`).delete();
      const filed = async () => (await audit.items.query(`SELECT VALUE c.version FROM c WHERE c.pk = '${T1}|audit|company|c1'`).fetchAll()).resources.sort();
      expect(await filed()).toEqual([1]);

      const history = await store.history('company', T1, 'c1', { limit: 10 });
      expect(history.items.map((entry) => [entry.version, entry.action, entry.by])).toEqual([
        [2, 'updated', 'editor'],
        [1, 'created', 'u'],
      ]);
      expect(await filed()).toEqual([1, 2]);

      // A second crash, then the next write files what the first left undone.
      await audit.item('v000000000002', `${T1}|audit|company|c1`).delete();
      await store.replace('company', { ...record, name: 'Again', version: 3 }, 2);
      expect(await filed()).toEqual([1, 2, 3]);
    } finally {
      await dispose();
    }
  });
});

describe('the cosmos store counting events', () => {
  it("keeps them out of the changes a cell remembers, so a record's change filed again after many clicks still counts once", async () => {
    const { store, database, dispose } = await freshCosmosStore();
    try {
      const at = '2026-11-03T10:00:00.000Z';
      const record = lead(T1, 'l1', { campaignId: 'spring', firstTouch: { campaignId: 'spring', linkId: 'link-2', channel: 'email', at }, createdAt: at });
      await store.create('lead', record);
      const cellDoc = async () => (await database.container('index').items.query("SELECT * FROM c WHERE c.entry = 'report-cell' AND c.family = 'campaign'").fetchAll()).resources[0];
      const remembered = (await cellDoc()).recent;
      for (let i = 0; i < 120; i++) await store.countEvents(T1, [clickCell(link2, at)]);
      expect((await cellDoc()).recent).toEqual(remembered);
      // The lead's change added again (a recovery racing its writer): the cell still knows it, and counts it once.
      const cells = (store as unknown as { cells: { add(tenant: string, changeId: string, deltas: ReportCell[]): Promise<void> } }).cells;
      await cells.add(T1, remembered[0], reportCellsOf('lead', record).filter((cell) => cell.family === 'campaign'));
      expect((await cellDoc()).measures).toEqual({ leads: 1, clicks: 120 });
    } finally {
      await dispose();
    }
  });
});

describe('the cosmos store after a crash between a write and its report cells', () => {
  it('completes the pending change before a report is read, and counts it once even when it had been half filed', async () => {
    const { store, database, dispose } = await freshCosmosStore();
    try {
      const record = deal(T1, 'd1', 'open', { amount: 10, expectedCloseDate: '2026-11-01' });
      await store.create('deal', record);
      await store.replace('deal', { ...record, amount: 30, version: 2 }, 1);
      // The crash, as it would have left things: the record carries its change, and only one of its cells took it.
      const records = database.container('records');
      const doc = (await records.item('d1', `${T1}|deal`).read()).resource;
      const pendingReport = {
        changeId: 'deal|d1|v3|crashed',
        cells: [
          { family: 'deal', month: '2026-11', current: true, dims: { owner: 'owner-1', stage: 'proposal', status: 'open', currency: 'USD', product: '*' }, measures: { minor: 2000, weightedMinor: 1000 } },
        ],
      };
      await records.item('d1', `${T1}|deal`).replace({ ...doc, amount: 50, version: 3, pendingReport });
      const cells = () => store.reportCells(T1, 'deal', { from: '2026-01', to: '2026-12' });
      expect((await cells())[0]?.measures).toEqual({ count: 1, minor: 5000, weightedMinor: 2500 });
      expect((await records.item('d1', `${T1}|deal`).read()).resource.pendingReport).toBeUndefined();
      // Filing it again (a second instance recovering the same crash) changes nothing.
      await records.item('d1', `${T1}|deal`).replace({ ...doc, amount: 50, version: 3, pendingReport });
      await (store as unknown as { filePendingReports: (tenant: string) => Promise<number> }).filePendingReports(T1);
      expect((await cells())[0]?.measures).toEqual({ count: 1, minor: 5000, weightedMinor: 2500 });
    } finally {
      await dispose();
    }
  });
});

describe('the sqlite store on disk', () => {
  it('rebuilds its report cells from the records when they were kept by an older version', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-recells-'));
    const file = path.join(dir, 'store.db');
    const first = SqliteStore.open(file);
    await first.create('deal', deal(T1, 'd1', 'won', { amount: 12.34, closedAt: '2026-01-05T00:00:00.000Z' }));
    await first.close();
    const raw = new Database(file);
    raw.exec("DELETE FROM report_cells; UPDATE meta SET value = '0' WHERE key = 'report_cells_version'");
    raw.close();
    const reopened = SqliteStore.open(file);
    expect((await reopened.reportCells(T1, 'deal', { from: '2026-01', to: '2026-01' }))[0]?.measures).toEqual({ count: 1, minor: 1234, weightedMinor: 617 });
    await reopened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the events it counted (clicks) through a rebuild of its report cells, which no record could give again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-reevents-'));
    const file = path.join(dir, 'store.db');
    const first = SqliteStore.open(file);
    const at = '2026-11-03T10:00:00.000Z';
    await first.countEvents(T1, [clickCell(link1, at, 7), clickCell(link2, at, 2)]);
    await first.create('lead', lead(T1, 'l1', { campaignId: 'spring', firstTouch: { campaignId: 'spring', linkId: 'link-1', channel: 'affiliate', affiliate: 'Deals Hub', at }, createdAt: at }));
    await first.close();
    const raw = new Database(file);
    raw.exec("UPDATE meta SET value = '0' WHERE key = 'report_cells_version'");
    raw.close();
    const reopened = SqliteStore.open(file);
    const cells = await reopened.reportCells(T1, 'campaign', { from: '2026-11', to: '2026-11' });
    expect(Object.fromEntries(cells.map((cell) => [cell.dims.link, cell.measures]))).toEqual({ 'link-1': { clicks: 7, leads: 1 }, 'link-2': { clicks: 2 } });
    await reopened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds its secondary indexes when it opens data indexed by an older version', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-reindex-'));
    const file = path.join(dir, 'store.db');
    const first = SqliteStore.open(file);
    await first.create('contact', contact(T1, 'john', { emails: ['john@contoso.com'] }));
    await first.close();
    // As an older release would have left it: no e-mail index, an older index version.
    const raw = new Database(file);
    raw.exec("DELETE FROM email_index; UPDATE meta SET value = '1' WHERE key = 'index_version'");
    raw.close();
    const reopened = SqliteStore.open(file);
    expect((await reopened.findContactIdsByEmails(T1, ['john@contoso.com'])).get('john@contoso.com')).toEqual(['john']);
    await reopened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its data across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-restart-'));
    const file = path.join(dir, 'store.db');
    const first = SqliteStore.open(file);
    await first.create('company', company(T1, 'kept', { domains: ['kept.com'] }));
    await first.close();
    const second = SqliteStore.open(file);
    expect((await second.get('company', T1, 'kept'))?.name).toBe('Company kept');
    expect((await second.findCompanyIdsByDomains(T1, ['kept.com'])).get('kept.com')).toEqual(['kept']);
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
