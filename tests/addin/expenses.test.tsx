/** @jest-environment ./tests/stubs/jsdom-with-node-environment.js */
import { File as NodeFile } from 'node:buffer';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Document, Expense } from '@rapport/shared';
import type { Role } from '@rapport/shared/members/member.schema';
import { createApiClient } from '../../addin/src/api/client';
import { DealMargin } from '../../addin/src/components/expenses/DealMargin';
import { ExpensesSection } from '../../addin/src/components/expenses/ExpensesSection';
import { ExpenseApprovals } from '../../addin/src/components/expenses/ExpenseApprovals';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { MyDay } from '../../addin/src/components/MyDay';
import { RecordNavigationProvider } from '../../addin/src/taskpane/record-navigation';
import type { LocalApp } from '../../functions/src/local/local-mode';
import type { RunningServer } from '../../functions/src/server';
import { startInProcessApi, type InProcessApi } from './in-process-api';
import { renderInPane } from './pane-harness';

// Expenses in the pane and the dashboard over the real API and store: a rep adds an expense with its receipt to a
// deal, the manager of their team approves or rejects it in their approvals, and the rep and the deal see the result.

jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 30_000 });

const REP = 'avery-rep';
const MANAGER = 'morgan-manager';
const ADMIN = 'sam-admin';
const names: Record<string, string> = { [REP]: 'Avery Quinn', [MANAGER]: 'Morgan Blake', [ADMIN]: 'Sam Patel' };
const roleOf: Record<string, Role> = { [REP]: 'rep', [MANAGER]: 'manager', [ADMIN]: 'admin' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const euros = (amount: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(amount);

describe('expenses in the pane and the dashboard', () => {
  let api: InProcessApi;
  let app: LocalApp;
  let server: RunningServer;
  let tenants = 0;
  let tenant: string;
  let dealId: string;

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
  const render = (ui: React.ReactNode, as: string) => {
    const client = createApiClient({ baseUrl: server.url, getToken: () => tokenOf(as) });
    return renderInPane(<MeProvider>{ui}</MeProvider>, { api: client });
  };
  const addExpense = (body: object) => asUser<Expense>(REP, 'POST', '/api/expenses', { date: '2026-11-02', currency: 'EUR', category: 'meals', dealId, ...body }, { 'idempotency-key': crypto.randomUUID() });

  beforeAll(async () => {
    api = await startInProcessApi('expenses-pane');
    ({ app, server } = api);
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    tenant = `tenant-expenses-${++tenants}`;
    for (const userId of [ADMIN, MANAGER, REP]) await asUser(userId, 'GET', '/api/me');
    // The admin makes Morgan the rep's manager, and reports in EUR.
    const rep = await asUser<{ version: number }>(ADMIN, 'GET', `/api/members/${REP}`).catch(async () => (await asUser<{ items: { id: string; version: number }[] }>(ADMIN, 'GET', '/api/members')).items.find((member) => member.id === REP)!);
    await asUser(ADMIN, 'PATCH', `/api/members/${REP}`, { managerId: MANAGER }, { 'if-match': `"${rep.version}"` });
    const settings = await asUser<{ version: number }>(ADMIN, 'GET', '/api/settings');
    await asUser(ADMIN, 'PATCH', '/api/settings', { reportingCurrency: 'EUR' }, { 'if-match': `"${settings.version}"` });
    dealId = (await asUser<{ id: string }>(REP, 'POST', '/api/deals', { name: 'Seats', stage: 'proposal', amount: 1000, currency: 'EUR' }, { 'idempotency-key': crypto.randomUUID() })).id;
  });

  it('lets a rep add an expense with its receipt to a deal, which then waits for approval', async () => {
    render(<ExpensesSection owner={{ kind: 'deal', id: dealId }} />, REP);
    expect(await screen.findByText('No expenses yet. Add what you spent for this record: a trip, a meal, a hotel.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add expense' }));
    const form = screen.getByRole('form', { name: 'New expense' });
    fireEvent.change(within(form).getByLabelText('Date', { exact: false }), { target: { value: '2026-11-02' } });
    fireEvent.change(within(form).getByLabelText('Amount', { exact: false }), { target: { value: '42.50' } });
    await waitFor(() => expect((within(form).getByLabelText('Currency') as HTMLSelectElement).value).toBe('EUR'));
    fireEvent.change(within(form).getByLabelText('Category'), { target: { value: 'meals' } });
    fireEvent.change(within(form).getByLabelText('Description', { exact: false }), { target: { value: 'Lunch with the buyer' } });
    fireEvent.change(within(form).getByLabelText('Receipt (photo or PDF)'), { target: { files: [new NodeFile([PDF], 'lunch.pdf') as unknown as File] } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Expense saved: it waits for your manager’s approval.')).toBeTruthy();
    const row = within(await screen.findByRole('list', { name: 'Expenses' })).getByRole('listitem');
    expect(within(row).getByText('Lunch with the buyer')).toBeTruthy();
    expect(within(row).getByText(euros(42.5))).toBeTruthy();
    expect(within(row).getByText('Waiting')).toBeTruthy();
    const [stored] = (await asUser<{ items: Expense[] }>(REP, 'GET', `/api/expenses?dealId=${dealId}`)).items;
    expect(stored).toMatchObject({ amount: 42.5, currency: 'EUR', category: 'meals', status: 'submitted', dealId });
    // The receipt is the expense's document, and opens under it.
    const receipts = await asUser<{ items: Document[] }>(REP, 'GET', `/api/documents?recordKind=expense&recordId=${stored!.id}`);
    expect(receipts.items.map((document) => document.name)).toEqual(['lunch.pdf']);
    fireEvent.click(within(row).getByRole('button', { name: 'Receipt' }));
    expect(await within(row).findByText('lunch.pdf')).toBeTruthy();
  });

  it('refuses an amount of nothing in the form, saying what to type', async () => {
    render(<ExpensesSection owner={{ kind: 'deal', id: dealId }} />, REP);
    fireEvent.click(await screen.findByRole('button', { name: 'Add expense' }));
    const form = screen.getByRole('form', { name: 'New expense' });
    fireEvent.change(within(form).getByLabelText('Amount', { exact: false }), { target: { value: '0' } });
    fireEvent.change(within(form).getByLabelText('Description', { exact: false }), { target: { value: 'Coffee' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Type an amount more than 0, such as 42.50.')).toBeTruthy();
  });

  it('lets the manager approve it in their approvals, and the deal’s margin counts it', async () => {
    await addExpense({ amount: 120.1, description: 'Train to Porto', category: 'travel' });
    const { unmount } = render(<ExpenseApprovals where="page" recordName={(record) => record.id} />, MANAGER);
    const item = await screen.findByRole('listitem', { name: 'Train to Porto' });
    expect(within(item).getByText(euros(120.1))).toBeTruthy();
    expect(await within(item).findByText(/Avery Quinn/)).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('Approved.')).toBeTruthy();
    expect(await screen.findByText('Nothing to approve: your team’s new expenses show here.')).toBeTruthy();
    unmount();

    render(<DealMargin dealId={dealId} />, REP);
    expect(await screen.findByText(`Margin: ${euros(879.9)}`)).toBeTruthy();
    expect(screen.getByText(`${euros(1000)} less approved expenses ${euros(120.1)}`)).toBeTruthy();
  });

  it('shows a manager their team’s expenses to approve in the pane’s My day, with the deal they are for, and not a rep', async () => {
    await addExpense({ amount: 18, description: 'Parking at the plant', category: 'travel' });
    const { unmount } = render(<RecordNavigationProvider><MyDay userEmail="morgan@example.com" /></RecordNavigationProvider>, MANAGER);
    fireEvent.click(await screen.findByRole('button', { name: 'Expenses to approve' }));
    const item = await screen.findByRole('listitem', { name: 'Parking at the plant' });
    expect(await within(item).findByRole('button', { name: 'Seats' })).toBeTruthy();
    expect(within(item).getByRole('button', { name: 'Approve' })).toBeTruthy();
    unmount();
    render(<RecordNavigationProvider><MyDay userEmail="avery@example.com" /></RecordNavigationProvider>, REP);
    await screen.findByRole('heading', { name: 'My day' });
    expect(screen.queryByRole('button', { name: 'Expenses to approve' })).toBeNull();
  });

  it('lets the manager reject it with a reason, which the rep reads beside it', async () => {
    await addExpense({ amount: 340, description: 'Wine for the buyers', category: 'entertainment' });
    const { unmount } = render(<ExpenseApprovals where="page" recordName={(record) => record.id} />, MANAGER);
    const item = await screen.findByRole('listitem', { name: 'Wine for the buyers' });
    fireEvent.click(within(item).getByRole('button', { name: 'Reject' }));
    fireEvent.change(within(item).getByLabelText('Why is it rejected?', { exact: false }), { target: { value: 'Gifts need approval first' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Reject expense' }));
    expect(await screen.findByText('Rejected.')).toBeTruthy();
    unmount();

    render(<ExpensesSection owner={{ kind: 'deal', id: dealId }} />, REP);
    const row = within(await screen.findByRole('list', { name: 'Expenses' })).getByRole('listitem');
    // Change shows once the pane knows who the rep is (their own expense).
    await within(row).findByRole('button', { name: 'Change' });
    expect(within(row).getByText('Rejected')).toBeTruthy();
    expect(within(row).getByText('Rejected: Gifts need approval first Change it to send it to your manager again.')).toBeTruthy();
    // Changing it sends it again.
    fireEvent.click(within(row).getByRole('button', { name: 'Change' }));
    const form = screen.getByRole('form', { name: 'Change expense' });
    fireEvent.change(within(form).getByLabelText('Amount', { exact: false }), { target: { value: '45' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Expenses' })).getByText('Waiting')).toBeTruthy());
    expect(within(screen.getByRole('list', { name: 'Expenses' })).getByText(euros(45))).toBeTruthy();
  });
});
