import fs from 'node:fs';
import path from 'node:path';
import { mavenId, type MavenFiles } from '../../scripts/maven/maven.rules';
import { readMavenFiles } from '../../scripts/maven/maven-files';
import { MavenImportService, type MavenImportResult } from '../../scripts/maven/maven-import.service';
import { PipelineService } from '../../functions/src/services/pipeline.service';
import { MAVEN_FOLDER, mavenRows } from './maven-sample';
import { createTestApp, testStores, TENANT_A, type TestApp } from './test-app';


// The sample's figures, counted here from the files by the plainest means (they hold no quoted fields).
function countFromFiles() {
  const lines = mavenRows;
  const pipeline = lines('sales_pipeline.csv');
  const teams = lines('sales_teams.csv');
  const byStage: Record<string, number> = {};
  for (const row of pipeline) byStage[row[4]!.toLowerCase()] = (byStage[row[4]!.toLowerCase()] ?? 0) + 1;
  return {
    accounts: lines('accounts.csv').length,
    products: lines('products.csv').length,
    members: new Set([...teams.map((row) => row[0]), ...teams.map((row) => row[1])]).size,
    offices: new Set(teams.map((row) => row[2])).size,
    deals: pipeline.length,
    byStage,
    wonCents: pipeline.filter((row) => row[4] === 'Won').reduce((sum, row) => sum + Math.round(Number(row[7]) * 100), 0),
    gtxPro: pipeline.filter((row) => row[2] === 'GTXPro').length,
    noAccount: pipeline.filter((row) => row[3] === '').length,
    openWithoutClose: pipeline.filter((row) => (row[4] === 'Engaging' || row[4] === 'Prospecting') && row[6] === '' && row[7] === '').length,
    technolgy: lines('accounts.csv').filter((row) => row[1] === 'technolgy').length,
  };
}

async function importInto(t: TestApp, files: MavenFiles): Promise<MavenImportResult> {
  const now = () => new Date();
  const service = new MavenImportService({ store: t.app.store, pipelines: new PipelineService({ store: t.app.store, now }), now });
  return service.run({ tenantId: TENANT_A, userId: 'the-importer', roles: ['admin'] }, files);
}

const faultCount = (result: MavenImportResult, code: string) => result.faults.filter((fault) => fault.code === code).reduce((sum, fault) => sum + fault.count, 0);

describe('importing the whole Maven CRM sample (sqlite)', () => {
  let t: TestApp;
  let first: MavenImportResult;
  const expected = countFromFiles();

  beforeAll(async () => {
    t = await createTestApp({ store: 'sqlite' });
    first = await importInto(t, await readMavenFiles(MAVEN_FOLDER));
  }, 60_000);
  afterAll(async () => t.close());

  it('creates every company, product, member, office territory and deal of the files', () => {
    expect(expected).toMatchObject({ accounts: 85, products: 7, members: 41, offices: 3, deals: 8_800 });
    expect(first.companies).toEqual({ inFile: expected.accounts, created: expected.accounts, alreadyThere: 0, deleted: 0 });
    expect(first.products.created).toBe(expected.products);
    expect(first.members.created).toBe(expected.members);
    expect(first.territories.created).toBe(expected.offices);
    expect(first.deals.created).toBe(expected.deals);
    expect(first.rejectedRows).toBe(0);
  });

  it('puts the deals in the stages the files give, adding the stage the pipeline lacked after Prospecting', async () => {
    expect(first.dealsByStage).toEqual(expected.byStage);
    expect(first.stagesAdded).toEqual(['Engaging']);
    const pipeline = await t.call('get-pipeline');
    expect(pipeline.body.stages.map((stage: { name: string }) => stage.name).slice(0, 3)).toEqual(['Prospecting', 'Engaging', 'Qualification']);
  });

  it('reports each fault of the data with how it was read, and none is fatal', () => {
    expect(faultCount(first, 'PRODUCT_NAME_MATCHED')).toBe(expected.gtxPro);
    expect(first.faults.find((fault) => fault.code === 'PRODUCT_NAME_MATCHED')?.message).toBe('product "GTXPro" read as the catalog\'s "GTX Pro"');
    expect(faultCount(first, 'DEAL_WITHOUT_ACCOUNT')).toBe(expected.noAccount);
    expect(faultCount(first, 'OPEN_DEAL_WITHOUT_CLOSE')).toBe(expected.openWithoutClose);
    expect(faultCount(first, 'SECTOR_CORRECTED')).toBe(expected.technolgy);
    expect([expected.gtxPro, expected.noAccount, expected.openWithoutClose, expected.technolgy]).toEqual([1_480, 1_425, 2_089, 12]);
    expect(first.faults.map((fault) => fault.code).sort()).toEqual(
      ['DEAL_WITHOUT_ACCOUNT', 'OPEN_DEAL_WITHOUT_CLOSE', 'PRODUCT_NAME_MATCHED', 'SECTOR_CORRECTED', 'STAGE_ADDED'].sort(),
    );
  });

  it('keeps a won deal as sold: its product, price, dates, rep and company', async () => {
    // Z063OYW0,Darcel Schlecht,GTXPro,Isdom,Won,2016-10-25,2017-03-11,4514
    const deal = await t.call('get-deal', { params: { id: mavenId.deal('Z063OYW0') } });
    expect(deal.body).toMatchObject({
      name: 'Isdom · GTX Pro',
      status: 'won',
      amount: 4514,
      companyId: mavenId.company('Isdom'),
      ownerId: mavenId.member('Darcel Schlecht'),
      lineItems: [{ productId: mavenId.product('GTX Pro'), quantity: 1, unitPrice: 4514, discountPercent: 0 }],
      closedAt: '2017-03-11T00:00:00.000Z',
      createdAt: '2016-10-25T00:00:00.000Z',
      stageHistory: [
        { stage: 'engaging', enteredAt: '2016-10-25T00:00:00.000Z' },
        { stage: 'won', enteredAt: '2017-03-11T00:00:00.000Z' },
      ],
    });
    const purchases = await t.call('company-purchases', { params: { id: mavenId.company('Isdom') } });
    const sold = purchases.body.deals.find((item: { id: string }) => item.id === mavenId.deal('Z063OYW0'));
    expect(sold.lineItems[0].unitPrice).toBe(4514);
    expect(purchases.body.products[mavenId.product('GTX Pro')]).toEqual({ name: 'GTX Pro' });
    expect(purchases.body.owners[mavenId.member('Darcel Schlecht')]).toEqual({ displayName: 'Darcel Schlecht' });
  });

  it('imports companies with corrected sectors, revenue in dollars, country and parent company', async () => {
    // Acme Corporation,technolgy,1996,1100.04,2822,United States,
    const acme = await t.call('get-company', { params: { id: mavenId.company('Acme Corporation') } });
    expect(acme.body).toMatchObject({ industry: 'technology', annualRevenue: 1_100_040_000, employees: 2822, address: { country: 'United States' }, type: 'customer' });
    const subsidiaries = fs
      .readFileSync(path.join(MAVEN_FOLDER, 'accounts.csv'), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.endsWith(',Acme Corporation'))
      .map((line) => line.split(',')[0]!);
    expect(subsidiaries.length).toBe(4);
    for (const name of subsidiaries) {
      const company = await t.call('get-company', { params: { id: mavenId.company(name) } });
      expect(company.body.parentCompanyId).toBe(mavenId.company('Acme Corporation'));
    }
  });

  it('makes reps and managers members with their team, manager and regional office', async () => {
    const members = await t.call('list-members', { query: { limit: '100' } });
    const darcel = members.body.items.find((member: { displayName: string }) => member.displayName === 'Darcel Schlecht');
    const teams = fs.readFileSync(path.join(MAVEN_FOLDER, 'sales_teams.csv'), 'utf8').split(/\r?\n/).find((line) => line.startsWith('Darcel Schlecht,'))!.split(',');
    expect(darcel).toMatchObject({ role: 'rep', team: teams[1], managerId: mavenId.member(teams[1]!), office: teams[2] });
    const manager = members.body.items.find((member: { id: string }) => member.id === mavenId.member(teams[1]!));
    expect(manager).toMatchObject({ role: 'manager', office: teams[2] });
    const territory = await t.call('get-territory', { params: { id: mavenId.territory(teams[2]!) } });
    expect(territory.body.repIds).toContain(darcel.id);
  });

  it('values won deals to the cent as the files do', async () => {
    let cents = 0;
    let cursor: string | undefined;
    do {
      const page = await t.call('list-deals', { query: { limit: '100', ...(cursor ? { cursor } : {}) } });
      for (const deal of page.body.items) if (deal.status === 'won') cents += Math.round(deal.amount * 100);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(cents).toBe(expected.wonCents);
  });

  it('creates nothing when run again, and leaves a deal deleted since deleted', async () => {
    const id = mavenId.deal('Z063OYW0');
    const deal = await t.call('get-deal', { params: { id } });
    expect((await t.call('delete-deal', { params: { id }, headers: { 'if-match': deal.headers.get('etag')! }, token: await t.token(TENANT_A, 'boss', ['admin']) })).status).toBe(204);

    const again = await importInto(t, await readMavenFiles(MAVEN_FOLDER));
    expect(again.companies).toEqual({ inFile: 85, created: 0, alreadyThere: 85, deleted: 0 });
    expect(again.members).toEqual({ inFile: 41, created: 0, alreadyThere: 41, deleted: 0 });
    expect(again.deals).toEqual({ inFile: 8_800, created: 0, alreadyThere: 8_799, deleted: 1 });
    expect(again.stagesAdded).toEqual([]);
    expect((await t.call('get-deal', { params: { id } })).status).toBe(404);
  });
});

describe.each(testStores)('importing part of the Maven sample on %s', (store) => {
  let t: TestApp;
  let files: MavenFiles;
  beforeAll(async () => {
    t = await createTestApp({ store });
    const whole = await readMavenFiles(MAVEN_FOLDER);
    files = { ...whole, pipeline: whole.pipeline.slice(0, 150) };
  }, 60_000);
  afterAll(async () => t.close());

  it('imports, then finds everything it made on a second run', async () => {
    const first = await importInto(t, files);
    expect(first.deals).toEqual({ inFile: 150, created: 150, alreadyThere: 0, deleted: 0 });
    expect(first.companies.created).toBe(85);
    const deal = await t.call('get-deal', { params: { id: mavenId.deal(files.pipeline[1]!.values.opportunity_id!) } });
    expect(deal.body).toMatchObject({ status: 'won', amount: 4514 });

    const deleted = files.pipeline[0]!.values.opportunity_id!;
    const current = await t.call('get-deal', { params: { id: mavenId.deal(deleted) } });
    await t.call('delete-deal', { params: { id: mavenId.deal(deleted) }, headers: { 'if-match': current.headers.get('etag')! }, token: await t.token(TENANT_A, 'boss', ['admin']) });
    const second = await importInto(t, files);
    expect(second.deals).toEqual({ inFile: 150, created: 0, alreadyThere: 149, deleted: 1 });
    expect(second.products).toEqual({ inFile: 7, created: 0, alreadyThere: 7, deleted: 0 });
  }, 60_000);
});
