import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentSecurityPolicy } from '../../functions/src/pages/content-security';
import { siteSettings, staticWebAppConfig, writeStaticSite } from '../../scripts/static-site';

const API = 'https://rapport-api.azurewebsites.net';

// A build as addin/build.mjs lays it out: the production pages and the demo beside them.
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-dist-'));
  for (const file of ['taskpane.html', 'taskpane.js', 'dashboard.html', 'auth-dialog.html', 'chunks/msal-1.js', 'demo.html', 'demo-taskpane.html', 'demo/demo.js', 'taskpane.meta.json', 'dashboard.meta.json']) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), file);
  }
  return dir;
}

describe('the add-in pages for Static Web Apps', () => {
  it('leaves the demo out and writes the pane its settings for this deployment', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-site-')), 'site');
    const files = writeStaticSite(fakeBuild(), out, { apiBaseUrl: API, clientId: 'client-1', apiScope: 'api://pages.example/client-1/access_as_user' });
    expect(files.sort()).toEqual(['addin-config.json', 'auth-dialog.html', 'chunks/msal-1.js', 'dashboard.html', 'staticwebapp.config.json', 'taskpane.html', 'taskpane.js']);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'addin-config.json'), 'utf8'))).toEqual({
      authMode: 'entra',
      apiBaseUrl: API,
      graphBaseUrl: 'https://graph.microsoft.com',
      clientId: 'client-1',
      apiScope: 'api://pages.example/client-1/access_as_user',
    });
  });

  it("sends each page the standalone host's production policy, with the API's origin to connect to", () => {
    const config = staticWebAppConfig(API);
    const taskpane = config.globalHeaders['content-security-policy'] ?? '';
    const dashboard = config.routes.find((route) => route.route === '/dashboard.html')?.headers?.['content-security-policy'];
    expect(taskpane).toBe(contentSecurityPolicy('taskpane', { graphOrigin: 'https://graph.microsoft.com', apiOrigin: API }));
    expect(dashboard).toBe(contentSecurityPolicy('dashboard', { graphOrigin: 'https://graph.microsoft.com', apiOrigin: API }));
    expect(taskpane).toContain(`connect-src 'self' ${API} https://graph.microsoft.com https://login.microsoftonline.com;`);
    // Only Office frames the pane; nobody frames the dashboard; nothing local.
    expect(taskpane).toMatch(/frame-ancestors 'self' https:\/\/outlook\.office\.com /);
    expect(dashboard).toMatch(/frame-ancestors 'self'$/);
    // The record pages: any /records/{kind}/{id} is the one record page, under the dashboard's policy.
    expect(config.routes.find((route) => route.route === '/records/*')).toEqual({ route: '/records/*', rewrite: '/records.html', headers: { 'content-security-policy': dashboard } });
    expect(config.routes.find((route) => route.route === '/records.html')?.headers?.['content-security-policy']).toBe(dashboard);
    expect(JSON.stringify(config)).not.toContain('localhost');
    expect(config.globalHeaders).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    // The chunks, named by their content, are kept for good; the pages and the entry are not (no header: revalidated).
    expect(config.routes.find((route) => route.route === '/chunks/*')?.headers).toEqual({ 'cache-control': 'public, max-age=31536000, immutable' });
  });

  it("takes the API's https origin and reports a missing client id rather than failing a first deployment", () => {
    expect(siteSettings({ API_BASE_URL: `${API}/` })).toEqual({
      settings: { apiBaseUrl: API, clientId: '', apiScope: '' },
      warnings: [expect.stringMatching(/^ADDIN_CLIENT_ID is not set/), expect.stringMatching(/^ADDIN_API_SCOPE is not set/)],
    });
    expect(() => siteSettings({})).toThrow(/API_BASE_URL="" is not a URL/);
    expect(() => siteSettings({ API_BASE_URL: 'http://rapport-api.azurewebsites.net' })).toThrow(/must be a plain https origin/);
    expect(() => siteSettings({ API_BASE_URL: `${API}/api` })).toThrow(/must be a plain https origin/);
  });
});
