/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiOf } from '@rapport/shared/kinds/kinds';
import { viewableKinds, type ViewableKind } from '@rapport/shared/contract/field-table';
import { RecordView } from '../../addin/src/components/record-view/RecordView';
import { fieldLabel } from '../../addin/src/components/record-view/field-labels';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { translatorFor } from '../../addin/src/i18n/catalogs';
import { RecordNavigationProvider, useRecordNavigation } from '../../addin/src/taskpane/record-navigation';
// Parts the view loads when opened: compiled up front, so that a test waits for the pane, not for ts-jest.
import '../../addin/src/components/ClosedSections';
import '../../addin/src/components/DealPanel';
import { fail, fakeApi, renderInPane, type FakeRoute } from './pane-harness';

const stamp = { tenantId: 't', createdAt: '2026-01-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u', ownerId: 'me' };
const me = (role: 'rep' | 'manager') => ({
  tenantId: 't',
  userId: 'me',
  roles: [role],
  rolesFrom: 'member',
  capabilities: { editOthersRecords: role !== 'rep', reassign: role !== 'rep', viewTeam: role !== 'rep', manageSettings: false, importLists: role !== 'rep' },
});
const page = <T,>(items: T[]) => ({ items, nextCursor: null });
const stages = [
  { id: 'proposal', name: 'Proposal', probability: 50, kind: 'open' as const },
  { id: 'won', name: 'Won', probability: 100, kind: 'won' as const },
];

const records: Record<ViewableKind, Record<string, unknown>> = {
  contact: { ...stamp, id: 'c1', version: 4, firstName: 'Ana', lastName: 'García', emails: ['ana@contoso.example'], phones: [{ type: 'work', number: '+34 912 345 678' }], title: 'Buyer', companyId: 'co1', status: 'customer' },
  company: { ...stamp, id: 'co1', version: 2, name: 'Contoso', domains: ['contoso.example'], phones: [], type: 'customer' },
  deal: { ...stamp, id: 'd1', version: 3, name: 'Contoso – 50 seats', companyId: 'co1', contactIds: ['c1'], amount: 12000, amountSetByHand: true, currency: 'EUR', stage: 'proposal', probability: 50, status: 'open', lineItems: [] },
  lead: { ...stamp, id: 'l1', version: 1, lastName: 'Silva', companyName: 'Fabrikam', source: 'email', status: 'new' },
  case: { ...stamp, id: 'k1', version: 5, number: 1042, subject: 'Login fails', type: 'incident', priority: 'high', status: 'assigned', contactId: 'c1', companyId: 'co1', openedAt: '2026-11-20T09:00:00Z' },
  order: {
    ...stamp,
    id: 'o1',
    version: 2,
    number: 12,
    quoteId: 'q1',
    quoteReference: 'Q-7',
    dealId: 'd1',
    companyId: 'co1',
    currency: 'EUR',
    lines: [{ name: 'Seat licence', quantity: 2, unitPrice: 1000, discountPercent: 10, taxPercent: 21 }],
    totals: { subtotal: 200_000, discount: 20_000, net: 180_000, taxes: [{ percent: 21, base: 180_000, tax: 37_800 }], tax: 37_800, total: 217_800, lines: [] },
    status: 'in-progress',
    orderedAt: '2026-11-18T09:30:00Z',
  },
  contract: {
    ...stamp,
    id: 'sc1',
    version: 1,
    number: 3,
    companyId: 'co1',
    name: 'Premium support',
    covered: [{ name: 'Hotline' }],
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    renewal: { autoRenew: false, noticeDays: 30, termMonths: 12 },
    serviceLevel: { name: 'Premium', responseHours: 4 },
    value: { amount: 1200, currency: 'EUR', period: 'month' },
    cancelled: false,
  },
};
const plural: Record<ViewableKind, string> = { contact: 'contacts', company: 'companies', deal: 'deals', lead: 'leads', case: 'cases', order: 'orders', contract: 'contracts' };

/** The API as the record view reads it: the record, its neighbours, and the lists its fields choose from. */
function routesFor(role: 'rep' | 'manager', extra: Record<string, FakeRoute> = {}): Record<string, FakeRoute> {
  const routes: Record<string, FakeRoute> = {
    'GET /api/me': () => me(role),
    'GET /api/members': () => page([{ ...stamp, id: 'me', version: 1, displayName: 'Avery Rep', email: 'avery@rapport.example', roles: [role] }]),
    'GET /api/pipeline': () => ({ stages, version: 1 }),
    'GET /api/settings': () => ({ reportingCurrency: 'EUR', exchangeRates: [{ currency: 'USD', month: '2026-11', rate: 0.9 }], ownDomains: [], version: 1 }),
    'GET /api/territories': () => page([]),
    'GET /api/products': () => page([]),
    'GET /api/search': () => ({ contacts: [], companies: [] }),
    'GET /api/campaigns': () => page([{ ...stamp, id: 'cp1', version: 1, name: 'Spring webinar', channel: 'email', status: 'active' }]),
  };
  for (const kind of viewableKinds) {
    routes[`GET /api/${plural[kind]}/{id}`] = () => records[kind];
    routes[`GET /api/${plural[kind]}`] = () => page([]);
    routes[`GET /api/${plural[kind]}/{id}/timeline`] = () => page([]);
    routes[`GET /api/${plural[kind]}/{id}/work`] = () => ({ overdue: 0, dueToday: 0, planned: 0, capped: false });
    routes[`GET /api/${plural[kind]}/{id}/history`] = () => page([]);
  }
  return { ...routes, ...extra };
}

function Where() {
  const navigation = useRecordNavigation();
  return <output aria-label="open record">{navigation.current ? `${navigation.current.kind}:${navigation.current.id}` : 'none'}</output>;
}

function renderView(kind: ViewableKind, routes: Record<string, FakeRoute>, language = 'en-US') {
  const api = fakeApi(routes);
  const view = renderInPane(
    <MeProvider>
      <RecordNavigationProvider>
        <RecordView record={{ kind, id: String(records[kind].id) }} />
        <Where />
      </RecordNavigationProvider>
    </MeProvider>,
    { api: api.api, language },
  );
  return { ...api, ...view };
}

const en = translatorFor('en-US');

jest.setTimeout(60_000);

describe('RecordView', () => {
  // Set by the deal's products editor (its lines, and "Use the lines' total"), which the view shows for a deal; a
  // contract's coverage and terms by its terms form.
  const editedInProducts = new Set(['deal.lineItems', 'deal.amountSetByHand', 'contract.covered', 'contract.renewal', 'contract.serviceLevel', 'contract.value']);
  // A lead's campaign name is the server's, kept from the campaign chosen in its Campaign field (campaignId).
  const keptByServer = new Set(['lead.campaign']);

  it.each(viewableKinds)("offers, by its label, a control for every field a %s's patch lets a manager change", async (kind) => {
    renderView(kind, routesFor('manager'));
    await screen.findByRole('heading', { level: 1 });
    const fields = Object.keys(apiOf(kind).patch.shape);
    expect(fields.length).toBeGreaterThanOrEqual(5);
    for (const field of fields) {
      if (editedInProducts.has(`${kind}.${field}`) || keptByServer.has(`${kind}.${field}`)) continue;
      const label = fieldLabel(en.t, kind, field);
      expect(label).not.toContain('.');
      // By their accessible names (aria-label), which byRole would compute for every node of a long view: much slower.
      fireEvent.click(screen.getByLabelText(`Edit ${label}`));
      const editor = screen.getByLabelText(`Changing ${label}`);
      expect(editor.tagName).toBe('FORM');
      // A control named by the field: an input, a list, a switch, or a group of them (phones, an address, a pick).
      const controls = within(editor).queryAllByLabelText(label, { exact: false });
      const groups = [...editor.querySelectorAll('fieldset > legend')].filter((legend) => legend.textContent === label);
      expect(controls.length + groups.length).toBeGreaterThan(0);
      fireEvent.click(within(editor).getByText('Cancel'));
    }
    if (kind === 'deal') expect(screen.getByRole('button', { name: /Products and stage/ })).toBeTruthy();
    if (kind === 'contract') {
      fireEvent.click(await screen.findByRole('button', { name: 'Change coverage and terms' }));
      const terms = screen.getByRole('form', { name: 'Change coverage and terms' });
      for (const label of ['Product or service', 'From the catalog', 'Service level', 'Answer within (hours)', 'Solved within (hours)', 'Renews by itself', 'Notice (days before the end)', 'Renewal term (months)', 'Value per period', 'Currency', 'Period']) {
        expect({ label, found: within(terms).queryAllByLabelText(label).length > 0 }).toEqual({ label, found: true });
      }
    }
  }, 180_000);

  it("changes a contact's phone in place, at the version it read, and checks the number before sending", async () => {
    let saved: Record<string, unknown> | null = null;
    const { sentTo } = renderView(
      'contact',
      routesFor('rep', {
        'PATCH /api/contacts/{id}': (request) => {
          saved = { ...records.contact, ...(request.body as object), version: 5 };
          return saved;
        },
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Phones' }));
    const editor = screen.getByRole('form', { name: 'Changing Phones' });
    fireEvent.change(within(editor).getByLabelText('Number'), { target: { value: '12' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    expect(await within(editor).findByText(/“12” is not a phone number/)).toBeTruthy();
    expect(sentTo('PATCH /api/contacts/{id}')).toHaveLength(0);

    fireEvent.change(within(editor).getByLabelText('Number'), { target: { value: '+34 600 111 222' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Changing Phones' })).toBeNull());
    const [patch] = sentTo('PATCH /api/contacts/{id}');
    expect(patch?.body).toEqual({ phones: [{ type: 'work', number: '+34 600 111 222' }] });
    expect(patch?.headers['if-match']).toBe('"4"');
    expect(await screen.findByText('+34 600 111 222')).toBeTruthy();
  });

  it('keeps the rep\'s value when someone changed the record first, and saves it on the version reloaded', async () => {
    let version = 4;
    const { sentTo } = renderView(
      'contact',
      routesFor('rep', {
        'GET /api/contacts/{id}': () => ({ ...records.contact, version, ...(version > 4 ? { title: 'Head of buying' } : {}) }),
        'PATCH /api/contacts/{id}': (request) =>
          request.headers['if-match'] === `"${version}"` ? { ...records.contact, ...(request.body as object), version: version + 1 } : fail(412, 'RECORD.STALE_VERSION', { kind: 'contact', currentVersion: version }),
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Customer number' }));
    // A manager changes the contact meanwhile.
    version = 6;
    const editor = screen.getByRole('form', { name: 'Changing Customer number' });
    fireEvent.change(within(editor).getByLabelText(/Customer number/), { target: { value: 'CUST-0042' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    const refusal = await within(editor).findByRole('alert');
    expect(refusal.textContent).toMatch(/changed/i);
    fireEvent.click(within(refusal).getByRole('button', { name: 'Reload' }));
    expect((await screen.findAllByText('Head of buying')).length).toBeGreaterThan(0);
    // The value typed is still there, to apply to the record as it is now.
    expect((within(editor).getByLabelText(/Customer number/) as HTMLInputElement).value).toBe('CUST-0042');
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sentTo('PATCH /api/contacts/{id}')).toHaveLength(2));
    expect(sentTo('PATCH /api/contacts/{id}')[1]?.headers['if-match']).toBe('"6"');
  });

  it("offers a rep no change of owner, and a case's status only the steps its flow allows", async () => {
    renderView('case', routesFor('rep'));
    await screen.findByRole('heading', { level: 1, name: '#1042 Login fails' });
    expect(screen.queryByRole('button', { name: 'Edit Owner' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: `Edit ${fieldLabel(en.t, 'case', 'status')}` }));
    const options = within(screen.getByRole('combobox', { name: new RegExp(fieldLabel(en.t, 'case', 'status')) })).getAllByRole('option');
    expect(options.map((option) => option.getAttribute('value'))).toEqual(['assigned', 'pending', 'closed', 'rejected']);
  });

  it("opens a deal's company and contacts from its fields", async () => {
    renderView('deal', routesFor('rep'));
    fireEvent.click(await screen.findByRole('button', { name: 'Contoso' }));
    expect(screen.getByRole('status', { name: 'open record' }).textContent).toBe('company:co1');
    await act(async () => undefined);
  });

  it('dice en español qué falta y cómo arreglarlo', async () => {
    renderView('company', routesFor('rep'), 'es-ES');
    fireEvent.click(await screen.findByRole('button', { name: `Editar ${fieldLabel(translatorFor('es-ES').t, 'company', 'name')}` }));
    const editor = screen.getByRole('form');
    fireEvent.change(within(editor).getAllByRole('textbox')[0] as HTMLElement, { target: { value: '   ' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Guardar' }));
    expect(await within(editor).findByText('Rellena este campo: no puede quedar vacío.')).toBeTruthy();
  });

  it('reads an amount as the user writes it: 25,000 in English and 1.500 in Spanish', async () => {
    for (const [language, typed, saved] of [['en-US', '25,000', 25000], ['es-ES', '1.500', 1500]] as const) {
      const { sentTo, unmount } = renderView('deal', routesFor('rep', { 'PATCH /api/deals/{id}': (request) => ({ ...records.deal, ...(request.body as object), version: 4 }) }), language);
      const label = fieldLabel(translatorFor(language).t, 'deal', 'amount');
      fireEvent.click(await screen.findByLabelText(`${translatorFor(language).t('record.edit', { field: label })}`));
      const editor = screen.getByRole('form');
      fireEvent.change(within(editor).getByRole('textbox'), { target: { value: typed } });
      fireEvent.click(within(editor).getByRole('button', { name: translatorFor(language).t('record.save') }));
      await waitFor(() => expect(sentTo('PATCH /api/deals/{id}')).toHaveLength(1));
      expect(sentTo('PATCH /api/deals/{id}')[0]?.body).toEqual({ amount: saved });
      unmount();
    }
  });

  it("never offers a lead's status as converted: converting is its own action", async () => {
    renderView('lead', routesFor('rep'));
    const label = fieldLabel(en.t, 'lead', 'status');
    fireEvent.click(await screen.findByLabelText(`Edit ${label}`));
    const options = within(screen.getByRole('combobox', { name: new RegExp(label) })).getAllByRole('option');
    expect(options.map((option) => option.getAttribute('value'))).not.toContain('converted');
    expect(options.map((option) => option.getAttribute('value'))).toContain('dead');
  });

  it('puts the user on the record\'s name when it opens, and back on what opened it after Back', async () => {
    function Pane() {
      const navigation = useRecordNavigation();
      return (
        <>
          <div hidden={navigation.current !== null}>
            <button type="button" onClick={() => navigation.openRecord({ kind: 'company', id: 'co1' })}>
              Open Contoso
            </button>
          </div>
          {navigation.current ? <RecordView record={navigation.current} /> : null}
        </>
      );
    }
    const api = fakeApi(routesFor('rep'));
    renderInPane(
      <MeProvider>
        <RecordNavigationProvider>
          <Pane />
        </RecordNavigationProvider>
      </MeProvider>,
      { api: api.api },
    );
    const opener = screen.getByText('Open Contoso');
    opener.focus();
    fireEvent.click(opener);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Contoso' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });
});
