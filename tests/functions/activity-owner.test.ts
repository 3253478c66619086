import { createTestApp, create, TENANT_A, type TestApp } from './test-app';

// Completing, snoozing and deleting an activity where the pane lists it: its owner may, a colleague may not, a manager
// may (the pane hides the actions from whoever may not; the API refuses anyway).
describe("who may complete, snooze or delete an activity", () => {
  let t: TestApp;
  let rep: string;
  let colleague: string;
  let manager: string;
  let task: { id: string; version: number };
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    rep = await t.token(TENANT_A, 'rep-1', ['rep']);
    colleague = await t.token(TENANT_A, 'rep-2', ['rep']);
    manager = await t.token(TENANT_A, 'manager-1', ['manager']);
    task = await create(t, 'activity', { kind: 'task', subject: 'Send the quote', at: '2026-12-02T08:00:00Z', status: 'planned' }, rep);
  });
  const patch = (token: string, body: object, version = task.version) =>
    t.call('update-activity', { token, params: { id: task.id }, body, headers: { 'if-match': `"${version}"` } });
  const remove = (token: string, version = task.version) => t.call('delete-activity', { token, params: { id: task.id }, headers: { 'if-match': `"${version}"` } });

  it("refuses a rep who completes, snoozes or deletes a colleague's task, and changes nothing", async () => {
    for (const refused of [await patch(colleague, { status: 'done' }), await patch(colleague, { at: '2026-12-03T08:00:00Z' }), await remove(colleague)]) {
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('AUTH.NOT_RECORD_OWNER');
    }
    const stored = await t.call('get-activity', { token: rep, params: { id: task.id } });
    expect(stored.body).toMatchObject({ status: 'planned', at: '2026-12-02T08:00:00.000Z', version: task.version });
  });

  it('lets the owner complete and reopen their task at the version read, and refuses a stale one', async () => {
    const done = await patch(rep, { status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    expect((await patch(rep, { status: 'planned' })).status).toBe(412);
    expect((await patch(rep, { status: 'planned' }, done.body.version)).body.status).toBe('planned');
  });

  it("lets a manager complete and delete a rep's task", async () => {
    const done = await patch(manager, { status: 'done' });
    expect(done.status).toBe(200);
    expect((await remove(manager, done.body.version)).status).toBe(204);
    expect((await t.call('get-activity', { token: rep, params: { id: task.id } })).status).toBe(404);
  });
});
