import type { OperationResponse } from '../../addin/src/api/api-types';
import { reportRequestsFor, sameForEveryone, writeAddress } from '../../addin/src/dashboard/dashboard-view';
import type { DashboardTab } from '../../addin/src/dashboard/report-catalog';

type Me = OperationResponse<'me'>;
const member = (role: 'rep' | 'manager' | 'admin', userId: string, granted: string[] = []): Me =>
  ({
    tenantId: 't',
    userId,
    roles: [role],
    rolesFrom: 'member',
    grantedCapabilities: granted,
    capabilities: { editOthersRecords: role !== 'rep', reassign: role !== 'rep', viewTeam: role !== 'rep', manageSettings: role === 'admin', importLists: role !== 'rep' },
  }) as unknown as Me;

const tabs: DashboardTab[] = ['mine', 'team', 'commissions', 'marketing', 'customers', 'service', 'quality', 'tips'];
const filters = { from: '2026-01', to: '2026-12', team: 'West', segment: 'size' as const };

describe("the dashboard's reads ahead", () => {
  it('reads a tab the same for everyone before who is signed in is known, exactly as each member’s cards will', () => {
    const members = [member('rep', 'r1'), member('rep', 'r2', ['campaignManager']), member('manager', 'm1'), member('admin', 'a1')];
    const shared = tabs.filter(sameForEveryone);
    expect(shared).toEqual(['team', 'commissions', 'customers', 'service', 'quality', 'tips']);
    for (const tab of shared) for (const me of members) expect(reportRequestsFor(null, tab, filters)).toEqual(reportRequestsFor(me, tab, filters));
  });

  it('waits for who is signed in for My numbers (their own) and marketing (fewer reports for a rep)', () => {
    expect(reportRequestsFor(member('rep', 'r1'), 'mine', filters)).not.toEqual(reportRequestsFor(member('rep', 'r2'), 'mine', filters));
    expect(reportRequestsFor(member('rep', 'r1', ['campaignManager']), 'marketing', filters).length).toBeLessThan(reportRequestsFor(member('manager', 'm1'), 'marketing', filters).length);
    expect(() => reportRequestsFor(null, 'mine', filters)).toThrow(/depend on who is signed in/);
    expect(() => reportRequestsFor(null, 'marketing', filters)).toThrow(/depend on who is signed in/);
  });
});

describe("the dashboard's address", () => {
  const page = globalThis as unknown as { location?: unknown; history?: unknown };
  let replaced: string[];
  beforeEach(() => {
    replaced = [];
    page.location = { pathname: '/dashboard.html', search: '?as=ana%40contoso.com&tab=team&lang=es' };
    page.history = { replaceState: (_state: unknown, _title: string, url: string) => replaced.push(url) };
  });
  afterEach(() => {
    delete page.location;
    delete page.history;
  });

  it('is left as it is when it already says the tab and filters shown, in whatever order (the first render)', () => {
    writeAddress('team', {});
    expect(replaced).toEqual([]);
  });

  it('follows a change of tab or filters, keeping who the page is for and its language', () => {
    writeAddress('team', { team: 'West' });
    writeAddress('service', {});
    expect(replaced).toEqual(['/dashboard.html?tab=team&lang=es&as=ana%40contoso.com&team=West', '/dashboard.html?tab=service&lang=es&as=ana%40contoso.com']);
  });
});
