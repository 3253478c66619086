// The sign-in page Office opens in a dialog where nested app authentication is not supported:
// MSAL's redirect flow, then the token goes back to the pane through messageParent.
import { PublicClientApplication } from '@azure/msal-browser';

async function signIn(): Promise<void> {
  await Office.onReady();
  const params = new URLSearchParams(location.search);
  const clientId = params.get('clientId') ?? sessionStorage.getItem('rapport.clientId');
  const scope = params.get('scope') ?? sessionStorage.getItem('rapport.scope');
  if (!clientId || !scope) throw new Error('The sign-in dialog needs clientId and scope');
  // The redirect comes back without the query; the two settings survive it in this tab only.
  sessionStorage.setItem('rapport.clientId', clientId);
  sessionStorage.setItem('rapport.scope', scope);
  const msal = new PublicClientApplication({
    auth: { clientId, authority: 'https://login.microsoftonline.com/organizations', redirectUri: `${location.origin}${location.pathname}` },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await msal.initialize();
  const result = await msal.handleRedirectPromise();
  if (result?.accessToken) {
    Office.context.ui.messageParent(`token:${result.accessToken}`);
    return;
  }
  // Several scopes travel space-separated (Graph's delegated calendar scopes).
  await msal.loginRedirect({ scopes: scope.split(' ').filter(Boolean) });
}

signIn().catch(() => Office.context.ui.messageParent('error'));
