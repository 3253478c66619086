import { nextTeamHistory, teamDayOf, teamOn } from '@rapport/shared';

describe("a member's team history", () => {
  const added = { createdAt: '2026-01-05T09:00:00Z' };

  it('starts when a member is first given a team, and grows only when the team changes', () => {
    const first = nextTeamHistory(undefined, 'North', '2026-01-05');
    expect(first).toEqual([{ team: 'North', from: '2026-01-05' }]);
    expect(nextTeamHistory({ ...added, team: 'North', teamHistory: first }, 'North', '2026-03-01')).toEqual(first);
    expect(nextTeamHistory({ ...added, team: 'North', teamHistory: first }, 'South', '2026-11-16')).toEqual([
      { team: 'North', from: '2026-01-05' },
      { team: 'South', from: '2026-11-16' },
    ]);
    // Nobody without a team has a history.
    expect(nextTeamHistory(undefined, undefined, '2026-01-05')).toEqual([]);
  });

  it('dates a team given before histories were kept from when the member was added', () => {
    expect(nextTeamHistory({ ...added, team: 'North' }, 'South', '2026-11-16')).toEqual([
      { team: 'North', from: '2026-01-05' },
      { team: 'South', from: '2026-11-16' },
    ]);
  });

  it('keeps only the last team of a day with several changes, and records leaving every team', () => {
    const history = [{ team: 'North', from: '2026-01-05' }, { team: 'South', from: '2026-11-16' }];
    expect(nextTeamHistory({ ...added, team: 'South', teamHistory: history }, 'West', '2026-11-16')).toEqual([{ team: 'North', from: '2026-01-05' }, { team: 'West', from: '2026-11-16' }]);
    expect(nextTeamHistory({ ...added, team: 'South', teamHistory: history }, 'North', '2026-11-16')).toEqual([{ team: 'North', from: '2026-01-05' }]);
    expect(nextTeamHistory({ ...added, team: 'South', teamHistory: history }, undefined, '2026-12-01')).toEqual([...history, { team: '', from: '2026-12-01' }]);
  });

  it('tells the team of a day, and which day a month counts on', () => {
    const member = { team: 'South', teamHistory: [{ team: 'North', from: '2026-01-05' }, { team: 'South', from: '2026-11-16' }] };
    expect(teamOn(member, '2026-01-04')).toBe('');
    expect(teamOn(member, '2026-10-31')).toBe('north');
    expect(teamOn(member, '2026-11-16')).toBe('south');
    // Members from before histories: their team as it is.
    expect(teamOn({ team: ' North ' }, '2020-01-01')).toBe('north');
    expect(teamDayOf('2026-10', '2026-11-20')).toBe('2026-10-31');
    expect(teamDayOf('2026-02', '2026-11-20')).toBe('2026-02-28');
    expect(teamDayOf('2026-11', '2026-11-20')).toBe('2026-11-20');
  });
});
