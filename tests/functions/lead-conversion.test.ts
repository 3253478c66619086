import { createTestApp, create, TENANT_A, type TestApp, testStores } from './test-app';

describe.each(testStores)('converting a lead on %s', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ store });
  });
  afterEach(async () => {
    await t.close();
  });

  const convert = (id: string, body: object, version = '"1"', token?: string) =>
    t.call('convert-lead', { params: { id }, body, headers: { 'if-match': version }, ...(token ? { token } : {}) });

  it('keeps a lead to its statuses: set by hand but converted only by converting, and final once converted', async () => {
    const lead = await create(t, 'lead', { lastName: 'Ortiz', email: 'dee@ortiz.example' });
    const inProcess = await t.call('update-lead', { params: { id: lead.id }, headers: { 'if-match': '"1"' }, body: { status: 'in-process' } });
    expect(inProcess.body).toMatchObject({ status: 'in-process', version: 2 });
    const byHand = await t.call('update-lead', { params: { id: lead.id }, headers: { 'if-match': '"2"' }, body: { status: 'converted' } });
    expect([byHand.status, byHand.body.error.code]).toEqual([409, 'LEAD.CONVERT_INSTEAD']);
    expect((await convert(lead.id, {}, '"2"')).status).toBe(200);
    const reopened = await t.call('update-lead', { params: { id: lead.id }, headers: { 'if-match': '"3"' }, body: { status: 'recycled' } });
    expect([reopened.status, reopened.body.error.code]).toEqual([409, 'LEAD.ALREADY_CONVERTED']);
  });

  it('creates the contact, the company and a deal in one step; the lead links to them and its history follows', async () => {
    await create(t, 'campaign', { name: 'Spring webinar' }, await t.token(TENANT_A, 'the-admin', ['admin']));
    const lead = await create(t, 'lead', {
      firstName: 'Marta',
      lastName: 'Sousa',
      companyName: 'Proseware Lda',
      email: 'marta.sousa@proseware.pt',
      phone: { type: 'work', number: '+351 21 000 0000' },
      source: 'web-form',
      campaign: 'Spring webinar',
    });
    const call = await create(t, 'activity', { kind: 'call', subject: 'First call', at: '2026-11-20T10:00:00Z', leadId: lead.id });

    const converted = await convert(lead.id, { deal: { name: 'Proseware pilot', stage: 'qualification', amount: 12000 } });
    expect(converted.status).toBe(200);
    const { contact, company, deal } = converted.body;
    expect(contact).toMatchObject({ firstName: 'Marta', lastName: 'Sousa', emails: ['marta.sousa@proseware.pt'], companyId: company.id, source: 'web-form' });
    expect(company).toMatchObject({ name: 'Proseware Lda', domains: ['proseware.pt'] });
    expect(deal).toMatchObject({ name: 'Proseware pilot', stage: 'qualification', amount: 12000, companyId: company.id, contactIds: [contact.id], source: 'web-form: Spring webinar' });
    expect(converted.body.lead).toMatchObject({ status: 'converted', convertedContactId: contact.id, convertedCompanyId: company.id, convertedDealId: deal.id, version: 2 });
    expect(converted.body).toMatchObject({ linked: { contact: false, company: false }, activitiesMoved: 1 });

    // The lead's call is on the contact's and the company's timelines now.
    const timeline = await t.call('contact-timeline', { params: { id: contact.id } });
    expect(timeline.body.items.map((item: { id: string }) => item.id)).toEqual([call.id]);
    expect((await t.call('company-timeline', { params: { id: company.id } })).body.items.map((item: { id: string }) => item.id)).toEqual([call.id]);
    // A contact made from the lead finds the e-mail's sender in Outlook.
    const lookup = await t.call('lookup', { body: { emails: ['marta.sousa@proseware.pt'] } });
    expect(lookup.body.results[0].contact.id).toBe(contact.id);

    const again = await convert(lead.id, {}, '"2"');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'LEAD.ALREADY_CONVERTED', details: { contactId: contact.id } });
  });

  it('shows an unconverted lead in the lookup of its address, and the contact once converted', async () => {
    const lead = await create(t, 'lead', { lastName: 'Lima', email: 'lima@tailspin.com', companyName: 'Tailspin' });
    const before = (await t.call('lookup', { body: { emails: ['lima@tailspin.com'] } })).body.results[0];
    expect(before).toMatchObject({ match: 'none', contact: null, lead: { id: lead.id, status: 'new' } });
    await convert(lead.id, {});
    const after = (await t.call('lookup', { body: { emails: ['lima@tailspin.com'] } })).body.results[0];
    expect(after.match).toBe('contact');
    expect(after.lead).toBeUndefined();
  });

  it('links to the contact with the same e-mail and the company with the same domain or name, creating neither', async () => {
    const company = await create(t, 'company', { name: 'Contoso Ltd.', domains: ['contoso.com'] });
    const existing = await create(t, 'contact', { lastName: 'Doe', emails: ['jdoe@contoso.com'], companyId: company.id });
    const byEmail = await create(t, 'lead', { lastName: 'Doe', email: 'JDoe@contoso.com', companyName: 'Contoso' });
    const linked = await convert(byEmail.id, {});
    expect(linked.body).toMatchObject({ contact: { id: existing.id }, company: { id: company.id }, linked: { contact: true, company: true } });

    const byName = await create(t, 'lead', { lastName: 'Roe', email: 'roe@gmail.com', companyName: 'CONTOSO' });
    const named = await convert(byName.id, {});
    expect(named.body.company.id).toBe(company.id);
    expect(named.body.linked).toEqual({ contact: false, company: true });
    // A free-mail address names no company domain.
    expect(named.body.contact).toMatchObject({ emails: ['roe@gmail.com'], companyId: company.id });
    expect((await t.call('list-companies')).body.items).toHaveLength(1);
  });

  it('makes nothing twice when a conversion is retried after it failed halfway', async () => {
    const lead = await create(t, 'lead', { lastName: 'Halfway', email: 'half@fabrikam.com', companyName: 'Fabrikam' });
    // The first attempt names a stage that does not exist: company and contact are made, the deal is refused.
    const failed = await convert(lead.id, { deal: { name: 'Pilot', stage: 'no-such-stage' } });
    expect(failed.status).toBe(400);
    const retried = await convert(lead.id, { deal: { name: 'Pilot', stage: 'proposal' } });
    expect(retried.status).toBe(200);
    expect((await t.call('list-companies')).body.items).toHaveLength(1);
    expect((await t.call('list-contacts')).body.items).toHaveLength(1);
    expect((await t.call('list-deals')).body.items).toHaveLength(1);
  });

  it("refuses a stale version and a colleague's lead", async () => {
    const lead = await create(t, 'lead', { lastName: 'Mine' });
    expect((await convert(lead.id, {}, '"7"')).status).toBe(412);
    const colleague = await t.token(TENANT_A, 'colleague', ['rep']);
    expect((await convert(lead.id, {}, '"1"', colleague)).status).toBe(403);
    expect((await t.call('convert-lead', { params: { id: lead.id }, body: {} })).status).toBe(428);
  });
});
