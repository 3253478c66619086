import type { Member } from '@rapport/shared';
import { createTestApp, create, TENANT_A, USER_A, USER_B, type TestApp, testStores } from './test-app';

const at = '2026-11-01T00:00:00.000Z';
const member = (id: string, displayName: string): Member => ({
  tenantId: TENANT_A,
  id,
  createdAt: at,
  createdBy: id,
  updatedAt: at,
  updatedBy: id,
  ownerId: id,
  version: 1,
  displayName,
  email: `${id}@rapport-demo.com`,
  role: 'rep',
});

// The names a page of activities points at come with the page, on each store adapter.
describe.each(testStores)('on %s', (store) => {
  let t: TestApp;
  let ids: { contact: string; other: string; company: string; deal: string; case: string; lead: string };
  beforeEach(async () => {
    t = await createTestApp({ store });
    await t.app.store.createMany('member', [member(USER_A, 'Avery Quinn'), member(USER_B, 'Blair Chen')]);
    const company = await create(t, 'company', { name: 'Contoso Pharma' });
    const contact = await create(t, 'contact', { firstName: 'Jamie', lastName: 'Rivera', companyId: company.id, emails: ['jamie@contoso.example'] });
    const other = await create(t, 'contact', { firstName: 'Kim', lastName: 'Lee', companyId: company.id });
    const deal = await create(t, 'deal', { name: 'Contoso renewal', stage: 'proposal', companyId: company.id, contactIds: [contact.id], amount: 1000 });
    const serviceCase = await create(t, 'case', { subject: 'Broken pump', contactId: contact.id, companyId: company.id });
    const lead = await create(t, 'lead', { firstName: 'Lou', lastName: 'Park' });
    ids = { contact: contact.id, other: other.id, company: company.id, deal: deal.id, case: serviceCase.id, lead: lead.id };
  });
  afterEach(async () => {
    await t.close();
  });

  const day = { dayStart: '2026-11-23T00:00:00+01:00', dayEnd: '2026-11-24T00:00:00+01:00' };

  it("names a timeline page's deals, cases, contacts, companies and who logged each entry", async () => {
    await create(t, 'activity', { kind: 'note', subject: 'Pricing talk', at: '2026-11-20T10:00:00Z', summary: 'They want 10% off.', contactIds: [ids.contact, ids.other], companyId: ids.company, dealId: ids.deal });
    await create(t, 'activity', { kind: 'call', subject: 'Pump call', at: '2026-11-21T10:00:00Z', contactIds: [ids.contact], caseId: ids.case }, await t.token(TENANT_A, USER_B));

    const response = await t.call('contact-timeline', { params: { id: ids.contact } });
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { subject: string }) => item.subject)).toEqual(['Pump call', 'Pricing talk']);
    expect(response.body.related).toEqual({
      contact: { [ids.contact]: 'Jamie Rivera', [ids.other]: 'Kim Lee' },
      company: { [ids.company]: 'Contoso Pharma' },
      deal: { [ids.deal]: 'Contoso renewal' },
      case: { [ids.case]: expect.stringMatching(/^#\d+ Broken pump$/) },
      member: { [USER_A]: 'Avery Quinn', [USER_B]: 'Blair Chen' },
    });
  });

  it('leaves out what was deleted, and names nothing for an empty timeline', async () => {
    expect((await t.call('deal-timeline', { params: { id: ids.deal } })).body.related).toEqual({});
    await create(t, 'activity', { kind: 'note', subject: 'About the lead', at: '2026-11-20T10:00:00Z', leadId: ids.lead, contactIds: [ids.contact] });
    const lead = await t.call('get-lead', { params: { id: ids.lead } });
    await t.call('delete-lead', { params: { id: ids.lead }, headers: { 'if-match': String(lead.body.version) } });
    const { related } = (await t.call('contact-timeline', { params: { id: ids.contact } })).body;
    expect(related.lead).toBeUndefined();
    expect(related.contact).toEqual({ [ids.contact]: 'Jamie Rivera' });
  });

  it("names the contacts and companies of my day's appointments, tasks and the next seven days' planned work", async () => {
    await create(t, 'activity', { kind: 'meeting', subject: 'Demo', at: '2026-11-23T16:00:00+01:00', status: 'planned', contactIds: [ids.contact], companyId: ids.company });
    await create(t, 'activity', { kind: 'task', subject: 'Send quote', at: '2026-11-20T09:00:00Z', status: 'planned', dealId: ids.deal });
    await create(t, 'activity', { kind: 'call', subject: 'Call Lou', at: '2026-11-26T09:00:00Z', status: 'planned', leadId: ids.lead });
    await create(t, 'activity', { kind: 'task', subject: 'Visit Kim', at: '2026-11-25T09:00:00Z', status: 'planned', contactIds: [ids.other] });
    await create(t, 'activity', { kind: 'task', subject: 'Too late', at: '2026-12-20T09:00:00Z', status: 'planned', contactIds: [ids.other] });

    const response = await t.call('my-day', { query: day });
    expect(response.status).toBe(200);
    expect(response.body.nextSevenDays.map((item: { subject: string }) => item.subject)).toEqual(['Visit Kim', 'Call Lou']);
    expect(response.body.counters.nextSevenDays).toBe(2);
    expect(response.body.related).toMatchObject({
      contact: { [ids.contact]: 'Jamie Rivera', [ids.other]: 'Kim Lee' },
      company: { [ids.company]: 'Contoso Pharma' },
      deal: { [ids.deal]: 'Contoso renewal' },
      lead: { [ids.lead]: 'Lou Park' },
      member: { [USER_A]: 'Avery Quinn' },
    });
  });

  it("names the calendar's appointments' contacts and companies, and keeps their owners' names", async () => {
    await create(t, 'activity', { kind: 'meeting', subject: 'Demo', at: '2026-11-24T10:00:00Z', status: 'planned', contactIds: [ids.contact], companyId: ids.company });
    const response = await t.call('list-appointments', { query: { from: '2026-11-23T00:00:00+01:00', to: '2026-11-30T00:00:00+01:00' } });
    expect(response.status).toBe(200);
    expect(response.body.owners).toEqual({ [USER_A]: { displayName: 'Avery Quinn' } });
    expect(response.body.related).toEqual({
      contact: { [ids.contact]: 'Jamie Rivera' },
      company: { [ids.company]: 'Contoso Pharma' },
      member: { [USER_A]: 'Avery Quinn' },
    });
  });

  it("names the deals, cases and authors of the lookup's latest timeline entries", async () => {
    await create(t, 'activity', { kind: 'call', subject: 'Pump call', at: '2026-11-21T10:00:00Z', contactIds: [ids.contact, ids.other], caseId: ids.case, dealId: ids.deal });
    const response = await t.call('lookup', { body: { emails: ['jamie@contoso.example'] } });
    expect(response.status).toBe(200);
    expect(response.body.results[0].timeline.map((item: { subject: string }) => item.subject)).toEqual(['Pump call']);
    // What the card's entries show: their deal or case, and who logged them (the timeline's own pages name the rest).
    expect(response.body.related).toEqual({
      deal: { [ids.deal]: 'Contoso renewal' },
      case: { [ids.case]: expect.stringMatching(/Broken pump$/) },
      member: { [USER_A]: 'Avery Quinn' },
    });
  });

  it('names many records of a kind at once', async () => {
    const companies = [];
    for (let n = 0; n < 6; n++) companies.push(await create(t, 'company', { name: `Firm ${n}` }));
    for (const [n, company] of companies.entries()) {
      await create(t, 'activity', { kind: 'note', subject: `Note ${n}`, at: `2026-11-1${n}T10:00:00Z`, contactIds: [ids.contact], companyId: company.id });
    }
    // More than a few of a kind: one bulk read, whatever the store (a query in the kind's partition on Cosmos DB).
    const { related } = (await t.call('contact-timeline', { params: { id: ids.contact } })).body;
    expect(Object.values(related.company).sort()).toEqual(['Firm 0', 'Firm 1', 'Firm 2', 'Firm 3', 'Firm 4', 'Firm 5']);
  });
});
