import { useEffect, useMemo, useState } from 'react';
import { Caption1, Link, Spinner, Tab, TabList, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { recordPagePath } from '@rapport/shared/contract/record-pages';
import { ErrorMessage } from '../components/ErrorMessage';
import { useOperation, useRecord, useRecordList } from '../data/queries';
import type { ReportFilters } from '../hooks/useReport';
import { useI18n } from '../i18n/I18nContext';
import { Filters, type FilterChoices } from './Filters';
import { ReportCard } from './ReportCard';
import { ActivityPlans, Commissions, ExpenseApprovalsCard, GoalBandsCard, GoalsGrid, GoalsImport, MyNumbersCard, MyWork, TeamAttainment, TipsBoard } from './tab-parts';
import type { DashboardTab } from './report-catalog';
import { filtersOf, initialFilters, readAddress, reportsFor, tabsFor, writeAddress } from './dashboard-view';
import { useReadAhead } from './useReadAhead';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalXXL, maxWidth: '1400px', marginInline: 'auto' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  grid: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalL },
  // Eight tabs do not fit a phone's width in one row: they wrap rather than push the page sideways.
  tabs: { flexWrap: 'wrap' },
});

/** The dashboards: the rep's own numbers for everyone, the team's and data quality for managers, campaigns' funnels for campaign managers too. */
export function Dashboard() {
  const { t } = useI18n();
  const styles = useStyles();
  const [address] = useState(readAddress);
  const [tab, setTab] = useState<DashboardTab | null>(address.tab);
  const [filters, setFilters] = useState<ReportFilters>(() => initialFilters(address));
  const who = useOperation('me', {});
  // The same request as the pane's useMemberNames(), so both read the members once.
  const members = useOperation('members', { query: { limit: 100 } });
  const territories = useRecordList('territory', { limit: 100 });
  const products = useRecordList('product', { limit: 100 });
  const me = who.data ?? null;
  const choices = useMemo<FilterChoices | null>(
    () =>
      members.data && territories.data && products.data
        ? {
            members: members.data.items,
            territories: territories.data.items,
            products: products.data.items,
            currencies: [...new Set(products.data.items.map((product) => product.currency))].sort(),
          }
        : null,
    [members.data, territories.data, products.data],
  );
  // What the page needs before it can show a tab; the first that failed is said, and Retry reads the failed ones again.
  const reads = [who, members, territories, products];
  const failed = reads.find((read) => read.isError);
  const retry = () => {
    for (const read of reads) if (read.isError) void read.refetch();
  };

  const allowed = me ? tabsFor(me) : [];
  const reportsOf = (candidate: DashboardTab) => (me ? reportsFor(me, candidate) : []);
  const shown = tab && allowed.includes(tab) ? tab : (allowed[0] ?? null);
  useEffect(() => {
    if (shown) writeAddress(shown, filters);
  }, [shown, filters]);

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <Title2 as="h1">{t('dash.title')}</Title2>
        {me && <Caption1>{t('dash.signedInAs', { name: choices?.members.find((member) => member.id === me.userId)?.displayName ?? me.name ?? me.userId })}</Caption1>}
      </header>
      {failed && <ErrorMessage error={failed.error} onRetry={retry} />}
      {(!me || !choices) && !failed && <Spinner size="small" label={t('app.loading')} />}
      {me && choices && shown && (
        <>
          <TabList className={styles.tabs} selectedValue={shown} onTabSelect={(_, data) => setTab(data.value as DashboardTab)} aria-label={t('dash.tabs')}>
            {allowed.map((candidate) => (
              <Tab key={candidate} value={candidate}>
                {t(`dash.tab.${candidate}`)}
              </Tab>
            ))}
          </TabList>
          {/* Data quality looks at the whole tenant, commissions at plan periods, the tips board has its own: no filter applies to them. */}
          {shown !== 'quality' && shown !== 'commissions' && shown !== 'tips' && (
            <Filters value={filters} onChange={setFilters} choices={choices} teamFilters={shown !== 'mine' && me.capabilities.viewTeam} segments={shown === 'customers'} />
          )}
          <section className={styles.grid} aria-label={t(`dash.tab.${shown}`)}>
            {shown === 'mine' && <MyNumbersCard headingLevel="h3" />}
            {shown === 'mine' && me.capabilities.viewTeam && <TeamAttainment />}
            {shown === 'team' && <ExpenseApprovalsCard where="page" recordName={(record) => <RecordPageLink {...record} />} />}
            {shown === 'team' && <GoalsGrid />}
            {shown === 'team' && <GoalsImport />}
            {shown === 'team' && <GoalBandsCard />}
            {shown === 'tips' && <TipsBoard me={me} />}
            {shown === 'commissions' && <Commissions me={me} members={choices.members} products={choices.products} />}
            {shown === 'team' && <ActivityPlans members={choices.members} territories={choices.territories} />}
            <TabReports key={shown} reports={reportsOf(shown)} filters={filtersOf(shown, filters, me.userId)} />
            {shown === 'mine' && <MyWork />}
          </section>
        </>
      )}
    </main>
  );
}

/** A tab's report cards, shown once the reports read ahead for them are answered (useReadAhead). */
function TabReports({ reports, filters }: { reports: ReturnType<typeof reportsFor>; filters: ReportFilters }) {
  const { t } = useI18n();
  const reading = useReadAhead(reports.map(({ report }) => ({ params: { report }, query: filters })));
  if (reading) return <Spinner size="small" label={t('dash.readingReports')} />;
  return (
    <>
      {reports.map(({ report, chart }) => (
        <ReportCard key={report} report={report} chart={chart} filters={filters} />
      ))}
    </>
  );
}

/** A deal's or company's name, opening its record page in a new tab (an expense to approve is for it). */
function RecordPageLink({ kind, id }: { kind: 'deal' | 'company'; id: string }) {
  const { t } = useI18n();
  const record = useRecord(kind, id);
  const params = new URLSearchParams(location.search);
  return (
    <Link href={recordPagePath({ kind, id }, { lang: params.get('lang'), as: params.get('as') })} target="_blank" rel="noopener">
      {(record.data as { name?: string } | undefined)?.name ?? t(`record.kind.${kind}`)}
    </Link>
  );
}
