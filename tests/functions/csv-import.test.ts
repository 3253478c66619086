import { mappedValues, parseCsv, suggestMapping } from '@rapport/shared';
import { createTestApp, testStores, TENANT_A, type TestApp } from './test-app';

// What the pane and the command line do with a file: read the header, map the columns, send rows in batches.
function batchOf(csv: string, kind: 'lead' | 'contact', importId: string) {
  const [header, ...rows] = parseCsv(csv);
  const mapping = suggestMapping(kind, header!.fields);
  return { importId, rows: rows.map((row) => ({ line: row.line, values: mappedValues(header!.fields, row.fields, mapping) })) };
}

const LEADS = [
  'First Name,Last Name,Email,Company,City,Country,Campaign,Estimated value',
  'Ana,Souza,ana.souza@novaterra.example,Nova Terra,Lisboa,Portugal,Spring fair,"1.200,50"',
  'Bo,Lind,not-an-address,Lind AB,Malmö,Sweden,Spring fair,100',
  ',,nobody@nowhere.example,,,,,',
  'Cy,Marsh,cy@marsh.example,,Leeds,UK,,lots',
  'Ana,Souza,ANA.SOUZA@novaterra.example,,,,,',
  'Dee,Ortiz,dee@ortiz.example,,,,Spring fair,',
].join('\r\n');

async function leadsOf(t: TestApp): Promise<any[]> {
  return (await t.call('list-leads', { query: { limit: '100' } })).body.items;
}

describe.each(testStores)('CSV import on %s', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ store, roles: ['manager'] });
  });
  afterEach(async () => t.close());

  it('creates the good rows, merges a repeated e-mail and names each bad row with its reason', async () => {
    const result = await t.call('import-leads', { body: batchOf(LEADS, 'lead', 'import-0001') });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      created: 2,
      merged: 1,
      companiesCreated: 0,
      rejected: [
        { line: 3, field: 'email', reason: 'E-mail "not-an-address": must be an e-mail address such as name@example.com' },
        { line: 4, field: 'lastName', reason: 'No last name (nor a full name): every person needs one' },
        { line: 5, field: 'estimatedValue', reason: 'Estimated value: "lots" is not an amount' },
      ],
    });
    const leads = await leadsOf(t);
    expect(leads).toHaveLength(2);
    expect(leads.find((lead) => lead.lastName === 'Souza')).toMatchObject({
      firstName: 'Ana',
      email: 'ana.souza@novaterra.example',
      companyName: 'Nova Terra',
      address: { city: 'Lisboa', country: 'Portugal' },
      campaign: 'Spring fair',
      estimatedValue: 1200.5,
      source: 'import',
      status: 'new',
    });
  });

  it('creates nothing twice when a batch is sent again', async () => {
    const batch = batchOf(LEADS, 'lead', 'import-0002');
    const first = await t.call('import-leads', { body: batch });
    const again = await t.call('import-leads', { body: batch });
    expect(again.body.created).toBe(first.body.created);
    expect(await leadsOf(t)).toHaveLength(2);
  });

  it("fills a known lead's blank fields from a later file instead of duplicating it, and keeps what it had", async () => {
    await t.call('import-leads', { body: batchOf(LEADS, 'lead', 'import-0003') });
    const later = ['Email,Phone,Company,Last Name', 'dee@ortiz.example,+1 425 555 0100,Ortiz & Co,Someone Else'].join('\n');
    const result = await t.call('import-leads', { body: batchOf(later, 'lead', 'import-0004') });
    expect(result.body).toMatchObject({ created: 0, merged: 1, rejected: [] });
    const dee = (await leadsOf(t)).find((lead) => lead.email === 'dee@ortiz.example');
    expect(dee).toMatchObject({ lastName: 'Ortiz', companyName: 'Ortiz & Co', phone: { number: '+1 425 555 0100' }, version: 2 });
  });

  it('makes no lead for an address that is already a contact', async () => {
    await t.call('create-contact', { body: { lastName: 'Souza', emails: ['ana.souza@novaterra.example'] } });
    const result = await t.call('import-leads', { body: batchOf(LEADS, 'lead', 'import-0005') });
    expect(result.body.rejected).toContainEqual({ line: 2, field: 'email', reason: 'E-mail "ana.souza@novaterra.example" is already a contact\'s: no lead is made for a contact' });
    expect((await leadsOf(t)).map((lead) => lead.lastName)).toEqual(expect.not.arrayContaining(['Souza']));
  });

  it('assigns imported leads to the reps of their territory in turn', async () => {
    const admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    for (const id of ['rep-1', 'rep-2']) await t.call('create-member', { token: admin, body: { id, displayName: id } });
    await t.call('create-territory', { token: admin, body: { name: 'Iberia', countries: ['Portugal', 'Spain'], repIds: ['rep-1', 'rep-2'] } });
    const csv = ['Name,Email,Country', 'Ana Souza,ana@x.example,Portugal', 'Rui Costa,rui@x.example,Portugal', 'Eva Cruz,eva@x.example,Spain', 'Tom Hall,tom@x.example,UK'].join('\n');
    const result = await t.call('import-leads', { body: batchOf(csv, 'lead', 'import-0006') });
    expect(result.body.created).toBe(4);
    const owners = Object.fromEntries((await leadsOf(t)).map((lead) => [lead.lastName, [lead.ownerId, lead.status]]));
    expect(owners).toEqual({ Souza: ['rep-1', 'assigned'], Costa: ['rep-2', 'assigned'], Cruz: ['rep-1', 'assigned'], Hall: ['user-a', 'new'] });
  });

  it('imports contacts with their companies: found by domain or name, else made once', async () => {
    const known = await t.call('create-company', { body: { name: 'Contoso Ltd.', domains: ['contoso.example'] } });
    const csv = [
      'Full name,E-mail,Company,Job title,Mobile',
      '"Doe, Jane",jane@contoso.example,Whatever Name,CFO,+44 7700 900123',
      'Raj Patel,raj@gmail.com,Contoso,Buyer,',
      'Lee Chan,lee@fabrikam.example,Fabrikam,,',
      'Mo Diaz,mo@fabrikam.example,Fabrikam Inc,,',
    ].join('\n');
    const batch = batchOf(csv, 'contact', 'import-0007');
    const result = await t.call('import-contacts', { body: batch });
    expect(result.body).toEqual({ created: 4, merged: 0, rejected: [], companiesCreated: 1 });
    const again = await t.call('import-contacts', { body: batch });
    expect(again.body.created).toBe(4);
    const contacts = (await t.call('list-contacts', { query: { limit: '100' } })).body.items;
    const companyOf = (lastName: string) => contacts.find((contact: any) => contact.lastName === lastName).companyId;
    expect(companyOf('Doe')).toBe(known.body.id);
    expect(companyOf('Patel')).toBe(known.body.id);
    expect(companyOf('Chan')).toBe(companyOf('Diaz'));
    const companies = (await t.call('list-companies', { query: { limit: '100' } })).body.items;
    expect(companies.map((company: any) => company.name).sort()).toEqual(['Contoso Ltd.', 'Fabrikam']);
    expect(contacts.find((contact: any) => contact.lastName === 'Doe')).toMatchObject({ firstName: 'Jane', title: 'CFO', phones: [{ type: 'mobile', number: '+44 7700 900123' }] });
  });

  it('lets only managers and admins import lists', async () => {
    const rep = await t.token(TENANT_A, 'a-rep', ['rep']);
    const refused = await t.call('import-leads', { token: rep, body: batchOf(LEADS, 'lead', 'import-0008') });
    expect(refused.status).toBe(403);
    expect(await leadsOf(t)).toHaveLength(0);
  });
});
