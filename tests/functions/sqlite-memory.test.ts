import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompanySchema } from '@rapport/shared';
import type { CardKey, CardSource } from '../../functions/src/store/store';
import { SqliteStore } from '../../functions/src/store/sqlite/sqlite-store';

const TENANT = 'cards-tenant';
const at = '2026-11-01T09:00:00.000Z';
const company = (id: string) => CompanySchema.parse({ tenantId: TENANT, id, name: id, version: 1, createdAt: at, updatedAt: at, createdBy: 'rep', updatedBy: 'rep', ownerId: 'rep' });

// SQLite remembers the lookup cards it built and the report cells it read until the file changes: by its own writes,
// or another process's (an import run beside the server, on the same file).
describe('what SQLite remembers between writes', () => {
  let dir: string;
  let store: SqliteStore;
  let other: SqliteStore;
  const key: CardKey = { kind: 'company', id: 'contoso' };
  const counting = (content: () => Promise<string>) => {
    const source = { builds: 0, version: 1, build: async () => ((source.builds += 1), content()), holds: () => true };
    return source satisfies CardSource<string>;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cards-'));
    store = SqliteStore.open(path.join(dir, 'rapport.db'));
    other = SqliteStore.open(path.join(dir, 'rapport.db'));
  });
  afterEach(async () => {
    await store.close();
    await other.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("builds a card once until its own write, or another process's, changes the file", async () => {
    const source = counting(async () => 'card');
    await store.cards(TENANT, [key], source);
    await store.cards(TENANT, [key], source);
    expect(source.builds).toBe(1);
    await store.create('company', company('one'));
    await store.cards(TENANT, [key], source);
    expect(source.builds).toBe(2);
    await other.create('company', company('two'));
    await store.cards(TENANT, [key], source);
    await store.cards(TENANT, [key], source);
    expect(source.builds).toBe(3);
  });

  it("reads report cells again once its own write, or another process's, changed them", async () => {
    const months = { from: '2026-01', to: '2026-12' };
    const click = (count: number) => [{ family: 'campaign' as const, month: '2026-11', current: false, dims: { campaignId: 'c1' }, measures: { clicks: count } }];
    const clicks = async () => (await store.reportCells(TENANT, 'campaign', months)).map((cell) => cell.measures.clicks);
    expect(await clicks()).toEqual([]);
    await store.countEvents(TENANT, click(2));
    expect(await clicks()).toEqual([2]);
    const read = await store.reportCells(TENANT, 'campaign', months);
    read.pop();
    expect(await clicks()).toEqual([2]);
    await other.countEvents(TENANT, click(3));
    expect(await clicks()).toEqual([5]);
  });

  it('does not remember a card built while a write landed', async () => {
    const slow = counting(async () => {
      if (slow.builds === 1) await store.create('company', company('during'));
      return 'built';
    });
    await store.cards(TENANT, [key], slow);
    await store.cards(TENANT, [key], slow);
    await store.cards(TENANT, [key], slow);
    expect(slow.builds).toBe(2);
  });
});
