import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { createApiClient } from '../api/client';
import { ApiProvider } from '../data/ApiProvider';
import { prefetchLookup } from '../data/lookup';
import { createQueryClient } from '../data/query-client';
import type { CalendarApi } from '../graph/calendar';
import { localTokenProvider, localUserFor, type AddinConfig, type TokenProvider } from '../auth/token-provider';
import { loadTranslator } from '../i18n/load-translator';
import { I18nProvider } from '../i18n/I18nContext';
import { showStartFailure } from '../i18n/start-failure';
import { connectOutlook } from '../office/office-host';
import { App } from './App';
import { fluentThemeFor } from './themes';

async function start(): Promise<void> {
  // Everything the first card needs starts at once, before React renders: config while Office
  // initializes, then the token, the item and its lookup while the first render runs.
  const configResponse = fetch('addin-config.json', { cache: 'no-store' }).then((response) => response.json() as Promise<AddinConfig>);
  const host = await connectOutlook();
  const translating = loadTranslator(host.displayLanguage);
  const theming = fluentThemeFor(host.theme);
  const config = await configResponse;
  // MSAL is loaded only where Entra ID is used, keeping it out of the pane's initial JavaScript.
  const tokens: TokenProvider =
    config.authMode === 'local'
      ? localTokenProvider(localUserFor(config, host.user.email))
      : (await import('../auth/naa-token-provider')).naaTokenProvider(config, host);
  const api = createApiClient({ baseUrl: config.apiBaseUrl, getToken: () => tokens.getToken() });
  const queryClient = createQueryClient();
  // Graph's client is loaded when the rep first schedules, not with the pane.
  let calendar: Promise<CalendarApi> | null = null;
  const loadCalendar = () =>
    (calendar ??= import('../graph/calendar-loader').then(({ openCalendar }) => openCalendar({ baseUrl: config.graphBaseUrl, getToken: (scopes) => tokens.getGraphToken(scopes) })));
  const firstRead = host.readItem();
  const firstItem = await firstRead.catch(() => null);
  if (firstItem && firstItem.participants.length > 0) prefetchLookup(queryClient, api, firstItem);
  else void tokens.getToken().catch(() => undefined);
  const [translator, theme] = await Promise.all([translating, theming]);
  document.documentElement.lang = translator.locale;
  // The page behind the pane takes the theme's colours too (dark Outlook shows no white edges).
  document.body.style.backgroundColor = theme.colorNeutralBackground1 ?? '';
  document.body.style.color = theme.colorNeutralForeground1 ?? '';
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(
    <FluentProvider theme={theme}>
      <I18nProvider translator={translator}>
        <ApiProvider client={api} queryClient={queryClient} loadCalendar={loadCalendar}>
          <App loadCalendar={loadCalendar} host={host} firstRead={firstRead} />
        </ApiProvider>
      </I18nProvider>
    </FluentProvider>,
  );
  // After the first card: Outlook's time zone and language fill the user's preferences where they have none.
  void import('./sign-in-preferences').then((module) => module.sendSignInPreferences(api, host.displayLanguage));
}

start().catch(showStartFailure);
