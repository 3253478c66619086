import { OutlookError } from '../../addin/src/graph/outlook-error';
import { findConflicts, fromWallTime } from '@rapport/shared';
import { calendarApi } from '../../addin/src/graph/calendar';
import { COLLEAGUE, ME, startCalendarFixture, type CalendarFixture } from './local-calendar';

// Tuesday 24 November 2026, in Madrid (UTC+1).
const now = new Date('2026-11-23T08:00:00.000Z');
const madrid = (time: string, date = '2026-11-24') => fromWallTime({ date, time }, 'Europe/Madrid');
const meeting = (subject: string, start: string, end: string, showAs: 'busy' | 'tentative' = 'busy') => ({
  subject,
  body: '',
  start,
  end,
  isAllDay: false,
  showAs,
  isOnlineMeeting: false,
  attendees: [],
});

describe('the Graph calendar module against the local calendar service', () => {
  let fixture: CalendarFixture;

  beforeEach(async () => {
    fixture = await startCalendarFixture(() => now);
    fixture.calendar.createEvent(ME, meeting('Pipeline review', madrid('10:00'), madrid('11:00')));
    fixture.calendar.createEvent(COLLEAGUE, meeting('Customer visit', madrid('10:30'), madrid('12:00')));
    fixture.calendar.createEvent(COLLEAGUE, meeting('Maybe lunch', madrid('13:00'), madrid('14:00'), 'tentative'));
  });

  afterEach(async () => {
    await fixture.close();
  });

  it('shows who is busy over a proposed slot, and when', async () => {
    const calendar = calendarApi(fixture.client());
    const slot = { start: madrid('10:00'), end: madrid('13:30') };
    const { busy, unavailable } = await calendar.freeBusy([ME, COLLEAGUE, 'someone@fabrikam.example'], slot);
    expect(unavailable).toEqual(['someone@fabrikam.example']);
    expect(findConflicts(slot, busy)).toEqual([
      { person: ME, start: '2026-11-24T09:00:00.000Z', end: '2026-11-24T10:00:00.000Z', severity: 'busy', subject: 'Pipeline review' },
      { person: COLLEAGUE, start: '2026-11-24T09:30:00.000Z', end: '2026-11-24T11:00:00.000Z', severity: 'busy', subject: 'Customer visit' },
      { person: COLLEAGUE, start: '2026-11-24T12:00:00.000Z', end: '2026-11-24T13:00:00.000Z', severity: 'tentative', subject: 'Maybe lunch' },
    ]);
    // Free/busy asked for the weakest calendar scope only.
    expect(fixture.tokenScopes).toEqual([['Calendars.ReadBasic']]);
  });

  it("learns the zone each colleague works in, as Graph names it (Windows names read as IANA ones), and the rep's own", async () => {
    fixture.calendar.addMailbox({ address: 'lee.park@rapport-demo.com', name: 'Lee Park', timeZone: 'America/Los_Angeles', workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' } });
    const calendar = calendarApi(fixture.client());
    const { timeZones, unavailable } = await calendar.freeBusy([COLLEAGUE, 'Lee.Park@rapport-demo.com', 'buyer@fabrikam.example'], { start: madrid('09:00'), end: madrid('10:00') });
    // Graph says "Pacific Standard Time" for Lee; Madrid is no Windows zone's own, so its IANA name comes as it is.
    expect(timeZones).toEqual({ [COLLEAGUE]: 'Europe/Madrid', 'lee.park@rapport-demo.com': 'America/Los_Angeles' });
    expect(unavailable).toEqual(['buyer@fabrikam.example']);
    fixture.calendar.addMailbox({ address: ME, name: 'Avery Quinn', timeZone: 'Europe/Paris', workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } });
    // The stand-in writes Romance Standard Time, as Outlook does; the pane reads Europe/Paris.
    expect((await calendar.mailboxSettings()).timeZone).toBe('Europe/Paris');
  });

  it('suggests the next times everyone required is free', async () => {
    const calendar = calendarApi(fixture.client());
    const slots = await calendar.suggestTimes({
      attendees: [{ address: COLLEAGUE, type: 'required' }, { address: 'buyer@fabrikam.example', type: 'required' }],
      window: { start: madrid('09:00'), end: madrid('17:00') },
      durationMinutes: 60,
      max: 3,
    });
    // Avery is busy 10:00–11:00, Sam 10:30–12:00 and tentatively 13:00–14:00; the buyer's calendar is unknown.
    expect(slots).toEqual([
      { start: madrid('09:00'), end: madrid('10:00') },
      { start: madrid('12:00'), end: madrid('13:00') },
      { start: madrid('14:00'), end: madrid('15:00') },
    ]);
    expect(fixture.tokenScopes).toEqual([['Calendars.Read']]);
  });

  it('books an Outlook event that invites the attendees, and a retry with the same transaction id books nothing more', async () => {
    const calendar = calendarApi(fixture.client());
    const event = {
      subject: 'Pricing call',
      start: madrid('15:00'),
      end: madrid('15:30'),
      attendees: [{ address: 'buyer@fabrikam.example', name: 'Bo Buyer', type: 'required' as const }, { address: COLLEAGUE, type: 'optional' as const }],
      contactMethod: 'online-meeting' as const,
    };
    const first = await calendar.bookEvent(event, 'booking-key-1');
    const retried = await calendar.bookEvent(event, 'booking-key-1');
    expect(retried).toEqual(first);
    expect(first.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(fixture.calendar.eventsBetween(ME, madrid('15:00'), madrid('15:30')).map((e) => e.subject)).toEqual(['Pricing call']);
    // The colleague is invited: a copy in their calendar with the same iCalUId.
    expect(fixture.calendar.eventsBetween(COLLEAGUE, madrid('15:00'), madrid('15:30')).map((e) => e.iCalUId)).toEqual([first.iCalUId]);
    const opened = await calendar.getEvent(first.id);
    expect(opened).toMatchObject({ iCalUId: first.iCalUId, subject: 'Pricing call', isOrganizer: true, isOnlineMeeting: true, start: madrid('15:00') });
    expect(opened?.attendees.map((attendee) => attendee.address)).toEqual(['buyer@fabrikam.example', COLLEAGUE]);
    expect(await calendar.getEvent('no-such-event')).toBeNull();
  });

  it.each([429, 503])('waits as long as a %i answer says before it tries again', async (status) => {
    fixture.server.faults.add({ method: 'POST', path: '/me/events', status, retryAfterSeconds: 1, times: 1 });
    const calendar = calendarApi(fixture.client());
    const started = Date.now();
    const booked = await calendar.bookEvent({ subject: 'Throttled', start: madrid('16:00'), end: madrid('16:30'), attendees: [], contactMethod: 'phone' }, 'booking-key-2');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(booked.iCalUId).toBeTruthy();
    expect(fixture.server.calls().filter((call) => call.path === '/v1.0/me/events').map((call) => call.status)).toEqual([status, 201]);
  });

  it('gives up on a server error without booking anything', async () => {
    fixture.server.faults.add({ method: 'POST', path: '/me/events', status: 500, times: 1 });
    const calendar = calendarApi(fixture.client());
    await expect(calendar.bookEvent({ subject: 'Lost', start: madrid('16:00'), end: madrid('16:30'), attendees: [], contactMethod: 'phone' }, 'booking-key-3')).rejects.toMatchObject({ name: 'OutlookError', status: 500 });
    expect(fixture.calendar.eventsBetween(ME, madrid('16:00'), madrid('16:30'))).toEqual([]);
  });

  it('answers a person who opens it in a browser (to accept its certificate) without a token', async () => {
    const { Agent } = await import('undici');
    const page = await fetch(`${fixture.server.url}/`, { dispatcher: new Agent({ connect: { rejectUnauthorized: false } }) } as RequestInit);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/local calendar service/);
  });

  it('cannot book with a token that lacks Calendars.ReadWrite', async () => {
    const calendar = calendarApi(fixture.client(['Calendars.ReadBasic', 'Calendars.Read']));
    const attempt = calendar.bookEvent({ subject: 'Not allowed', start: madrid('16:00'), end: madrid('16:30'), attendees: [], contactMethod: 'phone' }, 'booking-key-4');
    // The pane words it as Outlook's failure; Graph's status stays for the console.
    await expect(attempt).rejects.toBeInstanceOf(OutlookError);
    await expect(attempt).rejects.toMatchObject({ status: 403 });
  });

  it('runs at most four Graph calls at a time', async () => {
    const calendar = calendarApi(fixture.client());
    fixture.server.setLatency(150);
    const slot = { start: madrid('09:00'), end: madrid('10:00') };
    await Promise.all(Array.from({ length: 10 }, () => calendar.freeBusy([ME], slot)));
    expect(fixture.server.calls().filter((call) => call.path === '/v1.0/me/calendar/getSchedule')).toHaveLength(10);
    expect(fixture.server.mostInFlight()).toBe(4);
  });
});
