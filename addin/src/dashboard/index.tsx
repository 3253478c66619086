// No zod here: the page reads the API's answers as they come (the API checks them), and a test keeps zod out of it.
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createApiClient } from '../api/client';
import { signInPage } from '../auth/page-sign-in';
import { ApiProvider } from '../data/ApiProvider';
import { pageReads } from '../data/page-reads';
import { createQueryClient } from '../data/query-client';
import { I18nProvider } from '../i18n/I18nContext';
import { loadPageTranslator } from '../i18n/load-translator';
import { showStartFailure } from '../i18n/start-failure';
import { Dashboard } from './Dashboard';
import { startDashboardReads } from './dashboard-reads';

/**
 * The dashboard page, in a browser tab of its own (linked from the pane, with `?lang=` and `?as=`: the pane's language
 * and the mailbox's address). Locally it signs in as the demo person named by `as`; in Azure through Entra ID, as the
 * account of that address.
 */
async function start(): Promise<void> {
  // The pane opens the dashboard with its own language and the address of the person signed in to Outlook.
  const params = new URLSearchParams(location.search);
  const loadingTranslator = loadPageTranslator(params.get('lang') ?? navigator.language);
  // Awaited once signed in; a sign-in that fails first is the failure the page shows.
  loadingTranslator.catch(() => undefined);
  const { config, tokens } = await signInPage('/dashboard.html');
  const api = createApiClient({ baseUrl: config.apiBaseUrl, getToken: () => tokens.getToken() });
  const queryClient = createQueryClient();
  startDashboardReads(pageReads(api, queryClient));
  // The first render holds the page's one thread for a while: the reads go out before it, once their token is there.
  const [translator] = await Promise.all([loadingTranslator, tokens.getToken().catch(() => undefined)]);
  document.documentElement.lang = translator.locale;
  document.title = translator.t('dash.title');
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider translator={translator}>
        <ApiProvider client={api} queryClient={queryClient}>
          <Dashboard />
        </ApiProvider>
      </I18nProvider>
    </FluentProvider>,
  );
}

start().catch(showStartFailure);
