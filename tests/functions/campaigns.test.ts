import { formKeyOf, mappedValues, parseCsv, suggestMapping } from '@rapport/shared';
import { bringUpLegacyCampaigns } from '../../functions/src/campaigns/legacy-campaigns';
import { RecordWriter } from '../../functions/src/services/record-writer';
import { storeAsPreviousRelease } from './previous-release';
import { create, createTestApp, TENANT_A, type TestApp, testStores } from './test-app';

const at = '2026-01-01T00:00:00.000Z';
const system = (id: string) => ({ tenantId: TENANT_A, id, createdAt: at, createdBy: 'user-a', updatedAt: at, updatedBy: 'user-a', ownerId: 'user-a', version: 1 });

// Campaigns: records a tenant's campaign managers keep, named once, chosen on leads, web forms and imports.
describe.each(testStores)('campaigns on %s', (store) => {
  let t: TestApp;
  let admin: string;
  let rep: string;
  beforeEach(async () => {
    t = await createTestApp({ store });
    admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    rep = await t.token(TENANT_A, 'rita-rep', ['rep']);
  });
  afterEach(async () => t.close());

  const makeCampaignManager = async (id: string) => {
    const member = (await t.call('list-members', { token: admin })).body.items.find((item: { id: string }) => item.id === id);
    const changed = await t.call('update-member', { token: admin, params: { id }, body: { capabilities: ['campaignManager'] }, headers: { 'if-match': `"${member.version}"` } });
    expect(changed.status).toBe(200);
  };

  it('lets admins and campaign managers keep campaigns, and tells anyone else whom to ask', async () => {
    const refused = await t.call('create-campaign', { token: rep, body: { name: 'Autumn fair' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('CAMPAIGN.MANAGER_REQUIRED');
    expect(refused.body.error.message).toBe('Only a campaign manager or an admin can change campaigns. Ask your admin to make you a campaign manager.');
    await makeCampaignManager('rita-rep');
    const made = await t.call('create-campaign', { token: rep, body: { name: 'Autumn fair', channel: 'event', budget: 5000, currency: 'EUR', startsOn: '2026-10-01', endsOn: '2026-10-20' } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'Autumn fair', channel: 'event', status: 'planned', budget: 5000, ownerId: 'rita-rep', version: 1 });
    // Everyone reads them, to choose one.
    const other = await t.token(TENANT_A, 'rui-rep', ['rep']);
    expect((await t.call('list-campaigns', { token: other })).body.items.map((item: { name: string }) => item.name)).toEqual(['Autumn fair']);
  });

  it('keeps one campaign per name, whatever the case and spaces, also on a rename', async () => {
    const first = await create(t, 'campaign', { name: 'Autumn fair' }, admin);
    const again = await t.call('create-campaign', { token: admin, body: { name: '  autumn   FAIR ' } });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ code: 'CAMPAIGN.DUPLICATE_NAME', details: { fields: [{ path: 'name' }] } });
    const second = await create(t, 'campaign', { name: 'Winter mailing' }, admin);
    const renamed = await t.call('update-campaign', { token: admin, params: { id: second.id }, headers: { 'if-match': '"1"' }, body: { name: 'AUTUMN FAIR' } });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.code).toBe('CAMPAIGN.DUPLICATE_NAME');
    // Two creates of one name at once make one campaign.
    const raced = await Promise.all([1, 2, 3].map(() => t.call('create-campaign', { token: admin, body: { name: 'Spring mailing' } })));
    expect(raced.filter((response) => response.status === 201)).toHaveLength(1);
    expect(raced.filter((response) => response.status !== 201).map((response) => Math.floor(response.status / 100))).toEqual([4, 4]);
    const names = (await t.call('list-campaigns', { token: admin })).body.items.map((item: { name: string }) => item.name);
    expect(names.filter((name: string) => name === 'Spring mailing')).toHaveLength(1);
    expect(first.id).not.toBe(second.id);
  });

  it('refuses an end before the start and a status the flow does not allow, saying which', async () => {
    const backwards = await t.call('create-campaign', { token: admin, body: { name: 'Backwards', startsOn: '2026-05-10', endsOn: '2026-05-01' } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toMatchObject({ code: 'CAMPAIGN.END_BEFORE_START', details: { fields: [{ path: 'endsOn' }] } });
    const campaign = await create(t, 'campaign', { name: 'Flow' }, admin);
    const jump = await t.call('update-campaign', { token: admin, params: { id: campaign.id }, headers: { 'if-match': '"1"' }, body: { status: 'completed' } });
    expect(jump.status).toBe(409);
    expect(jump.body.error.code).toBe('CAMPAIGN.STATUS_FLOW');
    const started = await t.call('update-campaign', { token: admin, params: { id: campaign.id }, headers: { 'if-match': '"1"' }, body: { status: 'active' } });
    expect(started.body).toMatchObject({ status: 'active', version: 2 });
  });

  it('gives a lead its campaign by id or by name, shows the name, and refuses a name no campaign has', async () => {
    const campaign = await create(t, 'campaign', { name: 'Autumn fair' }, admin);
    const byId = await create(t, 'lead', { lastName: 'Lind', campaignId: campaign.id, source: 'campaign' }, rep);
    expect(byId).toMatchObject({ campaignId: campaign.id, campaign: 'Autumn fair' });
    const byName = await create(t, 'lead', { lastName: 'Holm', campaign: 'AUTUMN fair' }, rep);
    expect(byName).toMatchObject({ campaignId: campaign.id, campaign: 'Autumn fair' });
    const unknown = await t.call('create-lead', { token: rep, body: { lastName: 'Berg', campaign: 'No such fair' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'CAMPAIGN.UNKNOWN', details: { fields: [{ path: 'campaign' }] } });
    const missing = await t.call('create-lead', { token: rep, body: { lastName: 'Berg', campaignId: 'no-such-campaign' } });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatchObject({ code: 'RECORD.REFERENCE_NOT_FOUND', details: { field: 'campaignId' } });
    // Cleared, the name goes with the id.
    const cleared = await t.call('update-lead', { token: rep, params: { id: byId.id }, headers: { 'if-match': '"1"' }, body: { campaignId: null } });
    expect(cleared.body.campaignId).toBeUndefined();
    expect(cleared.body.campaign).toBeUndefined();
  });

  it("gives each lead a web form makes the form's campaign", async () => {
    const campaign = await create(t, 'campaign', { name: 'Website 2026', channel: 'web' }, admin);
    const form = await create(t, 'form', { name: 'Contact us', campaignId: campaign.id }, admin);
    expect(form).toMatchObject({ campaignId: campaign.id, campaign: 'Website 2026' });
    const sent = await t.call('submit-web-form', { token: null, params: { formKey: formKeyOf(form) }, body: { lastName: 'Lind', email: 'rosa.lind@lindqvist.example' } });
    expect(sent.status).toBe(202);
    const [lead] = (await t.call('list-leads', { token: admin })).body.items;
    expect(lead).toMatchObject({ source: 'web-form', campaignId: campaign.id, campaign: 'Website 2026' });
  });

  it('makes one campaign for a name an import brings, however many rows and imports name it', async () => {
    const manager = await t.token(TENANT_A, 'the-manager', ['manager']);
    const existing = await create(t, 'campaign', { name: 'Newsletter' }, admin);
    const csv = ['Last Name,Email,Campaign', 'Souza,ana@x.example,Spring fair', 'Lind,bo@x.example,spring FAIR', 'Marsh,cy@x.example,Newsletter'].join('\n');
    const [header, ...rows] = parseCsv(csv);
    const mapping = suggestMapping('lead', header!.fields);
    const batch = (importId: string) => ({ importId, rows: rows.map((row) => ({ line: row.line, values: mappedValues(header!.fields, row.fields, mapping) })) });
    expect((await t.call('import-leads', { token: manager, body: batch('import-0001') })).body).toMatchObject({ created: 3 });
    const campaigns = (await t.call('list-campaigns', { token: rep })).body.items;
    expect(campaigns.map((item: { name: string }) => item.name).sort()).toEqual(['Newsletter', 'Spring fair']);
    const leads = (await t.call('list-leads', { token: manager })).body.items as { lastName: string; campaignId: string; campaign: string }[];
    const spring = campaigns.find((item: { name: string }) => item.name === 'Spring fair');
    expect(Object.fromEntries(leads.map((lead) => [lead.lastName, [lead.campaignId, lead.campaign]]))).toEqual({
      Souza: [spring.id, 'Spring fair'],
      Lind: [spring.id, 'Spring fair'],
      Marsh: [existing.id, 'Newsletter'],
    });
    await t.call('import-leads', { token: manager, body: batch('import-0002') });
    expect((await t.call('list-campaigns', { token: rep })).body.items).toHaveLength(2);
  });

  it('turns the campaign names an earlier release stored on leads and forms into campaigns, once', async () => {
    await storeAsPreviousRelease(t, 'lead', [
      { ...system('old-lead-1'), lastName: 'Souza', source: 'campaign', status: 'new', campaign: 'Trade fair Milano' },
      { ...system('old-lead-2'), lastName: 'Lind', source: 'web-form', status: 'assigned', campaign: 'trade FAIR milano' },
      { ...system('old-lead-3'), lastName: 'Marsh', source: 'manual', status: 'new' },
    ]);
    await storeAsPreviousRelease(t, 'form', [{ ...system('old-form'), name: 'Newsletter sign-up', campaign: 'Newsletter', revoked: false }]);
    const listed = (await t.call('list-campaigns', { token: rep })).body.items as { id: string; name: string; channel: string; status: string }[];
    expect(listed.map(({ name, channel, status }) => ({ name, channel, status })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Newsletter', channel: 'web', status: 'active' },
      { name: 'Trade fair Milano', channel: 'other', status: 'active' },
    ]);
    const milano = listed.find((item) => item.name === 'Trade fair Milano')!;
    const lead = (await t.call('get-lead', { token: rep, params: { id: 'old-lead-2' } })).body;
    expect(lead).toMatchObject({ campaignId: milano.id, campaign: 'trade FAIR milano', version: 1 });
    expect((await t.call('get-form', { token: admin, params: { id: 'old-form' } })).body.campaignId).toBe(listed.find((item) => item.name === 'Newsletter')!.id);
    // A change to the lead keeps its campaign, now named as the campaign is.
    const changed = await t.call('update-lead', { token: admin, params: { id: 'old-lead-2' }, headers: { 'if-match': '"1"' }, body: { firstName: 'Bo' } });
    expect(changed.body).toMatchObject({ campaignId: milano.id, campaign: 'Trade fair Milano', version: 2 });
    // Run again (as another process would), the migration makes nothing more.
    const writer = new RecordWriter({ store: t.app.store, now: () => new Date() });
    expect(await bringUpLegacyCampaigns({ tenantId: TENANT_A, userId: 'the-admin' }, { store: t.app.store, writer })).toBe(0);
    expect((await t.call('list-campaigns', { token: rep })).body.items).toHaveLength(2);
  });
});
