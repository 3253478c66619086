import { TENANT_A, TENANT_B, USER_B, createTestApp, create, type TestApp, testStores } from './test-app';

// Every API behaviour, on each store adapter.
describe.each(testStores)('on %s', (store) => {
  let t: TestApp;
  let contoso: any;
  let john: any;
  beforeEach(async () => {
    t = await createTestApp({ store });
    contoso = await create(t, 'company', { name: 'Contoso', domains: ['contoso.com'], customerNumber: 'C-10001' });
    john = await create(t, 'contact', { firstName: 'John', lastName: 'Doe', emails: ['john.doe@contoso.com'], companyId: contoso.id });
  });
  afterEach(async () => {
    await t.close();
  });

  const lookup = (emails: string[], extra: object = {}) => t.call('lookup', { body: { emails, ...extra } });

  describe('POST /api/lookup', () => {
    it("answers a participant with the contact, company, open deals, open cases and latest timeline", async () => {
      const openDeal = await create(t, 'deal', { name: 'Expansion', stage: 'proposal', companyId: contoso.id, contactIds: [john.id], amount: 5000 });
      await create(t, 'deal', { name: 'Old win', stage: 'won', companyId: contoso.id, contactIds: [john.id] });
      const openCase = await create(t, 'case', { subject: 'Cannot log in', contactId: john.id, companyId: contoso.id });
      await create(t, 'case', { subject: 'Solved', contactId: john.id, status: 'closed' });
      for (let day = 1; day <= 7; day++) {
        await create(t, 'activity', { kind: 'email', subject: `Mail ${day}`, at: `2026-10-0${day}T09:00:00Z`, contactIds: [john.id] });
      }

      const response = await lookup(['"Doe, John" <John.Doe@Contoso.COM>'], { timelineLimit: 3 });
      expect(response.status).toBe(200);
      const [result] = response.body.results;
      expect(result).toMatchObject({ email: 'john.doe@contoso.com', name: 'Doe, John', match: 'contact', freeMail: false });
      expect(result.contact.id).toBe(john.id);
      expect(result.company.name).toBe('Contoso');
      expect(result.openDeals.map((deal: any) => deal.id)).toEqual([openDeal.id]);
      expect(result.openCases.map((serviceCase: any) => serviceCase.id)).toEqual([openCase.id]);
      expect(result.timeline.map((activity: any) => activity.subject)).toEqual(['Mail 7', 'Mail 6', 'Mail 5']);
    });

    it('matches an unknown sender to a company by domain, including subdomains', async () => {
      const response = await lookup(['new.person@contoso.com', 'someone@eu.mail.contoso.com']);
      expect(response.body.results.map((result: any) => [result.match, result.company?.name, result.contact])).toEqual([
        ['company', 'Contoso', null],
        ['company', 'Contoso', null],
      ]);
    });

    it('never matches a free-mail sender to a company by domain', async () => {
      await create(t, 'company', { name: 'Wrongly gmail', domains: ['gmail.com'] });
      const [result] = (await lookup(['stranger@gmail.com'])).body.results;
      expect(result).toMatchObject({ match: 'none', freeMail: true, company: null });
    });

    it('still finds a contact by a free-mail address stored on the contact', async () => {
      const jane = await create(t, 'contact', { lastName: 'Roe', emails: ['jane.roe@gmail.com'], companyId: contoso.id });
      const [result] = (await lookup(['Jane Roe <jane.roe@gmail.com>'])).body.results;
      expect(result).toMatchObject({ match: 'contact', freeMail: true });
      expect(result.contact.id).toBe(jane.id);
      expect(result.company.id).toBe(contoso.id);
    });

    it('answers every address of a meeting in order, in one call, marking invalid ones', async () => {
      const response = await lookup(['john.doe@contoso.com', 'not an address', 'a@unknown.org; b@contoso.com']);
      expect(response.body.results.map((result: any) => [result.email, result.match])).toEqual([
        ['john.doe@contoso.com', 'contact'],
        [null, 'invalid'],
        ['a@unknown.org', 'none'],
        ['b@contoso.com', 'company'],
      ]);
    });

    it('answers an address once even when it is repeated', async () => {
      const response = await lookup(['john.doe@contoso.com', 'JOHN.DOE@contoso.com']);
      expect(response.body.results).toHaveLength(1);
    });

    it('lists other contacts that share the address', async () => {
      // Saved past the duplicate warning, knowingly: an assistant answering from the same mailbox.
      const saved = await t.call('create-contact', { query: { duplicates: 'allow' }, body: { lastName: 'Doe (assistant)', emails: ['john.doe@contoso.com'] } });
      const twin = saved.body;
      expect(saved.status).toBe(201);
      const [result] = (await lookup(['john.doe@contoso.com'])).body.results;
      expect([result.contact.id, ...result.otherContacts.map((contact: any) => contact.id)].sort()).toEqual([john.id, twin.id].sort());
    });

    it('stops matching a contact once it is deleted or its address changes', async () => {
      await t.call('update-contact', { params: { id: john.id }, headers: { 'if-match': '1' }, body: { emails: ['jd@contoso.com'] } });
      expect((await lookup(['john.doe@contoso.com'])).body.results[0].match).toBe('company');
      expect((await lookup(['jd@contoso.com'])).body.results[0].match).toBe('contact');
      await t.call('delete-contact', { params: { id: john.id }, headers: { 'if-match': '2' } });
      expect((await lookup(['jd@contoso.com'])).body.results[0].match).toBe('company');
    });

    it("does not see another tenant's contacts", async () => {
      const response = await t.call('lookup', { body: { emails: ['john.doe@contoso.com'] }, token: await t.token(TENANT_B, USER_B) });
      expect(response.body.results[0]).toMatchObject({ match: 'none', contact: null, company: null });
    });

    it('refuses more than 50 addresses packed into one header with 400', async () => {
      const header = Array.from({ length: 51 }, (_, i) => `p${i}@contoso.com`).join(', ');
      const response = await lookup([header]);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('LOOKUP.TOO_MANY_ADDRESSES');
    });

    it('refuses more than 50 addresses and an empty list with 400', async () => {
      const tooMany = await lookup(Array.from({ length: 51 }, (_, i) => `p${i}@contoso.com`));
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.details.fields[0].path).toBe('emails');
      expect((await lookup([])).status).toBe(400);
    });
  });

  describe('colleagues and the deal the conversation is about', () => {
    it("shows a member's address, and any address on the members' domains, as a colleague: never a stranger to add", async () => {
      const admin = await t.token(TENANT_A, 'the-admin', ['admin']);
      for (const member of [
        { id: 'm1', displayName: 'Morgan Blake', email: 'Morgan.Blake@fabrikam.example' },
        { id: 'm2', displayName: 'Pat at home', email: 'pat.home@gmail.com' },
      ]) {
        expect((await t.call('create-member', { token: admin, body: member })).status).toBe(201);
      }
      const { results } = (await lookup(['Morgan <morgan.blake@fabrikam.example>', 'new.hire@eu.fabrikam.example', 'pat.home@gmail.com', 'friend@gmail.com', 'john.doe@contoso.com'])).body;
      // A member's free-mail address is theirs alone: it does not make gmail.com the tenant's domain.
      expect(results.map((result: any) => result.match)).toEqual(['colleague', 'colleague', 'colleague', 'none', 'contact']);
      expect(results[0]).toMatchObject({ company: null, openDeals: [] });
      expect(results[0]).not.toHaveProperty('lead');
    });

    it("uses the tenant's own domains once an admin names them in the settings", async () => {
      const admin = await t.token(TENANT_A, 'the-admin', ['admin']);
      const saved = await t.call('update-settings', { token: admin, body: { ownDomains: ['Fabrikam.co.uk'] }, headers: { 'if-match': '"0"' } });
      expect(saved.status).toBe(200);
      expect(saved.body.ownDomains).toEqual(['fabrikam.co.uk']);
      const { results } = (await lookup(['ana@fabrikam.co.uk', 'someone@contoso.com'])).body;
      expect(results.map((result: any) => result.match)).toEqual(['colleague', 'company']);
    });

    it('puts first the open deal the e-mail is logged to, else the one last worked on with the person, else the nearest close', async () => {
      const deal = (name: string, expectedCloseDate: string) =>
        create(t, 'deal', { name, stage: 'proposal', companyId: contoso.id, contactIds: [john.id], amount: 1000, expectedCloseDate });
      const later = await deal('Later', '2027-06-30');
      const soon = await deal('Soon', '2027-01-31');
      const worked = await deal('Worked on', '2027-12-31');
      const ids = async (extra: object = {}) => (await lookup(['john.doe@contoso.com'], extra)).body.results[0].openDeals.map((found: any) => found.name);
      await create(t, 'activity', { kind: 'call', subject: 'Call', at: '2026-11-01T09:00:00Z', contactIds: [john.id], dealId: worked.id });
      expect(await ids()).toEqual(['Worked on', 'Soon', 'Later']);
      await create(t, 'activity', { kind: 'email', subject: 'Re: renewal', at: '2026-10-01T09:00:00Z', contactIds: [john.id], dealId: later.id, internetMessageId: '<renewal@contoso.com>' });
      expect(await ids({ internetMessageId: '<renewal@contoso.com>' })).toEqual(['Later', 'Worked on', 'Soon']);
      expect(soon.id).toBeTruthy();
    });
  });

  describe('logging an e-mail', () => {
    const email = (overrides: object = {}) => ({
      kind: 'email',
      subject: 'Quote',
      at: '2026-11-20T09:00:00Z',
      contactIds: [john.id],
      internetMessageId: '<abc@contoso.com>',
      ...overrides,
    });

    it('logs an e-mail once: a second log of the same message is 409 naming the first', async () => {
      const first = await create(t, 'activity', email());
      const again = await t.call('create-activity', { body: email({ subject: 'Quote (again)' }) });
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'RECORD.ALREADY_LOGGED', details: { id: first.id } });
      const otherUser = await t.call('create-activity', { body: email(), token: await t.token('tenant-a', 'user-c') });
      expect(otherUser.status).toBe(409);
    });

    it('tells the pane that the open e-mail is logged, and where', async () => {
      expect((await lookup(['john.doe@contoso.com'], { internetMessageId: '<abc@contoso.com>' })).body.loggedActivity).toBeNull();
      const logged = await create(t, 'activity', email());
      const response = await lookup(['john.doe@contoso.com'], { internetMessageId: '<abc@contoso.com>' });
      expect(response.body.loggedActivity).toMatchObject({ id: logged.id, contactIds: [john.id], companyId: contoso.id });
    });

    it('recognises an open meeting as the CRM appointment by its iCalUId, for organizer and attendees alike', async () => {
      const booked = await create(t, 'activity', {
        kind: 'meeting',
        subject: 'Pricing call',
        at: '2026-11-24T15:00:00.000Z',
        durationMinutes: 30,
        status: 'planned',
        contactIds: [john.id],
        graphEventId: 'organizer-copy-id',
        iCalUId: '040000008200E00074C5B7101A82E008000000001',
      });
      const asAttendee = await lookup(['john.doe@contoso.com'], { iCalUId: '040000008200E00074C5B7101A82E008000000001' });
      expect(asAttendee.body.appointment).toMatchObject({ id: booked.id, kind: 'meeting', status: 'planned' });
      expect((await lookup(['john.doe@contoso.com'], { iCalUId: 'some-other-meeting' })).body.appointment).toBeNull();
      expect((await lookup(['john.doe@contoso.com'])).body.appointment).toBeNull();
    });

    it('lets an e-mail be logged again once its log is deleted', async () => {
      const logged = await create(t, 'activity', email());
      await t.call('delete-activity', { params: { id: logged.id }, headers: { 'if-match': '1' } });
      expect((await lookup(['john.doe@contoso.com'], { internetMessageId: '<abc@contoso.com>' })).body.loggedActivity).toBeNull();
      expect((await t.call('create-activity', { body: email() })).status).toBe(201);
    });
  });

  describe('GET /api/search', () => {
    const search = async (q: string) => (await t.call('search', { query: { q } })).body;

    it('finds a contact by name, e-mail, phone in any format, and customer number', async () => {
      await create(t, 'contact', {
        firstName: 'María',
        lastName: 'García',
        emails: ['maria.garcia@fabrikam.es'],
        phones: [{ type: 'mobile', number: '+1 (425) 555-0100' }],
        customerNumber: 'CUST-00042',
      });
      for (const q of ['maria', 'garcía', 'Maria Garc', 'maria.garcia@fabrikam.es', '425.555.0100', '4255550100', '+1 (425) 555-0100', 'cust-00042', 'CUST00042']) {
        const result = await search(q);
        expect([q, result.contacts.map((hit: any) => hit.contact.lastName)]).toEqual([q, ['García']]);
      }
    });

    it('finds a company by name, domain and customer number, and brings its people', async () => {
      const byName = await search('contoso');
      expect(byName.companies.map((company: any) => company.name)).toEqual(['Contoso']);
      expect(byName.contacts).toEqual([{ contact: expect.objectContaining({ id: john.id }), company: { id: contoso.id, name: 'Contoso' } }]);
      expect((await search('contoso.com')).companies).toHaveLength(1);
      expect((await search('C-10001')).companies).toHaveLength(1);
    });

    it('finds nothing for a stranger, and refuses an empty query with 400', async () => {
      expect(await search('zebra')).toEqual({ contacts: [], companies: [], deals: [], leads: [], cases: [] });
      expect((await t.call('search', { query: { q: '' } })).status).toBe(400);
    });

    it('does not find deleted records', async () => {
      await t.call('delete-contact', { params: { id: john.id }, headers: { 'if-match': '1' } });
      expect((await search('john doe')).contacts).toEqual([]);
    });

    it('finds a deal by the words of its name, with its company, stage name, amount and status', async () => {
      const deal = await create(t, 'deal', { name: 'Fleet Renewal 2027', stage: 'proposal', companyId: contoso.id, amount: 48000, currency: 'EUR' });
      await create(t, 'deal', { name: 'Unrelated', stage: 'proposal' });
      for (const q of ['fleet', 'Renewal', 'fleet renew', 'FLEET 2027']) {
        const found = await search(q);
        expect([q, found.deals.map((hit: any) => hit.deal.id)]).toEqual([q, [deal.id]]);
      }
      const [hit] = (await search('fleet renewal')).deals;
      expect(hit).toMatchObject({ company: { id: contoso.id, name: 'Contoso' }, stageName: 'Proposal', deal: { amount: 48000, currency: 'EUR', status: 'open', stage: 'proposal' } });
      expect((await search('renewal contoso')).deals).toEqual([]);
    });

    it('lists open deals before closed ones', async () => {
      const won = await create(t, 'deal', { name: 'Support A', stage: 'won' });
      const open = await create(t, 'deal', { name: 'Support B', stage: 'proposal' });
      expect((await search('support')).deals.map((hit: any) => [hit.deal.id, hit.deal.status, hit.stageName])).toEqual([
        [open.id, 'open', 'Proposal'],
        [won.id, 'won', 'Won'],
      ]);
    });

    it('finds a lead by its names, company name, e-mail and phone', async () => {
      const lead = await create(t, 'lead', { firstName: 'Ana', lastName: 'Lima', companyName: 'Lima Foods', email: 'ana@limafoods.example', phone: { type: 'mobile', number: '+55 11 91234-5678' } });
      for (const q of ['ana lima', 'lima foods', 'ana@limafoods.example', '11 91234-5678', '+55 11 91234 5678']) {
        expect([q, (await search(q)).leads.map((hit: any) => hit.id)]).toEqual([q, [lead.id]]);
      }
    });

    it('finds a case by its number, written as a customer quotes it, and by the words of its subject', async () => {
      const serviceCase = await create(t, 'case', { subject: 'Printer jams on page two', contactId: john.id, companyId: contoso.id });
      const other = await create(t, 'case', { subject: 'Invoice missing' });
      for (const q of [String(serviceCase.number), `#${serviceCase.number}`, `# ${serviceCase.number}`, 'printer jams', 'PAGE two']) {
        expect([q, (await search(q)).cases.map((hit: any) => hit.case.id)]).toEqual([q, [serviceCase.id]]);
      }
      expect((await search(`#${other.number}`)).cases.map((hit: any) => hit.case.id)).toEqual([other.id]);
      const [hit] = (await search('printer')).cases;
      expect(hit).toMatchObject({ case: { number: serviceCase.number, subject: 'Printer jams on page two', status: 'new' }, contact: { id: john.id, name: 'John Doe' }, company: { id: contoso.id, name: 'Contoso' } });
      expect((await search('invoice')).cases[0]).toMatchObject({ contact: null, company: null });
    });

    it('finds a case by its number whole: case 1 is not found by 10, nor case 10 by 1', async () => {
      const cases = [];
      for (let n = 1; n <= 10; n++) cases.push(await create(t, 'case', { subject: `Ticket ${n}` }));
      const byNumber = async (q: string) => (await search(q)).cases.map((hit: any) => hit.case.number);
      expect(await byNumber('1')).toEqual([1]);
      expect(await byNumber('#10')).toEqual([10]);
      expect(await byNumber('#11')).toEqual([]);
    });

    it('finds nothing of another tenant, nor deleted deals, leads and cases', async () => {
      const other = await t.token(TENANT_B, USER_B, ['admin']);
      await create(t, 'deal', { name: 'Secret merger', stage: 'proposal' }, other);
      await create(t, 'lead', { lastName: 'Secretson' }, other);
      await create(t, 'case', { subject: 'Secret outage' }, other);
      expect(await search('secret')).toEqual({ contacts: [], companies: [], deals: [], leads: [], cases: [] });

      const deal = await create(t, 'deal', { name: 'Gone deal', stage: 'proposal' });
      const lead = await create(t, 'lead', { lastName: 'Gone' });
      const serviceCase = await create(t, 'case', { subject: 'Gone case' });
      expect((await search('gone')).deals).toHaveLength(1);
      await t.call('delete-deal', { params: { id: deal.id }, headers: { 'if-match': '1' } });
      await t.call('delete-lead', { params: { id: lead.id }, headers: { 'if-match': '1' } });
      await t.call('delete-case', { params: { id: serviceCase.id }, headers: { 'if-match': '1' } });
      expect(await search('gone')).toEqual({ contacts: [], companies: [], deals: [], leads: [], cases: [] });
    });

    it('follows a renamed deal and a changed case subject', async () => {
      const deal = await create(t, 'deal', { name: 'Pilot', stage: 'proposal' });
      await t.call('update-deal', { params: { id: deal.id }, headers: { 'if-match': '1' }, body: { name: 'Rollout' } });
      expect((await search('pilot')).deals).toEqual([]);
      expect((await search('rollout')).deals.map((hit: any) => hit.deal.id)).toEqual([deal.id]);
    });
  });
});
