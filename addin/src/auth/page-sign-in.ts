import { localTokenProvider, type AddinConfig, type TokenProvider } from './token-provider';

/**
 * The sign-in of Rapport's pages in a browser tab (the dashboard, the record pages), opened from the pane with `?as=`:
 * the address of the mailbox. Locally the page signs in as the demo person of that address; in Azure through Entra ID,
 * as the account of that address, Entra returning to `redirectPath` (an address registered for the app).
 */
export async function signInPage(redirectPath: string): Promise<{ config: AddinConfig; tokens: TokenProvider }> {
  // From the site's root: a record page's own address is deeper (/records/deal/…).
  const config = (await (await fetch('/addin-config.json', { cache: 'no-store' })).json()) as AddinConfig;
  const as = new URLSearchParams(location.search).get('as')?.toLowerCase() ?? undefined;
  if (config.authMode === 'local') {
    const user = config.demoUsers?.find((candidate) => candidate.email.toLowerCase() === as);
    return { config, tokens: localTokenProvider(user ? { ...config, userId: user.userId, userEmail: user.email } : config) };
  }
  return { config, tokens: await (await import('./browser-token-provider')).browserTokenProvider(config, as, redirectPath) };
}
