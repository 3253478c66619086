import { createStandardPublicClientApplication, type IPublicClientApplication } from '@azure/msal-browser';
import type { AddinConfig, TokenProvider } from './token-provider';

/**
 * The dashboard and the record pages in a browser tab, outside Office: Entra ID sign-in by redirect (MSAL's standard
 * client), then tokens silently, redirecting again only when Entra asks the user to sign in. Entra returns to the page's
 * own registered address (`redirectPath`), and MSAL then to the address the user asked for.
 */
export async function browserTokenProvider(config: Extract<AddinConfig, { authMode: 'entra' }>, loginHint?: string, redirectPath = '/dashboard.html'): Promise<TokenProvider> {
  const pca: IPublicClientApplication = await createStandardPublicClientApplication({
    auth: { clientId: config.clientId, authority: 'https://login.microsoftonline.com/organizations', redirectUri: `${location.origin}${redirectPath}` },
  });
  const back = await pca.handleRedirectPromise();
  // The account of the mailbox the pane was opened in, when the browser knows several.
  const accounts = pca.getAllAccounts();
  const account = back?.account ?? (loginHint ? accounts.find((candidate) => candidate.username.toLowerCase() === loginHint) : accounts[0]) ?? null;
  if (!account) {
    await pca.loginRedirect({ scopes: [config.apiScope], ...(loginHint ? { loginHint } : {}) });
    // The page leaves for the sign-in; nothing below runs.
    return new Promise<TokenProvider>(() => undefined);
  }
  pca.setActiveAccount(account);
  const acquire = async (scopes: string[]): Promise<string> => {
    try {
      return (await pca.acquireTokenSilent({ scopes, account })).accessToken;
    } catch {
      await pca.acquireTokenRedirect({ scopes, account });
      return new Promise<string>(() => undefined);
    }
  };
  return {
    getToken: () => acquire([config.apiScope]),
    getGraphToken: (graphScopes) => acquire(graphScopes.map((scope) => `https://graph.microsoft.com/${scope}`)),
  };
}
