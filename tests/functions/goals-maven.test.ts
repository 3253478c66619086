import { goalsFromCsv } from '@rapport/shared';
import { mavenId } from '../../scripts/maven/maven.rules';
import { readMavenFiles } from '../../scripts/maven/maven-files';
import { MavenImportService } from '../../scripts/maven/maven-import.service';
import { PipelineService } from '../../functions/src/services/pipeline.service';
import { MAVEN_FOLDER, mavenRows } from './maven-sample';
import { createTestApp, TENANT_A, type TestApp } from './test-app';

// Issue 20's test on real data: goals per rep per quarter of 2017, imported from a CSV file this test writes, and each
// rep's attainment against a sum taken from the sample's own CSV by the plainest means.
const QUARTERS = ['2017-01', '2017-04', '2017-07', '2017-10'];

describe('goals on the Maven CRM sample (sqlite)', () => {
  let t: TestApp;
  let manager: string;
  const pipeline = mavenRows('sales_pipeline.csv');
  const agents = [...new Set(pipeline.map((row) => row[1]!))].sort();
  const quarterOf = (day: string) => `${day.slice(0, 4)}-${String(Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}`;

  beforeAll(async () => {
    t = await createTestApp({ store: 'sqlite' });
    const now = () => new Date();
    await new MavenImportService({ store: t.app.store, pipelines: new PipelineService({ store: t.app.store, now }), now }).run(
      { tenantId: TENANT_A, userId: 'the-importer', roles: ['admin'] },
      await readMavenFiles(MAVEN_FOLDER),
    );
    manager = await t.token(TENANT_A, 'the-manager', ['manager']);
  }, 120_000);
  afterAll(() => t.close());

  it("imports goals per rep per quarter from a CSV file, and each rep's attainment is the sum of the deals they won", async () => {
    // The file a manager would write: rep, quarter, target in dollars (the tenant reports in USD).
    const csv = ['rep,period,start,target', ...agents.flatMap((agent) => QUARTERS.map((quarter, index) => `"${agent}",quarter,${quarter},${100_000 + index * 10_000}`))].join('\n');
    // Read as the dashboard's import reads it: reps by their names as members.
    const members = (await t.call('list-members', { token: manager, query: { limit: '100' } })).body.items;
    const read = goalsFromCsv(csv, members);
    expect(read.problems).toEqual([]);
    const goals = read.goals.map((entry) => entry.goal);
    expect(new Set(goals.map((goal) => goal.memberId))).toEqual(new Set(agents.map((agent) => mavenId.member(agent))));
    expect(goals).toHaveLength(agents.length * QUARTERS.length);
    for (let start = 0; start < goals.length; start += 500) {
      const batch = await t.call('set-goals', { token: manager, body: { goals: goals.slice(start, start + 500) } });
      expect(batch.status).toBe(200);
      expect(batch.body).toMatchObject({ created: Math.min(500, goals.length - start), rejected: [] });
    }
    // Sent again: nothing changes.
    expect((await t.call('set-goals', { token: manager, body: { goals: goals.slice(0, 10) } })).body).toMatchObject({ created: 0, changed: 0, unchanged: 10 });

    for (const quarter of QUARTERS) {
      const answer = await t.call('goal-attainment', { token: manager, query: { period: 'quarter', day: `${quarter}-15`, view: 'team' } });
      expect(answer.status).toBe(200);
      const byRep = new Map<string, number>(answer.body.reps.map((item: { goal: { memberId: string }; actual: number }) => [item.goal.memberId, item.actual]));
      expect(byRep.size).toBe(agents.length);
      for (const agent of agents) {
        const cents = pipeline.filter((row) => row[1] === agent && row[4] === 'Won' && quarterOf(row[6]!) === quarter).reduce((sum, row) => sum + Math.round(Number(row[7]) * 100), 0);
        expect([agent, quarter, Math.round((byRep.get(mavenId.member(agent)) ?? -1) * 100)]).toEqual([agent, quarter, cents]);
      }
    }
  }, 120_000);
});
