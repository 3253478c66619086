import { Suspense, useEffect, useMemo } from 'react';
import { Caption1, Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { RecordView } from '../components/record-view/RecordView';
import { useMe, useMemberNames } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { RecordNavigationOf } from '../taskpane/record-navigation';
import { RecordNotFound } from './RecordNotFound';
import { useAddressNavigation } from './useAddressNavigation';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { marginInlineStart: 'auto', color: tokens.colorNeutralForeground2 },
  // A page's width for reading: the pane's views, given room, in one column a person reads down.
  main: { maxWidth: '880px', marginInline: 'auto', padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}` },
});

/** Who the page is for and in which language: kept on every record page it opens and on the way to the dashboard. */
function keptFromAddress(): { lang: string | null; as: string | null } {
  const params = new URLSearchParams(location.search);
  return { lang: params.get('lang'), as: params.get('as') };
}

/**
 * A record in a browser tab (/records/{kind}/{id}): the pane's record view at a page's width, under a bar that says
 * who is signed in and leads to the dashboard. Records opened inside change the address, so Back is the browser's.
 */
export function RecordPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const keep = useMemo(keptFromAddress, []);
  const dashboardHref = useMemo(() => {
    const query = new URLSearchParams(Object.entries(keep).filter((entry): entry is [string, string] => entry[1] !== null)).toString();
    return `/dashboard${query ? `?${query}` : ''}`;
  }, [keep]);
  const { record, navigation } = useAddressNavigation(keep, dashboardHref);
  const me = useMe();
  const nameOf = useMemberNames();
  useEffect(() => {
    document.title = t('recordPage.documentTitle', { kind: record ? t(`record.kind.${record.kind}`) : t('recordPage.notFound.title') });
  }, [record, t]);

  return (
    <>
      <header className={styles.bar}>
        <Text weight="semibold" size={400}>
          {t('recordPage.brand')}
        </Text>
        <Link href={dashboardHref}>{t('recordPage.toDashboard')}</Link>
        {me ? <Caption1 className={styles.who}>{t('dash.signedInAs', { name: nameOf(me.userId) ?? me.name ?? me.userId })}</Caption1> : null}
      </header>
      <main className={styles.main}>
        {record ? (
          <RecordNavigationOf navigation={navigation}>
            <Suspense fallback={<Spinner size="small" label={t('app.loading')} />}>
              <RecordView key={`${record.kind}:${record.id}`} record={record} />
            </Suspense>
          </RecordNavigationOf>
        ) : (
          <RecordNotFound dashboardHref={dashboardHref} />
        )}
      </main>
    </>
  );
}
