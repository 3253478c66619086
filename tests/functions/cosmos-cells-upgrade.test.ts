import { reportCellsOf } from '@rapport/shared';
import { CosmosStore } from '../../functions/src/store/cosmos/cosmos-store';
import { forgetNewReportCells } from './previous-release';
import { create, createTestApp, TENANT_A, type TestApp } from './test-app';

// The Cosmos DB upgrade of report cells (README.md beside the store, "Report cells upgrades") against the interleavings
// that could count a record twice or lose it: a write racing the upgrade, an upgrade that stops midway, a write by an
// instance of the previous release during a rolling deployment, and two instances upgrading one tenant at once.
describe('report cells upgrade on Cosmos DB', () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp({ store: 'cosmos', now: () => new Date('2026-11-16T10:00:00Z') });
    admin = await t.token(TENANT_A, 'boss', ['admin']);
    expect((await t.call('get-me', { token: admin })).status).toBe(200);
  });
  afterEach(() => t.close());

  const store = () => t.app.store as CosmosStore;
  const records = () => t.cosmosDatabase!.container('records');
  const docOf = async (id: string) => (await records().items.query({ query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: id }] }).fetchAll()).resources[0];
  /** Two contracts ending in December, worth 12,000 and 4,000 a year. */
  async function contracts() {
    const company = await create(t, 'company', { name: 'Fabrikam' }, admin);
    const contract = (value: object) => t.call('create-contract', { token: admin, body: { companyId: company.id, name: 'Support', startDate: '2026-01-01', endDate: '2026-12-31', value } });
    const monthly = (await contract({ amount: 1000, currency: 'EUR', period: 'month' })).body;
    const quarterly = (await contract({ amount: 1000, currency: 'EUR', period: 'quarter' })).body;
    return { monthly, quarterly };
  }
  /** A quote of 2,000 EUR net, sent and accepted on its page. */
  async function acceptedQuote() {
    const settings = await t.call('get-settings', { token: admin });
    await t.call('update-settings', { token: admin, body: { quotes: { taxRates: [], defaultTaxPercent: 0, validityDays: 30, language: 'en' } }, headers: { 'if-match': `"${settings.body.version}"` } });
    const company = await create(t, 'company', { name: 'Contoso' }, admin);
    const deal = await create(t, 'deal', { name: 'Seats', stage: 'proposal', currency: 'EUR', companyId: company.id, contactIds: [] }, admin);
    const draft = await t.call('create-quote', { token: admin, body: { dealId: deal.id, lines: [{ name: 'Seat', quantity: 2, unitPrice: 1000 }] } });
    const sent = (await t.call('send-quote', { token: admin, params: { id: draft.body.id }, body: {} })).body;
    expect((await t.call('accept-quote', { token: null, params: { key: sent.publicKey }, body: { name: 'Lucía Gómez', acceptTerms: true } })).status).toBe(200);
    return { deal, quote: (await t.call('get-quote', { token: admin, params: { id: sent.id } })).body };
  }
  const rows = async (name: string) => {
    const answer = await t.call('report', { token: admin, params: { report: name }, query: { from: '2026-01', to: '2026-12', currency: 'EUR' } });
    expect(answer.status).toBe(200);
    return answer.body.rows.map((row: { key: string; values: object }) => ({ key: row.key, ...row.values }));
  };
  const moved = [
    { key: '2026-12', contracts: 1, autoRenew: 0, annualValue: 4_000 },
    { key: '2027-01', contracts: 1, autoRenew: 0, annualValue: 12_000 },
  ];

  it('counts once a record a write changes while the upgrade stamps it', async () => {
    const { monthly } = await contracts();
    await forgetNewReportCells(t);
    // The upgrade runs between the write's read of the record and its replace: the replace's IfMatch fails, it writes again.
    const reader = store() as unknown as { readRecordDoc: (...args: unknown[]) => Promise<unknown> };
    const read = reader.readRecordDoc.bind(reader);
    let upgraded = false;
    reader.readRecordDoc = async (...args: unknown[]) => {
      const doc = await read(...args);
      if (!upgraded && args[2] === monthly.id) {
        upgraded = true;
        expect(await store().upgradeReportCells(TENANT_A)).toMatchObject({ counted: 2, failed: 0 });
      }
      return doc;
    };
    const changed = await t.call('update-contract', { token: admin, params: { id: monthly.id }, body: { endDate: '2027-01-31' }, headers: { 'if-match': `"${monthly.version}"` } });
    expect(changed.status).toBe(200);
    expect(await rows('contracts-up-for-renewal')).toEqual(moved);
  });

  it('completes an upgrade that stopped midway, with a write in between', async () => {
    const { monthly } = await contracts();
    await forgetNewReportCells(t);
    const cells = (store() as unknown as { cells: { add: (...args: unknown[]) => Promise<void> } }).cells;
    const add = cells.add.bind(cells);
    let stopped = false;
    cells.add = async (...args: unknown[]) => {
      if (!stopped && String(args[1]).startsWith('cells-upgrade')) {
        stopped = true;
        throw new Error('the instance stopped');
      }
      return add(...args);
    };
    await expect(store().upgradeReportCells(TENANT_A)).rejects.toThrow('the instance stopped');
    const changed = await t.call('update-contract', { token: admin, params: { id: monthly.id }, body: { endDate: '2027-01-31' }, headers: { 'if-match': `"${monthly.version}"` } });
    expect(changed.status).toBe(200);
    expect(await rows('contracts-up-for-renewal')).toEqual(moved);
  });

  it('stays right when an instance of the previous release changes an upgraded record during a rolling deployment', async () => {
    const { monthly } = await contracts();
    await forgetNewReportCells(t);
    expect(await rows('contracts-up-for-renewal')).toEqual([{ key: '2026-12', contracts: 2, autoRenew: 0, annualValue: 16_000 }]);
    // The previous release keeps fields it does not know (countedCells) as they are, and owes the contract cells nothing.
    const doc = await docOf(monthly.id);
    expect(doc.countedCells).toHaveLength(1);
    const { _rid, _self, _etag, _attachments, _ts, ...fields } = doc;
    await records().item(doc.id, doc.pk).replace({ ...fields, cancelled: true, cancelReason: 'Moved away', version: doc.version + 1 }, { accessCondition: { type: 'IfMatch', condition: _etag } });
    // The next write by this release takes away what the record was counted in, whoever wrote it since.
    const current = (await t.call('get-contract', { token: admin, params: { id: monthly.id } })).body;
    expect(current.cancelled).toBe(true);
    const back = await t.call('update-contract', { token: admin, params: { id: monthly.id }, body: { cancelled: false, endDate: '2027-01-31' }, headers: { 'if-match': `"${current.version}"` } });
    expect(back.status).toBe(200);
    expect(await rows('contracts-up-for-renewal')).toEqual(moved);
  });

  it('counts an accepted quote and its order once, and follows the order and a deleted contract afterwards', async () => {
    const { deal } = await acceptedQuote();
    const { monthly } = await contracts();
    await forgetNewReportCells(t);
    const openOrders = async () => (await rows('orders-by-status')).filter((row: { orders: number }) => row.orders !== 0);
    expect(await rows('quotes-by-month')).toEqual([{ key: '2026-11', sent: 1, accepted: 1, declined: 0, acceptanceRate: 1, acceptedAmount: 2000, meanDaysToAccept: 0 }]);
    expect(await openOrders()).toEqual([{ key: 'confirmed', orders: 1, amount: 2000 }]);
    const order = (await t.call('list-orders', { token: admin, query: { dealId: deal.id } })).body.items[0];
    expect((await t.call('update-order', { token: admin, params: { id: order.id }, body: { status: 'in-progress' }, headers: { 'if-match': `"${order.version}"` } })).status).toBe(200);
    expect(await openOrders()).toEqual([{ key: 'in-progress', orders: 1, amount: 2000 }]);
    expect((await t.call('delete-contract', { token: admin, params: { id: monthly.id }, headers: { 'if-match': `"${monthly.version}"` } })).status).toBe(204);
    expect(await rows('contracts-up-for-renewal')).toEqual([{ key: '2026-12', contracts: 1, autoRenew: 0, annualValue: 4_000 }]);
  });

  it('counts once a record another instance left half counted, however many changes its cell takes after', async () => {
    const { quote } = await acceptedQuote();
    // 120 more quotes sent the same month by the same rep in the same currency: one busy "sent" cell.
    const others = Array.from({ length: 120 }, (_, i) => ({ ...quote, id: `other-${String(i).padStart(3, '0')}`, number: 1000 + i, status: 'sent', answer: undefined, publicKey: undefined, followedUpAt: undefined }));
    await store().createMany('quote', others);
    await forgetNewReportCells(t);
    // Another instance's upgrade recorded its change in the accepted quote, added it to the "sent" cell only, and stopped.
    const doc = await docOf(quote.id);
    const missing = reportCellsOf('quote', quote);
    const change = { changeId: `cells-upgrade|quote|${doc.id}|v${doc.version}`, cells: missing };
    const { _rid, _self, _etag, _attachments, _ts, ...fields } = doc;
    await records().item(doc.id, doc.pk).replace({ ...fields, countedCells: missing, pendingReport: change }, { accessCondition: { type: 'IfMatch', condition: _etag } });
    const cells = (store() as unknown as { cells: { add: (...args: unknown[]) => Promise<void> } }).cells;
    await cells.add(TENANT_A, change.changeId, missing.filter((cell) => cell.dims.event === 'sent'));
    // The 120 others and the accepted quote's order; the half-counted quote's change is filed whole, once.
    expect(await store().upgradeReportCells(TENANT_A)).toMatchObject({ counted: 121, failed: 0 });
    expect(await rows('quotes-by-month')).toEqual([{ key: '2026-11', sent: 121, accepted: 1, declined: 0, acceptanceRate: 1, acceptedAmount: 2000, meanDaysToAccept: 0 }]);
  });
});
