import { CrmError, type Activity, type AppointmentsQuery, type AppointmentsResponse } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';
import { relatedNamesOf } from './related-names';

// Per person, one bounded range read of the activities linked to them: the cost follows the range and
// the team, never the history.
const MAX_PER_PERSON = 200;
const MAX_MEMBERS = 500;

/** The calendar of appointments: a user's own, or a manager's team's. */
export class AppointmentsService {
  constructor(private readonly store: Store) {}

  async appointments(principal: Principal, query: AppointmentsQuery): Promise<AppointmentsResponse> {
    const people = query.scope === 'team' ? await this.teamOf(principal) : [principal.userId];
    const from = new Date(query.from).toISOString();
    const before = new Date(query.to).toISOString();
    const pages = await Promise.all(
      people.map((memberId) => this.store.list('activity', principal.tenantId, { linkedTo: { kind: 'member', id: memberId }, from, before, limit: MAX_PER_PERSON })),
    );
    const seen = new Set<string>();
    const appointments: Activity[] = [];
    for (const page of pages) {
      for (const activity of page.items) {
        // An appointment two team members attend is listed once.
        if (activity.kind !== 'meeting' || seen.has(activity.id)) continue;
        seen.add(activity.id);
        appointments.push(activity);
      }
    }
    appointments.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    const ownerRecords = await this.store.getMany('member', principal.tenantId, [...new Set(appointments.map((appointment) => appointment.ownerId))]);
    const owners: AppointmentsResponse['owners'] = Object.fromEntries(ownerRecords.map((member) => [member.id, { displayName: member.displayName }]));
    const related = await relatedNamesOf(this.store, principal.tenantId, appointments, {
      known: ownerRecords.map((record) => ({ kind: 'member' as const, record })),
    });
    return { appointments, owners, capped: pages.some((page) => page.nextCursor !== null), related };
  }

  /** A manager and the members who report to them; an admin sees everyone's. */
  private async teamOf(principal: Principal): Promise<string[]> {
    const isAdmin = principal.roles.includes('admin');
    if (!isAdmin && !principal.roles.includes('manager')) {
      throw new CrmError('forbidden', 'APPOINTMENTS.TEAM_FORBIDDEN', "Only managers and admins see their team's calendar.");
    }
    const { items: members } = await listUpTo(this.store, 'member', principal.tenantId, {}, MAX_MEMBERS);
    const team = members.filter((member) => isAdmin || member.managerId === principal.userId).map((member) => member.id);
    return [...new Set([principal.userId, ...team])];
  }
}
