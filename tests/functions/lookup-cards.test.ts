import { create, createTestApp, testStores, type TestApp } from './test-app';

// A lookup reads cards (functions/src/services/lookup-cards.ts) that Cosmos DB keeps until a write changes what they
// were built from. Each step below changes one thing a kept card shows, and the next lookup must show it, on both
// stores (SQLite builds them for each lookup, so it is the reference).
describe.each(testStores)('a lookup after each change of what its cards show, on %s', (store) => {
  let t: TestApp;
  let contoso: any;
  let john: any;
  const versions = new Map<string, number>();
  beforeEach(async () => {
    t = await createTestApp({ store });
    contoso = await create(t, 'company', { name: 'Contoso', domains: ['contoso.com'] });
    john = await create(t, 'contact', { firstName: 'John', lastName: 'Doe', emails: ['john.doe@contoso.com'], companyId: contoso.id });
    versions.clear();
  });
  afterEach(async () => {
    await t.close();
  });

  // John, and a sender of Contoso the CRM does not know (shown the company's card).
  const lookup = async (emails = ['john.doe@contoso.com', 'new.person@contoso.com']) => {
    const response = await t.call('lookup', { body: { emails, timelineLimit: 5 } });
    expect(response.status).toBe(200);
    return response.body as { results: any[]; related: Record<string, Record<string, string>> };
  };
  const update = async (kind: string, record: any, body: object) => {
    const version = versions.get(record.id) ?? record.version;
    const response = await t.call(`update-${kind}`, { params: { id: record.id }, headers: { 'if-match': `"${version}"` }, body });
    expect(response.status).toBe(200);
    versions.set(record.id, response.body.version);
    return response.body;
  };
  const remove = async (kind: string, record: any) => {
    const version = versions.get(record.id) ?? record.version;
    const response = await t.call(`delete-${kind}`, { params: { id: record.id }, headers: { 'if-match': `"${version}"` } });
    expect(response.status).toBeLessThan(300);
  };
  const names = (records: any[]) => records.map((record) => record.name ?? record.subject);

  it('shows a deal opened, renamed and won, on the contact and on its company', async () => {
    await lookup();
    const deal = await create(t, 'deal', { name: 'Expansion', stage: 'proposal', companyId: contoso.id, contactIds: [john.id] });
    let [johnCard, companyCard] = (await lookup()).results;
    expect([names(johnCard.openDeals), names(companyCard.openDeals)]).toEqual([['Expansion'], ['Expansion']]);
    await update('deal', deal, { name: 'Expansion II' });
    [johnCard, companyCard] = (await lookup()).results;
    expect([names(johnCard.openDeals), names(companyCard.openDeals)]).toEqual([['Expansion II'], ['Expansion II']]);
    await update('deal', deal, { stage: 'won' });
    [johnCard, companyCard] = (await lookup()).results;
    expect([johnCard.openDeals, companyCard.openDeals]).toEqual([[], []]);
  });

  it('shows a case opened and closed, and a contract in force until it is cancelled', async () => {
    await lookup();
    const serviceCase = await create(t, 'case', { subject: 'Cannot log in', contactId: john.id, companyId: contoso.id });
    const contract = await create(t, 'contract', { companyId: contoso.id, name: 'Premium support', startDate: '2020-01-01', endDate: '2099-12-31', serviceLevel: { name: 'Premium', responseHours: 2 } });
    let [johnCard] = (await lookup()).results;
    expect(names(johnCard.openCases)).toEqual(['Cannot log in']);
    expect(johnCard.contract?.name).toBe('Premium support');
    await update('case', serviceCase, { status: 'closed' });
    await update('contract', contract, { cancelled: true });
    [johnCard] = (await lookup()).results;
    expect(johnCard.openCases).toEqual([]);
    expect(johnCard.contract ?? null).toBeNull();
  });

  it('shows an activity logged, edited and deleted, naming its deal as the deal is renamed', async () => {
    // A deal of another company: its changes are no write to John's links, so its name is read with the lookup.
    const other = await create(t, 'company', { name: 'Fabrikam' });
    const theirs = await create(t, 'deal', { name: 'Fabrikam roll-out', stage: 'won', companyId: other.id });
    const ours = await create(t, 'deal', { name: 'Contoso pilot', stage: 'won', companyId: contoso.id, contactIds: [john.id] });
    await lookup();
    const call = await create(t, 'activity', { kind: 'call', subject: 'First call', at: '2026-10-01T09:00:00Z', contactIds: [john.id], companyId: contoso.id, dealId: theirs.id });
    const mail = await create(t, 'activity', { kind: 'email', subject: 'Pilot mail', at: '2026-10-02T09:00:00Z', contactIds: [john.id], companyId: contoso.id, dealId: ours.id });
    let body = await lookup();
    expect(names(body.results[0].timeline)).toEqual(['Pilot mail', 'First call']);
    expect(names(body.results[1].timeline)).toEqual(['Pilot mail', 'First call']);
    expect(body.related.deal).toEqual({ [theirs.id]: 'Fabrikam roll-out', [ours.id]: 'Contoso pilot' });
    await update('deal', theirs, { name: 'Fabrikam roll-out 2' });
    await update('deal', ours, { name: 'Contoso pilot 2' });
    await update('activity', call, { subject: 'First call (edited)' });
    body = await lookup();
    expect(names(body.results[0].timeline)).toEqual(['Pilot mail', 'First call (edited)']);
    expect(body.related.deal).toEqual({ [theirs.id]: 'Fabrikam roll-out 2', [ours.id]: 'Contoso pilot 2' });
    await remove('activity', mail);
    body = await lookup();
    expect(names(body.results[0].timeline)).toEqual(['First call (edited)']);
    expect(names(body.results[1].timeline)).toEqual(['First call (edited)']);
  });

  it('follows the contact: renamed, a twin on its address, moved to another company, its address changed, deleted', async () => {
    const fabrikam = await create(t, 'company', { name: 'Fabrikam', domains: ['fabrikam.com'] });
    await lookup();
    await update('contact', john, { lastName: 'Doe-Smith' });
    let [johnCard] = (await lookup()).results;
    expect(johnCard.contact.lastName).toBe('Doe-Smith');
    const twin = await t.call('create-contact', { query: { duplicates: 'allow' }, body: { lastName: 'Doe (assistant)', emails: ['john.doe@contoso.com'] } });
    expect(twin.status).toBe(201);
    [johnCard] = (await lookup()).results;
    expect([johnCard.contact.id, ...johnCard.otherContacts.map((contact: any) => contact.id)].sort()).toEqual([john.id, twin.body.id].sort());
    await remove('contact', twin.body);
    await update('contact', john, { companyId: fabrikam.id });
    [johnCard] = (await lookup()).results;
    expect([johnCard.company.name, johnCard.otherContacts]).toEqual(['Fabrikam', []]);
    await update('contact', john, { emails: ['jd@contoso.com'] });
    expect((await lookup()).results.map((result) => result.match)).toEqual(['company', 'company']);
    expect((await lookup(['jd@contoso.com'])).results[0].match).toBe('contact');
    await remove('contact', john);
    expect((await lookup(['jd@contoso.com'])).results[0].match).toBe('company');
  });

  it('follows the company: renamed, its domain changed, deleted; and a lead on an address', async () => {
    await lookup();
    await update('company', contoso, { name: 'Contoso Ltd' });
    let [johnCard, companyCard] = (await lookup()).results;
    expect([johnCard.company.name, companyCard.company.name]).toEqual(['Contoso Ltd', 'Contoso Ltd']);
    await create(t, 'lead', { lastName: 'Person', email: 'new.person@contoso.com' });
    [, companyCard] = (await lookup()).results;
    expect(companyCard.lead?.lastName).toBe('Person');
    await update('company', contoso, { domains: ['contoso.example'] });
    [johnCard, companyCard] = (await lookup()).results;
    expect([johnCard.match, companyCard.match, companyCard.company]).toEqual(['contact', 'none', null]);
    expect((await lookup(['someone@contoso.example'])).results[0].company.name).toBe('Contoso Ltd');
    await remove('company', contoso);
    [johnCard] = (await lookup()).results;
    expect([johnCard.match, johnCard.company]).toEqual(['contact', null]);
    expect((await lookup(['someone@contoso.example'])).results[0].match).toBe('none');
  });
});
