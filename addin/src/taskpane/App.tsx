import { Suspense, useState } from 'react';
import { Body1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorMessage } from '../components/ErrorMessage';
import { MeProvider, useCapabilities, useMe } from '../hooks/useMe';
import type { CalendarLoader } from '../hooks/useScheduling';
import { useMailItem } from '../hooks/useMailItem';
import { useI18n } from '../i18n/I18nContext';
import type { MailItem } from '../office/mail-item';
import type { OutlookHost } from '../office/office-host';
import { AppNav, type View } from './AppNav';
import { PeopleView } from './PeopleView';
import { lazyWithMessages } from '../i18n/lazy-with-messages';
import { RecordNavigationProvider, useRecordNavigation } from './record-navigation';

// Every view but the people on the open item comes on first use, keeping the first card's JavaScript small.
const SearchPanel = lazyWithMessages(() => import('../components/SearchPanel'), 'SearchPanel');
const MyDay = lazyWithMessages(() => import('../components/MyDay'), 'MyDay');
const CalendarView = lazyWithMessages(() => import('../components/CalendarView'), 'CalendarView');
// Admins only: loaded when opened.
const SettingsView = lazyWithMessages(() => import('../components/SettingsView'), 'SettingsView');
// Managers only: loaded when opened.
const ImportList = lazyWithMessages(() => import('../components/ImportList'), 'ImportList');
// A record opened from anywhere in the pane: loaded when the first is opened.
const RecordView = lazyWithMessages(() => import('../components/record-view/RecordView'), 'RecordView');

const useStyles = makeStyles({
  // Outlook's pane is narrow: a small margin leaves the content its width.
  app: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

export type AppProps = {
  loadCalendar: CalendarLoader;
  /** Outlook, as plain data and callbacks. */
  host: Pick<OutlookHost, 'user' | 'readItem' | 'readBodyExcerpt' | 'onItemChanged' | 'insertIntoDraft'>;
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

function Views(props: AppProps) {
  const itemState = useMailItem(props.host.readItem, props.host.onItemChanged, props.firstRead);
  // The tab is the user's across items (a pinned pane stays on Search); the records opened within an item are not:
  // a newly selected item starts again at its card.
  const [view, setView] = useState<View>('people');
  const itemKey = itemState.status === 'ready' ? itemState.item?.key : undefined;
  return (
    <RecordNavigationProvider key={itemKey ?? 'none'}>
      <ItemViews {...props} itemState={itemState} view={view} setView={setView} />
    </RecordNavigationProvider>
  );
}

function ItemViews({ loadCalendar, host, itemState, view, setView }: AppProps & { itemState: ReturnType<typeof useMailItem>; view: View; setView: (view: View) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const navigation = useRecordNavigation();
  // Managers import lists, admins keep the tenant's settings and campaign managers its campaigns (in Settings); nobody
  // else sees those tabs.
  const { manageSettings, importLists } = useCapabilities();
  const settings = useMe()?.grantedCapabilities?.includes('campaignManager') || manageSettings;
  const views: View[] = ['people', 'search', 'calendar', 'home', ...(importLists ? (['import'] as const) : []), ...(settings ? (['settings'] as const) : [])];
  const item = itemState.status === 'ready' ? itemState.item : null;
  const userEmail = host.user.email;
  const record = navigation.current;

  return (
    <main className={styles.app}>
      <AppNav
        views={views}
        // While a record is open no view is current: each tab, the e-mail's card included, is one click away.
        view={record ? null : view}
        onChange={(next) => {
          navigation.close();
          setView(next);
        }}
      />
      <Suspense fallback={<Spinner size="small" label={t('app.loading')} />}>
        {record ? <RecordView key={`${record.kind}:${record.id}`} record={record} /> : null}
        {/* Hidden, not unmounted, under an open record: Back returns to the view as the user left it (the search typed,
            the person chosen, the week shown). */}
        <div hidden={record !== null} className={record ? undefined : styles.view}>
          <ViewContent {...{ view, loadCalendar, userEmail, item, itemState, host }} />
        </div>
      </Suspense>
    </main>
  );
}

type ViewContentProps = Pick<AppProps, 'loadCalendar' | 'host'> & {
  view: View;
  userEmail: string;
  item: MailItem | null;
  itemState: ReturnType<typeof useMailItem>;
};

/** The view chosen in the navigation. */
function ViewContent({ view, loadCalendar, userEmail, item, itemState, host }: ViewContentProps) {
  const { t } = useI18n();
  return (
    <>
      {view === 'search' ? <SearchPanel /> : null}
        {view === 'calendar' ? <CalendarView /> : null}
        {view === 'home' ? <MyDay userEmail={userEmail} /> : null}
        {view === 'people' ? (
          itemState.status === 'error' ? (
            <ErrorMessage error={itemState.error} />
          ) : item ? (
            <PeopleView key={item.key} loadCalendar={loadCalendar} userEmail={userEmail} item={item} readBody={host.readBodyExcerpt} insertIntoDraft={host.insertIntoDraft} />
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
      </>
  );
}
