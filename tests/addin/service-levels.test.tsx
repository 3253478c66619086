/** @jest-environment ./tests/stubs/jsdom-with-node-environment.js */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Case } from '@rapport/shared';
import { CaseList } from '../../addin/src/components/CaseList';
import { MyDay } from '../../addin/src/components/MyDay';
import { ServiceLevelAdmin } from '../../addin/src/components/service-levels/ServiceLevelAdmin';
import { serviceLevelSummary } from '../../addin/src/components/service-levels/ServiceLevelCounter';
import { serviceLevelLine, type ServiceLevelFields } from '../../addin/src/components/service-levels/service-level-text';
import { translatorFor } from '../../addin/src/i18n/catalogs';
import { startInProcessApi, type InProcessApi } from './in-process-api';
import { fail, fakeApi, membersOf, renderInPane } from './pane-harness';

// Case service levels in the pane: the line under a case ("Answer due in 3 h"), My day's line of cases breaching, and
// Settings → Service levels. The wording at its edges against a fixed clock; the views over the real API and store (the
// standalone host on a random port), with cases opened in the past so that what is due does not hang on the time of day.

jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 30_000 });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = new Date('2026-11-23T10:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const en = translatorFor('en-US');

/** An open case of the default service level (8 h, 72 h) as the server keeps it, due times moved as a test needs. */
const timed = (extra: Partial<ServiceLevelFields> = {}): ServiceLevelFields => ({
  status: 'new',
  serviceLevel: { responseHours: 8, resolutionHours: 72 },
  responseDueAt: at(8 * HOUR),
  resolutionDueAt: at(72 * HOUR),
  ...extra,
});
const say = (item: ServiceLevelFields, translator = en) => serviceLevelLine(translator, item, NOW);

describe("a case's service level, as the pane words it", () => {
  it('says nothing for a case opened before service levels, or a rejected one', () => {
    expect(say({ status: 'new' })).toBeNull();
    expect(say({ status: 'closed', closedAt: at(-HOUR) })).toBeNull();
    expect(say(timed({ status: 'rejected', closedAt: at(-HOUR) }))).toBeNull();
  });

  it('counts down to the first answer, in warning colours from 4 hours before it is due, and overdue after', () => {
    expect(say(timed())).toEqual({ tone: 'neutral', text: 'Answer due in 8 h' });
    expect(say(timed({ responseDueAt: at(4 * HOUR + MINUTE) }))).toEqual({ tone: 'neutral', text: 'Answer due in 4 h' });
    expect(say(timed({ responseDueAt: at(4 * HOUR) }))).toEqual({ tone: 'warning', text: 'Answer due in 4 h' });
    // Whole units already passed: never more time left than there is.
    expect(say(timed({ responseDueAt: at(3 * HOUR + 59 * MINUTE) }))).toEqual({ tone: 'warning', text: 'Answer due in 3 h' });
    expect(say(timed({ responseDueAt: at(59 * MINUTE) }))).toEqual({ tone: 'warning', text: 'Answer due in 59 min' });
    expect(say(timed({ responseDueAt: at(0) }))).toEqual({ tone: 'warning', text: 'Answer due in 1 min' });
    expect(say(timed({ responseDueAt: at(-1) }))).toEqual({ tone: 'danger', text: 'Answer overdue by 1 min' });
    expect(say(timed({ responseDueAt: at(-2.5 * HOUR) }))).toEqual({ tone: 'danger', text: 'Answer overdue by 2 h' });
    expect(say(timed({ responseDueAt: at(-(48 * HOUR - MINUTE)) }))).toEqual({ tone: 'danger', text: 'Answer overdue by 47 h' });
    expect(say(timed({ responseDueAt: at(-2 * DAY) }))).toEqual({ tone: 'danger', text: 'Answer overdue by 2 days' });
  });

  it('names the resolution once the case is answered: the day and time when it is more than a day away, the date past a week', () => {
    const answered = { status: 'assigned' as const, respondedAt: at(-HOUR) };
    const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'short', hour: 'numeric', minute: '2-digit' });
    const date = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
    expect(say(timed({ ...answered, resolutionDueAt: at(3 * DAY) }))).toEqual({ tone: 'neutral', text: `Resolve by ${weekday.format(new Date(at(3 * DAY)))}` });
    expect(say(timed({ ...answered, resolutionDueAt: at(10 * DAY) }))).toEqual({ tone: 'neutral', text: `Resolve by ${date.format(new Date(at(10 * DAY)))}` });
    expect(say(timed({ ...answered, resolutionDueAt: at(DAY - MINUTE) }))).toEqual({ tone: 'neutral', text: 'Resolution due in 23 h' });
    expect(say(timed({ ...answered, resolutionDueAt: at(2 * HOUR) }))).toEqual({ tone: 'warning', text: 'Resolution due in 2 h' });
    expect(say(timed({ ...answered, resolutionDueAt: at(-30 * HOUR) }))).toEqual({ tone: 'danger', text: 'Resolution overdue by 30 h' });
    // An answer still owed comes first, even when the resolution is overdue too; an answer given late leaves the resolution.
    expect(say(timed({ responseDueAt: at(-3 * DAY), resolutionDueAt: at(-HOUR) }))).toEqual({ tone: 'danger', text: 'Answer overdue by 3 days' });
    expect(say(timed({ status: 'pending', responseDueAt: at(-3 * DAY), respondedAt: at(-2 * DAY), resolutionDueAt: at(5 * HOUR) }))).toEqual({ tone: 'neutral', text: 'Resolution due in 5 h' });
  });

  it('says how a closed case did', () => {
    expect(say(timed({ status: 'closed', respondedAt: at(-3 * DAY), resolutionDueAt: at(-HOUR), closedAt: at(-2 * HOUR) }))).toEqual({ tone: 'neutral', text: 'Resolved in time' });
    expect(say(timed({ status: 'closed', respondedAt: at(-3 * DAY), resolutionDueAt: at(-HOUR), closedAt: at(-MINUTE) }))).toEqual({ tone: 'danger', text: 'Resolved late' });
  });

  it("names the contract's service level, in each language", () => {
    const premium = timed({ serviceLevel: { name: 'Premium', responseHours: 4, resolutionHours: 24, contractId: 'sc1' }, responseDueAt: at(3.5 * HOUR), resolutionDueAt: at(24 * HOUR) });
    expect(say(premium)).toEqual({ tone: 'warning', text: 'Premium · answer due in 3 h' });
    expect(say(premium, translatorFor('es-ES'))?.text).toBe('Premium · responder en 3 h');
    expect(say(premium, translatorFor('pt-BR'))?.text).toBe('Premium · responder em 3 h');
    expect(say(premium, translatorFor('it-IT'))?.text).toBe('Premium · rispondere entro 3 h');
    const late = timed({ serviceLevel: { name: 'Premium', responseHours: 4, resolutionHours: 24 }, responseDueAt: at(-3 * DAY) });
    expect(say(late, translatorFor('es-ES'))?.text).toBe('Premium · respuesta con 3 días de retraso');
    expect(say(late, translatorFor('pt-BR'))?.text).toBe('Premium · resposta com 3 dias de atraso');
    expect(say(late, translatorFor('it-IT'))?.text).toBe('Premium · risposta in ritardo di 3 giorni');
  });

  it("counts My day's cases with each language's plurals", () => {
    const summaries = (language: string) =>
      [
        [1, 0],
        [2, 1],
        [0, 1],
        [0, 3],
        [1, 2],
      ].map(([soon, breached]) => serviceLevelSummary(translatorFor(language), { soon: soon!, breached: breached! }));
    expect(summaries('en-US')).toEqual([
      '1 case breaches in the next 4 hours',
      '2 cases breach in the next 4 hours · 1 breached',
      '1 case breached its service level',
      '3 cases breached their service level',
      '1 case breaches in the next 4 hours · 2 breached',
    ]);
    expect(summaries('es-ES')).toEqual([
      '1 caso vence en las próximas 4 horas',
      '2 casos vencen en las próximas 4 horas · 1 vencido',
      '1 caso incumplió su nivel de servicio',
      '3 casos incumplieron su nivel de servicio',
      '1 caso vence en las próximas 4 horas · 2 vencidos',
    ]);
    expect(summaries('pt-BR')).toEqual([
      '1 caso vence nas próximas 4 horas',
      '2 casos vencem nas próximas 4 horas · 1 vencido',
      '1 caso descumpriu o nível de serviço',
      '3 casos descumpriram o nível de serviço',
      '1 caso vence nas próximas 4 horas · 2 vencidos',
    ]);
    expect(summaries('it-IT')).toEqual([
      '1 caso scade nelle prossime 4 ore',
      '2 casi scadono nelle prossime 4 ore · 1 scaduto',
      '1 caso ha superato il livello di servizio',
      '3 casi hanno superato il livello di servizio',
      '1 caso scade nelle prossime 4 ore · 2 scaduti',
    ]);
  });
});

const ADMIN = 'sam-admin';
const REP = 'avery-rep';
describe('service levels in the pane, over the API', () => {
  let api: InProcessApi;
  // A tenant of its own for each test, on one API: what one test creates, no other sees.
  let tenants = 0;
  let tenant: string;

  const { call, render } = membersOf(() => api, { tenant: () => tenant, names: { [REP]: 'Avery Quinn', [ADMIN]: 'Sam Ortiz' } });
  const asRep = <T,>(method: string, route: string, body?: unknown, headers?: Record<string, string>) => call<T>(REP, 'rep', method, route, body, headers);
  const asAdmin = <T,>(method: string, route: string, body?: unknown, headers?: Record<string, string>) => call<T>(ADMIN, 'admin', method, route, body, headers);
  let keys = 0;
  /** The rep opens a case, `hoursAgo` before now (the server promises it from then). */
  const openCase = (subject: string, hoursAgo: number, extra: object = {}) =>
    asRep<Case>('POST', '/api/cases', { subject, openedAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(), ...extra }, { 'idempotency-key': `case-${tenant}-${++keys}` });

  beforeAll(async () => {
    api = await startInProcessApi('service-levels');
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    tenant = `tenant-sla-${++tenants}`;
    // Both sign in once: members by their token's name.
    await asAdmin('GET', '/api/me');
    await asRep('GET', '/api/me');
  });

  it("shows each open case's service level under it, naming the contract's, and follows the case when it is taken up", async () => {
    const today = new Date();
    const day = (days: number) => new Date(today.getTime() + days * DAY).toISOString().slice(0, 10);
    const company = await asAdmin<{ id: string }>('POST', '/api/companies', { name: 'Contoso', domains: ['contoso.example'] }, { 'idempotency-key': `company-${tenant}` });
    await asAdmin('POST', '/api/contracts', { companyId: company.id, name: 'Premium support', startDate: day(-30), endDate: day(300), serviceLevel: { name: 'Premium', responseHours: 4, resolutionHours: 24 } }, { 'idempotency-key': `contract-${tenant}` });
    // Premium's first answer within 4 h, opened half an hour ago: due in 3 h and a half.
    const premium = await openCase('Broken hinge', 0.5, { companyId: company.id });
    // The tenant's default (8 h, 72 h), opened 4 days ago and never answered.
    const late = await openCase('Invoice in the wrong currency', 96);
    // As a case opened before service levels comes: without any.
    const { serviceLevel: _level, responseDueAt: _response, resolutionDueAt: _resolution, ...before } = await openCase('Old request', 2);
    expect(premium.serviceLevel).toMatchObject({ name: 'Premium', responseHours: 4 });

    render(<CaseList cases={[premium, late, before as Case]} />, { userId: REP, role: 'rep' });
    const rows = await screen.findAllByRole('listitem');
    const line = (row: HTMLElement) => row.querySelector('[data-tone]');
    expect([line(rows[0]!)?.textContent, line(rows[0]!)?.getAttribute('data-tone')]).toEqual(['Premium · answer due in 3 h', 'warning']);
    expect([line(rows[1]!)?.textContent, line(rows[1]!)?.getAttribute('data-tone')]).toEqual(['Answer overdue by 3 days', 'danger']);
    expect(line(rows[2]!)).toBeNull();
    expect(rows[2]!.textContent).not.toMatch(/answer|resol/i);

    // Taken up: answered now, so what is due next is Premium's fix, 24 h after it opened.
    fireEvent.change(await within(rows[0]!).findByLabelText(`Status of Case #${premium.number}`), { target: { value: 'assigned' } });
    await waitFor(() => expect(line(rows[0]!)?.textContent).toBe('Premium · resolution due in 23 h'));
    expect(line(rows[0]!)?.getAttribute('data-tone')).toBe('neutral');
  });

  it("counts My day's cases breached and due within 4 hours, and lists them, the most urgent first, each opening its case", async () => {
    // Due an hour ago; due in 3 h 30; due in 7 h (not yet counted); closed (never counted).
    const breached = await openCase('Printer offline', 9);
    const soon = await openCase('Password reset', 4.5);
    await openCase('Brochure request', 1);
    const closed = await openCase('Duplicate invoice', 20);
    await asRep('PATCH', `/api/cases/${closed.id}`, { status: 'closed' }, { 'if-match': `"${closed.version}"` });

    render(<MyDay userEmail="avery@rapport.example" />, { userId: REP, role: 'rep' });
    const line = await screen.findByRole('button', { name: '1 case breaches in the next 4 hours · 1 breached' });
    expect(line.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(line);
    const list = screen.getByRole('list', { name: 'Cases near or past their service level' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      `Case #${breached.number} · Printer offlineAnswer overdue by 1 h`,
      `Case #${soon.number} · Password resetAnswer due in 3 h`,
    ]);
    fireEvent.click(within(list).getByRole('button', { name: `Case #${soon.number} · Password reset` }));
    expect(screen.getByRole('status', { name: 'open record' }).textContent).toBe(`case:${soon.id}`);
  });

  it("shows no line when nothing is due soon, and the line in the rep's language", async () => {
    await openCase('Brochure request', 1);
    const first = render(<MyDay userEmail="avery@rapport.example" />, { userId: REP, role: 'rep' });
    await screen.findByRole('heading', { name: "Today's appointments" });
    expect(screen.queryByRole('button', { name: /breach/ })).toBeNull();
    first.unmount();

    await openCase('Printer offline', 9);
    await openCase('Screen flickers', 30);
    render(<MyDay userEmail="avery@rapport.example" />, { userId: REP, role: 'rep' }, 'es-ES');
    fireEvent.click(await screen.findByRole('button', { name: '2 casos incumplieron su nivel de servicio' }));
    expect(within(screen.getByRole('list', { name: 'Casos cerca o fuera de su nivel de servicio' })).getAllByText(/^Respuesta con \d+ h de retraso$/)).toHaveLength(2);
  });

  it('saves the default hours on the version it read, refusing what the API would before sending', async () => {
    render(<ServiceLevelAdmin />, { userId: ADMIN, role: 'admin' });
    const response = (await screen.findByLabelText(/First answer within \(hours\)/)) as HTMLInputElement;
    const resolution = screen.getByLabelText(/Resolution within \(hours\)/) as HTMLInputElement;
    expect([response.value, resolution.value]).toEqual(['8', '72']);
    const save = () => screen.getByText('Save').closest('button')!;
    expect(save().hasAttribute('disabled')).toBe(true);
    for (const wrong of ['0', '0.3', '8761', 'abc', '', '-1']) {
      fireEvent.change(response, { target: { value: wrong } });
      expect([wrong, screen.queryByText('Enter hours from 0.25 to 8760, in quarter hours (such as 1.5).') !== null, save().hasAttribute('disabled')]).toEqual([wrong, true, true]);
    }
    fireEvent.change(response, { target: { value: '80' } });
    expect(screen.getByText('A resolution cannot be due before the first answer (80 h).')).toBeTruthy();
    expect(save().hasAttribute('disabled')).toBe(true);
    fireEvent.change(response, { target: { value: '4,5' } });
    fireEvent.change(resolution, { target: { value: '48' } });
    fireEvent.click(save());
    expect(await screen.findByText('Saved. Cases opened from now on are promised an answer within 4.5 h and a resolution within 48 h.')).toBeTruthy();
    expect((await asAdmin<{ serviceLevel: unknown }>('GET', '/api/settings')).serviceLevel).toEqual({ responseHours: 4.5, resolutionHours: 48 });
    // A case opened now is promised the new default.
    expect((await openCase('After the change', 0)).serviceLevel).toEqual({ responseHours: 4.5, resolutionHours: 48 });
  });

  it('keeps the hours typed when someone else saved first, in Italian, and loads theirs on request', async () => {
    render(<ServiceLevelAdmin />, { userId: ADMIN, role: 'admin' }, 'it-IT');
    const response = (await screen.findByLabelText(/Prima risposta entro \(ore\)/)) as HTMLInputElement;
    fireEvent.change(response, { target: { value: '2' } });
    // Another admin saves on the same version meanwhile.
    const read = await asAdmin<{ version: number }>('GET', '/api/settings');
    await asAdmin('PATCH', '/api/settings', { serviceLevel: { responseHours: 6, resolutionHours: 36 } }, { 'if-match': `"${read.version}"` });
    fireEvent.click(screen.getByText('Salva').closest('button')!);
    fireEvent.click(await screen.findByText('Carica il valore salvato (la modifica qui viene scartata)'));
    await waitFor(() => expect(response.value).toBe('6'));
    expect((screen.getByLabelText(/Risoluzione entro \(ore\)/) as HTMLInputElement).value).toBe('36');
    expect((await asAdmin<{ serviceLevel: unknown }>('GET', '/api/settings')).serviceLevel).toEqual({ responseHours: 6, resolutionHours: 36 });
  });
});

describe('Settings → Service levels, refused by the API', () => {
  it('says at the field what the API refused, in Portuguese', async () => {
    const settings = { reportingCurrency: 'EUR', exchangeRates: [], ownDomains: [], serviceLevel: { responseHours: 8, resolutionHours: 72 }, version: 3 };
    const { api, sentTo } = fakeApi({
      'GET /api/settings': () => settings,
      'PATCH /api/settings': () => fail(400, 'REQUEST.VALIDATION_FAILED', { in: 'body', fields: [{ path: 'serviceLevel.resolutionHours', code: 'too_big', message: '(English)' }] }),
    });
    renderInPane(<ServiceLevelAdmin />, { api, language: 'pt-BR' });
    const resolution = await screen.findByLabelText(/Resolução em até \(horas\)/);
    expect((resolution as HTMLInputElement).value).toBe('72');
    fireEvent.change(resolution, { target: { value: '96' } });
    fireEvent.click(screen.getByText('Salvar').closest('button')!);
    const field = resolution.closest('.fui-Field') as HTMLElement;
    await waitFor(() => expect(field.textContent).toContain('Está longo demais. Encurte o texto.'));
    expect(sentTo('PATCH /api/settings').map((request) => [request.body, request.headers['if-match']])).toEqual([[{ serviceLevel: { responseHours: 8, resolutionHours: 96 } }, '"3"']]);
  });
});
