import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createApiClient } from '../api/api-client';
import { localTokenProvider, type AddinConfig, type TokenProvider } from '../auth/token-provider';
import { createTranslator } from '../i18n/i18n';
import { I18nProvider } from '../i18n/I18nContext';
import { displayLanguage, mailbox, onItemChanged } from '../office/office-host';
import { App } from './App';

async function start(): Promise<void> {
  await Office.onReady();
  const config = (await (await fetch('addin-config.json', { cache: 'no-store' })).json()) as AddinConfig;
  // MSAL is loaded only where Entra ID is used, keeping it out of the pane's initial JavaScript.
  const tokens: TokenProvider =
    config.authMode === 'local' ? localTokenProvider(config) : (await import('../auth/naa-token-provider')).naaTokenProvider(config);
  const api = createApiClient({ baseUrl: config.apiBaseUrl, getToken: () => tokens.getToken() });
  const translator = createTranslator(displayLanguage());
  document.documentElement.lang = translator.locale;
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider translator={translator}>
        <App api={api} mailbox={mailbox()} onItemChanged={onItemChanged} />
      </I18nProvider>
    </FluentProvider>,
  );
}

start().catch((error: unknown) => {
  const root = document.getElementById('root');
  if (root) root.textContent = `Rapport could not start: ${error instanceof Error ? error.message : String(error)}`;
});
