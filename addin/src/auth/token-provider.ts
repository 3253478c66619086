import type { GraphScope } from '@rapport/shared/contract/graph-scopes';

/** Where the pane's tokens come from: the local issuer, or Entra ID through MSAL. Graph tokens never leave the browser. */
export type TokenProvider = {
  /** A token for Rapport's API. */
  getToken(): Promise<string>;
  /** A delegated Microsoft Graph token with the scopes one call needs. */
  getGraphToken(scopes: GraphScope[]): Promise<string>;
};

/** The pane's configuration, served beside the pages (`/addin-config.json`) for the host they run on. */
export type AddinConfig =
  | {
      authMode: 'local';
      apiBaseUrl: string;
      graphBaseUrl: string;
      tenantId: string;
      userId: string;
      userEmail: string;
      /** The demo's people: the pane signs in as the one whose mailbox it is open in. */
      demoUsers?: { userId: string; email: string }[];
    }
  | { authMode: 'entra'; apiBaseUrl: string; graphBaseUrl: string; clientId: string; apiScope: string };

// Tokens are kept a little less long than they live, so a call never carries one about to expire.
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * Local mode: tokens from the local issuer's POST /dev/token, cached until shortly before they expire.
 * Without roles the token carries none, and the tenant's member record decides, as with Entra ID.
 */
export function localTokenProvider(config: Extract<AddinConfig, { authMode: 'local' }>, roles: string[] = []): TokenProvider {
  return localTokens(config, roles);
}

/** The local config for the mailbox's owner: the demo user whose address it is, else the configured one. */
export function localUserFor(config: Extract<AddinConfig, { authMode: 'local' }>, mailboxEmail: string): Extract<AddinConfig, { authMode: 'local' }> {
  const user = config.demoUsers?.find((candidate) => candidate.email.toLowerCase() === mailboxEmail.toLowerCase());
  return user ? { ...config, userId: user.userId, userEmail: user.email } : config;
}

function localTokens(config: Extract<AddinConfig, { authMode: 'local' }>, roles: string[]): TokenProvider {
  const cached = new Map<string, { token: string; until: number }>();
  // Callers asking at once (the lookup and who am I, at start) share one request.
  const asking = new Map<string, Promise<string>>();
  const fetchToken = async (key: string, request: Record<string, unknown>): Promise<string> => {
    const response = await fetch(`${config.apiBaseUrl}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: config.tenantId, userId: config.userId, ...request }),
    });
    if (!response.ok) throw new Error(`The local token issuer answered ${response.status}`);
    const body = (await response.json()) as { accessToken: string; expiresIn: number };
    cached.set(key, { token: body.accessToken, until: Date.now() + body.expiresIn * 1000 - REFRESH_MARGIN_MS });
    return body.accessToken;
  };
  const issue = (request: Record<string, unknown>): Promise<string> => {
    const key = JSON.stringify(request);
    const kept = cached.get(key);
    if (kept && kept.until > Date.now()) return Promise.resolve(kept.token);
    let pending = asking.get(key);
    if (!pending) {
      pending = fetchToken(key, request).finally(() => asking.delete(key));
      asking.set(key, pending);
    }
    return pending;
  };
  return {
    getToken: () => issue({ roles }),
    getGraphToken: (scopes) => issue({ resource: 'graph', email: config.userEmail, scopes: [...scopes].sort() }),
  };
}
