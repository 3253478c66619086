import { GoalInputSchema, addMonths, goalRef, isPeriodStart, periodBounds, periodMonths, periodStartOf, progressOf } from '@rapport/shared';

describe('goal periods', () => {
  it('counts months across years and knows where periods start', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(isPeriodStart('quarter', '2026-10')).toBe(true);
    expect(isPeriodStart('quarter', '2026-11')).toBe(false);
    expect(isPeriodStart('year', '2026-02')).toBe(false);
    expect(periodStartOf('quarter', '2026-11-30')).toBe('2026-10');
    expect(periodStartOf('year', '2026-11-30')).toBe('2026-01');
    expect(periodMonths('quarter', '2026-10')).toEqual({ from: '2026-10', to: '2026-12' });
    expect(periodBounds('quarter', '2026-10')).toEqual({ starts: '2026-10-01T00:00:00.000Z', ends: '2027-01-01T00:00:00.000Z' });
  });
});

describe('progress toward a goal', () => {
  const november = periodBounds('month', '2026-11');
  it('is the actual over the target, with the pace the period is on', () => {
    // Halfway through November (15 of 30 days), 4 of 10: at this rate, 8 by the end, 80 %.
    expect(progressOf(4, 10, 12, november, '2026-11-16T00:00:00.000Z')).toEqual({ ratio: 0.4, stretchRatio: 4 / 12, projected: 8, paceRatio: 0.8 });
  });
  it('is exactly reached at 100 %, and the projection is the actual once the period is over', () => {
    expect(progressOf(10, 10, undefined, november, '2026-12-05T00:00:00.000Z')).toEqual({ ratio: 1, stretchRatio: null, projected: 10, paceRatio: 1 });
  });
  it('has no ratio for a goal of zero, and projects nothing before its period', () => {
    expect(progressOf(3, 0, undefined, november, '2026-11-16T00:00:00.000Z')).toMatchObject({ ratio: null, paceRatio: null });
    expect(progressOf(0, 10, undefined, november, '2026-10-20T00:00:00.000Z')).toEqual({ ratio: 0, stretchRatio: null, projected: 0, paceRatio: null });
  });
});

describe('a goal as set', () => {
  const valid = { scope: 'rep', memberId: 'rep-1', metric: 'wonAmount', period: 'quarter', start: '2026-10', target: 50000 } as const;
  it('names whom it is for and what counts, and starts where its period may', () => {
    expect(GoalInputSchema.safeParse(valid).success).toBe(true);
    const problems = (input: object) => GoalInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.'));
    expect(problems({ ...valid, memberId: undefined })).toEqual(['memberId']);
    expect(problems({ ...valid, start: '2026-11' })).toEqual(['start']);
    expect(problems({ ...valid, metric: 'activities' })).toEqual(['activityKind']);
    expect(problems({ ...valid, stretch: 40000 })).toEqual(['stretch']);
    expect(problems({ scope: 'team', metric: 'wonDeals', period: 'month', start: '2026-11', target: 5 })).toEqual(['team']);
  });
  it('is one per whom, what and period', () => {
    expect(goalRef({ ...valid })).toBe('goal:rep:rep-1|wonAmount|quarter|2026-10');
    expect(goalRef({ scope: 'team', team: 'North', metric: 'activities', activityKind: 'call', period: 'month', start: '2026-11' })).toBe('goal:team:north|activities:call|month|2026-11');
  });
});
