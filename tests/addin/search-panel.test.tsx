/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import type { SearchResponse } from '@rapport/shared';
import { SearchPanel } from '../../addin/src/components/SearchPanel';
import { RecordNavigationProvider, useRecordNavigation, type RecordRef } from '../../addin/src/taskpane/record-navigation';
import { fakeApi, renderInPane } from './pane-harness';

const system = { tenantId: 't', version: 1, ownerId: 'u', createdAt: '2026-10-01T09:00:00.000Z', createdBy: 'u', updatedAt: '2026-10-01T09:00:00.000Z', updatedBy: 'u' };

const found: SearchResponse = {
  contacts: [
    {
      contact: { ...system, id: 'c1', firstName: 'John', lastName: 'Doe', emails: ['john.doe@contoso.com'], phones: [], customerNumber: 'C-10001', status: 'customer' },
      company: { id: 'co1', name: 'Contoso' },
    },
  ],
  companies: [{ ...system, id: 'co1', name: 'Contoso', domains: ['contoso.com'], phones: [], type: 'customer' }],
  deals: [
    {
      deal: {
        ...system,
        id: 'd1',
        name: 'Contoso expansion',
        companyId: 'co1',
        contactIds: [],
        amount: 12500,
        amountSetByHand: true,
        currency: 'EUR',
        stage: 'proposal',
        probability: 50,
        status: 'open',
        lineItems: [],
      },
      company: { id: 'co1', name: 'Contoso' },
      stageName: 'Proposal',
    },
  ],
  leads: [{ ...system, id: 'l1', firstName: 'Ana', lastName: 'Lima', companyName: 'Lima Foods', email: 'ana@limafoods.example', source: 'manual', status: 'in-process' }],
  cases: [
    {
      case: { ...system, id: 'k1', number: 1042, subject: 'Printer jams on page two', type: 'problem', priority: 'normal', status: 'pending', contactId: 'c1', companyId: 'co1', openedAt: '2026-10-02T09:00:00.000Z' },
      contact: { id: 'c1', name: 'John Doe' },
      company: { id: 'co1', name: 'Contoso' },
    },
  ],
};

// The record the pane would show now: what the navigation holds, as the record view reads it.
function CurrentRecord() {
  const { current } = useRecordNavigation();
  return <output aria-label="Open record">{current ? `${current.kind}:${current.id}` : 'none'}</output>;
}

function renderSearch(response: SearchResponse, language?: string) {
  const { api, sentTo } = fakeApi({ 'GET /api/search': () => response });
  renderInPane(
    <RecordNavigationProvider>
      <SearchPanel />
      <CurrentRecord />
    </RecordNavigationProvider>,
    { api, ...(language ? { language } : {}) },
  );
  return { sentTo };
}

const opened = () => screen.getByRole('status', { name: 'Open record' }).textContent;
const refOf = (ref: RecordRef) => `${ref.kind}:${ref.id}`;

describe('SearchPanel across kinds', () => {
  it('says what can be found before anything is typed', () => {
    renderSearch(found);
    expect(screen.getByText(/Find contacts, companies, deals, leads and cases/)).toBeTruthy();
  });

  it('shows a section per kind found, each with its count, and what tells each result apart', async () => {
    renderSearch(found);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the CRM' }), { target: { value: 'contoso' } });
    const deals = await screen.findByRole('list', { name: 'Deals' });
    for (const title of ['Contacts', 'Companies', 'Deals', 'Leads', 'Cases']) expect(screen.getByRole('heading', { name: `${title} 1` })).toBeTruthy();

    const deal = within(deals).getByRole('button', { name: /Contoso expansion/ });
    expect(deal.textContent).toContain('Contoso');
    expect(deal.textContent).toContain('Proposal');
    expect(deal.textContent).toContain('€12,500.00');
    const lead = within(screen.getByRole('list', { name: 'Leads' })).getByRole('button', { name: /Ana Lima/ });
    expect(lead.textContent).toContain('Lima Foods');
    expect(lead.textContent).toContain('In process');
    const serviceCase = within(screen.getByRole('list', { name: 'Cases' })).getByRole('button', { name: /#1042 Printer jams on page two/ });
    expect(within(serviceCase).getByText('Pending')).toBeTruthy();
    expect(serviceCase.textContent).toContain('John Doe');
  });

  it.each([
    ['Deals', /Contoso expansion/, { kind: 'deal', id: 'd1' }],
    ['Leads', /Ana Lima/, { kind: 'lead', id: 'l1' }],
    ['Cases', /#1042/, { kind: 'case', id: 'k1' }],
    ['Contacts', /John Doe/, { kind: 'contact', id: 'c1' }],
    ['Companies', /Contoso/, { kind: 'company', id: 'co1' }],
  ] as const)('opens a result of %s with a click', async (list, name, ref) => {
    renderSearch(found);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the CRM' }), { target: { value: 'contoso' } });
    const row = within(await screen.findByRole('list', { name: list })).getByRole('button', { name });
    expect(opened()).toBe('none');
    fireEvent.click(row);
    expect(opened()).toBe(refOf(ref));
  });

  it('makes every result a native button: Tab reaches it and Enter opens it', async () => {
    renderSearch(found);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the CRM' }), { target: { value: 'contoso' } });
    await screen.findByRole('list', { name: 'Cases' });
    const rows = ['Contacts', 'Companies', 'Deals', 'Leads', 'Cases'].flatMap((list) => within(screen.getByRole('list', { name: list })).getAllByRole('button'));
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      // A <button type="button"> is in the tab order and activates on Enter and Space, as the browser does.
      expect(row.tagName).toBe('BUTTON');
      expect(row.getAttribute('type')).toBe('button');
      expect(row.tabIndex).toBe(0);
    }
  });

  it('shows only the sections that found something', async () => {
    renderSearch({ contacts: [], companies: [], deals: [], leads: [], cases: found.cases });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the CRM' }), { target: { value: '#1042' } });
    await screen.findByRole('list', { name: 'Cases' });
    expect(screen.queryByRole('list', { name: 'Contacts' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Deals' })).toBeNull();
    expect(screen.getAllByRole('heading').map((heading) => heading.textContent)).toEqual(['Cases1']);
  });

  it('says when nothing is found and what to try, in Italian too', async () => {
    renderSearch({ contacts: [], companies: [], deals: [], leads: [], cases: [] }, 'it-IT');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Cerca nel CRM' }), { target: { value: 'zzz' } });
    await screen.findByText('Nessun risultato per «zzz».');
    expect(screen.getByText(/prova con parte di un nome/)).toBeTruthy();
  });

  it('formats amounts in the user\'s language and names sections in it', async () => {
    renderSearch(found, 'es-ES');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Buscar en el CRM' }), { target: { value: 'contoso' } });
    const deals = await screen.findByRole('list', { name: 'Oportunidades' });
    expect(within(deals).getByRole('button').textContent).toMatch(/12\.500,00\s€/);
    expect(within(screen.getByRole('list', { name: 'Casos' })).getByRole('button', { name: /n\.º 1042/ })).toBeTruthy();
  });
});
