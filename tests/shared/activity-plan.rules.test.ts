import {
  ActivityPlanInputSchema,
  ApplyPlanSchema,
  GoalInputSchema,
  goalRef,
  isWeekStart,
  mondayOf,
  periodBounds,
  periodMonths,
  periodStartOf,
  progressOf,
  stepDay,
  stepDueAt,
} from '@rapport/shared';

describe('when a plan’s steps fall', () => {
  // Monday 30 November 2026.
  const start = '2026-11-30';

  it('counts day 0 as the start and the offsets in calendar days', () => {
    expect(stepDay(start, 0)).toBe('2026-11-30');
    expect(stepDay(start, 1)).toBe('2026-12-01');
    expect(stepDay(start, 4)).toBe('2026-12-04');
  });

  it('moves a step that falls on a weekend to the Monday after', () => {
    expect(stepDay(start, 5)).toBe('2026-12-07');
    expect(stepDay(start, 6)).toBe('2026-12-07');
    expect(stepDay(start, 7)).toBe('2026-12-07');
  });

  it('crosses months, years and leap days', () => {
    expect(stepDay(start, 30)).toBe('2026-12-30');
    expect(stepDay('2026-12-28', 7)).toBe('2027-01-04');
    expect(stepDay('2028-02-28', 1)).toBe('2028-02-29');
    expect(stepDay('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('is due at 09:00 in the caller’s zone, summer time included', () => {
    expect(stepDueAt(start, 1, 'UTC')).toBe('2026-12-01T09:00:00.000Z');
    expect(stepDueAt(start, 1, 'Europe/Madrid')).toBe('2026-12-01T08:00:00.000Z');
    expect(stepDueAt('2026-07-01', 0, 'America/Sao_Paulo')).toBe('2026-07-01T12:00:00.000Z');
    expect(stepDueAt('2026-07-01', 0, 'Europe/Rome')).toBe('2026-07-01T07:00:00.000Z');
  });
});

describe('what a plan and its apply take', () => {
  const step = { dayOffset: 1, kind: 'call', subject: 'Welcome call' };
  it('takes 1 to 50 steps of calls, meetings, tasks and e-mails within a year', () => {
    expect(ActivityPlanInputSchema.safeParse({ name: 'Onboarding', steps: [step] }).success).toBe(true);
    expect(ActivityPlanInputSchema.safeParse({ name: 'Empty', steps: [] }).success).toBe(false);
    expect(ActivityPlanInputSchema.safeParse({ name: 'Long', steps: Array.from({ length: 51 }, () => step) }).success).toBe(false);
    expect(ActivityPlanInputSchema.safeParse({ name: 'Note', steps: [{ ...step, kind: 'note' }] }).success).toBe(false);
    expect(ActivityPlanInputSchema.safeParse({ name: 'Later', steps: [{ ...step, dayOffset: 366 }] }).success).toBe(false);
  });
  it('names its target as a record, a team’s open deals or companies, or a territory, and knows time zones', () => {
    expect(ApplyPlanSchema.safeParse({ target: { type: 'record', kind: 'deal', id: 'd-1' }, start: '2026-12-01' }).success).toBe(true);
    expect(ApplyPlanSchema.safeParse({ target: { type: 'team', team: 'North', records: 'openDeals' } }).success).toBe(true);
    expect(ApplyPlanSchema.safeParse({ target: { type: 'team', team: 'North', records: 'everything' } }).success).toBe(false);
    expect(ApplyPlanSchema.safeParse({ target: { type: 'record', kind: 'product', id: 'p-1' } }).success).toBe(false);
    expect(ApplyPlanSchema.safeParse({ target: { type: 'territory', territoryId: 't-1' }, timeZone: 'Mars/Olympus' }).success).toBe(false);
  });
});

describe('weekly goals', () => {
  it('start on the Monday of the ISO week that holds a day', () => {
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2027-01-01T15:00:00Z')).toBe('2026-12-28');
    expect(periodStartOf('week', '2026-12-03')).toBe('2026-11-30');
    expect(isWeekStart('2026-11-30')).toBe(true);
    expect(isWeekStart('2026-12-01')).toBe(false);
    expect(isWeekStart('2026-11')).toBe(false);
  });

  it('run Monday 00:00 to the next Monday (UTC), over the months their days fall in', () => {
    expect(periodBounds('week', '2026-11-30')).toEqual({ starts: '2026-11-30T00:00:00.000Z', ends: '2026-12-07T00:00:00.000Z' });
    expect(periodMonths('week', '2026-11-30')).toEqual({ from: '2026-11', to: '2026-12' });
    // Thursday noon: 3.5 of 7 days, 10 calls of 20 → on pace for 20.
    expect(progressOf(10, 20, undefined, periodBounds('week', '2026-11-30'), '2026-12-03T12:00:00.000Z')).toMatchObject({ ratio: 0.5, projected: 20, paceRatio: 1 });
  });

  it('are a rep’s activities only, and keep the months’ goals as they were', () => {
    const weekly = { scope: 'rep', memberId: 'rep-1', metric: 'activities', activityKind: 'call', period: 'week', start: '2026-11-30', target: 20 } as const;
    expect(GoalInputSchema.safeParse(weekly).success).toBe(true);
    expect(goalRef(weekly)).toBe('goal:rep:rep-1|activities:call|week|2026-11-30');
    expect(GoalInputSchema.safeParse({ ...weekly, start: '2026-12-01' }).success).toBe(false);
    expect(GoalInputSchema.safeParse({ ...weekly, scope: 'tenant', memberId: undefined }).success).toBe(false);
    expect(GoalInputSchema.safeParse({ ...weekly, metric: 'wonDeals', activityKind: undefined }).success).toBe(false);
    expect(GoalInputSchema.safeParse({ ...weekly, period: 'month', start: '2026-11' }).success).toBe(true);
    expect(GoalInputSchema.safeParse({ ...weekly, period: 'month', start: '2026-11-01' }).success).toBe(false);
  });
});
