/** @jest-environment jsdom */
import { quickDateAt, workingHoursOf } from '@rapport/shared/activities/quick-dates.rules';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Activity, Company, Contact, Deal, Lead, LookupResponse, LookupResult } from '@rapport/shared';
import { CardActions, type DoneNotice } from '../../addin/src/components/CardActions';
import { CARD_MARK, CARD_SHOWN_MARK, ContactCard } from '../../addin/src/components/ContactCard';
import { ConvertLeadForm } from '../../addin/src/components/ConvertLeadForm';
import { CreatePersonForm } from '../../addin/src/components/CreatePersonForm';
import { LeadActions } from '../../addin/src/components/LeadActions';
import { LogEmailButton } from '../../addin/src/components/LogEmailButton';
import { ParticipantList } from '../../addin/src/components/ParticipantList';
import { ReassignOwner } from '../../addin/src/components/ReassignOwner';
import { queryKeys } from '../../addin/src/data/query-keys';
import { MeProvider } from '../../addin/src/hooks/useMe';
import type { MailItem } from '../../addin/src/office/mail-item';
import { PeopleView } from '../../addin/src/taskpane/PeopleView';
import { fail, fakeApi, renderInPane, unreachable, type FakeRoute } from './pane-harness';


const stamp = { tenantId: 't', createdAt: '2026-01-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u' };

const contact: Contact = {
  ...stamp,
  id: 'c1',
  ownerId: 'u',
  version: 1,
  firstName: 'John',
  lastName: 'Doe',
  emails: ['john.doe@contoso.com'],
  phones: [{ type: 'work', number: '+1 (425) 555-0100' }],
  title: 'CFO',
  companyId: 'co1',
  customerNumber: 'C-10001',
  status: 'customer',
};

const company = { ...stamp, id: 'co1', ownerId: 'u', version: 1, name: 'Contoso', domains: ['contoso.com'] } as unknown as Company;

const lead = {
  ...stamp,
  id: 'l1',
  ownerId: 'u',
  version: 3,
  firstName: 'Lena',
  lastName: 'Park',
  email: 'lena@fabrikam.com',
  companyName: 'Fabrikam',
  status: 'new',
  source: 'email',
} as unknown as Lead;

const result = (overrides: Partial<LookupResult>): LookupResult => ({
  input: 'x',
  email: 'x@y.com',
  name: null,
  match: 'none',
  freeMail: false,
  contact: null,
  otherContacts: [],
  company: null,
  openDeals: [],
  openCases: [],
  timeline: [],
  ...overrides,
});

const lookupOf = (results: LookupResult[], loggedActivity: Partial<Activity> | null = null): LookupResponse => ({
  results,
  loggedActivity: loggedActivity as Activity | null,
  appointment: null,
  owners: { u: { displayName: 'Avery Quinn' }, m1: { displayName: 'Morgan Blake' } },
});

const item: MailItem = {
  mode: 'message-read',
  key: '<m1@contoso.com>',
  subject: 'Quote',
  participants: [{ email: 'john.doe@contoso.com', name: 'Doe, John', role: 'from' }],
  internetMessageId: '<m1@contoso.com>',
  eventId: null,
  start: null,
  end: null,
  sentAt: '2026-11-20T09:30:00.000Z',
};

const member = (id: string, displayName: string, role: 'rep' | 'manager' | 'admin') => ({ ...stamp, id, displayName, role, version: 1, ownerId: 'u' });
const members = () => ({ items: [member('u', 'Avery Quinn', 'rep'), member('m1', 'Morgan Blake', 'manager')], nextCursor: null });
const meAs = (role: 'rep' | 'manager' | 'admin') => () => ({
  tenantId: 't',
  userId: 'u',
  roles: [role],
  rolesFrom: 'member',
  capabilities: { editOthersRecords: role !== 'rep', reassign: role !== 'rep', viewTeam: role !== 'rep', manageSettings: role === 'admin', importLists: role !== 'rep' },
});

/** Fails as an offline browser does until `times` requests have failed (the harness's cache does not retry by itself). */
function offlineFor(times: number, then: FakeRoute): FakeRoute {
  let failures = 0;
  return (request) => (failures++ < times ? unreachable() : then(request));
}

const loggedEmail = {
  ...stamp,
  id: 'a1',
  version: 1,
  ownerId: 'u',
  kind: 'email',
  subject: 'Quote',
  at: '2026-11-20T09:30:00.000Z',
  status: 'done',
  createdAt: '2026-11-21T08:00:00Z',
} as Activity;

describe('ParticipantList', () => {
  it('shows each person with whether the CRM knows them, in Spanish', () => {
    renderInPane(
      <ParticipantList
        participants={[
          { email: 'john.doe@contoso.com', name: 'Doe, John', role: 'from' },
          { email: 'new@contoso.com', name: null, role: 'to' },
          { email: 'friend@gmail.com', name: 'Friend', role: 'cc' },
          { email: 'jordan.reyes@rapport-demo.com', name: 'Reyes, Jordan', role: 'cc' },
        ]}
        results={[
          result({ email: 'john.doe@contoso.com', match: 'contact', contact }),
          result({ email: 'new@contoso.com', match: 'company' }),
          result({ email: 'friend@gmail.com', match: 'none', freeMail: true }),
          result({ email: 'jordan.reyes@rapport-demo.com', match: 'colleague' }),
        ]}
        selectedEmail="john.doe@contoso.com"
        onSelect={() => undefined}
      />,
      { api: fakeApi({}).api, language: 'es-ES' },
    );
    expect(screen.getByRole('button', { name: /John Doe.*En el CRM/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: /new@contoso.com.*Empresa conocida/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Friend.*Dirección personal/ })).toBeTruthy();
    // A member of the tenant is a colleague, never someone to add to the CRM.
    expect(screen.getByRole('button', { name: /jordan.reyes@rapport-demo.com.*Colega/ })).toBeTruthy();
  });

  it('names colleagues, leads and people at a known company as such, each by the name people read', () => {
    renderInPane(
      <ParticipantList
        participants={[
          { email: 'jamie.rivera@contoso.com', name: 'Rivera, Jamie', role: 'from' },
          { email: 'lena@fabrikam.com', name: null, role: 'to' },
          { email: 'jordan.reyes@rapport.test', name: 'Jordan Reyes', role: 'cc' },
        ]}
        results={[
          result({ email: 'jamie.rivera@contoso.com', match: 'company', company }),
          result({ email: 'lena@fabrikam.com', match: 'none', lead }),
          result({ email: 'jordan.reyes@rapport.test', match: 'colleague' }),
        ]}
        selectedEmail={null}
        onSelect={() => undefined}
      />,
      { api: fakeApi({}).api },
    );
    const jamie = screen.getByRole('button', { name: 'Jamie Rivera jamie.rivera@contoso.com Known company' });
    // Initials of the name as read ("Rivera, Jamie" is Jamie Rivera), the address whole on hover.
    expect(jamie.textContent).toContain('JR');
    expect(within(jamie).getByTitle('jamie.rivera@contoso.com').textContent).toBe('jamie.rivera@contoso.com');
    expect(screen.getByRole('button', { name: 'Lena Park lena@fabrikam.com Lead' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Jordan Reyes jordan.reyes@rapport.test Colleague' })).toBeTruthy();
  });
});

describe('ContactCard', () => {
  it('shows name, title, company, e-mail, phone, customer number and owner', () => {
    renderInPane(<ContactCard contact={contact} company={null} ownerName="Avery Quinn" otherContacts={0} />, { api: fakeApi({}).api });
    const card = screen.getByRole('region', { name: 'John Doe' });
    for (const text of ['CFO', 'john.doe@contoso.com', '+1 (425) 555-0100', 'C-10001', 'Avery Quinn']) expect(card.textContent).toContain(text);
  });

  it('shows every phone and address whole, each on its own, never joined into one line', () => {
    const reachable = { ...contact, emails: ['john.doe@contoso.com', 'john@doe.example'], phones: [contact.phones[0]!, { type: 'mobile' as const, number: '+1 (425) 555-0199' }] };
    renderInPane(<ContactCard contact={reachable} company={company} ownerName={null} otherContacts={0} />, { api: fakeApi({}).api });
    const card = screen.getByRole('region', { name: 'John Doe' });
    for (const value of ['john.doe@contoso.com', 'john@doe.example', '+1 (425) 555-0100', '+1 (425) 555-0199', 'C-10001']) {
      expect(within(card).getByTitle(value).textContent).toBe(value);
    }
    expect(card.textContent).not.toContain(', ');
  });

  it('marks the first card the pane shows once, and every card shown', () => {
    const marks: string[] = [];
    const timing = { mark: performance.mark, getEntriesByName: performance.getEntriesByName };
    Object.assign(performance, {
      mark: (name: string) => void marks.push(name),
      getEntriesByName: (name: string) => marks.filter((mark) => mark === name),
    });
    try {
      const first = renderInPane(<ContactCard contact={contact} company={null} ownerName={null} otherContacts={0} />, { api: fakeApi({}).api });
      first.unmount();
      renderInPane(<ContactCard contact={{ ...contact, id: 'c2', firstName: 'Jane' }} company={null} ownerName={null} otherContacts={0} />, { api: fakeApi({}).api });
      expect(marks).toEqual([CARD_SHOWN_MARK, CARD_MARK, CARD_MARK]);
    } finally {
      Object.assign(performance, timing);
    }
  });
});

describe('LogEmailButton', () => {
  const matched = (logged: Partial<Activity> | null = null) =>
    lookupOf([result({ email: 'john.doe@contoso.com', match: 'contact', contact })], logged);

  it('logs the e-mail once with its message id as the idempotency key, linked to the contact and company', async () => {
    const fake = fakeApi({ 'POST /api/activities': () => loggedEmail });
    renderInPane(<LogEmailButton item={item} lookup={matched()} readBody={async () => 'Hello'} />, { api: fake.api });
    fireEvent.click(screen.getByText('Log this e-mail'));
    await screen.findByText('Logged to the CRM on Nov 21, 2026, 8:00 AM', { exact: false });
    const sent = fake.sentTo('POST /api/activities');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers['idempotency-key']).toBe('email:<m1@contoso.com>');
    expect(sent[0]?.body).toMatchObject({
      kind: 'email',
      subject: 'Quote',
      at: '2026-11-20T09:30:00.000Z',
      contactIds: ['c1'],
      companyId: 'co1',
      internetMessageId: '<m1@contoso.com>',
      summary: 'Hello',
      participants: [{ email: 'john.doe@contoso.com', name: 'Doe, John', role: 'from' }],
    });
    expect(screen.queryByText('Log this e-mail')).toBeNull();
  });

  it('makes the card, the timeline and the counters of the contact and company stale once logged', async () => {
    const fake = fakeApi({ 'POST /api/activities': () => loggedEmail });
    const { queryClient } = renderInPane(<LogEmailButton item={item} lookup={matched()} readBody={async () => ''} />, { api: fake.api });
    const shown = [
      queryKeys.operation('lookup', { body: { emails: ['john.doe@contoso.com'] } }),
      queryKeys.timeline('contact', 'c1'),
      queryKeys.work('contact', 'c1', { dayStart: 'a', dayEnd: 'b' }),
      queryKeys.timeline('company', 'co1'),
      queryKeys.record('contact', 'c1'),
    ];
    for (const key of shown) queryClient.setQueryData(key, { seeded: true });
    fireEvent.click(screen.getByText('Log this e-mail'));
    await screen.findByText(/Logged to the CRM/);
    for (const key of shown) expect([key, queryClient.getQueryState(key)?.isInvalidated]).toEqual([key, true]);
  });

  it('still logs when Office cannot read the body', async () => {
    const fake = fakeApi({ 'POST /api/activities': () => loggedEmail });
    renderInPane(<LogEmailButton item={item} lookup={matched()} readBody={() => Promise.reject(new Error('no body'))} />, { api: fake.api });
    fireEvent.click(screen.getByText('Log this e-mail'));
    await screen.findByText(/Logged to the CRM/);
    expect(fake.sentTo('POST /api/activities')[0]?.body).not.toHaveProperty('summary');
  });

  it('treats an e-mail a colleague already logged as logged', async () => {
    const fake = fakeApi({ 'POST /api/activities': () => fail(409, 'RECORD.ALREADY_LOGGED', { kind: 'activity', id: 'a0' }) });
    renderInPane(<LogEmailButton item={item} lookup={matched()} readBody={async () => ''} />, { api: fake.api });
    fireEvent.click(screen.getByText('Log this e-mail'));
    await screen.findByText('A colleague already logged this e-mail to the CRM.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the error in words and keeps the button when logging fails; Retry sends the same key', async () => {
    let calls = 0;
    const fake = fakeApi({ 'POST /api/activities': () => (++calls === 1 ? fail(500, 'INTERNAL') : loggedEmail) });
    renderInPane(<LogEmailButton item={item} lookup={matched()} readBody={async () => ''} />, { api: fake.api });
    fireEvent.click(screen.getByText('Log this e-mail'));
    await screen.findByText(/Something went wrong on Rapport’s side/);
    expect(screen.queryByText(/English for/)).toBeNull();
    expect(screen.getByText('Log this e-mail')).toBeTruthy();
    fireEvent.click(screen.getByText('Try again'));
    await screen.findByText(/Logged to the CRM/);
    const keys = fake.sentTo('POST /api/activities').map((request) => request.headers['idempotency-key']);
    expect(keys).toEqual(['email:<m1@contoso.com>', 'email:<m1@contoso.com>']);
  });

  it('says when the e-mail is already logged instead of offering the button', () => {
    renderInPane(<LogEmailButton item={item} lookup={matched({ id: 'a1', createdAt: '2026-11-21T08:00:00Z' })} readBody={async () => ''} />, {
      api: fakeApi({}).api,
    });
    expect(screen.getByText(/Logged to the CRM on Nov 21, 2026/)).toBeTruthy();
    expect(screen.queryByText('Log this e-mail')).toBeNull();
  });
});

describe('PeopleView', () => {
  const recordRoutes = {
    'GET /api/me': meAs('rep'),
    'GET /api/contacts/{id}/timeline': () => ({ items: [], nextCursor: null }),
    'GET /api/contacts/{id}/work': () => ({ overdue: 0, dueToday: 0, planned: 0, capped: false }),
  };
  const view = (options: { item?: MailItem } = {}) => (
    <MeProvider>
      <PeopleView loadCalendar={() => Promise.reject(new Error('no calendar in these tests'))} userEmail="me@rapport.test" item={options.item ?? item} readBody={async () => ''} />
    </MeProvider>
  );

  it('says the lookup failed, in Spanish, with Retry, and shows the card once Retry gets through', async () => {
    const fake = fakeApi({
      ...recordRoutes,
      'POST /api/lookup': offlineFor(1, () => lookupOf([result({ email: 'john.doe@contoso.com', match: 'contact', contact, company })])),
    });
    renderInPane(view(), { api: fake.api, language: 'es-ES' });
    await screen.findByText(/No se puede conectar con Rapport/, undefined, { timeout: 5000 });
    expect(screen.queryByRole('region', { name: 'John Doe' })).toBeNull();
    fireEvent.click(screen.getByText('Reintentar'));
    await screen.findByRole('region', { name: 'John Doe' });
    expect(screen.queryByText(/No se puede conectar/)).toBeNull();
    expect(fake.sentTo('POST /api/lookup')).toHaveLength(2);
  });

  it('shows that it is looking the people up while the lookup is on its way', async () => {
    let answer: (body: LookupResponse) => void = () => undefined;
    const fake = fakeApi({ ...recordRoutes, 'POST /api/lookup': () => new Promise((resolve) => (answer = resolve)) });
    renderInPane(view(), { api: fake.api });
    await screen.findByText('Loading…');
    answer(lookupOf([result({ email: 'john.doe@contoso.com', match: 'contact', contact })]));
    await screen.findByRole('region', { name: 'John Doe' });
  });

  it('reads the card again after logging the e-mail, and says when it was logged', async () => {
    let lookups = 0;
    const fake = fakeApi({
      ...recordRoutes,
      'POST /api/lookup': () => lookupOf([result({ email: 'john.doe@contoso.com', match: 'contact', contact })], ++lookups > 1 ? loggedEmail : null),
      'POST /api/activities': () => loggedEmail,
    });
    renderInPane(view(), { api: fake.api });
    fireEvent.click(await screen.findByText('Log this e-mail'));
    await screen.findByText(/Logged to the CRM on Nov 21, 2026/);
    await waitFor(() => expect(fake.sentTo('POST /api/lookup')).toHaveLength(2));
    expect(fake.sentTo('POST /api/activities')).toHaveLength(1);
  });

  it("opens a draft's pane on the create form of the recipient the Smart Alert's Create contact named, not on the contact first in line", async () => {
    const draft: MailItem = {
      ...item,
      mode: 'message-compose',
      key: 'compose|1|',
      internetMessageId: null,
      participants: [
        { email: 'john.doe@contoso.com', name: 'Doe, John', role: 'to' },
        { email: 'new.person@fabrikam.example', name: 'New Person', role: 'cc' },
      ],
      createContactFor: 'new.person@fabrikam.example',
    };
    const fake = fakeApi({
      ...recordRoutes,
      'POST /api/lookup': () =>
        lookupOf([result({ email: 'john.doe@contoso.com', match: 'contact', contact, company }), result({ email: 'new.person@fabrikam.example', match: 'none' })]),
    });
    renderInPane(view({ item: draft }), { api: fake.api });
    expect(await screen.findByRole('form', { name: 'Add new.person@fabrikam.example to the CRM' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'John Doe' })).toBeNull();
  });

  it('adds an unknown sender as a contact and shows their card, read again', async () => {
    const stranger: MailItem = { ...item, participants: [{ email: 'ana@contoso.com', name: 'Silva, Ana', role: 'from' }] };
    const ana = { ...contact, id: 'c9', firstName: 'Ana', lastName: 'Silva', emails: ['ana@contoso.com'], title: undefined };
    let created = false;
    const fake = fakeApi({
      ...recordRoutes,
      'POST /api/lookup': () =>
        lookupOf([created ? result({ email: 'ana@contoso.com', match: 'contact', contact: ana }) : result({ email: 'ana@contoso.com', match: 'company', company })]),
      'POST /api/contacts': () => ((created = true), ana),
    });
    renderInPane(view({ item: stranger }), { api: fake.api });
    // The form comes in its own chunk, after the lookup.
    fireEvent.click(await screen.findByText('Create contact', undefined, { timeout: 5000 }));
    await screen.findByText('Ana Silva was added to the CRM.');
    await screen.findByRole('region', { name: 'Ana Silva' });
    expect(fake.sentTo('POST /api/contacts')).toHaveLength(1);
    expect(fake.sentTo('POST /api/contacts')[0]?.body).toEqual({ firstName: 'Ana', lastName: 'Silva', emails: ['ana@contoso.com'], companyId: 'co1' });
  });

  it('starts the card with who wrote, then their most relevant open deal: its stage by name, amount and expected close', async () => {
    const deal = {
      ...stamp,
      id: 'd1',
      version: 1,
      ownerId: 'u',
      name: 'Contoso renewal',
      stage: 'proposal',
      amount: 48_000,
      currency: 'EUR',
      expectedCloseDate: '2026-12-12',
      status: 'open',
      contactIds: ['c1'],
      companyId: 'co1',
    } as unknown as Deal;
    const fake = fakeApi({
      ...recordRoutes,
      'POST /api/lookup': () => lookupOf([result({ email: 'john.doe@contoso.com', match: 'contact', contact, company, openDeals: [deal, { ...deal, id: 'd2', name: 'Contoso pilot' }] })]),
      'GET /api/pipeline': () => ({ stages: [{ id: 'proposal', name: 'Proposal', probability: 50, kind: 'open' }], version: 1 }),
    });
    renderInPane(view(), { api: fake.api });
    const card = await screen.findByRole('region', { name: 'John Doe' });
    await within(card).findByText('Stage: Proposal · €48,000.00 · Expected close Dec 12, 2026');
    expect(card.textContent).toContain('CFO · Contoso');
    // The deal the lookup puts first, only: the others are in the record's deals below.
    expect(within(card).queryByText('Contoso pilot')).toBeNull();
    const order = [within(card).getByRole('heading', { name: 'John Doe' }), within(card).getByText('Contoso renewal'), within(card).getByText('john.doe@contoso.com')];
    for (const [earlier, later] of [[order[0], order[1]], [order[1], order[2]]] as const) {
      expect(earlier!.compareDocumentPosition(later!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    expect(fake.sentTo('GET /api/pipeline')).toHaveLength(1);
  });

  it("shows only the card of the person chosen: another contact's, then a colleague's line", async () => {
    const jane = { ...contact, id: 'c2', firstName: 'Jane', lastName: 'Roe', emails: ['jane.roe@contoso.com'] };
    const several: MailItem = {
      ...item,
      participants: [
        { email: 'john.doe@contoso.com', name: 'Doe, John', role: 'from' },
        { email: 'jane.roe@contoso.com', name: 'Roe, Jane', role: 'to' },
        { email: 'jordan.reyes@rapport.test', name: 'Jordan Reyes', role: 'cc' },
      ],
    };
    const fake = fakeApi({
      ...recordRoutes,
      'POST /api/lookup': () =>
        lookupOf([
          result({ email: 'john.doe@contoso.com', match: 'contact', contact }),
          result({ email: 'jane.roe@contoso.com', match: 'contact', contact: jane }),
          result({ email: 'jordan.reyes@rapport.test', match: 'colleague' }),
        ]),
    });
    renderInPane(view({ item: several }), { api: fake.api });
    await screen.findByText('CFO', undefined, { timeout: 5000 });
    fireEvent.click(screen.getByText('Jane Roe'));
    await waitFor(() => expect(screen.getAllByText('Jane Roe')).toHaveLength(2));
    expect(screen.getAllByText('John Doe')).toHaveLength(1);
    fireEvent.click(screen.getByText('Jordan Reyes'));
    await screen.findByText('Jordan Reyes is a colleague: nothing to add to the CRM.');
    expect(screen.queryAllByRole('region').map((region) => region.getAttribute('aria-label'))).not.toContain('Jane Roe');
    expect(screen.queryByText('CFO')).toBeNull();
  });

  it('says a colleague is a colleague, and never offers to add them to the CRM', async () => {
    const teammate: MailItem = { ...item, participants: [{ email: 'jordan.reyes@rapport.test', name: 'Reyes, Jordan', role: 'from' }] };
    const fake = fakeApi({ ...recordRoutes, 'POST /api/lookup': () => lookupOf([result({ email: 'jordan.reyes@rapport.test', match: 'colleague' })]) });
    renderInPane(view({ item: teammate }), { api: fake.api });
    await screen.findByText('Jordan Reyes is a colleague: nothing to add to the CRM.');
    expect(screen.getByRole('button', { name: /Jordan Reyes.*Colleague/ })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByText('Create contact')).toBeNull();
    expect(screen.queryByText('Create lead')).toBeNull();
  });

  it("shows a sender who was just made a lead as a lead: the lookup is read again after the write", async () => {
    const stranger: MailItem = { ...item, participants: [{ email: 'lena@fabrikam.com', name: 'Lena Park', role: 'from' }] };
    let created = false;
    const fake = fakeApi({
      ...recordRoutes,
      'POST /api/lookup': () => lookupOf([result({ email: 'lena@fabrikam.com', match: 'none', ...(created ? { lead } : {}) })]),
      'POST /api/leads': () => ((created = true), lead),
    });
    renderInPane(view({ item: stranger }), { api: fake.api });
    // Found by text while waiting (role queries are slow over the whole pane), by role once there.
    await screen.findByText('Not in CRM', undefined, { timeout: 5000 });
    fireEvent.click(await screen.findByLabelText('Lead', undefined, { timeout: 5000 }));
    fireEvent.click(screen.getByText('Create lead'));
    await screen.findByText('Lead: Lena Park', undefined, { timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Lena Park lena@fabrikam.com Lead' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Lead: Lena Park' })).toBeTruthy();
    expect(fake.sentTo('POST /api/lookup')).toHaveLength(2);
  });

  it("shows a lead's name first, then its status, then its conversion", async () => {
    const fromLead: MailItem = { ...item, participants: [{ email: 'lena@fabrikam.com', name: 'Lena Park', role: 'from' }] };
    const fake = fakeApi({ ...recordRoutes, 'POST /api/lookup': () => lookupOf([result({ email: 'lena@fabrikam.com', match: 'none', lead })]) });
    renderInPane(view({ item: fromLead }), { api: fake.api });
    const card = await screen.findByRole('region', { name: 'Lead: Lena Park' });
    const order = [
      within(card).getByRole('heading', { name: 'Lead: Lena Park' }),
      await within(card).findByRole('combobox', { name: 'Lead status' }, { timeout: 5000 }),
      await within(card).findByRole('checkbox', { name: 'Also open a deal' }, { timeout: 5000 }),
    ];
    for (const [earlier, later] of [[order[0], order[1]], [order[1], order[2]]] as const) {
      expect(earlier!.compareDocumentPosition(later!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    expect(card.textContent).toContain('Company: Fabrikam · New');
  });
});

describe('CreatePersonForm', () => {
  it('warns that the address is already in the CRM, and opens the existing contact or saves anyway', async () => {
    let calls = 0;
    const fake = fakeApi({
      'POST /api/contacts': () =>
        ++calls === 1 ? fail(409, 'CONTACT.DUPLICATE_EMAIL', { existing: [{ id: 'c9', firstName: 'Ana', lastName: 'Silva' }] }) : { ...contact, id: 'c10' },
    });
    const onCreated = jest.fn();
    const onOpenExisting = jest.fn();
    renderInPane(<CreatePersonForm email="ana@contoso.com" displayName="Silva, Ana" company={null} onCreated={onCreated} onOpenExisting={onOpenExisting} />, {
      api: fake.api,
    });
    fireEvent.click(screen.getByText('Create contact'));
    // The address in the warning is one piece, never broken.
    const warning = await screen.findByText(/already has/);
    expect(warning.textContent).toContain('Ana Silva already has ana@contoso.com.');
    expect(within(warning).getByTitle('ana@contoso.com')).toBeTruthy();
    expect(onCreated).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.click(screen.getByText('Open existing'));
    expect(onOpenExisting).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByText('Save anyway'));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('Ana Silva'));
    const [first, second] = fake.sentTo('POST /api/contacts');
    expect(fake.sentTo('POST /api/contacts')).toHaveLength(2);
    expect(first?.body).toMatchObject({ firstName: 'Ana', lastName: 'Silva', emails: ['ana@contoso.com'] });
    expect(first?.query.duplicates).toBeUndefined();
    expect(second?.query.duplicates).toBe('allow');
    // The same key: the refused attempt created nothing, so the second is not a replay of it.
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
  });

  it("shows a refused field at the field, in Spanish, and keeps what was typed", async () => {
    const fake = fakeApi({
      'POST /api/contacts': () => fail(400, 'REQUEST.VALIDATION_FAILED', { in: 'body', fields: [{ path: 'title', code: 'too_big', message: 'Too big' }] }),
    });
    renderInPane(<CreatePersonForm email="ana@contoso.com" displayName="Silva, Ana" company={null} onCreated={() => undefined} onOpenExisting={() => undefined} />, {
      api: fake.api,
      language: 'es-ES',
    });
    const title = screen.getByLabelText('Cargo') as HTMLInputElement;
    fireEvent.change(title, { target: { value: 'A very long title' } });
    fireEvent.click(screen.getByText('Crear contacto'));
    const field = await screen.findByText(/demasiado largo/i);
    expect(field).toBeTruthy();
    expect((screen.getByLabelText('Cargo') as HTMLInputElement).value).toBe('A very long title');
    expect(screen.queryByText(/English for/)).toBeNull();
  });

  it('adds the sender as a lead with the company name typed', async () => {
    const fake = fakeApi({ 'POST /api/leads': () => ({ ...lead, id: 'l2' }) });
    const onCreated = jest.fn();
    renderInPane(<CreatePersonForm email="lena@fabrikam.com" displayName="Lena Park" company={null} onCreated={onCreated} onOpenExisting={() => undefined} />, {
      api: fake.api,
    });
    fireEvent.click(screen.getByLabelText('Lead'));
    fireEvent.change(screen.getByLabelText('Company'), { target: { value: 'Fabrikam' } });
    fireEvent.click(screen.getByText('Create lead'));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('Lena Park'));
    expect(fake.sentTo('POST /api/leads')).toHaveLength(1);
    expect(fake.sentTo('POST /api/leads')[0]?.body).toEqual({ firstName: 'Lena', lastName: 'Park', email: 'lena@fabrikam.com', source: 'email', companyName: 'Fabrikam' });
  });
});

describe('ReassignOwner', () => {
  const asManager = (routes: Record<string, FakeRoute>) => fakeApi({ 'GET /api/me': meAs('manager'), 'GET /api/members': members, ...routes });

  it('lets a manager give the contact another owner, at the version read', async () => {
    const fake = asManager({ 'PATCH /api/contacts/{id}': () => ({ ...contact, ownerId: 'm1', version: 2 }) });
    const onReassigned = jest.fn();
    renderInPane(
      <MeProvider>
        <ReassignOwner record={contact} onReassigned={onReassigned} />
      </MeProvider>,
      { api: fake.api },
    );
    fireEvent.change(await screen.findByLabelText('Reassign to'), { target: { value: 'm1' } });
    fireEvent.click(screen.getByText('Reassign'));
    await waitFor(() => expect(onReassigned).toHaveBeenCalledWith('Morgan Blake'));
    const sent = fake.sentTo('PATCH /api/contacts/{id}');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.params.id).toBe('c1');
    expect(sent[0]?.body).toEqual({ ownerId: 'm1' });
    expect(sent[0]?.headers['if-match']).toBe('"1"');
  });

  it('says someone changed the contact first and keeps the chosen owner', async () => {
    const fake = asManager({ 'PATCH /api/contacts/{id}': () => fail(412, 'RECORD.STALE_VERSION', { kind: 'contact' }) });
    const onReassigned = jest.fn();
    renderInPane(
      <MeProvider>
        <ReassignOwner record={contact} onReassigned={onReassigned} />
      </MeProvider>,
      { api: fake.api },
    );
    fireEvent.change(await screen.findByLabelText('Reassign to'), { target: { value: 'm1' } });
    fireEvent.click(screen.getByText('Reassign'));
    await screen.findByText(/Someone else changed/);
    expect((screen.getByLabelText('Reassign to') as HTMLSelectElement).value).toBe('m1');
    expect(screen.getByText('Reload')).toBeTruthy();
    expect(onReassigned).not.toHaveBeenCalled();
  });

  it('says who changed the contact first, and Apply mine again gives it the chosen owner on the version the refusal named', async () => {
    let attempt = 0;
    const fake = asManager({
      'PATCH /api/contacts/{id}': () =>
        ++attempt === 1
          ? fail(412, 'RECORD.STALE_VERSION', {
              kind: 'contact',
              id: 'c1',
              currentVersion: 3,
              changes: [{ by: { id: 'a1', displayName: 'Avery Quinn' }, at: new Date().toISOString(), fields: ['ownerId', 'title'] }],
              changedFields: ['ownerId', 'title'],
            })
          : { ...contact, ownerId: 'm1', version: 4 },
    });
    const onReassigned = jest.fn();
    renderInPane(
      <MeProvider>
        <ReassignOwner record={contact} onReassigned={onReassigned} />
      </MeProvider>,
      { api: fake.api },
    );
    fireEvent.change(await screen.findByLabelText('Reassign to'), { target: { value: 'm1' } });
    fireEvent.click(screen.getByText('Reassign'));
    await screen.findByText(/^Avery Quinn changed Owner and Job title at .+\. They changed Owner too: yours will replace theirs\./);
    fireEvent.click(screen.getByRole('button', { name: 'Apply mine again' }));
    await waitFor(() => expect(onReassigned).toHaveBeenCalledWith('Morgan Blake'));
    expect(fake.sentTo('PATCH /api/contacts/{id}').map((sent) => [sent.body, sent.headers['if-match']])).toEqual([
      [{ ownerId: 'm1' }, '"1"'],
      [{ ownerId: 'm1' }, '"3"'],
    ]);
  });

  it('says the colleagues could not be read, and lists them once Retry gets through', async () => {
    const fake = fakeApi({ 'GET /api/me': meAs('manager'), 'GET /api/members': offlineFor(1, members) });
    renderInPane(
      <MeProvider>
        <ReassignOwner record={contact} onReassigned={() => undefined} />
      </MeProvider>,
      { api: fake.api },
    );
    await screen.findByText(/Rapport can’t be reached/, undefined, { timeout: 5000 });
    fireEvent.click(screen.getByText('Try again'));
    await screen.findByLabelText('Reassign to');
    expect(screen.queryByText(/Rapport can’t be reached/)).toBeNull();
  });

  it('shows nothing to a rep, and does not read the members', async () => {
    const fake = fakeApi({ 'GET /api/me': meAs('rep'), 'GET /api/members': members });
    renderInPane(
      <MeProvider>
        <ReassignOwner record={contact} onReassigned={() => undefined} />
      </MeProvider>,
      { api: fake.api },
    );
    await waitFor(() => expect(fake.sentTo('GET /api/me')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByLabelText('Reassign to')).toBeNull();
    expect(fake.sentTo('GET /api/members')).toHaveLength(0);
  });
});

describe('LeadActions', () => {
  it("changes the lead's status at the version read and says so", async () => {
    const fake = fakeApi({ 'GET /api/me': meAs('rep'), 'PATCH /api/leads/{id}': () => ({ ...lead, status: 'dead', version: 4 }) });
    const onChanged = jest.fn();
    renderInPane(
      <MeProvider>
        <LeadActions lead={lead} onChanged={onChanged} />
      </MeProvider>,
      { api: fake.api },
    );
    fireEvent.change(await screen.findByLabelText('Lead status'), { target: { value: 'dead' } });
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith('The lead is now: Dead.'));
    const sent = fake.sentTo('PATCH /api/leads/{id}');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toEqual({ status: 'dead' });
    expect(sent[0]?.headers['if-match']).toBe('"3"');
  });

  it('keeps the chosen status when someone changed the lead first', async () => {
    const fake = fakeApi({ 'GET /api/me': meAs('rep'), 'PATCH /api/leads/{id}': () => fail(412, 'RECORD.STALE_VERSION', { kind: 'lead' }) });
    renderInPane(
      <MeProvider>
        <LeadActions lead={lead} onChanged={() => undefined} />
      </MeProvider>,
      { api: fake.api },
    );
    fireEvent.change(await screen.findByLabelText('Lead status'), { target: { value: 'recycled' } });
    await screen.findByText(/Someone else changed/);
    expect((screen.getByLabelText('Lead status') as HTMLSelectElement).value).toBe('recycled');
  });
});

describe('ConvertLeadForm', () => {
  const pipeline = () => ({
    stages: [
      { id: 'qualify', name: 'Qualify', probability: 10, kind: 'open' },
      { id: 'proposal', name: 'Proposal', probability: 50, kind: 'open' },
      { id: 'won', name: 'Won', probability: 100, kind: 'won' },
    ],
    version: 1,
  });
  const converted = () => ({ lead: { ...lead, status: 'converted' }, contact, company: null, deal: null, linked: { contact: false, company: false }, activitiesMoved: 0 });

  it('converts the lead with a deal at a stage of the pipeline, at the version read', async () => {
    const fake = fakeApi({ 'GET /api/pipeline': pipeline, 'GET /api/settings': () => ({ reportingCurrency: 'USD', exchangeRates: [], ownDomains: [], version: 1 }), 'POST /api/leads/{id}/convert': converted });
    const onConverted = jest.fn();
    renderInPane(<ConvertLeadForm lead={lead} onConverted={onConverted} />, { api: fake.api });
    expect(fake.sentTo('GET /api/pipeline')).toHaveLength(0);
    fireEvent.click(screen.getByLabelText('Also open a deal'));
    fireEvent.change(await screen.findByLabelText('Stage'), { target: { value: 'proposal' } });
    fireEvent.click(screen.getByText('Convert lead'));
    await waitFor(() => expect(onConverted).toHaveBeenCalledWith('Lena Park'));
    const sent = fake.sentTo('POST /api/leads/{id}/convert');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toEqual({ deal: { name: 'Fabrikam', stage: 'proposal', currency: 'USD', expectedCloseDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect(sent[0]?.headers['if-match']).toBe('"3"');
    expect(screen.queryByText('Won')).toBeNull();
  });

  it('says the stages could not be read, and offers them once Retry gets through', async () => {
    const fake = fakeApi({ 'GET /api/pipeline': offlineFor(1, pipeline) });
    renderInPane(<ConvertLeadForm lead={lead} onConverted={() => undefined} />, { api: fake.api });
    fireEvent.click(screen.getByLabelText('Also open a deal'));
    await screen.findByText(/Rapport can’t be reached/, undefined, { timeout: 5000 });
    fireEvent.click(screen.getByText('Try again'));
    await screen.findByLabelText('Stage');
  });
});

describe('CardActions', () => {
  const actions = (onDone: (notice: string | DoneNotice) => void = () => undefined) => (
    <CardActions
      activity={{ links: { contactIds: ['c1'], companyId: 'co1' }, deals: [], about: 'Ana Costa' }}
      serviceCase={{ subject: 'Broken invoice', contactId: 'c1', companyId: 'co1' }}
      onDone={onDone}
    />
  );

  it('saves a note once per click, linked to the contact and company, and says so', async () => {
    const fake = fakeApi({ 'POST /api/activities': (request) => ({ ...loggedEmail, ...(request.body as object), id: 'n1' }) });
    const onDone = jest.fn();
    renderInPane(actions(onDone), { api: fake.api });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    fireEvent.change(await screen.findByLabelText(/Subject/), { target: { value: 'Called back' } });
    fireEvent.click(screen.getByText('Save'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Note saved.'));
    const sent = fake.sentTo('POST /api/activities');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({ kind: 'note', subject: 'Called back', status: 'done', contactIds: ['c1'], companyId: 'co1' });
    expect(sent[0]?.headers['idempotency-key']).toBeTruthy();
    await screen.findByRole('button', { name: 'Add note' });
  });

  it('shows a refused field at the field and keeps the draft; the next note gets a new key', async () => {
    let calls = 0;
    const fake = fakeApi({
      'POST /api/activities': () =>
        ++calls === 1 ? fail(400, 'REQUEST.VALIDATION_FAILED', { in: 'body', fields: [{ path: 'notes', code: 'too_big', message: 'Too big' }] }) : { ...loggedEmail, id: 'n1' },
    });
    const onDone = jest.fn();
    renderInPane(actions(onDone), { api: fake.api });
    fireEvent.click(screen.getByRole('button', { name: 'Add follow-up task' }));
    fireEvent.change(await screen.findByLabelText(/Subject/), { target: { value: 'Send the quote' } });
    fireEvent.change(screen.getByLabelText('Notes'), { target: { value: 'Long notes' } });
    fireEvent.click(screen.getByText('Save'));
    await screen.findByText('This is too long.', { exact: false });
    expect((screen.getByLabelText(/Subject/) as HTMLInputElement).value).toBe('Send the quote');
    fireEvent.change(screen.getByLabelText('Notes'), { target: { value: 'Short' } });
    // A follow-up quick date: due at the start of the rep's working day, three days on (or the next day they work).
    fireEvent.click(screen.getByRole('button', { name: 'In three days' }));
    expect(screen.getByRole('button', { name: 'In three days' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByText('Save'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.stringMatching(/^Task saved for/)));
    const [first, second] = fake.sentTo('POST /api/activities');
    const hours = workingHoursOf(undefined, Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(second?.body).toMatchObject({ kind: 'task', status: 'planned', priority: 'normal', notes: 'Short', at: quickDateAt('in-three-days', Date.now(), hours) });
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);

    fireEvent.click(await screen.findByRole('button', { name: 'Add note' }));
    fireEvent.change(await screen.findByLabelText(/Subject/), { target: { value: 'Another' } });
    fireEvent.click(screen.getByText('Save'));
    await waitFor(() => expect(fake.sentTo('POST /api/activities')).toHaveLength(3));
    expect(fake.sentTo('POST /api/activities')[2]?.headers['idempotency-key']).not.toBe(first?.headers['idempotency-key']);
  });

  it('opens a case from the e-mail for the contact, once per click, and says its number', async () => {
    const fake = fakeApi({ 'POST /api/cases': (request) => ({ ...stamp, id: 'k1', version: 1, ownerId: 'u', number: 42, status: 'open', ...(request.body as object) }) });
    const onDone = jest.fn();
    renderInPane(actions(onDone), { api: fake.api });
    fireEvent.click(screen.getByRole('button', { name: 'Open a case' }));
    fireEvent.click(await screen.findByText('Open case'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Case #42 is open.'));
    expect(fake.sentTo('POST /api/cases')).toHaveLength(1);
    expect(fake.sentTo('POST /api/cases')[0]?.body).toEqual({ subject: 'Broken invoice', type: 'question', priority: 'normal', contactId: 'c1', companyId: 'co1' });
    await screen.findByRole('button', { name: 'Open a case' });
  });

  it('moves focus into the form a button opens; Escape closes it and focus returns to that button', async () => {
    renderInPane(actions(), { api: fakeApi({}).api });
    fireEvent.click(screen.getByRole('button', { name: 'Add follow-up task' }));
    const form = await screen.findByRole('form', { name: 'Add follow-up task' });
    const subject = within(form).getByLabelText(/Subject/);
    await waitFor(() => expect(document.activeElement).toBe(subject));
    fireEvent.keyDown(subject, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add follow-up task' })));
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('offers nothing but what the person allows: no case without a contact', () => {
    renderInPane(<CardActions activity={{ links: { companyId: 'co1' }, deals: [], about: 'Ana Costa' }} onDone={() => undefined} />, { api: fakeApi({}).api });
    expect(screen.getByRole('button', { name: 'Add note' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open a case' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Schedule appointment' })).toBeNull();
  });
});
