import { defaultPipeline } from '@rapport/shared';
import { createTestApp, create, TENANT_A, TENANT_B, type TestApp, testStores } from './test-app';

describe.each(testStores)('the pipeline on %s', (store) => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp({ store });
    admin = await t.token(TENANT_A, 'the-admin', ['admin']);
  });
  afterEach(async () => {
    await t.close();
  });

  const withEngaging = [
    { id: 'prospecting', name: 'Prospecting', probability: 10, kind: 'open' },
    { id: 'engaging', name: 'Engaging', probability: 40, kind: 'open' },
    { id: 'proposal', name: 'Proposal sent', probability: 60, kind: 'open' },
    { id: 'won', name: 'Won', probability: 100, kind: 'won' },
    { id: 'lost', name: 'Lost', probability: 0, kind: 'lost' },
  ];
  const change = (stages: unknown, version: string, token = admin) => t.call('update-pipeline', { token, body: { stages }, headers: { 'if-match': version } });

  it("starts every tenant on the default stages, and lets an admin set the tenant's own", async () => {
    const initial = await t.call('get-pipeline');
    expect(initial.body).toEqual({ stages: defaultPipeline.stages, version: 0 });
    expect(initial.headers.get('etag')).toBe('"0"');

    const changed = await change(withEngaging, '"0"');
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ stages: withEngaging, version: 1 });
    expect((await t.call('get-pipeline')).body.stages.map((stage: { name: string }) => stage.name)).toEqual(['Prospecting', 'Engaging', 'Proposal sent', 'Won', 'Lost']);
    // Another tenant keeps the default.
    expect((await t.call('get-pipeline', { token: await t.token(TENANT_B) })).body.version).toBe(0);

    // Deals use the new stage and take its probability.
    const deal = await create(t, 'deal', { name: 'Hardware refresh', stage: 'engaging', amount: 1000 });
    expect(deal).toMatchObject({ stage: 'engaging', probability: 40, status: 'open' });
    const unknown = await t.call('create-deal', { body: { name: 'Old stage', stage: 'negotiation' } });
    expect(unknown.body.error.code).toBe('DEAL.UNKNOWN_STAGE');
  });

  it('records each stage a deal enters, and when', async () => {
    let clock = new Date('2026-11-02T09:00:00.000Z');
    const timed = await createTestApp({ store, now: () => clock });
    try {
      const deal = await create(timed, 'deal', { name: 'Timed', stage: 'prospecting' });
      clock = new Date('2026-11-05T09:00:00.000Z');
      await timed.call('update-deal', { params: { id: deal.id }, body: { amount: 500 }, headers: { 'if-match': '"1"' } });
      clock = new Date('2026-11-09T09:00:00.000Z');
      const won = await timed.call('update-deal', { params: { id: deal.id }, body: { stage: 'won' }, headers: { 'if-match': '"2"' } });
      expect(won.body.stageHistory).toEqual([
        { stage: 'prospecting', enteredAt: '2026-11-02T09:00:00.000Z' },
        { stage: 'won', enteredAt: '2026-11-09T09:00:00.000Z' },
      ]);
      const forged = await timed.call('update-deal', { params: { id: deal.id }, body: { stageHistory: [] }, headers: { 'if-match': '"3"' } });
      expect(forged.status).toBe(400);
    } finally {
      await timed.close();
    }
  });

  it('refuses to let a stage that deals are in vanish, and lets an unused one go', async () => {
    await change(withEngaging, '"0"');
    await create(t, 'deal', { name: 'In engaging', stage: 'engaging' });
    const withoutEngaging = withEngaging.filter((stage) => stage.id !== 'engaging');
    const refused = await change(withoutEngaging, '"1"');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'PIPELINE.STAGE_IN_USE', details: { stageId: 'engaging' } });
    const withoutProposal = withEngaging.filter((stage) => stage.id !== 'proposal');
    expect((await change(withoutProposal, '"1"')).body.version).toBe(2);
    // Renaming keeps the id, so the deals stay where they are.
    const renamed = withoutProposal.map((stage) => (stage.id === 'engaging' ? { ...stage, name: 'In talks' } : stage));
    expect((await change(renamed, '"2"')).status).toBe(200);
  });

  it("tells an admin each stage's open deals and which stages deals are in, as the removal rule sees them", async () => {
    await change(withEngaging, '"0"');
    await create(t, 'deal', { name: 'First', stage: 'engaging', amount: 100 });
    const moved = await create(t, 'deal', { name: 'Second', stage: 'engaging' });
    await create(t, 'deal', { name: 'Closed', stage: 'won', amount: 50 });
    const use = await t.call('pipeline-use', { token: admin });
    expect(use.status).toBe(200);
    expect(use.body.stages).toEqual([
      { id: 'prospecting', openDeals: 0, inUse: false },
      { id: 'engaging', openDeals: 2, inUse: true },
      { id: 'proposal', openDeals: 0, inUse: false },
      { id: 'won', openDeals: 0, inUse: true },
      { id: 'lost', openDeals: 0, inUse: false },
    ]);
    // A deal moving on moves its count; the won stage keeps its closed deal, so it stays.
    await t.call('update-deal', { params: { id: moved.id }, body: { stage: 'proposal' }, headers: { 'if-match': '"1"' } });
    const after = (await t.call('pipeline-use', { token: admin })).body.stages;
    expect(after.map((stage: { openDeals: number }) => stage.openDeals)).toEqual([0, 1, 1, 0, 0]);
    const refused = await change([...withEngaging.filter((stage) => stage.kind !== 'won'), { id: 'signed', name: 'Signed', probability: 100, kind: 'won' }], '"1"');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'PIPELINE.STAGE_IN_USE', details: { stageId: 'won' } });
    expect((await t.call('pipeline-use', { token: await t.token(TENANT_A, 'rep-1', ['rep']) })).status).toBe(403);
  });

  it('is for admins only, and never overwrites a change it did not see', async () => {
    const rep = await change(withEngaging, '"0"', await t.token(TENANT_A, 'rep-1', ['rep']));
    expect(rep.status).toBe(403);
    expect(rep.body.error.code).toBe('AUTH.ROLE_REQUIRED');
    expect((await change(withEngaging, '"0"')).status).toBe(200);
    const stale = await change(defaultPipeline.stages, '"0"');
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('RECORD.STALE_VERSION');
    expect((await t.call('update-pipeline', { token: admin, body: { stages: withEngaging } })).status).toBe(428);
  });

  it.each([
    ['no won stage', withEngaging.filter((stage) => stage.kind !== 'won'), /at least one won stage/],
    ['a repeated id', [...withEngaging, withEngaging[0]], /appears twice/],
    ['a won stage below 100%', withEngaging.map((stage) => (stage.kind === 'won' ? { ...stage, probability: 90 } : stage)), /must have probability 100/],
    ['a probability over 100', withEngaging.map((stage) => ({ ...stage, probability: stage.kind === 'open' ? 150 : stage.probability })), /100/],
  ])('answers %s with 400 naming the problem', async (_, stages, message) => {
    const response = await change(stages, '"0"');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
  });
});
