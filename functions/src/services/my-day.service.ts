import { caseIsOpen, serviceLevelState, type Activity, type MyDayQuery, type MyDayResponse } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { Store } from '../store/store';
import { relatedNamesOf } from './related-names';

// Each read is one bounded index range, so a day costs the same for a rep with a year of history.
const MAX_ITEMS = 100;
const WEEK_MS = 7 * 24 * 3600 * 1000;
// A rep's newest cases read for their service levels: open cases are among the newest; older ones past this are not.
const CASES_READ = 200;

/** The signed-in user's day: appointments, overdue and due-today tasks, and counters of planned work. */
export class MyDayService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async myDay(principal: Principal, { dayStart, dayEnd }: MyDayQuery): Promise<MyDayResponse> {
    const mine = { kind: 'member' as const, id: principal.userId };
    const start = new Date(dayStart).toISOString();
    const end = new Date(dayEnd).toISOString();
    const weekEnd = new Date(Date.parse(end) + WEEK_MS).toISOString();
    const [plannedUntilToday, today, nextWeek, serviceLevels] = await Promise.all([
      this.store.list('activity', principal.tenantId, { linkedTo: mine, openOnly: true, before: end, limit: MAX_ITEMS }),
      this.store.list('activity', principal.tenantId, { linkedTo: mine, from: start, before: end, limit: MAX_ITEMS }),
      this.store.list('activity', principal.tenantId, { linkedTo: mine, openOnly: true, from: end, before: weekEnd, limit: MAX_ITEMS }),
      this.serviceLevels(principal),
    ]);
    const overdue = plannedUntilToday.items.filter((activity) => activity.at < start);
    const dueToday = plannedUntilToday.items.filter((activity) => activity.at >= start);
    const byTime = (a: Activity, b: Activity) => a.at.localeCompare(b.at);
    const appointments = today.items.filter((activity) => activity.kind === 'meeting' && activity.status !== 'cancelled').sort(byTime);
    const overdueTasks = overdue.filter((activity) => activity.kind === 'task');
    const dueTodayTasks = dueToday.filter((activity) => activity.kind === 'task').sort(byTime);
    const nextSevenDays = [...nextWeek.items].sort(byTime);
    return {
      appointments,
      overdueTasks,
      dueTodayTasks,
      counters: { overdue: overdue.length, dueToday: dueToday.length, nextSevenDays: nextWeek.items.length },
      capped: plannedUntilToday.nextCursor !== null || nextWeek.nextCursor !== null,
      nextSevenDays,
      related: await relatedNamesOf(this.store, principal.tenantId, [...appointments, ...overdueTasks, ...dueTodayTasks, ...nextSevenDays]),
      serviceLevels,
    };
  }

  /** The caller's open cases that breached a service level or come due soon, the earliest due first. */
  private async serviceLevels(principal: Principal): Promise<NonNullable<MyDayResponse['serviceLevels']>> {
    const now = this.now().toISOString();
    const cases = await this.store.list('case', principal.tenantId, { ownerId: principal.userId, limit: CASES_READ });
    const urgent = cases.items.flatMap((item) => {
      if (!caseIsOpen(item.status)) return [];
      const level = serviceLevelState(item, now);
      return (level.state === 'soon' || level.state === 'breached') && level.dueAt && level.what ? [{ case: item, state: level.state, what: level.what, dueAt: level.dueAt }] : [];
    });
    urgent.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    return { breached: urgent.filter((entry) => entry.state === 'breached').length, soon: urgent.filter((entry) => entry.state === 'soon').length, cases: urgent };
  }
}
