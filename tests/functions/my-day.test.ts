import { createTestApp, create, TENANT_A, type TestApp, testStores } from './test-app';

// Every API behaviour, on each store adapter.
describe.each(testStores)('on %s', (store) => {
  let t: TestApp;
  let contactId: string;
  beforeEach(async () => {
    t = await createTestApp({ store });
    contactId = (await create(t, 'contact', { lastName: 'Doe' })).id;
  });
  afterEach(async () => {
    await t.close();
  });

  // The user's day in Madrid: 2026-11-23 00:00 to 24:00 at +01:00.
  const day = { dayStart: '2026-11-23T00:00:00+01:00', dayEnd: '2026-11-24T00:00:00+01:00' };
  const activity = (kind: string, subject: string, at: string, extra: object = {}) => create(t, 'activity', { kind, subject, at, contactIds: [contactId], ...extra });

  describe('GET /api/my-day', () => {
    it("gives today's meetings, overdue and due-today tasks, and counters of planned work", async () => {
      await activity('task', 'Send quote', '2026-11-20T09:00:00Z', { status: 'planned' });
      await activity('task', 'Call back', '2026-11-22T22:30:00Z', { status: 'planned' }); // 23:30 in Madrid: yesterday
      await activity('task', 'Prepare proposal', '2026-11-23T15:00:00+01:00', { status: 'planned' });
      await activity('task', 'Done already', '2026-11-23T08:00:00Z', { status: 'done' });
      await activity('call', 'Planned call', '2026-11-23T10:00:00Z', { status: 'planned' });
      await activity('meeting', 'Demo', '2026-11-23T16:00:00+01:00', { status: 'planned' });
      await activity('meeting', 'Breakfast', '2026-11-23T08:00:00+01:00', { status: 'done', outcome: 'held' });
      await activity('meeting', 'Cancelled lunch', '2026-11-23T12:00:00Z', { status: 'cancelled' });
      await activity('task', 'Next week', '2026-11-27T09:00:00Z', { status: 'planned' });
      await activity('task', 'Later', '2026-12-20T09:00:00Z', { status: 'planned' });
      await create(t, 'activity', { kind: 'task', subject: "Someone else's", at: '2026-11-20T09:00:00Z', status: 'planned' }, await t.token(TENANT_A, 'user-b'));

      const response = await t.call('my-day', { query: day });
      expect(response.status).toBe(200);
      const subjects = (items: { subject: string }[]) => items.map((item) => item.subject);
      expect(subjects(response.body.appointments)).toEqual(['Breakfast', 'Demo']);
      expect(subjects(response.body.overdueTasks)).toEqual(['Call back', 'Send quote']);
      expect(subjects(response.body.dueTodayTasks)).toEqual(['Prepare proposal']);
      expect(response.body.counters).toEqual({ overdue: 2, dueToday: 3, nextSevenDays: 1 });
      expect(response.body.capped).toBe(false);
    });

    it('drops a task from the counters once it is done', async () => {
      const task = await activity('task', 'Send quote', '2026-11-20T09:00:00Z', { status: 'planned' });
      await t.call('update-activity', { params: { id: task.id }, headers: { 'if-match': '1' }, body: { status: 'done', outcome: 'completed' } });
      expect((await t.call('my-day', { query: day })).body.counters.overdue).toBe(0);
    });

    it('refuses a day that ends before it starts or spans more than 48 hours', async () => {
      expect((await t.call('my-day', { query: { dayStart: day.dayEnd, dayEnd: day.dayStart } })).status).toBe(400);
      expect((await t.call('my-day', { query: { dayStart: '2026-11-01T00:00:00Z', dayEnd: '2026-11-30T00:00:00Z' } })).status).toBe(400);
      expect((await t.call('my-day', { query: { dayStart: 'today' } })).status).toBe(400);
    });
  });

  describe('timestamps', () => {
    it('are stored in UTC, so a timeline orders by time whatever offset the client sent', async () => {
      const early = await activity('note', 'Early (Berlin)', '2026-10-01T11:00:00+02:00');
      await activity('note', 'Later (UTC)', '2026-10-01T09:30:00Z');
      expect(early.at).toBe('2026-10-01T09:00:00.000Z');
      const timeline = await t.call('contact-timeline', { params: { id: contactId } });
      expect(timeline.body.items.map((item: { subject: string }) => item.subject)).toEqual(['Later (UTC)', 'Early (Berlin)']);
    });
  });
});
