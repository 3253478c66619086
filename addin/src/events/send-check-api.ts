import type { SendCheckRequest, SendCheckResponse } from '@rapport/shared/contract/send-check.contract';
import { localTokenProvider, localUserFor, type AddinConfig, type TokenProvider } from '../auth/token-provider';
import type { SendEventHost } from '../office/send-event';
import { SEND_CHECK_PATH } from './send-handler';

// The API's send check from the event runtime: the pane's configuration and sign-in, with fetch alone (no DOM, no
// relative URLs: the JavaScript-only runtime has no page to resolve them against).

// Kept while the runtime lives (Outlook on the web keeps it across sends; classic Windows may start a new one each time).
let config: Promise<AddinConfig> | null = null;
const localTokens = new Map<string, TokenProvider>();

/** Asks the API what the rep should know about these recipients. `signal` ends the request at the deadline. */
export async function askSendCheck(host: SendEventHost, request: SendCheckRequest, signal?: AbortSignal): Promise<SendCheckResponse> {
  const origin = host.pagesOrigin;
  if (!origin) throw new Error('Outlook did not say where the add-in is served from');
  const settings = await configOf(origin, signal);
  const apiBaseUrl = absolute(settings.apiBaseUrl, origin);
  const token = await tokenFor(host, settings, apiBaseUrl);
  const response = await fetch(`${apiBaseUrl}${SEND_CHECK_PATH}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(request),
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw new Error(`The send check answered ${response.status}`);
  return (await response.json()) as SendCheckResponse;
}

function configOf(origin: string, signal?: AbortSignal): Promise<AddinConfig> {
  config ??= fetch(`${origin}/addin-config.json`, signal ? { signal } : {}).then((response) => {
    if (!response.ok) throw new Error(`addin-config.json answered ${response.status}`);
    return response.json() as Promise<AddinConfig>;
  });
  // A failed read is not kept: the next send tries again.
  config.catch(() => {
    config = null;
  });
  return config;
}

function tokenFor(host: SendEventHost, settings: AddinConfig, apiBaseUrl: string): Promise<string> {
  if (settings.authMode === 'entra') return host.signedInToken();
  // Local mode: the local issuer, as the demo person whose mailbox this is (the pane signs in the same way).
  let tokens = localTokens.get(host.userEmail);
  if (!tokens) {
    tokens = localTokenProvider(localUserFor({ ...settings, apiBaseUrl }, host.userEmail));
    localTokens.set(host.userEmail, tokens);
  }
  return tokens.getToken();
}

// The pane's config says '' for "the pages' own origin", as a page resolves it.
function absolute(base: string, origin: string): string {
  if (/^https?:\/\//i.test(base)) return base.replace(/\/$/, '');
  return `${origin}${base.replace(/\/$/, '')}`;
}
