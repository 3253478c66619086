import type { Attainment } from '@rapport/shared/goals/goals.contract';
import { DEMO_TENANT_ID, DEMO_USER_ID } from '../../functions/src/local/demo/demo-data';
import { demoApi, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// Goals end to end in Chromium: the demo manager sets a rep's goal in the dashboard's grid; the rep opens My day in a
// 320 px pane and sees it with the pace, and nothing runs off sideways.

jest.setTimeout(180_000);

const MANAGER = 'morgan.blake@rapport-demo.com';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => site?.close());

describe('goals in Chromium', () => {
  it('a goal the manager sets in the grid shows in the rep’s My day at 320 px', async () => {
    // The pages run in UTC, as the demo does: the month is UTC's.
    const month = new Date().toISOString().slice(0, 7);
    const monthName = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

    const dashboard = await site.browser.newPage({ viewport: { width: 1400, height: 1000 }, timezoneId: 'UTC' });
    const errors: string[] = [];
    dashboard.on('pageerror', (error) => errors.push(error.message));
    await dashboard.goto(`${site.server.url}/dashboard?as=${MANAGER}&tab=team&lang=en-US`);
    const grid = dashboard.getByRole('table', { name: 'Set goals' });
    // Converted leads: a metric the demo's own goals leave unset, so the cell starts blank and the goal is new.
    await dashboard.getByLabel('Metric').selectOption({ label: 'Converted leads' });
    const cell = grid.getByRole('textbox', { name: `Converted leads goal of Avery Quinn for ${monthName}` });
    await cell.fill('12');
    await cell.press('Tab');
    // Tab went on to the next month's cell, and the goal is stored.
    const next = grid.getByRole('textbox', { name: new RegExp(`^Converted leads goal of Avery Quinn for (?!${monthName})`) }).first();
    expect(await next.evaluate((input) => input === document.activeElement)).toBe(true);
    await dashboard.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const stored = (await site.app.store.list('goal', DEMO_TENANT_ID, { limit: 100 })).items as { memberId?: string; metric: string; start: string; target: number }[];
    expect(stored.filter((goal) => goal.metric === 'convertedLeads').map((goal) => [goal.memberId, goal.start, goal.target])).toEqual([[DEMO_USER_ID, month, 12]]);
    await screenshot(dashboard, 'goals-grid-dashboard');
    expect(errors).toEqual([]);

    // The rep (the demo's signed-in person) opens My day in the narrowest pane.
    const { page, pane } = await openDemo(site, { width: 320 });
    await pane.getByRole('tab', { name: 'My day', exact: true }).click();
    const goal = pane.getByRole('list', { name: 'My numbers' }).getByRole('listitem').filter({ hasText: 'Converted leads' });
    const { reps } = await demoApi<Attainment>(site, 'GET', `/api/goals/attainment?day=${new Date().toISOString().slice(0, 10)}`);
    const converted = reps.find((progress) => progress.goal.metric === 'convertedLeads')!;
    await goal.getByText(`${converted.actual} of 12`).waitFor();
    await goal.getByText(/^(At this rate: \d[\d,]*% by \w+ \d+|The pace shows once the period has begun\.)$/).waitFor();
    await goal.scrollIntoViewIfNeeded();
    const findings = await checkPane(page, 'goals-my-day', 320);
    expect(problemsOf(findings)).toEqual([]);
  });
});
