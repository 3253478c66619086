import { createNestablePublicClientApplication, type IPublicClientApplication } from '@azure/msal-browser';
import type { AddinConfig, TokenProvider } from './token-provider';
import type { OutlookHost } from '../office/office-host';
import { signInWithDialog } from '../office/sign-in-dialog';
import { SignInError } from './sign-in-error';

/**
 * Production: Entra ID tokens through MSAL nested app authentication (silent first, then a
 * popup), falling back to Office's dialog where NestedAppAuth 1.1 is not supported.
 */
export function naaTokenProvider(config: Extract<AddinConfig, { authMode: 'entra' }>, host: Pick<OutlookHost, 'isSetSupported'>): TokenProvider {
  const scopes = [config.apiScope];
  let app: Promise<IPublicClientApplication> | null = null;
  const getApp = () =>
    (app ??= createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: 'https://login.microsoftonline.com/organizations' } }));

  const acquire = async (requested: string[]): Promise<string> => {
    if (!host.isSetSupported('NestedAppAuth', '1.1')) return dialogToken(config, requested);
    const pca = await getApp();
    try {
      return (await pca.acquireTokenSilent({ scopes: requested })).accessToken;
    } catch {
      try {
        return (await pca.acquireTokenPopup({ scopes: requested })).accessToken;
      } catch (caught) {
        // The user closing MSAL's window is not a failure to report as one: the pane asks them to sign in.
        const cancelled = (caught as { errorCode?: string } | null)?.errorCode === 'user_cancelled';
        throw new SignInError(cancelled ? 'SIGN_IN_CANCELLED' : 'SIGN_IN_FAILED', caught instanceof Error ? caught.message : String(caught));
      }
    }
  };
  return {
    getToken: () => acquire(scopes),
    // Delegated Graph scopes, each call asking for the least it needs; the token stays in the browser.
    getGraphToken: (graphScopes) => acquire(graphScopes.map((scope) => `https://graph.microsoft.com/${scope}`)),
  };
}

// The fallback signs in inside an Office dialog that posts the token back to the pane.
function dialogToken(config: Extract<AddinConfig, { authMode: 'entra' }>, scopes: string[]): Promise<string> {
  return signInWithDialog(`${location.origin}/auth-dialog.html?clientId=${encodeURIComponent(config.clientId)}&scope=${encodeURIComponent(scopes.join(' '))}`);
}
