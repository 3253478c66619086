import type { OperationResponse } from '../../addin/src/api/api-types';
import { reportRequestsFor, sameForEveryone } from '../../addin/src/dashboard/dashboard-view';
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
