import {
  allDaySpan,
  dayInterval,
  findConflicts,
  findFreeSlots,
  fromGraphDateTime,
  fromWallTime,
  isoDurationMinutes,
  minutesToIsoDuration,
  overlaps,
  toGraphDateTime,
  toWallTime,
  type BusyInterval,
} from '@rapport/shared';

const busy = (person: string, start: string, end: string, status: BusyInterval['status'] = 'busy'): BusyInterval => ({ person, start, end, status });

describe('wall time in a time zone', () => {
  it('reads an instant as the clock shows it in the zone', () => {
    expect(toWallTime('2026-07-01T08:00:00.000Z', 'Europe/Madrid')).toEqual({ date: '2026-07-01', time: '10:00' });
    expect(toWallTime('2026-12-01T08:00:00.000Z', 'Europe/Madrid')).toEqual({ date: '2026-12-01', time: '09:00' });
    expect(toWallTime('2026-11-23T02:00:00.000Z', 'America/Los_Angeles')).toEqual({ date: '2026-11-22', time: '18:00' });
  });

  it('turns a clock time into the instant it stands for, on either side of a daylight-saving change', () => {
    expect(fromWallTime({ date: '2026-03-07', time: '09:00' }, 'America/New_York')).toBe('2026-03-07T14:00:00.000Z');
    expect(fromWallTime({ date: '2026-03-09', time: '09:00' }, 'America/New_York')).toBe('2026-03-09T13:00:00.000Z');
    expect(fromWallTime({ date: '2026-10-26', time: '09:00' }, 'Europe/Madrid')).toBe('2026-10-26T08:00:00.000Z');
  });

  it('moves a time the clocks skip forward by the gap, and takes the first of a time that happens twice', () => {
    // 02:30 does not exist in New York on 8 March 2026: calendars book it at 03:30.
    expect(fromWallTime({ date: '2026-03-08', time: '02:30' }, 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(toWallTime('2026-03-08T07:30:00.000Z', 'America/New_York')).toEqual({ date: '2026-03-08', time: '03:30' });
    // 02:30 happens twice in Madrid on 25 October 2026: the summer-time one comes first.
    expect(fromWallTime({ date: '2026-10-25', time: '02:30' }, 'Europe/Madrid')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('makes a day 23 or 25 hours long when the clocks change', () => {
    const hours = (span: { start: string; end: string }) => (Date.parse(span.end) - Date.parse(span.start)) / 3_600_000;
    expect(hours(dayInterval('2026-03-08', 'America/New_York'))).toBe(23);
    expect(hours(dayInterval('2026-10-25', 'Europe/Madrid'))).toBe(25);
    expect(hours(dayInterval('2026-11-23', 'Asia/Kolkata'))).toBe(24);
    expect(dayInterval('2026-11-23', 'Asia/Kolkata').start).toBe('2026-11-22T18:30:00.000Z');
  });

  it("reads and writes Graph's date-times, which carry the zone beside the clock time", () => {
    expect(fromGraphDateTime({ dateTime: '2026-11-23T09:00:00.0000000', timeZone: 'UTC' })).toBe('2026-11-23T09:00:00.000Z');
    expect(fromGraphDateTime({ dateTime: '2026-07-01T10:00:00', timeZone: 'Europe/Madrid' })).toBe('2026-07-01T08:00:00.000Z');
    expect(toGraphDateTime('2026-11-23T09:30:00.000Z')).toEqual({ dateTime: '2026-11-23T09:30:00', timeZone: 'UTC' });
  });

  it("reads and writes Graph's meeting durations", () => {
    expect(isoDurationMinutes('PT1H30M')).toBe(90);
    expect(isoDurationMinutes('PT45M')).toBe(45);
    expect(isoDurationMinutes('P1D')).toBe(1440);
    expect(isoDurationMinutes('PT')).toBeNull();
    expect(isoDurationMinutes('90 minutes')).toBeNull();
    expect(minutesToIsoDuration(90)).toBe('PT1H30M');
    expect(minutesToIsoDuration(60)).toBe('PT1H');
    expect(minutesToIsoDuration(15)).toBe('PT15M');
  });
});

describe('conflicts of a proposed slot', () => {
  const slot = { start: '2026-11-24T10:00:00.000Z', end: '2026-11-24T11:00:00.000Z' };

  it('does not count a meeting that ends as the slot begins, or begins as it ends', () => {
    expect(overlaps(slot, { start: '2026-11-24T09:00:00.000Z', end: '2026-11-24T10:00:00.000Z' })).toBe(false);
    expect(overlaps(slot, { start: '2026-11-24T11:00:00.000Z', end: '2026-11-24T12:00:00.000Z' })).toBe(false);
    expect(overlaps(slot, { start: '2026-11-24T10:59:00.000Z', end: '2026-11-24T12:00:00.000Z' })).toBe(true);
    expect(overlaps(slot, { start: '2026-11-24T09:00:00.000Z', end: '2026-11-24T10:01:00.000Z' })).toBe(true);
  });

  it('names who is busy and when, busy before tentative, and ignores free time and work elsewhere', () => {
    const conflicts = findConflicts(slot, [
      busy('sam@rapport-demo.com', '2026-11-24T10:30:00.000Z', '2026-11-24T11:30:00.000Z', 'tentative'),
      busy('avery@rapport-demo.com', '2026-11-24T10:30:00.000Z', '2026-11-24T11:00:00.000Z', 'busy'),
      busy('avery@rapport-demo.com', '2026-11-24T09:30:00.000Z', '2026-11-24T10:15:00.000Z', 'oof'),
      busy('avery@rapport-demo.com', '2026-11-24T10:00:00.000Z', '2026-11-24T11:00:00.000Z', 'free'),
      busy('sam@rapport-demo.com', '2026-11-24T10:00:00.000Z', '2026-11-24T11:00:00.000Z', 'workingElsewhere'),
      busy('sam@rapport-demo.com', '2026-11-24T11:00:00.000Z', '2026-11-24T12:00:00.000Z', 'busy'),
    ]);
    expect(conflicts).toEqual([
      { person: 'avery@rapport-demo.com', start: '2026-11-24T09:30:00.000Z', end: '2026-11-24T10:15:00.000Z', severity: 'busy' },
      { person: 'avery@rapport-demo.com', start: '2026-11-24T10:30:00.000Z', end: '2026-11-24T11:00:00.000Z', severity: 'busy' },
      { person: 'sam@rapport-demo.com', start: '2026-11-24T10:30:00.000Z', end: '2026-11-24T11:30:00.000Z', severity: 'tentative' },
    ]);
  });

  it("blocks a whole local day for an all-day event, in the person's own time zone", () => {
    const holiday = allDaySpan('2026-11-26', '2026-11-26', 'America/New_York');
    expect(holiday).toEqual({ start: '2026-11-26T05:00:00.000Z', end: '2026-11-27T05:00:00.000Z' });
    const lateEvening = { start: '2026-11-27T04:00:00.000Z', end: '2026-11-27T04:30:00.000Z' }; // 23:00 on the 26th in New York
    const nextMorning = { start: '2026-11-27T14:00:00.000Z', end: '2026-11-27T15:00:00.000Z' };
    const allDay = [busy('avery@rapport-demo.com', holiday.start, holiday.end, 'oof')];
    expect(findConflicts(lateEvening, allDay)).toHaveLength(1);
    expect(findConflicts(nextMorning, allDay)).toEqual([]);
  });
});

describe('free slots', () => {
  const hours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Europe/Madrid' };

  it('offers the first slots in working hours that nobody has taken', () => {
    const slots = findFreeSlots({
      from: '2026-11-24T07:00:00.000Z', // Tuesday 08:00 in Madrid
      durationMinutes: 60,
      workingHours: hours,
      busy: [
        busy('avery@rapport-demo.com', '2026-11-24T08:00:00.000Z', '2026-11-24T09:00:00.000Z'), // 09:00–10:00 local
        busy('sam@rapport-demo.com', '2026-11-24T09:30:00.000Z', '2026-11-24T10:00:00.000Z', 'tentative'), // 10:30–11:00
      ],
    });
    expect(slots).toEqual([
      { start: '2026-11-24T10:00:00.000Z', end: '2026-11-24T11:00:00.000Z' },
      { start: '2026-11-24T10:30:00.000Z', end: '2026-11-24T11:30:00.000Z' },
      { start: '2026-11-24T11:00:00.000Z', end: '2026-11-24T12:00:00.000Z' },
    ]);
  });

  it('skips weekends and the rest of a day too short for the meeting', () => {
    const slots = findFreeSlots({ from: '2026-11-27T15:00:00.000Z', durationMinutes: 90, workingHours: hours, busy: [], count: 2 }); // Friday 16:00 local
    expect(slots.map((slot) => toWallTime(slot.start, 'Europe/Madrid'))).toEqual([
      { date: '2026-11-30', time: '09:00' },
      { date: '2026-11-30', time: '09:30' },
    ]);
  });

  it('keeps the local grid across a daylight-saving change', () => {
    const slots = findFreeSlots({
      from: '2026-10-23T16:00:00.000Z', // Friday evening before the change
      durationMinutes: 30,
      workingHours: hours,
      busy: [],
      count: 1,
    });
    expect(slots).toEqual([{ start: '2026-10-26T08:00:00.000Z', end: '2026-10-26T08:30:00.000Z' }]); // Monday 09:00 in winter time
  });

  it('offers nothing when the horizon is fully booked', () => {
    const wall = busy('avery@rapport-demo.com', '2026-11-23T00:00:00.000Z', '2026-12-31T00:00:00.000Z', 'oof');
    expect(findFreeSlots({ from: '2026-11-24T07:00:00.000Z', durationMinutes: 30, workingHours: hours, busy: [wall], horizonDays: 10 })).toEqual([]);
  });
});
