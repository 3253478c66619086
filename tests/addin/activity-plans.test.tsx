/** @jest-environment ./tests/stubs/jsdom-with-node-environment.js */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Activity, ActivityPlan, Goal, Member } from '@rapport/shared';
import type { Role } from '@rapport/shared/members/member.schema';
import { createApiClient } from '../../addin/src/api/client';
import { ActivityPlans } from '../../addin/src/dashboard/ActivityPlans';
import { ApplyPlanForm } from '../../addin/src/components/activity-plans/ApplyPlanForm';
import { MyNumbers } from '../../addin/src/components/goals/MyNumbers';
import { GoalsGrid } from '../../addin/src/dashboard/GoalsGrid';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { mondayOf } from '@rapport/shared/goals/goal.rules';
import type { LocalApp } from '../../functions/src/local/local-mode';
import type { RunningServer } from '../../functions/src/server';
import { startInProcessApi, type InProcessApi } from './in-process-api';
import { renderInPane } from './pane-harness';

// Activity plans over the real API and store: a manager writes a plan on the dashboard and applies it to a rep's contact
// from the pane and to a team; the pane says how many activities were planned for whom. A rep's weekly target shows in
// My numbers' Week.

jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 30_000 });

const REP = 'avery-rep';
const REP2 = 'bruno-rep';
const MANAGER = 'morgan-manager';
const ADMIN = 'sam-admin';
const names: Record<string, string> = { [REP]: 'Avery Quinn', [REP2]: 'Bruno Lima', [MANAGER]: 'Morgan Blake', [ADMIN]: 'Sam Patel' };
const roleOf: Record<string, Role> = { [REP]: 'rep', [REP2]: 'rep', [MANAGER]: 'manager', [ADMIN]: 'admin' };

describe('activity plans in the pane and the dashboard', () => {
  let api: InProcessApi;
  let app: LocalApp;
  let server: RunningServer;
  let tenants = 0;
  let tenant: string;

  const tokenOf = (userId: string) => app.issuer.issue({ tenantId: tenant, userId, roles: [roleOf[userId]!], name: names[userId]! });
  const asUser = async <T,>(userId: string, method: string, route: string, body?: object, headers: Record<string, string> = {}): Promise<T> => {
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${await tokenOf(userId)}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  const created = <T,>(userId: string, route: string, body: object) => asUser<T>(userId, 'POST', route, body, { 'idempotency-key': crypto.randomUUID() });
  const onboarding = {
    name: 'New customer onboarding',
    steps: [
      { dayOffset: 1, kind: 'call', subject: 'Welcome call' },
      { dayOffset: 5, kind: 'meeting', subject: 'Kick-off meeting' },
      { dayOffset: 30, kind: 'call', subject: 'Check-in after 30 days' },
    ],
  };
  const plannedFor = async (ownerId: string) => (await asUser<{ items: Activity[] }>(MANAGER, 'GET', `/api/activities?ownerId=${ownerId}&limit=100`)).items;

  const render = (ui: React.ReactNode, as: string, language?: string) => {
    const client = createApiClient({ baseUrl: server.url, getToken: () => tokenOf(as) });
    return renderInPane(<MeProvider>{ui}</MeProvider>, { api: client, ...(language ? { language } : {}) });
  };

  beforeAll(async () => {
    api = await startInProcessApi('plans-pane');
    ({ app, server } = api);
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    tenant = `tenant-plans-${++tenants}`;
    for (const userId of [MANAGER, REP, REP2]) await asUser(userId, 'GET', '/api/me');
  });

  it('lets a manager write a plan of dated steps on the dashboard, and lists it with its steps', async () => {
    render(<ActivityPlans members={[]} territories={[]} />, MANAGER);
    expect(await screen.findByText('No activity plans yet. Create one, e.g. “New customer onboarding”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New plan' }));
    const form = screen.getByRole('form', { name: 'New plan' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Name' }), { target: { value: 'Onboarding' } });
    fireEvent.change(within(form).getByRole('spinbutton', { name: 'Step 1: Day' }), { target: { value: '1' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Step 1: Subject' }), { target: { value: 'Welcome call' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a step' }));
    fireEvent.change(within(form).getByRole('spinbutton', { name: 'Step 2: Day' }), { target: { value: '30' } });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Step 2: Type' }), { target: { value: 'meeting' } });
    // A step without a subject is said before anything is sent.
    fireEvent.click(within(form).getByRole('button', { name: 'Save plan' }));
    expect(await within(form).findByRole('alert')).toHaveProperty('textContent', 'Give the plan a name and each step a subject and a day from 0 to 365.');
    fireEvent.change(within(form).getByRole('textbox', { name: 'Step 2: Subject' }), { target: { value: 'Check-in' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save plan' }));

    const list = await screen.findByRole('list', { name: 'Activity plans' });
    expect(within(list).getByText('Onboarding')).toBeTruthy();
    expect(within(list).getByText('Day 1: Call · Welcome call')).toBeTruthy();
    expect(within(list).getByText('Day 30: Meeting · Check-in')).toBeTruthy();
    const [stored] = (await asUser<{ items: ActivityPlan[] }>(MANAGER, 'GET', '/api/activity-plans')).items;
    expect(stored?.steps).toEqual([
      { dayOffset: 1, kind: 'call', subject: 'Welcome call' },
      { dayOffset: 30, kind: 'meeting', subject: 'Check-in' },
    ]);
  });

  it("applies a plan to a rep's contact from the pane, for the rep, and says so; applying it again plans nothing twice", async () => {
    await created(MANAGER, '/api/activity-plans', onboarding);
    const contact = await created<{ id: string }>(REP, '/api/contacts', { firstName: 'Lia', lastName: 'Costa' });
    render(<ApplyPlanForm record={{ kind: 'contact', id: contact.id }} />, MANAGER);
    const form = await screen.findByRole('form', { name: 'Apply New customer onboarding' });
    fireEvent.change(within(form).getByLabelText('Start day'), { target: { value: '2026-12-07' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Apply' }));
    expect(await within(form).findByText('3 activities planned for Avery Quinn.')).toBeTruthy();
    const planned = (await plannedFor(REP)).map((activity) => [activity.subject, activity.at.slice(0, 10), activity.status, activity.contactIds]);
    expect(planned).toEqual(
      expect.arrayContaining([
        ['Welcome call', '2026-12-08', 'planned', [contact.id]],
        // Day 5 is a Saturday: moved to Monday.
        ['Kick-off meeting', '2026-12-14', 'planned', [contact.id]],
        ['Check-in after 30 days', '2027-01-06', 'planned', [contact.id]],
      ]),
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Apply' }));
    expect(await within(form).findByText('Nothing new planned. 3 were already planned from this start day.')).toBeTruthy();
    expect(await plannedFor(REP)).toHaveLength(3);
  });

  it("applies a plan to a team's open deals from the dashboard, naming each owner, in Portuguese", async () => {
    await created(MANAGER, '/api/activity-plans', { name: 'Follow-up', steps: [{ dayOffset: 0, kind: 'call', subject: 'Follow-up call' }] });
    for (const [owner, name] of [[REP, 'Seats'], [REP2, 'Licences']] as const) await created(owner, '/api/deals', { name, stage: 'qualification', amount: 100, currency: 'EUR' });
    // The admin puts both reps in the team Norte.
    await asUser(ADMIN, 'GET', '/api/me');
    for (const member of (await asUser<{ items: Member[] }>(ADMIN, 'GET', '/api/members?limit=100')).items.filter((candidate) => candidate.role === 'rep')) {
      await asUser(ADMIN, 'PATCH', `/api/members/${member.id}`, { team: 'Norte' }, { 'if-match': `"${member.version}"` });
    }
    const members = (await asUser<{ items: Member[] }>(MANAGER, 'GET', '/api/members?limit=100')).items;
    render(<ApplyPlanForm groups={{ members, territories: [] }} />, MANAGER, 'pt-BR');
    const form = await screen.findByRole('form', { name: 'Aplicar Follow-up' });
    expect((within(form).getByRole('combobox', { name: 'Equipe' }) as HTMLSelectElement).value).toBe('Norte');
    fireEvent.click(within(form).getByRole('button', { name: 'Aplicar' }));
    expect(await within(form).findByText('2 atividades planejadas para Avery Quinn e Bruno Lima.')).toBeTruthy();
  });

  it('says in words when a team has more records than one apply takes, and plans none', async () => {
    const steps = Array.from({ length: 50 }, (_, n) => ({ dayOffset: n, kind: 'task', subject: `Step ${n + 1}` }));
    await created(MANAGER, '/api/activity-plans', { name: 'Long', steps });
    await asUser(ADMIN, 'GET', '/api/me');
    const [rep] = (await asUser<{ items: Member[] }>(ADMIN, 'GET', '/api/members?limit=100')).items.filter((member) => member.id === REP);
    await asUser(ADMIN, 'PATCH', `/api/members/${REP}`, { team: 'North' }, { 'if-match': `"${rep!.version}"` });
    for (let n = 0; n < 21; n++) await created(REP, '/api/companies', { name: `Company ${n}` });
    const members = (await asUser<{ items: Member[] }>(MANAGER, 'GET', '/api/members?limit=100')).items;
    render(<ApplyPlanForm groups={{ members, territories: [] }} />, MANAGER);
    const form = await screen.findByRole('form', { name: 'Apply Long' });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Records' }), { target: { value: 'companies' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Apply' }));
    expect(await within(form).findByText(/^That is more than one plan takes at once \(at most 200 records and 1,000 activities\)\./)).toBeTruthy();
    expect(await plannedFor(REP)).toEqual([]);
  });

  it("shows a rep's weekly calls target in My numbers' Week, and beside the month's calls goal", async () => {
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    await created(MANAGER, '/api/goals', { scope: 'rep', memberId: REP, metric: 'activities', activityKind: 'call', period: 'week', start: mondayOf(today), target: 20 });
    await created(MANAGER, '/api/goals', { scope: 'rep', memberId: REP, metric: 'activities', activityKind: 'call', period: 'month', start: today.slice(0, 7), target: 80 });
    await created(REP, '/api/activities', { kind: 'call', subject: 'Call', at: new Date(now.getTime() - 60_000).toISOString(), status: 'done' });
    render(<MyNumbers />, REP);
    const month = within(await screen.findByRole('list', { name: 'My numbers' })).getByRole('listitem');
    await within(month).findByText(/^Weekly target: 20 a week, about \d+ over this month\.$/);
    fireEvent.click(screen.getByRole('tab', { name: 'Week' }));
    await waitFor(() => expect(screen.queryByText(/^Weekly target/)).toBeNull());
    const week = within(await screen.findByRole('list', { name: 'My numbers' })).getByRole('listitem');
    expect(within(week).getByText('Calls done')).toBeTruthy();
    // The call an instant ago counts, unless this week began after it (a Monday's first minute).
    expect(within(week).getByText(/^[01] of 20$/)).toBeTruthy();
  });

  it("sets a rep's weekly calls target in the goals grid, on the week's Monday; Week is offered for activities only", async () => {
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const monday = mondayOf(today);
    const weekName = `Week of ${new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${monday}T00:00:00Z`))}`;
    render(<GoalsGrid />, MANAGER);
    await screen.findByRole('table', { name: 'Set goals' });
    const periods = screen.getByRole('combobox', { name: 'Periods' });
    expect(within(periods).queryByRole('option', { name: 'Week' })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Metric' }), { target: { value: 'activities:call' } });
    fireEvent.change(periods, { target: { value: 'week' } });
    const cell = await screen.findByRole('textbox', { name: `Calls done goal of Avery Quinn for ${weekName}` });
    fireEvent.change(cell, { target: { value: '20' } });
    fireEvent.blur(cell);
    await waitFor(async () =>
      expect((await asUser<{ items: Goal[] }>(MANAGER, 'GET', '/api/goals?limit=100')).items.map((goal) => [goal.memberId, goal.metric, goal.activityKind, goal.period, goal.start, goal.target])).toEqual([
        [REP, 'activities', 'call', 'week', monday, 20],
      ]),
    );
  });
});
