import type { Member } from '@rapport/shared';
import { createTestApp, create, TENANT_A, TENANT_B, USER_A, type TestApp, testStores } from './test-app';

const MANAGER = 'manager-m';
const at = '2026-11-01T00:00:00.000Z';
const member = (id: string, displayName: string, role: Member['role'], managerId?: string): Member => ({
  tenantId: TENANT_A,
  id,
  createdAt: at,
  createdBy: MANAGER,
  updatedAt: at,
  updatedBy: MANAGER,
  ownerId: MANAGER,
  version: 1,
  displayName,
  email: `${id}@rapport-demo.com`,
  role,
  ...(managerId ? { managerId } : {}),
});

describe.each(testStores)('on %s', (store) => {
  let t: TestApp;
  let contactId: string;
  beforeEach(async () => {
    t = await createTestApp({ store });
    await t.app.store.createMany('member', [
      member(MANAGER, 'Morgan Blake', 'manager'),
      member(USER_A, 'Avery Quinn', 'rep', MANAGER),
      member('user-c', 'Chiara Bellini', 'rep', MANAGER),
      member('user-d', 'Dana Outside', 'rep'),
    ]);
    contactId = (await create(t, 'contact', { lastName: 'Doe' })).id;
  });
  afterEach(async () => {
    await t.close();
  });

  const meeting = async (subject: string, when: string, userId = USER_A, extra: object = {}) =>
    create(t, 'activity', { kind: 'meeting', subject, at: when, durationMinutes: 30, status: 'planned', contactIds: [contactId], ...extra }, await t.token(TENANT_A, userId));
  const week = { from: '2026-11-23T00:00:00+01:00', to: '2026-11-30T00:00:00+01:00' };

  describe('GET /api/appointments', () => {
    it("lists the user's appointments in the range, earliest first, with their owners' names", async () => {
      await meeting('Thursday demo', '2026-11-26T10:00:00+01:00');
      await meeting('Monday call', '2026-11-23T09:00:00+01:00', USER_A, { contactMethod: 'phone' });
      await meeting('Sunday before', '2026-11-22T22:30:00Z'); // 23:30 in Madrid, the day before the week
      await meeting('Next week', '2026-11-30T09:00:00+01:00');
      await create(t, 'activity', { kind: 'task', subject: 'Not a meeting', at: '2026-11-24T09:00:00Z', status: 'planned', contactIds: [contactId] });
      await meeting("Chiara's visit", '2026-11-24T11:00:00+01:00', 'user-c');

      const response = await t.call('list-appointments', { query: week });
      expect(response.status).toBe(200);
      expect(response.body.appointments.map((appointment: { subject: string }) => appointment.subject)).toEqual(['Monday call', 'Thursday demo']);
      expect(response.body.appointments[0]).toMatchObject({ contactMethod: 'phone', durationMinutes: 30, status: 'planned', contactIds: [contactId] });
      expect(response.body.owners).toEqual({ [USER_A]: { displayName: 'Avery Quinn' } });
      expect(response.body.capped).toBe(false);
    });

    it("shows a manager the team's appointments, and refuses a rep the team's", async () => {
      await meeting('Monday call', '2026-11-23T09:00:00+01:00');
      await meeting("Chiara's visit", '2026-11-24T11:00:00+01:00', 'user-c');
      await meeting("Dana's lunch", '2026-11-24T12:00:00+01:00', 'user-d');
      await meeting('Team review', '2026-11-25T09:00:00+01:00', MANAGER);

      const asManager = await t.call('list-appointments', { query: { ...week, scope: 'team' }, token: await t.token(TENANT_A, MANAGER, ['manager']) });
      expect(asManager.status).toBe(200);
      expect(asManager.body.appointments.map((appointment: { subject: string }) => appointment.subject)).toEqual(['Monday call', "Chiara's visit", 'Team review']);
      expect(Object.values(asManager.body.owners).map((owner) => (owner as { displayName: string }).displayName).sort()).toEqual(['Avery Quinn', 'Chiara Bellini', 'Morgan Blake']);

      const asRep = await t.call('list-appointments', { query: { ...week, scope: 'team' } });
      expect(asRep.status).toBe(403);
      expect(asRep.body.error.code).toBe('APPOINTMENTS.TEAM_FORBIDDEN');
    });

    it("never shows another tenant's appointments", async () => {
      await meeting('Monday call', '2026-11-23T09:00:00+01:00');
      const other = await t.call('list-appointments', { query: week, token: await t.token(TENANT_B, USER_A, ['admin']) });
      expect(other.body.appointments).toEqual([]);
      const otherTeam = await t.call('list-appointments', { query: { ...week, scope: 'team' }, token: await t.token(TENANT_B, USER_A, ['admin']) });
      expect(otherTeam.body.appointments).toEqual([]);
    });

    it('refuses a range that ends before it starts or spans more than 35 days', async () => {
      const backwards = await t.call('list-appointments', { query: { from: week.to, to: week.from } });
      expect(backwards.status).toBe(400);
      const tooLong = await t.call('list-appointments', { query: { from: '2026-11-01T00:00:00Z', to: '2026-12-31T00:00:00Z' } });
      expect(tooLong.status).toBe(400);
      expect(JSON.stringify(tooLong.body.error)).toMatch(/35 days/);
    });
  });

  describe('logging how a meeting went', () => {
    it('refuses held or no-show before the meeting starts (409 ACTIVITY.NOT_STARTED), and takes them once it has', async () => {
      let clock = Date.parse('2026-11-24T09:00:00Z');
      const timed = await createTestApp({ store, now: () => new Date(clock) });
      try {
        const planned = await create(timed, 'activity', { kind: 'meeting', subject: 'Demo', at: '2026-11-24T10:00:00Z', durationMinutes: 30, status: 'planned', contactIds: [] });
        const early = await timed.call('update-activity', { params: { id: planned.id }, body: { status: 'done', outcome: 'held' }, headers: { 'if-match': '"1"' } });
        expect(early.status).toBe(409);
        expect(early.body.error).toMatchObject({ code: 'ACTIVITY.NOT_STARTED', details: { field: 'outcome' } });
        const bornHeld = await timed.call('create-activity', { body: { kind: 'meeting', subject: 'Future', at: '2026-11-25T10:00:00Z', outcome: 'no-show', contactIds: [] } });
        expect(bornHeld.status).toBe(409);
        // Calling it off is an outcome a meeting can have before it starts.
        const other = await create(timed, 'activity', { kind: 'meeting', subject: 'Lunch', at: '2026-11-24T12:00:00Z', status: 'planned', contactIds: [] });
        const cancelled = await timed.call('update-activity', { params: { id: other.id }, body: { status: 'cancelled', outcome: 'cancelled' }, headers: { 'if-match': '"1"' } });
        expect(cancelled.status).toBe(200);

        // A caller whose clock runs a minute ahead of the server's may log it as it starts.
        clock = Date.parse('2026-11-24T09:59:00Z');
        const held = await timed.call('update-activity', { params: { id: planned.id }, body: { status: 'done', outcome: 'held' }, headers: { 'if-match': '"1"' } });
        expect(held.body).toMatchObject({ status: 'done', outcome: 'held', version: 2 });
        // Moving a held meeting into the future is refused: it would be held before it starts.
        const moved = await timed.call('update-activity', { params: { id: planned.id }, body: { at: '2026-12-01T10:00:00Z' }, headers: { 'if-match': '"2"' } });
        expect(moved.status).toBe(409);
        // An outcome already logged does not block later edits.
        clock = Date.parse('2026-11-20T10:00:00Z');
        const noted = await timed.call('update-activity', { params: { id: planned.id }, body: { notes: 'Went well' }, headers: { 'if-match': '"2"' } });
        expect(noted.status).toBe(200);
      } finally {
        await timed.close();
      }
    });
  });
});
