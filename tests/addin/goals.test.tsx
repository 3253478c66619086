/** @jest-environment ./tests/stubs/jsdom-with-node-environment.js */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Goal } from '@rapport/shared';
import type { Attainment } from '@rapport/shared/goals/goals.contract';
import type { Role } from '@rapport/shared/members/member.schema';
import { createApiClient } from '../../addin/src/api/client';
import { Dashboard } from '../../addin/src/dashboard/Dashboard';
import { GoalsGrid } from '../../addin/src/dashboard/GoalsGrid';
import { GoalBandsCard } from '../../addin/src/dashboard/GoalBandsCard';
import { GoalsImport } from '../../addin/src/dashboard/GoalsImport';
import { MyNumbers } from '../../addin/src/components/goals/MyNumbers';
import { MeProvider } from '../../addin/src/hooks/useMe';
import type { LocalApp } from '../../functions/src/local/local-mode';
import { startInProcessApi, type InProcessApi } from './in-process-api';
import type { RunningServer } from '../../functions/src/server';
import { renderInPane } from './pane-harness';

// The charts are drawn by d3 (ES modules only); the reports beside the goals are not what these tests read.
jest.mock('../../addin/src/dashboard/ReportChart', () => ({ ReportChart: () => null, chartHeight: () => 200 }));

// Goals in the pane and the dashboard over the real API and store (the standalone host on a random port): a manager
// sets a rep's goal, the rep wins a deal, and My numbers shows what the API counted; the grid writes goals.

jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 30_000 });

const REP = 'avery-rep';
const MANAGER = 'morgan-manager';
const ADMIN = 'ada-admin';
const names: Record<string, string> = { [REP]: 'Avery Quinn', [MANAGER]: 'Morgan Blake', [ADMIN]: 'Ada Admin' };
const roleOf: Record<string, Role> = { [REP]: 'rep', [MANAGER]: 'manager', [ADMIN]: 'admin' };

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const thisMonth = `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
const today = `${thisMonth}-${pad(now.getDate())}`;
const monthName = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${thisMonth}-01T00:00:00Z`));

describe('goals in the pane and the dashboard', () => {
  let api: InProcessApi;
  let app: LocalApp;
  let server: RunningServer;
  let tenants = 0;
  let tenant: string;
  let sent: { method: string; path: string; headers: Record<string, string> }[];

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
  const goalsInStore = async () => (await asUser<{ items: Goal[] }>(MANAGER, 'GET', '/api/goals?limit=100')).items;
  const setGoal = (target: number) =>
    asUser<Goal>(MANAGER, 'POST', '/api/goals', { scope: 'rep', memberId: REP, metric: 'wonAmount', period: 'month', start: thisMonth, target }, { 'idempotency-key': crypto.randomUUID() });

  const render = (ui: React.ReactNode, as: string) => {
    const api = createApiClient({
      baseUrl: server.url,
      getToken: () => tokenOf(as),
      fetch: (async (url: string, init: RequestInit = {}) => {
        sent.push({ method: init.method ?? 'GET', path: new URL(url).pathname, headers: (init.headers ?? {}) as Record<string, string> });
        return fetch(url, init);
      }) as typeof fetch,
    });
    return renderInPane(<MeProvider>{ui}</MeProvider>, { api });
  };

  beforeAll(async () => {
    api = await startInProcessApi('goals-pane');
    ({ app, server } = api);
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    tenant = `tenant-goals-${++tenants}`;
    sent = [];
    // jsdom has no blob: URLs; the dashboard's report cards make one for their CSV.
    Object.assign(URL, { createObjectURL: () => 'blob:dashboard/report.csv', revokeObjectURL: () => undefined });
    // Both sign in once: members by their token's name.
    for (const userId of [MANAGER, REP]) await asUser(userId, 'GET', '/api/me');
  });

  it("shows a rep's goal with actual of target and the pace after a manager sets it and the rep wins a deal", async () => {
    await setGoal(10000);
    const { reportingCurrency } = await asUser<Attainment>(REP, 'GET', `/api/goals/attainment?day=${today}`);
    await asUser(REP, 'POST', '/api/deals', { name: 'Seats', stage: 'won', amount: 2500, currency: reportingCurrency }, { 'idempotency-key': crypto.randomUUID() });
    render(<MyNumbers />, REP);

    const goal = within(await screen.findByRole('list', { name: 'My numbers' })).getByRole('listitem');
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: reportingCurrency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
    expect(within(goal).getByText('Won amount')).toBeTruthy();
    expect(within(goal).getByText(`${money.format(2500)} of ${money.format(10000)}`)).toBeTruthy();
    expect(within(goal).getByRole('progressbar', { name: 'Won amount: 25% reached' })).toBeTruthy();
    // The pace is the API's projection at the moment it answered (so it moves by the minute early in a month: the
    // pane's and a second read agree within a few percent); the date is the month's last day.
    const { reps } = await asUser<Attainment>(REP, 'GET', `/api/goals/attainment?day=${today}`);
    const lastDay = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short' }).format(new Date(now.getFullYear(), now.getMonth() + 1, 0));
    const shown = within(goal).getByText(new RegExp(`^At this rate: [\\d,]+% by ${lastDay}$`)).textContent ?? '';
    const shownPace = Number(/([\d,]+)%/.exec(shown)![1]!.replace(/,/g, '')) / 100;
    expect(Math.abs(shownPace - reps[0]!.paceRatio!) / reps[0]!.paceRatio!).toBeLessThan(0.05);
    // The company has no goal of its own: the sum of its reps' (the only one), 25 % of it reached.
    expect(within(goal).getByText(/Company: 25%/)).toBeTruthy();
  });

  it('says who sets goals when the rep has none this period', async () => {
    render(<MyNumbers />, REP);
    expect(await screen.findByText('No goals for this month yet. Your manager sets them.')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Quarter' }));
    expect(await screen.findByText('No goals for this quarter yet. Your manager sets them.')).toBeTruthy();
  });

  it('creates, changes and deletes a goal from the grid, sending the version it read', async () => {
    render(<GoalsGrid />, MANAGER);
    const cell = await screen.findByRole('textbox', { name: `Won amount goal of Avery Quinn for ${monthName}` });
    fireEvent.change(cell, { target: { value: '12,000' } });
    fireEvent.blur(cell);
    await waitFor(async () => expect((await goalsInStore()).map((goal) => [goal.memberId, goal.metric, goal.period, goal.start, goal.target])).toEqual([[REP, 'wonAmount', 'month', thisMonth, 12000]]));
    await waitFor(() => expect((cell as HTMLInputElement).value).toBe('12000'));

    const [created] = await goalsInStore();
    fireEvent.change(cell, { target: { value: '15000' } });
    fireEvent.keyDown(cell, { key: 'Enter' });
    await waitFor(async () => expect((await goalsInStore())[0]?.target).toBe(15000));
    const patch = sent.find((request) => request.method === 'PATCH');
    expect(patch?.headers['if-match']).toBe(`"${created!.version}"`);

    fireEvent.change(cell, { target: { value: '' } });
    fireEvent.blur(cell);
    await waitFor(async () => expect(await goalsInStore()).toEqual([]));
    expect(sent.filter((request) => request.method === 'DELETE')).toHaveLength(1);
    await waitFor(() => expect((cell as HTMLInputElement).value).toBe(''));
  });

  it("patches the goal someone else created meanwhile instead of failing, and says what is wrong with a bad number at its cell", async () => {
    render(<GoalsGrid />, MANAGER);
    const cell = await screen.findByRole('textbox', { name: `Won amount goal of Avery Quinn for ${monthName}` });
    // Another manager sets it after the grid read the goals: the grid's create is a 409 naming theirs.
    const theirs = await setGoal(8000);
    fireEvent.change(cell, { target: { value: '9000' } });
    fireEvent.blur(cell);
    await waitFor(async () => expect((await goalsInStore()).map((goal) => [goal.id, goal.target])).toEqual([[theirs.id, 9000]]));

    fireEvent.change(cell, { target: { value: 'lots' } });
    fireEvent.blur(cell);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Enter a number of 0 or more, or leave it blank.');
    expect(cell.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a rep My numbers on the dashboard, and no goals grid or team table', async () => {
    window.history.replaceState(null, '', '/dashboard?tab=team');
    render(<Dashboard />, REP);
    expect(await screen.findByText('No goals for this month yet. Your manager sets them.')).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Team sales' })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Set goals' })).toBeNull();
    expect(screen.queryByText('Every rep’s attainment')).toBeNull();
  });

  it("shows a rep who is a campaign manager the marketing tab's campaign funnels, and a rep who is not no such tab", async () => {
    window.history.replaceState(null, '', '/dashboard?tab=marketing');
    const first = render(<Dashboard />, REP);
    await screen.findByRole('tab', { name: 'My numbers' });
    expect(screen.queryByRole('tab', { name: 'Leads and activity' })).toBeNull();
    first.unmount();

    await asUser(ADMIN, 'GET', '/api/me');
    const member = (await asUser<{ items: { id: string; version: number }[] }>(ADMIN, 'GET', '/api/members?limit=100')).items.find((candidate) => candidate.id === REP)!;
    await asUser(ADMIN, 'PATCH', `/api/members/${REP}`, { capabilities: ['campaignManager'] }, { 'if-match': `"${member.version}"` });
    window.history.replaceState(null, '', '/dashboard?tab=marketing');
    render(<Dashboard />, REP);
    const tab = await screen.findByRole('tab', { name: 'Leads and activity' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    // The funnels only: the tab's other reports are the team's, which a rep does not read.
    await waitFor(() => expect(document.querySelectorAll('[data-report]').length).toBe(4));
    expect([...document.querySelectorAll('[data-report]')].map((card) => card.getAttribute('data-report'))).toEqual(['campaign-funnel', 'campaign-funnel-by-channel', 'campaign-funnel-by-affiliate', 'campaign-funnel-by-month']);
    // Each answered: the API lets a campaign manager read them.
    await waitFor(() => expect(document.querySelectorAll('[data-report][data-state="ready"]').length).toBe(4));
  });

  it("shows a manager every rep's attainment and the grid on the team tab", async () => {
    await setGoal(10000);
    window.history.replaceState(null, '', '/dashboard?tab=mine');
    render(<Dashboard />, MANAGER);
    const table = await screen.findByRole('table', { name: 'Every rep’s attainment' });
    const row = await within(table).findByRole('row', { name: /Avery Quinn/ });
    expect(within(row).getByText('Won amount')).toBeTruthy();
    // The same figures as bars, one chart per metric, the goal's line at 100 %.
    const chart = screen.getByRole('figure', { name: 'Won amount: every rep’s share of the goal' });
    expect(within(chart).getByRole('listitem', { name: 'Avery Quinn: 0% of the goal' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Team sales' }));
    // The team tab draws every card of the team's (its reports, approvals, plans): slow in jsdom when CI's browsers run beside it.
    const grid = await screen.findByRole('table', { name: 'Set goals' }, { timeout: 80_000 });
    expect(within(grid).getByRole('textbox', { name: `Won amount goal of Avery Quinn for ${monthName}` })).toHaveProperty('value', '10000');
   }, 120_000);

  it('lets a manager set the colours of the pace, and says at the field what is wrong', async () => {
    render(<GoalBandsCard />, MANAGER);
    const card = (await screen.findByRole('heading', { name: 'Colours of the pace' })).closest('.fui-Card') as HTMLElement;
    const orange = await within(card).findByRole('spinbutton', { name: 'Orange below' });
    const green = within(card).getByRole('spinbutton', { name: 'Green from' });
    expect([(orange as HTMLInputElement).value, (green as HTMLInputElement).value]).toEqual(['70', '100']);
    fireEvent.change(orange, { target: { value: '90' } });
    fireEvent.change(green, { target: { value: '80' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save colours' }));
    // Refused at the field the API names.
    await waitFor(() => expect(green.getAttribute('aria-invalid')).toBe('true'));
    expect(orange.getAttribute('aria-invalid')).not.toBe('true');
    fireEvent.change(orange, { target: { value: '50' } });
    fireEvent.change(green, { target: { value: '90' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save colours' }));
    expect(await within(card).findByText('Colours saved: everyone sees them now.')).toBeTruthy();
    expect((await asUser<Attainment>(REP, 'GET', `/api/goals/attainment?day=${today}`)).bands).toEqual({ warningBelow: 50, successFrom: 90 });
  });

  it('imports goals from a CSV file, naming the lines it cannot take, and sets the rest', async () => {
    render(<GoalsImport />, MANAGER);
    const card = (await screen.findByRole('heading', { name: 'Import goals from CSV' })).closest('.fui-Card') as HTMLElement;
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Choose a CSV file' })).toHaveProperty('disabled', false));
    const csv = ['rep,period,start,target,stretch', `Avery Quinn,month,${thisMonth},12000,15000`, 'Nobody Here,month,2026-11,5,', `Avery Quinn,quarter,${thisMonth.slice(0, 4)}-Q1,30000,`].join('\n');
    const input = card.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([csv], 'targets.csv', { type: 'text/csv' })] } });
    expect(await within(card).findByText('targets.csv: 2 goals ready.')).toBeTruthy();
    const problems = within(card).getByRole('list', { name: 'Lines not taken' });
    expect(within(problems).getByText('Line 3: no member is called “Nobody Here”: use their name or e-mail as in Rapport.')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Set 2 goals' }));
    expect(await within(card).findByText('Done: 2 goals added, 0 changed, 0 already as given.')).toBeTruthy();
    const goals = await goalsInStore();
    expect(goals.map((goal) => [goal.period, goal.target, goal.stretch]).sort()).toEqual([['month', 12000, 15000], ['quarter', 30000, undefined]]);
  });
});
