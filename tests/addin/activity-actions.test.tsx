/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { quickDateAt, type Activity } from '@rapport/shared';
import { ActivityActions } from '../../addin/src/components/activity-actions/ActivityActions';
import { LastActionNotice } from '../../addin/src/components/activity-actions/LastActionNotice';
import type { CalendarApi } from '../../addin/src/graph/calendar';
import { MeProvider } from '../../addin/src/hooks/useMe';
// The menu loads on first use: compiled up front, so that a test waits for the pane, not for ts-jest.
import '../../addin/src/components/activity-actions/ActivityMenu';
import '../../addin/src/components/ChangeError';
import { fail, fakeApi, renderInPane, type FakeRoute } from './pane-harness';

const stamp = { tenantId: 't', createdAt: '2026-11-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-11-01T00:00:00Z', updatedBy: 'u' };
const me = (role: 'rep' | 'manager') => ({
  tenantId: 't',
  userId: 'me',
  roles: [role],
  rolesFrom: 'member',
  capabilities: { editOthersRecords: role !== 'rep', reassign: role !== 'rep', viewTeam: role !== 'rep', manageSettings: false, importLists: role !== 'rep' },
});
const task: Activity = {
  ...stamp,
  id: 'a1',
  version: 3,
  ownerId: 'me',
  kind: 'task',
  subject: 'Send the quote to Ana',
  at: '2026-11-30T08:00:00.000Z',
  status: 'planned',
  priority: 'normal',
  participants: [],
  contactIds: ['c1'],
};
// Wednesday 2 December 2026, 09:00 in Auckland; still Tuesday the 1st in UTC.
const NOW = Date.parse('2026-12-01T20:00:00Z');
const auckland = { timeZone: 'Pacific/Auckland', workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' } };

function show(activity: Activity, options: { role?: 'rep' | 'manager'; routes?: Record<string, FakeRoute>; language?: string; mailbox?: typeof auckland; notice?: boolean } = {}) {
  const fake = fakeApi({
    'GET /api/me': () => me(options.role ?? 'rep'),
    'GET /api/activities/{id}': () => activity,
    'PATCH /api/activities/{id}': (request) => ({ ...activity, ...(request.body as object), version: activity.version + 1 }),
    ...options.routes,
  });
  const calendar = { mailboxSettings: async () => options.mailbox ?? auckland } as unknown as CalendarApi;
  renderInPane(
    <MeProvider>
      {options.notice ? <LastActionNotice /> : null}
      <ActivityActions activity={activity} />
    </MeProvider>,
    { api: fake.api, loadCalendar: async () => calendar, ...(options.language ? { language: options.language } : {}) },
  );
  return fake;
}
// Found by their text, not by role: role queries over Fluent's DOM are slow.
const openMenu = async (subject = task.subject, label = 'More actions') => {
  fireEvent.click(await screen.findByLabelText(`${label}: ${subject}`));
  return screen.findByLabelText(`${label}: ${subject}`, { selector: '[role="menu"]' });
};
const item = (text: string | RegExp) => screen.getByText(text).closest('[role="menuitem"]') as HTMLElement;
const button = (text: string) => screen.getByText(text).closest('button') as HTMLElement;

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('acting on an activity where it is listed', () => {
  it('completes a planned task at the version read, then offers to reopen it', async () => {
    const { sentTo } = show(task);
    fireEvent.click(await screen.findByText('Complete'));
    await screen.findByText('Reopen');
    const [sent] = sentTo('PATCH /api/activities/{id}');
    expect(sent).toMatchObject({ params: { id: 'a1' }, body: { status: 'done' }, headers: { 'if-match': '"3"' } });
    // Reopened at the version the completion answered with.
    fireEvent.click(screen.getByText('Reopen'));
    await waitFor(() => expect(sentTo('PATCH /api/activities/{id}')).toHaveLength(2));
    expect(sentTo('PATCH /api/activities/{id}')[1]).toMatchObject({ body: { status: 'planned' }, headers: { 'if-match': '"4"' } });
  });

  it('says above the list what was completed, with Undo, which puts the task back at the version the completion left', async () => {
    const { sentTo } = show(task, { notice: true });
    fireEvent.click(await screen.findByText('Complete'));
    await screen.findByText('“Send the quote to Ana” completed.');
    fireEvent.click(button('Undo'));
    await waitFor(() => expect(sentTo('PATCH /api/activities/{id}')).toHaveLength(2));
    expect(sentTo('PATCH /api/activities/{id}')[1]).toMatchObject({ body: { status: 'planned' }, headers: { 'if-match': '"4"' } });
    await waitFor(() => expect(screen.queryByText('“Send the quote to Ana” completed.')).toBeNull());
  });

  it("shows nothing to a rep on a colleague's activity, and the actions to a manager", async () => {
    const colleagues = { ...task, ownerId: 'colleague' };
    show(colleagues, { role: 'rep' });
    // The pane knows who the user is once /api/me answered; still no buttons then.
    await waitFor(() => expect(screen.queryByText('Complete')).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByLabelText(`More actions: ${task.subject}`)).toBeNull();
    document.body.innerHTML = '';
    show(colleagues, { role: 'manager' });
    expect(await screen.findByText('Complete')).toBeTruthy();
  });

  it("snoozes a task to a quick date at the start of the mailbox's working day, in its time zone", async () => {
    const { sentTo } = show(task);
    await openMenu();
    // Days counted in Auckland: tomorrow is Thursday the 3rd there, next week Monday the 7th.
    // Offered once the mailbox's settings are read.
    await waitFor(() => expect((item('Tomorrow') as HTMLButtonElement).disabled).toBe(false));
    const tomorrow = item('Tomorrow');
    expect(tomorrow.textContent).toBe('TomorrowThu, Dec 3');
    expect(item('Next week').textContent).toBe('Next weekMon, Dec 7');
    fireEvent.click(tomorrow);
    await screen.findByText(/^Snoozed: due Dec 3, 2026, 8:00/);
    const [sent] = sentTo('PATCH /api/activities/{id}');
    // 08:00 on 3 December in Auckland (UTC+13).
    expect(sent).toMatchObject({ body: { at: '2026-12-02T19:00:00.000Z' }, headers: { 'if-match': '"3"' } });
  });

  it('snoozes to a date picked, and refuses a day already past', async () => {
    const { sentTo } = show(task);
    await openMenu();
    await waitFor(() => expect((item('Pick a date…') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(item('Pick a date…'));
    const date = await screen.findByLabelText(/Snooze until/, { selector: 'input' });
    fireEvent.change(date, { target: { value: '2026-11-20' } });
    expect(screen.getByText('Pick today or a later date.')).toBeTruthy();
    fireEvent.change(date, { target: { value: '2026-12-10' } });
    fireEvent.click(button('Snooze'));
    await screen.findByText(/^Snoozed:/);
    expect(sentTo('PATCH /api/activities/{id}')[0]?.body).toEqual({ at: '2026-12-09T19:00:00.000Z' });
  });

  it('says who changed the task first when a completion is refused as stale, and applies it again at their version', async () => {
    let calls = 0;
    const { sentTo } = show(task, {
      routes: {
        'PATCH /api/activities/{id}': (request) =>
          ++calls === 1
            ? fail(412, 'RECORD.STALE_VERSION', { kind: 'activity', id: 'a1', currentVersion: 5, current: {}, changes: [{ by: { id: 'm', displayName: 'Morgan Blake' }, at: '2026-12-01T19:00:00Z', fields: ['notes'] }], changedFields: ['notes'] })
            : { ...task, ...(request.body as object), version: 6 },
      },
    });
    fireEvent.click(await screen.findByText('Complete'));
    fireEvent.click((await screen.findByText('Apply mine again')).closest('button') as HTMLElement);
    await screen.findByText('Reopen');
    expect(sentTo('PATCH /api/activities/{id}').map((request) => request.headers['if-match'])).toEqual(['"3"', '"5"']);
  });

  it('edits the subject, time and priority in place, sending only what changed, and checks the subject first', async () => {
    const { sentTo } = show(task);
    await openMenu();
    fireEvent.click(item('Edit'));
    const subject = await screen.findByLabelText(/Subject/);
    fireEvent.change(subject, { target: { value: '  ' } });
    fireEvent.click(button('Save'));
    expect(screen.getByText('Fill this in: it cannot be empty.')).toBeTruthy();
    expect(sentTo('PATCH /api/activities/{id}')).toHaveLength(0);

    fireEvent.change(subject, { target: { value: 'Send the revised quote' } });
    // The time as the clock reads it in Auckland: 08:00 UTC is 21:00 there.
    const time = screen.getByLabelText(/Time/) as HTMLInputElement;
    expect(time.value).toBe('21:00');
    fireEvent.change(time, { target: { value: '10:30' } });
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'high' } });
    fireEvent.click(button('Save'));
    await screen.findByText('Saved.');
    expect(sentTo('PATCH /api/activities/{id}')[0]?.body).toEqual({ subject: 'Send the revised quote', at: '2026-11-29T21:30:00.000Z', priority: 'high' });
  });

  it("offers a call's outcome, and sets it done with it", async () => {
    const call: Activity = { ...task, kind: 'call', subject: 'Call Ana', priority: undefined, status: 'planned', at: '2026-12-01T18:00:00.000Z' };
    const { sentTo } = show(call);
    expect(screen.queryByText('Complete')).toBeNull();
    await openMenu('Call Ana');
    fireEvent.click(item('Edit'));
    expect(screen.queryByLabelText('Priority')).toBeNull();
    fireEvent.change(await screen.findByLabelText('Outcome'), { target: { value: 'left-voicemail' } });
    fireEvent.click(button('Save'));
    await screen.findByText('Saved.');
    expect(sentTo('PATCH /api/activities/{id}')[0]?.body).toEqual({ outcome: 'left-voicemail', status: 'done' });
  });

  it("leaves a meeting booked in the calendar its time and its existence: its outcome is changed, it is not moved or deleted", async () => {
    const meeting: Activity = { ...task, kind: 'meeting', subject: 'Demo with Ana', priority: undefined, at: '2026-12-01T18:00:00.000Z', graphEventId: 'AAMk-1', iCalUId: 'ical-1' };
    const { sentTo } = show(meeting);
    await openMenu('Demo with Ana');
    expect(screen.queryByText('Delete')).toBeNull();
    fireEvent.click(item('Edit'));
    await screen.findByLabelText('Outcome');
    expect(screen.queryByLabelText('Date')).toBeNull();
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'held' } });
    fireEvent.click(button('Save'));
    await screen.findByText('Saved.');
    expect(sentTo('PATCH /api/activities/{id}')[0]?.body).toEqual({ outcome: 'held', status: 'done' });
  });

  it('deletes after a confirmation in place, and Undo restores it at the version after the delete', async () => {
    const { sentTo } = show(task, {
      routes: {
        'DELETE /api/activities/{id}': () => undefined,
        'POST /api/activities/{id}/restore': () => ({ ...task, version: 5 }),
      },
    });
    await openMenu();
    fireEvent.click(item('Delete'));
    await screen.findByText('Delete “Send the quote to Ana”? It can be restored for 30 days.');
    fireEvent.click(button('Yes, delete'));
    await screen.findByText('“Send the quote to Ana” deleted.');
    // Deleted: its other actions are gone until Undo.
    expect(screen.queryByText('Complete')).toBeNull();
    expect(sentTo('DELETE /api/activities/{id}')[0]).toMatchObject({ params: { id: 'a1' }, headers: { 'if-match': '"3"' } });
    fireEvent.click(button('Undo'));
    await screen.findByText('Complete');
    expect(sentTo('POST /api/activities/{id}/restore')[0]).toMatchObject({ headers: { 'if-match': '"4"' } });
  });

  it("dice en el idioma del usuario qué puede hacer, y usa la zona del navegador si el buzón nombra una que no conoce", async () => {
    const { sentTo } = show(task, { language: 'es-ES', mailbox: { timeZone: 'New Zealand Standard Time', workingHours: auckland.workingHours } });
    await openMenu(task.subject, 'Más acciones');
    await waitFor(() => expect((item('Mañana') as HTMLButtonElement).disabled).toBe(false));
    const tomorrow = item('Mañana');
    expect(screen.getByText('Posponer hasta')).toBeTruthy();
    fireEvent.click(tomorrow);
    await screen.findByText(/^Pospuesta: vence el/);
    // The browser's zone (the test machine's), at the start of the mailbox's working day.
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(sentTo('PATCH /api/activities/{id}')[0]?.body).toEqual({ at: quickDateAt('tomorrow', NOW, { ...auckland.workingHours, timeZone: browser }) });
  });
});
