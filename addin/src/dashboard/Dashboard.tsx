import { useEffect, useMemo, useState } from 'react';
import { Caption1, Card, Link, Spinner, Tab, TabList, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { recordPagePath } from '@rapport/shared/contract/record-pages';
import { customerSegments } from '@rapport/shared/companies/company-segment.rules';
import { ErrorMessage } from '../components/ErrorMessage';
import { useOperation, usePrefetchedOperations, useRecord, useRecordList } from '../data/queries';
import type { ReportFilters } from '../hooks/useReport';
import { useI18n } from '../i18n/I18nContext';
import { Filters, type FilterChoices } from './Filters';
import { MyWork } from './MyWork';
import { GoalBandsCard } from './GoalBandsCard';
import { GoalsGrid } from './GoalsGrid';
import { GoalsImport } from './GoalsImport';
import { ExpenseApprovals } from '../components/expenses/ExpenseApprovals';
import { ActivityPlans } from './ActivityPlans';
import { TeamAttainment } from './TeamAttainment';
import { MyNumbers } from '../components/goals/MyNumbers';
import { ReportCard } from './ReportCard';
import { Commissions } from './commissions/Commissions';
import { TipsBoard } from './TipsBoard';
import { isCampaignReport, tabAudience, tabReports, type DashboardTab } from './report-catalog';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalXXL, maxWidth: '1400px', marginInline: 'auto' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  grid: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalL },
  // Eight tabs do not fit a phone's width in one row: they wrap rather than push the page sideways.
  tabs: { flexWrap: 'wrap' },
});

const TEXT_FILTERS = ['from', 'to', 'team', 'territoryId', 'ownerId', 'productId', 'currency'] as const;
const FILTER_NAMES = [...TEXT_FILTERS, 'segment'] as const;
const TABS: DashboardTab[] = ['mine', 'team', 'commissions', 'marketing', 'customers', 'service', 'quality', 'tips'];

/** The filters and tab in the page's address, so that a view can be linked to and reloaded. */
function readAddress(): { tab: DashboardTab | null; filters: ReportFilters } {
  const params = new URLSearchParams(location.search);
  const filters: ReportFilters = {};
  for (const name of TEXT_FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  // A segment the reports do not know (an old or mistyped link) is left out: they group by industry then.
  const segment = customerSegments.find((candidate) => candidate === params.get('segment'));
  if (segment) filters.segment = segment;
  const tab = params.get('tab');
  return { tab: TABS.includes(tab as DashboardTab) ? (tab as DashboardTab) : null, filters };
}

function writeAddress(tab: DashboardTab, filters: ReportFilters): void {
  const params = new URLSearchParams({ tab });
  // Who the page is for and in which language (from the pane's link) stay, so a reload or a shared link keeps them.
  const current = new URLSearchParams(location.search);
  for (const kept of ['lang', 'as']) {
    const value = current.get(kept);
    if (value) params.set(kept, value);
  }
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name] ?? '');
  history.replaceState(null, '', `${location.pathname}?${params.toString()}`);
}

function lastTwelveMonths(): ReportFilters {
  const now = new Date();
  const month = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
  return { from: month(new Date(now.getFullYear(), now.getMonth() - 11, 1)), to: month(now) };
}

/** The dashboards: the rep's own numbers for everyone, the team's and data quality for managers, campaigns' funnels for campaign managers too. */
export function Dashboard() {
  const { t } = useI18n();
  const styles = useStyles();
  const [address] = useState(readAddress);
  const [tab, setTab] = useState<DashboardTab | null>(address.tab);
  const [filters, setFilters] = useState<ReportFilters>({ ...lastTwelveMonths(), ...address.filters });
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

  // A campaign manager who is a rep reads the marketing tab's campaign funnels (the API lets them), not the team's leads.
  const keepsCampaigns = me !== null && (me.grantedCapabilities ?? []).includes('campaignManager');
  const allowed = me
    ? TABS.filter(
        (candidate) =>
          tabAudience[candidate] === 'everyone' ||
          (candidate === 'marketing' && keepsCampaigns) ||
          (tabAudience[candidate] === 'managers' ? me.capabilities.viewTeam : me.capabilities.manageSettings),
      )
    : [];
  const reportsOf = (candidate: DashboardTab) =>
    candidate === 'marketing' && !me?.capabilities.viewTeam ? tabReports.marketing.filter(({ report }) => isCampaignReport(report)) : tabReports[candidate];
  const shown = tab && allowed.includes(tab) ? tab : (allowed[0] ?? null);
  // The tab's reports are read while the tab renders (the page's longest render), not once their cards have mounted.
  usePrefetchedOperations('report', me && shown ? reportsOf(shown).map(({ report }) => ({ params: { report }, query: filtersOf(shown, filters, me.userId) })) : []);
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
            {shown === 'mine' && (
              <Card>
                <MyNumbers headingLevel="h3" />
              </Card>
            )}
            {shown === 'mine' && me.capabilities.viewTeam && <TeamAttainment />}
            {shown === 'team' && (
              <Card>
                <ExpenseApprovals where="page" recordName={(record) => <RecordPageLink {...record} />} />
              </Card>
            )}
            {shown === 'team' && <GoalsGrid />}
            {shown === 'team' && <GoalsImport />}
            {shown === 'team' && <GoalBandsCard />}
            {shown === 'tips' && <TipsBoard me={me} />}
            {shown === 'commissions' && <Commissions me={me} members={choices.members} products={choices.products} />}
            {shown === 'team' && <ActivityPlans members={choices.members} territories={choices.territories} />}
            {reportsOf(shown).map(({ report, chart }) => (
              <ReportCard key={`${shown}-${report}`} report={report} chart={chart} filters={filtersOf(shown, filters, me.userId)} />
            ))}
            {shown === 'mine' && <MyWork />}
          </section>
        </>
      )}
    </main>
  );
}

/** The filters a tab's reports read: My numbers are the user's own; only the Customers tab groups by a segment. */
function filtersOf(tab: DashboardTab, filters: ReportFilters, userId: string): ReportFilters {
  const { segment, ...rest } = filters;
  if (tab === 'mine') return { ...rest, ownerId: userId, team: undefined, territoryId: undefined };
  return tab === 'customers' ? { ...rest, segment } : rest;
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
