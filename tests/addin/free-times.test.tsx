/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fromWallTime } from '@rapport/shared/appointments/calendar-time.rules';
import { InsertFreeTimes } from '../../addin/src/components/free-times/InsertFreeTimes';
import type { InsertFreeTimesProps } from '../../addin/src/components/free-times/InsertFreeTimes.types';
import { nextFreeTimesText } from '../../addin/src/components/free-times/free-times-text';
import type { CalendarApi } from '../../addin/src/graph/calendar';
import { inProcessCalendar, ME, type InProcessCalendar } from './in-process-calendar';
import { fakeApi, renderInPane } from './pane-harness';

// Monday 23 November 2026, 09:00 in Madrid, where Avery works 09:00–17:00 Monday to Friday.
const NOW = new Date('2026-11-23T08:00:00.000Z');
const madrid = (date: string, time: string) => fromWallTime({ date, time }, 'Europe/Madrid');
const SAM = 'sam.rivera@rapport-demo.com';
const customer = { email: 'bo@fabrikam.example', name: 'Bo Buyer', country: 'Portugal' };

// Only the clock is fixed: timers, promises and React's scheduler run as they do.
const onlyTheDate = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

const busy = (mailbox: string, date: string, from: string, to: string) =>
  outlook.calendar.createEvent(mailbox, { subject: 'Busy', body: '', start: madrid(date, from), end: madrid(date, to), isAllDay: false, showAs: 'busy', isOnlineMeeting: false, attendees: [] });

let outlook: InProcessCalendar;
let suggestTimes: jest.Mock;
let calendar: CalendarApi;

beforeEach(() => {
  jest.useFakeTimers({ now: NOW, doNotFake: [...onlyTheDate] });
  outlook = inProcessCalendar(() => NOW);
  // The real calendar module; the requests it makes to findMeetingTimes are kept to check whom Graph was asked about.
  suggestTimes = jest.fn(outlook.api.suggestTimes);
  calendar = { ...outlook.api, suggestTimes: suggestTimes as CalendarApi['suggestTimes'] };
  // Avery's Monday morning and Tuesday's first hour are taken.
  busy(ME, '2026-11-23', '09:00', '12:00');
  busy(ME, '2026-11-24', '09:00', '10:00');
});

afterEach(() => {
  outlook.restore();
  jest.useRealTimers();
});

function show(props: Partial<InsertFreeTimesProps> = {}, language = 'en-GB') {
  const insert = jest.fn(async (_content: { html: string; text: string }) => undefined);
  const onDone = jest.fn();
  renderInPane(<InsertFreeTimes loadCalendar={async () => calendar} recipients={[customer]} insert={insert} onDone={onDone} {...props} />, { api: fakeApi({}).api, language });
  return { insert, onDone };
}

describe('Insert free times', () => {
  it("offers the next free times, one a working day, in the customer's zone, and inserts the ones left ticked", async () => {
    const { insert, onDone } = show();
    // Bo's address is in Portugal: Lisbon is an hour behind Madrid. Monday's first free time is 12:00 in Madrid.
    await screen.findByLabelText('Mon 23 Nov, 11:00–11:30');
    for (const time of ['Tue 24 Nov, 09:00–09:30', 'Wed 25 Nov, 08:00–08:30', 'Thu 26 Nov, 08:00–08:30', 'Fri 27 Nov, 08:00–08:30']) {
      expect((screen.getByLabelText(time) as HTMLInputElement).checked).toBe(true);
    }
    expect((screen.getByLabelText('Bo Buyer’s time: Western European Time') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Bo Buyer’s time zone comes from their address in the CRM (Portugal).')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('Wed 25 Nov, 08:00–08:30'));
    fireEvent.click(screen.getByText('Insert'));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(insert).toHaveBeenCalledTimes(1);
    const { text, html } = insert.mock.calls[0]![0];
    expect(text).toBe(
      'Would one of these times suit you?\n• Mon 23 Nov, 11:00–11:30\n• Tue 24 Nov, 09:00–09:30\n• Thu 26 Nov, 08:00–08:30\n• Fri 27 Nov, 08:00–08:30\n(Times in Western European Time)',
    );
    expect(html).toBe(
      '<p>Would one of these times suit you?</p><ul><li>Mon 23 Nov, 11:00–11:30</li><li>Tue 24 Nov, 09:00–09:30</li><li>Thu 26 Nov, 08:00–08:30</li><li>Fri 27 Nov, 08:00–08:30</li></ul><p>(Times in Western European Time)</p>',
    );
    // Graph cannot see a customer's calendar: the suggestions are asked for the rep alone, a call a working day.
    expect(suggestTimes.mock.calls.map(([request]) => request.attendees)).toEqual(Array(5).fill([]));
  });

  it("writes the times in the rep's own zone when they switch to it", async () => {
    const { insert } = show();
    fireEvent.click(await screen.findByLabelText('My time: Central European Time'));
    fireEvent.click(screen.getByLabelText('Mon 23 Nov, 12:00–12:30'));
    fireEvent.click(screen.getByText('Insert'));
    await waitFor(() => expect(insert).toHaveBeenCalledTimes(1));
    expect(insert.mock.calls[0]![0].text).toBe(
      'Would one of these times suit you?\n• Tue 24 Nov, 10:00–10:30\n• Wed 25 Nov, 09:00–09:30\n• Thu 26 Nov, 09:00–09:30\n• Fri 27 Nov, 09:00–09:30\n(Times in Central European Time)',
    );
  });

  it("uses the zone Outlook gives for a colleague, and only times they are free too", async () => {
    outlook.calendar.addMailbox({ address: SAM, name: 'Sam Rivera', timeZone: 'America/Los_Angeles', workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' } });
    // Sam is busy at Avery's first free time on Monday (12:00 in Madrid, 03:00 in Los Angeles).
    busy(SAM, '2026-11-23', '12:00', '13:00');
    const { insert } = show({ recipients: [{ email: SAM, name: 'Sam Rivera', country: 'Spain' }] });
    await screen.findByLabelText('Mon 23 Nov, 04:00–04:30');
    expect(screen.getByText('Sam Rivera’s time zone comes from Outlook.')).toBeTruthy();
    fireEvent.click(screen.getByText('Insert'));
    await waitFor(() => expect(insert).toHaveBeenCalledTimes(1));
    expect(insert.mock.calls[0]![0].text).toMatch(/^Would one of these times suit you\?\n• Mon 23 Nov, 04:00–04:30\n(• .+\n){4}\(Times in Pacific Time\)$/);
    expect(suggestTimes.mock.calls[0]?.[0].attendees).toEqual([{ address: SAM, type: 'required' }]);
  });

  it("says in Spanish when Outlook's calendar fails, and Retry finds the times", async () => {
    outlook.faults.add({ path: '/me/findMeetingTimes', status: 503, times: 100 });
    const { insert } = show({}, 'es-ES');
    await screen.findByText('No se pudieron leer tus horas libres en Outlook.');
    expect(screen.getByText(/^Outlook no pudo hacerlo ahora\./)).toBeTruthy();
    expect(screen.queryByText(/failed to answer/)).toBeNull();
    outlook.faults.clear();
    fireEvent.click(screen.getByText('Reintentar'));
    await screen.findByLabelText('lun, 23 nov, 11:00–11:30');
    fireEvent.click(screen.getByText('Insertar'));
    await waitFor(() => expect(insert).toHaveBeenCalledTimes(1));
    expect(insert.mock.calls[0]![0].text).toMatch(/^¿Le viene bien alguno de estos horarios\?\n• lun, 23 nov, 11:00–11:30\n[^]*\n\(Zona horaria: hora de Europa occidental\)$/);
  });

  it('says when there is no free time, and offers 30 minutes when an hour was asked for', async () => {
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']) busy(ME, date, '09:00', '16:30');
    show();
    fireEvent.click(await screen.findByLabelText('1 hour'));
    await screen.findByText('No free time in the next 5 working days — try 30 minutes, or pick times in your calendar.');
    fireEvent.click(screen.getByText('Try 30 minutes'));
    await screen.findByLabelText('Mon 23 Nov, 15:30–16:00');
    expect(screen.queryByText(/No free time/)).toBeNull();
  });
});

describe('free times for a template', () => {
  it("writes the next three free times, one a day, in the recipient's zone and the rep's language", async () => {
    const { text, html } = await nextFreeTimesText(calendar, [customer], { locale: 'it-IT' });
    const plain = (value: string) => value.replace(/[\u2009\u202f\u00a0]/g, ' ');
    // A template leads into the times in its own words: the list and the zone only.
    expect(plain(text)).toBe('• lun 23 nov, 11:00–11:30\n• mar 24 nov, 09:00–09:30\n• mer 25 nov, 08:00–08:30\n(Fuso orario: Ora dell’Europa occidentale)');
    expect(plain(html)).toContain('<ul><li>lun 23 nov, 11:00–11:30</li>');
  });

  it('gives empty texts when there is no free time', async () => {
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']) busy(ME, date, '09:00', '17:00');
    expect(await nextFreeTimesText(calendar, [customer], { locale: 'en-GB', durationMinutes: 60 })).toEqual({ text: '', html: '' });
  });
});
