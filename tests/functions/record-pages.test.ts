import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../functions/src/config';
import { addinPages } from '../../functions/src/pages/addin-pages';
import { contentSecurityPolicy } from '../../functions/src/pages/content-security';

// The pages host over a folder laid out as the add-in's build is: the record page and the dashboard beside it.
function pagesHost() {
  const addinDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-pages-'));
  fs.writeFileSync(path.join(addinDir, 'records.html'), '<!doctype html><title>record page</title>');
  fs.writeFileSync(path.join(addinDir, 'dashboard.html'), '<!doctype html><title>dashboard</title>');
  const config = loadConfig({ RAPPORT_DATA_DIR: addinDir, ADDIN_DIR: addinDir, AUTH_MODE: 'entra', AUTH_AUDIENCE: 'api://rapport' });
  return addinPages(config);
}

const dashboardPolicy = contentSecurityPolicy('dashboard', { graphOrigin: 'https://graph.microsoft.com', local: false });
const bodyOf = (response: { body?: unknown } | null) => String(response?.body ?? '');

describe('the record pages on the pages host', () => {
  const serve = pagesHost();

  it.each(['/records/deal/3f2b9c1e-0000-4000-8000-000000000001', '/records/contact/maven-account-12', '/records/case/A1', '/records/lead/x', '/records/company/c_1'])(
    'serves %s as the record page, under the dashboard’s policy',
    async (pathname) => {
      const page = await serve('GET', pathname, '?lang=es&as=morgan.blake@rapport-demo.com');
      expect(page?.status).toBe(200);
      expect(bodyOf(page)).toContain('record page');
      const headers = page?.headers as Record<string, string>;
      expect(headers['content-security-policy']).toBe(dashboardPolicy);
      // Nobody frames it, and it runs scripts from this site only (no Office.js).
      expect(headers['content-security-policy']).toMatch(/frame-ancestors 'self'$/);
      expect(headers['content-security-policy']).toContain("script-src 'self';");
      expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'content-type': 'text/html; charset=utf-8' });
    },
  );

  it.each([
    ['an unknown kind', '/records/widget/abc'],
    ['a kind that has no page', '/records/activity/abc'],
    ['a malformed id', '/records/deal/bad%20id'],
    ['an id starting with a dash', '/records/deal/-abc'],
    ['an id longer than any', `/records/deal/${'a'.repeat(65)}`],
    ['no id', '/records/deal'],
    ['no id after the slash', '/records/deal/'],
    ['more after the id', '/records/deal/abc/history'],
    ['no kind', '/records'],
    ['a path climbing out', '/records/../taskpane.html'],
  ])('answers %s with 404 and the same page, which shows the designed not-found', async (_, pathname) => {
    const page = await serve('GET', pathname);
    expect(page?.status).toBe(404);
    expect(bodyOf(page)).toContain('record page');
    expect((page?.headers as Record<string, string>)['content-security-policy']).toBe(dashboardPolicy);
  });

  it('serves the page file itself under the same policy, and answers only GET and HEAD', async () => {
    const file = await serve('GET', '/records.html');
    expect((file?.headers as Record<string, string>)['content-security-policy']).toBe(dashboardPolicy);
    expect((await serve('HEAD', '/records/deal/abc'))?.status).toBe(200);
    expect(await serve('POST', '/records/deal/abc')).toBeNull();
  });
});
