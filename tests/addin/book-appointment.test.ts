import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromWallTime } from '@rapport/shared';
import { createApiClient, type ApiClient } from '../../addin/src/api/client';
import { BookingError, bookAppointment, type AppointmentDraft, type BookingSteps } from '../../addin/src/appointments/book-appointment';
import { calendarApi, type CalendarApi } from '../../addin/src/graph/calendar';
import { createLocalApp, type LocalApp } from '../../functions/src/local/local-mode';
import { loadConfig } from '../../functions/src/config';
import { startServer, type RunningServer } from '../../functions/src/server';
import { ME, startCalendarFixture, type CalendarFixture } from './local-calendar';

const now = new Date('2026-11-23T08:00:00.000Z');
const madrid = (time: string) => fromWallTime({ date: '2026-11-24', time }, 'Europe/Madrid');

describe('booking an appointment: the Outlook event and the CRM appointment together', () => {
  let fixture: CalendarFixture;
  let app: LocalApp;
  let server: RunningServer;
  let api: ApiClient;
  let calendar: CalendarApi;
  let draft: AppointmentDraft;
  let steps: BookingSteps;

  beforeEach(async () => {
    fixture = await startCalendarFixture(() => now);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-booking-'));
    app = await createLocalApp(loadConfig({ RAPPORT_DATA_DIR: dataDir, SEED_DEMO: 'false' }));
    server = await startServer(app, { port: 0, host: '127.0.0.1' });
    api = createApiClient({ baseUrl: server.url, getToken: () => app.issuer.issue({ tenantId: 'tenant-booking', userId: 'avery' }) });
    calendar = calendarApi(fixture.client());
    const company = await (await fetch(`${server.url}/api/companies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await app.issuer.issue({ tenantId: 'tenant-booking', userId: 'avery' })}`, 'content-type': 'application/json', 'idempotency-key': 'company-1' },
      body: JSON.stringify({ name: 'Fabrikam', domains: ['fabrikam.example'] }),
    })).json() as { id: string };
    const contact = await api.records('contact').create({ firstName: 'Bo', lastName: 'Buyer', emails: ['bo@fabrikam.example'], companyId: company.id }, 'contact-1');
    steps = { bookEvent: calendar.bookEvent, createActivity: (input, key) => api.records('activity').create(input, key) };
    draft = {
      subject: 'Pricing call',
      start: madrid('15:00'),
      end: madrid('15:45'),
      contactMethod: 'online-meeting',
      notes: 'Bring the 50-seat quote',
      attendees: [{ address: 'bo@fabrikam.example', name: 'Bo Buyer', type: 'required' }],
      contactIds: [contact.id],
      companyId: company.id,
    };
  });

  afterEach(async () => {
    await server.close();
    await app.close();
    await fixture.close();
  });

  const appointmentsOf = async (contactId: string) => (await api.records('contact').timeline(contactId)).items.filter((activity) => activity.kind === 'meeting');

  it('books the Outlook event and records the appointment linked to the contact and company', async () => {
    const { activity, event } = await bookAppointment(steps, draft, 'key-1');
    expect(activity).toMatchObject({
      kind: 'meeting',
      status: 'planned',
      subject: 'Pricing call',
      at: madrid('15:00'),
      durationMinutes: 45,
      contactMethod: 'online-meeting',
      notes: 'Bring the 50-seat quote',
      graphEventId: event.id,
      iCalUId: event.iCalUId,
      companyId: draft.companyId,
    });
    expect((await appointmentsOf(draft.contactIds[0]!)).map((appointment) => appointment.id)).toEqual([activity.id]);
    // The notes are the rep's: the invitation does not carry them.
    expect(fixture.calendar.event(ME, event.id)?.body).toBe('');
  });

  it('makes one event and one appointment of a double-click', async () => {
    const [first, second] = await Promise.all([bookAppointment(steps, draft, 'key-2'), bookAppointment(steps, draft, 'key-2')]);
    expect(second.event.id).toBe(first.event.id);
    expect(second.activity.id).toBe(first.activity.id);
    expect(fixture.calendar.eventsBetween(ME, draft.start, draft.end)).toHaveLength(1);
    expect(await appointmentsOf(draft.contactIds[0]!)).toHaveLength(1);
  });

  it('records nothing when Outlook fails to book', async () => {
    fixture.server.faults.add({ method: 'POST', path: '/me/events', status: 500, times: 1 });
    const failure = await bookAppointment(steps, draft, 'key-3').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BookingError);
    expect((failure as BookingError).step).toBe('calendar');
    expect(await appointmentsOf(draft.contactIds[0]!)).toEqual([]);
    expect(fixture.calendar.eventsBetween(ME, draft.start, draft.end)).toEqual([]);
  });

  it('finishes a booking whose CRM step failed when it is tried again, without a second event', async () => {
    let failOnce = true;
    const flaky: BookingSteps = {
      ...steps,
      createActivity: async (...args) => {
        if (failOnce) {
          failOnce = false;
          throw new Error('network down');
        }
        return steps.createActivity(...args);
      },
    };
    const failure = (await bookAppointment(flaky, draft, 'key-4').catch((error: unknown) => error)) as BookingError;
    expect(failure.step).toBe('crm');
    expect(failure.event?.iCalUId).toBeTruthy();
    const retried = await bookAppointment(flaky, draft, 'key-4');
    expect(retried.event.id).toBe(failure.event?.id);
    expect(fixture.calendar.eventsBetween(ME, draft.start, draft.end)).toHaveLength(1);
    expect(await appointmentsOf(draft.contactIds[0]!)).toHaveLength(1);
  });
});
