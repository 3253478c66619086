/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CommissionStatementView } from '@rapport/shared/commissions/commission-statement.schema';
import type { DealCommission } from '@rapport/shared/commissions/commissions.contract';
import { DealCommissionLine } from '../../addin/src/components/commissions/DealCommissionLine';
import { MyStatement } from '../../addin/src/dashboard/commissions/MyStatement';
import { PlanEditor } from '../../addin/src/dashboard/commissions/PlanEditor';
import { TeamStatements } from '../../addin/src/dashboard/commissions/TeamStatements';
import { afterRecordWrite } from '../../addin/src/data/writes';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { answer, fail, fakeApi, renderInPane, type FakeRoute } from './pane-harness';

// Commissions in the pane and the dashboard over a fake API: the line an open deal shows (what it pays if won now) in
// each of its states, the rep's statement with its lines and adjustments, a manager's approval (and the 409 when the
// statement moved on), and the plan editor's refusals said at their fields.

type Role = 'rep' | 'manager' | 'admin';
const stamp = { tenantId: 't', createdAt: '2026-11-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-11-01T00:00:00Z', updatedBy: 'u' };
const meOf = (role: Role, userId = 'ana') => ({
  tenantId: 't',
  userId,
  roles: [role],
  rolesFrom: 'member',
  capabilities: { editOthersRecords: role !== 'rep', reassign: role !== 'rep', viewTeam: role !== 'rep', manageSettings: role === 'admin', importLists: role !== 'rep' },
});
const page = <T,>(items: T[]) => ({ items, nextCursor: null });
const members = [
  { ...stamp, id: 'ana', version: 1, displayName: 'Ana Souza', role: 'rep', ownerId: 'ana' },
  { ...stamp, id: 'mia', version: 1, displayName: 'Mia Manager', role: 'manager', ownerId: 'mia' },
];
const base = (role: Role, userId = 'ana'): Record<string, FakeRoute> => ({
  'GET /api/me': () => meOf(role, userId),
  'GET /api/members': () => page(members),
});
const pays = (changes: Partial<DealCommission> = {}): DealCommission => ({
  dealId: 'd1',
  memberId: 'ana',
  planId: 'p1',
  planName: 'Field sales 2026',
  period: 'month',
  start: '2026-11',
  currency: 'EUR',
  payMinor: 36_000,
  effectiveRate: 6,
  capped: false,
  noGoal: false,
  missingRate: null,
  ...changes,
});
const openDeal = { id: 'd1', ownerId: 'ana', status: 'open' as const };

function renderLine(routes: Record<string, FakeRoute>, deal: { id: string; ownerId: string; status: 'open' | 'won' | 'lost' } = openDeal) {
  const api = fakeApi(routes);
  const view = renderInPane(
    <MeProvider>
      <DealCommissionLine deal={deal} />
    </MeProvider>,
    { api: api.api },
  );
  return { ...api, ...view };
}

describe('what a deal pays, in the pane', () => {
  it("tells the rep what their open deal would pay if won now, with the rate over the deal's amount", async () => {
    renderLine({ ...base('rep'), 'GET /api/commissions/deals/{id}': () => pays() });
    expect(await screen.findByText('If won now: pays you €360.00 (6%)')).toBeTruthy();
  });

  it('says when the rep has no goal (the base rate pays) and when the cap took some', async () => {
    renderLine({ ...base('rep'), 'GET /api/commissions/deals/{id}': () => pays({ noGoal: true, capped: true, payMinor: 30_000, effectiveRate: 5 }) });
    expect(await screen.findByText('If won now: pays you €300.00 (5%) · no goal set: base rate · capped')).toBeTruthy();
  });

  it("says the deal's currency lacks an exchange rate rather than a wrong amount", async () => {
    renderLine({ ...base('rep'), 'GET /api/commissions/deals/{id}': () => pays({ missingRate: 'JPY', payMinor: 0, effectiveRate: null }) });
    expect(await screen.findByText(/What it pays is unknown: JPY has no exchange rate yet/)).toBeTruthy();
  });

  it('shows nothing when no plan pays the owner', async () => {
    const { sentTo, container } = renderLine({ ...base('rep'), 'GET /api/commissions/deals/{id}': () => pays({ planId: null, planName: null, payMinor: 0, effectiveRate: null }) });
    await waitFor(() => expect(sentTo('GET /api/commissions/deals/{id}')).toHaveLength(1));
    await waitFor(() => expect(container.querySelector('[aria-label="Loading what this deal pays…"]')).toBeNull());
    expect(container.textContent).toBe('');
  });

  it('says what a won deal paid', async () => {
    renderLine({ ...base('rep'), 'GET /api/commissions/deals/{id}': () => pays({ payMinor: 24_000, effectiveRate: 5.33 }) }, { ...openDeal, status: 'won' });
    expect(await screen.findByText('Paid you €240.00 (5.33%)')).toBeTruthy();
  });

  it("never asks about a colleague's deal for a rep, and names the owner for their manager", async () => {
    const asRep = renderLine({ ...base('rep', 'ben'), 'GET /api/commissions/deals/{id}': () => pays() });
    await waitFor(() => expect(asRep.sentTo('GET /api/me')).toHaveLength(1));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(asRep.sentTo('GET /api/commissions/deals/{id}')).toEqual([]);
    asRep.unmount();
    renderLine({ ...base('manager', 'mia'), 'GET /api/commissions/deals/{id}': () => pays() });
    expect(await screen.findByText('If won now: pays Ana Souza €360.00 (6%)')).toBeTruthy();
  });

  it('says it could not load, and Retry reads it again', async () => {
    let calls = 0;
    renderLine({ ...base('rep'), 'GET /api/commissions/deals/{id}': () => (++calls === 1 ? fail(503, 'SERVICE.UNAVAILABLE') : pays()) });
    expect(await screen.findByText('What this deal pays could not be loaded.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('If won now: pays you €360.00 (6%)')).toBeTruthy();
  });

  it("is read again when the deal is written (its amount or stage changed), as the deal editor's save does", async () => {
    let payMinor = 36_000;
    const view = renderLine({ ...base('rep'), 'GET /api/commissions/deals/{id}': () => pays({ payMinor }) });
    expect(await screen.findByText('If won now: pays you €360.00 (6%)')).toBeTruthy();
    payMinor = 48_000;
    act(() => afterRecordWrite(view.queryClient, 'deal', { id: 'd1', version: 4 }));
    expect(await screen.findByText('If won now: pays you €480.00 (6%)')).toBeTruthy();
    expect(view.sentTo('GET /api/commissions/deals/{id}')).toHaveLength(2);
  });
});

const statement = (changes: Partial<CommissionStatementView> = {}): CommissionStatementView => ({
  status: 'draft',
  memberId: 'ana',
  planId: 'p1',
  planName: 'Field sales 2026',
  period: 'month',
  start: '2026-11',
  ends: '2026-12-01',
  targetMinor: 1_000_000,
  currency: 'EUR',
  wonMinor: 1_050_000,
  attainment: 1.05,
  lines: [
    { dealId: 'd-seats', name: 'Seats', closedAt: '2026-11-10T10:00:00Z', wonMinor: 600_000, expensesMinor: 0, baseMinor: 600_000, portions: [{ rate: 5, minor: 600_000 }], commissionMinor: 30_000, capped: false },
    {
      dealId: 'd-support',
      name: 'Support',
      closedAt: '2026-11-16T01:00:00Z',
      wonMinor: 450_000,
      expensesMinor: 0,
      baseMinor: 450_000,
      portions: [
        { rate: 5, minor: 400_000 },
        { rate: 8, minor: 50_000 },
      ],
      commissionMinor: 24_000,
      capped: false,
    },
  ],
  adjustments: [{ dealId: 'd-old', name: 'Renewal', forPeriod: 'month', forStart: '2026-10', reason: 'reopened', paidMinor: 10_000, nowMinor: 0, commissionMinor: -10_000 }],
  totalMinor: 44_000,
  missingRates: [{ dealId: 'd-jp', name: 'Tokyo', currency: 'JPY' }],
  ...changes,
});

describe("the rep's statement on the dashboard", () => {
  it('lists the won deals with their rates, the adjustments, the total, the attainment and the missing rates', async () => {
    const api = fakeApi({
      ...base('rep'),
      'GET /api/commissions/statement': () => statement(),
      'GET /api/commissions/statements': () => ({ items: [] }),
    });
    renderInPane(
      <MeProvider>
        <MyStatement productName={(id) => id} />
      </MeProvider>,
      { api: api.api },
    );
    const lines = await screen.findByRole('table', { name: 'Won deals of Nov 2026' });
    const support = within(lines).getByRole('row', { name: /Support/ });
    expect(within(support).getByRole('link', { name: 'Support' }).getAttribute('href')).toBe('/records/deal/d-support');
    expect(within(support).getByText('€4,500.00')).toBeTruthy();
    expect(within(support).getByText('5% on €4,000.00')).toBeTruthy();
    expect(within(support).getByText('8% on €500.00')).toBeTruthy();
    expect(within(support).getByText('€240.00')).toBeTruthy();
    const adjustments = screen.getByRole('table', { name: 'Adjustments to approved statements' });
    const renewal = within(adjustments).getByRole('row', { name: /Renewal/ });
    expect(within(renewal).getByText('Oct 2026')).toBeTruthy();
    expect(within(renewal).getByText('Reopened')).toBeTruthy();
    expect(within(renewal).getByText('Was paid €100.00, pays €0.00 now')).toBeTruthy();
    expect(within(renewal).getByText('-€100.00')).toBeTruthy();
    expect(document.querySelector('[data-statement-total]')?.textContent).toBe('Total€440.00');
    expect(screen.getByText('Attainment: 105% of €10,000.00 (€10,500.00 won)')).toBeTruthy();
    expect(screen.getByText('Draft')).toBeTruthy();
    expect(screen.getByText('Not paid until an admin adds an exchange rate: Tokyo (JPY).')).toBeTruthy();
    expect(screen.getByText('No approved statements yet.')).toBeTruthy();
  });

  it('moves to the previous period by asking for a day in it, and shows who approved it', async () => {
    const api = fakeApi({
      ...base('rep'),
      'GET /api/commissions/statement': (request) =>
        request.query.day === '2026-10-31'
          ? statement({ status: 'approved', id: 's-oct', start: '2026-10', ends: '2026-11-01', approvedBy: 'mia', approvedAt: '2026-11-02T09:00:00Z', adjustments: [], missingRates: [] })
          : statement(),
      'GET /api/commissions/statements': () => ({ items: [] }),
    });
    renderInPane(
      <MeProvider>
        <MyStatement productName={(id) => id} />
      </MeProvider>,
      { api: api.api },
    );
    await screen.findByRole('table', { name: 'Won deals of Nov 2026' });
    fireEvent.click(screen.getByRole('button', { name: 'Previous period' }));
    await screen.findByRole('table', { name: 'Won deals of Oct 2026' });
    expect(screen.getByText('Approved')).toBeTruthy();
    expect(screen.getByText('Approved by Mia Manager on Nov 2, 2026')).toBeTruthy();
  });

  it('says no plan pays the rep yet, and who to ask', async () => {
    const api = fakeApi({
      ...base('rep'),
      'GET /api/commissions/statement': () => statement({ planId: null, planName: null, lines: [], adjustments: [], totalMinor: 0, missingRates: [] }),
      'GET /api/commissions/statements': () => ({ items: [] }),
    });
    renderInPane(
      <MeProvider>
        <MyStatement productName={(id) => id} />
      </MeProvider>,
      { api: api.api },
    );
    expect(await screen.findByText('No plan pays you yet: ask your admin.')).toBeTruthy();
  });
});

describe("a manager approving a rep's statement", () => {
  it('sends the total they read; when the statement moved on (409) it is read again and says so, and the new total is approved', async () => {
    let total = 54_000;
    let approved = false;
    const api = fakeApi({
      ...base('manager', 'mia'),
      'GET /api/commissions/team': () => ({ items: [statement({ totalMinor: total, missingRates: [], adjustments: [] })] }),
      'GET /api/commissions/statement': () =>
        statement({ totalMinor: total, missingRates: [], adjustments: [], ...(approved ? { status: 'approved', approvedBy: 'mia', approvedAt: '2026-11-30T10:00:00Z' } : {}) }),
      'POST /api/commissions/statements': (request) => {
        const body = request.body as { totalMinor: number };
        if (body.totalMinor !== total) return fail(409, 'COMMISSION.STATEMENT_CHANGED', { totalMinor: total });
        approved = true;
        return answer(201, statement({ status: 'approved', totalMinor: total }));
      },
    });
    renderInPane(
      <MeProvider>
        <TeamStatements productName={(id) => id} />
      </MeProvider>,
      { api: api.api },
    );
    const team = await screen.findByRole('table', { name: 'Team statements' });
    const row = await within(team).findByRole('row', { name: /Ana Souza/ });
    expect(within(row).getByText('€540.00')).toBeTruthy();
    expect(within(row).getByText('Draft')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Statement of Ana Souza' }));
    const approve = await screen.findByRole('button', { name: 'Approve €540.00' });
    // Another deal was won meanwhile: the draft adds up to 600.00 now.
    total = 60_000;
    fireEvent.click(approve);
    expect(await screen.findByText(/The statement was read again: check the new total before you approve\./)).toBeTruthy();
    expect(screen.getByText(/The statement changed since you opened it/)).toBeTruthy();
    expect(api.sentTo('POST /api/commissions/statements').map((request) => request.body)).toEqual([{ memberId: 'ana', period: 'month', start: '2026-11', totalMinor: 54_000 }]);
    fireEvent.click(await screen.findByRole('button', { name: 'Approve €600.00' }));
    expect(await screen.findByText('Approved: Ana Souza’s statement for Nov 2026 is kept as it is now.')).toBeTruthy();
    expect(api.sentTo('POST /api/commissions/statements').at(-1)?.body).toEqual({ memberId: 'ana', period: 'month', start: '2026-11', totalMinor: 60_000 });
    expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();
  });

  it('says why an approval is refused while a deal has no exchange rate', async () => {
    const api = fakeApi({
      ...base('manager', 'mia'),
      'GET /api/commissions/team': () => ({ items: [statement()] }),
      'GET /api/commissions/statement': () => statement(),
      'POST /api/commissions/statements': () => fail(409, 'COMMISSION.MISSING_RATE'),
    });
    renderInPane(
      <MeProvider>
        <TeamStatements productName={(id) => id} />
      </MeProvider>,
      { api: api.api },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Statement of Ana Souza' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Approve €440.00' }));
    expect(await screen.findByText(/Some deals are in a currency without an exchange rate/)).toBeTruthy();
  });
});

describe("the admins' plan editor", () => {
  const products = [{ ...stamp, id: 'prod-seat', version: 1, name: 'Seat licence', unitPrice: 100, currency: 'EUR', active: true, ownerId: 'admin' }];
  const renderEditor = (routes: Record<string, FakeRoute>, plan: object | null = null) => {
    const api = fakeApi({ ...base('admin', 'admin'), ...routes });
    const onSaved = jest.fn();
    renderInPane(
      <MeProvider>
        <PlanEditor plan={plan as never} members={members as never} products={products as never} currency="EUR" onSaved={onSaved} onCancel={() => undefined} reloadPlan={async () => null} />
      </MeProvider>,
      { api: api.api },
    );
    return { ...api, onSaved };
  };
  const field = (name: string) => screen.getByRole('textbox', { name });

  it('says at the field what is not a number, and sends nothing', async () => {
    const { sent } = renderEditor({});
    fireEvent.change(field('Name'), { target: { value: 'Field sales' } });
    fireEvent.change(field('Rate % (tier 1)'), { target: { value: 'lots' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(await screen.findByText('Enter a number.')).toBeTruthy();
    expect(field('Rate % (tier 1)').getAttribute('aria-invalid')).toBe('true');
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it("shows the API's refusal of a tier at that tier's field, in the user's words", async () => {
    const { sentTo } = renderEditor({
      'POST /api/commission-plans': () => fail(400, 'REQUEST.VALIDATION_FAILED', { fields: [{ path: 'tiers.1.fromPercent', code: 'custom', message: 'each tier starts above the one before' }] }),
    });
    fireEvent.change(field('Name'), { target: { value: 'Field sales' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ana Souza' }));
    fireEvent.change(field('Rate % (tier 1)'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tier' }));
    fireEvent.change(field('From % of goal (tier 2)'), { target: { value: '0' } });
    fireEvent.change(field('Rate % (tier 2)'), { target: { value: '8,5' } });
    fireEvent.click(screen.getByRole('radio', { name: /^Retroactive/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(await screen.findByText('Each tier starts above the one before.')).toBeTruthy();
    expect(field('From % of goal (tier 2)').getAttribute('aria-invalid')).toBe('true');
    expect(sentTo('POST /api/commission-plans')[0]?.body).toMatchObject({
      name: 'Field sales',
      memberIds: ['ana'],
      period: 'month',
      tiers: [
        { fromPercent: 0, rate: 5 },
        { fromPercent: 0, rate: 8.5 },
      ],
      mode: 'retroactive',
      productRates: [],
      expensesReduceBase: false,
    });
  });

  it("changes a plan at the version read, and says at the field what COMMISSION.INVALID_PLAN names", async () => {
    const plan = { ...stamp, id: 'p1', version: 7, ownerId: 'admin', name: 'Field sales', memberIds: ['ana'], period: 'quarter', from: '2026-10', tiers: [{ fromPercent: 0, rate: 5 }], mode: 'marginal', productRates: [], expensesReduceBase: false };
    const { sentTo } = renderEditor(
      { 'PATCH /api/commission-plans/{id}': () => fail(400, 'COMMISSION.INVALID_PLAN', { fields: [{ path: 'from', code: 'COMMISSION.INVALID_PLAN', message: 'a quarter cannot start in 2026-11' }] }) },
      plan,
    );
    fireEvent.change(field('From month'), { target: { value: '2026-11' } });
    fireEvent.change(field('Cap per period, in EUR (optional)'), { target: { value: '2500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save plan' }));
    expect(await screen.findByText('A quarter cannot start in this month.')).toBeTruthy();
    const [patch] = sentTo('PATCH /api/commission-plans/{id}');
    expect(patch?.headers['if-match']).toBe('"7"');
    expect(patch?.body).toMatchObject({ from: '2026-11', cap: 2500, until: null });
  });
});
