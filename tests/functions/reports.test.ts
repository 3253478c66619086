import { MAX_REPORTS_AT_ONCE, reportNames } from '@rapport/shared';
import type { MavenFiles } from '../../scripts/maven/maven.rules';
import { readMavenFiles } from '../../scripts/maven/maven-files';
import { MavenImportService } from '../../scripts/maven/maven-import.service';
import { PipelineService } from '../../functions/src/services/pipeline.service';
import { MAVEN_FOLDER, mavenRows } from './maven-sample';
import { create, createTestApp, testStores, TENANT_A, USER_A, type TestApp } from './test-app';

const PERIOD = { from: '2016-01', to: '2017-12' };

type Row = { key: string; label: string; segment?: string; values: Record<string, number | null> };

/**
 * The figures the reports must show, computed from the CSV files alone by the plainest routine: split lines on commas
 * (the files hold no quoted fields) and add up. Nothing here shares code with the importer or the reports.
 */
function figuresFromFiles(dealLimit = Infinity) {
  const lines = mavenRows;
  const deals = lines('sales_pipeline.csv').slice(0, dealLimit);
  const officeOf = new Map(lines('sales_teams.csv').map((row) => [row[0]!, row[2]!]));
  const count = (map: Map<string, number>, key: string, add = 1) => map.set(key, (map.get(key) ?? 0) + add);
  const stageCount = new Map<string, number>();
  const won = { byRep: new Map<string, number>(), byProduct: new Map<string, number>(), byOffice: new Map<string, number>() };
  const lost = { byRep: new Map<string, number>(), byProduct: new Map<string, number>(), byOffice: new Map<string, number>() };
  const wonCentsByQuarter = new Map<string, number>();
  const wonCentsByProduct = new Map<string, number>();
  const openByRep = new Map<string, number>();
  let wonCents = 0;
  for (const [, agent, rawProduct, , stage, , closeDate, closeValue] of deals) {
    // The one spelling the catalog writes otherwise.
    const product = rawProduct === 'GTXPro' ? 'GTX Pro' : rawProduct!;
    const office = officeOf.get(agent!)!;
    count(stageCount, stage!);
    if (stage === 'Won' || stage === 'Lost') {
      const side = stage === 'Won' ? won : lost;
      count(side.byRep, agent!);
      count(side.byProduct, product);
      count(side.byOffice, office);
    }
    if (stage === 'Won') {
      const cents = Math.round(Number(closeValue) * 100);
      wonCents += cents;
      const month = Number(closeDate!.slice(5, 7));
      count(wonCentsByQuarter, `${closeDate!.slice(0, 4)}-Q${Math.ceil(month / 3)}`, cents);
      count(wonCentsByProduct, product, cents);
    } else if (stage === 'Engaging' || stage === 'Prospecting') {
      count(openByRep, agent!);
    }
  }
  return { deals: deals.length, stageCount, won, lost, wonCents, wonCentsByQuarter, wonCentsByProduct, openByRep };
}

/**
 * Customer demographics from the CSV files alone: won deals and their value by the account's country, and each
 * product's units and lowest, highest and total close value (each deal sells one unit) by the account's size band.
 */
function segmentFiguresFromFiles(dealLimit = Infinity) {
  const lines = mavenRows;
  const accounts = new Map(lines('accounts.csv').map((row) => [row[0]!, { employees: Number(row[4]), country: row[5]! }]));
  const band = (employees: number) => (employees < 10 ? '1-9' : employees < 50 ? '10-49' : employees < 250 ? '50-249' : employees < 1000 ? '250-999' : '1000+');
  const byCountry = new Map<string, { won: number; cents: number }>();
  const bySize = new Map<string, { units: number; cents: number; min: number; max: number }>();
  for (const [, , rawProduct, account, stage, , , closeValue] of lines('sales_pipeline.csv').slice(0, dealLimit)) {
    if (stage !== 'Won') continue;
    const product = rawProduct === 'GTXPro' ? 'GTX Pro' : rawProduct!;
    const company = accounts.get(account!)!;
    const cents = Math.round(Number(closeValue) * 100);
    const country = byCountry.get(company.country) ?? { won: 0, cents: 0 };
    byCountry.set(company.country, { won: country.won + 1, cents: country.cents + cents });
    const key = `${product}|${band(company.employees)}`;
    const sold = bySize.get(key) ?? { units: 0, cents: 0, min: Infinity, max: -Infinity };
    bySize.set(key, { units: sold.units + 1, cents: sold.cents + cents, min: Math.min(sold.min, cents), max: Math.max(sold.max, cents) });
  }
  return { byCountry, bySize };
}

async function checkSegmentsAgainstFiles(t: TestApp, expected: ReturnType<typeof segmentFiguresFromFiles>): Promise<void> {
  const report = async (name: string, segment: string) => (await t.call('report', { params: { report: name }, query: { ...PERIOD, segment } })).body.rows as Row[];
  const countries = (await report('customers-by-segment', 'country')).filter((row) => row.values.won !== 0);
  expect(new Map(countries.map((row) => [row.segment, { won: row.values.won, cents: cents(row.values.wonAmount) }]))).toEqual(expected.byCountry);
  const prices = await report('product-prices-by-segment', 'size');
  // Units and revenue exactly; the lowest and highest prices to their band (1 %, see segment-cells.rules.ts): never
  // below the lowest price sold nor above the highest, within 1 % of them, with the average between them.
  const byKey = new Map(prices.map((row) => [`${row.label}|${row.segment}`, row.values]));
  expect(new Map([...byKey].map(([key, values]) => [key, { units: values.quantity, cents: cents(values.revenue) }]))).toEqual(
    new Map([...expected.bySize].map(([key, sold]) => [key, { units: sold.units, cents: sold.cents }])),
  );
  for (const [key, sold] of expected.bySize) {
    const [min, max, average] = [cents(byKey.get(key)?.minUnitPrice), cents(byKey.get(key)?.maxUnitPrice), cents(byKey.get(key)?.averageUnitPrice)];
    expect(min).toBeGreaterThanOrEqual(sold.min);
    expect(min).toBeLessThanOrEqual(sold.min * 1.01);
    expect(max).toBeLessThanOrEqual(sold.max);
    expect(max).toBeGreaterThanOrEqual(sold.max / 1.01);
    expect(average).toBeGreaterThanOrEqual(min - 1);
    expect(average).toBeLessThanOrEqual(max + 1);
  }
  for (const row of prices) expect(row.values.averageUnitPrice).toBeCloseTo(cents(row.values.revenue) / 100 / (row.values.quantity ?? 1), 2);
}

async function importMaven(t: TestApp, files: MavenFiles): Promise<void> {
  const now = () => new Date();
  const service = new MavenImportService({ store: t.app.store, pipelines: new PipelineService({ store: t.app.store, now }), now });
  await service.run({ tenantId: TENANT_A, userId: 'the-importer', roles: ['admin'] }, files);
}

const byLabel = (rows: Row[], column: string) => new Map(rows.filter((row) => (row.values[column] ?? 0) !== 0).map((row) => [row.label, row.values[column]]));
const cents = (amount: number | null | undefined) => Math.round((amount ?? 0) * 100);
const sumOf = (rows: Row[], column: string) => rows.reduce((sum, row) => sum + (row.values[column] ?? 0), 0);

async function checkReportsAgainstFiles(t: TestApp, expected: ReturnType<typeof figuresFromFiles>): Promise<void> {
  const report = async (name: string, query: Record<string, string> = {}) => {
    const response = await t.call('report', { params: { report: name }, query: { ...PERIOD, ...query } });
    expect(response.status).toBe(200);
    return response.body as { rows: Row[]; currency: string; currencies: { currency: string; deals: number }[] };
  };

  // Deals per stage: open ones in the pipeline report, closed ones as won and lost.
  const pipeline = await report('pipeline');
  expect(pipeline.currency).toBe('USD');
  expect(pipeline.currencies).toEqual([{ currency: 'USD', deals: expected.deals }]);
  const openStages = byLabel(pipeline.rows, 'deals');
  expect(openStages).toEqual(new Map([...expected.stageCount].filter(([stage]) => stage !== 'Won' && stage !== 'Lost')));

  // Win rate by rep, product and regional office; won value overall.
  for (const [name, group] of [['win-rate-by-owner', 'byRep'], ['win-rate-by-product', 'byProduct'], ['win-rate-by-region', 'byOffice']] as const) {
    const rows = (await report(name)).rows;
    expect(byLabel(rows, 'won')).toEqual(expected.won[group]);
    expect(byLabel(rows, 'lost')).toEqual(expected.lost[group]);
    for (const row of rows) {
      const [w, l] = [expected.won[group].get(row.label) ?? 0, expected.lost[group].get(row.label) ?? 0];
      expect(row.values.winRate).toBeCloseTo(w / (w + l), 4);
    }
    expect(sumOf(rows, 'won')).toBe(expected.stageCount.get('Won') ?? 0);
    expect(sumOf(rows, 'lost')).toBe(expected.stageCount.get('Lost') ?? 0);
    if (name === 'win-rate-by-product') {
      expect(new Map(rows.map((row) => [row.label, cents(row.values.wonAmount)] as const).filter(([, value]) => value !== 0))).toEqual(expected.wonCentsByProduct);
    } else {
      expect(rows.reduce((sum, row) => sum + cents(row.values.wonAmount), 0)).toBe(expected.wonCents);
    }
  }

  // Won value by quarter of close, to the cent.
  const quarters = (await report('won-by-quarter')).rows;
  expect(new Map(quarters.map((row) => [row.label, cents(row.values.wonAmount)]))).toEqual(expected.wonCentsByQuarter);

  // Open deals per rep.
  expect(byLabel((await report('open-deals-by-owner')).rows, 'deals')).toEqual(expected.openByRep);
}

describe('reports on the whole Maven CRM sample (sqlite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ store: 'sqlite', roles: ['manager'] });
    await importMaven(t, await readMavenFiles(MAVEN_FOLDER));
  }, 60_000);
  afterAll(async () => t.close());

  it('equal the figures computed from the CSV files: deals per stage, won value, win rates, won by quarter, open deals per rep', async () => {
    const expected = figuresFromFiles();
    expect(expected.deals).toBe(8_800);
    expect(expected.wonCents).toBe(1_000_553_400);
    await checkReportsAgainstFiles(t, expected);
  });

  it("equal the figures computed from the CSV files by customer segment: won value by the account's country, each product's prices by its size", async () => {
    const expected = segmentFiguresFromFiles();
    expect(expected.byCountry.get('United States')?.won).toBeGreaterThan(3_000);
    await checkSegmentsAgainstFiles(t, expected);
  });

  it('narrows every figure by owner, team, territory and product', async () => {
    const all = (await t.call('report', { params: { report: 'win-rate-by-owner' }, query: PERIOD })).body.rows as Row[];
    const darcel = all.find((row) => row.label === 'Darcel Schlecht')!;
    const mine = await t.call('report', { params: { report: 'win-rate-by-owner' }, query: { ...PERIOD, ownerId: darcel.key } });
    expect(mine.body.rows).toEqual([darcel]);
    const members = (await t.call('list-members', { query: { limit: '100' } })).body.items as { id: string; team?: string; office?: string }[];
    const team = members.find((member) => member.id === darcel.key)!.team!;
    const teamRows = (await t.call('report', { params: { report: 'win-rate-by-owner' }, query: { ...PERIOD, team } })).body.rows as Row[];
    expect(teamRows.map((row) => row.key).sort()).toEqual(all.filter((row) => members.find((member) => member.id === row.key)?.team === team).map((row) => row.key).sort());
    const products = (await t.call('report', { params: { report: 'products-sold' }, query: PERIOD })).body.rows as Row[];
    const gtx = products.find((row) => row.label === 'GTX Pro')!;
    const gtxOnly = (await t.call('report', { params: { report: 'won-by-quarter' }, query: { ...PERIOD, productId: gtx.key } })).body.rows as Row[];
    expect(Math.round(sumOf(gtxOnly, 'wonAmount') * 100)).toBe(cents(gtx.values.revenue));
    expect(sumOf(gtxOnly, 'won')).toBe(gtx.values.deals);
  });

  it('gives the time deals spent in each stage before moving on', async () => {
    const rows = (await t.call('report', { params: { report: 'time-in-stage' }, query: PERIOD })).body.rows as Row[];
    const engaging = rows.find((row) => row.label === 'Engaging')!;
    // Every closed deal left Engaging once: the sample's won and lost deals.
    expect(engaging.values.deals).toBe(4_238 + 2_473);
    expect(engaging.values.meanDays).toBeGreaterThan(0);
  });
});

describe.each(testStores)('reports on part of the Maven sample, on %s', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ store, roles: ['manager'] });
    const whole = await readMavenFiles(MAVEN_FOLDER);
    await importMaven(t, { ...whole, pipeline: whole.pipeline.slice(0, 300) });
  }, 60_000);
  afterAll(async () => t.close());

  it('equal the figures computed from the same 300 rows of the CSV file', async () => {
    await checkReportsAgainstFiles(t, figuresFromFiles(300));
    await checkSegmentsAgainstFiles(t, segmentFiguresFromFiles(300));
  });

  it('answer several at once as each answers alone, a refusal or bad input included', async () => {
    const names = ['pipeline', 'forecast', 'win-rate-by-owner', 'products-sold', 'time-in-stage', 'data-quality', 'expenses-by-owner', 'quotes-by-month'];
    const alone = async (report: string, token?: string) => (await t.call('report', { params: { report }, query: PERIOD, ...(token ? { token } : {}) })).body;
    const together = await t.call('reports', { query: { ...PERIOD, names: names.join(',') } });
    expect(together.status).toBe(200);
    expect(together.body.items.map((item: { report: string; status: number }) => [item.report, item.status])).toEqual(names.map((name) => [name, 200]));
    for (const [index, name] of names.entries()) {
      const { generatedAt: _at, ...expected } = await alone(name);
      expect(together.body.items[index].result).toMatchObject(expected);
      expect(together.body.items[index].error).toBeUndefined();
    }
    // A rep is refused data quality (a manager's) as when reading it alone, and given the rest.
    const rep = await t.token(TENANT_A, 'a-rep', ['rep']);
    const asRep = await t.call('reports', { query: { ...PERIOD, names: 'pipeline,data-quality' }, token: rep });
    const refused = await t.call('report', { params: { report: 'data-quality' }, query: PERIOD, token: rep });
    expect(refused.status).toBe(403);
    expect(asRep.body.items).toMatchObject([
      { report: 'pipeline', status: 200, result: { report: 'pipeline' } },
      { report: 'data-quality', status: 403, error: { code: refused.body.error.code, message: refused.body.error.message } },
    ]);
    expect(asRep.body.items[1].result).toBeUndefined();
    // Bad input: a name no report has, a report named twice, more than a request reads, a period backwards.
    const tooMany = reportNames.slice(0, MAX_REPORTS_AT_ONCE + 1).join(',');
    const badInput: [Record<string, string>, RegExp][] = [
      [{ names: 'pipeline,no-such-report' }, /no report is called "no-such-report"/],
      [{ names: 'pipeline, forecast' }, /no report is called " forecast": name reports separated by commas, without spaces/],
      [{ names: 'pipeline,forecast,pipeline' }, /name each report once \("pipeline" more than once\)/],
      [{ names: tooMany }, new RegExp(`name at most ${MAX_REPORTS_AT_ONCE} reports \\(${MAX_REPORTS_AT_ONCE + 1} named\\)`)],
      [{ names: '' }, /name at least one report/],
      [{ names: 'pipeline', from: '2017-12', to: '2016-01' }, /from must not be after to/],
    ];
    for (const [query, message] of badInput) {
      const answer = await t.call('reports', { query });
      expect([query, answer.status, answer.body.error.code]).toEqual([query, 400, 'REQUEST.VALIDATION_FAILED']);
      expect(answer.body.error.message).toMatch(message);
    }
    expect((await t.call('reports', { query: { names: reportNames.slice(0, MAX_REPORTS_AT_ONCE).join(',') } })).status).toBe(200);

    // A report that fails unexpectedly is that report's 500, saying nothing of why; the others are answered.
    const store = t.app.store as unknown as { reportCells: (...args: unknown[]) => Promise<unknown> };
    const reportCells = store.reportCells;
    store.reportCells = (...args: unknown[]) => (args[1] === 'expense' ? Promise.reject(new Error('the disk is on fire')) : reportCells.apply(t.app.store, args));
    try {
      const answer = await t.call('reports', { query: { ...PERIOD, names: 'pipeline,expenses-by-owner,forecast' } });
      expect(answer.status).toBe(200);
      expect(answer.body.items).toMatchObject([
        { report: 'pipeline', status: 200 },
        { report: 'expenses-by-owner', status: 500, error: { code: 'INTERNAL' } },
        { report: 'forecast', status: 200 },
      ]);
      expect(JSON.stringify(answer.body)).not.toMatch(/fire/);
    } finally {
      store.reportCells = reportCells;
    }
  });

  it('follow every later write: a deal closed won moves from the pipeline to the win rates', async () => {
    const open = (await t.call('report', { params: { report: 'open-deals-by-owner' }, query: PERIOD })).body.rows as Row[];
    const owner = open[0]!;
    const deals = (await t.call('list-deals', { query: { limit: '100', ownerId: owner.key } })).body.items as { id: string; version: number; status: string; stage: string }[];
    const deal = deals.find((item) => item.status === 'open')!;
    const admin = await t.token(TENANT_A, USER_A, ['admin']);
    const closed = await t.call('update-deal', { params: { id: deal.id }, headers: { 'if-match': String(deal.version) }, body: { stage: 'won' }, token: admin });
    expect(closed.status).toBe(200);
    const month = new Date().toISOString().slice(0, 7);
    // Closed today: this month's win rates hold it, and only it.
    const after = (await t.call('report', { params: { report: 'win-rate-by-owner' }, query: { from: month, to: month } })).body.rows as Row[];
    expect(after).toEqual([{ key: owner.key, label: owner.label, values: { won: 1, lost: 0, winRate: 1, wonAmount: expect.any(Number) } }]);
    const openAfter = (await t.call('report', { params: { report: 'open-deals-by-owner' }, query: PERIOD })).body.rows as Row[];
    expect(openAfter.find((row) => row.key === owner.key)?.values.deals).toBe((owner.values.deals ?? 0) - 1);
  });
});

describe('the reports API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ store: 'sqlite' });
  });
  afterAll(async () => t.close());

  it('refuses an unknown report, a period backwards or too long, with a clear 400', async () => {
    const unknown = await t.call('report', { params: { report: 'everything' } });
    expect(unknown.status).toBe(400);
    const backwards = await t.call('report', { params: { report: 'pipeline' }, query: { from: '2026-05', to: '2026-01' } });
    expect(backwards).toMatchObject({ status: 400, body: { error: { code: 'REQUEST.VALIDATION_FAILED' } } });
    const long = await t.call('report', { params: { report: 'pipeline' }, query: { from: '2010-01', to: '2026-01' } });
    expect(long).toMatchObject({ status: 400, body: { error: { code: 'REPORT.PERIOD_TOO_LONG' } } });
    const badMonth = await t.call('report', { params: { report: 'pipeline' }, query: { from: '2026-13' } });
    expect(badMonth.status).toBe(400);
  });

  it("narrows a rep's reports to their own records, and refuses a colleague's", async () => {
    const mine = await t.token(TENANT_A, 'rep-1', ['rep']);
    const theirs = await t.token(TENANT_A, 'rep-2', ['rep']);
    await t.call('create-deal', { token: mine, body: { name: 'Mine', stage: 'proposal', amount: 100 } });
    await t.call('create-deal', { token: theirs, body: { name: 'Theirs', stage: 'proposal', amount: 900 } });
    const pipeline = await t.call('report', { token: mine, params: { report: 'pipeline' } });
    expect(pipeline.body.filters).toEqual({ ownerId: 'rep-1' });
    expect(sumOf(pipeline.body.rows, 'amount')).toBe(100);
    const manager = await t.token(TENANT_A, 'boss', ['manager']);
    expect(sumOf((await t.call('report', { token: manager, params: { report: 'pipeline' } })).body.rows, 'amount')).toBe(1000);
    for (const query of [{ ownerId: 'rep-2' }, { team: 'North' }] as Record<string, string>[]) {
      const refused = await t.call('report', { token: mine, params: { report: 'pipeline' }, query });
      expect(refused).toMatchObject({ status: 403, body: { error: { code: 'AUTH.ROLE_REQUIRED' } } });
    }
  });

  it('keeps data quality for managers and admins', async () => {
    expect((await t.call('report', { params: { report: 'data-quality' } })).body.error.code).toBe('AUTH.ROLE_REQUIRED');
    const manager = await t.token(TENANT_A, USER_A, ['manager']);
    const quality = await t.call('report', { params: { report: 'data-quality' }, token: manager });
    expect(quality.status).toBe(200);
    expect(quality.body.rows.map((row: Row) => row.key)).toContain('leads-unassigned');
    const shared = () => t.call('report', { params: { report: 'data-quality' }, token: manager }).then((answer) => answer.body.rows.find((row: Row) => row.key === 'emails-shared').values.records);
    const before = await shared();
    await t.call('create-contact', { body: { lastName: 'One', emails: ['twice@contoso.com'] } });
    await t.call('create-contact', { query: { duplicates: 'allow' }, body: { lastName: 'Two', emails: ['twice@contoso.com'] } });
    expect(await shared()).toBe(before + 1);
  });
});

type CountedRow = Row & { records: { kind: string; id: string; label: string }[] };

describe.each(testStores)('the data quality report names the records it counts, on %s', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ store });
  });
  afterAll(async () => t.close());

  const quality = async () => {
    const answer = await t.call('report', { params: { report: 'data-quality' }, token: await t.token(TENANT_A, 'the-manager', ['manager']) });
    expect(answer.status).toBe(200);
    return new Map((answer.body.rows as CountedRow[]).map((row) => [row.key, row]));
  };

  it('lists the deals without an amount, the first 20 of them, and not a priced one', async () => {
    const priced = await create(t, 'deal', { name: 'Priced', stage: 'proposal', amount: 5000, currency: 'EUR', expectedCloseDate: '2099-01-31' });
    const unpriced = [];
    for (let index = 1; index <= 21; index += 1) unpriced.push(await create(t, 'deal', { name: `Unpriced ${index}`, stage: 'proposal' }));
    const row = (await quality()).get('open-deals-without-amount')!;
    expect(row.values.records).toBe(21);
    expect(row.records).toHaveLength(20);
    expect(new Set(row.records.map((record) => record.id)).size).toBe(20);
    for (const record of row.records) expect(unpriced.map((deal) => ({ kind: 'deal', id: deal.id, label: deal.name }))).toContainEqual(record);
    expect(row.records.map((record) => record.id)).not.toContain(priced.id);
  });

  it('names the contacts that share an address with the address, and the owners nobody active is', async () => {
    const one = await create(t, 'contact', { firstName: 'Ana', lastName: 'Shared', emails: ['same@fabrikam.com'] });
    const two = (await t.call('create-contact', { query: { duplicates: 'allow' }, body: { firstName: 'Bea', lastName: 'Shared', emails: ['SAME@fabrikam.com'] } })).body;
    // A company whose owner left: made by a rep who is then deactivated.
    const company = await create(t, 'company', { name: 'Nobody’s Ltd' }, await t.token(TENANT_A, 'leaver', ['rep']));
    const admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    const left = await t.call('update-member', { token: admin, params: { id: 'leaver' }, body: { deactivated: true }, headers: { 'if-match': '"1"' } });
    expect(left.status).toBe(200);
    const rows = await quality();
    expect(rows.get('emails-shared')!.records).toEqual(
      expect.arrayContaining([
        { kind: 'contact', id: one.id, label: 'Ana Shared · same@fabrikam.com' },
        { kind: 'contact', id: two.id, label: 'Bea Shared · same@fabrikam.com' },
      ]),
    );
    expect(rows.get('companies-without-active-owner')!.records).toContainEqual({ kind: 'company', id: company.id, label: 'Nobody’s Ltd' });
    // At most 20 a row, and never more records than a row counts (shared addresses count addresses, each of two people or more).
    for (const row of rows.values()) expect(row.records.length).toBeLessThanOrEqual(row.key === 'emails-shared' ? 20 : Math.min(20, row.values.records ?? 0));
  });
});
