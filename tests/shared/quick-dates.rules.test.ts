import { firstWorkingDay, quickDateAt, workingHoursOf, type QuickDate } from '@rapport/shared';

const madrid = workingHoursOf({ timeZone: 'Europe/Madrid', workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } }, 'UTC');
const all = (now: string, hours = madrid) =>
  Object.fromEntries((['tomorrow', 'in-three-days', 'next-week'] as QuickDate[]).map((which) => [which, quickDateAt(which, now, hours)]));

describe('quick dates to snooze a task or plan a follow-up', () => {
  it('falls at the start of the working day, in the mailbox zone, on the next days the user works', () => {
    // Tuesday 1 December 2026, 15:00 in Madrid (UTC+1).
    expect(all('2026-12-01T14:00:00Z')).toEqual({
      tomorrow: '2026-12-02T08:00:00.000Z',
      'in-three-days': '2026-12-04T08:00:00.000Z',
      'next-week': '2026-12-07T08:00:00.000Z',
    });
  });

  it('skips the days the user does not work: from a Thursday, in three days is Monday; from Friday, tomorrow is too', () => {
    expect(quickDateAt('in-three-days', '2026-12-03T10:00:00Z', madrid)).toBe('2026-12-07T08:00:00.000Z');
    expect(quickDateAt('tomorrow', '2026-12-04T10:00:00Z', madrid)).toBe('2026-12-07T08:00:00.000Z');
    // A Sunday-to-Thursday week starting at 08:30: from Thursday, tomorrow is Sunday.
    const dubai = workingHoursOf({ timeZone: 'Asia/Dubai', workingHours: { days: [0, 1, 2, 3, 4], start: '08:30', end: '17:00' } }, 'UTC');
    expect(quickDateAt('tomorrow', '2026-12-03T10:00:00Z', dubai)).toBe('2026-12-06T04:30:00.000Z');
  });

  it('makes next week the next Monday, a whole week on when today is Monday', () => {
    expect(quickDateAt('next-week', '2026-12-07T10:00:00Z', madrid)).toBe('2026-12-14T08:00:00.000Z');
    expect(quickDateAt('next-week', '2026-12-06T10:00:00Z', madrid)).toBe('2026-12-07T08:00:00.000Z');
  });

  it('keeps 09:00 on the clock across a daylight-saving change', () => {
    // Friday 27 March 2026 in Madrid (UTC+1); the clocks go forward on Sunday the 29th, so Monday 09:00 is 07:00 UTC.
    expect(all('2026-03-27T10:00:00Z')).toEqual({
      tomorrow: '2026-03-30T07:00:00.000Z',
      'in-three-days': '2026-03-30T07:00:00.000Z',
      'next-week': '2026-03-30T07:00:00.000Z',
    });
    // New York goes back to UTC-5 on Sunday 1 November 2026.
    const newYork = workingHoursOf({ timeZone: 'America/New_York' }, 'UTC');
    expect(quickDateAt('tomorrow', '2026-10-29T15:00:00Z', newYork)).toBe('2026-10-30T13:00:00.000Z');
    expect(quickDateAt('next-week', '2026-10-29T15:00:00Z', newYork)).toBe('2026-11-02T14:00:00.000Z');
  });

  it("counts days in the user's zone, far from the machine's: Tuesday evening in UTC is Wednesday morning in Auckland", () => {
    const auckland = workingHoursOf({ timeZone: 'Pacific/Auckland' }, 'UTC');
    // 20:00 UTC on Tuesday 1 December is 09:00 on Wednesday the 2nd in Auckland (UTC+13 in summer).
    expect(quickDateAt('tomorrow', '2026-12-01T20:00:00Z', auckland)).toBe('2026-12-02T20:00:00.000Z');
    expect(quickDateAt('next-week', '2026-12-01T20:00:00Z', auckland)).toBe('2026-12-06T20:00:00.000Z');
    // Hawaii, the other side: still Tuesday there.
    const honolulu = workingHoursOf({ timeZone: 'Pacific/Honolulu' }, 'UTC');
    expect(quickDateAt('tomorrow', '2026-12-02T08:00:00Z', honolulu)).toBe('2026-12-02T19:00:00.000Z');
  });

  it("falls back to the browser's zone and 09:00 Monday to Friday when the mailbox says nothing usable", () => {
    expect(workingHoursOf(undefined, 'America/Sao_Paulo')).toEqual({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'America/Sao_Paulo' });
    // Outlook may name a Windows zone, which Intl does not know; a week with no working day is no week.
    expect(workingHoursOf({ timeZone: 'Romance Standard Time', workingHours: { days: [], start: '08:00', end: '16:00' } }, 'Europe/Rome')).toEqual({
      days: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '17:00',
      timeZone: 'Europe/Rome',
    });
    expect(quickDateAt('tomorrow', '2026-12-01T10:00:00Z', workingHoursOf(undefined, 'Europe/Rome'))).toBe('2026-12-02T08:00:00.000Z');
  });

  it('finds the first working day on or after a date', () => {
    expect(firstWorkingDay('2026-12-05', { days: [1, 2, 3, 4, 5] })).toBe('2026-12-07');
    expect(firstWorkingDay('2026-12-04', { days: [1, 2, 3, 4, 5] })).toBe('2026-12-04');
  });
});
