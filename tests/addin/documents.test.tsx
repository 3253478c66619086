/** @jest-environment ./tests/stubs/jsdom-with-node-environment.js */
import { File as NodeFile } from 'node:buffer';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Activity, Document } from '@rapport/shared';
import { createApiClient } from '../../addin/src/api/client';
import { DocumentLimitsAdmin } from '../../addin/src/components/DocumentLimitsAdmin';
import { RecordSections } from '../../addin/src/components/RecordSections';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { RecordNavigationProvider } from '../../addin/src/taskpane/record-navigation';
import type { LocalApp } from '../../functions/src/local/local-mode';
import { startInProcessApi, type InProcessApi } from './in-process-api';
import type { RunningServer } from '../../functions/src/server';
// What the sections load when opened: compiled up front, so that a test waits for the pane, not for ts-jest.
import '../../addin/src/components/ClosedSections';
import '../../addin/src/components/documents/EmailAttachments';
import { renderInPane } from './pane-harness';

// A record's Documents section over the real API and store (the standalone host on a random port): files go up as
// their bytes, come back through the API with the user's token, and the store holds what the rep sees.

jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 30_000 });

const REP = 'avery-rep';
const COLLEAGUE = 'jordan-rep';
const ADMIN = 'sam-admin';

// A tiny but real PDF and PNG (their first bytes are what the checks read), and a Windows program's first bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PROGRAM = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

/** A file as the browser's picker gives it (Node's File: the same Blob the pane's fetch sends). */
const file = (name: string, bytes: Buffer) => new NodeFile([bytes], name) as unknown as File;

type Sent = { method: string; path: string; headers: Record<string, string> };

describe("a record's documents", () => {
  let api: InProcessApi;
  let app: LocalApp;
  let server: RunningServer;
  let tenants = 0;
  let tenant: string;
  let contactId: string;
  let sent: Sent[];
  /** The next matching requests reach the API but their answers are lost, as when the network drops on the way back. */
  let loseAnswer: { match: (method: string, path: string) => boolean; times: number };
  /** What the pane made blob: URLs of, and what it saved as files. */
  let objectUrls: Map<string, Blob>;
  let revoked: string[];
  let saved: { href: string; download: string }[];

  const names: Record<string, string> = { [REP]: 'Avery Quinn', [COLLEAGUE]: 'Jordan Reyes', [ADMIN]: 'Sam Patel' };
  // A member's first sign-in makes them a member by their token's name.
  const tokenOf = (userId: string, roles: ('rep' | 'admin')[] = ['rep']) => app.issuer.issue({ tenantId: tenant, userId, roles, name: names[userId]! });
  const asUser = async <T,>(userId: string, method: string, route: string, body?: BodyInit | object, headers: Record<string, string> = {}) => {
    const raw = body instanceof Buffer || typeof body === 'string';
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${await tokenOf(userId, userId === ADMIN ? ['admin'] : ['rep'])}`, ...(body && !raw ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body ? { body: raw ? (body as BodyInit) : JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const uploadAs = (userId: string, name: string, bytes: Buffer) =>
    asUser<Document>(userId, 'POST', `/api/documents?recordKind=contact&recordId=${contactId}&name=${encodeURIComponent(name)}`, bytes);
  const documentsInStore = async () => (await app.store.list('document', tenant, { limit: 100, linkedTo: { kind: 'contact', id: contactId } })).items as Document[];

  const paneFetch = (async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const { pathname } = new URL(url);
    sent.push({ method, path: pathname, headers: (init.headers ?? {}) as Record<string, string> });
    const response = await fetch(url, init);
    if (loseAnswer.times > 0 && loseAnswer.match(method, pathname)) {
      loseAnswer.times--;
      throw new TypeError('Failed to fetch');
    }
    return response;
  }) as typeof fetch;

  const renderSections = (options: { language?: string; as?: string; timeline?: Activity[] } = {}) => {
    const api = createApiClient({ baseUrl: server.url, getToken: () => tokenOf(options.as ?? REP), fetch: paneFetch });
    return renderInPane(
      <RecordNavigationProvider>
        <MeProvider>
          <RecordSections owner={{ kind: 'contact', id: contactId }} initialTimeline={options.timeline ?? []} />
        </MeProvider>
      </RecordNavigationProvider>,
      { api, language: options.language ?? 'en-US' },
    );
  };
  /** Opens the closed Documents section and waits for its list or its empty state. */
  const openDocuments = async (name = 'Documents') => {
    fireEvent.click(screen.getByRole('button', { name }));
    await screen.findByRole('button', { name: /^(Add files|Añadir archivos)$/ });
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  };
  const pick = (...files: File[]) => fireEvent.change(screen.getByLabelText(/^(Add files|Añadir archivos)$/, { selector: 'input' }), { target: { files } });
  const listed = async (name = 'Documents') => within(await screen.findByRole('list', { name }));

  beforeAll(async () => {
    api = await startInProcessApi('documents-pane');
    ({ app, server } = api);
  });
  afterAll(() => api.close());

  beforeEach(async () => {
    tenant = `tenant-documents-${++tenants}`;
    sent = [];
    loseAnswer = { match: () => false, times: 0 };
    // The members, signed in once, so the list can say who added what.
    for (const userId of [REP, COLLEAGUE]) await asUser(userId, 'GET', '/api/me');
    contactId = (await asUser<{ id: string }>(REP, 'POST', '/api/contacts', { firstName: 'Ana', lastName: 'Souza', emails: ['ana@cliente.com.br'] }, { 'idempotency-key': `contact-${tenant}` })).id;
    objectUrls = new Map();
    revoked = [];
    saved = [];
    let urls = 0;
    // jsdom has no blob: URLs and saves nothing: these stand in for the browser's, and remember what they were given.
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        const url = `blob:pane/${++urls}`;
        objectUrls.set(url, blob);
        return url;
      },
      revokeObjectURL: (url: string) => void revoked.push(url),
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('says there are none yet and how to add them, then lists each with its size, who added it and when, newest first', async () => {
    const first = renderSections();
    await openDocuments();
    expect(screen.getByText(/^No documents yet\. .*drop files here or choose Add files\.$/)).toBeTruthy();
    expect(screen.getByText('Drop files here')).toBeTruthy();

    await uploadAs(COLLEAGUE, 'Price list 2027.pdf', PDF);
    await uploadAs(REP, 'Site photo.png', PNG);
    first.unmount();
    renderSections();
    await openDocuments();
    const rows = (await listed()).getAllByRole('listitem');
    expect(rows.map((row) => row.getAttribute('aria-label'))).toEqual(['Site photo.png', 'Price list 2027.pdf']);
    // Who added it comes with the members, read once for the pane.
    await waitFor(() => expect(rows[1]!.textContent).toMatch(new RegExp(`^Price list 2027\\.pdf${PDF.length} bytes · Added by Jordan Reyes, [A-Z][a-z]{2} \\d{1,2}, \\d{4}$`)));
    expect(rows[0]!.textContent).toMatch(new RegExp(`^Site photo\\.png${PNG.length} bytes · Added by you, `));
  });

  it('pages on when the record has more documents than a page', async () => {
    for (let index = 1; index <= 21; index++) await uploadAs(REP, `Note ${String(index).padStart(2, '0')}.txt`, Buffer.from(`note ${index}\n`));
    renderSections();
    await openDocuments();
    expect((await listed()).getAllByRole('listitem')).toHaveLength(20);
    expect((await listed()).queryByRole('listitem', { name: 'Note 01.txt' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show more documents' }));
    await (await listed()).findByRole('listitem', { name: 'Note 01.txt' });
    expect(screen.queryByRole('button', { name: 'Show more documents' })).toBeNull();
  });

  it('uploads picked files as their bytes, each with its own Idempotency-Key, and lists them', async () => {
    renderSections();
    await openDocuments();
    pick(file('Proposta comercial – Łódź.pdf', PDF), file('Site photo.png', PNG));
    await (await listed()).findByRole('listitem', { name: 'Proposta comercial – Łódź.pdf' });
    await (await listed()).findByRole('listitem', { name: 'Site photo.png' });
    const stored = await documentsInStore();
    expect(stored.map((document) => [document.name, document.contentType, document.size, document.ownerId]).sort()).toEqual([
      ['Proposta comercial – Łódź.pdf', 'application/pdf', PDF.length, REP],
      ['Site photo.png', 'image/png', PNG.length, REP],
    ]);
    const uploads = sent.filter((request) => request.method === 'POST' && request.path === '/api/documents');
    const keys = uploads.map((request) => request.headers['idempotency-key']);
    expect(keys).toEqual([expect.any(String), expect.any(String)]);
    expect(new Set(keys).size).toBe(2);
  });

  it('adds a dropped file too', async () => {
    renderSections();
    await openDocuments();
    fireEvent.drop(screen.getByText('Drop files here'), { dataTransfer: { files: [file('Dropped offer.pdf', PDF)], types: ['Files'] } });
    await (await listed()).findByRole('listitem', { name: 'Dropped offer.pdf' });
    expect((await documentsInStore()).map((document) => document.name)).toEqual(['Dropped offer.pdf']);
  });

  it('keeps one document when the answer to an upload is lost and the rep presses Retry', async () => {
    loseAnswer = { match: (method, pathname) => method === 'POST' && pathname === '/api/documents', times: 1 };
    renderSections();
    await openDocuments();
    pick(file('Contract.pdf', PDF));
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toMatch(/^Not added: Contract\.pdf\./);
    fireEvent.click(within(refusal).getByRole('button', { name: 'Try again' }));
    await (await listed()).findByRole('listitem', { name: 'Contract.pdf' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await documentsInStore()).map((document) => document.name)).toEqual(['Contract.pdf']);
    const [first, retried] = sent.filter((request) => request.method === 'POST' && request.path === '/api/documents');
    expect(retried?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
  });

  it('refuses a program renamed .pdf in the browser, in the user’s language and beside its name, and sends nothing', async () => {
    renderSections({ language: 'es-ES' });
    await openDocuments('Documentos');
    pick(file('factura.pdf', PROGRAM), file('oferta.pdf', PDF));
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toBe('No se añadió: factura.pdf.Este archivo es un programa, diga lo que diga su nombre, y Rapport nunca guarda programas. Añade el documento en sí.Descartar');
    await (await listed('Documentos')).findByRole('listitem', { name: 'oferta.pdf' });
    expect(sent.filter((request) => request.method === 'POST' && request.path === '/api/documents')).toHaveLength(1);
    expect((await documentsInStore()).map((document) => document.name)).toEqual(['oferta.pdf']);
    fireEvent.click(within(refusal).getByRole('button', { name: 'Descartar' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('previews an image from its bytes, read with the user’s token, and lets the blob: URL go when closed; downloads a PDF with its name', async () => {
    await uploadAs(REP, 'Price list.pdf', PDF);
    const photo = await uploadAs(REP, 'Site photo.png', PNG);
    renderSections();
    await openDocuments();
    fireEvent.click((await listed()).getByRole('button', { name: 'Preview Site photo.png' }));
    const image = (await screen.findByRole('img', { name: 'Preview of Site photo.png' })) as HTMLImageElement;
    const shown = objectUrls.get(image.getAttribute('src') ?? '');
    expect(Buffer.from(await shown!.arrayBuffer()).equals(PNG)).toBe(true);
    expect(shown!.type).toBe('image/png');
    const content = sent.find((request) => request.path === `/api/documents/${photo.id}/content`);
    expect(content?.headers.authorization).toMatch(/^Bearer /);
    fireEvent.click((await listed()).getByRole('button', { name: 'Close the preview of Site photo.png' }));
    await waitFor(() => expect(revoked).toContain(image.getAttribute('src')));

    fireEvent.click((await listed()).getByRole('button', { name: 'Download Price list.pdf' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.download).toBe('Price list.pdf');
    expect(Buffer.from(await objectUrls.get(saved[0]!.href)!.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('deletes after asking, says Deleted with Undo, and Undo brings the document back', async () => {
    await uploadAs(REP, 'Old offer.pdf', PDF);
    renderSections();
    await openDocuments();
    // Offered once the pane knows who the user is.
    fireEvent.click(await (await listed()).findByRole('button', { name: 'Delete Old offer.pdf' }));
    const confirm = screen.getByRole('group', { name: 'Delete Old offer.pdf' });
    expect(confirm.textContent).toContain('Delete Old offer.pdf? You can undo it right after.');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await screen.findByText('Old offer.pdf was deleted.');
    expect(await documentsInStore()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.queryByText('Old offer.pdf was deleted.')).toBeNull());
    expect((await documentsInStore()).map((document) => document.name)).toEqual(['Old offer.pdf']);
    expect((await listed()).getByRole('listitem', { name: 'Old offer.pdf' })).toBeTruthy();
  });

  it('offers Delete only on what the rep may delete: their own, not a colleague’s', async () => {
    await uploadAs(COLLEAGUE, 'Their notes.txt', Buffer.from('notes\n'));
    await uploadAs(REP, 'My notes.txt', Buffer.from('mine\n'));
    renderSections();
    await openDocuments();
    await (await listed()).findByRole('button', { name: 'Delete My notes.txt' });
    expect((await listed()).queryByRole('button', { name: 'Delete Their notes.txt' })).toBeNull();
    // Every document opens, whoever added it: a text file is saved.
    fireEvent.click((await listed()).getByRole('button', { name: 'Open Their notes.txt' }));
    await waitFor(() => expect(saved.map((file) => file.download)).toEqual(['Their notes.txt']));
  });

  it('shows a logged e-mail’s attachments: a kept one opens as a document, left-out ones say why', async () => {
    const photo = await uploadAs(REP, 'Damage.png', PNG);
    const email: Activity = {
      id: 'email-1',
      tenantId: tenant,
      kind: 'email',
      subject: 'Photos of the damage',
      at: '2026-11-20T09:30:00.000Z',
      status: 'done',
      participants: [],
      contactIds: [contactId],
      createdAt: '2026-11-20T09:31:00.000Z',
      createdBy: REP,
      updatedAt: '2026-11-20T09:31:00.000Z',
      updatedBy: REP,
      ownerId: REP,
      version: 1,
      attachments: [
        { name: 'Damage.png', size: PNG.length, documentId: photo.id },
        { name: 'Video.mov', size: 80 * 1024 * 1024, leftOut: 'file-too-large' },
        { name: 'setup.exe', size: 2048, leftOut: 'type-not-kept' },
      ],
    } as Activity;
    renderSections({ timeline: [email], language: 'it-IT' });
    const attachments = await screen.findByRole('list', { name: 'Allegati' });
    // The tenant's limit, read from its settings (25 MB unless an admin changed it).
    const item = (name: string) => within(attachments).getByText(name, { exact: false }).closest('li')!;
    await waitFor(() => expect(item('Video.mov').textContent).toBe('Video.mov (non conservato: più grande di 25 MB)'));
    expect(item('setup.exe').textContent).toBe('setup.exe (non conservato: questo tipo di file non si conserva)');
    fireEvent.click(within(attachments).getByRole('button', { name: 'Apri Damage.png' }));
    const image = await screen.findByRole('img', { name: 'Anteprima di Damage.png' });
    expect(Buffer.from(await objectUrls.get(image.getAttribute('src') ?? '')!.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('lets an admin change the document limits on the version read, refusing a number out of range at the field', async () => {
    const api = createApiClient({ baseUrl: server.url, getToken: () => tokenOf(ADMIN, ['admin']), fetch: paneFetch });
    const { queryClient } = renderInPane(<DocumentLimitsAdmin />, { api });
    const largest = (await screen.findByRole('spinbutton', { name: 'Largest file (MB)' })) as HTMLInputElement;
    expect(largest.value).toBe('25');
    fireEvent.change(largest, { target: { value: '0' } });
    expect(screen.getByText('Enter a whole number from 1 to 100.')).toBeTruthy();
    fireEvent.change(largest, { target: { value: '10' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'All attachments of one e-mail (MB)' }), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save limits' }));
    await screen.findByText('Saved: files up to 10 MB, up to 30 MB of one e-mail’s attachments.');
    const patch = sent.find((request) => request.method === 'PATCH' && request.path === '/api/settings');
    expect(patch?.headers['if-match']).toBe('"0"');
    const settings = await asUser<{ documentLimits: unknown }>(ADMIN, 'GET', '/api/settings');
    expect(settings.documentLimits).toEqual({ maxFileMb: 10, maxMessageMb: 30 });
    expect(queryClient.getQueryData(['operation', 'settings', {}])).toMatchObject({ documentLimits: { maxFileMb: 10 } });
  });

  it('refuses a file over the tenant’s limit before sending when the pane holds the settings, naming the limit', async () => {
    const settings = await asUser<{ version: number }>(ADMIN, 'GET', '/api/settings');
    await asUser(ADMIN, 'PATCH', '/api/settings', { documentLimits: { maxFileMb: 1, maxMessageMb: 5 } }, { 'if-match': `"${settings.version}"` });
    const view = renderSections({ as: ADMIN });
    // The settings view read them before (the pane's cache holds them).
    await act(async () => {
      await view.queryClient.fetchQuery({ queryKey: ['operation', 'settings', {}], queryFn: () => asUser(ADMIN, 'GET', '/api/settings') });
    });
    await openDocuments();
    expect(screen.getByText(/Files up to 1 MB are kept here\./)).toBeTruthy();
    pick(file('Scan.pdf', Buffer.concat([PDF, Buffer.alloc(1024 * 1024, 0x20)])));
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toMatch(/^Not added: Scan\.pdf\.This file is larger than files may be here\..* Files up to 1 MB are kept here\./);
    expect(sent.filter((request) => request.method === 'POST' && request.path === '/api/documents')).toHaveLength(0);
  });
});
