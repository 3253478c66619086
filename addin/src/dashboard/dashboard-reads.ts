import type { OperationRequest } from '../api/api-types';
import { PLANS_QUERY } from '../data/activity-plans';
import { GOALS_QUERY } from '../data/goals';
import type { PageReads } from '../data/page-reads';
import type { DashboardTab } from './report-catalog';
import { loadPartsOf } from './tab-parts';
import { initialFilters, readAddress, reportRequestsFor, sameForEveryone, tabsFor } from './dashboard-view';

/**
 * Starts the reads of the dashboard's first view as soon as the page has signed in, before it renders: who is signed
 * in and the filters' choices, then the reports of the tab the address names (or the first the member may open), as
 * their cards will ask for them, so that they are under way, not waiting for the page's first render to end. A read
 * that fails here is read again by the part that needs it, which says what went wrong.
 *
 * A tab the address names whose reads are the same for everyone who may open it is read beside who is signed in, not
 * after: a round trip sooner. Someone who may not open it is shown their first tab instead; the API refuses them those
 * reads, and that is all they cost.
 */
export function startDashboardReads(reads: PageReads): void {
  const address = readAddress();
  const filters = initialFilters(address);
  const named = address.tab && sameForEveryone(address.tab) ? address.tab : null;
  // Who is signed in first: the browser sends six requests at a time, and the page shows nothing without it.
  reads.operation('me', {}).then(
    (me) => {
      const allowed = tabsFor(me);
      const tab = address.tab && allowed.includes(address.tab) ? address.tab : allowed[0];
      if (tab && tab !== named) readTab(reads, tab, reportRequestsFor(me, tab, filters));
    },
    () => undefined,
  );
  reads.prefetchList('territory', { limit: 100 });
  reads.prefetchList('product', { limit: 100 });
  reads.prefetchOperation('members', { query: { limit: 100 } });
  if (named) readTab(reads, named, reportRequestsFor(null, named, filters));
}

function readTab(reads: PageReads, tab: DashboardTab, reports: OperationRequest<'report'>[]): void {
  loadPartsOf(tab);
  // In one request: a browser sends six at a time, and a tab shows up to 17 reports.
  reads.prefetchReports(reports);
  if (tab === 'team') {
    // The team tab's other cards: the goals grid, the activity plans, the goal bands (their settings). The pending
    // expenses and the attainment are read as their cards show (always afresh), so they are not read ahead here.
    reads.prefetchList('goal', GOALS_QUERY);
    reads.prefetchList('activityPlan', PLANS_QUERY);
    reads.prefetchOperation('settings', {});
  }
}
