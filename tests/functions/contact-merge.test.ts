import type { Activity } from '@rapport/shared';
import { RecordWriter } from '../../functions/src/services/record-writer';
import { createTestApp, create, TENANT_A, TENANT_B, USER_A, type TestApp, testStores } from './test-app';

// Suspected duplicates and merging them, through the handlers with real HttpRequest objects, on each store.
describe.each(testStores)('on %s', (store) => {
  let t: TestApp;
  let rep: string;
  beforeEach(async () => {
    // The default caller is a manager: merging is theirs (and admins').
    t = await createTestApp({ store, roles: ['manager'] });
    rep = await t.token(TENANT_A, 'rep-1', ['rep']);
  });
  afterEach(async () => {
    await t.close();
  });

  const duplicates = (id: string, token?: string) => t.call('contact-duplicates', { params: { id }, ...(token ? { token } : {}) });
  const merge = (survivorId: string, duplicateId: string, version: number | null, token?: string) =>
    t.call('merge-contacts', {
      params: { id: survivorId },
      body: { duplicateId },
      headers: version === null ? {} : { 'if-match': `"${version}"` },
      ...(token ? { token } : {}),
    });
  const allowDuplicates = { duplicates: 'allow' };
  const contact = async (body: object) => {
    const response = await t.call('create-contact', { body, query: allowDuplicates });
    if (response.status !== 201) throw new Error(`create-contact answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const historyOf = async (kind: string, id: string) => (await t.call(`${kind}-history`, { params: { id }, query: { limit: '100' } })).body.items;
  const timelineOf = async (id: string) => (await t.call('contact-timeline', { params: { id }, query: { limit: '100' } })).body.items as Activity[];

  describe('suspected duplicates', () => {
    it('lists the contacts sharing an e-mail address, and those of the same name at the same company, each with why', async () => {
      const contoso = await create(t, 'company', { name: 'Contoso', domains: ['contoso.com'] });
      const fabrikam = await create(t, 'company', { name: 'Fabrikam', domains: ['fabrikam.com'] });
      const ana = await contact({ firstName: 'Ana', lastName: 'Muñoz', emails: ['ana@contoso.com'], companyId: contoso.id });
      const sameAddress = await contact({ firstName: 'A.', lastName: 'Munoz', emails: [' ANA@Contoso.com'] });
      const sameName = await contact({ firstName: 'ANA', lastName: 'munoz', emails: ['ana.munoz@gmail.com'], companyId: contoso.id });
      const both = await contact({ firstName: 'Ána', lastName: 'Muñoz', emails: ['ana@contoso.com'], companyId: contoso.id });
      // The same name elsewhere, another name at the company, another tenant's twin: none is suspected.
      await contact({ firstName: 'Ana', lastName: 'Muñoz', emails: ['ana@fabrikam.com'], companyId: fabrikam.id });
      await contact({ firstName: 'Bruno', lastName: 'Muñoz', companyId: contoso.id });
      await t.call('create-contact', { token: await t.token(TENANT_B), body: { firstName: 'Ana', lastName: 'Muñoz', emails: ['ana@contoso.com'] } });

      const response = await duplicates(ana.id, rep);
      expect(response.status).toBe(200);
      const found = response.body.items.map((item: { contact: { id: string }; reasons: string[] }) => [item.contact.id, item.reasons.sort()]);
      expect(found).toEqual([
        [both.id, ['sameNameAtCompany', 'sharedEmail']],
        [sameAddress.id, ['sharedEmail']],
        [sameName.id, ['sameNameAtCompany']],
      ]);
      expect(response.body.items[0].contact).toMatchObject({ firstName: 'Ána', lastName: 'Muñoz', emails: ['ana@contoso.com'], companyId: contoso.id });
    });

    it('lists at most 10, none deleted, and none for a contact without e-mail or company', async () => {
      const first = await contact({ lastName: 'Shared', emails: ['info@tailspin.com'] });
      const others = [];
      for (let n = 0; n < 12; n++) others.push(await contact({ lastName: `Other ${n}`, emails: ['info@tailspin.com'] }));
      const gone = others[0];
      expect((await t.call('delete-contact', { params: { id: gone.id }, headers: { 'if-match': '"1"' } })).status).toBe(204);
      const response = await duplicates(first.id);
      expect(response.body.items).toHaveLength(10);
      expect(response.body.items.map((item: { contact: { id: string } }) => item.contact.id)).not.toContain(gone.id);
      expect(response.body.items.map((item: { contact: { id: string } }) => item.contact.id)).not.toContain(first.id);

      const loner = await contact({ lastName: 'Alone' });
      expect((await duplicates(loner.id)).body).toEqual({ items: [] });
      expect((await duplicates('no-such-contact')).body.error.code).toBe('RECORD.NOT_FOUND');
    });
  });

  describe('merging', () => {
    /** A survivor and a duplicate with history: two activities, a deal and a case name the duplicate. */
    async function twins() {
      const contoso = await create(t, 'company', { name: 'Contoso', domains: ['contoso.com'] });
      const survivor = await contact({ lastName: 'Silva', emails: ['ana@contoso.com'], phones: [{ type: 'work', number: '+1 425 555 0100' }], title: 'Buyer' });
      const duplicate = await contact({
        firstName: 'Ana',
        lastName: 'Silva',
        emails: ['Ana@Contoso.com', 'ana.silva@gmail.com'],
        phones: [{ type: 'work', number: '(425) 555-0100' }, { type: 'mobile', number: '+1 425 555 0199' }],
        title: 'Head of buying',
        companyId: contoso.id,
        customerNumber: 'C-042',
        address: { city: 'Lisboa', country: 'Portugal' },
      });
      // A colleague's records too: a merge moves them all.
      const call = await create(t, 'activity', { kind: 'call', subject: 'Intro call', at: '2026-10-01T10:00:00Z', contactIds: [duplicate.id] }, rep);
      const note = await create(t, 'activity', { kind: 'note', subject: 'Both on it', at: '2026-10-02T10:00:00Z', contactIds: [duplicate.id, survivor.id] });
      const deal = await create(t, 'deal', { name: 'Seats', stage: 'proposal', amount: 1000, contactIds: [duplicate.id], companyId: contoso.id });
      const serviceCase = await create(t, 'case', { subject: 'Broken login', contactId: duplicate.id });
      const signed = await t.call('upload-document', { query: { recordKind: 'contact', recordId: duplicate.id, name: 'signed form.pdf' }, bytes: Buffer.from('%PDF-1.4\n%%EOF\n') });
      expect(signed.status).toBe(201);
      return { contoso, survivor, duplicate, call, note, deal, serviceCase, document: signed.body };
    }

    it("moves the duplicate's activities, deals, cases and documents to the survivor, which gains what it lacked, and deletes the duplicate", async () => {
      const { contoso, survivor, duplicate, call, note, deal, serviceCase, document } = await twins();
      const response = await merge(survivor.id, duplicate.id, survivor.version);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ moved: { activities: 2, deals: 1, cases: 1, documents: 1 }, complete: true });
      const documents = await t.call('list-documents', { query: { recordKind: 'contact', recordId: survivor.id } });
      expect(documents.body.items.map((item: { id: string }) => item.id)).toEqual([document.id]);
      expect(response.headers.get('etag')).toBe('"2"');

      // The survivor keeps its own fields and gains the rest, e-mails and phones without repeats.
      const kept = await t.call('get-contact', { params: { id: survivor.id } });
      expect(kept.body).toEqual(response.body.survivor);
      expect(kept.body).toMatchObject({
        firstName: 'Ana',
        lastName: 'Silva',
        title: 'Buyer',
        companyId: contoso.id,
        customerNumber: 'C-042',
        address: { city: 'Lisboa', country: 'Portugal' },
        emails: ['ana@contoso.com', 'ana.silva@gmail.com'],
        phones: [{ type: 'work', number: '+1 425 555 0100' }, { type: 'mobile', number: '+1 425 555 0199' }],
        version: 2,
      });

      // Everything that named the duplicate names the survivor, once.
      expect((await t.call('get-activity', { params: { id: call.id } })).body.contactIds).toEqual([survivor.id]);
      expect((await t.call('get-activity', { params: { id: note.id } })).body.contactIds).toEqual([survivor.id]);
      expect((await t.call('get-deal', { params: { id: deal.id } })).body.contactIds).toEqual([survivor.id]);
      expect((await t.call('get-case', { params: { id: serviceCase.id } })).body.contactId).toBe(survivor.id);
      expect((await t.call('list-deals', { query: { contactId: survivor.id } })).body.items.map((item: { id: string }) => item.id)).toEqual([deal.id]);
      // The survivor's timeline shows the duplicate's history.
      expect((await timelineOf(survivor.id)).map((activity) => activity.subject)).toEqual(['Both on it', 'Intro call']);
      // Each move is a change of its own, versioned and audited.
      expect((await historyOf('activity', call.id))[0]).toMatchObject({ version: 2, action: 'updated', by: USER_A, changes: [{ field: 'contactIds', before: [duplicate.id], after: [survivor.id] }] });
      expect((await historyOf('case', serviceCase.id))[0]).toMatchObject({ action: 'updated', changes: [{ field: 'contactId', before: duplicate.id, after: survivor.id }] });

      // The duplicate is deleted, restorable from the recycle bin, and its audit entry names the survivor.
      expect((await t.call('get-contact', { params: { id: duplicate.id } })).status).toBe(404);
      const bin = await t.call('list-deleted');
      expect(bin.body.items).toEqual([{ kind: 'contact', record: expect.objectContaining({ id: duplicate.id, mergedIntoId: survivor.id, version: 2 }) }]);
      const [deletion] = await historyOf('contact', duplicate.id);
      expect(deletion).toMatchObject({ version: 2, action: 'deleted', by: USER_A });
      expect(deletion.changes).toContainEqual({ field: 'mergedIntoId', after: survivor.id });
      // Its e-mail now finds the survivor alone.
      const lookup = await t.call('lookup', { body: { emails: ['ana.silva@gmail.com'] } });
      expect(lookup.body.results[0].contact.id).toBe(survivor.id);
    });

    it('answers a retried merge with the survivor and changes nothing more', async () => {
      const { survivor, duplicate, call } = await twins();
      const first = await merge(survivor.id, duplicate.id, survivor.version);
      expect(first.status).toBe(200);
      const historyAfterFirst = await historyOf('contact', survivor.id);
      const binAfterFirst = (await t.call('list-deleted')).body;

      const retry = await merge(survivor.id, duplicate.id, survivor.version);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual({ survivor: first.body.survivor, moved: { activities: 0, deals: 0, cases: 0, documents: 0 }, complete: true });
      expect(await historyOf('contact', survivor.id)).toEqual(historyAfterFirst);
      expect(await historyOf('contact', duplicate.id)).toHaveLength(2);
      expect(await historyOf('activity', call.id)).toHaveLength(2);
      expect((await t.call('list-deleted')).body).toEqual(binAfterFirst);
    });

    it('finishes, when sent again, a merge that stopped after deleting the duplicate', async () => {
      const { survivor, duplicate } = await twins();
      // The first attempt got as far as the delete, then the connection dropped.
      const writer = new RecordWriter({ store: t.app.store, now: () => new Date() });
      await writer.remove('contact', { tenantId: TENANT_A, userId: USER_A }, duplicate, duplicate.version, { mergedIntoId: survivor.id });
      const retry = await merge(survivor.id, duplicate.id, survivor.version);
      expect(retry.status).toBe(200);
      expect(retry.body.survivor).toMatchObject({ firstName: 'Ana', customerNumber: 'C-042', version: 2 });
    });

    it('refuses a rep with the role error and changes nothing', async () => {
      const { survivor, duplicate, call } = await twins();
      const refused = await merge(survivor.id, duplicate.id, survivor.version, rep);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'AUTH.ROLE_REQUIRED', message: 'Only a manager or an admin can merge contacts.' });
      expect((await t.call('get-contact', { params: { id: duplicate.id } })).status).toBe(200);
      expect((await t.call('get-activity', { params: { id: call.id } })).body.contactIds).toEqual([duplicate.id]);
      expect((await t.call('get-contact', { params: { id: survivor.id } })).body.version).toBe(1);
    });

    it('refuses to merge a contact into itself (422), a missing or deleted duplicate (404), and a stale or missing version', async () => {
      const { survivor, duplicate } = await twins();
      const itself = await merge(survivor.id, survivor.id, survivor.version);
      expect(itself.status).toBe(422);
      expect(itself.body.error.code).toBe('CONTACT.MERGE_INTO_ITSELF');

      const missing = await merge(survivor.id, 'no-such-contact', survivor.version);
      expect(missing.status).toBe(404);
      expect(missing.body.error).toMatchObject({ code: 'RECORD.NOT_FOUND', details: { kind: 'contact', id: 'no-such-contact' } });
      const deleted = await contact({ lastName: 'Deleted' });
      await t.call('delete-contact', { params: { id: deleted.id }, headers: { 'if-match': '"1"' } });
      expect((await merge(survivor.id, deleted.id, survivor.version)).status).toBe(404);
      expect((await merge('no-such-contact', duplicate.id, 1)).status).toBe(404);
      // Another tenant's contact is no contact of this one.
      const outsider = await t.call('create-contact', { token: await t.token(TENANT_B), body: { lastName: 'Outsider' } });
      expect((await merge(survivor.id, outsider.body.id, survivor.version)).status).toBe(404);

      await t.call('update-contact', { params: { id: survivor.id }, headers: { 'if-match': '"1"' }, body: { title: 'CEO' } });
      const stale = await merge(survivor.id, duplicate.id, 1);
      expect(stale.status).toBe(412);
      expect(stale.body.error).toMatchObject({ code: 'RECORD.STALE_VERSION', details: { currentVersion: 2 } });
      expect((await merge(survivor.id, duplicate.id, null)).status).toBe(428);
      // Nothing moved.
      expect((await t.call('get-contact', { params: { id: duplicate.id } })).status).toBe(200);
      expect(await timelineOf(survivor.id)).toHaveLength(1);
    });

    it('lets the duplicate be restored from the recycle bin, as it was', async () => {
      const { survivor, duplicate } = await twins();
      await merge(survivor.id, duplicate.id, survivor.version);
      const restored = await t.call('restore-contact', { params: { id: duplicate.id }, headers: { 'if-match': '"2"' } });
      expect(restored.status).toBe(200);
      expect(restored.body).toMatchObject({ id: duplicate.id, firstName: 'Ana', customerNumber: 'C-042', version: 3 });
    });

    it('re-links a long history page by page, 200 records a request, and the same request sent again goes on', async () => {
      const survivor = await contact({ lastName: 'Long' });
      const duplicate = await contact({ lastName: 'Long' });
      const writer = new RecordWriter({ store: t.app.store, now: () => new Date() });
      const actor = { tenantId: TENANT_A, userId: USER_A };
      const history = [];
      for (let n = 0; n < 230; n++) {
        const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
        history.push(await writer.build('activity', actor, { kind: 'note', subject: `Note ${n}`, at, status: 'done', participants: [], contactIds: [duplicate.id] }));
      }
      await writer.addMany('activity', history);

      const first = await merge(survivor.id, duplicate.id, survivor.version);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ moved: { activities: 200, deals: 0, cases: 0, documents: 0 }, complete: false });
      // Not done yet: the duplicate is still there, and the survivor unchanged (the same If-Match goes on).
      expect((await t.call('get-contact', { params: { id: duplicate.id } })).status).toBe(200);
      const second = await merge(survivor.id, duplicate.id, survivor.version);
      expect(second.body).toMatchObject({ moved: { activities: 30, deals: 0, cases: 0, documents: 0 }, complete: true });
      expect((await t.call('get-contact', { params: { id: duplicate.id } })).status).toBe(404);
      expect((await t.call('contact-timeline', { params: { id: duplicate.id } })).status).toBe(404);
      const page = await t.call('contact-timeline', { params: { id: survivor.id }, query: { limit: '100' } });
      expect(page.body.items[0].subject).toBe('Note 229');
      expect(page.body.nextCursor).not.toBeNull();
      // 230 audited writes against the in-process Cosmos server: about 16 s alone, longer beside other suites.
    }, 120_000);
  });
});
