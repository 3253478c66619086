import { addDays, addMonths, periodStartOf, type ActivityPlan, type Goal } from '@rapport/shared';
import type { DemoData } from './demo-data';

// The demo's goals, set by its manager: each rep's won amount and calls this month and quarter, their weekly calls target
// (this week and the next three), and the company's won amount this quarter, so My day and the dashboard show attainment
// and pace on a fresh demo; and the manager's "New customer onboarding" activity plan.

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
  const week = periodStartOf('week', day);
  return [
    ...reps.flatMap((rep, index) =>
      [0, 1, 2, 3].map((n) => goal(`${index}-calls-week-${n}`, { scope: 'rep', memberId: rep.id, metric: 'activities', activityKind: 'call', period: 'week', start: addDays(week, n * 7), target: 20 })),
    ),
    ...reps.flatMap((rep, index) => [
      goal(`${index}-won-month`, { scope: 'rep', memberId: rep.id, metric: 'wonAmount', period: 'month', start: month, target: 40_000 + index * 5_000, stretch: 60_000 + index * 5_000 }),
      goal(`${index}-won-quarter`, { scope: 'rep', memberId: rep.id, metric: 'wonAmount', period: 'quarter', start: quarter, target: 120_000 + index * 15_000 }),
      goal(`${index}-calls-month`, { scope: 'rep', memberId: rep.id, metric: 'activities', activityKind: 'call', period: 'month', start: month, target: 25 }),
    ]),
    goal('company-won-quarter', { scope: 'tenant', metric: 'wonAmount', period: 'quarter', start: quarter, target: 750_000, stretch: 900_000 }),
    goal('company-won-next-quarter', { scope: 'tenant', metric: 'wonAmount', period: 'quarter', start: addMonths(quarter, 3), target: 800_000 }),
  ];
}

/** The manager's onboarding plan: a welcome call the next day, a kick-off meeting in the first week, a check-in after 30 days. */
export function demoActivityPlans(data: DemoData, now: Date): ActivityPlan[] {
  const manager = data.members.find((member) => member.role === 'manager');
  if (!manager) return [];
  const at = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  return [
    {
      tenantId: data.tenantId,
      id: `${data.tenantId.slice(0, 24)}-plan-onboarding`,
      createdAt: at,
      createdBy: manager.id,
      updatedAt: at,
      updatedBy: manager.id,
      ownerId: manager.id,
      version: 1,
      name: 'New customer onboarding',
      description: 'For every new customer: welcome them, kick off together, and check in once the first month is over.',
      steps: [
        { dayOffset: 1, kind: 'call', subject: 'Welcome call', notes: 'Thank them, confirm the contacts and agree on the kick-off.', durationMinutes: 15 },
        { dayOffset: 5, kind: 'meeting', subject: 'Kick-off meeting', durationMinutes: 60 },
        { dayOffset: 30, kind: 'call', subject: 'Check-in after 30 days', notes: 'How did the first month go? Anything missing?', durationMinutes: 20 },
      ],
    },
  ];
}
