/** Where the pane's API tokens come from: the local issuer, or Entra ID through MSAL. */
export type TokenProvider = { getToken(): Promise<string> };

/** The pane's configuration, served beside the pages (`/addin-config.json`) for the host they run on. */
export type AddinConfig =
  | { authMode: 'local'; apiBaseUrl: string; tenantId: string; userId: string }
  | { authMode: 'entra'; apiBaseUrl: string; clientId: string; apiScope: string };

// Tokens are kept a little less long than they live, so a call never carries one about to expire.
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** Local mode: tokens from the local issuer's POST /dev/token, cached until shortly before they expire. */
export function localTokenProvider(config: Extract<AddinConfig, { authMode: 'local' }>, roles: string[] = ['rep']): TokenProvider {
  let cached: { token: string; until: number } | null = null;
  return {
    async getToken() {
      if (cached && cached.until > Date.now()) return cached.token;
      const response = await fetch(`${config.apiBaseUrl}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId: config.tenantId, userId: config.userId, roles }),
      });
      if (!response.ok) throw new Error(`The local token issuer answered ${response.status}`);
      const body = (await response.json()) as { accessToken: string; expiresIn: number };
      cached = { token: body.accessToken, until: Date.now() + body.expiresIn * 1000 - REFRESH_MARGIN_MS };
      return body.accessToken;
    },
  };
}
