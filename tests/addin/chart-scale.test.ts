import { fitLabel, linearScale, niceTicks } from '../../addin/src/dashboard/charts/chart-scale';
import { formatTick } from '../../addin/src/dashboard/report-format';
import { translatorFor } from '../../addin/src/i18n/catalogs';

describe("the dashboard charts' scales", () => {
  it('draws round ticks from zero to just above the highest value', () => {
    expect(niceTicks(0, 9.5, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0, 8.1, 4)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0, 3_870_000, 4)).toEqual([0, 1_000_000, 2_000_000, 3_000_000, 4_000_000]);
  });

  it('reaches below zero for a negative value (an NPS) and rounds fractions to their step', () => {
    expect(niceTicks(-35, 60, 4)).toEqual([-40, -20, 0, 20, 40, 60]);
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('draws an axis from 0 to 1 when every value is 0', () => {
    expect(niceTicks(0, 0, 5)).toEqual([0, 1]);
  });

  it('maps its domain onto its range, either way round', () => {
    const y = linearScale(0, 100, 200, 0);
    expect([y(0), y(50), y(100)]).toEqual([200, 100, 0]);
  });

  it('breaks a long label between words, and cuts the last line with an ellipsis', () => {
    expect(fitLabel('Sales seat (annual)', 30, 2)).toEqual(['Sales seat (annual)']);
    expect(fitLabel('Sales seat (annual)', 12, 2)).toEqual(['Sales seat ', '(annual)']);
    expect(fitLabel('Sales seat (annual) with onboarding', 12, 2)).toEqual(['Sales seat ', '(annual) wi…']);
    expect(fitLabel('Consultoria de implementação', 10, 1)).toEqual(['Consultor…']);
  });

  it('breaks a word longer than a line with a hyphen', () => {
    // The pipeline chart at 320 px: "Qualificati" over "on" read as two words.
    expect(fitLabel('Qualification', 11, 2)).toEqual(['Qualificat-', 'ion']);
    expect(fitLabel('Qualificationsprozesse', 11, 2)).toEqual(['Qualificat-', 'ionsprozes…']);
    // A word that has its own hyphen or slash is broken there, with no hyphen added.
    expect(fitLabel('Sales-operations', 7, 2)).toEqual(['Sales-', 'operat…']);
    expect(fitLabel('E-Mail-Kampagne', 7, 2)).toEqual(['E-Mail-', 'Kampag…']);
    expect(fitLabel('Pós-venda', 4, 2)).toEqual(['Pós-', 'venda'.slice(0, 3) + '…']);
    expect(fitLabel('Sales/Marketing', 7, 2)).toEqual(['Sales/', 'Market…']);
    // Between a letter and a figure, or at the narrowest line, no hyphen either.
    expect(fitLabel('Q3Q4', 4, 1)).toEqual(['Q3Q4']);
    expect(fitLabel('Abc1234567', 4, 2)).toEqual(['Abc', '123…']);
    expect(fitLabel('Renewal', 7, 2)).toEqual(['Renewal']);
  });

  it('writes rate ticks that differ where the steps are finer than a point', () => {
    const rate = { key: 'conversionRate', kind: 'percent' as const };
    const ticks = niceTicks(0, 0.012, 4).map((value) => formatTick(translatorFor('en-US'), rate, value, 'EUR'));
    expect(ticks).toEqual(['0%', '0.2%', '0.4%', '0.6%', '0.8%', '1%', '1.2%']);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(niceTicks(0, 0.7, 3).map((value) => formatTick(translatorFor('en-US'), rate, value, 'EUR'))).toEqual(['0%', '20%', '40%', '60%', '80%']);
  });
});
