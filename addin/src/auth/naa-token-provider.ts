import { createNestablePublicClientApplication, type IPublicClientApplication } from '@azure/msal-browser';
import type { AddinConfig, TokenProvider } from './token-provider';
import { isSetSupported } from '../office/office-host';

/**
 * Production: Entra ID tokens through MSAL nested app authentication (silent first, then a
 * popup), falling back to Office's dialog where NestedAppAuth 1.1 is not supported.
 */
export function naaTokenProvider(config: Extract<AddinConfig, { authMode: 'entra' }>): TokenProvider {
  const scopes = [config.apiScope];
  let app: Promise<IPublicClientApplication> | null = null;
  const getApp = () =>
    (app ??= createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: 'https://login.microsoftonline.com/organizations' } }));

  const acquire = async (requested: string[]): Promise<string> => {
    if (!isSetSupported('NestedAppAuth', '1.1')) return dialogToken(config, requested);
    const pca = await getApp();
    try {
      return (await pca.acquireTokenSilent({ scopes: requested })).accessToken;
    } catch {
      return (await pca.acquireTokenPopup({ scopes: requested })).accessToken;
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
  return new Promise((resolve, reject) => {
    const url = `${location.origin}/auth-dialog.html?clientId=${encodeURIComponent(config.clientId)}&scope=${encodeURIComponent(scopes.join(' '))}`;
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(opened.error.message));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const message = 'message' in arg ? arg.message : '';
        if (message.startsWith('token:')) resolve(message.slice('token:'.length));
        else reject(new Error('Sign-in was not completed'));
      });
    });
  });
}
