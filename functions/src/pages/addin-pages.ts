import type { HttpResponseInit } from '@azure/functions';
import type { DemoInbox } from '@rapport/shared';
import type { Config } from '../config';
import { json } from '../http/responses';
import { staticFiles } from './static-pages';
import { pageSecurityHeaders } from './content-security';

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
    if (!local && (pathname === '/demo.html' || pathname === '/demo-taskpane.html' || pathname.startsWith('/demo/'))) return null;
    const file = await files(pathname);
    if (!file || !pathname.endsWith('.html')) return file;
    // The demo's Outlook page frames the pane and runs no Office.js; every other page is the production pane's kind.
    const page = pathname === '/demo.html' ? 'demo' : pathname === '/dashboard.html' ? 'dashboard' : 'taskpane';
    return { ...file, headers: { ...(file.headers as Record<string, string>), ...pageSecurityHeaders(page, { graphOrigin: new URL(graphBaseUrl).origin, local }) } };
  };
}
