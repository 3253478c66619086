import type { Deal, Expense } from '@rapport/shared';
import { DEMO_TENANT_ID, DEMO_USER_ID } from '../../functions/src/local/demo/demo-data';
import { SCREENSHOTS, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// Expenses end to end in Chromium: the rep opens a deal of theirs in a 320 px pane, reads its margin and expenses (the
// demo's), adds one with its receipt; the demo manager approves it in the dashboard, and the deal's margin counts it.

jest.setTimeout(180_000);

const MANAGER = 'morgan.blake@rapport-demo.com';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => site?.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const euros = (amount: number, currency: string) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);

describe('expenses in Chromium', () => {
  it('a rep adds an expense with its receipt to a deal at 320 px, the manager approves it, and the margin counts it', async () => {
    // The demo user's deal with the demo's expenses (a train and a lunch approved, a dinner waiting).
    const expenses = (await site.app.store.list('expense', DEMO_TENANT_ID, { linkedTo: { kind: 'member', id: DEMO_USER_ID }, limit: 50 })).items as Expense[];
    const train = expenses.find((expense) => expense.description.startsWith('Train'))!;
    const deal = (await site.app.store.get('deal', DEMO_TENANT_ID, train.dealId!)) as Deal;

    const { page, pane } = await openDemo(site, { width: 320 });
    await pane.getByRole('tab', { name: 'Search', exact: true }).click();
    await pane.getByRole('searchbox').fill(deal.name);
    await pane.getByRole('searchbox').press('Enter');
    await pane.getByRole('button', { name: new RegExp(deal.name) }).first().click();
    const view = pane.getByRole('article', { name: deal.name });
    const margin = view.getByLabel('Margin');
    await margin.getByText(/^Margin: /).waitFor();
    const approved = expenses.filter((expense) => expense.dealId === deal.id && expense.status === 'approved').reduce((sum, expense) => sum + expense.amount, 0);
    expect(await margin.getByText(/^Margin: /).textContent()).toBe(`Margin: ${euros(deal.amount! - approved, deal.currency)}`);

    await view.getByRole('button', { name: 'Expenses' }).click();
    const list = view.getByRole('list', { name: 'Expenses' });
    await list.getByText('Dinner after the demo').waitFor();
    await checkAndShoot(page, 'expenses-deal-pane');

    await view.getByRole('button', { name: 'Add expense' }).click();
    const form = view.getByRole('form', { name: 'New expense' });
    // In the deal's currency unless the rep picks another.
    expect(await form.getByLabel('Currency').inputValue()).toBe(deal.currency);
    await form.getByLabel('Amount').fill('23.40');
    await form.getByLabel('Category').selectOption('meals');
    await form.getByLabel('Description').fill('Coffee with the engineers');
    await form.getByLabel('Receipt (photo or PDF)').setInputFiles({ name: 'coffee.pdf', mimeType: 'application/pdf', buffer: PDF });
    await checkAndShoot(page, 'expenses-add-form');
    await form.getByRole('button', { name: 'Save' }).click();
    await view.getByText('Expense saved: it waits for your manager’s approval.').waitFor();
    const coffee = list.getByRole('listitem').filter({ hasText: 'Coffee with the engineers' });
    await coffee.getByText('Waiting').waitFor();
    await coffee.getByRole('button', { name: 'Receipt' }).click();
    await coffee.getByText('coffee.pdf').waitFor();
    await checkAndShoot(page, 'expenses-added-with-receipt');

    // The manager sees it in their pane's My day, at 320 px.
    const managerPane = await openDemo(site, { width: 320, as: MANAGER });
    await managerPane.pane.getByRole('tab', { name: 'My day', exact: true }).click();
    await managerPane.pane.getByRole('button', { name: 'Expenses to approve' }).click();
    const waiting = managerPane.pane.getByRole('listitem', { name: 'Coffee with the engineers' });
    await waiting.getByRole('button', { name: deal.name }).waitFor();
    await waiting.scrollIntoViewIfNeeded();
    await checkAndShoot(managerPane.page, 'expenses-approvals-my-day');
    await managerPane.page.close();

    // The manager approves it in the dashboard's Team sales.
    const dashboard = await site.browser.newPage({ viewport: { width: 1400, height: 1000 }, timezoneId: 'UTC' });
    await dashboard.goto(`${site.server.url}/dashboard?as=${MANAGER}&tab=team&lang=en-US`);
    const item = dashboard.getByRole('listitem', { name: 'Coffee with the engineers' });
    await item.waitFor({ timeout: 60_000 });
    await screenshot(dashboard, 'expenses-approvals-dashboard');
    await item.getByRole('button', { name: 'Approve' }).click();
    await dashboard.getByText('Approved.').waitFor();
    const stored = (await site.app.store.list('expense', DEMO_TENANT_ID, { linkedTo: { kind: 'deal', id: deal.id }, limit: 50 })).items as Expense[];
    expect(stored.find((expense) => expense.description === 'Coffee with the engineers')).toMatchObject({ status: 'approved', amount: 23.4, currency: deal.currency });
    await dashboard.locator('[data-report="expenses-by-owner"][data-state="ready"]').waitFor({ timeout: 60_000 });
    const byOwner = dashboard.locator('[data-report="expenses-by-owner"]');
    // Avery's approved expenses, the coffee among them, in the reporting currency.
    await byOwner.getByRole('row').filter({ hasText: 'Avery Quinn' }).waitFor();
    await byOwner.scrollIntoViewIfNeeded();
    await byOwner.screenshot({ path: `${SCREENSHOTS}/expenses-by-owner-dashboard.png` });
    await dashboard.close();

    // Back in the pane, the deal's margin counts it (read again when the deal is opened again).
    await view.getByRole('button', { name: 'Back', exact: true }).click();
    await pane.getByRole('button', { name: new RegExp(deal.name) }).first().click();
    await view.getByLabel('Margin').getByText(`Margin: ${euros(deal.amount! - approved - 23.4, deal.currency)}`).waitFor();
  });
});

/** Nothing of the pane runs off sideways, values stay whole, axe finds nothing serious; the pane photographed. */
async function checkAndShoot(page: import('playwright-core').Page, view: string): Promise<void> {
  expect(problemsOf(await checkPane(page, view, 320))).toEqual([]);
}
