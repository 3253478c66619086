import { termEndDate, renewedEndDate } from '@rapport/shared';

describe('the last day of a contract term', () => {
  it.each([
    ['2026-01-01', 12, '2026-12-31'],
    ['2026-03-01', 12, '2027-02-28'],
    ['2026-03-01', 1, '2026-03-31'],
    ['2026-07-15', 12, '2027-07-14'],
    ['2026-12-31', 12, '2027-12-30'],
    ['2026-11-20', 3, '2027-02-19'],
  ])('ends a term from %s of %i months on %s, the day before the same day later', (start, months, end) => {
    expect(termEndDate(start, months)).toBe(end);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-01-30', 1, '2026-02-28'],
  ])('ends a term from %s of %i months on %s, the last day of a month without that day', (start, months, end) => {
    expect(termEndDate(start, months)).toBe(end);
  });

  it.each([
    ['2026-12-31', 12, '2027-12-31'],
    ['2024-02-28', 12, '2025-02-28'],
    ['2026-01-30', 1, '2026-02-28'],
    ['2026-02-28', 1, '2026-03-31'],
    ['2026-06-30', 3, '2026-09-30'],
  ])('renews a contract ending on %s for %i months to end on %s', (endDate, termMonths, end) => {
    expect(renewedEndDate({ endDate, renewal: { termMonths } })).toBe(end);
  });
});
