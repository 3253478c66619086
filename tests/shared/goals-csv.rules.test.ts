import { goalsFromCsv } from '@rapport/shared';

const members = [
  { id: 'rep-ana', displayName: 'Ana Souza', email: 'ana@contoso.com' },
  { id: 'rep-ben', displayName: 'Ben Okafor' },
];

describe('goals from a CSV file', () => {
  it('reads one goal per line by the header’s column names, reps by name or e-mail, quarters either way', () => {
    const csv = ['Rep,Period,Start,Target,Stretch', 'Ana Souza,quarter,2026-Q4,"120,000",150000', 'ANA@contoso.com,month,2026-11,40000,', 'ben okafor,year,2027-01,500000,'].join('\n');
    expect(goalsFromCsv(csv, members)).toEqual({
      goals: [
        { line: 2, goal: { scope: 'rep', memberId: 'rep-ana', metric: 'wonAmount', period: 'quarter', start: '2026-10', target: 120000, stretch: 150000 } },
        { line: 3, goal: { scope: 'rep', memberId: 'rep-ana', metric: 'wonAmount', period: 'month', start: '2026-11', target: 40000 } },
        { line: 4, goal: { scope: 'rep', memberId: 'rep-ben', metric: 'wonAmount', period: 'year', start: '2027-01', target: 500000 } },
      ],
      problems: [],
    });
  });

  it('takes other metrics, activity kinds for activities, and names each line it cannot read', () => {
    const csv = [
      'rep,metric,activity kind,period,start,target,stretch',
      'Ana Souza,activities,call,month,2026-11,25,30',
      'Ana Souza,newDeals,,month,2026-11,8,',
      'Nobody,wonAmount,,month,2026-11,1,',
      'Ana Souza,activities,,month,2026-11,1,',
      'Ana Souza,wonAmount,,week,2026-11,1,',
      'Ana Souza,wonAmount,,quarter,2026-11,1,',
      'Ana Souza,wonAmount,,month,2026-11,lots,',
      'Ana Souza,wonAmount,,month,2026-11,10,5',
      ',,,,,,',
    ].join('\n');
    const { goals, problems } = goalsFromCsv(csv, members);
    expect(goals.map((entry) => [entry.line, entry.goal.metric, entry.goal.activityKind])).toEqual([[2, 'activities', 'call'], [3, 'newDeals', undefined]]);
    expect(problems).toEqual([
      { line: 4, problem: 'rep', value: 'Nobody' },
      { line: 5, problem: 'metric', value: 'activities' },
      { line: 6, problem: 'period', value: 'week' },
      { line: 7, problem: 'start', value: '2026-11' },
      { line: 8, problem: 'target', value: 'lots' },
      { line: 9, problem: 'stretch', value: '5' },
    ]);
  });

  it('says which needed columns are missing, and where a file cannot be read', () => {
    expect(goalsFromCsv('rep,target\nAna Souza,10', members)).toEqual({ goals: [], problems: [{ line: 1, problem: 'columns', value: 'period, start' }] });
    expect(goalsFromCsv('rep,period,start,target\n"Ana,month,2026-11,10', members).problems[0]).toMatchObject({ problem: 'format' });
  });
});
