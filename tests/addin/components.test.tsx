/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Contact, LookupResponse, LookupResult } from '@rapport/shared';
import { ApiError, type ApiClient } from '../../addin/src/api/api-client';
import { ContactCard } from '../../addin/src/components/ContactCard';
import { CreatePersonForm } from '../../addin/src/components/CreatePersonForm';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { ReassignOwner } from '../../addin/src/components/ReassignOwner';
import { LogEmailButton } from '../../addin/src/components/LogEmailButton';
import { ParticipantList } from '../../addin/src/components/ParticipantList';
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
