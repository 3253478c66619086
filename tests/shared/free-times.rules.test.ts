import {
  addDays,
  fromWallTime,
  freeTimesDays,
  freeTimesHtml,
  freeTimesText,
  ianaTimeZoneOf,
  isKnownTimeZone,
  sameClockFor,
  spreadOverDays,
  timeZoneName,
  timeZoneOfCountry,
  windowsTimeZoneNames,
  windowsTimeZoneOf,
  type TimeSlot,
} from '@rapport/shared';

// Intl separates a range's parts with thin and no-break spaces; compare with plain ones.
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ');
const madrid = (date: string, time: string) => fromWallTime({ date, time }, 'Europe/Madrid');
const slot = (date: string, from: string, to: string, toDate = date): TimeSlot => ({ start: madrid(date, from), end: madrid(toDate, to) });
const english = { timeZone: 'Europe/Madrid', locale: 'en-GB', heading: 'Would one of these times suit you?', zoneNote: '(Times in {zone})' };

// Wednesday 2 and Thursday 3 December 2026.
const slots = [slot('2026-12-02', '10:00', '10:30'), slot('2026-12-02', '14:00', '14:30'), slot('2026-12-03', '09:30', '10:00')];

describe('the free times a rep proposes in an e-mail', () => {
  it('lists each time on a line under the question, and names the zone they are in', () => {
    expect(plain(freeTimesText(slots, english))).toBe(
      'Would one of these times suit you?\n• Wed 2 Dec, 10:00–10:30\n• Wed 2 Dec, 14:00–14:30\n• Thu 3 Dec, 09:30–10:00\n(Times in Central European Time)',
    );
  });

  it('writes the times in the zone asked for, with that zone named', () => {
    const pacific = plain(freeTimesText(slots.slice(0, 1), { ...english, timeZone: 'America/Los_Angeles' }));
    expect(pacific).toBe('Would one of these times suit you?\n• Wed 2 Dec, 01:00–01:30\n(Times in Pacific Time)');
  });

  it('names both days of a time that crosses midnight in the zone it is written in', () => {
    // 16:30–17:30 in Madrid is 00:30–01:30 the next day in Tokyo.
    const late = [slot('2026-12-02', '16:30', '17:30')];
    expect(plain(freeTimesText(late, { ...english, timeZone: 'Asia/Tokyo' })).split('\n')[1]).toBe('• Thu 3 Dec, 00:30–01:30');
    const across = [slot('2026-12-02', '23:30', '00:30', '2026-12-03')];
    expect(plain(freeTimesText(across, english)).split('\n')[1]).toBe('• Wed 2 Dec, 23:30 – Thu 3 Dec, 00:30');
  });

  it("follows the locale's way of writing dates and its name for the zone", () => {
    const spanish = { timeZone: 'Europe/Madrid', locale: 'es-ES', heading: '¿Le viene bien alguno de estos horarios?', zoneNote: '(Zona horaria: {zone})' };
    expect(plain(freeTimesText(slots.slice(0, 1), spanish))).toBe('¿Le viene bien alguno de estos horarios?\n• mié, 2 dic, 10:00–10:30\n(Zona horaria: hora de Europa central)');
    expect(plain(freeTimesText(slots.slice(0, 1), { ...english, locale: 'en-US' })).split('\n')[1]).toBe('• Wed, Dec 2, 10:00 – 10:30 AM');
  });

  it('puts the times in order and each once', () => {
    const text = freeTimesText([slots[2]!, slots[0]!, slots[2]!], english);
    expect(text.split('\n').slice(1, -1).map(plain)).toEqual(['• Wed 2 Dec, 10:00–10:30', '• Thu 3 Dec, 09:30–10:00']);
  });

  it('writes the same as HTML, each text escaped', () => {
    const html = plain(freeTimesHtml(slots.slice(0, 2), { ...english, heading: 'Fancy a <b>chat</b> & a "coffee"?' }));
    expect(html).toBe(
      '<p>Fancy a &lt;b&gt;chat&lt;/b&gt; &amp; a &quot;coffee&quot;?</p><ul><li>Wed 2 Dec, 10:00–10:30</li><li>Wed 2 Dec, 14:00–14:30</li></ul><p>(Times in Central European Time)</p>',
    );
  });

  it('names a zone without a generic name by the name Intl has, and falls back to English for a locale it cannot read', () => {
    expect(timeZoneName('UTC', 'en-GB', madrid('2026-12-02', '10:00'))).toBe('Coordinated Universal Time');
    expect(plain(freeTimesText(slots.slice(0, 1), { ...english, locale: 'not a locale!' })).split('\n')[1]).toMatch(/^• Wed.*Dec.*2.*10:00/);
  });
});

describe('where to look for free times', () => {
  const hours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Europe/Madrid' };
  const dayOf = (date: string) => ({ start: madrid(date, '00:00'), end: madrid(addDays(date, 1), '00:00') });

  it('looks in the next five working days, today from now while its working hours last', () => {
    // Monday 30 November 2026, 10:00 in Madrid: Monday (from now) to Friday.
    expect(freeTimesDays(madrid('2026-11-30', '10:00'), hours)).toEqual([
      { start: madrid('2026-11-30', '10:00'), end: madrid('2026-12-01', '00:00') },
      dayOf('2026-12-01'),
      dayOf('2026-12-02'),
      dayOf('2026-12-03'),
      dayOf('2026-12-04'),
    ]);
    // At 18:00 Monday's working day is over: Tuesday to the next Monday.
    expect(freeTimesDays(madrid('2026-11-30', '18:00'), hours).map((day) => day.start)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07'].map((date) => madrid(date, '00:00')));
    // From Saturday: Monday to Friday.
    expect(freeTimesDays(madrid('2026-12-05', '11:00'), hours).at(-1)).toEqual(dayOf('2026-12-11'));
  });

  it('counts the days the rep works, in their zone', () => {
    const dubai = { days: [0, 1, 2, 3, 4], start: '08:30', end: '17:00', timeZone: 'Asia/Dubai' };
    // Thursday 3 December 2026, 12:00 in Dubai (UTC+4): Thursday, Sunday, Monday, Tuesday, Wednesday.
    expect(freeTimesDays('2026-12-03T08:00:00Z', dubai).map((day) => day.end)).toEqual(['2026-12-03', '2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09'].map((date) => `${date}T20:00:00.000Z`));
  });

  it('spreads the times over the days, then takes more of each day without overlaps, in time order', () => {
    const monday = [slot('2026-11-30', '09:00', '10:00'), slot('2026-11-30', '09:30', '10:30'), slot('2026-11-30', '10:00', '11:00')];
    const tuesday = [slot('2026-12-01', '15:00', '16:00')];
    expect(spreadOverDays([monday, tuesday, []], 2)).toEqual([monday[0], tuesday[0]]);
    // Tuesday has no more; Monday's next that does not overlap 09:00–10:00 is 10:00–11:00.
    expect(spreadOverDays([monday, tuesday, []], 5)).toEqual([monday[0], monday[2], tuesday[0]]);
    expect(spreadOverDays([], 5)).toEqual([]);
  });

  it('tells when two zones show the same clock for the times, so the choice between them does not matter', () => {
    expect(sameClockFor(slots, 'Europe/Madrid', 'Europe/Paris')).toBe(true);
    expect(sameClockFor(slots, 'Europe/Madrid', 'Europe/Lisbon')).toBe(false);
  });
});

describe('time zones as Graph and the CRM name them', () => {
  it("reads Graph's Windows zone names as IANA names, and IANA names as they are", () => {
    expect(ianaTimeZoneOf('Pacific Standard Time')).toBe('America/Los_Angeles');
    expect(ianaTimeZoneOf('Romance Standard Time')).toBe('Europe/Paris');
    expect(ianaTimeZoneOf('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(ianaTimeZoneOf('Europe/Madrid')).toBe('Europe/Madrid');
    expect(ianaTimeZoneOf('UTC')).toBe('UTC');
    expect([ianaTimeZoneOf('Customized Time Zone'), ianaTimeZoneOf(''), ianaTimeZoneOf(undefined)]).toEqual([null, null, null]);
  });

  it('maps every Windows zone it knows to a zone this runtime knows, and back', () => {
    expect(windowsTimeZoneNames.filter((name) => !isKnownTimeZone(ianaTimeZoneOf(name) ?? ''))).toEqual([]);
    expect(windowsTimeZoneOf('America/Los_Angeles')).toBe('Pacific Standard Time');
    expect(windowsTimeZoneOf('Europe/Madrid')).toBeNull();
  });

  it("takes a customer's zone from their country, written as a code or a name in the CRM's languages or its own", () => {
    expect(['ES', 'Spain', 'España', 'espana', 'Espanha', 'Spagna'].map(timeZoneOfCountry)).toEqual(Array(6).fill('Europe/Madrid'));
    expect(['Deutschland', 'Germany', 'Alemania'].map(timeZoneOfCountry)).toEqual(Array(3).fill('Europe/Berlin'));
    expect(['UK', 'United Kingdom', 'Reino Unido', 'England'].map(timeZoneOfCountry)).toEqual(Array(4).fill('Europe/London'));
    expect([timeZoneOfCountry('The Netherlands'), timeZoneOfCountry('Portugal'), timeZoneOfCountry('Italia'), timeZoneOfCountry('JP')]).toEqual([
      'Europe/Amsterdam',
      'Europe/Lisbon',
      'Europe/Rome',
      'Asia/Tokyo',
    ]);
  });

  it('gives no zone for a country with several, nor for one it does not know', () => {
    expect(['US', 'United States', 'Brazil', 'Brasil', 'Mexico', 'Australia', 'Canada', 'Russia', 'Atlantis', '', undefined].map(timeZoneOfCountry)).toEqual(Array(11).fill(null));
  });
});
