import { addMonths, periodStartOf, type Goal } from '@rapport/shared';
import type { DemoData } from './demo-data';

// The demo's goals, set by its manager: each rep's won amount and calls this month and quarter, and the company's won
// amount this quarter, so My day and the dashboard show attainment and pace on a fresh demo.

export function demoGoals(data: DemoData, now: Date): Goal[] {
  const manager = data.members.find((member) => member.role === 'manager');
  if (!manager) return [];
  const day = now.toISOString().slice(0, 10);
  const month = periodStartOf('month', day);
  const quarter = periodStartOf('quarter', day);
  const at = `${month}-01T08:00:00.000Z`;
  const goal = (key: string, fields: Omit<Goal, keyof typeof system | 'id'>): Goal => ({ ...system, id: `${data.tenantId.slice(0, 24)}-goal-${key}`, ...fields });
  const system = { tenantId: data.tenantId, createdAt: at, createdBy: manager.id, updatedAt: at, updatedBy: manager.id, ownerId: manager.id, version: 1 };
  const reps = data.members.filter((member) => member.role === 'rep' && !member.deactivated);
  return [
    ...reps.flatMap((rep, index) => [
      goal(`${index}-won-month`, { scope: 'rep', memberId: rep.id, metric: 'wonAmount', period: 'month', start: month, target: 40_000 + index * 5_000, stretch: 60_000 + index * 5_000 }),
      goal(`${index}-won-quarter`, { scope: 'rep', memberId: rep.id, metric: 'wonAmount', period: 'quarter', start: quarter, target: 120_000 + index * 15_000 }),
      goal(`${index}-calls-month`, { scope: 'rep', memberId: rep.id, metric: 'activities', activityKind: 'call', period: 'month', start: month, target: 25 }),
    ]),
    goal('company-won-quarter', { scope: 'tenant', metric: 'wonAmount', period: 'quarter', start: quarter, target: 750_000, stretch: 900_000 }),
    goal('company-won-next-quarter', { scope: 'tenant', metric: 'wonAmount', period: 'quarter', start: addMonths(quarter, 3), target: 800_000 }),
  ];
}
