import { customerSegments } from '@rapport/shared/companies/company-segment.rules';
import type { OperationRequest, OperationResponse } from '../api/api-types';
import type { ReportFilters } from '../hooks/useReport';
import { isCampaignReport, tabAudience, tabReports, type DashboardTab } from './report-catalog';

// What the dashboard shows, from its address and who is signed in: plain functions, so the page's start can read the
// shown tab's reports before the page renders (dashboard-reads.ts) and the page shows exactly those.

type Me = OperationResponse<'me'>;

const TEXT_FILTERS = ['from', 'to', 'team', 'territoryId', 'ownerId', 'productId', 'currency'] as const;
const FILTER_NAMES = [...TEXT_FILTERS, 'segment'] as const;
const TABS: DashboardTab[] = ['mine', 'team', 'commissions', 'marketing', 'customers', 'service', 'quality', 'tips'];

/** The filters and tab in the page's address, so that a view can be linked to and reloaded. */
export function readAddress(): { tab: DashboardTab | null; filters: ReportFilters } {
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

export function writeAddress(tab: DashboardTab, filters: ReportFilters): void {
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

/** The filters the page starts with: the last twelve months, then what its address says. */
export function initialFilters(address: { filters: ReportFilters }): ReportFilters {
  return { ...lastTwelveMonths(), ...address.filters };
}

/** The tabs a member may open, in order. */
export function tabsFor(me: Me): DashboardTab[] {
  // A campaign manager who is a rep reads the marketing tab's campaign funnels (the API lets them), not the team's leads.
  const keepsCampaigns = (me.grantedCapabilities ?? []).includes('campaignManager');
  return TABS.filter(
    (candidate) =>
      tabAudience[candidate] === 'everyone' ||
      (candidate === 'marketing' && keepsCampaigns) ||
      (tabAudience[candidate] === 'managers' ? me.capabilities.viewTeam : me.capabilities.manageSettings),
  );
}

/** The reports a tab shows a member. */
export function reportsFor(me: Me, tab: DashboardTab): (typeof tabReports)[DashboardTab] {
  return tab === 'marketing' && !me.capabilities.viewTeam ? tabReports.marketing.filter(({ report }) => isCampaignReport(report)) : tabReports[tab];
}

/** Whether a tab's reports and their filters are the same whoever opens it (My numbers are the user's own; a rep's marketing tab has fewer). */
export function sameForEveryone(tab: DashboardTab): boolean {
  return tab !== 'mine' && tab !== 'marketing';
}

/**
 * The requests of a tab's reports, exactly as its cards make them (so that one read serves both); before who is signed
 * in is known (`null`), only of a tab that is the same for everyone.
 */
export function reportRequestsFor(me: Me | null, tab: DashboardTab, filters: ReportFilters): OperationRequest<'report'>[] {
  if (!me && !sameForEveryone(tab)) throw new Error(`The reports of the ${tab} tab depend on who is signed in`);
  const reports = me ? reportsFor(me, tab) : tabReports[tab];
  return reports.map(({ report }) => ({ params: { report }, query: filtersOf(tab, filters, me?.userId ?? '') }));
}

/** The filters a tab's reports read: My numbers are the user's own; only the Customers tab groups by a segment. */
export function filtersOf(tab: DashboardTab, filters: ReportFilters, userId: string): ReportFilters {
  const { segment, ...rest } = filters;
  if (tab === 'mine') return { ...rest, ownerId: userId, team: undefined, territoryId: undefined };
  return tab === 'customers' ? { ...rest, segment } : rest;
}

