// npm run package -w addin (azd runs it before deploying the web service) — writes addin/site/: the built pages for
// Azure Static Web Apps, without the demo, with the pane's configuration for this deployment (addin-config.json) and
// the headers the standalone host sends (staticwebapp.config.json: the same Content-Security-Policy per page, plus the
// API's origin, since the pages and the API are on two hosts).
// Reads API_BASE_URL, ADDIN_CLIENT_ID and ADDIN_API_SCOPE from the environment (azd passes its environment's values).
import fs from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy, type PageKind } from '../functions/src/pages/content-security';

const GRAPH = 'https://graph.microsoft.com';
const addinDir = path.resolve(__dirname, '../addin');
/** The built pages (npm run build -w addin) and the site written from them: azure.yaml's web service deploys it (`dist: site`). */
export const ADDIN_DIST_DIR = path.join(addinDir, 'dist');
export const SITE_DIR = path.join(addinDir, 'site');

/** Files of the build that are the demo's, or the build's own notes: never on the production site. */
export function isDemoOnly(relative: string): boolean {
  const name = relative.split(path.sep).join('/');
  return name === 'demo.html' || name === 'demo-taskpane.html' || name === 'demo' || name.startsWith('demo/') || name.endsWith('.meta.json');
}

export type SiteSettings = { apiBaseUrl: string; clientId: string; apiScope: string };

/** Checks the settings the site is written for; an empty client id or scope is allowed, and reported, until the app is registered. */
export function siteSettings(env: NodeJS.ProcessEnv): { settings: SiteSettings; warnings: string[] } {
  const apiBaseUrl = (env.API_BASE_URL ?? '').replace(/\/+$/, '');
  let api: URL;
  try {
    api = new URL(apiBaseUrl);
  } catch {
    throw new Error(`API_BASE_URL="${env.API_BASE_URL ?? ''}" is not a URL: give the Function App's https address (azd sets it after azd provision).`);
  }
  if (api.protocol !== 'https:' || api.pathname !== '/' || api.search || api.hash) {
    throw new Error(`API_BASE_URL="${apiBaseUrl}" must be a plain https origin such as https://<app>.azurewebsites.net.`);
  }
  const clientId = env.ADDIN_CLIENT_ID ?? '';
  const apiScope = env.ADDIN_API_SCOPE ?? '';
  const warnings = [
    ...(clientId ? [] : ['ADDIN_CLIENT_ID is not set: the pane cannot sign in until you register the app, azd env set ADDIN_CLIENT_ID and deploy again.']),
    ...(apiScope ? [] : ['ADDIN_API_SCOPE is not set: infra/ derives it from ADDIN_CLIENT_ID; run azd provision after setting it.']),
  ];
  return { settings: { apiBaseUrl: api.origin, clientId, apiScope }, warnings };
}

/** The headers of Static Web Apps for the pages: each page's policy as the standalone host sends it in production. */
export type StaticWebAppConfig = {
  routes: { route: string; redirect?: string; rewrite?: string; statusCode?: number; headers?: Record<string, string> }[];
  globalHeaders: Record<string, string>;
};

export function staticWebAppConfig(apiOrigin: string): StaticWebAppConfig {
  const policy = (page: PageKind) => contentSecurityPolicy(page, { graphOrigin: GRAPH, apiOrigin });
  const page = (kind: PageKind) => ({ 'content-security-policy': policy(kind) });
  return {
    routes: [
      { route: '/', redirect: '/taskpane.html', statusCode: 302 },
      // A rewrite keeps the query (?lang=&as=) the pane's link carries.
      { route: '/dashboard', rewrite: '/dashboard.html', headers: page('dashboard') },
      { route: '/dashboard.html', headers: page('dashboard') },
      // The record pages (/records/{kind}/{id}): one page that reads its path, under the dashboard's policy.
      { route: '/records/*', rewrite: '/records.html', headers: page('dashboard') },
      { route: '/records.html', headers: page('dashboard') },
      // Read afresh on every load, so a new deployment's settings apply at once.
      { route: '/addin-config.json', headers: { 'cache-control': 'no-store' } },
      // Named by their content's hash (the add-in's build): kept for good, so Outlook reopening the pane reads them from
      // its cache, as the standalone host serves them.
      { route: '/chunks/*', headers: { 'cache-control': 'public, max-age=31536000, immutable' } },
    ],
    // Every other page is the pane's kind (the task pane, the sign-in dialog).
    globalHeaders: { 'content-security-policy': policy('taskpane'), 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' },
  };
}

/** Writes the site from the built pages (`addin/dist`) into `outDir`, emptied first. */
export function writeStaticSite(distDir: string, outDir: string, settings: SiteSettings): string[] {
  if (!fs.existsSync(path.join(distDir, 'taskpane.html'))) throw new Error(`${distDir} has no taskpane.html: build the add-in first (npm run build).`);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.cpSync(distDir, outDir, { recursive: true, filter: (source) => !isDemoOnly(path.relative(distDir, source)) });
  const addinConfig = { authMode: 'entra', apiBaseUrl: settings.apiBaseUrl, graphBaseUrl: GRAPH, clientId: settings.clientId, apiScope: settings.apiScope };
  fs.writeFileSync(path.join(outDir, 'addin-config.json'), `${JSON.stringify(addinConfig, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, 'staticwebapp.config.json'), `${JSON.stringify(staticWebAppConfig(settings.apiBaseUrl), null, 2)}\n`);
  return listFiles(outDir);
}

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

if (require.main === module) {
  try {
    const { settings, warnings } = siteSettings(process.env);
    const files = writeStaticSite(ADDIN_DIST_DIR, SITE_DIR, settings);
    for (const warning of warnings) console.warn(`warning: ${warning}`);
    console.log(`Wrote addin/site (${files.length} files) for the API at ${settings.apiBaseUrl}.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
