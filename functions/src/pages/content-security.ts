/**
 * The Content-Security-Policy of the add-in's pages. Scripts come from this site and Office's CDN
 * only; the pane talks to this API, Microsoft Graph (or the local calendar service) and Entra ID
 * sign-in; and only Office's hosts may frame it. The same header belongs on any host that serves
 * the built pages in production (scripts/static-site.ts writes it for Static Web Apps).
 */
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
const SIGN_IN = 'https://login.microsoftonline.com';

// Where Outlook on the web and the new Outlook frame an add-in's pages.
export const OFFICE_FRAME_ANCESTORS = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://*.outlook.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.officeapps.live.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
];

/** The task pane (framed by Outlook), the demo's Outlook page, and the dashboard (pages of their own in a browser tab: the dashboard and the record pages). */
export type PageKind = 'taskpane' | 'demo' | 'dashboard';

export type PolicyOptions = {
  graphOrigin: string;
  /** The API's origin when the pages are served from another one (infra/: Static Web Apps beside the Function App). */
  apiOrigin?: string;
  /** Local mode: the demo Outlook may frame the pane from another local origin (localhost or 127.0.0.1). */
  local?: boolean;
};

// Local mode: the demo Outlook and its pane may sit on different local origins, as Outlook and an add-in do.
const LOCAL_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

export function contentSecurityPolicy(page: PageKind, options: PolicyOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': page === 'taskpane' ? ["'self'", OFFICE_CDN] : ["'self'"],
    'connect-src': ["'self'", ...(options.apiOrigin ? [options.apiOrigin] : []), options.graphOrigin, SIGN_IN],
    // blob: shows a document the pane read with the user's token (an image's preview); nothing else makes blob: URLs.
    'img-src': ["'self'", 'data:', 'blob:'],
    // Fluent UI (Griffel) inserts its generated class rules into style elements at run time.
    'style-src': ["'self'", "'unsafe-inline'"],
    'font-src': ["'self'", 'data:'],
    // The pane and the record pages show a PDF the same way, in a frame of its blob: URL.
    'frame-src': page === 'demo' ? ["'self'", ...(options.local ? LOCAL_ORIGINS : [])] : [SIGN_IN, 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    // The demo page frames the pane itself; in production only Office's hosts do. Nobody frames the dashboard.
    'frame-ancestors': page === 'taskpane' ? ["'self'", ...OFFICE_FRAME_ANCESTORS, ...(options.local ? LOCAL_ORIGINS : [])] : ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`)
    .join('; ');
}

/** Headers every page of the add-in carries. */
export function pageSecurityHeaders(page: PageKind, options: PolicyOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(page, options),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}
