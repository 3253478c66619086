/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Contact, LookupResponse, LookupResult } from '@rapport/shared';
import { ApiError, type ApiClient } from '../../addin/src/api/api-client';
import { ContactCard } from '../../addin/src/components/ContactCard';
import { CreatePersonForm } from '../../addin/src/components/CreatePersonForm';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { MembersAdmin } from '../../addin/src/components/MembersAdmin';
import { ReassignOwner } from '../../addin/src/components/ReassignOwner';
import { LogEmailButton } from '../../addin/src/components/LogEmailButton';
import { ParticipantList } from '../../addin/src/components/ParticipantList';
import { CurrenciesAdmin } from '../../addin/src/components/CurrenciesAdmin';
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
