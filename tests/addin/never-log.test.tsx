/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { LookupResponse, LookupResult, MyNeverLog } from '@rapport/shared';
import { MyNeverLogList } from '../../addin/src/components/never-log/MyNeverLogList';
import { NeverLogAdmin } from '../../addin/src/components/never-log/NeverLogAdmin';
import { MeProvider } from '../../addin/src/hooks/useMe';
import type { MailItem } from '../../addin/src/office/mail-item';
import { PeopleView } from '../../addin/src/taskpane/PeopleView';
import { fail, fakeApi, renderInPane, type SentRequest } from './pane-harness';

const versionOf = (request: SentRequest) => request.headers['if-match'];
/** Text as a user reads it, addresses included (each address is a piece of its own in the markup). */
const reading = (text: string) => (_: string, element: Element | null) => element?.textContent === text && [...(element?.children ?? [])].every((child) => child.textContent !== text);

/** The API's never-log route over one stored list: each change replaces it and moves the version on. */
function storedList(initial: Partial<MyNeverLog> = {}) {
  let stored: MyNeverLog = { entries: [], tenant: [], version: 4, ...initial };
  return {
    get: () => stored,
    patch: (request: SentRequest) => {
      stored = { ...stored, entries: (request.body as { entries: string[] }).entries, version: stored.version + 1 };
      return stored;
    },
  };
}

const me = () => ({
  tenantId: 't',
  userId: 'u',
  roles: ['rep'],
  rolesFrom: 'member',
  capabilities: { editOthersRecords: false, reassign: false, viewTeam: false, manageSettings: false, importLists: false },
});

const stranger = (email: string): LookupResult => ({
  input: email,
  email,
  name: null,
  match: 'none',
  freeMail: email.endsWith('@gmail.com'),
  contact: null,
  otherContacts: [],
  company: null,
  openDeals: [],
  openCases: [],
  timeline: [],
});

const lookupOf = (results: LookupResult[]): LookupResponse => ({ results, loggedActivity: null, appointment: null, owners: {} });

const item: MailItem = {
  mode: 'message-read',
  key: '<m7@gmail.com>',
  subject: 'Dinner on Saturday?',
  participants: [{ email: 'mum@gmail.com', name: 'Mum', role: 'from' }],
  internetMessageId: '<m7@gmail.com>',
  eventId: null,
  start: null,
  end: null,
  sentAt: '2026-11-20T09:30:00.000Z',
};

describe('never logging mail with someone the CRM does not have', () => {
  const view = () => (
    <MeProvider>
      <PeopleView loadCalendar={() => Promise.reject(new Error('no calendar in these tests'))} userEmail="me@rapport.test" item={item} readBody={async () => ''} />
    </MeProvider>
  );

  it('puts the sender’s address on the rep’s own list from their card, and Undo takes it off again', async () => {
    const list = storedList();
    const fake = fakeApi({
      'GET /api/me': me,
      'POST /api/lookup': () => lookupOf([stranger('mum@gmail.com')]),
      'GET /api/me/never-log': list.get,
      'PATCH /api/me/never-log': list.patch,
    });
    renderInPane(view(), { api: fake.api });
    // Both offers, the domain one naming it. The card's forms load on first use: the first test compiles them.
    expect(await screen.findByRole('button', { name: 'Never log mail with anyone at gmail.com' }, { timeout: 20_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Never log mail with this address' }));

    expect(await screen.findByText(reading('Mail with mum@gmail.com will not be logged. Your list is under My day.'))).toBeTruthy();
    expect(fake.sentTo('PATCH /api/me/never-log').map((request) => [request.body, versionOf(request)])).toEqual([[{ entries: ['mum@gmail.com'] }, '"4"']]);
    expect(screen.queryByRole('button', { name: 'Never log mail with this address' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByRole('button', { name: 'Never log mail with this address' });
    expect(fake.sentTo('PATCH /api/me/never-log').map((request) => [request.body, versionOf(request)])).toEqual([
      [{ entries: ['mum@gmail.com'] }, '"4"'],
      [{ entries: [] }, '"5"'],
    ]);
    // The whole card (its lazily loaded forms compiled on first use) on a loaded machine.
  }, 60_000);

  it('says when the address is on a list already, and whose', async () => {
    const fake = fakeApi({
      'GET /api/me': me,
      'POST /api/lookup': () => lookupOf([stranger('mum@gmail.com')]),
      'GET /api/me/never-log': () => ({ entries: ['gmail.com'], tenant: [], version: 2 }),
    });
    renderInPane(view(), { api: fake.api });
    expect(await screen.findByText(reading('Mail with mum@gmail.com is not logged: gmail.com is on your never-log list.'), undefined, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log it again' })).toBeTruthy();
  });
});

describe('the rep’s own never-log list', () => {
  it('shows the list and the organization’s, removes an entry and adds one as typed, each saved on the version read', async () => {
    const list = storedList({ entries: ['mum@gmail.com', 'home.example'], tenant: ['partner.example'] });
    const fake = fakeApi({ 'GET /api/me/never-log': list.get, 'PATCH /api/me/never-log': list.patch });
    renderInPane(<MyNeverLogList />, { api: fake.api });

    const mine = await screen.findByRole('list', { name: 'Your list' });
    expect(within(mine).getAllByRole('listitem').map((entry) => entry.textContent)).toEqual(['mum@gmail.com', 'home.example']);
    expect(within(screen.getByRole('list', { name: 'Your organization’s list' })).getByText('partner.example')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('Remove mum@gmail.com from the list'));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Your list' })).getAllByRole('listitem')).toHaveLength(1));

    fireEvent.change(screen.getByLabelText('Address or domain'), { target: { value: 'Dad <Dad@Home2.example>' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to the list' }));
    await screen.findByText('dad@home2.example');
    expect(fake.sentTo('PATCH /api/me/never-log').map((request) => [request.body, versionOf(request)])).toEqual([
      [{ entries: ['home.example'] }, '"4"'],
      [{ entries: ['home.example', 'dad@home2.example'] }, '"5"'],
    ]);
    expect(screen.getByRole('status').textContent).toBe('Saved.');
  });

  it('says what fills an empty list, and refuses what is neither an address nor a domain without asking the API', async () => {
    const fake = fakeApi({ 'GET /api/me/never-log': () => ({ entries: [], tenant: [], version: 1 }) });
    renderInPane(<MyNeverLogList />, { api: fake.api });
    expect(await screen.findByText(/Your list is empty/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Address or domain'), { target: { value: 'not an address' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to the list' }));
    expect(await screen.findByText('Enter an e-mail address such as jane@example.com, or a domain such as example.com.')).toBeTruthy();
    expect(fake.sentTo('PATCH /api/me/never-log')).toHaveLength(0);
  });

  it('says in Portuguese when the list was changed elsewhere first, and loads the saved one', async () => {
    let reads = 0;
    const fake = fakeApi({
      'GET /api/me/never-log': () => (++reads === 1 ? { entries: ['a@home.example'], tenant: [], version: 2 } : { entries: ['a@home.example', 'b@home.example'], tenant: [], version: 3 }),
      'PATCH /api/me/never-log': () => fail(412, 'RECORD.STALE_VERSION', { kind: 'member', id: 'u', currentVersion: 3, current: {} }),
    });
    renderInPane(<MyNeverLogList />, { api: fake.api, language: 'pt-BR' });
    fireEvent.click(await screen.findByLabelText('Remover a@home.example da lista'));
    fireEvent.click(await screen.findByRole('button', { name: 'Carregar a lista salva (sua alteração aqui será descartada)' }));
    await screen.findByText('b@home.example');
    expect(reads).toBe(2);
  });
});

describe('the organization’s never-log list in Settings', () => {
  it('lets an admin add a domain and save the list on the settings’ version, and shows a refused entry at the field', async () => {
    const settings = { reportingCurrency: 'EUR', exchangeRates: [], ownDomains: [], staleDealDays: 14, neverLog: ['rival.example'], version: 3 };
    let refuse = true;
    const fake = fakeApi({
      'GET /api/settings': () => settings,
      'PATCH /api/settings': (request) =>
        refuse
          ? fail(400, 'NEVER_LOG.INVALID_ENTRY', { fields: [{ path: 'neverLog.1', code: 'NEVER_LOG.INVALID_ENTRY', message: 'x' }] })
          : { ...settings, ...(request.body as object), version: 4 },
    });
    renderInPane(<NeverLogAdmin />, { api: fake.api });
    fireEvent.change(await screen.findByLabelText('Address or domain'), { target: { value: 'https://www.partner.example/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to the list' }));
    expect(within(screen.getByRole('list', { name: 'Your organization’s list' })).getAllByRole('listitem').map((entry) => entry.textContent)).toEqual(['rival.example', 'partner.example']);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findAllByText('Enter an e-mail address or a domain, such as john@example.com or example.com.')).length).toBeGreaterThan(0);
    refuse = false;
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(fake.sentTo('PATCH /api/settings').map((request) => [request.body, versionOf(request)])).toEqual([
      [{ neverLog: ['rival.example', 'partner.example'] }, '"3"'],
      [{ neverLog: ['rival.example', 'partner.example'] }, '"3"'],
    ]);
  });
});
