import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createApiClient } from '../api/api-client';
import type { CalendarApi } from '../graph/calendar';
import { localTokenProvider, localUserFor, type AddinConfig, type TokenProvider } from '../auth/token-provider';
import { createTranslator } from '../i18n/i18n';
import { I18nProvider } from '../i18n/I18nContext';
import { lookupParams, prefetchingLoader } from '../hooks/useLookup';
import { readMailItem } from '../office/mail-item';
import { displayLanguage, mailbox, onItemChanged } from '../office/office-host';
import { App } from './App';

async function start(): Promise<void> {
  // Everything the first card needs starts at once, before React renders: config while Office
  // initializes, then the token, the item and its lookup while the first render runs.
  const configResponse = fetch('addin-config.json', { cache: 'no-store' }).then((response) => response.json() as Promise<AddinConfig>);
  await Office.onReady();
  const config = await configResponse;
  // MSAL is loaded only where Entra ID is used, keeping it out of the pane's initial JavaScript.
  const tokens: TokenProvider =
    config.authMode === 'local'
      ? localTokenProvider(localUserFor(config, mailbox().userProfile.emailAddress))
      : (await import('../auth/naa-token-provider')).naaTokenProvider(config);
  const api = createApiClient({ baseUrl: config.apiBaseUrl, getToken: () => tokens.getToken() });
  // Graph's client is loaded when the rep first schedules, not with the pane.
  let calendar: Promise<CalendarApi> | null = null;
  const loadCalendar = () =>
    (calendar ??= import('../graph/calendar-loader').then(({ openCalendar }) => openCalendar({ baseUrl: config.graphBaseUrl, getToken: (scopes) => tokens.getGraphToken(scopes) })));
  const firstRead = readMailItem(mailbox());
  const firstItem = await firstRead.catch(() => null);
  const prefetched = firstItem && firstItem.participants.length > 0 ? { key: firstItem.key, response: api.lookup(lookupParams(firstItem)) } : null;
  prefetched?.response.catch(() => undefined);
  if (!prefetched) void tokens.getToken().catch(() => undefined);
  const translator = createTranslator(displayLanguage());
  document.documentElement.lang = translator.locale;
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider translator={translator}>
        <App api={api} loadCalendar={loadCalendar} mailbox={mailbox()} onItemChanged={onItemChanged} firstRead={firstRead} loadLookup={prefetchingLoader(api, prefetched)} />
      </I18nProvider>
    </FluentProvider>,
  );
}

start().catch((error: unknown) => {
  const root = document.getElementById('root');
  if (root) root.textContent = `Rapport could not start: ${error instanceof Error ? error.message : String(error)}`;
});
