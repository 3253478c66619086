import fs from 'node:fs';
import path from 'node:path';
import { MB } from '@rapport/shared';
import { create, createTestApp, TENANT_A, TENANT_B, USER_A, USER_B, type TestApp, type TestStore } from './test-app';

// A tiny but real PDF and PNG: their first bytes are what the checks read.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
// A Windows program's first bytes ("MZ", the DOS header), as an .exe renamed .pdf carries them.
const PROGRAM = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

const setups: [TestStore, 'directory' | 'blob'][] = [
  ['sqlite', 'directory'],
  ['cosmos', 'blob'],
];

describe.each(setups)('documents on %s with files in %s', (store, files) => {
  let t: TestApp;
  let contactId: string;
  const upload = (name: string, bytes: Buffer, options: { recordKind?: string; recordId?: string; token?: string; headers?: Record<string, string> } = {}) =>
    t.call('upload-document', {
      query: { recordKind: options.recordKind ?? 'contact', recordId: options.recordId ?? contactId, name },
      bytes,
      ...(options.token ? { token: options.token } : {}),
      ...(options.headers ? { headers: options.headers } : {}),
    });
  /** Whatever the store keeps: no record, and (in the data directory) no file. */
  const keptNothing = async () => {
    const listed = await t.call('list-documents', { query: { recordKind: 'contact', recordId: contactId } });
    expect(listed.body.items).toEqual([]);
    if (files === 'directory') {
      const dir = path.join(t.dataDir, 'files', TENANT_A);
      expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
    }
  };

  beforeEach(async () => {
    t = await createTestApp({ store, files });
    contactId = (await create(t, 'contact', { firstName: 'Ana', lastName: 'Souza', emails: ['ana@cliente.com.br'] })).id;
  });
  afterEach(() => t.close());

  it('keeps a file with a record: listed there, its bytes back as they went in, typed by its contents', async () => {
    const uploaded = await upload('Proposta comercial – Łódź.pdf', PDF);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ name: 'Proposta comercial – Łódź.pdf', contentType: 'application/pdf', size: PDF.length, contactIds: [contactId], source: 'upload', ownerId: USER_A });
    expect(uploaded.headers.get('etag')).toBe('"1"');

    const listed = await t.call('list-documents', { query: { recordKind: 'contact', recordId: contactId } });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([uploaded.body.id]);

    const content = await t.call('document-content', { params: { id: uploaded.body.id }, query: { disposition: 'inline' } });
    expect(content.status).toBe(200);
    expect(content.bytes?.equals(PDF)).toBe(true);
    expect(content.headers.get('content-type')).toBe('application/pdf');
    expect(content.headers.get('content-disposition')).toBe(`inline; filename="Proposta comercial _ __d_.pdf"; filename*=UTF-8''${encodeURIComponent('Proposta comercial – Łódź.pdf')}`);
    expect(content.headers.get('content-security-policy')).toContain('sandbox');
    expect(content.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('saves rather than shows what the pane does not preview', async () => {
    const csv = await upload('prices.csv', Buffer.from('product;price\nWidget;10\n'));
    expect(csv.body.contentType).toBe('text/csv; charset=utf-8');
    const content = await t.call('document-content', { params: { id: csv.body.id }, query: { disposition: 'inline' } });
    expect(content.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('refuses a program renamed .pdf (415 DOCUMENT.PROGRAM) and keeps nothing', async () => {
    const refused = await upload('invoice.pdf', PROGRAM);
    expect(refused.status).toBe(415);
    expect(refused.body.error.code).toBe('DOCUMENT.PROGRAM');
    expect(refused.body.error.details).toMatchObject({ name: 'invoice.pdf' });
    await keptNothing();
  });

  it('refuses contents that are not what the name says, and types Rapport does not keep', async () => {
    const mismatch = await upload('photo.png', PDF);
    expect([mismatch.status, mismatch.body.error.code]).toEqual([415, 'DOCUMENT.TYPE_MISMATCH']);
    const exe = await upload('setup.exe', PROGRAM);
    expect([exe.status, exe.body.error.code]).toEqual([415, 'DOCUMENT.TYPE_NOT_KEPT']);
    const svg = await upload('logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    expect([svg.status, svg.body.error.code]).toEqual([415, 'DOCUMENT.TYPE_NOT_KEPT']);
    // Text to its end: 5 KB of text with a program's bytes after it is no text file.
    const hidden = await upload('notes.txt', Buffer.concat([Buffer.alloc(5000, 0x61), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00])]));
    expect([hidden.status, hidden.body.error.code]).toEqual([415, 'DOCUMENT.TYPE_MISMATCH']);
    const empty = await upload('empty.txt', Buffer.alloc(0));
    expect([empty.status, empty.body.error.code]).toEqual([422, 'DOCUMENT.EMPTY']);
    await keptNothing();
  });

  it('refuses a file over the tenant’s limit (413 DOCUMENT.TOO_LARGE), whether its length is declared or not', async () => {
    const admin = await t.token(TENANT_A, 'admin-1', ['admin']);
    const settings = await t.call('get-settings', { token: admin });
    const changed = await t.call('update-settings', { token: admin, body: { documentLimits: { maxFileMb: 1, maxMessageMb: 5 } }, headers: { 'if-match': `"${settings.body.version}"` } });
    expect(changed.status).toBe(200);
    const big = Buffer.concat([PDF, Buffer.alloc(MB, 0x20)]);
    const declared = await upload('big.pdf', big);
    expect([declared.status, declared.body.error.code, declared.body.error.details.limitBytes]).toEqual([413, 'DOCUMENT.TOO_LARGE', MB]);
    // A client that declares less than it sends is caught as the bytes pass.
    const undeclared = await upload('big.pdf', big, { headers: { 'content-length': '100' } });
    expect([undeclared.status, undeclared.body.error.code]).toEqual([413, 'DOCUMENT.TOO_LARGE']);
    await keptNothing();
  });

  it('refuses names with path parts or hidden characters (422 DOCUMENT.INVALID_NAME), and keeps nothing', async () => {
    for (const [name, problem] of [
      ['../../etc/passwd.txt', 'path'],
      ['C:\\Users\\ana\\offer.pdf', 'path'],
      ['reports/offer.pdf', 'path'],
      ['..', 'empty'],
      ['offer\u202Efdp.exe', 'control'],
      ['line\nbreak.pdf', 'control'],
    ] as const) {
      const refused = await upload(name, PDF);
      expect([name, refused.status, refused.body.error.code, refused.body.error.details.problem]).toEqual([name, 422, 'DOCUMENT.INVALID_NAME', problem]);
    }
    await keptNothing();
  });

  it('makes a name safe to save anywhere, and says it in both of RFC 6266’s forms', async () => {
    const uploaded = await upload('  offer: "final" <v2>?.pdf ', PDF);
    expect(uploaded.body.name).toBe('offer_ _final_ _v2__.pdf');
    const quoted = await upload("Ana's offer (v2)*.pdf", PDF);
    const content = await t.call('document-content', { params: { id: quoted.body.id } });
    expect(content.headers.get('content-disposition')).toBe(`attachment; filename="Ana's offer (v2)_.pdf"; filename*=UTF-8''Ana%27s%20offer%20%28v2%29_.pdf`);
  });

  it('a retried upload with the same Idempotency-Key keeps one document', async () => {
    const first = await upload('offer.pdf', PDF, { headers: { 'idempotency-key': 'upload-1' } });
    const again = await upload('offer.pdf', PDF, { headers: { 'idempotency-key': 'upload-1' } });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const listed = await t.call('list-documents', { query: { recordKind: 'contact', recordId: contactId } });
    expect(listed.body.items).toHaveLength(1);
    if (files === 'directory') expect(fs.readdirSync(path.join(t.dataDir, 'files', TENANT_A))).toHaveLength(1);
  });

  it('deletes softly: gone from the list, restorable with its bytes, by its owner or a manager only', async () => {
    const uploaded = await upload('offer.pdf', PDF);
    const colleague = await t.token(TENANT_A, USER_B, ['rep']);
    const forbidden = await t.call('delete-document', { params: { id: uploaded.body.id }, token: colleague, headers: { 'if-match': '"1"' } });
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, 'AUTH.NOT_RECORD_OWNER']);
    const noVersion = await t.call('delete-document', { params: { id: uploaded.body.id } });
    expect(noVersion.status).toBe(428);
    const stale = await t.call('delete-document', { params: { id: uploaded.body.id }, headers: { 'if-match': '"7"' } });
    expect([stale.status, stale.body.error.code]).toEqual([412, 'RECORD.STALE_VERSION']);
    expect((await t.call('delete-document', { params: { id: uploaded.body.id }, headers: { 'if-match': '"1"' } })).status).toBe(204);
    expect((await t.call('list-documents', { query: { recordKind: 'contact', recordId: contactId } })).body.items).toEqual([]);
    expect((await t.call('document-content', { params: { id: uploaded.body.id } })).status).toBe(404);

    const restored = await t.call('restore-document', { params: { id: uploaded.body.id }, headers: { 'if-match': '"2"' } });
    expect(restored.status).toBe(200);
    const content = await t.call('document-content', { params: { id: uploaded.body.id } });
    expect(content.bytes?.equals(PDF)).toBe(true);
  });

  it('another tenant sees nothing of it and cannot add to its records', async () => {
    const uploaded = await upload('offer.pdf', PDF);
    const other = await t.token(TENANT_B, USER_B, ['admin']);
    expect((await t.call('get-document', { params: { id: uploaded.body.id }, token: other })).status).toBe(404);
    expect((await t.call('document-content', { params: { id: uploaded.body.id }, token: other })).status).toBe(404);
    expect((await t.call('list-documents', { query: { recordKind: 'contact', recordId: contactId }, token: other })).status).toBe(404);
    expect((await upload('x.pdf', PDF, { token: other })).status).toBe(404);
  });

  it('needs a record that exists, of a kind documents go with', async () => {
    expect((await upload('x.pdf', PDF, { recordId: 'no-such-contact' })).status).toBe(404);
    const wrongKind = await upload('x.pdf', PDF, { recordKind: 'member' });
    expect([wrongKind.status, wrongKind.body.error.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    const company = await create(t, 'company', { name: 'Cliente Ltda' });
    const onCompany = await upload('photo.png', PNG, { recordKind: 'company', recordId: company.id });
    expect(onCompany.body).toMatchObject({ companyId: company.id, contactIds: [], contentType: 'image/png' });
  });
});
