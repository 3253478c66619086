import { Suspense, lazy, useState } from 'react';
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorMessage } from '../components/ErrorMessage';
import { MyDay } from '../components/MyDay';
import { MeProvider, useCapabilities } from '../hooks/useMe';
import { SearchPanel } from '../components/SearchPanel';
import type { CalendarLoader } from '../hooks/useScheduling';
import { useMailItem } from '../hooks/useMailItem';
import { useI18n } from '../i18n/I18nContext';
import type { MailItem } from '../office/mail-item';
import type { OutlookHost } from '../office/office-host';
import { AppNav, type View } from './AppNav';
import { PeopleView } from './PeopleView';

// The calendar view comes on first use, keeping the first card's JavaScript small.
const CalendarView = lazy(() => import('../components/CalendarView').then((module) => ({ default: module.CalendarView })));
// Admins only: loaded when opened.
const SettingsView = lazy(() => import('../components/SettingsView').then((module) => ({ default: module.SettingsView })));
// Managers only: loaded when opened.
const ImportList = lazy(() => import('../components/ImportList').then((module) => ({ default: module.ImportList })));

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
      {view === 'search' ? <SearchPanel /> : null}
      {view === 'calendar' ? (
        <Suspense fallback={<Body1>{t('app.loading')}</Body1>}>
          <CalendarView />
        </Suspense>
      ) : null}
      {view === 'home' ? <MyDay userEmail={userEmail} /> : null}
      {view === 'people' ? (
        itemState.status === 'error' ? (
          <ErrorMessage error={itemState.error} />
        ) : item ? (
          <PeopleView key={item.key} loadCalendar={loadCalendar} userEmail={userEmail} item={item} readBody={host.readBodyExcerpt} />
        ) : itemState.status === 'loading' ? (
          <Body1>{t('app.loading')}</Body1>
        ) : (
          // With no item open, the pane shows the user's day.
          <>
            <Body1>{t('app.noItem')}</Body1>
            <MyDay userEmail={userEmail} />
          </>
        )
      ) : null}
      {view === 'import' ? (
        <Suspense fallback={<Body1>{t('app.loading')}</Body1>}>
          <ImportList />
        </Suspense>
      ) : null}
      {view === 'settings' ? (
        <Suspense fallback={<Body1>{t('app.loading')}</Body1>}>
          <SettingsView />
        </Suspense>
      ) : null}
    </main>
  );
}
