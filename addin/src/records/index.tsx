import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createApiClient } from '../api/client';
import { signInPage } from '../auth/page-sign-in';
import { ApiProvider } from '../data/ApiProvider';
import { createQueryClient } from '../data/query-client';
import { MeProvider } from '../hooks/useMe';
import { I18nProvider } from '../i18n/I18nContext';
import { loadPageTranslator } from '../i18n/load-translator';
import { showStartFailure } from '../i18n/start-failure';
import { RecordPage } from './RecordPage';

/**
 * A record page, in a browser tab of its own (/records/{kind}/{id}, linked from the dashboard with `?lang=` and `?as=`),
 * signed in as the dashboard is. Its own entry point: none of it is in the pane's JavaScript.
 */
async function start(): Promise<void> {
  const loadingTranslator = loadPageTranslator(new URLSearchParams(location.search).get('lang') ?? navigator.language);
  // Awaited once signed in; a sign-in that fails first is the failure the page shows.
  loadingTranslator.catch(() => undefined);
  const { config, tokens } = await signInPage('/records.html');
  const api = createApiClient({ baseUrl: config.apiBaseUrl, getToken: () => tokens.getToken() });
  const translator = await loadingTranslator;
  document.documentElement.lang = translator.locale;
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider translator={translator}>
        <ApiProvider client={api} queryClient={createQueryClient()}>
          <MeProvider>
            <RecordPage />
          </MeProvider>
        </ApiProvider>
      </I18nProvider>
    </FluentProvider>,
  );
}

start().catch(showStartFailure);
