import { Suspense, useState } from 'react';
import { Body1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorMessage } from '../components/ErrorMessage';
import { MeProvider, useCapabilities } from '../hooks/useMe';
import type { CalendarLoader } from '../hooks/useScheduling';
import { useMailItem } from '../hooks/useMailItem';
import { useI18n } from '../i18n/I18nContext';
import type { MailItem } from '../office/mail-item';
import type { OutlookHost } from '../office/office-host';
import { AppNav, type View } from './AppNav';
import { PeopleView } from './PeopleView';
import { lazyWithMessages } from '../i18n/lazy-with-messages';

// Every view but the people on the open item comes on first use, keeping the first card's JavaScript small.
const SearchPanel = lazyWithMessages(() => import('../components/SearchPanel').then((module) => ({ default: module.SearchPanel })));
const MyDay = lazyWithMessages(() => import('../components/MyDay').then((module) => ({ default: module.MyDay })));
const CalendarView = lazyWithMessages(() => import('../components/CalendarView').then((module) => ({ default: module.CalendarView })));
// Admins only: loaded when opened.
const SettingsView = lazyWithMessages(() => import('../components/SettingsView').then((module) => ({ default: module.SettingsView })));
// Managers only: loaded when opened.
const ImportList = lazyWithMessages(() => import('../components/ImportList').then((module) => ({ default: module.ImportList })));

const useStyles = makeStyles({
  // Outlook's pane is narrow: a small margin leaves the content its width.
  app: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
});

export type AppProps = {
  loadCalendar: CalendarLoader;
  /** Outlook, as plain data and callbacks. */
  host: Pick<OutlookHost, 'user' | 'readItem' | 'readBodyExcerpt' | 'onItemChanged'>;
  /** The item read started before the first render (its lookup too), so the card does not wait for it. */
  firstRead?: Promise<MailItem | null>;
};

export function App(props: AppProps) {
  return (
    <MeProvider>
      <Views {...props} />
    </MeProvider>
  );
}

function Views({ loadCalendar, host, firstRead }: AppProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [view, setView] = useState<View>('people');
  // Managers import lists and admins keep the tenant's settings; nobody else sees those tabs.
  const { manageSettings, importLists } = useCapabilities();
  const views: View[] = ['people', 'search', 'calendar', 'home', ...(importLists ? (['import'] as const) : []), ...(manageSettings ? (['settings'] as const) : [])];
  const itemState = useMailItem(host.readItem, host.onItemChanged, firstRead);
  const item = itemState.status === 'ready' ? itemState.item : null;
  const userEmail = host.user.email;

  return (
    <main className={styles.app}>
      <AppNav views={views} view={view} onChange={setView} />
      <Suspense fallback={<Spinner size="small" label={t('app.loading')} />}>
        {view === 'search' ? <SearchPanel /> : null}
        {view === 'calendar' ? <CalendarView /> : null}
        {view === 'home' ? <MyDay userEmail={userEmail} /> : null}
        {view === 'people' ? (
          itemState.status === 'error' ? (
            <ErrorMessage error={itemState.error} />
          ) : item ? (
            <PeopleView key={item.key} loadCalendar={loadCalendar} userEmail={userEmail} item={item} readBody={host.readBodyExcerpt} />
          ) : itemState.status === 'loading' ? (
            <Spinner size="small" label={t('app.loading')} />
          ) : (
            // With no item open, the pane shows the user's day.
            <>
              <Body1>{t('app.noItem')}</Body1>
              <MyDay userEmail={userEmail} />
            </>
          )
        ) : null}
        {view === 'import' ? <ImportList /> : null}
        {view === 'settings' ? <SettingsView /> : null}
      </Suspense>
    </main>
  );
}
