import { satisfactionBand, scoresOf } from '@rapport/shared/surveys/survey.rules';

describe('satisfaction bands', () => {
  it('reads a CSAT of 1–2 as low, 3 as in between, 4–5 as high', () => {
    expect(scoresOf('csat').map((score) => satisfactionBand('csat', score))).toEqual(['low', 'low', 'mid', 'high', 'high']);
  });

  it('reads an NPS detractor (0–6) as low, a passive (7–8) in between, a promoter (9–10) as high', () => {
    expect(scoresOf('nps').map((score) => satisfactionBand('nps', score))).toEqual(['low', 'low', 'low', 'low', 'low', 'low', 'low', 'mid', 'mid', 'high', 'high']);
  });
});
