/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Activity, Contact, Deal, LookupResponse, LookupResult } from '@rapport/shared';
import { ApiError, type ApiClient } from '../../addin/src/api/api-client';
import { ContactCard } from '../../addin/src/components/ContactCard';
import { CreatePersonForm } from '../../addin/src/components/CreatePersonForm';
import { CalendarView } from '../../addin/src/components/CalendarView';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { ReassignOwner } from '../../addin/src/components/ReassignOwner';
import { PurchaseHistory } from '../../addin/src/components/PurchaseHistory';
import { LogEmailButton } from '../../addin/src/components/LogEmailButton';
import { ParticipantList } from '../../addin/src/components/ParticipantList';
import { RecordTabs } from '../../addin/src/components/RecordTabs';
import { DealPanel } from '../../addin/src/components/DealPanel';
import { HeadlineFigures } from '../../addin/src/components/HeadlineFigures';
import { LogOutcomeForm } from '../../addin/src/components/LogOutcomeForm';
import { translatorFor } from '../../addin/src/i18n/catalogs';
import { I18nProvider } from '../../addin/src/i18n/I18nContext';
import type { MailItem } from '../../addin/src/office/mail-item';

const wrap = (ui: ReactNode, language = 'en-US') =>
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider translator={translatorFor(language)}>{ui}</I18nProvider>
    </FluentProvider>,
  );

const contact: Contact = {
  tenantId: 't',
  id: 'c1',
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: 'u',
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: 'u',
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

function fakeApi(createActivity: jest.Mock): ApiClient {
  return { createActivity } as unknown as ApiClient;
}

describe('ParticipantList', () => {
  it('shows each person with whether the CRM knows them, in Spanish', () => {
    wrap(
      <ParticipantList
        participants={[
          { email: 'john.doe@contoso.com', name: 'Doe, John', role: 'from' },
          { email: 'new@contoso.com', name: null, role: 'to' },
          { email: 'friend@gmail.com', name: 'Friend', role: 'cc' },
        ]}
        results={[
          result({ email: 'john.doe@contoso.com', match: 'contact', contact }),
          result({ email: 'new@contoso.com', match: 'company' }),
          result({ email: 'friend@gmail.com', match: 'none', freeMail: true }),
        ]}
        selectedEmail="john.doe@contoso.com"
        onSelect={() => undefined}
      />,
      'es-ES',
    );
    expect(screen.getByRole('button', { name: /John Doe.*En el CRM/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: /new@contoso.com.*Empresa conocida/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Friend.*Dirección personal/ })).toBeTruthy();
  });
});

describe('ContactCard', () => {
  it('shows name, title, company, e-mail, phone, customer number and owner', () => {
    wrap(<ContactCard contact={contact} company={null} ownerName="Avery Quinn" otherContacts={0} />);
    const card = screen.getByRole('region', { name: 'John Doe' });
    for (const text of ['CFO', 'john.doe@contoso.com', '+1 (425) 555-0100', 'C-10001', 'Avery Quinn']) expect(card.textContent).toContain(text);
  });
});

describe('LogEmailButton', () => {
  const lookup = (logged = false): LookupResponse => ({
    results: [result({ email: 'john.doe@contoso.com', match: 'contact', contact })],
    loggedActivity: logged ? ({ id: 'a1', createdAt: '2026-11-21T08:00:00Z' } as LookupResponse['loggedActivity']) : null,
    appointment: null,
    owners: {},
  });

  it('logs the e-mail once with its message id as the idempotency key, linked to the contact and company', async () => {
    const createActivity = jest.fn().mockResolvedValue({ id: 'a1' });
    const onLogged = jest.fn();
    wrap(<LogEmailButton api={fakeApi(createActivity)} item={item} lookup={lookup()} readBody={async () => 'Hello'} onLogged={onLogged} />);
    fireEvent.click(screen.getByRole('button', { name: 'Log this e-mail' }));
    await waitFor(() => expect(onLogged).toHaveBeenCalledTimes(1));
    expect(createActivity).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'email',
        subject: 'Quote',
        at: '2026-11-20T09:30:00.000Z',
        contactIds: ['c1'],
        companyId: 'co1',
        internetMessageId: '<m1@contoso.com>',
        summary: 'Hello',
        participants: [{ email: 'john.doe@contoso.com', name: 'Doe, John', role: 'from' }],
      }),
      'email:<m1@contoso.com>',
    );
  });

  it('still logs when Office cannot read the body', async () => {
    const createActivity = jest.fn().mockResolvedValue({ id: 'a1' });
    const onLogged = jest.fn();
    wrap(<LogEmailButton api={fakeApi(createActivity)} item={item} lookup={lookup()} readBody={() => Promise.reject(new Error('no body'))} onLogged={onLogged} />);
    fireEvent.click(screen.getByRole('button', { name: 'Log this e-mail' }));
    await waitFor(() => expect(onLogged).toHaveBeenCalled());
    expect(createActivity.mock.calls[0][0]).not.toHaveProperty('summary');
  });

  it('treats an e-mail a colleague already logged as logged', async () => {
    const createActivity = jest.fn().mockRejectedValue(new ApiError(409, 'RECORD.ALREADY_LOGGED', 'This e-mail is already logged.'));
    const onLogged = jest.fn();
    wrap(<LogEmailButton api={fakeApi(createActivity)} item={item} lookup={lookup()} readBody={async () => ''} onLogged={onLogged} />);
    fireEvent.click(screen.getByRole('button', { name: 'Log this e-mail' }));
    await waitFor(() => expect(onLogged).toHaveBeenCalled());
  });

  it('shows the error and keeps the button when logging fails', async () => {
    const createActivity = jest.fn().mockRejectedValue(new ApiError(500, 'INTERNAL', 'Something went wrong on our side.'));
    wrap(<LogEmailButton api={fakeApi(createActivity)} item={item} lookup={lookup()} readBody={async () => ''} onLogged={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Log this e-mail' }));
    await screen.findByText(/Something went wrong on our side/);
    expect(screen.getByRole('button', { name: 'Log this e-mail' })).toBeTruthy();
  });

  it('says when the e-mail is already logged instead of offering the button', () => {
    wrap(<LogEmailButton api={fakeApi(jest.fn())} item={item} lookup={lookup(true)} readBody={async () => ''} onLogged={() => undefined} />);
    expect(screen.getByText(/Logged to the CRM on Nov 21, 2026/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Log this e-mail' })).toBeNull();
  });
});

describe('RecordTabs', () => {
  const meeting = {
    ...contact,
    id: 'a1',
    kind: 'meeting',
    subject: 'Pricing call',
    at: '2026-11-24T15:00:00.000Z',
    durationMinutes: 30,
    contactMethod: 'online-meeting',
    status: 'done',
    outcome: 'held',
    participants: [],
    contactIds: ['c1'],
    dealId: 'd1',
  } as unknown as Activity;
  const deal = { ...contact, id: 'd1', name: '50 seats', stage: 'proposal', status: 'open', currency: 'EUR', amount: 12000, contactIds: ['c1'] } as unknown as Deal;

  it("opens a deal's appointment history with date, time, how it was held and its outcome", async () => {
    const timeline = jest.fn(async (owner: string, id: string) => ({ items: owner === 'deal' && id === 'd1' ? [meeting] : [], nextCursor: null }));
    const work = jest.fn(async (owner: string) => ({ overdue: owner === 'deal' ? 1 : 0, dueToday: 0, planned: 2, capped: false }));
    const pipeline = async () => ({ stages: [{ id: 'proposal', name: 'Proposal', probability: 50, kind: 'open' }], version: 0 });
    const api = { timeline, work, pipeline, products: async () => ({ items: [], nextCursor: null }) } as unknown as ApiClient;
    wrap(<RecordTabs api={api} owner={{ kind: 'contact', id: 'c1' }} initialTimeline={[]} openDeals={[deal]} openCases={[]} refreshKey={0} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Open deals (1)' }));
    // The stage by its name in the tenant's pipeline, not its id.
    await screen.findByText(/Stage: Proposal/);
    fireEvent.click(screen.getByRole('button', { name: 'History' }));
    const history = await screen.findByRole('list', { name: 'History of 50 seats' });
    await waitFor(() => expect(history.textContent).toContain('Pricing call'));
    expect(timeline).toHaveBeenCalledWith('deal', 'd1');
    expect(history.textContent).toMatch(/Meeting · Pricing call/);
    expect(history.textContent).toMatch(/Nov 24, 2026.*Online meeting · Held/);
    // The deal's planned work: 1 overdue, 0 today, 2 later.
    const counters = await screen.findByLabelText('Planned work: History of 50 seats');
    expect(counters.textContent).toBe('Overdue1Due today0Later2');
  });
});

describe('CreatePersonForm', () => {
  const duplicate = new ApiError(409, 'CONTACT.DUPLICATE_EMAIL', 'Ana Silva already has this e-mail address.', {
    existing: [{ id: 'c9', firstName: 'Ana', lastName: 'Silva' }],
  });

  it('warns that the address is already in the CRM, and opens the existing contact or saves anyway', async () => {
    const createContact = jest.fn().mockRejectedValueOnce(duplicate).mockResolvedValueOnce({ ...contact, id: 'c10' });
    const onCreated = jest.fn();
    const onOpenExisting = jest.fn();
    wrap(
      <CreatePersonForm
        api={{ createContact } as unknown as ApiClient}
        email="ana@contoso.com"
        displayName="Silva, Ana"
        company={null}
        onCreated={onCreated}
        onOpenExisting={onOpenExisting}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create contact' }));
    await screen.findByText('Ana Silva already has ana@contoso.com.');
    expect(onCreated).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Open existing' }));
    expect(onOpenExisting).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('Ana Silva'));
    expect(createContact).toHaveBeenCalledTimes(2);
    const [firstInput, firstKey, firstOptions] = createContact.mock.calls[0];
    const [, secondKey, secondOptions] = createContact.mock.calls[1];
    expect(firstInput).toMatchObject({ firstName: 'Ana', lastName: 'Silva', emails: ['ana@contoso.com'] });
    expect(firstOptions).toEqual({ allowDuplicate: false });
    expect(secondOptions).toEqual({ allowDuplicate: true });
    // The same key: the refused attempt created nothing, so the second is not a replay of it.
    expect(secondKey).toBe(firstKey);
  });
});

describe('CalendarView', () => {
  const appointments = jest.fn().mockResolvedValue({ appointments: [], owners: {}, capped: false });
  const asRole = (role: 'rep' | 'manager') =>
    ({
      appointments,
      me: jest.fn().mockResolvedValue({
        tenantId: 't',
        userId: 'u',
        roles: [role],
        rolesFrom: 'member',
        capabilities: { editOthersRecords: role === 'manager', reassign: role === 'manager', viewTeam: role === 'manager', manageSettings: false, importLists: role === 'manager' },
      }),
    }) as unknown as ApiClient;

  it("offers a manager the team's calendar and hides it from a rep", async () => {
    const manager = wrap(
      <MeProvider api={asRole('manager')}>
        <CalendarView api={asRole('manager')} />
      </MeProvider>,
    );
    await screen.findByRole('switch', { name: "My team's appointments" });
    manager.unmount();

    const rep = asRole('rep');
    wrap(
      <MeProvider api={rep}>
        <CalendarView api={rep} />
      </MeProvider>,
    );
    await waitFor(() => expect((rep.me as jest.Mock).mock.calls).toHaveLength(1));
    await screen.findByText('No appointments.');
    expect(screen.queryByRole('switch')).toBeNull();
  });
});

const member = (id: string, displayName: string, role: 'rep' | 'manager' | 'admin', version = 1) => ({
  tenantId: 't',
  id,
  displayName,
  role,
  version,
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: 'u',
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: 'u',
  ownerId: 'u',
});
const meAs = (role: 'rep' | 'manager' | 'admin') =>
  jest.fn().mockResolvedValue({
    tenantId: 't',
    userId: 'me',
    roles: [role],
    rolesFrom: 'member',
    capabilities: { editOthersRecords: role !== 'rep', reassign: role !== 'rep', viewTeam: role !== 'rep', manageSettings: role === 'admin', importLists: role !== 'rep' },
  });

describe('ReassignOwner', () => {
  const members = jest.fn().mockResolvedValue({ items: [member('u', 'Avery Quinn', 'rep'), member('m1', 'Morgan Blake', 'manager')], nextCursor: null });

  it('lets a manager give the contact another owner', async () => {
    const updateContact = jest.fn().mockResolvedValue({ ...contact, ownerId: 'm1', version: 2 });
    const onReassigned = jest.fn();
    const api = { me: meAs('manager'), members, updateContact } as unknown as ApiClient;
    wrap(
      <MeProvider api={api}>
        <ReassignOwner api={api} contact={contact} onReassigned={onReassigned} />
      </MeProvider>,
    );
    fireEvent.change(await screen.findByRole('combobox', { name: 'Reassign to' }), { target: { value: 'm1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reassign' }));
    await waitFor(() => expect(onReassigned).toHaveBeenCalledWith('Morgan Blake'));
    expect(updateContact).toHaveBeenCalledWith('c1', { ownerId: 'm1' }, 1);
  });

  it('shows nothing to a rep', async () => {
    const api = { me: meAs('rep'), members } as unknown as ApiClient;
    wrap(
      <MeProvider api={api}>
        <ReassignOwner api={api} contact={contact} onReassigned={() => undefined} />
      </MeProvider>,
    );
    await waitFor(() => expect((api.me as jest.Mock).mock.calls).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('combobox', { name: 'Reassign to' })).toBeNull();
  });
});

describe('PurchaseHistory', () => {
  it('lists what the company bought: each won deal with its date, rep, amount and lines', async () => {
    const won: Deal = {
      tenantId: 't',
      id: 'd1',
      createdAt: '2026-01-01T00:00:00Z',
      createdBy: 'u',
      updatedAt: '2026-03-01T00:00:00Z',
      updatedBy: 'u',
      ownerId: 'u',
      version: 2,
      name: 'Hardware refresh',
      contactIds: [],
      amount: 13366.63,
      amountSetByHand: false,
      currency: 'USD',
      stage: 'won',
      probability: 100,
      status: 'won',
      closedAt: '2026-03-01T10:00:00Z',
      lineItems: [
        { productId: 'p1', quantity: 3, unitPrice: 4821, discountPercent: 10 },
        { productId: 'p2', quantity: 7, unitPrice: 49.99, discountPercent: 0 },
      ],
    };
    const purchases = jest.fn().mockResolvedValue({
      deals: [won],
      products: { p1: { name: 'GTX Pro' }, p2: { name: 'MG Special' } },
      owners: { u: { displayName: 'Avery Quinn' } },
      capped: false,
    });
    wrap(<PurchaseHistory api={{ purchases } as unknown as ApiClient} companyId="co1" />);
    const list = await screen.findByRole('list', { name: 'Purchases' });
    expect(purchases).toHaveBeenCalledWith('co1');
    for (const text of ['Hardware refresh · $13,366.63', 'Won Mar 1, 2026 · Avery Quinn', '3 × GTX Pro at $4,821.00 (−10%)', '7 × MG Special at $49.99']) {
      expect(list.textContent).toContain(text);
    }
  });
});

describe('DealPanel', () => {
  const stages = [
    { id: 'proposal', name: 'Proposal', probability: 50, kind: 'open' as const },
    { id: 'won', name: 'Won', probability: 100, kind: 'won' as const },
  ];
  const seats = { tenantId: 't', id: 'seats', createdAt: '2026-01-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u', ownerId: 'u', version: 1, name: 'Seats', unitPrice: 1334, currency: 'EUR', active: true };
  const typed: Deal = {
    tenantId: 't', id: 'd1', createdAt: '2026-01-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u', ownerId: 'u', version: 3,
    name: 'Typed', contactIds: [], amount: 18500, amountSetByHand: true, currency: 'EUR', stage: 'proposal', probability: 50, status: 'open', lineItems: [],
  };

  const addSeat = async (updateDeal: jest.Mock) => {
    wrap(<DealPanel api={{ updateDeal } as unknown as ApiClient} deal={typed} stages={stages} products={[seats as never]} onSaved={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Product'), { target: { value: 'seats' } });
    fireEvent.click(screen.getByText('Add product'));
    return screen.findByRole('group', { name: 'Deal amount' });
  };

  it("asks before the first line replaces an amount typed by hand, and keeps it when told", async () => {
    const updateDeal = jest.fn().mockImplementation(async (_id: string, patch: { lineItems: Deal['lineItems'] }) => ({ ...typed, version: 4, lineItems: patch.lineItems.map((line) => ({ ...line, unitPrice: 1334 })) }));
    const question = await addSeat(updateDeal);
    expect(question.textContent).toContain("The deal's amount, €18,500.00, is set by hand: use the lines' total, or keep it?");
    expect(updateDeal).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('Keep €18,500.00'));
    await waitFor(() => expect(updateDeal).toHaveBeenCalledWith('d1', { lineItems: [{ productId: 'seats', quantity: 1, discountPercent: 0 }] }, 3));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Deal amount' })).toBeNull());
    expect(screen.getByText('Deal amount: €18,500.00')).toBeTruthy();
  });

  it("uses the lines' total when the rep chooses it", async () => {
    const updateDeal = jest.fn().mockResolvedValue({ ...typed, version: 4, amount: 1334, amountSetByHand: false, lineItems: [{ productId: 'seats', quantity: 1, unitPrice: 1334, discountPercent: 0 }] });
    await addSeat(updateDeal);
    fireEvent.click(screen.getByText("Use the lines' total (€1,334.00)"));
    await waitFor(() => expect(updateDeal).toHaveBeenCalledWith('d1', { lineItems: [{ productId: 'seats', quantity: 1, discountPercent: 0 }], amountSetByHand: false }, 3));
    expect(await screen.findByText('Deal amount: €1,334.00')).toBeTruthy();
    expect(screen.getByText('(total of the lines)')).toBeTruthy();
  });
});

describe('LogOutcomeForm', () => {
  const meeting = (startsInMinutes: number): Activity => ({
    tenantId: 't', id: 'm1', createdAt: '2026-01-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u', ownerId: 'u', version: 1,
    kind: 'meeting', subject: 'Demo', at: new Date(Date.now() + startsInMinutes * 60_000).toISOString(), durationMinutes: 60, status: 'planned', participants: [], contactIds: [],
  });

  it('offers held and no-show only once the meeting has started, and says when', () => {
    wrap(<LogOutcomeForm api={{} as ApiClient} appointment={meeting(3 * 24 * 60)} onSaved={() => undefined} />);
    expect((screen.getByLabelText('Held') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('No-show') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Cancelled') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getByText(/you can log it held or a no-show once it has started/)).toBeTruthy();
    expect((screen.getByText('Save outcome') as HTMLButtonElement).disabled).toBe(true);
  });

  it('defaults a follow-up task to after the meeting ends, never before it', async () => {
    const appointment = meeting(3 * 24 * 60);
    const updateActivity = jest.fn().mockResolvedValue({ ...appointment, status: 'cancelled', outcome: 'rescheduled', version: 2 });
    const createActivity = jest.fn().mockResolvedValue({});
    wrap(<LogOutcomeForm api={{ updateActivity, createActivity } as unknown as ApiClient} appointment={appointment} onSaved={() => undefined} />);
    fireEvent.click(screen.getByLabelText('Rescheduled'));
    fireEvent.click(screen.getByLabelText('Follow-up task'));
    const due = screen.getByLabelText(/Due date/) as HTMLInputElement;
    const ends = new Date(Date.parse(appointment.at) + 60 * 60_000);
    expect(Date.parse(`${due.value}T23:59:59`)).toBeGreaterThan(ends.getTime());
    expect(due.min <= due.value).toBe(true);
    fireEvent.click(screen.getByText('Save outcome'));
    await waitFor(() => expect(createActivity).toHaveBeenCalled());
    expect(Date.parse(createActivity.mock.calls[0][0].at)).toBeGreaterThanOrEqual(ends.getTime());
  });

  it('preselects held for a meeting that has started', () => {
    wrap(<LogOutcomeForm api={{} as ApiClient} appointment={meeting(-30)} onSaved={() => undefined} />);
    expect((screen.getByLabelText('Held') as HTMLInputElement).checked).toBe(true);
  });
});

describe('HeadlineFigures', () => {
  const report = (name: string, values: Record<string, number | null>, extra: object = {}) => ({
    report: name, from: '2026-10', to: '2026-11', currency: 'EUR', converted: true, currencies: [], filters: {}, generatedAt: '2026-11-20T00:00:00Z',
    ratesUsed: [{ currency: 'USD', month: '2026-11', rate: '0.9' }], missingRates: [],
    columns: Object.keys(values).map((key) => ({ key, kind: key.toLowerCase().includes('amount') ? 'money' : 'count' })),
    rows: [{ key: 'me', label: 'Me', values }],
    ...extra,
  });

  it("shows a rep's figures after a won USD deal in a EUR tenant, converted, says at which rates, and links the dashboard in the pane's language", async () => {
    const reportApi = jest.fn().mockImplementation(async (name: string) =>
      name === 'open-deals-by-owner'
        ? report(name, { deals: 3, amount: 12000, weightedAmount: 6000 })
        : report(name, { won: 1, lost: 0, winRate: 1, wonAmount: 23490 }, { missingRates: ['BRL'] }),
    );
    wrap(
      <MeProvider api={{ me: meAs('rep') } as unknown as ApiClient}>
        <HeadlineFigures api={{ report: reportApi } as unknown as ApiClient} userEmail="avery.quinn@rapport-demo.com" />
      </MeProvider>,
      'es-ES',
    );
    const figures = await screen.findByRole('region', { name: 'Mis cifras' });
    expect(reportApi).toHaveBeenCalledWith('open-deals-by-owner', { ownerId: 'me' });
    expect(figures.textContent).toMatch(/Ganado este trimestre23\.490,00\s€/);
    expect(figures.textContent).toMatch(/Tasa de éxito este trimestre100\s%/);
    expect(figures.textContent).toContain('En EUR, convertido con los tipos de cambio de nov 2026.');
    expect(figures.textContent).toContain('No hay tipo de cambio para BRL');
    expect(within(figures).getByRole('link').getAttribute('href')).toBe('dashboard.html?lang=es-ES&as=avery.quinn%40rapport-demo.com');
  });
});
