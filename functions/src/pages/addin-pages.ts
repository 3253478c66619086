import type { HttpResponseInit } from '@azure/functions';
import { RECORD_PAGES_PREFIX, recordOfPagePath, type DemoInbox } from '@rapport/shared';
import type { Config } from '../config';
import { json } from '../http/responses';
import { staticFiles } from './static-pages';
import { pageSecurityHeaders, type PageKind } from './content-security';

/**
 * The add-in side of the standalone host: the pane and demo pages, the pane's configuration,
 * and (local mode) the demo inbox. Returns null for paths it does not serve.
 */
export type AddinPagesOptions = {
  /** Where the pane sends its Graph calls: Microsoft Graph, or the local calendar service. */
  graphBaseUrl?: string;
  /** Local mode: the demo's side, given by the standalone host from the local room (never in production). */
  demo?: DemoPages;
};

/** What the demo adds to the pages: who the pane signs in as, and the inbox the demo Outlook shows. */
export type DemoPages = {
  signIn(): { tenantId: string; userId: string; userEmail: string; demoUsers: { userId: string; email: string }[] };
  inbox(): DemoInbox;
};

export function addinPages(config: Config, options: AddinPagesOptions = {}): (method: string, pathname: string, search?: string) => Promise<HttpResponseInit | null> {
  const graphBaseUrl = options.graphBaseUrl ?? 'https://graph.microsoft.com';
  const files = staticFiles(config.addinDir);
  const local = config.authMode === 'local';
  // The demo's side exists in local mode only, whatever a caller hands in.
  const demo = local ? options.demo : undefined;
  if (local && !demo) throw new Error('local mode serves the demo: give addinPages its demo pages');
  const policy = { graphOrigin: new URL(graphBaseUrl).origin, local };

  return async (method, pathname, search = '') => {
    if (method !== 'GET' && method !== 'HEAD') return null;
    if (pathname === '/' || pathname === '/demo' || pathname === '/demo/') {
      return { status: 302, headers: { location: local ? '/demo.html' : '/taskpane.html' } };
    }
    if (pathname === '/dashboard' || pathname === '/dashboard/') return { status: 302, headers: { location: `/dashboard.html${search}` } };
    if (pathname === '/addin-config.json') {
      const body = demo
        ? // The pane signs in as whichever of the demo's people the (simulated) mailbox belongs to.
          { authMode: 'local', apiBaseUrl: '', graphBaseUrl, ...demo.signIn() }
        : { authMode: 'entra', apiBaseUrl: '', graphBaseUrl, clientId: config.addinClientId ?? '', apiScope: config.addinApiScope ?? `${config.audience[0] ?? ''}/${config.requiredScope}` };
      return json(200, body);
    }
    if (pathname === '/demo/inbox.json') return demo ? json(200, demo.inbox()) : null;
    // A record page (/records/{kind}/{id}): one page for every record, which reads its path. A path naming no record gets
    // the same page with 404, and the page shows its designed "not found" in the user's language.
    if (pathname === '/records' || pathname.startsWith(RECORD_PAGES_PREFIX)) {
      const page = await files('/records.html');
      if (!page) return null;
      const status = recordOfPagePath(pathname) ? 200 : 404;
      return { ...page, status, headers: { ...(page.headers as Record<string, string>), ...pageSecurityHeaders('dashboard', policy) } };
    }
    if (!local && (pathname === '/demo.html' || pathname === '/demo-taskpane.html' || pathname.startsWith('/demo/'))) return null;
    const file = await files(pathname);
    if (!file || !pathname.endsWith('.html')) return file;
    return { ...file, headers: { ...(file.headers as Record<string, string>), ...pageSecurityHeaders(pageKindOf(pathname), policy) } };
  };
}

/**
 * The demo's Outlook page frames the pane and runs no Office.js; the dashboard and the record pages are pages of their
 * own in a browser tab, under the same rules; every other page is the production pane's kind.
 */
function pageKindOf(pathname: string): PageKind {
  if (pathname === '/demo.html') return 'demo';
  if (pathname === '/dashboard.html' || pathname === '/records.html') return 'dashboard';
  return 'taskpane';
}
