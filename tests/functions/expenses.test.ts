import { TENANT_A, create, createTestApp, testStores, type TestApp } from './test-app';

// Expenses (issue 20, part 2): a rep adds an expense to a deal or a company; a manager of their team approves or
// rejects it with a reason; approved ones come off the deal's margin; reports add them up by rep, category and month.
// Expenses are private records: a rep reads their own, a manager their team's, an admin everyone's.
describe.each(testStores)('expenses on %s', (store) => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let ana: string;
  let ben: string;
  let eve: string;
  let otherManager: string;

  beforeEach(async () => {
    t = await createTestApp({ store, now: () => new Date('2026-11-16T10:00:00Z') });
    admin = await t.token(TENANT_A, 'admin-1', ['admin'], 'Ada Admin');
    manager = await t.token(TENANT_A, 'manager-1', ['manager'], 'Mia Manager');
    otherManager = await t.token(TENANT_A, 'manager-2', ['manager'], 'Max Manager');
    ana = await t.token(TENANT_A, 'rep-ana', ['rep'], 'Ana Souza');
    ben = await t.token(TENANT_A, 'rep-ben', ['rep'], 'Ben Okafor');
    eve = await t.token(TENANT_A, 'rep-eve', ['rep'], 'Eve Stone');
    for (const token of [admin, manager, otherManager, ana, ben, eve]) expect((await t.call('get-me', { token })).status).toBe(200);
    // Ana names Mia as her manager; Ben is on Mia's team (North); Eve is on South, Max's.
    const members = (await t.call('list-members', { token: admin })).body.items as { id: string; version: number }[];
    const set = async (id: string, body: object) => {
      const member = members.find((item) => item.id === id)!;
      expect((await t.call('update-member', { token: admin, params: { id }, body, headers: { 'if-match': `"${member.version}"` } })).status).toBe(200);
    };
    await set('rep-ana', { managerId: 'manager-1' });
    await set('manager-1', { team: 'North' });
    await set('rep-ben', { team: 'North' });
    await set('rep-eve', { team: 'South' });
    await set('manager-2', { team: 'South' });
    // Reports in EUR; USD at 0.9 from October, 0.8 from November.
    const settings = await t.call('get-settings', { token: admin });
    const rates = [
      { currency: 'USD', month: '2026-10', rate: '0.9' },
      { currency: 'USD', month: '2026-11', rate: '0.8' },
    ];
    expect((await t.call('update-settings', { token: admin, body: { reportingCurrency: 'EUR', exchangeRates: rates }, headers: { 'if-match': `"${settings.body.version}"` } })).status).toBe(200);
  });
  afterEach(() => t.close());

  const add = (body: object, token = ana) => t.call('create-expense', { token, body });
  const approve = (id: string, token = manager, body: object = {}) => t.call('approve-expense', { token, params: { id }, body });
  const reject = (id: string, body: object, token = manager) => t.call('reject-expense', { token, params: { id }, body });
  const lunch = (companyId: string) => ({ date: '2026-11-02', amount: 42.5, currency: 'EUR', category: 'meals', description: 'Lunch with the buyer', companyId });

  it('adds a submitted expense to a deal, and to the deal’s company too', async () => {
    const company = await create(t, 'company', { name: 'Contoso' }, ana);
    const deal = await create(t, 'deal', { name: 'Seats', stage: 'proposal', amount: 1000, currency: 'EUR', companyId: company.id }, ana);
    const added = await add({ date: '2026-11-03', amount: 120, currency: 'EUR', category: 'travel', description: 'Train to Porto', dealId: deal.id });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ status: 'submitted', dealId: deal.id, companyId: company.id, ownerId: 'rep-ana', amount: 120 });
    expect(added.body.decision).toBeUndefined();
    // The deal and the company each list it.
    expect((await t.call('list-expenses', { token: ana, query: { dealId: deal.id } })).body.items.map((item: any) => item.description)).toEqual(['Train to Porto']);
    expect((await t.call('list-expenses', { token: ana, query: { companyId: company.id } })).body.items.map((item: any) => item.description)).toEqual(['Train to Porto']);
  });

  it('refuses an expense without a deal or a company, of nothing, or finer than its currency, each with its code at the field', async () => {
    const company = await create(t, 'company', { name: 'Contoso' }, ana);
    const none = await add({ date: '2026-11-02', amount: 10, currency: 'EUR', category: 'meals', description: 'Coffee' });
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(none.body.error.details.fields[0].path).toBe('dealId');
    const zero = await add({ ...lunch(company.id), amount: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.error.details.fields[0].path).toBe('amount');
    const yen = await add({ ...lunch(company.id), amount: 1200.5, currency: 'JPY' });
    expect(yen.status).toBe(400);
    expect(yen.body.error.code).toBe('EXPENSE.AMOUNT_PRECISION');
    expect(yen.body.error.message).toBe('JPY amounts have 0 decimals at most: 1200.5 has more.');
    const category = await add({ ...lunch(company.id), category: 'yacht' });
    expect(category.status).toBe(400);
    expect(category.body.error.details.fields[0].path).toBe('category');
    const unknown = await add({ ...lunch('no-such-company') });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('RECORD.REFERENCE_NOT_FOUND');
  });

  it('lets the rep’s manager approve it, and not the rep, nor another team’s manager, nor the rep’s own manager for themself', async () => {
    const company = await create(t, 'company', { name: 'Contoso' }, ana);
    const expense = (await add(lunch(company.id))).body;
    const byRep = await approve(expense.id, ana);
    expect(byRep.status).toBe(403);
    expect(byRep.body.error.code).toBe('AUTH.ROLE_REQUIRED');
    // Max manages South: Ana's expense is not found for him, as if it did not exist.
    const byOther = await approve(expense.id, otherManager);
    expect(byOther.status).toBe(404);
    expect(byOther.body.error.code).toBe('RECORD.NOT_FOUND');
    const approved = await approve(expense.id, manager, { reason: 'Fine' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decision: { by: 'manager-1', at: '2026-11-16T10:00:00.000Z', reason: 'Fine' } });
    // A second decision is refused: only a submitted expense is decided.
    const again = await reject(expense.id, { reason: 'Changed my mind' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EXPENSE.STATUS_FLOW');
    // Mia's own expense is decided by someone else.
    const own = (await add(lunch(company.id), manager)).body;
    const self = await approve(own.id, manager);
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('EXPENSE.OWN_DECISION');
    expect((await approve(own.id, admin)).body.status).toBe('approved');
  });

  it('needs a reason to reject, and submits a rejected expense again when the rep changes it', async () => {
    const company = await create(t, 'company', { name: 'Contoso' }, ana);
    const expense = (await add(lunch(company.id))).body;
    const bare = await reject(expense.id, {});
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.fields[0].path).toBe('reason');
    const rejected = await reject(expense.id, { reason: 'No receipt' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decision: { by: 'manager-1', reason: 'No receipt' } });
    const changed = await t.call('update-expense', { token: ana, params: { id: expense.id }, body: { amount: 38 }, headers: { 'if-match': `"${rejected.body.version}"` } });
    expect(changed.status).toBe(200);
    expect(changed.body.status).toBe('submitted');
    expect(changed.body.amount).toBe(38);
    expect(changed.body.decision).toBeUndefined();
    expect((await approve(expense.id)).body.status).toBe('approved');
  });

  it('keeps an approved expense’s amount, currency, date and category, while its description may change', async () => {
    const company = await create(t, 'company', { name: 'Contoso' }, ana);
    const expense = (await add(lunch(company.id))).body;
    const approved = (await approve(expense.id)).body;
    const amount = await t.call('update-expense', { token: ana, params: { id: expense.id }, body: { amount: 99, category: 'travel' }, headers: { 'if-match': `"${approved.version}"` } });
    expect(amount.status).toBe(409);
    expect(amount.body.error.code).toBe('EXPENSE.DECIDED');
    expect(amount.body.error.details.fields).toEqual(['amount', 'category']);
    const described = await t.call('update-expense', { token: ana, params: { id: expense.id }, body: { description: 'Lunch with the buyer and their engineer' }, headers: { 'if-match': `"${approved.version}"` } });
    expect(described.status).toBe(200);
    expect(described.body).toMatchObject({ status: 'approved', amount: 42.5 });
  });

  it('lets a rep read only their own expenses: another rep’s is not found by id, in a list, its history or its receipt', async () => {
    const company = await create(t, 'company', { name: 'Contoso' }, ana);
    const expense = (await add(lunch(company.id))).body;
    await add({ ...lunch(company.id), description: 'Ben’s taxi', category: 'travel' }, ben);
    const receipt = await t.call('upload-document', { token: ana, query: { recordKind: 'expense', recordId: expense.id, name: 'receipt.pdf' }, bytes: Buffer.from('%PDF-1.4\n%%EOF\n') });
    expect(receipt.status).toBe(201);
    expect(receipt.body.expenseId).toBe(expense.id);

    for (const [name, options] of [
      ['get-expense', { params: { id: expense.id } }],
      ['expense-history', { params: { id: expense.id } }],
      ['update-expense', { params: { id: expense.id }, body: { description: 'Mine now' }, headers: { 'if-match': '"1"' } }],
      ['list-documents', { query: { recordKind: 'expense', recordId: expense.id } }],
      ['get-document', { params: { id: receipt.body.id } }],
      ['document-content', { params: { id: receipt.body.id } }],
      ['delete-document', { params: { id: receipt.body.id }, headers: { 'if-match': '"1"' } }],
    ] as const) {
      const answer = await t.call(name, { token: ben, ...options });
      expect({ name, status: answer.status }).toEqual({ name, status: 404 });
      expect(answer.body.error.code).toBe('RECORD.NOT_FOUND');
    }
    const listed = async (token: string, query: Record<string, string> = {}) => (await t.call('list-expenses', { token, query })).body.items.map((item: any) => item.description).sort();
    expect(await listed(ben)).toEqual(['Ben’s taxi']);
    expect(await listed(ben, { companyId: company.id })).toEqual(['Ben’s taxi']);
    expect(await listed(ben, { ownerId: 'rep-ana' })).toEqual([]);
    expect(await listed(ana)).toEqual(['Lunch with the buyer']);
    // Mia manages both (Ana names her; Ben shares her team); Max neither; the admin reads everyone's.
    expect(await listed(manager)).toEqual(['Ben’s taxi', 'Lunch with the buyer']);
    expect(await listed(otherManager)).toEqual([]);
    expect(await listed(admin)).toEqual(['Ben’s taxi', 'Lunch with the buyer']);
    expect((await t.call('get-expense', { token: manager, params: { id: expense.id } })).status).toBe(200);
    expect((await t.call('get-document', { token: manager, params: { id: receipt.body.id } })).status).toBe(200);
    // Max, a manager of another team, may not delete Ana's receipt: for him it is not there.
    expect((await t.call('delete-document', { token: otherManager, params: { id: receipt.body.id }, headers: { 'if-match': '"1"' } })).status).toBe(404);
  });

  it('shows a deleted expense in the recycle bin of those who may read it only', async () => {
    const company = await create(t, 'company', { name: 'Contoso' }, ana);
    const expense = (await add(lunch(company.id))).body;
    expect((await t.call('delete-expense', { token: ana, params: { id: expense.id }, headers: { 'if-match': '"1"' } })).status).toBe(204);
    const bin = async (token: string) => (await t.call('list-deleted', { token })).body.items.filter((item: any) => item.kind === 'expense').map((item: any) => item.record.id);
    expect(await bin(ana)).toEqual([expense.id]);
    expect(await bin(manager)).toEqual([expense.id]);
    expect(await bin(ben)).toEqual([]);
    expect(await bin(otherManager)).toEqual([]);
    const restore = await t.call('restore-expense', { token: otherManager, params: { id: expense.id }, headers: { 'if-match': '"2"' } });
    expect(restore.status).toBe(404);
  });

  it('lists a manager’s pending approvals: their team’s submitted expenses, the oldest first, never their own', async () => {
    const company = await create(t, 'company', { name: 'Contoso' }, ana);
    const later = (await add({ ...lunch(company.id), date: '2026-11-10', description: 'Later lunch' })).body;
    await add({ ...lunch(company.id), date: '2026-11-01', description: 'Ben’s early taxi' }, ben);
    await add({ ...lunch(company.id), description: 'Eve’s dinner' }, eve);
    await add({ ...lunch(company.id), description: 'Mia’s own' }, manager);
    const decided = (await add({ ...lunch(company.id), description: 'Approved already' })).body;
    await approve(decided.id);
    const pending = await t.call('pending-expenses', { token: manager });
    expect(pending.status).toBe(200);
    expect(pending.body.items.map((item: any) => item.description)).toEqual(['Ben’s early taxi', 'Later lunch']);
    expect(pending.body.capped).toBe(false);
    await reject(later.id, { reason: 'Which buyer?' });
    expect((await t.call('pending-expenses', { token: manager })).body.items.map((item: any) => item.description)).toEqual(['Ben’s early taxi']);
    expect((await t.call('pending-expenses', { token: otherManager })).body.items.map((item: any) => item.description)).toEqual(['Eve’s dinner']);
    expect((await t.call('pending-expenses', { token: admin })).body.items.map((item: any) => item.description).sort()).toEqual(['Ben’s early taxi', 'Eve’s dinner', 'Mia’s own']);
    expect((await t.call('pending-expenses', { token: ana })).status).toBe(403);
  });

  it('takes approved expenses off the deal’s margin, in the deal’s currency when all share it, else in EUR at each month’s rate', async () => {
    const deal = await create(t, 'deal', { name: 'Seats', stage: 'proposal', amount: 1000, currency: 'EUR' }, ana);
    const first = (await add({ date: '2026-11-03', amount: 120.1, currency: 'EUR', category: 'travel', description: 'Train', dealId: deal.id })).body;
    await add({ date: '2026-11-04', amount: 30, currency: 'EUR', category: 'meals', description: 'Pending lunch', dealId: deal.id });
    await approve(first.id);
    const margin = async (token = ana) => (await t.call('deal-margin', { token, params: { id: deal.id } })).body;
    expect(await margin()).toEqual({ currency: 'EUR', converted: false, amount: 1000, expenses: 120.1, margin: 879.9, approvedCount: 1, submittedCount: 1, ratesUsed: [], missingRates: [] });
    // A hotel in USD in October (0.9): 200 USD = 180 EUR; the deal is open, at November's rate for EUR itself.
    const hotel = (await add({ date: '2026-10-28', amount: 200, currency: 'USD', category: 'lodging', description: 'Hotel', dealId: deal.id })).body;
    await approve(hotel.id);
    expect(await margin(ben)).toEqual({
      currency: 'EUR',
      converted: true,
      amount: 1000,
      expenses: 300.1,
      margin: 699.9,
      approvedCount: 2,
      submittedCount: 1,
      ratesUsed: [{ currency: 'USD', month: '2026-10', rate: '0.9' }],
      missingRates: [],
    });
    // A currency without a rate is named, and its expense left out of the figures.
    const taxi = (await add({ date: '2026-11-05', amount: 50, currency: 'GBP', category: 'travel', description: 'Taxi', dealId: deal.id })).body;
    await approve(taxi.id);
    expect(await margin()).toMatchObject({ expenses: 300.1, margin: 699.9, missingRates: ['GBP'] });
  });

  it('takes a won deal’s approved expenses off its commission base where the plan says so, and only approved ones', async () => {
    const plan = { name: 'Net of expenses', memberIds: ['rep-ana'], period: 'month', from: '2026-11', tiers: [{ fromPercent: 0, rate: 10 }], expensesReduceBase: true };
    expect((await t.call('create-commissionPlan', { token: admin, body: plan })).status).toBe(201);
    const deal = await create(t, 'deal', { name: 'Seats', stage: 'won', amount: 1000, currency: 'EUR' }, ana);
    const hotel = (await add({ date: '2026-11-03', amount: 120.5, currency: 'EUR', category: 'lodging', description: 'Hotel', dealId: deal.id })).body;
    await add({ date: '2026-11-04', amount: 50, currency: 'EUR', category: 'meals', description: 'Waiting lunch', dealId: deal.id });
    await approve(hotel.id);
    const statement = await t.call('commission-statement', { token: ana, query: { day: '2026-11-16' } });
    expect(statement.status).toBe(200);
    // 1,000.00 won less the approved 120.50 (the waiting lunch is not taken off): 879.50 at 10 % = 87.95.
    expect(statement.body.lines.map((line: any) => [line.name, line.wonMinor, line.expensesMinor, line.baseMinor, line.commissionMinor])).toEqual([['Seats', 100_000, 12_050, 87_950, 8_795]]);
  });

  it('reports expenses by rep, category and month, each month converted at its rate, to the cent', async () => {
    const company = await create(t, 'company', { name: 'Contoso' }, ana);
    const spend = async (token: string, body: object, decision: 'approve' | 'reject' | null) => {
      const expense = (await add({ ...lunch(company.id), ...body }, token)).body;
      if (decision === 'approve') expect((await approve(expense.id)).status).toBe(200);
      if (decision === 'reject') expect((await reject(expense.id, { reason: 'No' })).status).toBe(200);
    };
    await spend(ana, { date: '2026-10-05', amount: 100.01, currency: 'USD', category: 'travel' }, 'approve');
    await spend(ana, { date: '2026-11-05', amount: 100.01, currency: 'USD', category: 'travel' }, 'approve');
    await spend(ana, { date: '2026-11-06', amount: 20.5, currency: 'EUR', category: 'meals' }, null);
    await spend(ben, { date: '2026-11-07', amount: 55.55, currency: 'EUR', category: 'meals' }, 'approve');
    await spend(ben, { date: '2026-11-08', amount: 999, currency: 'EUR', category: 'entertainment' }, 'reject');
    await spend(ben, { date: '2026-11-09', amount: 10, currency: 'CHF', category: 'supplies' }, 'approve');
    await spend(eve, { date: '2026-11-09', amount: 70, currency: 'EUR', category: 'meals' }, null);
    const report = async (name: string, token = manager) => (await t.call('report', { token, params: { report: name }, query: { from: '2026-10', to: '2026-11' } })).body;

    // Ana: 100.01 USD × 0.9 (October) = 90.009 → 90.01, and × 0.8 (November) = 80.008 → 80.01: 170.02 EUR approved.
    // Ben: 55.55 EUR approved; his CHF has no rate (counted, not summed); 999 EUR rejected. Eve is Max's, not Mia's.
    const byOwner = await report('expenses-by-owner');
    expect(byOwner).toMatchObject({ currency: 'EUR', converted: true, missingRates: ['CHF'] });
    expect(byOwner.rows.map((row: any) => [row.label, row.values])).toEqual([
      ['Ana Souza', { approved: 2, approvedAmount: 170.02, submitted: 1, submittedAmount: 20.5, rejected: 0 }],
      ['Ben Okafor', { approved: 2, approvedAmount: 55.55, submitted: 0, submittedAmount: 0, rejected: 1 }],
    ]);
    expect(byOwner.ratesUsed).toEqual([
      { currency: 'USD', month: '2026-10', rate: '0.9' },
      { currency: 'USD', month: '2026-11', rate: '0.8' },
    ]);
    const byCategory = await report('expenses-by-category');
    expect(byCategory.rows.map((row: any) => [row.key, row.values.approvedAmount, row.values.submittedAmount])).toEqual([
      ['travel', 170.02, 0],
      ['meals', 55.55, 20.5],
      ['entertainment', 0, 0],
      ['supplies', 0, 0],
    ]);
    const byMonth = await report('expenses-by-month');
    expect(byMonth.rows.map((row: any) => [row.key, row.values.approved, row.values.approvedAmount])).toEqual([
      ['2026-10', 1, 90.01],
      ['2026-11', 3, 135.56],
    ]);
    // The admin sees every team's; a rep their own only, and asking for a colleague's is refused.
    expect((await report('expenses-by-owner', admin)).rows.map((row: any) => row.label)).toEqual(['Ana Souza', 'Ben Okafor', 'Eve Stone']);
    expect((await report('expenses-by-owner', ben)).rows.map((row: any) => row.label)).toEqual(['Ben Okafor']);
    const colleague = await t.call('report', { token: ben, params: { report: 'expenses-by-owner' }, query: { ownerId: 'rep-ana' } });
    expect(colleague.status).toBe(403);
  });
});
