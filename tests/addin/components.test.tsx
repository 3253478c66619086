/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Activity, Contact, Deal } from '@rapport/shared';
import { ApiError, type ApiClient } from '../../addin/src/api/api-client';
import { CalendarView } from '../../addin/src/components/CalendarView';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { MembersAdmin } from '../../addin/src/components/MembersAdmin';
import { PurchaseHistory } from '../../addin/src/components/PurchaseHistory';
import { RecordTabs } from '../../addin/src/components/RecordTabs';
import { DealPanel } from '../../addin/src/components/DealPanel';
import { CurrenciesAdmin } from '../../addin/src/components/CurrenciesAdmin';
import { HeadlineFigures } from '../../addin/src/components/HeadlineFigures';
import { LogOutcomeForm } from '../../addin/src/components/LogOutcomeForm';
import { translatorFor } from '../../addin/src/i18n/catalogs';
import { I18nProvider } from '../../addin/src/i18n/I18nContext';

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

describe('MembersAdmin', () => {
  it("lets an admin change a member's role with the version it read, and says why a change is refused", async () => {
    const members = jest.fn().mockResolvedValue({ items: [member('m1', 'Morgan Blake', 'manager'), member('a1', 'Avery Quinn', 'rep')], nextCursor: null });
    const updateMember = jest
      .fn()
      .mockResolvedValueOnce(member('a1', 'Avery Quinn', 'manager', 2))
      .mockRejectedValueOnce(new ApiError(409, 'MEMBER.LAST_ADMIN', 'Morgan Blake is the only admin left: make someone else an admin first.'));
    wrap(<MembersAdmin api={{ members, updateMember } as unknown as ApiClient} />);
    const avery = await screen.findByRole('combobox', { name: 'Role of Avery Quinn' });
    fireEvent.change(avery, { target: { value: 'manager' } });
    await waitFor(() => expect(updateMember).toHaveBeenCalledWith('a1', { role: 'manager' }, 1));
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Role of Avery Quinn' }) as HTMLSelectElement).value).toBe('manager'));

    fireEvent.click(screen.getByRole('switch', { name: 'Morgan Blake can sign in' }));
    await screen.findByText(/Morgan Blake is the only admin left/);
    expect(updateMember).toHaveBeenLastCalledWith('m1', { deactivated: true }, 1);
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

describe('CurrenciesAdmin', () => {
  const settings = { reportingCurrency: 'EUR', exchangeRates: [{ currency: 'USD', month: '2026-10', rate: '0.92' }], version: 3 };

  it('adds a rate, takes pasted CSV lines and says which it could not read, then saves on the version it read', async () => {
    const updateSettings = jest.fn().mockImplementation(async (patch: typeof settings) => ({ ...settings, ...patch, version: 4 }));
    wrap(<CurrenciesAdmin api={{ settings: jest.fn().mockResolvedValue(settings), updateSettings } as unknown as ApiClient} />);
    const list = await screen.findByRole('list', { name: 'Exchange rates' });
    expect(list.textContent).toContain('USD from 2026-10: 1 = 0.92 EUR');
    const add = screen.getByRole('form', { name: 'Add an exchange rate' });
    fireEvent.change(within(add).getByLabelText('Currency'), { target: { value: 'gbp' } });
    fireEvent.change(within(add).getByLabelText('From month'), { target: { value: '2026-11' } });
    fireEvent.change(within(add).getByLabelText('1 unit = … EUR'), { target: { value: '1.17' } });
    fireEvent.click(within(add).getByText('Add rate'));
    fireEvent.change(screen.getByLabelText(/Paste rates/), { target: { value: 'USD,2026-11,0.9\nJPY,2026-11,0,0061\n' } });
    fireEvent.click(screen.getByText('Add the pasted rates'));
    expect(screen.getByRole('list', { name: 'Lines not taken' }).textContent).toContain('Line 2: give three values: currency, month, rate (with a point for decimals');
    fireEvent.click(screen.getByText('Save currencies'));
    await waitFor(() =>
      expect(updateSettings).toHaveBeenCalledWith(
        {
          reportingCurrency: 'EUR',
          exchangeRates: [
            { currency: 'GBP', month: '2026-11', rate: '1.17' },
            { currency: 'USD', month: '2026-10', rate: '0.92' },
            { currency: 'USD', month: '2026-11', rate: '0.9' },
          ],
        },
        3,
      ),
    );
    expect(await screen.findByText('Saved. Reports now use these rates.')).toBeTruthy();
  });

  it('asks before a new reporting currency drops the rates, then shows a refused save in words, keeps what was typed and offers a reload', async () => {
    const updateSettings = jest.fn().mockRejectedValue(new ApiError(412, 'RECORD.STALE_VERSION', 'This settings was changed by someone else (now version 4). Reload it and apply your change again.'));
    wrap(<CurrenciesAdmin api={{ settings: jest.fn().mockResolvedValue(settings), updateSettings } as unknown as ApiClient} />);
    const reporting = await screen.findByLabelText(/Reporting currency/);
    fireEvent.change(reporting, { target: { value: 'usd' } });
    // The rates were given in EUR: the list starts afresh, and saving asks first.
    expect(screen.getByText(/The rates were given in EUR/)).toBeTruthy();
    expect(screen.queryByLabelText(/Remove the USD rate/)).toBeNull();
    fireEvent.click(screen.getByText('Save currencies'));
    expect(screen.getByText('Saving USD as the reporting currency removes the 1 rates given in EUR. Save anyway?')).toBeTruthy();
    expect(updateSettings).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('Remove the rates and save'));
    expect(await screen.findByText(/changed by someone else/)).toBeTruthy();
    expect(updateSettings).toHaveBeenCalledWith({ reportingCurrency: 'USD', exchangeRates: [] }, 3);
    expect((reporting as HTMLInputElement).value).toBe('USD');
    expect(screen.getByText(/Load the saved settings/)).toBeTruthy();
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
