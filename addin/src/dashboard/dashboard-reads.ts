import { PLANS_QUERY } from '../data/activity-plans';
import { GOALS_QUERY } from '../data/goals';
import type { PageReads } from '../data/page-reads';
import { initialFilters, readAddress, reportRequestsFor, tabsFor } from './dashboard-view';

/**
 * Starts the reads of the dashboard's first view as soon as the page has signed in, before it renders: who is signed
 * in and the filters' choices, then the reports of the tab the address names (or the first the member may open), as
 * their cards will ask for them, so that they are under way, not waiting for the page's first render to end. A read
 * that fails here is read again by the part that needs it, which says what went wrong.
 */
export function startDashboardReads(reads: PageReads): void {
  const address = readAddress();
  reads.prefetchList('territory', { limit: 100 });
  reads.prefetchList('product', { limit: 100 });
  reads.prefetchOperation('members', { query: { limit: 100 } });
  reads.operation('me', {}).then(
    (me) => {
      const allowed = tabsFor(me);
      const tab = address.tab && allowed.includes(address.tab) ? address.tab : allowed[0];
      if (tab) for (const request of reportRequestsFor(me, tab, initialFilters(address))) reads.prefetchOperation('report', request);
      if (tab === 'team') {
        // The team tab's other cards: the goals grid, the activity plans, the goal bands (their settings). The pending
        // expenses and the attainment are read as their cards show (always afresh), so they are not read ahead here.
        reads.prefetchList('goal', GOALS_QUERY);
        reads.prefetchList('activityPlan', PLANS_QUERY);
        reads.prefetchOperation('settings', {});
      }
    },
    () => undefined,
  );
}
