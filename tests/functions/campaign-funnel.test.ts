import { create, createTestApp, TENANT_A, type TestApp, testStores } from './test-app';

// A campaign's funnel from the report cells: leads by the month they came, conversions, the deals made of them and the
// money won, against what the campaign cost. Every figure below is counted by hand from what the test makes.
describe.each(testStores)("campaigns' funnels on %s", (store) => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  const ids: Record<string, string> = {};
  const clock = '2026-11-15T10:00:00.000Z';

  beforeAll(async () => {
    t = await createTestApp({ store, now: () => new Date(clock) });
    admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    manager = await t.token(TENANT_A, 'the-manager', ['manager']);
    const settings = await t.call('update-settings', {
      token: admin,
      headers: { 'if-match': '"0"' },
      body: { reportingCurrency: 'EUR', exchangeRates: [{ currency: 'USD', month: '2026-10', rate: '0.8' }, { currency: 'USD', month: '2026-11', rate: '0.9' }] },
    });
    expect(settings.status).toBe(200);
    ids.webinar = (await create(t, 'campaign', { name: 'Autumn webinar', channel: 'email', budget: 1000, currency: 'EUR', startsOn: '2026-10-01' }, admin)).id;
    // In dollars: its budget is converted at October's rate (its start), its won money at November's (when won).
    ids.fair = (await create(t, 'campaign', { name: 'Trade fair', channel: 'event', budget: 2000, currency: 'USD', startsOn: '2026-10-10' }, admin)).id;
    ids.quiet = (await create(t, 'campaign', { name: 'Quiet mailing', channel: 'email', budget: 500, currency: 'EUR', startsOn: '2026-11-01' }, admin)).id;

    const lead = async (lastName: string, campaignId?: string) => (await create(t, 'lead', { lastName, ...(campaignId ? { campaignId } : {}) }, manager)).id;
    const convert = async (leadId: string, deal: { amount: number; currency: string }) => {
      const converted = await t.call('convert-lead', { token: manager, params: { id: leadId }, headers: { 'if-match': '"1"' }, body: { deal: { name: `Deal of ${leadId}`, stage: 'proposal', ...deal } } });
      expect(converted.status).toBe(200);
      return converted.body.deal as { id: string; version: number; campaignId: string };
    };
    const win = async (deal: { id: string; version: number }) => {
      const won = await t.call('update-deal', { token: manager, params: { id: deal.id }, headers: { 'if-match': `"${deal.version}"` }, body: { stage: 'won' } });
      expect(won.body.status).toBe('won');
    };
    // The webinar: four leads, two converted, one of those deals won (3,000 €).
    const w = [await lead('Alves', ids.webinar), await lead('Brito', ids.webinar), await lead('Cunha', ids.webinar), await lead('Dias', ids.webinar)];
    const wonDeal = await convert(w[0]!, { amount: 3000, currency: 'EUR' });
    expect(wonDeal.campaignId).toBe(ids.webinar);
    await win(wonDeal);
    await convert(w[1]!, { amount: 700, currency: 'EUR' });
    // The fair: two leads, one converted and won in dollars (1,000 $ = 900 € at November's rate).
    const f = [await lead('Eanes', ids.fair), await lead('Faria', ids.fair)];
    await win(await convert(f[0]!, { amount: 1000, currency: 'USD' }));
    // A lead of no campaign counts in none.
    await convert(await lead('Gomes'), { amount: 5000, currency: 'EUR' });
  });
  afterAll(async () => t.close());

  const report = async (name: string, query: Record<string, string> = {}, token = manager) => t.call('report', { token, params: { report: name }, query: { from: '2026-10', to: '2026-11', ...query } });
  const rowsOf = (body: { rows: { key: string; label: string; values: Record<string, number | null> }[] }) => Object.fromEntries(body.rows.map((row) => [row.label, row.values]));

  it('counts each campaign from its leads to the money won, with its cost per lead and return on budget', async () => {
    const funnel = await report('campaign-funnel');
    expect(funnel.status).toBe(200);
    expect(funnel.body.currency).toBe('EUR');
    expect(funnel.body.rows.map((row: { label: string }) => row.label)).toEqual(['Autumn webinar', 'Trade fair', 'Quiet mailing']);
    expect(rowsOf(funnel.body)).toEqual({
      'Autumn webinar': { clicks: 0, leads: 4, converted: 2, deals: 2, won: 1, wonAmount: 3000, clickToLead: null, leadToConverted: 0.5, budget: 1000, costPerLead: 250, returnOnBudget: 3 },
      'Trade fair': { clicks: 0, leads: 2, converted: 1, deals: 1, won: 1, wonAmount: 900, clickToLead: null, leadToConverted: 0.5, budget: 1600, costPerLead: 800, returnOnBudget: 0.5625 },
      'Quiet mailing': { clicks: 0, leads: 0, converted: 0, deals: 0, won: 0, wonAmount: 0, clickToLead: null, leadToConverted: null, budget: 500, costPerLead: null, returnOnBudget: 0 },
    });
  });

  it('adds the funnels up by channel and by month, and narrows them to one campaign', async () => {
    const byChannel = rowsOf((await report('campaign-funnel-by-channel')).body);
    expect(Object.keys(byChannel)).toEqual(['email', 'event']);
    expect(byChannel.email).toMatchObject({ leads: 4, converted: 2, deals: 2, won: 1, wonAmount: 3000 });
    expect(byChannel.event).toMatchObject({ leads: 2, converted: 1, deals: 1, won: 1, wonAmount: 900 });
    const byMonth = (await report('campaign-funnel-by-month')).body;
    expect(byMonth.rows).toEqual([{ key: '2026-11', label: '2026-11', values: expect.objectContaining({ leads: 6, converted: 3, deals: 3, won: 2, wonAmount: 3900 }) }]);
    const one = await report('campaign-funnel-by-month', { campaignId: ids.fair! });
    expect(one.body.filters).toEqual({ campaignId: ids.fair });
    expect(one.body.rows[0].values).toMatchObject({ leads: 2, won: 1, wonAmount: 900 });
    // Leads that came by no affiliate site are in no affiliate's row.
    expect((await report('campaign-funnel-by-affiliate')).body.rows).toEqual([]);
  });

  it('is for managers and campaign managers, not for a rep', async () => {
    const rep = await t.token(TENANT_A, 'rita-rep', ['rep']);
    const refused = await report('campaign-funnel', {}, rep);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('CAMPAIGN.MANAGER_REQUIRED');
    const member = (await t.call('list-members', { token: admin })).body.items.find((item: { id: string }) => item.id === 'rita-rep');
    await t.call('update-member', { token: admin, params: { id: 'rita-rep' }, body: { capabilities: ['campaignManager'] }, headers: { 'if-match': `"${member.version}"` } });
    const marketer = await t.token(TENANT_A, 'rita-rep', ['rep']);
    expect((await report('campaign-funnel', {}, marketer)).status).toBe(200);
  });
});
