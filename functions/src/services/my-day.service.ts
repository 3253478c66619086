import type { Activity, MyDayQuery, MyDayResponse } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { Store } from '../store/store';
import { relatedNamesOf } from './related-names';

// Each read is one bounded index range, so a day costs the same for a rep with a year of history.
const MAX_ITEMS = 100;
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The signed-in user's day: appointments, overdue and due-today tasks, and counters of planned work. */
export class MyDayService {
  constructor(private readonly store: Store) {}

  async myDay(principal: Principal, { dayStart, dayEnd }: MyDayQuery): Promise<MyDayResponse> {
    const mine = { kind: 'member' as const, id: principal.userId };
    const start = new Date(dayStart).toISOString();
    const end = new Date(dayEnd).toISOString();
    const weekEnd = new Date(Date.parse(end) + WEEK_MS).toISOString();
    const [plannedUntilToday, today, nextWeek] = await Promise.all([
      this.store.list('activity', principal.tenantId, { linkedTo: mine, openOnly: true, before: end, limit: MAX_ITEMS }),
      this.store.list('activity', principal.tenantId, { linkedTo: mine, from: start, before: end, limit: MAX_ITEMS }),
      this.store.list('activity', principal.tenantId, { linkedTo: mine, openOnly: true, from: end, before: weekEnd, limit: MAX_ITEMS }),
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
    };
  }
}
