import { createTestApp, create, TENANT_B, USER_B, type TestApp, testStores } from './test-app';

// Every API behaviour, on each store adapter.
describe.each(testStores)('on %s', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ store });
  });
  afterEach(async () => {
    await t.close();
  });

  describe('records through the handlers', () => {
    it('creates a contact with normalized e-mails, the caller as owner, version 1 and an ETag', async () => {
      const company = await create(t, 'company', { name: 'Contoso', domains: ['https://www.Contoso.com/'] });
      const response = await t.call('create-contact', {
        body: { firstName: 'John', lastName: 'Doe', emails: [' John.Doe@Contoso.COM', 'john.doe@contoso.com'], companyId: company.id },
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe('"1"');
      expect(response.headers.get('location')).toBe(`/api/contacts/${response.body.id}`);
      expect(response.body).toMatchObject({ tenantId: 'tenant-a', ownerId: 'user-a', createdBy: 'user-a', version: 1, emails: ['john.doe@contoso.com'] });
      expect(company.domains).toEqual(['contoso.com']);
    });

    it('warns when a contact with the same e-mail exists, names it, and saves anyway when asked', async () => {
      const first = await create(t, 'contact', { firstName: 'Ana', lastName: 'Silva', emails: ['ana@contoso.com'] });
      const warned = await t.call('create-contact', { body: { lastName: 'Silva', emails: ['other@contoso.com', ' ANA@Contoso.com'] } });
      expect(warned.status).toBe(409);
      expect(warned.body.error).toMatchObject({
        code: 'CONTACT.DUPLICATE_EMAIL',
        message: 'Ana Silva already has this e-mail address. Open the existing contact, or save anyway to keep both.',
        details: { existing: [{ id: first.id, firstName: 'Ana', lastName: 'Silva', emails: ['ana@contoso.com'], ownerId: 'user-a' }] },
      });
      expect((await t.call('list-contacts')).body.items).toHaveLength(1);
      const anyway = await t.call('create-contact', { query: { duplicates: 'allow' }, body: { lastName: 'Silva', emails: ['ana@contoso.com'] } });
      expect(anyway.status).toBe(201);
      // Another tenant's contact is no duplicate.
      expect((await t.call('create-contact', { token: await t.token(TENANT_B, USER_B), body: { lastName: 'Silva', emails: ['ana@contoso.com'] } })).status).toBe(201);
    });

    it('answers a retried create with its first result, not with a duplicate warning about itself', async () => {
      const body = { lastName: 'Once', emails: ['once@contoso.com'] };
      const first = await t.call('create-contact', { body, headers: { 'idempotency-key': 'create-once' } });
      const retry = await t.call('create-contact', { body, headers: { 'idempotency-key': 'create-once' } });
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body.id).toBe(first.body.id);
      const reused = await t.call('create-contact', { body: { ...body, lastName: 'Other' }, headers: { 'idempotency-key': 'create-once' } });
      expect(reused.status).toBe(422);
    });

    it('reads back what it stored', async () => {
      const contact = await create(t, 'contact', { lastName: 'Doe', title: 'Buyer' });
      const response = await t.call('get-contact', { params: { id: contact.id } });
      expect(response.status).toBe(200);
      expect(response.body).toEqual(contact);
    });

    it('changes only the fields a patch names, and null clears an optional one', async () => {
      const contact = await create(t, 'contact', { firstName: 'John', lastName: 'Doe', title: 'Buyer', emails: ['john@contoso.com'] });
      const response = await t.call('update-contact', {
        params: { id: contact.id },
        headers: { 'if-match': '"1"' },
        body: { title: null, lastName: 'Dough' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"2"');
      expect(response.body).toMatchObject({ firstName: 'John', lastName: 'Dough', emails: ['john@contoso.com'], version: 2 });
      expect(response.body).not.toHaveProperty('title');
    });

    it('answers 412 with the current version when the If-Match version is stale', async () => {
      const contact = await create(t, 'contact', { lastName: 'Doe' });
      await t.call('update-contact', { params: { id: contact.id }, headers: { 'if-match': '"1"' }, body: { title: 'CEO' } });
      const stale = await t.call('update-contact', { params: { id: contact.id }, headers: { 'if-match': '"1"' }, body: { title: 'CFO' } });
      expect(stale.status).toBe(412);
      expect(stale.body.error.code).toBe('RECORD.STALE_VERSION');
      expect(stale.body.error.details.currentVersion).toBe(2);
      expect(stale.headers.get('etag')).toBe('"2"');
      const stored = await t.call('get-contact', { params: { id: contact.id } });
      expect(stored.body.title).toBe('CEO');
    });

    it('answers 428 when a change carries no version', async () => {
      const contact = await create(t, 'contact', { lastName: 'Doe' });
      const response = await t.call('update-contact', { params: { id: contact.id }, body: { title: 'CEO' } });
      expect(response.status).toBe(428);
      expect(response.body.error.code).toBe('REQUEST.VERSION_REQUIRED');
    });

    it('deletes softly: the record is gone from reads and lists, and a second delete is 404', async () => {
      const contact = await create(t, 'contact', { lastName: 'Doe' });
      const deleted = await t.call('delete-contact', { params: { id: contact.id }, headers: { 'if-match': '1' } });
      expect(deleted.status).toBe(204);
      expect((await t.call('get-contact', { params: { id: contact.id } })).status).toBe(404);
      expect((await t.call('list-contacts')).body.items).toEqual([]);
      const again = await t.call('delete-contact', { params: { id: contact.id }, headers: { 'if-match': '2' } });
      expect(again.status).toBe(404);
    });

    it("answers 404, not the record, for another tenant's id", async () => {
      const contact = await create(t, 'contact', { lastName: 'Doe' });
      const otherTenant = await t.token(TENANT_B, USER_B);
      const read = await t.call('get-contact', { params: { id: contact.id }, token: otherTenant });
      expect(read.status).toBe(404);
      expect(read.body.error.code).toBe('RECORD.NOT_FOUND');
      const change = await t.call('update-contact', { params: { id: contact.id }, token: otherTenant, headers: { 'if-match': '1' }, body: { title: 'x' } });
      expect(change.status).toBe(404);
      expect((await t.call('list-contacts', { token: otherTenant })).body.items).toEqual([]);
    });

    it('takes the tenant from the token only: a tenantId in the body is refused', async () => {
      const response = await t.call('create-contact', { body: { lastName: 'Doe', tenantId: TENANT_B } });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('REQUEST.VALIDATION_FAILED');
    });

    it('refuses a reference to a company that does not exist, with 422 naming the field', async () => {
      const response = await t.call('create-contact', { body: { lastName: 'Doe', companyId: 'missing' } });
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({ code: 'RECORD.REFERENCE_NOT_FOUND', details: { field: 'companyId', id: 'missing' } });
    });

    it('pages a list by cursor, newest first, with no record twice', async () => {
      for (let i = 0; i < 7; i++) await create(t, 'company', { name: `Company ${i}` });
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.call('list-companies', { query: { limit: '3', ...(cursor ? { cursor } : {}) } });
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((company: { name: string }) => company.name));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
    });

    it('refuses a cursor it did not give out', async () => {
      const response = await t.call('list-companies', { query: { cursor: 'bm90LWEtY3Vyc29y' } });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('REQUEST.INVALID_CURSOR');
    });

    it('lists the contacts of one company', async () => {
      const contoso = await create(t, 'company', { name: 'Contoso' });
      await create(t, 'contact', { lastName: 'Inside', companyId: contoso.id });
      await create(t, 'contact', { lastName: 'Outside' });
      const response = await t.call('list-contacts', { query: { companyId: contoso.id } });
      expect(response.body.items.map((contact: { lastName: string }) => contact.lastName)).toEqual(['Inside']);
    });
  });

  describe('deals', () => {
    it('derives probability and status from the stage, and closes with a time', async () => {
      const deal = await create(t, 'deal', { name: 'Pilot', stage: 'proposal', amount: 12000 });
      expect(deal).toMatchObject({ stage: 'proposal', probability: 50, status: 'open', currency: 'USD' });
      const won = await t.call('update-deal', { params: { id: deal.id }, headers: { 'if-match': '1' }, body: { stage: 'won', closeReason: 'Best fit' } });
      expect(won.body).toMatchObject({ status: 'won', probability: 100, closeReason: 'Best fit' });
      expect(typeof won.body.closedAt).toBe('string');
    });

    it('refuses a stage outside the pipeline with 400 naming the stages', async () => {
      const response = await t.call('create-deal', { body: { name: 'Pilot', stage: 'maybe' } });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('DEAL.UNKNOWN_STAGE');
      expect(response.body.error.message).toContain('prospecting');
    });

    it('prices a deal from its line items unless the amount is set by hand', async () => {
      const product = await create(t, 'product', { name: 'GTX Pro', unitPrice: 4821 }, await t.token('tenant-a', 'an-admin', ['admin']));
      const lineItems = [{ productId: product.id, quantity: 2, unitPrice: 4821, discountPercent: 10 }];
      expect((await create(t, 'deal', { name: 'A', stage: 'proposal', lineItems })).amount).toBe(8677.8);
      expect((await create(t, 'deal', { name: 'B', stage: 'proposal', lineItems, amount: 9000 })).amount).toBe(9000);
    });
  });

  describe('cases and activities', () => {
    it('numbers cases per tenant and records when they close', async () => {
      const first = await create(t, 'case', { subject: 'Cannot log in' });
      const second = await create(t, 'case', { subject: 'Wrong invoice', priority: 'high' });
      const otherTenant = await create(t, 'case', { subject: 'Elsewhere' }, await t.token(TENANT_B, USER_B));
      expect([first.number, second.number, otherTenant.number]).toEqual([1, 2, 1]);
      const closed = await t.call('update-case', { params: { id: first.id }, headers: { 'if-match': '1' }, body: { status: 'closed' } });
      expect(closed.body.closedAt).toBeDefined();
      const reopened = await t.call('update-case', { params: { id: first.id }, headers: { 'if-match': '2' }, body: { status: 'pending' } });
      expect(reopened.body).not.toHaveProperty('closedAt');
    });

    it('keeps cases to their status flow: taken on, waiting, closed or rejected, reopened, never new again', async () => {
      const serviceCase = await create(t, 'case', { subject: 'Printer jams', trackingNumber: 'RMA-2207' });
      let version = 1;
      for (const status of ['assigned', 'pending', 'rejected', 'assigned', 'closed']) {
        const moved = await t.call('update-case', { params: { id: serviceCase.id }, headers: { 'if-match': String(version) }, body: { status } });
        expect([status, moved.status]).toEqual([status, 200]);
        version = moved.body.version;
      }
      const refused = await t.call('update-case', { params: { id: serviceCase.id }, headers: { 'if-match': String(version) }, body: { status: 'new' } });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'CASE.STATUS_FLOW', message: 'A closed case cannot become new; from closed it can become assigned, pending.' });
      const current = await t.call('get-case', { params: { id: serviceCase.id } });
      expect(current.body).toMatchObject({ status: 'closed', trackingNumber: 'RMA-2207', version });
    });

    it("counts a record's planned work: overdue, due in the caller's day, and later; done work is not counted", async () => {
      const contact = await create(t, 'contact', { lastName: 'Doe' });
      const task = (subject: string, at: string, status?: string) =>
        create(t, 'activity', { kind: 'task', subject, at, contactIds: [contact.id], ...(status ? { status } : {}) });
      await task('Send the quote', '2026-11-18T10:00:00Z', 'planned');
      await task('Call back', '2026-11-19T16:00:00Z', 'planned');
      await task('Chase invoice', '2026-11-20T09:30:00Z', 'planned');
      await task('Book the demo', '2026-11-24T09:00:00Z', 'planned');
      await task('Old follow-up', '2026-11-17T09:00:00Z', 'done');
      // The caller's day: 20 November in UTC+1.
      const counters = await t.call('contact-work', { params: { id: contact.id }, query: { dayStart: '2026-11-20T00:00:00+01:00', dayEnd: '2026-11-21T00:00:00+01:00' } });
      expect(counters.body).toEqual({ overdue: 2, dueToday: 1, planned: 1, capped: false });
    });

    it("shows an activity on its contact's, company's and deal's timelines, newest first", async () => {
      const company = await create(t, 'company', { name: 'Contoso' });
      const contact = await create(t, 'contact', { lastName: 'Doe', companyId: company.id });
      const deal = await create(t, 'deal', { name: 'Pilot', stage: 'proposal', companyId: company.id, contactIds: [contact.id] });
      const older = await create(t, 'activity', { kind: 'call', subject: 'Intro call', at: '2026-10-01T09:00:00Z', contactIds: [contact.id], outcome: 'connected', contactMethod: 'phone' });
      const newer = await create(t, 'activity', { kind: 'meeting', subject: 'Demo', at: '2026-10-05T09:00:00Z', contactIds: [contact.id], dealId: deal.id });
      // The company comes from the contact when not given.
      expect(older.companyId).toBe(company.id);
      for (const [route, id] of [['contact-timeline', contact.id], ['company-timeline', company.id]] as const) {
        const timeline = await t.call(route, { params: { id } });
        expect(timeline.body.items.map((activity: { subject: string }) => activity.subject)).toEqual(['Demo', 'Intro call']);
      }
      const dealTimeline = await t.call('deal-timeline', { params: { id: deal.id } });
      expect(dealTimeline.body.items.map((activity: { id: string }) => activity.id)).toEqual([newer.id]);
    });

    it('pages a timeline by cursor across activities at the same time', async () => {
      const contact = await create(t, 'contact', { lastName: 'Doe' });
      for (let i = 0; i < 5; i++) await create(t, 'activity', { kind: 'note', subject: `Note ${i}`, at: '2026-10-01T09:00:00Z', contactIds: [contact.id] });
      const first = await t.call('contact-timeline', { params: { id: contact.id }, query: { limit: '3' } });
      const second = await t.call('contact-timeline', { params: { id: contact.id }, query: { limit: '3', cursor: first.body.nextCursor } });
      expect(first.body.items).toHaveLength(3);
      expect(second.body.items).toHaveLength(2);
      expect(second.body.nextCursor).toBeNull();
      const ids = [...first.body.items, ...second.body.items].map((activity: { id: string }) => activity.id);
      expect(new Set(ids).size).toBe(5);
    });

    it('plans future activities and tasks, and marks past ones done', async () => {
      const past = await create(t, 'activity', { kind: 'call', subject: 'Call', at: '2020-01-01T09:00:00Z' });
      const future = await create(t, 'activity', { kind: 'meeting', subject: 'Meeting', at: '2099-01-01T09:00:00Z' });
      const task = await create(t, 'activity', { kind: 'task', subject: 'Send quote', at: '2020-01-01T09:00:00Z' });
      expect([past.status, future.status, task.status]).toEqual(['done', 'planned', 'planned']);
    });

    it('drops a deleted activity from the timeline', async () => {
      const contact = await create(t, 'contact', { lastName: 'Doe' });
      const note = await create(t, 'activity', { kind: 'note', subject: 'Gone', at: '2026-10-01T09:00:00Z', contactIds: [contact.id] });
      await t.call('delete-activity', { params: { id: note.id }, headers: { 'if-match': '1' } });
      expect((await t.call('contact-timeline', { params: { id: contact.id } })).body.items).toEqual([]);
    });
  });
});
