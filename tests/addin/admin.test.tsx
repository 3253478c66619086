/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Campaign, Member, PipelineStage, Product, Territory, WebForm } from '@rapport/shared';
import { CurrenciesAdmin } from '../../addin/src/components/CurrenciesAdmin';
import { ImportList } from '../../addin/src/components/ImportList';
import { MembersAdmin } from '../../addin/src/components/MembersAdmin';
import { OwnDomainsAdmin } from '../../addin/src/components/OwnDomainsAdmin';
import { PipelineAdmin } from '../../addin/src/components/PipelineAdmin';
import { ProductsAdmin } from '../../addin/src/components/ProductsAdmin';
import { SendChecksAdmin } from '../../addin/src/components/SendChecksAdmin';
import { RenewalReminderAdmin } from '../../addin/src/components/contracts/RenewalReminderAdmin';
import { SettingsView } from '../../addin/src/components/SettingsView';
import { TerritoriesAdmin } from '../../addin/src/components/TerritoriesAdmin';
import { WebFormsAdmin } from '../../addin/src/components/WebFormsAdmin';
import { Dashboard } from '../../addin/src/dashboard/Dashboard';
import { fail, fakeApi, renderInPane, unreachable, type FakeRoute } from './pane-harness';

// jsdom has no object URLs, which the import's rejects and a report's CSV download use.
if (typeof URL.createObjectURL !== 'function') Object.assign(URL, { createObjectURL: () => 'blob:pane-test', revokeObjectURL: () => undefined });

// The charting library ships ES modules jest does not load; the dashboard's tables and states are what is tested here.
jest.mock('../../addin/src/dashboard/ReportChart', () => ({ ReportChart: () => null, chartHeight: () => 200 }));

const stamp = { tenantId: 't', createdAt: '2026-01-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u', ownerId: 'u' };
const page = <T,>(items: T[]) => ({ items, nextCursor: null });

/** Fails as an offline browser does until `times` requests have failed (the harness's cache does not retry by itself). */
function offlineFor(times: number, then: FakeRoute): FakeRoute {
  let failures = 0;
  return (request) => (failures++ < times ? unreachable() : then(request));
}
// Long enough for a failed read to show.
const GIVES_UP = { timeout: 6_000 };

// Role queries weigh every element of a tree as large as a settings view: these find the same by what a user reads.
/** The button whose text is `name`. */
const buttonNamed = (name: string) => screen.getByText(name, { ignore: 'option, script, style' }).closest('button')!;
/** The text of each item of a list. */
const itemsOf = (list: HTMLElement) => [...list.querySelectorAll('li')].map((item) => item.textContent);

/** A request's If-Match header: the version the change was made on. */
const versionOf = (request: { headers: Record<string, string> }) => request.headers['if-match'];

const member = (id: string, displayName: string, role: Member['role'], version = 1, extra: Partial<Member> = {}): Member => ({
  ...stamp,
  id,
  displayName,
  role,
  version,
  ...extra,
});

/** The members as the API keeps them: changes apply to what the next read answers. */
function membersApi(members: Member[], changes: Record<string, FakeRoute> = {}) {
  const stored = new Map(members.map((one) => [one.id, one]));
  const saved = (id: string, body: unknown) => {
    const next = { ...stored.get(id)!, ...(body as object), version: stored.get(id)!.version + 1 } as Member;
    stored.set(id, next);
    return next;
  };
  return {
    stored,
    routes: {
      'GET /api/members': () => page([...stored.values()]),
      'PATCH /api/members/{id}': (request) => saved(request.params.id!, request.body),
      ...changes,
    } as Record<string, FakeRoute>,
    saved,
  };
}

describe('SettingsView', () => {
  it('stacks the settings as sections, each read only once it is opened', async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/members': () => page([member('m1', 'Morgan Blake', 'admin')]),
      'GET /api/products': () => page([]),
    });
    renderInPane(<SettingsView />, { api });
    const titles = ['Members', 'Your organization’s domains', 'Send-time checks', 'Pipeline', 'Products', 'Quotes', 'Contracts', 'Currencies', 'Territories', 'Web forms'];
    for (const title of titles) expect(buttonNamed(title).getAttribute('aria-expanded')).toBe('false');
    expect(sentTo('GET /api/members')).toHaveLength(0);

    fireEvent.click(buttonNamed('Members'));
    expect(await screen.findByText('Morgan Blake')).toBeTruthy();
    expect(sentTo('GET /api/products')).toHaveLength(0);
    fireEvent.click(buttonNamed('Products'));
    expect(await screen.findByText(/No products yet/)).toBeTruthy();
    // Sections open side by side; closing one hides what it shows.
    expect(screen.getByText('Morgan Blake')).toBeTruthy();
    fireEvent.click(buttonNamed('Members'));
    expect(screen.queryByText('Morgan Blake')).toBeNull();
  });

  it('reads the settings once for the currencies and the domains, and a save in one is the version the other saves on', async () => {
    let stored = { reportingCurrency: 'EUR', exchangeRates: [], ownDomains: [] as string[], version: 3 };
    const { api, sentTo } = fakeApi({
      'GET /api/members': () => page([]),
      'GET /api/settings': () => stored,
      'PATCH /api/settings': (request) => (stored = { ...stored, ...(request.body as object), version: stored.version + 1 }),
    });
    renderInPane(<SettingsView />, { api });
    fireEvent.click(buttonNamed('Your organization’s domains'));
    fireEvent.click(buttonNamed('Currencies'));
    const domains = await screen.findByLabelText('Add domain', { selector: 'form' });
    fireEvent.change(within(domains).getByLabelText('Domain'), { target: { value: 'contoso.com' } });
    fireEvent.click(within(domains).getByLabelText('Add domain', { selector: 'button' }));
    fireEvent.click(buttonNamed('Save domains'));
    expect(await screen.findByText('Saved. Addresses at these domains show as colleagues.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/Reporting currency/), { target: { value: 'usd' } });
    fireEvent.click(buttonNamed('Save currencies'));
    await waitFor(() => expect(sentTo('PATCH /api/settings')).toHaveLength(2));
    expect(sentTo('PATCH /api/settings').map((request) => [request.body, versionOf(request)])).toEqual([
      [{ ownDomains: ['contoso.com'] }, '"3"'],
      [{ reportingCurrency: 'USD', exchangeRates: [] }, '"4"'],
    ]);
    expect(sentTo('GET /api/settings')).toHaveLength(1);
  });
});

describe('MembersAdmin', () => {
  it("lets an admin change a member's role with the version it read, and says why a change is refused", async () => {
    const members = membersApi([member('m1', 'Morgan Blake', 'admin'), member('a1', 'Avery Quinn', 'rep')]);
    let refusals = 0;
    const { api, sentTo } = fakeApi({
      ...members.routes,
      'PATCH /api/members/{id}': (request) =>
        request.params.id === 'm1' ? (refusals++, fail(409, 'MEMBER.LAST_ADMIN')) : members.saved(request.params.id!, request.body),
    });
    renderInPane(<MembersAdmin />, { api });
    fireEvent.click(await screen.findByLabelText('Change Avery Quinn', { selector: 'button' }));
    fireEvent.click(screen.getByLabelText('Change Morgan Blake', { selector: 'button' }));
    const avery = screen.getByLabelText('Role of Avery Quinn');
    fireEvent.change(avery, { target: { value: 'manager' } });
    await waitFor(() => expect((screen.getByLabelText('Role of Avery Quinn') as HTMLSelectElement).value).toBe('manager'));
    // The row says the role saved.
    expect(within(screen.getByLabelText('Change Avery Quinn', { selector: '[role=group]' }).closest('li')!).getByText('Manager', { selector: '.rapport-StatusBadge' })).toBeTruthy();
    expect(sentTo('PATCH /api/members/{id}')).toMatchObject([{ params: { id: 'a1' }, body: { role: 'manager' } }]);
    expect(versionOf(sentTo('PATCH /api/members/{id}')[0]!)).toBe('"1"');

    fireEvent.click(screen.getByLabelText('Morgan Blake can sign in'));
    expect(await screen.findByText('This is the only admin left. Make someone else an admin first.')).toBeTruthy();
    expect(sentTo('PATCH /api/members/{id}')[1]).toMatchObject({ params: { id: 'm1' }, body: { deactivated: true } });
    expect(refusals).toBe(1);
    // The switch shows what is saved: Morgan still signs in.
    expect((screen.getByLabelText('Morgan Blake can sign in') as HTMLInputElement).checked).toBe(true);
  });

  it("saves a member's team once per click, on the version the list now holds", async () => {
    const members = membersApi([member('m1', 'Morgan Blake', 'manager'), member('a1', 'Avery Quinn', 'rep')]);
    const { api, sentTo } = fakeApi(members.routes);
    renderInPane(<MembersAdmin />, { api });
    fireEvent.click(await screen.findByLabelText('Change Avery Quinn', { selector: 'button' }));
    fireEvent.change(screen.getByLabelText('Team of Avery Quinn'), { target: { value: ' East ' } });
    fireEvent.change(screen.getByLabelText('Office of Avery Quinn'), { target: { value: 'Milano' } });
    fireEvent.change(screen.getByLabelText('Manager of Avery Quinn'), { target: { value: 'm1' } });
    fireEvent.click(screen.getByText('Save team of Avery Quinn'));
    await waitFor(() => expect(screen.getByText('Save team of Avery Quinn').closest('button')?.disabled).toBe(true));
    await screen.findByText(/East · Milano/);
    expect(sentTo('PATCH /api/members/{id}')).toMatchObject([{ params: { id: 'a1' }, body: { team: 'East', office: 'Milano', managerId: 'm1' } }]);
    // The next change is made on the version the first one made.
    fireEvent.change(screen.getByLabelText('Role of Avery Quinn'), { target: { value: 'manager' } });
    await waitFor(() => expect(sentTo('PATCH /api/members/{id}')).toHaveLength(2));
    expect(versionOf(sentTo('PATCH /api/members/{id}')[1]!)).toBe('"2"');
  });

  it('keeps the team typed when someone else changed the member first, says so in Spanish, and loads their version on request', async () => {
    const members = membersApi([member('a1', 'Avery Quinn', 'rep')]);
    const { api, sentTo } = fakeApi({ ...members.routes, 'PATCH /api/members/{id}': () => fail(412, 'RECORD.STALE_VERSION', { kind: 'member' }) });
    renderInPane(<MembersAdmin />, { api, language: 'es-ES' });
    fireEvent.click(await screen.findByLabelText('Cambiar Avery Quinn', { selector: 'button' }));
    fireEvent.change(screen.getByLabelText('Equipo de Avery Quinn'), { target: { value: 'Este' } });
    // Meanwhile another admin moves Avery to the West team.
    members.saved('a1', { team: 'Oeste' });
    fireEvent.click(screen.getByText('Guardar equipo de Avery Quinn'));
    expect(await screen.findByText(/Otra persona cambió el miembro antes que tú/)).toBeTruthy();
    expect((screen.getByLabelText('Equipo de Avery Quinn') as HTMLInputElement).value).toBe('Este');
    expect(sentTo('PATCH /api/members/{id}')).toHaveLength(1);

    fireEvent.click(screen.getByText('Cargar Avery Quinn tal como está guardado (se descartan tus cambios)'));
    await waitFor(() => expect((screen.getByLabelText('Equipo de Avery Quinn') as HTMLInputElement).value).toBe('Oeste'));
    expect(screen.queryByText(/Otra persona cambió el miembro antes que tú/)).toBeNull();
  });

  it('adds a colleague by e-mail with a role: checks the address first, shows a taken one at its field, and says they are invited', async () => {
    const members = membersApi([member('m1', 'Morgan Blake', 'admin', 1, { email: 'morgan@contoso.com' })]);
    const { api, sentTo } = fakeApi({
      ...members.routes,
      'POST /api/members': (request) => {
        const body = request.body as { email: string; role: Member['role']; displayName?: string };
        if (body.email === 'morgan@contoso.com') {
          return fail(409, 'MEMBER.EMAIL_TAKEN', { field: 'email', fields: [{ path: 'email', code: 'MEMBER.EMAIL_TAKEN', message: '(English)' }] });
        }
        const created = member('inv-1', body.displayName ?? body.email, body.role, 1, { email: body.email, invited: true });
        members.stored.set(created.id, created);
        return created;
      },
    });
    renderInPane(<MembersAdmin />, { api });
    await screen.findByText('Morgan Blake');
    expect(screen.queryByLabelText('Add a member')).toBeNull();
    fireEvent.click(buttonNamed('Add a member'));
    const form = screen.getByLabelText('Add a member');
    const email = within(form).getByLabelText(/^E-mail/) as HTMLInputElement;
    expect(document.activeElement).toBe(email);
    // Nothing is sent until the address is one.
    fireEvent.click(within(form).getByText('Add member'));
    expect(within(form).getByText('Enter the e-mail address they sign in with.')).toBeTruthy();
    fireEvent.change(email, { target: { value: 'chiara at contoso' } });
    expect(within(form).getByText('Enter an e-mail address such as name@contoso.com.')).toBeTruthy();
    expect(sentTo('POST /api/members')).toHaveLength(0);

    fireEvent.change(email, { target: { value: 'morgan@contoso.com' } });
    fireEvent.click(within(form).getByText('Add member'));
    expect(await within(form).findByText('A member already has this e-mail address. Find them in the list, or enter another address.')).toBeTruthy();

    fireEvent.change(email, { target: { value: 'chiara.bellini@contoso.com' } });
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'manager' } });
    fireEvent.click(within(form).getByText('Add member'));
    expect(await screen.findByText('chiara.bellini@contoso.com is invited as Manager. Their first sign-in with this address makes them a member.')).toBeTruthy();
    expect(sentTo('POST /api/members')[1]!.body).toEqual({ email: 'chiara.bellini@contoso.com', role: 'manager' });
    const row = screen.getByLabelText('Change chiara.bellini@contoso.com', { selector: 'button' }).closest('li')!;
    expect(within(row).getByText('Invited')).toBeTruthy();
    // Added: the form closes, and focus is back on the button that opened it.
    expect(screen.queryByLabelText('Add a member')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(buttonNamed('Add a member')));
  });

  it('shows each member on one line with their address and role, and opens their editor on demand: focus goes in, Escape closes it and focus returns', async () => {
    const members = membersApi([
      member('a1', 'Avery Quinn', 'rep', 1, { email: 'avery.quinn@rapport-demo.com', team: 'West', office: 'Seattle' }),
      member('x1', 'Former Rep', 'rep', 1, { deactivated: true }),
    ]);
    const { api } = fakeApi(members.routes);
    renderInPane(<MembersAdmin />, { api });
    const change = await screen.findByLabelText('Change Avery Quinn', { selector: 'button' });
    const row = change.closest('li')!;
    expect(within(row).getByText('avery.quinn@rapport-demo.com').getAttribute('title')).toBe('avery.quinn@rapport-demo.com');
    expect(within(row).getByText('West · Seattle')).toBeTruthy();
    expect(within(row).getByText('Rep')).toBeTruthy();
    expect(within(screen.getByLabelText('Change Former Rep', { selector: 'button' }).closest('li')!).getByText('Can’t sign in')).toBeTruthy();
    expect(screen.queryByLabelText('Role of Avery Quinn')).toBeNull();

    fireEvent.click(change);
    expect(change.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Role of Avery Quinn'));
    fireEvent.keyDown(screen.getByLabelText('Team of Avery Quinn'), { key: 'Escape' });
    expect(screen.queryByLabelText('Change Avery Quinn', { selector: '[role=group]' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(change));
  });

  it("makes a member a knowledge editor with a tick, saved on the member's version, and takes it back", async () => {
    const members = membersApi([member('m1', 'Morgan Blake', 'admin'), member('a1', 'Avery Quinn', 'rep', 4, { team: 'Service' })]);
    const { api, sentTo } = fakeApi(members.routes);
    renderInPane(<MembersAdmin />, { api, language: 'pt-BR' });
    fireEvent.click(await screen.findByLabelText('Alterar Avery Quinn', { selector: 'button' }));
    const row = screen.getByLabelText('Alterar Avery Quinn', { selector: 'button' }).closest('li')!;
    const editor = screen.getByLabelText('Editor de conhecimento: Avery Quinn escreve artigos da base de conhecimento') as HTMLInputElement;
    expect(editor.checked).toBe(false);
    expect(within(row).queryByText('Editor de conhecimento', { selector: '.rapport-StatusBadge' })).toBeNull();
    fireEvent.click(editor);
    await waitFor(() => expect(within(row).getByText('Editor de conhecimento', { selector: '.rapport-StatusBadge' })).toBeTruthy());
    expect(editor.checked).toBe(true);
    fireEvent.click(editor);
    await waitFor(() => expect(within(row).queryByText('Editor de conhecimento', { selector: '.rapport-StatusBadge' })).toBeNull());
    expect(sentTo('PATCH /api/members/{id}').map((request) => [request.params.id, request.body, versionOf(request)])).toEqual([
      ['a1', { capabilities: ['knowledgeEditor'] }, '"4"'],
      ['a1', { capabilities: [] }, '"5"'],
    ]);
    // An admin writes articles anyway: their editor says so.
    fireEvent.click(screen.getByLabelText('Alterar Morgan Blake', { selector: 'button' }));
    expect(within(screen.getByLabelText('Alterar Morgan Blake', { selector: '[role=group]' })).getByText('Administradores os escrevem de qualquer forma.')).toBeTruthy();
  });

  it('shows a failed read with Try again, which reads the members again', async () => {
    const { api } = fakeApi({ 'GET /api/members': offlineFor(1, () => page([member('a1', 'Avery Quinn', 'rep')])) });
    renderInPane(<MembersAdmin />, { api });
    expect(await screen.findByText('Rapport can’t be reached. Check your internet connection and try again.', undefined, GIVES_UP)).toBeTruthy();
    expect(screen.queryByText(/No members yet/)).toBeNull();
    fireEvent.click(screen.getByText('Try again'));
    expect(await screen.findByText('Avery Quinn')).toBeTruthy();
    expect(screen.queryByText(/Rapport can’t be reached/)).toBeNull();
  });
});

const stages: PipelineStage[] = [
  { id: 'qualify', name: 'Qualify', probability: 10, kind: 'open' },
  { id: 'proposal', name: 'Proposal', probability: 50, kind: 'open' },
  { id: 'won', name: 'Won', probability: 100, kind: 'won' },
  { id: 'lost', name: 'Lost', probability: 0, kind: 'lost' },
];

/** No deals in any stage: every stage may be removed. */
const noDeals = () => ({ stages: stages.map((stage) => ({ id: stage.id, openDeals: 0, inUse: false })) });

describe('PipelineAdmin', () => {
  it('saves the stages on the version it read, a new stage named by its name, and says so', async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/pipeline': () => ({ stages, version: 3 }),
      'GET /api/pipeline/use': noDeals,
      'PATCH /api/pipeline': (request) => ({ ...(request.body as object), version: 4 }),
    });
    renderInPane(<PipelineAdmin />, { api });
    fireEvent.change(await screen.findByLabelText('Stage 2'), { target: { value: 'Proposal sent' } });
    fireEvent.click(screen.getByText('Add stage'));
    fireEvent.change(screen.getByLabelText('Stage 3'), { target: { value: 'Negotiation' } });
    fireEvent.click(screen.getByLabelText('Move Negotiation up'));
    fireEvent.click(screen.getByText('Save pipeline'));
    expect(await screen.findByText('The pipeline is saved.')).toBeTruthy();
    expect(sentTo('PATCH /api/pipeline')).toHaveLength(1);
    expect(versionOf(sentTo('PATCH /api/pipeline')[0]!)).toBe('"3"');
    expect((sentTo('PATCH /api/pipeline')[0]!.body as { stages: PipelineStage[] }).stages.map((stage) => [stage.id, stage.name])).toEqual([
      ['qualify', 'Qualify'],
      ['negotiation', 'Negotiation'],
      ['proposal', 'Proposal sent'],
      ['won', 'Won'],
      ['lost', 'Lost'],
    ]);
  });

  it('shows how many deals each stage holds, and offers no Remove for a stage deals are in', async () => {
    const { api } = fakeApi({
      'GET /api/pipeline': () => ({ stages, version: 3 }),
      'GET /api/pipeline/use': () => ({
        stages: [
          { id: 'qualify', openDeals: 3, inUse: true },
          { id: 'proposal', openDeals: 0, inUse: false },
          { id: 'won', openDeals: 0, inUse: true },
          { id: 'lost', openDeals: 0, inUse: false },
        ],
      }),
    });
    renderInPane(<PipelineAdmin />, { api, language: 'es-ES' });
    expect(await screen.findByText('Oportunidades abiertas: 3')).toBeTruthy();
    const card = (position: number) => screen.getByLabelText(`Etapa ${position}`).closest('li')!;
    expect(within(card(3)).getByText('Solo oportunidades cerradas')).toBeTruthy();
    expect(within(card(2)).getByText('Sin oportunidades')).toBeTruthy();
    expect(screen.queryByLabelText('Quitar Qualify')).toBeNull();
    expect(screen.queryByLabelText('Quitar Won')).toBeNull();
    expect(screen.getByLabelText('Quitar Proposal')).toBeTruthy();
    // A stage added here holds no deals yet.
    fireEvent.click(screen.getByText('Añadir etapa'));
    expect(screen.getByLabelText('Quitar Nueva etapa')).toBeTruthy();
  });

  it('says why a stage deals are in stays, and keeps the stages as the admin left them', async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/pipeline': () => ({ stages, version: 3 }),
      'GET /api/pipeline/use': noDeals,
      'PATCH /api/pipeline': () => fail(409, 'PIPELINE.STAGE_IN_USE'),
    });
    renderInPane(<PipelineAdmin />, { api });
    fireEvent.click(await screen.findByLabelText('Remove Proposal'));
    fireEvent.click(screen.getByText('Save pipeline'));
    expect(await screen.findByText('Some deals are still in this stage. Move them to another stage first, or keep the stage and rename it.')).toBeTruthy();
    expect(screen.queryByLabelText('Remove Proposal')).toBeNull();
    expect(screen.queryByText('Try again')).toBeNull();
    // Deals moved into the stage meanwhile: the counts are read again.
    await waitFor(() => expect(sentTo('GET /api/pipeline/use')).toHaveLength(2));
  });

  it('keeps what was typed when someone else saved the pipeline first, and loads theirs on request', async () => {
    let saved = { stages, version: 3 };
    const { api } = fakeApi({
      'GET /api/pipeline': () => saved,
      'GET /api/pipeline/use': noDeals,
      'PATCH /api/pipeline': () => fail(412, 'RECORD.STALE_VERSION', { kind: 'pipeline' }),
    });
    renderInPane(<PipelineAdmin />, { api });
    fireEvent.change(await screen.findByLabelText('Probability of Proposal (%)'), { target: { value: '60' } });
    saved = { stages: stages.map((stage) => (stage.id === 'proposal' ? { ...stage, probability: 40 } : stage)), version: 4 };
    fireEvent.click(screen.getByText('Save pipeline'));
    expect(await screen.findByText(/Someone else changed the pipeline first/)).toBeTruthy();
    expect((screen.getByLabelText('Probability of Proposal (%)') as HTMLInputElement).value).toBe('60');
    fireEvent.click(screen.getByText('Load the saved pipeline (your changes here are dropped)'));
    await waitFor(() => expect((screen.getByLabelText('Probability of Proposal (%)') as HTMLInputElement).value).toBe('40'));
  });

  it('shows a failed read with Try again, which reads the pipeline again', async () => {
    const { api } = fakeApi({ 'GET /api/pipeline': offlineFor(1, () => ({ stages, version: 3 })) });
    renderInPane(<PipelineAdmin />, { api, language: 'it-IT' });
    expect(await screen.findByText(/Impossibile raggiungere Rapport/, undefined, GIVES_UP)).toBeTruthy();
    fireEvent.click(screen.getByText('Riprova'));
    expect(await screen.findByLabelText('Fase 1')).toBeTruthy();
  });
});

describe('CurrenciesAdmin', () => {
  const settings = { reportingCurrency: 'EUR', exchangeRates: [{ currency: 'USD', month: '2026-10', rate: '0.92' }], version: 3 };

  it('adds a rate, takes pasted CSV lines and says which it could not read, then saves on the version it read', async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/settings': () => settings,
      'PATCH /api/settings': (request) => ({ ...settings, ...(request.body as object), version: 4 }),
    });
    renderInPane(<CurrenciesAdmin />, { api });
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
    expect(await screen.findByText('Saved. Reports now use these rates.')).toBeTruthy();
    expect(sentTo('PATCH /api/settings')).toHaveLength(1);
    expect(sentTo('PATCH /api/settings')[0]!.body).toEqual({
      reportingCurrency: 'EUR',
      exchangeRates: [
        { currency: 'GBP', month: '2026-11', rate: '1.17' },
        { currency: 'USD', month: '2026-10', rate: '0.92' },
        { currency: 'USD', month: '2026-11', rate: '0.9' },
      ],
    });
    expect(versionOf(sentTo('PATCH /api/settings')[0]!)).toBe('"3"');
    // Saved: nothing is left to save.
    expect(screen.getByText('Save currencies').closest('button')?.disabled).toBe(true);
  });

  it('asks before a new reporting currency drops the rates, then shows a refused save in words, keeps what was typed and offers a reload', async () => {
    let saved = settings;
    const { api, sentTo } = fakeApi({
      'GET /api/settings': () => saved,
      'PATCH /api/settings': () => fail(412, 'RECORD.STALE_VERSION', { kind: 'settings' }),
    });
    renderInPane(<CurrenciesAdmin />, { api });
    const reporting = await screen.findByLabelText(/Reporting currency/);
    fireEvent.change(reporting, { target: { value: 'usd' } });
    // The rates were given in EUR: the list starts afresh, and saving asks first.
    expect(screen.getByText(/The rates were given in EUR/)).toBeTruthy();
    expect(screen.queryByLabelText(/Remove the USD rate/)).toBeNull();
    fireEvent.click(screen.getByText('Save currencies'));
    expect(screen.getByText('Saving USD as the reporting currency removes the 1 rates given in EUR. Save anyway?')).toBeTruthy();
    expect(sentTo('PATCH /api/settings')).toHaveLength(0);
    fireEvent.click(screen.getByText('Remove the rates and save'));
    expect(await screen.findByText('Someone else changed the settings first. What you typed is kept: reload to see their change, then apply yours again.')).toBeTruthy();
    expect(sentTo('PATCH /api/settings')).toMatchObject([{ body: { reportingCurrency: 'USD', exchangeRates: [] } }]);
    expect((screen.getByLabelText(/Reporting currency/) as HTMLInputElement).value).toBe('USD');

    saved = { ...settings, exchangeRates: [{ currency: 'GBP', month: '2026-10', rate: '1.15' }], version: 4 };
    fireEvent.click(screen.getByText(/Load the saved settings/));
    await waitFor(() => expect((screen.getByLabelText(/Reporting currency/) as HTMLInputElement).value).toBe('EUR'));
    expect(screen.getByRole('list', { name: 'Exchange rates' }).textContent).toContain('GBP from 2026-10: 1 = 1.15 EUR');
  });

  it('shows the rates with a decimal comma in Spanish, and a failed read with Retry', async () => {
    const { api } = fakeApi({ 'GET /api/settings': offlineFor(1, () => settings) });
    renderInPane(<CurrenciesAdmin />, { api, language: 'es-ES' });
    expect(await screen.findByText(/No se puede conectar con Rapport/, undefined, GIVES_UP)).toBeTruthy();
    fireEvent.click(screen.getByText('Reintentar'));
    expect((await screen.findByRole('list', { name: 'Tipos de cambio' })).textContent).toContain('0,92');
  });

  it('lists the latest rate of each currency, and all of them on request', async () => {
    const rates = [
      { currency: 'GBP', month: '2026-10', rate: '1.15' },
      { currency: 'USD', month: '2026-09', rate: '0.93' },
      { currency: 'USD', month: '2026-11', rate: '0.9' },
      { currency: 'USD', month: '2026-10', rate: '0.92' },
    ];
    const { api } = fakeApi({ 'GET /api/settings': () => ({ ...settings, exchangeRates: rates }) });
    renderInPane(<CurrenciesAdmin />, { api });
    const shown = async () => itemsOf(await screen.findByLabelText('Exchange rates'));
    expect(await shown()).toEqual(['GBP from 2026-10: 1 = 1.15 EUR', 'USD from 2026-11: 1 = 0.9 EUR']);
    fireEvent.click(buttonNamed('Show all 4 rates'));
    expect(await shown()).toHaveLength(4);
    fireEvent.click(buttonNamed('Show only the latest rate of each currency'));
    expect(await shown()).toHaveLength(2);
  });
});

describe('OwnDomainsAdmin', () => {
  const settings = { reportingCurrency: 'EUR', exchangeRates: [], ownDomains: [] as string[], version: 3 };

  it("says the members' domains count while none are named, adds and removes domains, and saves them on the version it read", async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/settings': () => settings,
      'GET /api/members': () =>
        page([
          member('a1', 'Avery Quinn', 'rep', 1, { email: 'avery.quinn@rapport-demo.com' }),
          member('m1', 'Morgan Blake', 'admin', 1, { email: 'Morgan.Blake@Rapport-Demo.com' }),
          member('s1', 'Sam Patel', 'rep', 1, { email: 'sam.patel@gmail.com' }),
        ]),
      'PATCH /api/settings': (request) => ({ ...settings, ...(request.body as object), version: 4 }),
    });
    renderInPane(<OwnDomainsAdmin />, { api });
    expect(await screen.findByText('None named: the domains of your members’ addresses count as yours.')).toBeTruthy();
    // Free-mail domains are nobody's own.
    expect(itemsOf(await screen.findByLabelText('Domains of your members’ addresses'))).toEqual(['rapport-demo.com']);
    expect(buttonNamed('Save domains').hasAttribute('disabled')).toBe(true);

    const add = screen.getByLabelText('Add domain', { selector: 'form' });
    const typeAndAdd = (text: string) => {
      fireEvent.change(within(add).getByLabelText('Domain'), { target: { value: text } });
      fireEvent.click(within(add).getByLabelText('Add domain', { selector: 'button' }));
    };
    typeAndAdd('https://www.Contoso.com/');
    typeAndAdd('fabrikam.com');
    typeAndAdd('contoso.com');
    expect(within(add).getByText('contoso.com is already on the list.')).toBeTruthy();
    typeAndAdd('not a domain');
    expect(within(add).getByText('Type a domain such as contoso.com.')).toBeTruthy();
    // What could not be added stays to be fixed.
    expect((within(add).getByLabelText('Domain') as HTMLInputElement).value).toBe('not a domain');
    const list = screen.getByLabelText('Your domains');
    expect(itemsOf(list)).toEqual(['contoso.com', 'fabrikam.com']);
    expect(screen.queryByText(/None named/)).toBeNull();

    fireEvent.click(within(list).getByLabelText('Remove contoso.com'));
    fireEvent.click(buttonNamed('Save domains'));
    expect(await screen.findByText('Saved. Addresses at these domains show as colleagues.')).toBeTruthy();
    expect(sentTo('PATCH /api/settings')).toHaveLength(1);
    expect(sentTo('PATCH /api/settings')[0]!.body).toEqual({ ownDomains: ['fabrikam.com'] });
    expect(versionOf(sentTo('PATCH /api/settings')[0]!)).toBe('"3"');
    expect(buttonNamed('Save domains').hasAttribute('disabled')).toBe(true);
  });

  it('keeps the domains typed when someone else saved the settings first, says so in Portuguese, and loads theirs on request', async () => {
    let saved = { ...settings, ownDomains: ['contoso.com'] };
    const { api, sentTo } = fakeApi({
      'GET /api/settings': () => saved,
      'PATCH /api/settings': () => fail(412, 'RECORD.STALE_VERSION', { kind: 'settings' }),
    });
    renderInPane(<OwnDomainsAdmin />, { api, language: 'pt-BR' });
    const add = await screen.findByLabelText('Adicionar domínio', { selector: 'form' });
    fireEvent.change(within(add).getByLabelText('Domínio'), { target: { value: 'fabrikam.com' } });
    fireEvent.click(within(add).getByLabelText('Adicionar domínio', { selector: 'button' }));
    saved = { ...settings, ownDomains: ['contoso.com', 'northwind.example'], version: 4 };
    fireEvent.click(buttonNamed('Salvar domínios'));
    expect(await screen.findByText(/^Outra pessoa alterou .* antes de você\. O que você digitou foi mantido/)).toBeTruthy();
    expect(sentTo('PATCH /api/settings')).toMatchObject([{ body: { ownDomains: ['contoso.com', 'fabrikam.com'] } }]);
    const domains = () => itemsOf(screen.getByLabelText('Seus domínios'));
    expect(domains()).toEqual(['contoso.com', 'fabrikam.com']);

    fireEvent.click(buttonNamed('Carregar os domínios salvos (suas alterações serão descartadas)'));
    await waitFor(() => expect(domains()).toEqual(['contoso.com', 'northwind.example']));
    expect(screen.queryByText(/^Outra pessoa alterou/)).toBeNull();
  });

  it('shows a failed read with Try again, which reads the settings again', async () => {
    const { api } = fakeApi({ 'GET /api/settings': offlineFor(1, () => ({ ...settings, ownDomains: ['contoso.com'] })) });
    renderInPane(<OwnDomainsAdmin />, { api });
    expect(await screen.findByText('Rapport can’t be reached. Check your internet connection and try again.', undefined, GIVES_UP)).toBeTruthy();
    fireEvent.click(screen.getByText('Try again'));
    expect(within(await screen.findByLabelText('Your domains')).getByText('contoso.com')).toBeTruthy();
  });
});

describe('SendChecksAdmin', () => {
  const settings = { reportingCurrency: 'EUR', exchangeRates: [], ownDomains: [], staleDealDays: 14, version: 3 };

  it('shows the days after which a deal is named before sending, refuses what the API would, and saves on the version it read', async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/settings': () => settings,
      'PATCH /api/settings': (request) => ({ ...settings, ...(request.body as object), version: 4 }),
    });
    renderInPane(<SendChecksAdmin />, { api });
    const days = (await screen.findByLabelText(/Days without activity before a deal is named/)) as HTMLInputElement;
    expect(days.value).toBe('14');
    expect(screen.getByText('From 1 to 365 days (14 unless you choose).')).toBeTruthy();
    expect(buttonNamed('Save').hasAttribute('disabled')).toBe(true);
    for (const wrong of ['0', '400', '2.5', '']) {
      fireEvent.change(days, { target: { value: wrong } });
      expect([wrong, screen.queryByText('Enter a whole number of days from 1 to 365.') !== null, buttonNamed('Save').hasAttribute('disabled')]).toEqual([wrong, true, true]);
    }
    fireEvent.change(days, { target: { value: '30' } });
    fireEvent.click(buttonNamed('Save'));
    expect(await screen.findByText('Saved. Messages sent from now on name a deal with no activity for more than 30 days.')).toBeTruthy();
    expect(sentTo('PATCH /api/settings').map((request) => [request.body, versionOf(request)])).toEqual([[{ staleDealDays: 30 }, '"3"']]);
  });

  it('keeps the days typed when someone else saved first, in Spanish, and loads theirs on request', async () => {
    let saved = settings;
    const { api } = fakeApi({
      'GET /api/settings': () => saved,
      'PATCH /api/settings': () => fail(412, 'RECORD.STALE_VERSION', { kind: 'settings' }),
    });
    renderInPane(<SendChecksAdmin />, { api, language: 'es-ES' });
    const days = (await screen.findByLabelText(/Días sin actividad antes de avisar de una oportunidad/)) as HTMLInputElement;
    fireEvent.change(days, { target: { value: '21' } });
    saved = { ...settings, staleDealDays: 10, version: 4 };
    fireEvent.click(buttonNamed('Guardar'));
    fireEvent.click(await screen.findByText('Cargar el valor guardado (se descarta tu cambio)'));
    await waitFor(() => expect(days.value).toBe('10'));
  });
});

describe('RenewalReminderAdmin', () => {
  const settings = { reportingCurrency: 'EUR', exchangeRates: [], ownDomains: [], contractRenewalDays: 60, version: 3 };

  it("shows the days before a contract's end its owner is reminded, refuses what the API would, and saves on the version it read", async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/settings': () => settings,
      'PATCH /api/settings': (request) => ({ ...settings, ...(request.body as object), version: 4 }),
    });
    renderInPane(<RenewalReminderAdmin />, { api });
    const days = (await screen.findByLabelText(/Days before the end to remind the owner/)) as HTMLInputElement;
    expect(days.value).toBe('60');
    expect(screen.getByText('From 1 to 365 days (60 unless you choose).')).toBeTruthy();
    expect(buttonNamed('Save').hasAttribute('disabled')).toBe(true);
    for (const wrong of ['0', '366', '2.5', '', '1e2']) {
      fireEvent.change(days, { target: { value: wrong } });
      expect([wrong, screen.queryByText('Enter a whole number of days from 1 to 365.') !== null, buttonNamed('Save').hasAttribute('disabled')]).toEqual([wrong, true, true]);
    }
    fireEvent.change(days, { target: { value: '90' } });
    fireEvent.click(buttonNamed('Save'));
    expect(await screen.findByText('Saved. Owners are reminded 90 days before their contracts end.')).toBeTruthy();
    expect(sentTo('PATCH /api/settings').map((request) => [request.body, versionOf(request)])).toEqual([[{ contractRenewalDays: 90 }, '"3"']]);
  });

  it('says at the field what the API refused, in Portuguese', async () => {
    const { api } = fakeApi({
      'GET /api/settings': () => settings,
      'PATCH /api/settings': () => fail(400, 'REQUEST.VALIDATION_FAILED', { in: 'body', fields: [{ path: 'contractRenewalDays', code: 'too_big', message: '(English)' }] }),
    });
    renderInPane(<RenewalReminderAdmin />, { api, language: 'pt-BR' });
    fireEvent.change(await screen.findByLabelText(/Dias antes do fim para lembrar o responsável/), { target: { value: '30' } });
    fireEvent.click(buttonNamed('Salvar'));
    const field = (await screen.findByLabelText(/Dias antes do fim/)).closest('.fui-Field') as HTMLElement;
    await waitFor(() => expect(field.textContent).toContain('Está longo demais. Encurte o texto.'));
  });

  it('keeps the days typed when someone else saved first, in Italian, and loads theirs on request', async () => {
    let saved = settings;
    const { api } = fakeApi({
      'GET /api/settings': () => saved,
      'PATCH /api/settings': () => fail(412, 'RECORD.STALE_VERSION', { kind: 'settings' }),
    });
    renderInPane(<RenewalReminderAdmin />, { api, language: 'it-IT' });
    const days = (await screen.findByLabelText(/Giorni prima della scadenza per avvisare il responsabile/)) as HTMLInputElement;
    fireEvent.change(days, { target: { value: '45' } });
    saved = { ...settings, contractRenewalDays: 30, version: 4 };
    fireEvent.click(buttonNamed('Salva'));
    fireEvent.click(await screen.findByText('Carica il valore salvato (la modifica qui viene scartata)'));
    await waitFor(() => expect(days.value).toBe('30'));
  });
});

const product = (id: string, name: string, extra: Partial<Product> = {}): Product => ({ ...stamp, id, version: 1, name, unitPrice: 100, currency: 'EUR', active: true, ...extra });

const tenantCurrencies = () => ({
  reportingCurrency: 'EUR',
  exchangeRates: [
    { currency: 'USD', month: '2026-01', rate: '0.9' },
    { currency: 'GBP', month: '2026-01', rate: '1.2' },
  ],
  ownDomains: [],
  version: 1,
});

describe('ProductsAdmin', () => {
  it('adds a product once per click with one idempotency key, and switches one off on the version it read', async () => {
    const stored: Product[] = [product('p1', 'Sales seat', { series: 'Seats' })];
    // The create waits until the test has clicked twice.
    let answer: () => void = () => undefined;
    const clicked = new Promise<void>((resolve) => (answer = resolve));
    const { api, sentTo } = fakeApi({
      'GET /api/settings': tenantCurrencies,
      'GET /api/products': () => page(stored),
      'POST /api/products': async (request) => {
        await clicked;
        const created = product('p2', (request.body as { name: string }).name, request.body as Partial<Product>);
        stored.unshift(created);
        return created;
      },
      'PATCH /api/products/{id}': (request) => {
        const at = stored.findIndex((one) => one.id === request.params.id);
        stored[at] = { ...stored[at]!, ...(request.body as object), version: stored[at]!.version + 1 };
        return stored[at];
      },
    });
    renderInPane(<ProductsAdmin />, { api });
    await screen.findByText('Sales seat');
    fireEvent.click(buttonNamed('New product'));
    const form = screen.getByLabelText('New product', { selector: 'form' });
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Implementation day' } });
    fireEvent.change(within(form).getByLabelText(/^Unit price/), { target: { value: '1200' } });
    // The tenant's currencies, its reporting one first.
    const currency = (await within(form).findByDisplayValue('EUR')) as HTMLSelectElement;
    expect([...currency.options].map((option) => option.value)).toEqual(['EUR', 'GBP', 'USD']);
    fireEvent.change(currency, { target: { value: 'USD' } });
    const addButton = within(form).getByText('Add product').closest('button')!;
    fireEvent.click(addButton);
    // A second click while the first is being sent sends nothing.
    await waitFor(() => expect(addButton.disabled).toBe(true));
    fireEvent.click(addButton);
    answer();
    const sold = await screen.findByLabelText('Implementation day is sold');
    expect(sentTo('POST /api/products')).toHaveLength(1);
    expect(sentTo('POST /api/products')[0]!.body).toEqual({ name: 'Implementation day', unitPrice: 1200, currency: 'USD' });
    expect(sentTo('POST /api/products')[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);

    fireEvent.click(sold);
    await waitFor(() => expect((screen.getByLabelText('Implementation day is sold') as HTMLInputElement).checked).toBe(false));
    expect(sentTo('PATCH /api/products/{id}')).toMatchObject([{ params: { id: 'p2' }, body: { active: false } }]);
    expect(versionOf(sentTo('PATCH /api/products/{id}')[0]!)).toBe('"1"');
  });

  it('sends a failed create again with the same key when the rep presses Try again', async () => {
    let offline = true;
    const { api, sentTo } = fakeApi({
      'GET /api/products': () => page([]),
      'POST /api/products': (request) => (offline ? unreachable() : product('p1', (request.body as { name: string }).name)),
    });
    renderInPane(<ProductsAdmin />, { api });
    expect(await screen.findByText(/No products yet/)).toBeTruthy();
    fireEvent.click(buttonNamed('New product'));
    const form = screen.getByLabelText('New product', { selector: 'form' });
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Training' } });
    fireEvent.change(within(form).getByLabelText(/^Unit price/), { target: { value: '90' } });
    fireEvent.click(within(form).getByText('Add product'));
    expect(await screen.findByText(/Rapport can’t be reached/)).toBeTruthy();
    offline = false;
    fireEvent.click(screen.getByText('Try again'));
    await waitFor(() => expect(screen.queryByText(/Rapport can’t be reached/)).toBeNull());
    const [first, second] = sentTo('POST /api/products');
    expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
  });
});

describe('ProductsAdmin, changing a product', () => {
  it("changes a product's name, price and currency in place on the version it read, and says who changed it first", async () => {
    let stored = product('p1', 'Sales seat', { series: 'Seats', version: 2 });
    let attempt = 0;
    const { api, sentTo } = fakeApi({
      'GET /api/settings': tenantCurrencies,
      'GET /api/products': () => page([stored]),
      'PATCH /api/products/{id}': (request) => {
        if (++attempt === 1) {
          // Another admin changed the price meanwhile.
          stored = { ...stored, unitPrice: 120, version: 3 };
          return fail(412, 'RECORD.STALE_VERSION', {
            kind: 'product',
            id: 'p1',
            currentVersion: 3,
            changes: [{ by: { id: 'm1', displayName: 'Morgan Blake' }, at: new Date().toISOString(), fields: ['unitPrice'] }],
            changedFields: ['unitPrice'],
          });
        }
        return (stored = { ...stored, ...(request.body as object), version: stored.version + 1 });
      },
    });
    renderInPane(<ProductsAdmin />, { api });
    const edit = await screen.findByLabelText('Change Sales seat', { selector: 'button' });
    fireEvent.click(edit);
    const form = screen.getByLabelText('Change Sales seat', { selector: 'form' });
    const name = within(form).getByLabelText(/^Name/) as HTMLInputElement;
    expect(document.activeElement).toBe(name);
    expect((within(form).getByLabelText(/^Unit price/) as HTMLInputElement).value).toBe('100');
    fireEvent.change(name, { target: { value: '' } });
    fireEvent.change(within(form).getByLabelText(/^Unit price/), { target: { value: 'a lot' } });
    fireEvent.click(within(form).getByText('Save Sales seat'));
    expect(within(form).getByText('Enter the product’s name.')).toBeTruthy();
    expect(within(form).getByText('Enter a price of 0 or more, such as 1250.50.')).toBeTruthy();
    expect(sentTo('PATCH /api/products/{id}')).toHaveLength(0);

    fireEvent.change(name, { target: { value: 'Sales seat (annual)' } });
    fireEvent.change(within(form).getByLabelText(/^Unit price/), { target: { value: '1,250.50' } });
    // The tenant's currencies, and the product's own.
    await within(form).findByText('GBP', { selector: 'option' });
    fireEvent.change(within(form).getByDisplayValue('EUR'), { target: { value: 'GBP' } });
    fireEvent.click(within(form).getByText('Save Sales seat'));
    await within(form).findByText(/^Morgan Blake changed Unit price at .+\. They changed Unit price too: yours will replace theirs\./);
    fireEvent.click(within(form).getByText('Apply mine again'));
    expect(await screen.findByText('Sales seat (annual)')).toBeTruthy();
    expect(screen.getByText('Sales seat (annual)').parentElement!.textContent).toBe('Sales seat (annual)Seats · £1,250.50');
    expect(sentTo('PATCH /api/products/{id}').map((sent) => [sent.body, versionOf(sent)])).toEqual([
      [{ name: 'Sales seat (annual)', unitPrice: 1250.5, currency: 'GBP' }, '"2"'],
      [{ name: 'Sales seat (annual)', unitPrice: 1250.5, currency: 'GBP' }, '"3"'],
    ]);
    // Saved: the editor closes, and focus is back on its button.
    expect(screen.queryByLabelText('Change Sales seat', { selector: 'form' })).toBeNull();
  });
});

const territory = (id: string, name: string, extra: Partial<Territory> = {}): Territory => ({
  ...stamp,
  id,
  version: 1,
  name,
  countries: [],
  regions: [],
  cities: [],
  postalCodePrefixes: [],
  repIds: [],
  ...extra,
});

describe('TerritoriesAdmin', () => {
  it('adds a territory with its rules and reps, and removes one on the version it read', async () => {
    let stored: Territory[] = [territory('t1', 'Iberia', { countries: ['Spain', 'Portugal'], repIds: ['a1'], version: 2 })];
    const { api, sentTo } = fakeApi({
      'GET /api/members': () => page([member('a1', 'Avery Quinn', 'rep'), member('l1', 'Lucas Ferreira', 'rep'), member('x1', 'Former Rep', 'rep', 1, { deactivated: true })]),
      'GET /api/territories': () => page(stored),
      'POST /api/territories': (request) => {
        const created = territory('t2', 'Nordics', request.body as Partial<Territory>);
        stored = [created, ...stored];
        return created;
      },
      'DELETE /api/territories/{id}': (request) => {
        stored = stored.filter((one) => one.id !== request.params.id);
        return undefined;
      },
    });
    renderInPane(<TerritoriesAdmin />, { api });
    expect(await screen.findByText('Reps: Avery Quinn')).toBeTruthy();
    fireEvent.click(buttonNamed('New territory'));
    const form = screen.getByLabelText('New territory', { selector: 'form' });
    expect(within(form).queryByLabelText('Former Rep')).toBeNull();
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Nordics' } });
    fireEvent.change(within(form).getByLabelText('Countries'), { target: { value: 'Sweden, Norway,, Denmark ' } });
    fireEvent.change(within(form).getByLabelText('Postal codes starting with'), { target: { value: 'SE-1' } });
    fireEvent.click(within(form).getByLabelText('Lucas Ferreira'));
    fireEvent.click(within(form).getByText('Add territory'));
    expect(await screen.findByText('Sweden, Norway, Denmark, postal codes SE-1…')).toBeTruthy();
    // Added: the form closes, and focus is back on the button that opened it.
    expect(screen.queryByLabelText('New territory', { selector: 'form' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(buttonNamed('New territory')));
    expect(screen.getByText('Reps: Lucas Ferreira')).toBeTruthy();
    expect(sentTo('POST /api/territories')).toHaveLength(1);
    expect(sentTo('POST /api/territories')[0]!.body).toEqual({ name: 'Nordics', countries: ['Sweden', 'Norway', 'Denmark'], regions: [], cities: [], postalCodePrefixes: ['SE-1'], repIds: ['l1'] });

    fireEvent.click(screen.getByLabelText('Remove Iberia'));
    await waitFor(() => expect(screen.queryByText('Iberia')).toBeNull());
    expect(sentTo('DELETE /api/territories/{id}')).toHaveLength(1);
    expect(versionOf(sentTo('DELETE /api/territories/{id}')[0]!)).toBe('"2"');
  });

  it('says when there are no territories yet, in Portuguese', async () => {
    const { api } = fakeApi({ 'GET /api/members': () => page([]), 'GET /api/territories': () => page([]) });
    renderInPane(<TerritoriesAdmin />, { api, language: 'pt-BR' });
    expect(await screen.findByText(/Ainda não há territórios/)).toBeTruthy();
  });
});

const webForm = (id: string, name: string, extra: Partial<WebForm> = {}): WebForm => ({ ...stamp, id, version: 1, name, revoked: false, ...extra });
const campaign = (id: string, name: string, extra: Partial<Campaign> = {}): Campaign => ({ ...stamp, id, version: 1, name, channel: 'email', status: 'planned', ...extra });

describe('WebFormsAdmin', () => {
  it('makes a web form with its HTML to paste, shows a wrong address at its field, and revokes a form', async () => {
    let stored: WebForm[] = [];
    const { api, sentTo } = fakeApi({
      'GET /api/campaigns': () => page([campaign('cp1', 'Spring webinar', { status: 'active' }), campaign('cp2', 'Spring fair 2027', { channel: 'event' }), campaign('cp3', 'Newsletter')]),
      'GET /api/forms': () => page(stored),
      'POST /api/forms': (request) => {
        const body = request.body as Partial<WebForm>;
        if (body.thankYouUrl?.startsWith('ftp:')) return fail(400, 'REQUEST.VALIDATION_FAILED', { fields: [{ path: 'thankYouUrl', code: 'invalid_format', message: '(English)' }] });
        const created = webForm('f1', body.name!, { ...body, ...(body.campaignId === 'cp2' ? { campaign: 'Spring fair 2027' } : {}) });
        stored = [created];
        return created;
      },
      'PATCH /api/forms/{id}': (request) => {
        stored = stored.map((one) => (one.id === request.params.id ? { ...one, ...(request.body as object), version: one.version + 1 } : one));
        return stored[0];
      },
    });
    renderInPane(<WebFormsAdmin />, { api });
    expect(await screen.findByText(/No web forms yet/)).toBeTruthy();
    fireEvent.click(buttonNamed('New web form'));
    const form = screen.getByLabelText('New web form', { selector: 'form' });
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Spring fair sign-up' } });
    // The campaign is one of the tenant's, found by typing part of its name, with its channel and status.
    const picker = within(form).getByRole('combobox', { name: 'Campaign' });
    fireEvent.change(picker, { target: { value: 'spring' } });
    const found = within(form).getByRole('listbox', { name: 'Campaign' });
    await within(found).findByRole('option', { name: /^Spring fair 2027/ });
    expect(within(found).getAllByRole('option').map((option) => option.textContent)).toEqual(['No campaign', 'Spring webinarE-mailActive', 'Spring fair 2027EventPlanned']);
    fireEvent.click(within(found).getByRole('option', { name: /^Spring fair 2027/ }));
    expect((picker as HTMLInputElement).value).toBe('Spring fair 2027');
    expect(within(form).queryByRole('listbox')).toBeNull();
    fireEvent.change(within(form).getByLabelText('Thank-you page'), { target: { value: 'ftp://example.com' } });
    fireEvent.click(within(form).getByText('Create web form'));
    expect(await within(form).findByText('This is not in the right format.')).toBeTruthy();

    fireEvent.change(within(form).getByLabelText('Thank-you page'), { target: { value: '' } });
    fireEvent.click(within(form).getByText('Create web form'));
    const snippet = (await screen.findByLabelText('HTML for Spring fair sign-up')) as HTMLTextAreaElement;
    expect(snippet.value).toContain('/api/forms/t.f1/leads');
    expect(sentTo('POST /api/forms')[1]!.body).toEqual({ name: 'Spring fair sign-up', campaignId: 'cp2' });
    // The form names its campaign, which opens.
    expect(screen.getByRole('button', { name: 'Spring fair 2027' }).closest('li')!.textContent).toContain('Campaign: Spring fair 2027');

    fireEvent.click(screen.getByText('Revoke Spring fair sign-up'));
    expect(await screen.findByText('Switch Spring fair sign-up on again')).toBeTruthy();
    expect(sentTo('PATCH /api/forms/{id}')).toMatchObject([{ body: { revoked: true } }]);
  });
});

describe('WebFormsAdmin, copying the HTML', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'clipboard');
  });
  const withClipboard = (writeText: (text: string) => Promise<void>) => Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

  it("copies a form's HTML in one click and says so; where the clipboard is refused, selects it for Ctrl+C and says that", async () => {
    const writeText = jest.fn<Promise<void>, [string]>().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new DOMException('Denied', 'NotAllowedError'));
    withClipboard(writeText);
    const { api } = fakeApi({ 'GET /api/forms': () => page([webForm('f1', 'Spring fair sign-up')]) });
    renderInPane(<WebFormsAdmin />, { api, language: 'pt-BR' });
    const copy = await screen.findByLabelText('Copiar HTML de Spring fair sign-up');
    const snippet = screen.getByLabelText('HTML de Spring fair sign-up') as HTMLTextAreaElement;
    const said = copy.parentElement!.querySelector('[role=status]')!;
    expect(said.textContent).toBe('');
    fireEvent.click(copy);
    await waitFor(() => expect(said.textContent).toBe('Copiado. Cole-o em uma página do seu site.'));
    expect(writeText).toHaveBeenCalledWith(snippet.value);
    expect(snippet.value).toContain('/api/forms/t.f1/leads');

    fireEvent.click(copy);
    await waitFor(() => expect(said.textContent).toMatch(/^Seu navegador não permitiu copiar\. O HTML está selecionado/));
    expect(document.activeElement).toBe(snippet);
    expect([snippet.selectionStart, snippet.selectionEnd]).toEqual([0, snippet.value.length]);
  });
});

describe('ImportList', () => {
  // jsdom's files have no arrayBuffer(), and its window no TextDecoder: lend them Node's.
  beforeAll(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const util = require('node:util') as typeof import('node:util');
    Object.assign(globalThis, { TextDecoder: util.TextDecoder });
    if (!Blob.prototype.arrayBuffer) {
      Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob) {
        return new Promise<ArrayBuffer>((resolve) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.readAsArrayBuffer(this);
        });
      };
    }
  });

  const csv = (rows: number) => new File([['First name,Last name,Email', ...Array.from({ length: rows }, (_, i) => `Visitor,Number ${i},visitor.${i}@expo.example`)].join('\n')], 'expo.csv', { type: 'text/csv' });

  it('maps the columns, stops when asked after the batch being sent, and resumes where it stopped under the same import id', async () => {
    let release: () => void = () => undefined;
    let holding = true;
    const { api, sentTo } = fakeApi({
      'POST /api/imports/leads': async (request) => {
        const rows = (request.body as { rows: unknown[] }).rows;
        if (holding) await new Promise<void>((resolve) => (release = resolve));
        holding = false;
        return { created: rows.length, merged: 0, companiesCreated: 0, rejected: [] };
      },
    });
    renderInPane(<ImportList />, { api });
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [csv(600)] } });
    expect(((await screen.findByLabelText('Last name')) as HTMLSelectElement).value).toBe('Last name');
    // The sample value is one piece: whole on hover, never broken across lines.
    const sample = screen.getByText('Number 0');
    expect(sample.getAttribute('title')).toBe('Number 0');
    expect(sample.parentElement?.textContent).toBe('First row: Number 0');
    fireEvent.click(screen.getByText('Import'));
    await waitFor(() => expect(sentTo('POST /api/imports/leads')).toHaveLength(1));
    fireEvent.click(screen.getByText('Stop importing'));
    release();
    expect(await screen.findByText(/^You stopped the import after 250 rows\./)).toBeTruthy();
    expect(screen.getByText('250 rows: 250 created, 0 merged, 0 rejected.')).toBeTruthy();
    expect(sentTo('POST /api/imports/leads')).toHaveLength(1);

    fireEvent.click(screen.getByText('Resume the import'));
    expect(await screen.findByText('600 rows: 600 created, 0 merged, 0 rejected.')).toBeTruthy();
    const batches = sentTo('POST /api/imports/leads').map((request) => request.body as { importId: string; rows: { line: number }[] });
    expect(batches.map((batch) => [batch.rows.length, batch.rows[0]!.line])).toEqual([
      [250, 2],
      [250, 252],
      [100, 502],
    ]);
    expect(new Set(batches.map((batch) => batch.importId)).size).toBe(1);
  });

  it('says in Spanish why an import stopped, without the API’s English, and lists the rejected rows', async () => {
    const { api } = fakeApi({
      'POST /api/imports/leads': (request) => {
        const rows = (request.body as { rows: { line: number }[] }).rows;
        if (rows[0]!.line > 2) return fail(403, 'AUTH.ROLE_REQUIRED');
        return { created: rows.length - 1, merged: 0, companiesCreated: 0, rejected: [{ line: 3, field: 'email', reason: 'e-mail' }] };
      },
    });
    renderInPane(<ImportList />, { api, language: 'es-ES' });
    fireEvent.change(screen.getByLabelText('Archivo CSV'), { target: { files: [csv(300)] } });
    fireEvent.click(await screen.findByText('Importar'));
    expect(await screen.findByText('La importación se detuvo tras 250 filas.')).toBeTruthy();
    expect(screen.getByText(/Solo un responsable o un administrador puede hacer esto/)).toBeTruthy();
    expect(screen.queryByText(/English/)).toBeNull();
    expect(within(screen.getByRole('list', { name: 'Filas rechazadas' })).getByText('Línea 3: e-mail')).toBeTruthy();
  });
});

describe('Dashboard', () => {
  const me = { tenantId: 't', userId: 'm1', roles: ['manager'], rolesFrom: 'member', capabilities: { editOthersRecords: true, reassign: true, viewTeam: true, manageSettings: false, importLists: true } };
  // The team tab's goals grid and My numbers: no goals yet.
  const goals = {
    'GET /api/goals': () => page([]),
    'GET /api/goals/attainment': () => ({ period: 'month', start: '2026-11', ends: '2026-12-01', reportingCurrency: 'EUR', reps: [], teams: [], territories: [], company: [] }),
    // The team tab's expenses to approve: none.
    'GET /api/expenses/pending': () => ({ items: [], capped: false }),
  };
  const report = (name: string) => ({
    report: name,
    from: '2026-01',
    to: '2026-12',
    currency: 'EUR',
    converted: true,
    ratesUsed: [],
    missingRates: [],
    currencies: [],
    filters: {},
    columns: [{ key: 'deals', kind: 'count' }],
    rows: [],
    generatedAt: '2026-11-20T00:00:00Z',
  });

  it("reads the page's choices and each report once, and a report that failed shows Try again, which reads it again", async () => {
    window.history.replaceState(null, '', '/dashboard?tab=team&from=2026-01&to=2026-12');
    const { api, sentTo } = fakeApi({
      'GET /api/me': () => me,
      ...goals,
      'GET /api/members': () => page([member('m1', 'Morgan Blake', 'manager', 1, { team: 'East' })]),
      'GET /api/territories': () => page([]),
      'GET /api/products': () => page([product('p1', 'Sales seat')]),
      // The pipeline report cannot be read (the others can) until the rep presses Try again.
      'GET /api/reports/{report}': (request) => (request.params.report === 'pipeline' ? pipeline(request) : report(request.params.report!)),
    });
    const pipeline = offlineFor(1, (request) => report(request.params.report!));
    const { container } = renderInPane(<Dashboard />, { api });
    expect(await screen.findByText('Signed in as Morgan Blake')).toBeTruthy();
    const failed = container.querySelector('[data-report="pipeline"]') as HTMLElement;
    await waitFor(() => expect(failed.getAttribute('data-state')).toBe('error'), GIVES_UP);
    expect(container.querySelectorAll('[data-state="error"]')).toHaveLength(1);
    expect(within(failed).queryByText(/^No open deals/)).toBeNull();
    fireEvent.click(within(failed).getByText('Try again'));
    await waitFor(() => expect(failed.getAttribute('data-state')).toBe('ready'));
    expect(within(failed).getByText(/^No open deals for these filters/)).toBeTruthy();
    for (const route of ['GET /api/me', 'GET /api/members', 'GET /api/territories', 'GET /api/products']) expect(sentTo(route)).toHaveLength(1);
    expect(sentTo('GET /api/members')[0]!.query).toEqual({ limit: '100' });
  });

  it("filters the reports and keeps the last report on screen while the new filters' is read", async () => {
    window.history.replaceState(null, '', '/dashboard?tab=team&from=2026-01&to=2026-12');
    const { api, sentTo } = fakeApi({
      'GET /api/me': () => me,
      ...goals,
      'GET /api/members': () => page([member('m1', 'Morgan Blake', 'manager', 1, { team: 'East' })]),
      'GET /api/territories': () => page([]),
      'GET /api/products': () => page([]),
      // The team's reports wait until the test lets them answer.
      'GET /api/reports/{report}': async (request) => {
        if (request.query.team) await held;
        return report(request.params.report!);
      },
    });
    let answer: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const { container } = renderInPane(<Dashboard />, { api, language: 'es-ES' });
    const pipeline = await waitFor(() => {
      const card = container.querySelector('[data-report="pipeline"][data-state="ready"]');
      expect(card).not.toBeNull();
      return card as HTMLElement;
    });
    const reports = sentTo('GET /api/reports/{report}').length;
    fireEvent.change(screen.getByLabelText('Equipo'), { target: { value: 'East' } });
    await waitFor(() => expect(sentTo('GET /api/reports/{report}').length).toBe(reports * 2));
    expect(sentTo('GET /api/reports/{report}').at(-1)!.query).toMatchObject({ team: 'East', from: '2026-01', to: '2026-12' });
    expect(window.location.search).toContain('team=East');
    // While the team's report is read, the last one stays on screen, marked as loading.
    expect(pipeline.getAttribute('data-state')).toBe('loading');
    expect(within(pipeline).getByText(/^No hay oportunidades abiertas/)).toBeTruthy();
    answer();
    await waitFor(() => expect(pipeline.getAttribute('data-state')).toBe('ready'));
  });
});
