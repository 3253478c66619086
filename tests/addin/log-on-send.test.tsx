/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Company, Contact, Deal, Lead, LookupResult } from '@rapport/shared';
import { LogOnSend } from '../../addin/src/components/compose/LogOnSend';
import type { LogChoiceStore } from '../../addin/src/office/draft-log-choice';
import type { DraftLogChoice } from '../../addin/src/office/log-choice-property';
import { fakeApi, renderInPane } from './pane-harness';

// Log on send in a draft: the switch, the line that says what will happen, the deal, and the choice kept on the draft.

const stamp = { tenantId: 't', createdAt: '2026-01-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u' };
const contact = { ...stamp, id: 'c1', ownerId: 'u', version: 1, firstName: 'Ana', lastName: 'Souza', emails: ['ana.souza@contoso.com'], phones: [], companyId: 'co1', status: 'customer' } as unknown as Contact;
const company = { ...stamp, id: 'co1', ownerId: 'u', version: 1, name: 'Contoso', domains: ['contoso.com'] } as unknown as Company;
const lead = { ...stamp, id: 'l1', ownerId: 'u', version: 1, firstName: 'Lena', lastName: 'Park', email: 'lena@fabrikam.com', companyName: 'Fabrikam', status: 'new', source: 'email' } as unknown as Lead;
const deal = (id: string, name: string) => ({ ...stamp, id, ownerId: 'u', version: 1, name, companyId: 'co1', amount: 1000, currency: 'EUR', stage: 'proposal', probability: 50 }) as unknown as Deal;
const renewal = deal('d1', 'Renewal 2027');
const expansion = deal('d2', 'Expansion');

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
const customer = result({ email: 'ana.souza@contoso.com', match: 'contact', contact, company, openDeals: [renewal, expansion] });
const stranger = result({ email: 'someone@litware.example', match: 'none' });

/** A draft's custom properties as Outlook keeps them: what was saved is there when the pane opens again. */
function draftStore(initial: DraftLogChoice | null = null) {
  const saves: DraftLogChoice[] = [];
  let kept = initial;
  const store: LogChoiceStore = {
    read: async () => kept,
    save: async (choice) => {
      saves.push(choice);
      kept = choice;
    },
  };
  return { store, saves };
}

const show = (store: LogChoiceStore, results: LookupResult[], options: { language?: string } = {}) =>
  renderInPane(<LogOnSend itemKey="compose|1|" store={store} results={results} selected={results[0]} />, { api: fakeApi({}).api, ...options });

describe('Log on send in a draft', () => {
  it("is on for a contact, saying whom and which deal it is logged to: the card's focus deal", async () => {
    const { store, saves } = draftStore();
    show(store, [customer]);
    const toggle = await screen.findByRole('switch', { name: 'Log on send' });
    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(true));
    expect(await screen.findByText('Logged to Ana Souza, Contoso and the deal “Renewal 2027” after you send.')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Deal' }) as HTMLSelectElement).value).toBe('d1');
    // The deal the line promises is written on the draft: the send handler sends it. The choice itself stays the API's.
    await waitFor(() => expect(saves).toEqual([{ choice: 'auto', deal: { id: 'd1', name: 'Renewal 2027' } }]));
  });

  it('is on for a lead, logged to the lead and their company', async () => {
    const { store } = draftStore();
    show(store, [result({ email: 'lena@fabrikam.com', match: 'none', lead })]);
    expect(await screen.findByText('Logged to Lena Park, Fabrikam after you send.')).toBeTruthy();
    expect((screen.getByRole('switch', { name: 'Log on send' }) as HTMLInputElement).checked).toBe(true);
  });

  it('is off for a stranger, saying it is not logged, with no deal to choose', async () => {
    const { store, saves } = draftStore();
    show(store, [stranger]);
    expect(await screen.findByText('Not logged.')).toBeTruthy();
    expect((screen.getByRole('switch', { name: 'Log on send' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByRole('combobox', { name: 'Deal' })).toBeNull();
    expect(saves).toEqual([]);
  });

  it('saves the switch on the draft, and a pane opened again on the draft shows it', async () => {
    const { store, saves } = draftStore();
    const first = show(store, [customer]);
    const toggle = await screen.findByRole('switch', { name: 'Log on send' });
    await waitFor(() => expect(saves).toHaveLength(1));
    fireEvent.click(toggle);
    await screen.findByText('Not logged.');
    expect(saves.at(-1)).toEqual({ choice: 'off', deal: { id: 'd1', name: 'Renewal 2027' } });
    first.unmount();

    show(store, [customer]);
    const again = await screen.findByRole('switch', { name: 'Log on send' });
    await screen.findByText('Not logged.');
    expect((again as HTMLInputElement).checked).toBe(false);
  });

  it('switches on for a stranger when the rep asks, and keeps it', async () => {
    const { store, saves } = draftStore();
    show(store, [stranger]);
    fireEvent.click(await screen.findByRole('switch', { name: 'Log on send' }));
    await screen.findByText('Logged after you send, to the recipients the CRM knows.');
    expect(saves).toEqual([{ choice: 'on' }]);
  });

  it('lets the rep choose another deal, or none, and shows the saved deal when the pane opens again', async () => {
    const { store, saves } = draftStore();
    const first = show(store, [customer]);
    const select = (await screen.findByRole('combobox', { name: 'Deal' })) as HTMLSelectElement;
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['No deal', 'Renewal 2027', 'Expansion']);
    fireEvent.change(select, { target: { value: 'd2' } });
    await screen.findByText('Logged to Ana Souza, Contoso and the deal “Expansion” after you send.');
    expect(saves.at(-1)).toEqual({ choice: 'auto', deal: { id: 'd2', name: 'Expansion' } });
    fireEvent.change(select, { target: { value: '' } });
    await screen.findByText('Logged to Ana Souza, Contoso after you send.');
    expect(saves.at(-1)).toEqual({ choice: 'auto', deal: null });
    first.unmount();

    show(store, [customer]);
    await screen.findByText('Logged to Ana Souza, Contoso after you send.');
    expect((screen.getByRole('combobox', { name: 'Deal' }) as HTMLSelectElement).value).toBe('');
  });

  it('says when Outlook could not keep the choice, and shows what the draft has', async () => {
    const saves: DraftLogChoice[] = [];
    const store: LogChoiceStore = { read: async () => ({ choice: 'on', deal: null }), save: async (choice) => (saves.push(choice), Promise.reject(new Error('saveAsync failed'))) };
    show(store, [customer]);
    fireEvent.click(await screen.findByRole('switch', { name: 'Log on send' }));
    await screen.findByText('Outlook could not keep this choice on the draft: try again.');
    await waitFor(() => expect((screen.getByRole('switch', { name: 'Log on send' }) as HTMLInputElement).checked).toBe(true));
  });

  it('speaks Portuguese (Brazil)', async () => {
    const { store } = draftStore();
    show(store, [customer], { language: 'pt-BR' });
    expect(await screen.findByRole('switch', { name: 'Registrar ao enviar' })).toBeTruthy();
    expect(await screen.findByText('Será registrado em Ana Souza, Contoso e no negócio “Renewal 2027” depois que você enviar.')).toBeTruthy();
  });
});
