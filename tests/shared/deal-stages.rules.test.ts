import { MAX_STAGE_HISTORY, nextStageHistory } from '@rapport/shared';

const at = (day: number) => new Date(Date.UTC(2026, 10, day)).toISOString();

describe('stage history', () => {
  it('starts with the first stage, adds an entry only when the stage changes', () => {
    const created = nextStageHistory(undefined, 'prospecting', at(1));
    expect(created).toEqual([{ stage: 'prospecting', enteredAt: at(1) }]);
    const unchanged = nextStageHistory({ stage: 'prospecting', stageHistory: created }, 'prospecting', at(2));
    expect(unchanged).toBe(created);
    expect(nextStageHistory({ stage: 'prospecting', stageHistory: created }, 'proposal', at(3))).toEqual([...created, { stage: 'proposal', enteredAt: at(3) }]);
  });

  it('starts one for a deal saved before stage history existed', () => {
    expect(nextStageHistory({ stage: 'proposal' }, 'proposal', at(5))).toEqual([{ stage: 'proposal', enteredAt: at(5) }]);
  });

  it(`keeps the last ${MAX_STAGE_HISTORY} changes`, () => {
    let deal = { stage: 's0', stageHistory: nextStageHistory(undefined, 's0', at(1)) };
    for (let i = 1; i <= MAX_STAGE_HISTORY + 5; i++) deal = { stage: `s${i}`, stageHistory: nextStageHistory(deal, `s${i}`, at(1)) };
    expect(deal.stageHistory).toHaveLength(MAX_STAGE_HISTORY);
    expect(deal.stageHistory.at(-1)?.stage).toBe(`s${MAX_STAGE_HISTORY + 5}`);
  });
});
