import { reportNames, type ReportName } from '@rapport/shared';
import { tabReports } from '../../addin/src/dashboard/report-catalog';
import { generateDemoData } from '../../functions/src/local/demo/demo-data';
import { PipelineService } from '../../functions/src/services/pipeline.service';
import { ReportsService } from '../../functions/src/services/reports.service';
import { TenantSettingsService } from '../../functions/src/services/tenant-settings.service';
import { requestsBetween } from '../../functions/src/local/cosmos/local-cosmos-server';
import { freshCosmosStore, localCosmos, stopLocalCosmos } from './local-cosmos';

jest.setTimeout(240_000);

const TENANT = 'report-requests-tenant';
const now = new Date('2026-11-23T00:00:00Z');
const manager = { tenantId: TENANT, userId: 'manager', roles: ['manager' as const] };
const total = (counts: ReturnType<typeof requestsBetween>) => counts.reads + counts.queries + counts.crossPartitionQueries + counts.writes + counts.queryPlans + counts.metadata;

// GET /api/reports answers a dashboard tab's reports at once: what they read alike is read once for all of them.
describe('what a dashboard tab costs on Cosmos DB', () => {
  const team = tabReports.team.map(({ report }) => report);
  let costs: { one: number; tab: number; oneByOne: number };
  let together: Awaited<ReturnType<ReportsService['reports']>> = [];
  const alone: Awaited<ReturnType<ReportsService['report']>>[] = [];

  beforeAll(async () => {
    const cosmos = await localCosmos();
    const { store, dispose } = await freshCosmosStore();
    try {
      const data = generateDemoData({ now, tenantId: TENANT, size: { companies: 10, contacts: 30, deals: 40, activities: 60, cases: 10 } });
      await store.createMany('member', data.members);
      await store.createMany('company', data.companies);
      await store.createMany('deal', data.deals);
      const pipelines = new PipelineService({ store, now: () => now });
      const settings = new TenantSettingsService({ store, now: () => now });
      const service = new ReportsService({ store, now: () => now, pipelineOf: (tenantId) => pipelines.pipelineOf(tenantId), settingsOf: (tenantId) => settings.settingsOf(tenantId) });
      const measure = async (work: () => Promise<unknown>) => {
        const before = cosmos.requests();
        await work();
        return total(requestsBetween(before, cosmos.requests()));
      };
      // An instance's first reports bring the tenant's cells up (once) and file what a crash left pending (once in a
      // while): every report is read once first, so that what follows is what every later load of the tab costs.
      for (let at = 0; at < reportNames.length; at += 20) await service.reports(manager, reportNames.slice(at, at + 20) as ReportName[], {});
      costs = {
        one: await measure(() => service.report(manager, 'pipeline', {})),
        tab: await measure(async () => (together = await service.reports(manager, team, {}))),
        oneByOne: await measure(async () => {
          for (const name of team) alone.push(await service.report(manager, name, {}));
        }),
      };
    } finally {
      await dispose();
      await stopLocalCosmos();
    }
  });

  it("reads the team tab's reports at once for a few requests more than one report alone, not one report's each", () => {
    expect(team.length).toBeGreaterThanOrEqual(15);
    // Measured: one report 10 requests; the tab's 16 at once 26 (their families' cells, the pipeline and settings, the
    // members, territories and products, each once); one by one 166.
    expect(costs.tab).toBeLessThanOrEqual(3 * costs.one);
    expect(costs.tab * 4).toBeLessThan(costs.oneByOne);
  });

  it('answers each report as it answers it alone', () => {
    const table = (answer: { generatedAt: string }) => ({ ...answer, generatedAt: undefined });
    expect(together.map((answer) => ('result' in answer ? table(answer.result) : answer))).toEqual(alone.map(table));
  });
});
