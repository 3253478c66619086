import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { apiContract } from '@rapport/shared';
import { createApp } from '../../functions/src/app';
import { createLocalApp, type LocalApp } from '../../functions/src/local/local-mode';
import { loadConfig } from '../../functions/src/config';
import { startServer, type RunningServer } from '../../functions/src/server';

let app: LocalApp;
let server: RunningServer;
let dataDir: string;
let token: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-http-'));
  app = await createLocalApp(loadConfig({ RAPPORT_DATA_DIR: dataDir, SEED_DEMO: 'false' }));
  server = await startServer(app, { port: 0, host: '127.0.0.1' });
  const issued = await fetch(`${server.url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId: 'http-tenant', userId: 'http-user', roles: ['rep'] }),
  });
  token = ((await issued.json()) as { accessToken: string }).accessToken;
});

afterAll(async () => {
  await server.close();
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const api = (pathname: string, init: RequestInit & { auth?: boolean } = {}) => {
  const headers = new Headers(init.headers);
  if (init.auth !== false) headers.set('authorization', `Bearer ${token}`);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return fetch(`${server.url}${pathname}`, { ...init, headers });
};

/** A POST whose body is sent a chunk at a time (no Content-Length) until the server answers or `chunks` are sent. */
function trickle(pathname: string, headers: Record<string, string>, chunk: Buffer, chunks: number): Promise<{ status: number; sent: number; body: string }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(`${server.url}${pathname}`, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } }, (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        // The client stops sending once it has its answer.
        request.destroy();
        resolve({ status: response.statusCode ?? 0, sent, body: Buffer.concat(parts).toString('utf8') });
      });
    });
    request.on('error', (error) => (answered ? undefined : reject(error)));
    const next = () => {
      if (answered) return;
      if (sent >= chunks) {
        request.end();
        return;
      }
      sent += 1;
      request.write(chunk, () => setTimeout(next, 5));
    };
    next();
  });
}

describe('the standalone host', () => {
  it('streams an upload to its handler: no token is refused before the file is read, a file is kept byte for byte', async () => {
    const query = '?recordKind=contact&recordId=nobody&name=offer.pdf';
    // 40 chunks of 1 MB offered; the 401 comes after the first few, and the rest is never sent.
    const refused = await trickle(`/api/documents${query}`, {}, Buffer.alloc(1024 * 1024, 0x20), 40);
    expect(refused.status).toBe(401);
    expect(refused.sent).toBeLessThan(40);

    const contact = (await (await api('/api/contacts', { method: 'POST', body: JSON.stringify({ lastName: 'Upload' }) })).json()) as { id: string };
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3 * 1024 * 1024, 0x41)]);
    const uploaded = await api(`/api/documents?recordKind=contact&recordId=${contact.id}&name=offer.pdf`, { method: 'POST', body: pdf, headers: { 'content-type': 'application/pdf' } });
    expect(uploaded.status).toBe(201);
    const document = (await uploaded.json()) as { id: string; size: number };
    expect(document.size).toBe(pdf.length);
    const content = await api(`/api/documents/${document.id}/content`);
    expect(content.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await content.arrayBuffer()).equals(pdf)).toBe(true);

    // A chunked upload over the tenant's limit is refused as it passes (26 MB of 25 allowed), not read to its end.
    const big = await trickle(`/api/documents?recordKind=contact&recordId=${contact.id}&name=big.pdf`, { authorization: `Bearer ${token}` }, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024 * 1024 - 9, 0x20)]), 60);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.code).toBe('DOCUMENT.TOO_LARGE');
    expect(big.sent).toBeLessThan(60);
  });


  it('answers health without a token', async () => {
    const response = await api('/api/health', { auth: false });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: '0.1.0', store: 'sqlite' });
  });

  it('serves a token, then the token creates and finds a contact end to end', async () => {
    const created = await api('/api/contacts', { method: 'POST', body: JSON.stringify({ lastName: 'Doe', emails: ['john@contoso.com'] }) });
    expect(created.status).toBe(201);
    const lookup = await api('/api/lookup', { method: 'POST', body: JSON.stringify({ emails: ['John <JOHN@contoso.com>'] }) });
    const body = (await lookup.json()) as { results: { match: string; contact: { lastName: string } }[] };
    expect(body.results[0]).toMatchObject({ match: 'contact', contact: { lastName: 'Doe' } });
  });

  it('answers 401 with a stable code when the token is missing or garbage', async () => {
    const missing = await api('/api/contacts', { auth: false });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await missing.json()) as any).error.code).toBe('AUTH.TOKEN_MISSING');
    const garbage = await api('/api/contacts', { auth: false, headers: { authorization: 'Bearer not.a.token' } });
    expect(garbage.status).toBe(401);
    expect(((await garbage.json()) as any).error.code).toBe('AUTH.TOKEN_INVALID');
  });

  it('answers malformed JSON with 400 REQUEST.MALFORMED_JSON', async () => {
    const response = await api('/api/contacts', { method: 'POST', body: '{"lastName": "Doe",' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.code).toBe('REQUEST.MALFORMED_JSON');
  });

  it('answers schema violations with 400 naming every field', async () => {
    const response = await api('/api/contacts', { method: 'POST', body: JSON.stringify({ emails: ['nope'], status: 'vip', extra: 1 }) });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as any;
    expect(error.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(error.details.fields.map((field: { path: string }) => field.path).sort()).toEqual(['emails.0', 'extra', 'lastName', 'status']);
  });

  it('answers a body over 1 MB with 413 and stores nothing', async () => {
    const huge = JSON.stringify({ lastName: 'x'.repeat(1024 * 1024 + 10) });
    const response = await api('/api/contacts', { method: 'POST', body: huge });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).error.code).toBe('REQUEST.BODY_TOO_LARGE');
    const list = (await (await api('/api/contacts?limit=100')).json()) as any;
    expect(list.items.every((contact: { lastName: string }) => contact.lastName.length < 100)).toBe(true);
  });

  it('answers an unknown route with 404 and a wrong method with 405 and Allow', async () => {
    const unknown = await api('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).error.code).toBe('ROUTE.NOT_FOUND');
    const wrongMethod = await api('/api/lookup', { method: 'GET' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect(((await wrongMethod.json()) as any).error.code).toBe('ROUTE.METHOD_NOT_ALLOWED');
  });

  it('answers a path that is not valid percent-encoding with 404, not 500', async () => {
    const response = await api('/api/contacts/%E0%A4%A');
    expect(response.status).toBe(404);
    expect(((await response.json()) as any).error.code).toBe('ROUTE.NOT_FOUND');
  });

  it("opens a tracked link at the host's root by GET and HEAD, counts the GET once the clicks are written, and has no /api/r/", async () => {
    const admin = await app.issuer.issue({ tenantId: 'http-tenant', userId: 'http-admin', roles: ['admin'] });
    const post = async (pathname: string, body: object) =>
      (await (await fetch(`${server.url}${pathname}`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as Record<string, string>;
    const campaign = await post('/api/campaigns', { name: 'Host campaign' });
    const link = await post('/api/links', { campaignId: campaign.id!, label: 'Host link', destination: 'https://shop.example/' });
    const browser = { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15' };
    const opened = await fetch(`${server.url}/r/${link.code}`, { redirect: 'manual', headers: browser });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toMatch(new RegExp(`^https://shop\\.example/\\?utm_source=email&.*&rp_code=${link.code}$`));
    const head = await fetch(`${server.url}/r/${link.code}`, { method: 'HEAD', redirect: 'manual', headers: browser });
    expect([head.status, head.headers.get('location'), await head.text()]).toEqual([302, opened.headers.get('location'), '']);
    expect((await fetch(`${server.url}/r/${link.code}`, { method: 'POST', headers: browser })).status).toBe(405);
    expect((await fetch(`${server.url}/api/r/${link.code}`, { redirect: 'manual', headers: browser })).status).toBe(404);
    // Summed in memory and written within a second (CLICK_FLUSH_MS): the GET counted, the HEAD not.
    const clicks = async () => (await app.store.reportCells('http-tenant', 'campaign', { from: '2000-01', to: '2099-12' })).reduce((sum, cell) => sum + (cell.measures.clicks ?? 0), 0);
    const deadline = Date.now() + 5_000;
    while ((await clicks()) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await clicks()).toBe(1);
  });

  it('serves nothing outside the add-in pages, however the path is written', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/demo/../../functions/src/config.ts', '/..%2fpackage.json', '/%00taskpane.html']) {
      const response = await api(path, { auth: false });
      expect([path, response.status]).toEqual([path, 404]);
      expect(await response.text()).not.toMatch(/"name": "rapport"|loadConfig/);
    }
  });

  it('lets browsers keep the chunks named by their content for good, and revalidate the pages and the entry', async () => {
    const chunk = fs.readdirSync(path.resolve(__dirname, '../../addin/dist/chunks')).find((name) => name.endsWith('.js'));
    expect(chunk).toBeDefined();
    const cacheControl = async (page: string) => (await api(page, { auth: false })).headers.get('cache-control');
    expect(await cacheControl(`/chunks/${chunk}`)).toBe('public, max-age=31536000, immutable');
    expect(await cacheControl('/taskpane.js')).toBe('no-cache');
    expect(await cacheControl('/taskpane.html')).toBe('no-cache');
    expect(await cacheControl('/addin-config.json')).toBe('no-store');
  });

  it('serves the OpenAPI 3.1 document with every route of the contract, and every reference resolves', async () => {
    const response = await api('/api/openapi.json', { auth: false });
    const document = (await response.json()) as any;
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths).flatMap(([pathName, item]) =>
      Object.entries(item as object).map(([method, operation]) => `${method.toUpperCase()} ${pathName} ${(operation as any).operationId}`),
    );
    expect(operations.sort()).toEqual(apiContract.map((route) => `${route.method} ${route.path} ${route.name}`).sort());
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const name = /#\/components\/schemas\/([^"]+)/.exec(ref)?.[1];
      expect([ref, name && document.components.schemas[name] !== undefined]).toEqual([ref, true]);
    }
    expect(document.paths['/api/contacts/{id}'].patch.parameters.map((p: { name: string }) => p.name)).toContain('If-Match');
  });

  it('hides internals in a 500', async () => {
    const broken = await createLocalApp(loadConfig({ RAPPORT_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-broken-')), SEED_DEMO: 'false' }));
    const brokenServer = await startServer(broken, { port: 0, host: '127.0.0.1' });
    const brokenToken = await broken.issuer.issue({ tenantId: 't', userId: 'u' });
    await broken.close();
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await fetch(`${brokenServer.url}/api/contacts`, { headers: { authorization: `Bearer ${brokenToken}` } });
    const text = await response.text();
    errors.mockRestore();
    await brokenServer.close();
    expect(response.status).toBe(500);
    expect(JSON.parse(text).error.code).toBe('INTERNAL');
    expect(text).not.toMatch(/database|sqlite|at \w+ \(|\.ts:/i);
  });
});

describe('production configuration', () => {
  it('serves neither the demo inbox nor the demo page', async () => {
    const production = await createApp(
      loadConfig({ RAPPORT_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-prod-')), AUTH_MODE: 'entra', AUTH_AUDIENCE: 'api://rapport' }),
    );
    const running = await startServer(production, { port: 0, host: '127.0.0.1' });
    const statuses = await Promise.all(['/demo/inbox.json', '/demo.html', '/demo-taskpane.html'].map(async (page) => (await fetch(`${running.url}${page}`)).status));
    const config = await (await fetch(`${running.url}/addin-config.json`)).json();
    await running.close();
    await production.close();
    expect(statuses).toEqual([404, 404, 404]);
    expect(config).toMatchObject({ authMode: 'entra', apiScope: 'api://rapport/access_as_user' });
  });

  it("sends the pane's Content-Security-Policy, the one the README gives admins for other hosts", async () => {
    const production = await createApp(
      loadConfig({ RAPPORT_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-prod-')), AUTH_MODE: 'entra', AUTH_AUDIENCE: 'api://rapport' }),
    );
    const running = await startServer(production, { port: 0, host: '127.0.0.1' });
    const page = await fetch(`${running.url}/taskpane.html`);
    await running.close();
    await production.close();
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(policy).toContain("object-src 'none'; base-uri 'none'");
    // Production frames the pane only from Office's hosts: no local origins.
    expect(policy).not.toContain('localhost');
    expect(fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8')).toContain(`\n${policy}\n`);
  });

  it('issues local tokens only to requests addressed to a loopback name (no DNS rebinding)', async () => {
    const askWithHost = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const payload = JSON.stringify({ tenantId: 'http-tenant', userId: 'rebound', roles: ['admin'] });
        const request = http.request(
          `${server.url}/dev/token`,
          { method: 'POST', headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
          (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
          },
        );
        request.on('error', reject);
        request.end(payload);
      });
    const rebound = await askWithHost('attacker.example:3000');
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error.code).toBe('AUTH.LOCAL_TOKENS_LOOPBACK_ONLY');
    expect(rebound.body).not.toContain('accessToken');
    expect((await askWithHost('127.0.0.1.attacker.example')).status).toBe(403);
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'rapport.localhost']) {
      const answer = await askWithHost(host);
      expect([host, answer.status]).toEqual([host, 200]);
    }
  });

  it('has no /dev/token route', async () => {
    const production = await createApp(
      loadConfig({ RAPPORT_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-prod-')), AUTH_MODE: 'entra', AUTH_AUDIENCE: 'api://rapport' }),
    );
    const running = await startServer(production, { port: 0, host: '127.0.0.1' });
    const response = await fetch(`${running.url}/dev/token`, { method: 'POST', body: '{}' });
    await running.close();
    await production.close();
    expect(production.routes.map((binding) => binding.route.name)).not.toContain('dev-token');
    expect(response.status).toBe(404);
  });
});
