/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Activity, LookupResult } from '@rapport/shared';
import { fromWallTime } from '@rapport/shared/appointments/calendar-time.rules';
import type { TimeSlot } from '@rapport/shared/appointments/conflict.rules';
import { CalendarView } from '../../addin/src/components/CalendarView';
import { MeetingPanel } from '../../addin/src/components/MeetingPanel';
import { MyDay } from '../../addin/src/components/MyDay';
import { today } from '../../addin/src/data/today';
import { ScheduleAppointmentForm } from '../../addin/src/components/ScheduleAppointmentForm';
import type { ScheduleAppointmentFormProps } from '../../addin/src/components/ScheduleAppointmentForm.types';
import { SearchPanel } from '../../addin/src/components/SearchPanel';
import type { BookedEvent, CalendarApi, EventToBook, FreeBusy, OutlookEvent } from '../../addin/src/graph/calendar';
import { MeProvider } from '../../addin/src/hooks/useMe';
import type { MailItem } from '../../addin/src/office/mail-item';
import { fail, fakeApi, renderInPane, unreachable, type FakeRoute } from './pane-harness';


const activity = (overrides: Partial<Activity> = {}): Activity =>
  ({
    tenantId: 't',
    id: 'a1',
    version: 1,
    createdAt: '2026-11-01T00:00:00Z',
    createdBy: 'u',
    updatedAt: '2026-11-01T00:00:00Z',
    updatedBy: 'u',
    ownerId: 'u',
    kind: 'meeting',
    subject: 'Pricing call',
    at: '2026-11-24T14:00:00.000Z',
    durationMinutes: 45,
    status: 'planned',
    participants: [],
    contactIds: ['c1'],
    ...overrides,
  }) as Activity;

const meAs = (role: 'rep' | 'manager') => ({
  tenantId: 't',
  userId: 'u',
  roles: [role],
  rolesFrom: 'member',
  capabilities: { editOthersRecords: role === 'manager', reassign: role === 'manager', viewTeam: role === 'manager', manageSettings: false, importLists: role === 'manager' },
});

/** A route that fails like a browser offline while `offline.now`, and answers once the test brings it back. */
function offlineUntilBack(route: FakeRoute): { route: FakeRoute; back: () => void } {
  let offline = true;
  return { route: (request) => (offline ? unreachable() : route(request)), back: () => (offline = false) };
}

// Reads sent to an unreachable API are sent twice more on their own (1 s, then 2 s) before the pane says so.
const AFTER_RETRIES = { timeout: 6_000 };

/** Outlook's calendar as the pane sees it: one event per transaction id, as Graph books them. */
function fakeCalendar(overrides: Partial<CalendarApi> = {}) {
  const events = new Map<string, BookedEvent>();
  const booked: { event: EventToBook; transactionId: string }[] = [];
  const calendar: CalendarApi = {
    mailboxSettings: async () => ({ timeZone: 'Europe/Madrid' }),
    freeBusy: async (): Promise<FreeBusy> => ({ busy: [], unavailable: [], timeZones: {} }),
    suggestTimes: async () => [],
    bookEvent: async (event, transactionId) => {
      booked.push({ event, transactionId });
      const existing = events.get(transactionId);
      if (existing) return existing;
      const created = { id: `event-${events.size + 1}`, iCalUId: `ical-${events.size + 1}` };
      events.set(transactionId, created);
      return created;
    },
    getEvent: async () => null,
    ensureMasterCategory: async () => undefined,
    ...overrides,
  };
  return { calendar, events, booked, load: async () => calendar };
}

describe('CalendarView', () => {
  const empty = { appointments: [], owners: {}, capped: false };

  it("offers a manager the team's calendar and hides it from a rep", async () => {
    const manager = fakeApi({ 'GET /api/me': () => meAs('manager'), 'GET /api/appointments': () => empty });
    const view = renderInPane(
      <MeProvider>
        <CalendarView />
      </MeProvider>,
      { api: manager.api },
    );
    await screen.findByRole('switch', { name: "My team's appointments" });
    view.unmount();

    const rep = fakeApi({ 'GET /api/me': () => meAs('rep'), 'GET /api/appointments': () => empty });
    renderInPane(
      <MeProvider>
        <CalendarView />
      </MeProvider>,
      { api: rep.api },
    );
    await waitFor(() => expect(rep.sentTo('GET /api/me')).toHaveLength(1));
    await screen.findByText(/^No appointments in .+\.$/);
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it("shows the team's appointments with whose each is when a manager asks for them", async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/me': () => meAs('manager'),
      'GET /api/appointments': (request) =>
        request.query.scope === 'team'
          ? { appointments: [activity({ id: 'a2', ownerId: 'm2', subject: 'Kick-off at Fabrikam', at: new Date().toISOString() })], owners: { m2: { displayName: 'Morgan Blake' } }, capped: false }
          : empty,
    });
    renderInPane(
      <MeProvider>
        <CalendarView />
      </MeProvider>,
      { api },
    );
    await screen.findByText(/^No appointments in .+\.$/);
    fireEvent.click(await screen.findByRole('switch', { name: "My team's appointments" }));
    await screen.findByText(/Kick-off at Fabrikam/);
    expect(screen.getByText(/Morgan Blake/)).toBeTruthy();
    const [mine, team] = sentTo('GET /api/appointments');
    expect(mine?.query.scope).toBe('mine');
    expect(team?.query).toMatchObject({ scope: 'team', from: mine?.query.from, to: mine?.query.to });
  });

  it('moves a week back and forth with Previous and Next, and back to this week with Today, saying which week it shows', async () => {
    const { api, sentTo } = fakeApi({ 'GET /api/me': () => meAs('rep'), 'GET /api/appointments': () => empty });
    renderInPane(
      <MeProvider>
        <CalendarView />
      </MeProvider>,
      { api },
    );
    await screen.findByText(/^No appointments in .+\.$/);
    const from = () => Date.parse(sentTo('GET /api/appointments').at(-1)?.query.from as string);
    const thisWeek = from();
    const label = screen.getByText(/\d{4}$/).textContent;
    fireEvent.click(screen.getByLabelText('Next'));
    await waitFor(() => expect(from()).toBeGreaterThan(thisWeek));
    expect(Math.round((from() - thisWeek) / 86_400_000)).toBe(7);
    expect(screen.getByText(/\d{4}$/).textContent).not.toBe(label);
    fireEvent.click(screen.getByLabelText('Previous'));
    fireEvent.click(screen.getByLabelText('Previous'));
    await waitFor(() => expect(Math.round((thisWeek - from()) / 86_400_000)).toBe(7));
    // This week's answer is still at hand: Today shows it again without asking.
    fireEvent.click(screen.getByLabelText('Today'));
    await waitFor(() => expect(screen.getByText(/\d{4}$/).textContent).toBe(label));
    expect(new Set(sentTo('GET /api/appointments').map((request) => request.query.from)).size).toBe(3);
  });

  it('shows whom each appointment is with, each address whole, and not its organizer', async () => {
    const { api } = fakeApi({
      'GET /api/me': () => meAs('rep'),
      'GET /api/appointments': () => ({
        appointments: [
          activity({
            at: new Date().toISOString(),
            contactMethod: 'online-meeting',
            participants: [
              { email: 'avery@contoso.com', role: 'organizer' },
              { email: 'bo@fabrikam.example', role: 'attendee' },
              { email: 'cy@fabrikam.example', name: 'Buyer, Cy', role: 'attendee' },
            ],
          }),
        ],
        owners: {},
        capped: false,
      }),
    });
    renderInPane(
      <MeProvider>
        <CalendarView />
      </MeProvider>,
      { api },
    );
    const entry = (await screen.findByText('Pricing call')).closest('li') as HTMLElement;
    expect(entry.textContent).toMatch(/Online meeting · Planned/);
    expect(within(entry).getByText('bo@fabrikam.example').getAttribute('title')).toBe('bo@fabrikam.example');
    expect(within(entry).getByText('Cy Buyer')).toBeTruthy();
    expect(within(entry).queryByText('avery@contoso.com')).toBeNull();
  });

  it("names each appointment's contact and company, each opening its record", async () => {
    const { api } = fakeApi({
      'GET /api/me': () => meAs('rep'),
      'GET /api/appointments': () => ({
        appointments: [activity({ at: new Date().toISOString(), contactIds: ['c1', 'c2'], companyId: 'co1' })],
        owners: {},
        capped: false,
        related: { contact: { c1: 'Jamie Rivera', c2: 'Kim Lee' }, company: { co1: 'Contoso Pharma' } },
      }),
    });
    renderInPane(
      <MeProvider>
        <CalendarView />
      </MeProvider>,
      { api },
    );
    const entry = (await screen.findByText('Pricing call')).closest('li') as HTMLElement;
    expect(within(entry).getByText('Jamie Rivera').tagName).toBe('BUTTON');
    expect(within(entry).getByText('Contoso Pharma').tagName).toBe('BUTTON');
    // One more contact than it names.
    expect(entry.textContent).toMatch(/Jamie Rivera \+1 · Contoso Pharma/);
  });

  it('says which day an empty day is', async () => {
    const { api } = fakeApi({ 'GET /api/me': () => meAs('rep'), 'GET /api/appointments': () => empty });
    renderInPane(
      <MeProvider>
        <CalendarView />
      </MeProvider>,
      { api },
    );
    await screen.findByText(/^No appointments in /);
    // A tab's label is rendered twice (the second reserves its bold width).
    fireEvent.click(screen.getAllByText('Day')[0]!.closest('button')!);
    const day = new Intl.DateTimeFormat('en-US', { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date());
    await screen.findByText(`No appointments on ${day}.`);
  });

  it('shows a failed read with Retry, never as an empty calendar, and Retry reads it', async () => {
    const appointments = offlineUntilBack(() => ({ appointments: [activity({ subject: 'Pricing call', at: new Date().toISOString() })], owners: {}, capped: false }));
    const { api } = fakeApi({ 'GET /api/me': () => meAs('rep'), 'GET /api/appointments': appointments.route });
    renderInPane(
      <MeProvider>
        <CalendarView />
      </MeProvider>,
      { api },
    );
    await screen.findByText(/Rapport can’t be reached/, undefined, AFTER_RETRIES);
    expect(screen.queryByText(/^No appointments/)).toBeNull();
    appointments.back();
    fireEvent.click(screen.getByText('Try again'));
    await screen.findByText(/Pricing call/);
    expect(screen.queryByText(/Rapport can’t be reached/)).toBeNull();
  });

  it('speaks Spanish', async () => {
    const { api } = fakeApi({ 'GET /api/me': () => meAs('manager'), 'GET /api/appointments': () => empty });
    renderInPane(
      <MeProvider>
        <CalendarView />
      </MeProvider>,
      { api, language: 'es-ES' },
    );
    await screen.findByText(/^No hay citas en .+\.$/);
    expect(await screen.findByRole('switch', { name: 'Citas de mi equipo' })).toBeTruthy();
  });
});

describe('MyDay', () => {
  // My numbers beside the day: no goals this month.
  const noGoals = { period: 'month', start: '2026-11', ends: '2026-12-01', reportingCurrency: 'EUR', reps: [], teams: [], territories: [], company: [] };
  const goals = { 'GET /api/goals/attainment': () => noGoals };
  const day = {
    appointments: [activity({ subject: 'Pricing call' })],
    overdueTasks: [activity({ id: 't1', kind: 'task', subject: 'Send the revised quote' })],
    dueTodayTasks: [],
    counters: { overdue: 1, dueToday: 0, nextSevenDays: 3 },
    capped: false,
  };

  it("shows the rep's own day: today's appointments and what is overdue or due", async () => {
    const { api, sentTo } = fakeApi({ ...goals, 'GET /api/my-day': () => day });
    renderInPane(<MyDay userEmail="avery@contoso.com" />, { api });
    expect(within(await screen.findByRole('list', { name: "Today's appointments" })).getByText('Pricing call')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Overdue' })).getByText('Send the revised quote')).toBeTruthy();
    expect(screen.getByText('Nothing due.')).toBeTruthy();
    expect(sentTo('GET /api/my-day').map((request) => request.query)).toEqual([today()]);
  });

  it('lists what the next 7 days counter counts, each with its contact, on demand', async () => {
    const planned = [activity({ id: 'p1', kind: 'task', subject: 'Send the contract', contactIds: ['c1'] }), activity({ id: 'p2', kind: 'call', subject: 'Call Lou', contactIds: [], leadId: 'l1' })];
    const { api } = fakeApi({
      ...goals,
      'GET /api/my-day': () => ({ ...day, counters: { ...day.counters, nextSevenDays: 2 }, nextSevenDays: planned, related: { contact: { c1: 'Jamie Rivera' }, lead: { l1: 'Lou Park' } } }),
    });
    renderInPane(<MyDay userEmail="avery@contoso.com" />, { api });
    const show = await screen.findByText('Show what is planned in the next 7 days (2)');
    expect(screen.queryByText('Send the contract')).toBeNull();
    fireEvent.click(show);
    const list = screen.getByLabelText('Next 7 days');
    expect(within(list).getByText('Send the contract')).toBeTruthy();
    expect(within(list).getByText('Jamie Rivera').tagName).toBe('BUTTON');
    expect(within(list).getByText('Lou Park').tagName).toBe('BUTTON');
  });

  it('says which day it is when there are no appointments', async () => {
    const { api } = fakeApi({ ...goals, 'GET /api/my-day': () => ({ ...day, appointments: [] }) });
    renderInPane(<MyDay userEmail="avery@contoso.com" />, { api });
    const today = new Intl.DateTimeFormat('en-US', { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date());
    await screen.findByText(`No appointments today, ${today}.`);
  });

  it('shows a failed read with Retry, never as an empty day, and Retry reads it', async () => {
    const myDay = offlineUntilBack(() => day);
    const { api } = fakeApi({ ...goals, 'GET /api/my-day': myDay.route });
    renderInPane(<MyDay userEmail="avery@contoso.com" />, { api });
    await screen.findByText(/Rapport can’t be reached/, undefined, AFTER_RETRIES);
    expect(screen.queryByText(/^No appointments today/)).toBeNull();
    expect(screen.getByText('My day')).toBeTruthy();
    myDay.back();
    fireEvent.click(screen.getByText('Try again'));
    await screen.findByText('Pricing call');
  });

  it('speaks Spanish', async () => {
    const { api } = fakeApi({ ...goals, 'GET /api/my-day': () => ({ ...day, appointments: [], overdueTasks: [] }) });
    renderInPane(<MyDay userEmail="avery@contoso.com" />, { api, language: 'es-ES' });
    await screen.findByText(/^No hay citas hoy, [a-zé]+, \d+ de [a-z]+\.$/);
  });
});

describe('SearchPanel', () => {
  const found = {
    contacts: [
      {
        contact: {
          tenantId: 't',
          id: 'c1',
          version: 1,
          ownerId: 'u',
          firstName: 'John',
          lastName: 'Doe',
          emails: ['john.doe@contoso.com'],
          phones: [{ type: 'work', number: '+1 (425) 555-0100' }],
          customerNumber: 'C-10001',
        },
        company: { id: 'co1', name: 'Contoso' },
      },
    ],
    companies: [{ tenantId: 't', id: 'co1', version: 1, ownerId: 'u', name: 'Contoso', domains: ['contoso.com'], customerNumber: 'K-1' }],
    deals: [],
    leads: [],
    cases: [],
  };
  const searchBox = () => screen.getByPlaceholderText('Name, phone, customer no. or company');

  it('has the search field ready to type in when it opens', () => {
    const { api } = fakeApi({ 'GET /api/search': () => found });
    renderInPane(<SearchPanel />, { api });
    expect(document.activeElement).toBe(searchBox());
  });

  it('searches once the rep stops typing, with one request for what was typed', async () => {
    const { api, sentTo } = fakeApi({ 'GET /api/search': () => found });
    renderInPane(<SearchPanel />, { api });
    for (const text of ['J', 'Jo', 'Joh', 'John']) fireEvent.change(searchBox(), { target: { value: text } });
    await screen.findByText('John Doe');
    expect(within(screen.getByRole('list', { name: 'Companies' })).getByText('Contoso')).toBeTruthy();
    expect(sentTo('GET /api/search').map((request) => request.query)).toEqual([{ q: 'John', limit: '20' }]);
  });

  it("shows each contact's address, phone and customer number whole, each a piece of its own", async () => {
    const { api } = fakeApi({ 'GET /api/search': () => found });
    renderInPane(<SearchPanel />, { api });
    fireEvent.change(searchBox(), { target: { value: 'John' } });
    const contacts = await screen.findByRole('list', { name: 'Contacts' });
    for (const value of ['john.doe@contoso.com', '+1 (425) 555-0100', 'C-10001']) expect(within(contacts).getByText(value).getAttribute('title')).toBe(value);
    const companies = screen.getByRole('list', { name: 'Companies' });
    for (const value of ['contoso.com', 'K-1']) expect(within(companies).getByText(value).getAttribute('title')).toBe(value);
  });

  it('searches at once with the Search button', async () => {
    const { api, sentTo } = fakeApi({ 'GET /api/search': () => found });
    renderInPane(<SearchPanel />, { api });
    fireEvent.change(searchBox(), { target: { value: 'Doe' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByText('John Doe');
    expect(sentTo('GET /api/search').map((request) => request.query)).toEqual([{ q: 'Doe', limit: '20' }]);
  });

  it('searches at once on Enter, and says when nothing is found', async () => {
    const { api, sentTo } = fakeApi({ 'GET /api/search': () => ({ contacts: [], companies: [], deals: [], leads: [], cases: [] }) });
    renderInPane(<SearchPanel />, { api });
    fireEvent.change(searchBox(), { target: { value: ' zzz ' } });
    fireEvent.submit(searchBox());
    await screen.findByText('Nothing found for “zzz”.');
    expect(sentTo('GET /api/search')).toHaveLength(1);
  });

  it('shows a failed search with Retry, never as nothing found, and Retry searches again', async () => {
    const search = offlineUntilBack(() => found);
    const { api } = fakeApi({ 'GET /api/search': search.route });
    renderInPane(<SearchPanel />, { api });
    fireEvent.change(searchBox(), { target: { value: 'John' } });
    await screen.findByText(/Rapport can’t be reached/, undefined, AFTER_RETRIES);
    expect(screen.queryByText(/Nothing found/)).toBeNull();
    search.back();
    fireEvent.click(screen.getByText('Try again'));
    await screen.findByText('John Doe');
  });

  it('speaks Spanish', async () => {
    const { api } = fakeApi({ 'GET /api/search': () => ({ contacts: [], companies: [], deals: [], leads: [], cases: [] }) });
    renderInPane(<SearchPanel />, { api, language: 'es-ES' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Buscar en el CRM' }), { target: { value: 'zzz' } });
    await screen.findByText('No se encontró nada para «zzz».');
  });
});

describe('MeetingPanel', () => {
  const meeting: MailItem = {
    mode: 'appointment-attendee',
    key: 'ev1',
    subject: 'Pricing call',
    participants: [{ email: 'bo@fabrikam.example', name: 'Bo Buyer', role: 'organizer' }],
    internetMessageId: null,
    eventId: 'ev1',
    start: '2026-11-24T14:00:00.000Z',
    end: '2026-11-24T14:45:00.000Z',
    sentAt: null,
  } as unknown as MailItem;
  const event: OutlookEvent = {
    id: 'ev1',
    iCalUId: 'ical-1',
    subject: 'Pricing call',
    start: '2026-11-24T14:00:00.000Z',
    end: '2026-11-24T14:45:00.000Z',
    isOrganizer: false,
    organizer: { address: 'avery@contoso.com', name: 'Avery' },
    attendees: [{ address: 'bo@fabrikam.example', name: 'Bo Buyer', type: 'required' }],
    isOnlineMeeting: true,
  };
  const results = [
    {
      input: 'bo@fabrikam.example',
      email: 'bo@fabrikam.example',
      name: 'Bo Buyer',
      match: 'contact',
      freeMail: false,
      contact: { id: 'c1', firstName: 'Bo', lastName: 'Buyer', emails: ['bo@fabrikam.example'], phones: [], ownerId: 'u', version: 1 },
      otherContacts: [],
      company: { id: 'co1', name: 'Fabrikam' },
      openDeals: [],
      openCases: [],
      timeline: [],
    },
  ] as unknown as LookupResult[];
  const lookupAnswer = (appointment: Activity | null) => ({ results, owners: {}, appointment });

  it('recognises a meeting booked through Rapport by its iCalUId', async () => {
    const { calendar } = fakeCalendar({ getEvent: async () => event });
    const { api, sentTo } = fakeApi({ 'POST /api/lookup': () => lookupAnswer(activity()) });
    renderInPane(<MeetingPanel loadCalendar={async () => calendar} userEmail="avery@contoso.com" item={meeting} results={results} />, { api });
    await screen.findByText(/This meeting is a CRM appointment: Planned,/);
    expect(sentTo('POST /api/lookup')[0]?.body).toEqual({ emails: ['bo@fabrikam.example'], iCalUId: 'ical-1', timelineLimit: 0 });
  });

  it('links a meeting not in the CRM once per click, keyed by its iCalUId, and then recognises it', async () => {
    let linked: Activity | null = null;
    const { calendar } = fakeCalendar({ getEvent: async () => event });
    const { api, sentTo } = fakeApi({
      'POST /api/lookup': () => lookupAnswer(linked),
      'POST /api/activities': (request) => (linked = activity({ ...(request.body as Partial<Activity>), id: 'a9' })),
    });
    renderInPane(<MeetingPanel loadCalendar={async () => calendar} userEmail="avery@contoso.com" item={meeting} results={results} />, { api });
    const link = await screen.findByText('Link to the CRM');
    fireEvent.click(link);
    fireEvent.click(link);
    await screen.findByText('Linked to the CRM.');
    await screen.findByText(/This meeting is a CRM appointment: Planned,/);
    const sent = sentTo('POST /api/activities');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers['idempotency-key']).toBe('link-meeting:ical-1');
    expect(sent[0]?.body).toMatchObject({ kind: 'meeting', iCalUId: 'ical-1', graphEventId: 'ev1', contactIds: ['c1'], companyId: 'co1', contactMethod: 'online-meeting' });
    expect(sentTo('POST /api/lookup')).toHaveLength(2);
  });

  it('counts a meeting a colleague linked meanwhile as linked', async () => {
    let linked: Activity | null = null;
    const { calendar } = fakeCalendar({ getEvent: async () => event });
    const { api } = fakeApi({
      'POST /api/lookup': () => lookupAnswer(linked),
      'POST /api/activities': () => {
        linked = activity({ ownerId: 'colleague' });
        return fail(409, 'RECORD.ALREADY_LOGGED', { kind: 'activity' });
      },
    });
    renderInPane(<MeetingPanel loadCalendar={async () => calendar} userEmail="avery@contoso.com" item={meeting} results={results} />, { api });
    fireEvent.click(await screen.findByText('Link to the CRM'));
    await screen.findByText(/This meeting is a CRM appointment: Planned,/);
    expect(screen.getByText('Linked to the CRM.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('opens the next appointment with focus in it when the outcome asks for one, and Escape brings focus back to the meeting', async () => {
    let current = activity({ at: new Date(Date.now() - 2 * 3_600_000).toISOString() });
    const { calendar } = fakeCalendar({ getEvent: async () => ({ ...event, isOrganizer: true }) });
    const { api } = fakeApi({
      'GET /api/me': () => meAs('rep'),
      'POST /api/lookup': () => lookupAnswer(current),
      'GET /api/activities/{id}': () => current,
      'PATCH /api/activities/{id}': (request) => (current = activity({ ...current, ...(request.body as Partial<Activity>), version: current.version + 1 })),
    });
    renderInPane(
      <MeProvider>
        <MeetingPanel loadCalendar={async () => calendar} userEmail="avery@contoso.com" item={{ ...meeting, mode: 'appointment-organizer' } as MailItem} results={results} />
      </MeProvider>,
      { api },
    );
    const outcome = await screen.findByLabelText('Log the outcome', { selector: 'form' });
    fireEvent.click(within(outcome).getByLabelText('Rescheduled'));
    fireEvent.click(within(outcome).getByLabelText('New appointment'));
    fireEvent.click(within(outcome).getByText('Save outcome'));
    const next = await screen.findByLabelText('New appointment', { selector: 'form' });
    expect(document.activeElement).toBe(within(next).getByLabelText(/^Subject/));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByLabelText('New appointment', { selector: 'form' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Pricing call', { selector: 'section' })));
    expect(screen.getByText('Outcome saved.')).toBeTruthy();
  });

  it('asks to save a meeting in Outlook before it can be linked', () => {
    const { api, sent } = fakeApi({});
    renderInPane(<MeetingPanel loadCalendar={fakeCalendar().load} userEmail="avery@contoso.com" item={{ ...meeting, eventId: null }} results={results} />, { api });
    expect(screen.getByText('Save the meeting in Outlook first; then Rapport can link it.')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('says when Outlook cannot read the meeting, and Retry reads it', async () => {
    let failOnce = true;
    const { calendar } = fakeCalendar({
      getEvent: async () => {
        if (failOnce) {
          failOnce = false;
          throw new Error('Graph is down');
        }
        return event;
      },
    });
    const { api } = fakeApi({ 'POST /api/lookup': () => lookupAnswer(activity()) });
    renderInPane(<MeetingPanel loadCalendar={async () => calendar} userEmail="avery@contoso.com" item={meeting} results={results} />, { api });
    await screen.findByText('Could not read this meeting in Outlook.');
    expect(screen.queryByText(/Graph is down/)).toBeNull();
    fireEvent.click(screen.getByText('Try again'));
    await screen.findByText(/This meeting is a CRM appointment: Planned,/);
  });

  it('shows a failed CRM read with Retry, and Retry reads it', async () => {
    const lookup = offlineUntilBack(() => lookupAnswer(activity()));
    const { calendar } = fakeCalendar({ getEvent: async () => event });
    const { api } = fakeApi({ 'POST /api/lookup': lookup.route });
    renderInPane(<MeetingPanel loadCalendar={async () => calendar} userEmail="avery@contoso.com" item={meeting} results={results} />, { api });
    await screen.findByText(/Rapport can’t be reached/, undefined, AFTER_RETRIES);
    expect(screen.queryByText('This meeting is not in the CRM yet.')).toBeNull();
    lookup.back();
    fireEvent.click(screen.getByText('Try again'));
    await screen.findByText(/This meeting is a CRM appointment: Planned,/);
  });
});

describe('ScheduleAppointmentForm', () => {
  const userEmail = 'avery@contoso.com';
  const props = (overrides: Partial<ScheduleAppointmentFormProps> = {}): ScheduleAppointmentFormProps => ({
    loadCalendar: fakeCalendar().load,
    userEmail,
    contact: { id: 'c1', name: 'Bo Buyer', email: 'bo@fabrikam.example' },
    companyId: 'co1',
    deals: [],
    others: [],
    onBooked: jest.fn(),
    onCancel: jest.fn(),
    ...overrides,
  });
  const created = (request: { body: unknown }) => activity({ ...(request.body as Partial<Activity>), id: 'a7' });
  const book = async (name: RegExp | string = 'Book') => {
    await screen.findByText('Everyone is free then.');
    fireEvent.click(screen.getByRole('button', { name }));
  };

  it('books the Outlook event and then the CRM appointment, once per click, with one key for both', async () => {
    const outlook = fakeCalendar();
    const { api, sentTo } = fakeApi({ 'POST /api/activities': created });
    const onBooked = jest.fn();
    renderInPane(<ScheduleAppointmentForm {...props({ loadCalendar: outlook.load, onBooked })} />, { api });
    await screen.findByText('Times in Europe/Madrid');
    fireEvent.change(screen.getByLabelText('Notes for me (not sent)'), { target: { value: 'Bring the 50-seat quote' } });
    await book();
    fireEvent.click(screen.getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalledTimes(1));
    expect(onBooked.mock.calls[0]?.[0]).toMatch(/^Booked for .*10:00.*\. Invitations sent\.$/);
    expect(outlook.booked).toHaveLength(1);
    const transactionId = outlook.booked[0]?.transactionId;
    const sent = sentTo('POST /api/activities');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers['idempotency-key']).toBe(`appointment:${transactionId}`);
    expect(sent[0]?.body).toMatchObject({
      kind: 'meeting',
      subject: 'Meeting with Bo Buyer',
      status: 'planned',
      durationMinutes: 30,
      notes: 'Bring the 50-seat quote',
      contactIds: ['c1'],
      companyId: 'co1',
      graphEventId: 'event-1',
      iCalUId: 'ical-1',
    });
    // The notes are the rep's: the invitation does not carry them.
    expect(JSON.stringify(outlook.booked[0]?.event)).not.toContain('50-seat');
  });

  it('opens with focus on its first field, and Escape cancels it', async () => {
    const onCancel = jest.fn();
    const { api } = fakeApi({});
    renderInPane(<ScheduleAppointmentForm {...props({ onCancel })} />, { api });
    expect(document.activeElement).toBe(screen.getByLabelText(/^Subject/));
    await screen.findByText('Everyone is free then.');
    fireEvent.keyDown(screen.getByLabelText(/^Subject/), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('names each attendee to invite with the address under the name, and invites colleagues by address', async () => {
    const outlook = fakeCalendar();
    const { api } = fakeApi({ 'POST /api/activities': created });
    renderInPane(<ScheduleAppointmentForm {...props({ loadCalendar: outlook.load, others: [{ email: 'cy@fabrikam.example', name: 'Cy Buyer', contactId: 'c2' }] })} />, { api });
    // The contact is always invited; the address is whole under each name.
    expect((screen.getByLabelText(/^Bo Buyer/) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('bo@fabrikam.example').getAttribute('title')).toBe('bo@fabrikam.example');
    expect(screen.getByText('cy@fabrikam.example').getAttribute('title')).toBe('cy@fabrikam.example');
    fireEvent.click(screen.getByLabelText(/^Cy Buyer/));
    fireEvent.change(screen.getByLabelText('Colleagues'), { target: { value: 'dee@contoso.com' } });
    await book();
    await waitFor(() => expect(outlook.booked).toHaveLength(1));
    expect(outlook.booked[0]?.event.attendees.map((attendee) => attendee.address)).toEqual(['bo@fabrikam.example', 'cy@fabrikam.example', 'dee@contoso.com']);
  });

  it("shows each conflict in the rep's words and offers to book anyway", async () => {
    const outlook = fakeCalendar({
      freeBusy: async (people: string[], window: TimeSlot) => ({
        busy: [{ person: userEmail, start: window.start, end: new Date(Date.parse(window.start) + 60 * 60_000).toISOString(), status: 'busy', subject: 'Pipeline review' }],
        unavailable: [],
        timeZones: {},
      }),
    });
    const { api } = fakeApi({});
    renderInPane(<ScheduleAppointmentForm {...props({ loadCalendar: outlook.load })} />, { api });
    const conflicts = await screen.findByRole('list', { name: 'Conflicts at this time' });
    expect(within(conflicts).getByText('You are busy 10:00–11:00 · Pipeline review')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Book anyway' })).toBeTruthy();
  });

  it('offers free times and takes the one the rep picks', async () => {
    const outlook = fakeCalendar({
      suggestTimes: async ({ window }) => [{ start: new Date(Date.parse(window.start) + 2 * 86_400_000).toISOString(), end: new Date(Date.parse(window.start) + 2 * 86_400_000 + 30 * 60_000).toISOString() }],
    });
    const { api } = fakeApi({});
    renderInPane(<ScheduleAppointmentForm {...props({ loadCalendar: outlook.load })} />, { api });
    await screen.findByText('Everyone is free then.');
    const dateBefore = (screen.getByLabelText(/^Date/) as HTMLInputElement).value;
    fireEvent.click(screen.getByText('Find free times'));
    const times = await screen.findByRole('group', { name: 'Free times' });
    // The button shows the time beside its day; its name says both, as the booking will.
    const time = within(times).getByRole('button');
    expect(time.textContent).toMatch(/^\d{1,2}:\d{2}/);
    expect(time.getAttribute('aria-label')).toMatch(new RegExp(`\\d{4}, ${time.textContent}$`));
    fireEvent.click(time);
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Free times' })).toBeNull());
    expect((screen.getByLabelText(/^Date/) as HTMLInputElement).value).not.toBe(dateBefore);
  });

  it('finishes a booking whose CRM step failed when retried, with one event and one appointment', async () => {
    const outlook = fakeCalendar();
    const crm = offlineUntilBack(created);
    const { api, sentTo } = fakeApi({ 'POST /api/activities': crm.route });
    const onBooked = jest.fn();
    renderInPane(<ScheduleAppointmentForm {...props({ loadCalendar: outlook.load, onBooked })} />, { api });
    await book();
    // What was saved, and why not the rest, in one message.
    const failure = await screen.findByRole('alert');
    expect(within(failure).getByText('The meeting is in your Outlook calendar, but Rapport could not save it. Select Book again to finish.')).toBeTruthy();
    expect(within(failure).getByText(/Rapport can’t be reached/)).toBeTruthy();
    expect(onBooked).not.toHaveBeenCalled();

    crm.back();
    fireEvent.click(screen.getByText('Try again'));
    await waitFor(() => expect(onBooked).toHaveBeenCalledTimes(1));
    // Graph got the same transaction id twice and made one event; the API got the same key twice and made one appointment.
    expect(outlook.booked.map((call) => call.transactionId)).toEqual([outlook.booked[0]?.transactionId, outlook.booked[0]?.transactionId]);
    expect(outlook.events.size).toBe(1);
    const keys = sentTo('POST /api/activities').map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
  });

  it('records nothing in the CRM when Outlook fails to book', async () => {
    const outlook = fakeCalendar({
      bookEvent: async () => {
        throw new Error('Graph said no');
      },
    });
    const { api, sentTo } = fakeApi({ 'POST /api/activities': created });
    renderInPane(<ScheduleAppointmentForm {...props({ loadCalendar: outlook.load })} />, { api });
    await book();
    await screen.findByText('Outlook could not book the meeting. Nothing was saved.');
    expect(screen.queryByText(/Graph said no/)).toBeNull();
    expect(sentTo('POST /api/activities')).toEqual([]);
  });

  it("shows the CRM's objection at its field and keeps what the rep typed", async () => {
    const { api } = fakeApi({
      'POST /api/activities': () => fail(400, 'REQUEST.VALIDATION_FAILED', { fields: [{ path: 'subject', code: 'too_big', message: 'Too big: expected string to have <=200 characters' }] }),
    });
    renderInPane(<ScheduleAppointmentForm {...props()} />, { api });
    const subject = screen.getByLabelText(/^Subject/) as HTMLInputElement;
    fireEvent.change(subject, { target: { value: 'Pricing call, a very long subject' } });
    await book();
    await screen.findByText('This is too long. Shorten it.');
    expect(subject.value).toBe('Pricing call, a very long subject');
    expect(screen.queryByText(/expected string/)).toBeNull();
  });

  it('says when the calendar cannot be loaded, and Retry loads it', async () => {
    const outlook = fakeCalendar();
    let failOnce = true;
    const load = async () => {
      if (failOnce) {
        failOnce = false;
        throw new Error('Loading chunk failed');
      }
      return outlook.calendar;
    };
    const { api } = fakeApi({});
    renderInPane(<ScheduleAppointmentForm {...props({ loadCalendar: load })} />, { api });
    await screen.findByText('Could not check calendars in Outlook.');
    expect((screen.getByRole('button', { name: 'Book' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByText('Try again'));
    await screen.findByText('Everyone is free then.');
  });

  it('books in Spanish', async () => {
    const outlook = fakeCalendar();
    const { api, sentTo } = fakeApi({ 'POST /api/activities': created });
    const onBooked = jest.fn();
    renderInPane(<ScheduleAppointmentForm {...props({ loadCalendar: outlook.load, onBooked })} />, { api, language: 'es-ES' });
    await screen.findByText('Todos están libres a esa hora.');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reservar' }));
    });
    await waitFor(() => expect(onBooked).toHaveBeenCalledTimes(1));
    expect(onBooked.mock.calls[0]?.[0]).toMatch(/^Reservada para el .*\. Invitaciones enviadas\.$/);
    expect(sentTo('POST /api/activities')[0]?.body).toMatchObject({ subject: 'Reunión con Bo Buyer' });
  });

  it('books at the time picked in the mailbox’s zone', async () => {
    const outlook = fakeCalendar();
    const { api, sentTo } = fakeApi({ 'POST /api/activities': created });
    renderInPane(<ScheduleAppointmentForm {...props({ loadCalendar: outlook.load })} />, { api });
    await screen.findByText('Times in Europe/Madrid');
    const date = (screen.getByLabelText(/^Date/) as HTMLInputElement).value;
    await book();
    await waitFor(() => expect(sentTo('POST /api/activities')).toHaveLength(1));
    expect(outlook.booked[0]?.event.start).toBe(fromWallTime({ date, time: '10:00' }, 'Europe/Madrid'));
  });
});
