import type { Member } from '@rapport/shared';
import { createTestApp, create, TENANT_A, type TestApp, testStores } from './test-app';

const at = '2026-01-01T00:00:00.000Z';
const member = (id: string, displayName: string): Member => ({
  tenantId: TENANT_A, id, displayName, role: 'rep', createdAt: at, createdBy: 'x', updatedAt: at, updatedBy: 'x', ownerId: 'x', version: 1,
});
const YEAR = { from: '2026-01', to: '2026-12' };

type Row = { key: string; values: Record<string, number | null> };

describe.each(testStores)('reports in a tenant that sells in EUR, USD, GBP, BRL and JPY, on %s', (store) => {
  let t: TestApp;
  let clock = Date.parse('2026-10-10T10:00:00Z');
  let manager: string;
  beforeAll(async () => {
    t = await createTestApp({ store, now: () => new Date(clock) });
    const admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    manager = await t.token(TENANT_A, 'the-manager', ['manager']);
    await t.app.store.createMany('member', [member('ana', 'Ana (EUR)'), member('bob', 'Bob (USD)'), member('cat', 'Cat (GBP)'), member('dan', 'Dan (BRL)'), member('eri', 'Eri (JPY)')]);
    const settings = await t.call('update-settings', {
      token: admin,
      headers: { 'if-match': '"0"' },
      body: {
        reportingCurrency: 'EUR',
        exchangeRates: [
          { currency: 'USD', month: '2026-10', rate: '0.92' },
          { currency: 'USD', month: '2026-11', rate: '0.9' },
          { currency: 'GBP', month: '2026-10', rate: '1.15' },
          { currency: 'JPY', month: '2026-10', rate: '0.0061' },
        ],
      },
    });
    expect(settings.status).toBe(200);
    const deal = (ownerId: string, currency: string, amount: number, stage = 'won') => create(t, 'deal', { name: `${ownerId} ${currency} ${amount}`, ownerId, currency, amount, stage }, manager);
    // October.
    await deal('ana', 'EUR', 1000);
    await deal('ana', 'EUR', 500, 'proposal');
    await deal('bob', 'USD', 333.33);
    await deal('bob', 'USD', 200, 'lost');
    await deal('eri', 'JPY', 123456);
    await deal('eri', 'JPY', 50000, 'proposal');
    // November.
    clock = Date.parse('2026-11-15T10:00:00Z');
    await deal('bob', 'USD', 10.05);
    await deal('cat', 'GBP', 100);
    await deal('dan', 'BRL', 700);
    // Open, expected to close in October (now past): worth today's value, at November's rate.
    await create(t, 'deal', { name: 'bob open USD', ownerId: 'bob', currency: 'USD', amount: 100, stage: 'proposal', expectedCloseDate: '2026-10-20' }, manager);
  });
  afterAll(async () => t.close());

  const report = async (name: string, query: Record<string, string> = {}) => {
    const response = await t.call('report', { token: manager, params: { report: name }, query: { ...YEAR, ...query } });
    expect(response.status).toBe(200);
    return response.body as { currency: string; converted: boolean; missingRates: string[]; ratesUsed: { currency: string; month: string; rate: string }[]; rows: Row[] };
  };
  const byKey = (rows: Row[]) => Object.fromEntries(rows.map((row) => [row.key, row.values]));

  it('counts every rep in every rep report, whatever their currency', async () => {
    const rates = byKey((await report('win-rate-by-owner')).rows);
    expect(Object.keys(rates).sort()).toEqual(['ana', 'bob', 'cat', 'dan', 'eri']);
    expect([rates.bob?.won, rates.bob?.lost, rates.bob?.winRate]).toEqual([2, 1, 0.6667]);
    expect(rates.dan).toMatchObject({ won: 1, lost: 0, winRate: 1 });
    const open = byKey((await report('open-deals-by-owner')).rows);
    expect(Object.keys(open).sort()).toEqual(['ana', 'bob', 'eri']);
  });

  it('converts each currency at the rate of its month and adds, equal to the hand computation to the cent', async () => {
    const won = await report('win-rate-by-owner');
    expect(won).toMatchObject({ currency: 'EUR', converted: true });
    const amounts = Object.fromEntries(won.rows.map((row) => [row.key, row.values.wonAmount]));
    // 333.33 USD × 0.92 = 306.6636 → 306.66; 10.05 USD × 0.90 = 9.045 → 9.05 (half away from zero).
    // 100 GBP × 1.15 (October's rate, the latest before November) = 115.00; 123,456 JPY × 0.0061 = 753.0816 → 753.08.
    expect(amounts).toEqual({ ana: 1000, bob: 315.71, cat: 115, dan: 0, eri: 753.08 });
    const quarters = (await report('won-by-quarter')).rows;
    expect(quarters).toEqual([{ key: '2026-Q4', label: '2026-Q4', values: { won: 6, wonAmount: 2183.79 } }]);
    // Open deals are worth what they are today: this month's rate (JPY's October rate still applies).
    const open = byKey((await report('open-deals-by-owner')).rows);
    expect(open.eri?.amount).toBe(305);
    // $100 expected in October converts at November's 0.90, not October's 0.92.
    expect(open.bob?.amount).toBe(90);
    expect(won.ratesUsed).toEqual([
      { currency: 'GBP', month: '2026-10', rate: '1.15' },
      { currency: 'JPY', month: '2026-10', rate: '0.0061' },
      { currency: 'USD', month: '2026-10', rate: '0.92' },
      { currency: 'USD', month: '2026-11', rate: '0.9' },
    ]);
  });

  it('names a currency without a rate instead of dropping its deals', async () => {
    const won = await report('win-rate-by-owner');
    expect(won.missingRates).toEqual(['BRL']);
    expect(byKey(won.rows).dan?.won).toBe(1);
  });

  it('shows one currency unconverted when the user picks it', async () => {
    const usd = await report('win-rate-by-owner', { currency: 'USD' });
    expect(usd).toMatchObject({ currency: 'USD', converted: false, missingRates: [] });
    expect(usd.rows.map((row) => [row.key, row.values.wonAmount])).toEqual([['bob', 343.38]]);
  });

  it("gives a rep's My day figures after a won USD deal in a EUR tenant: converted, not €0.00", async () => {
    const bob = await t.token(TENANT_A, 'bob', []);
    const quarter = await t.call('report', { token: bob, params: { report: 'win-rate-by-owner' }, query: { ownerId: 'bob', from: '2026-10', to: '2026-11' } });
    expect(quarter.body).toMatchObject({ currency: 'EUR', converted: true, rows: [{ key: 'bob', values: { won: 2, lost: 1, wonAmount: 315.71 } }] });
  });

  it('changes the figures when an admin changes a past rate, and the report says which rate it used', async () => {
    const admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    const current = (await t.call('get-settings', { token: admin })).body;
    const changed = current.exchangeRates.map((rate: { currency: string; month: string; rate: string }) => (rate.currency === 'GBP' ? { ...rate, rate: '1.2' } : rate));
    const saved = await t.call('update-settings', { token: admin, headers: { 'if-match': `"${current.version}"` }, body: { exchangeRates: changed } });
    expect(saved.status).toBe(200);
    const won = await report('win-rate-by-owner');
    expect(byKey(won.rows).cat?.wonAmount).toBe(120);
    expect(won.ratesUsed).toContainEqual({ currency: 'GBP', month: '2026-10', rate: '1.2' });
    // Put it back for the other tests' figures.
    await t.call('update-settings', { token: admin, headers: { 'if-match': `"${saved.body.version}"` }, body: { exchangeRates: current.exchangeRates } });
  });
});
