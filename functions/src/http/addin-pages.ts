import type { HttpResponseInit } from '@azure/functions';
import type { DemoInbox, DemoInboxItem } from '@rapport/shared';
import type { Config } from '../config';
import { DEMO_TENANT_ID, DEMO_USER_EMAIL, DEMO_USER_ID } from '../local/demo/demo-data';
import { buildDemoInbox } from '../local/demo/demo-inbox';
import { json } from './responses';
import { staticFiles } from './static-pages';
import { pageSecurityHeaders } from './content-security';

/**
 * The add-in side of the standalone host: the pane and demo pages, the pane's configuration,
 * and (local mode) the demo inbox. Returns null for paths it does not serve.
 */
export type AddinPagesOptions = {
  /** Where the pane sends its Graph calls: Microsoft Graph, or the local calendar service. */
  graphBaseUrl?: string;
  /** Demo inbox items beyond the fixed ones (meetings booked in the local calendar). */
  moreDemoItems?: () => DemoInboxItem[];
};

export function addinPages(config: Config, now: () => Date, options: AddinPagesOptions = {}): (method: string, pathname: string, search?: string) => Promise<HttpResponseInit | null> {
  const graphBaseUrl = options.graphBaseUrl ?? 'https://graph.microsoft.com';
  const files = staticFiles(config.addinDir);
  const local = config.authMode === 'local';
  let inbox: { day: string; body: DemoInbox } | null = null;
  // Built from the same deterministic data as the seed, once a day.
  const demoInbox = () => {
    const day = now().toISOString().slice(0, 10);
    if (inbox?.day !== day) inbox = { day, body: buildDemoInbox(now()) };
    return inbox;
  };

  return async (method, pathname, search = '') => {
    if (method !== 'GET' && method !== 'HEAD') return null;
    if (pathname === '/' || pathname === '/demo' || pathname === '/demo/') {
      return { status: 302, headers: { location: local ? '/demo.html' : '/taskpane.html' } };
    }
    if (pathname === '/dashboard' || pathname === '/dashboard/') return { status: 302, headers: { location: `/dashboard.html${search}` } };
    if (pathname === '/addin-config.json') {
      const body = local
        ? {
            authMode: 'local',
            apiBaseUrl: '',
            graphBaseUrl,
            tenantId: DEMO_TENANT_ID,
            userId: DEMO_USER_ID,
            userEmail: DEMO_USER_EMAIL,
            // The pane signs in as whichever of these the (simulated) mailbox belongs to.
            demoUsers: demoInbox().body.signIns.map(({ userId, email }) => ({ userId, email })),
          }
        : { authMode: 'entra', apiBaseUrl: '', graphBaseUrl, clientId: config.addinClientId ?? '', apiScope: config.addinApiScope ?? `${config.audience[0] ?? ''}/${config.requiredScope}` };
      return json(200, body);
    }
    if (pathname === '/demo/inbox.json') {
      if (!local) return null;
      const built = demoInbox().body;
      return json(200, { ...built, items: [...built.items, ...(options.moreDemoItems?.() ?? [])] });
    }
    if (!local && (pathname === '/demo.html' || pathname === '/demo-taskpane.html' || pathname.startsWith('/demo/'))) return null;
    const file = await files(pathname);
    if (!file || !pathname.endsWith('.html')) return file;
    // The demo's Outlook page frames the pane and runs no Office.js; every other page is the production pane's kind.
    const page = pathname === '/demo.html' ? 'demo' : pathname === '/dashboard.html' ? 'dashboard' : 'taskpane';
    return { ...file, headers: { ...(file.headers as Record<string, string>), ...pageSecurityHeaders(page, { graphOrigin: new URL(graphBaseUrl).origin, local }) } };
  };
}
