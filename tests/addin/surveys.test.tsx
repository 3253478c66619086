/** @jest-environment ./tests/stubs/jsdom-with-node-environment.js */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Case, Company, Contact, Survey } from '@rapport/shared';
import { ContactCard } from '../../addin/src/components/ContactCard';
import { StatusBadge } from '../../addin/src/components/StatusBadge';
import { RecordView } from '../../addin/src/components/record-view/RecordView';
import { SurveySettingsAdmin } from '../../addin/src/components/surveys/SurveySettingsAdmin';
import { ReportCard } from '../../addin/src/dashboard/ReportCard';
import { tabReports } from '../../addin/src/dashboard/report-catalog';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { RecordNavigationProvider } from '../../addin/src/taskpane/record-navigation';
import { keepLatestSatisfaction } from '../../functions/src/local/demo/demo-surveys';
import type { LocalApp } from '../../functions/src/local/local-mode';
import { RecordWriter } from '../../functions/src/services/record-writer';
// Parts the views load when opened: compiled up front, so that a test waits for the pane, not for ts-jest.
import '../../addin/src/components/ClosedSections';
import { startInProcessApi, type InProcessApi } from './in-process-api';
import { fail, fakeApi, membersOf, renderInPane } from './pane-harness';

// The charts are drawn by d3 (ES modules only), in Chromium (tests/e2e/dashboard.e2e.test.ts); here, the tables beside them.
jest.mock('../../addin/src/dashboard/ReportChart', () => ({ ReportChart: () => null, chartHeight: () => 200 }));
// Each report card offers its CSV as a download, by an object URL jsdom does not have.
if (typeof URL.createObjectURL !== 'function') Object.assign(URL, { createObjectURL: () => 'blob:pane-test', revokeObjectURL: () => undefined });

// Customer satisfaction in the pane, over the real API and store (the standalone host on a random port): the latest
// score on a contact's card, a contact's and a company's surveys in their record view, Do not survey, a manager's NPS
// to a company, Settings → Surveys, and the dashboard's satisfaction reports. Surveys are written as the surveys job
// and the survey page write them (the server alone writes them): answered, sent, expired and failed.

jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 30_000 });

const ADMIN = 'sam-admin';
const MANAGER = 'morgan-manager';
const REP = 'avery-rep';
const DAY = 86_400_000;
const names: Record<string, string> = { [ADMIN]: 'Sam Ortiz', [MANAGER]: 'Morgan Blake', [REP]: 'Avery Quinn' };

const opened = () => screen.getByRole('status', { name: 'open record' }).textContent;

describe('customer satisfaction in the pane, over the API', () => {
  let api: InProcessApi;
  let app: LocalApp;
  // A tenant of its own for each test, on one API: what one test creates, no other sees.
  let tenants = 0;
  let tenant: string;

  const { call, render } = membersOf(() => api, { tenant: () => tenant, names });
  let keys = 0;
  const asRep = <T,>(method: string, route: string, body?: unknown) => call<T>(REP, 'rep', method, route, body, method === 'POST' ? { 'idempotency-key': `${tenant}-${++keys}` } : {});
  const asAdmin = <T,>(method: string, route: string, body?: unknown, headers?: Record<string, string>) => call<T>(ADMIN, 'admin', method, route, body, headers);
  const asManager = <T,>(method: string, route: string, body?: unknown) => call<T>(MANAGER, 'manager', method, route, body);

  let surveys = 0;
  /** Surveys as the job and the survey page leave them; each contact's latest answer kept on their record, as the page does. */
  const writeSurveys = async (made: Partial<Survey>[]): Promise<Survey[]> => {
    const now = new Date();
    const records = made.map((fields) => {
      // Sent 3 days ago unless told (a failed one never was).
      const sentAt = 'sentAt' in fields ? fields.sentAt : new Date(now.getTime() - 3 * DAY).toISOString();
      const createdAt = sentAt ?? new Date(now.getTime() - 3 * DAY).toISOString();
      return {
        tenantId: tenant,
        id: `survey-${tenant}-${++surveys}`,
        createdAt,
        createdBy: REP,
        updatedAt: fields.answeredAt ?? createdAt,
        updatedBy: REP,
        ownerId: REP,
        version: 2,
        type: 'csat',
        status: 'sent',
        language: 'en',
        ...(sentAt ? { sentAt, expiresAt: new Date(Date.parse(sentAt) + 14 * DAY).toISOString() } : {}),
        ...fields,
      } as Survey;
    });
    await new RecordWriter({ store: app.store, now: () => now }).addMany('survey', records);
    await keepLatestSatisfaction(
      app.store,
      tenant,
      records.filter((survey) => survey.status === 'answered'),
      now,
    );
    return records;
  };
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

  /** Contoso, with Lucía (who answered), Bea (who asked for no surveys) and Carl (no e-mail address). */
  const customers = async () => {
    const company = await asRep<Company>('POST', '/api/companies', { name: 'Contoso', domains: ['contoso.example'] });
    const lucia = await asRep<Contact>('POST', '/api/contacts', { firstName: 'Lucía', lastName: 'Pérez', emails: ['lucia@contoso.example'], companyId: company.id, status: 'customer' });
    const bea = await asRep<Contact>('POST', '/api/contacts', { firstName: 'Bea', lastName: 'Lindqvist', emails: ['bea@contoso.example'], companyId: company.id, doNotSurvey: true });
    const carl = await asRep<Contact>('POST', '/api/contacts', { firstName: 'Carl', lastName: 'Nakamura', companyId: company.id });
    const dan = await asRep<Contact>('POST', '/api/contacts', { firstName: 'Dan', lastName: 'Okafor', emails: ['dan@contoso.example'], companyId: company.id });
    return { company, lucia, bea, carl, dan };
  };

  beforeAll(async () => {
    api = await startInProcessApi('surveys');
    ({ app } = api);
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    tenant = `tenant-surveys-${++tenants}`;
    // Everyone signs in once: members by their token's name.
    await asAdmin('GET', '/api/me');
    await asManager('GET', '/api/me');
    await call(REP, 'rep', 'GET', '/api/me');
  });

  it("shows a contact's latest score on their card, coloured by what it means, and opens their surveys from it", async () => {
    const { company, lucia, dan, carl } = await customers();
    const printer = await asRep<Case>('POST', '/api/cases', { subject: 'Printer prints blank pages', contactId: lucia.id, companyId: company.id });
    await writeSurveys([
      { contactId: lucia.id, companyId: company.id, caseId: printer.id, status: 'answered', score: 4, answeredAt: daysAgo(20) },
      { contactId: lucia.id, companyId: company.id, caseId: printer.id, status: 'answered', score: 2, answeredAt: daysAgo(2), comment: 'Nobody called back for a week.' },
      { contactId: dan.id, companyId: company.id, type: 'nps', status: 'answered', score: 9, answeredAt: daysAgo(5) },
    ]);
    const read = async (id: string) => asRep<Contact>('GET', `/api/contacts/${id}`);
    const card = (contact: Contact) => <ContactCard contact={contact} company={company} ownerName="Avery Quinn" otherContacts={0} />;
    // Colours as the pane's badges have them.
    const tones = render(
      <>
        <StatusBadge tone="danger">low</StatusBadge>
        <StatusBadge tone="success">high</StatusBadge>
      </>,
      { userId: REP, role: 'rep' },
    );
    const red = screen.getByText('low').className;
    const green = screen.getByText('high').className;
    tones.unmount();

    const dated = (iso: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(iso));
    const luciaNow = await read(lucia.id);
    const first = render(card(luciaNow), { userId: REP, role: 'rep' });
    // The latest answer (2 of 5), not the first (4).
    const score = await screen.findByRole('button', { name: `Satisfaction 2/5 ${dated(luciaNow.satisfaction!.at)}, low: show the surveys` });
    const row = score.closest('div')!;
    expect(row.querySelector('dt')?.textContent).toBe('Satisfaction');
    expect(score.textContent).toBe(`2/5 ${dated(luciaNow.satisfaction!.at)}`);
    expect(within(score).getByText('2/5').className).toBe(red);
    fireEvent.click(score);
    expect(opened()).toBe(`contact:${lucia.id}#satisfaction`);
    first.unmount();

    const danNow = await read(dan.id);
    const second = render(card(danNow), { userId: REP, role: 'rep' });
    const nps = await screen.findByRole('button', { name: `NPS 9/10 ${dated(danNow.satisfaction!.at)}, promoter: show the surveys` });
    expect(within(nps).getByText('9/10').className).toBe(green);
    expect(nps.closest('div')!.querySelector('dt')?.textContent).toBe('NPS');
    second.unmount();

    // Never asked: no row, the card's other later fields (the company's) still come.
    render(card(await read(carl.id)), { userId: REP, role: 'rep' });
    await screen.findByRole('region', { name: 'Carl Nakamura' });
    await waitFor(() => expect(screen.getByRole('region', { name: 'Carl Nakamura' }).querySelectorAll('dt').length).toBeGreaterThan(0));
    expect(screen.queryByText('Satisfaction')).toBeNull();
  });

  it("lists a contact's surveys in their record view, opened there from the card: each score, comment, state and case, in Spanish too", async () => {
    const { company, lucia } = await customers();
    const printer = await asRep<Case>('POST', '/api/cases', { subject: 'Printer prints blank pages', contactId: lucia.id, companyId: company.id });
    const invoice = await asRep<Case>('POST', '/api/cases', { subject: 'Invoice in the wrong currency', contactId: lucia.id, companyId: company.id });
    await writeSurveys([
      { contactId: lucia.id, companyId: company.id, caseId: invoice.id, status: 'answered', score: 5, answeredAt: daysAgo(40), sentAt: daysAgo(41) },
      { contactId: lucia.id, companyId: company.id, caseId: printer.id, status: 'answered', score: 2, answeredAt: daysAgo(2), comment: 'Nobody called back\nfor a week.' },
      // Sent and never answered: its link expired; one still waiting; one that could not be sent.
      { contactId: lucia.id, companyId: company.id, type: 'nps', status: 'sent', sentAt: daysAgo(30), expiresAt: daysAgo(16) },
      { contactId: lucia.id, companyId: company.id, type: 'nps', status: 'sent', sentAt: daysAgo(1), expiresAt: new Date(Date.now() + 13 * DAY).toISOString() },
      { contactId: lucia.id, companyId: company.id, caseId: printer.id, status: 'failed', sentAt: undefined, failure: 'No mailbox to send from.' },
    ]);

    const view = render(<RecordView record={{ kind: 'contact', id: lucia.id, section: 'satisfaction' }} />, { userId: REP, role: 'rep' });
    // Opened at its surveys: the section open, its toggle focused.
    const list = await screen.findByRole('list', { name: 'Surveys' });
    const toggle = screen.getByRole('button', { name: 'Satisfaction' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(toggle));
    const entries = within(list).getAllByRole('listitem');
    // The latest first: by when each was answered, else sent, else queued.
    expect(entries.map((entry) => entry.textContent)).toEqual([
      expect.stringMatching(/^No answer yetNPSSent .+ · the link works until .+$/),
      expect.stringMatching(/^2\/5Satisfaction · lowAnswered .+Nobody called back\nfor a week\.About Case #\d+ · Printer prints blank pages$/),
      expect.stringMatching(/^Not sentSatisfactionThe e-mail could not be sent: .+Settings → Surveys\.About Case #\d+ · Printer prints blank pages$/),
      expect.stringMatching(/^No answerNPSSent .+ · the link expired .+$/),
      expect.stringMatching(/^5\/5Satisfaction · highAnswered .+About Case #\d+ · Invoice in the wrong currency$/),
    ]);
    // The header's facts say the latest too.
    expect(screen.getByRole('article', { name: 'Lucía Pérez' }).querySelector('header')?.textContent).toContain('Satisfaction 2/5');
    // The case it was about opens.
    fireEvent.click(within(entries[1]!).getByRole('button', { name: `About Case #${printer.number} · Printer prints blank pages` }));
    expect(opened()).toBe(`case:${printer.id}`);
    view.unmount();

    render(<RecordView record={{ kind: 'contact', id: lucia.id, section: 'satisfaction' }} />, { userId: REP, role: 'rep' }, 'es-ES');
    const lista = await screen.findByRole('list', { name: 'Encuestas' });
    expect(within(lista).getAllByRole('listitem')[1]!.textContent).toMatch(/^2\/5Satisfacción · bajaRespondida el .+Nobody called back\nfor a week\.Sobre Caso n\.º \d+ · Printer prints blank pages$/);
  });

  it('says what would fill an empty list, and that a contact asked for no surveys, which a rep changes under Details', async () => {
    const { dan } = await customers();
    render(<RecordView record={{ kind: 'contact', id: dan.id }} />, { userId: REP, role: 'rep' });
    const section = await screen.findByRole('button', { name: 'Satisfaction' });
    expect(section.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(section);
    await screen.findByText(/^No survey sent yet\. Dan Okafor gets one when a case of theirs closes/);

    const details = screen.getByRole('button', { name: 'Edit Do not survey' }).closest('section') as HTMLElement;
    expect(within(details).getByRole('group', { name: 'Do not survey' }).textContent).toBe('No');
    fireEvent.click(within(details).getByRole('button', { name: 'Edit Do not survey' }));
    fireEvent.click(within(details).getByRole('switch', { name: 'Do not survey' }));
    fireEvent.click(within(details).getByRole('button', { name: 'Save' }));
    await screen.findByText('Dan Okafor asked not to be surveyed: no survey is sent to them. Change it under Details (Do not survey).');
    expect(within(details).getByRole('group', { name: 'Do not survey' }).textContent).toBe('Yes');
    expect((await asRep<Contact>('GET', `/api/contacts/${dan.id}`)).doNotSurvey).toBe(true);
  });

  it("lets a manager send NPS to a company's contacts after saying to how many, shows who was left out and why, and from when it can go again", async () => {
    const { company, lucia } = await customers();
    // Lucía answered a survey 10 days ago: within the 30 days a contact is left alone.
    await writeSurveys([{ contactId: lucia.id, companyId: company.id, status: 'answered', score: 4, sentAt: daysAgo(10), answeredAt: daysAgo(10) }]);
    await app.store.get('contact', tenant, lucia.id).then((contact) => expect(contact?.lastSurveyedAt).toBeDefined());

    // A rep reads the company's surveys, and has nothing to send.
    const asRepView = render(<RecordView record={{ kind: 'company', id: company.id, section: 'satisfaction' }} />, { userId: REP, role: 'rep' });
    const repList = await screen.findByRole('list', { name: 'Surveys' });
    expect(within(repList).getByRole('listitem').textContent).toMatch(/^4\/5Satisfaction · highLucía PérezAnswered /);
    expect(screen.queryByRole('button', { name: 'Send NPS survey' })).toBeNull();
    asRepView.unmount();

    render(<RecordView record={{ kind: 'company', id: company.id, section: 'satisfaction' }} />, { userId: MANAGER, role: 'manager' });
    fireEvent.click(await screen.findByRole('button', { name: 'Send NPS survey' }));
    // Dan may be asked; Lucía (surveyed lately), Bea (Do not survey) and Carl (no e-mail) may not.
    const confirmation = await screen.findByRole('alert');
    expect(confirmation.textContent).toBe(
      'Send the NPS survey to 1 contact of Contoso? 3 more are left out: no e-mail address, Do not survey, or surveyed in the last 30 days. They get the e-mail within a minute. Contoso can then be sent NPS again in 90 days.SendCancel',
    );
    fireEvent.click(within(confirmation).getByRole('button', { name: 'Send' }));
    const sent = await screen.findByText(/^Sent to 1 contact: the e-mail goes within a minute\. 3 left out:/);
    expect(within(sent.closest('.rapport-Notice') as HTMLElement).getAllByRole('listitem').map((item) => item.textContent).sort()).toEqual([
      'Bea Lindqvist: asked not to be surveyed',
      'Carl Nakamura: no e-mail address',
      'Lucía Pérez: surveyed in the last 30 days',
    ]);
    // The company now says when it was sent and from when it can be sent again; no second send is offered.
    const day = (ms: number) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(ms));
    const stored = (await asManager<Company>('GET', `/api/companies/${company.id}`)).lastNpsAt!;
    await screen.findByText(`Contoso was sent NPS on ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(stored))}. It can be sent again from ${day(Date.parse(stored) + 90 * DAY)} (once every 90 days).`);
    expect(screen.queryByRole('button', { name: 'Send NPS survey' })).toBeNull();
  });

  it('says from when NPS can be sent again when the API refuses it as too soon, in Italian', async () => {
    const company = { tenantId: 't', id: 'co1', version: 2, ownerId: 'me', createdAt: '2026-01-01T00:00:00Z', createdBy: 'me', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'me', name: 'Contoso', domains: [], phones: [], type: 'customer' };
    const contact = { ...company, id: 'c1', firstName: 'Dan', lastName: 'Okafor', emails: ['dan@contoso.example'], phones: [], companyId: 'co1', status: 'customer' };
    const { api, sentTo } = fakeApi({
      'GET /api/me': () => ({ tenantId: 't', userId: 'me', roles: ['manager'], rolesFrom: 'member', capabilities: { editOthersRecords: true, reassign: true, viewTeam: true, manageSettings: false, importLists: true } }),
      'GET /api/members': () => ({ items: [], nextCursor: null }),
      'GET /api/companies/{id}': () => company,
      'GET /api/companies/{id}/timeline': () => ({ items: [], nextCursor: null }),
      'GET /api/companies/{id}/work': () => ({ overdue: 0, dueToday: 0, planned: 0, capped: false }),
      'GET /api/contacts': () => ({ items: [contact], nextCursor: null }),
      'GET /api/deals': () => ({ items: [], nextCursor: null }),
      'GET /api/cases': () => ({ items: [], nextCursor: null }),
      'GET /api/settings': () => ({ surveys: { csatOnClose: false, contactPeriodDays: 30, npsPeriodDays: 90, validDays: 14 }, version: 1 }),
      'GET /api/surveys': () => ({ items: [] }),
      // Another manager sent it a moment ago, after this view read the company.
      'POST /api/surveys/nps': () => fail(409, 'SURVEY.NPS_TOO_SOON', { nextDay: '2027-03-01', periodDays: 90 }),
    });
    renderInPane(
      <MeProvider>
        <RecordNavigationProvider>
          <RecordView record={{ kind: 'company', id: 'co1', section: 'satisfaction' }} />
        </RecordNavigationProvider>
      </MeProvider>,
      { api, language: 'it-IT' },
    );
    await screen.findByText('Nessun sondaggio inviato finora ai contatti di questa azienda. Ne ricevono uno quando si chiudono i loro casi (se un amministratore lo attiva in Impostazioni → Sondaggi), e un responsabile può inviare loro l’NPS da qui.');
    fireEvent.click(await screen.findByRole('button', { name: 'Invia sondaggio NPS' }));
    const confirmation = await screen.findByRole('alert');
    expect(confirmation.textContent).toBe('Inviare il sondaggio NPS a 1 contatto di Contoso? Ricevono l’e-mail entro un minuto. A Contoso si potrà inviare di nuovo l’NPS tra 90 giorni.InviaAnnulla');
    fireEvent.click(within(confirmation).getByRole('button', { name: 'Invia' }));
    await screen.findByText('Non inviato: a Contoso è stato inviato l’NPS di recente. Si potrà inviare di nuovo dal 1 mar 2027.');
    expect(sentTo('POST /api/surveys/nps').map((request) => request.body)).toEqual([{ companyId: 'co1' }]);
  });

  it('says why the surveys could not be read, and reads them again on Try again', async () => {
    let failures = 1;
    const contact = { tenantId: 't', id: 'c1', version: 2, ownerId: 'me', createdAt: '2026-01-01T00:00:00Z', createdBy: 'me', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'me', firstName: 'Dan', lastName: 'Okafor', emails: [], phones: [], status: 'customer' };
    const { api } = fakeApi({
      'GET /api/me': () => ({ tenantId: 't', userId: 'me', roles: ['rep'], rolesFrom: 'member', capabilities: { editOthersRecords: false, reassign: false, viewTeam: false, manageSettings: false, importLists: false } }),
      'GET /api/members': () => ({ items: [], nextCursor: null }),
      'GET /api/contacts/{id}': () => contact,
      'GET /api/contacts/{id}/timeline': () => ({ items: [], nextCursor: null }),
      'GET /api/contacts/{id}/work': () => ({ overdue: 0, dueToday: 0, planned: 0, capped: false }),
      'GET /api/deals': () => ({ items: [], nextCursor: null }),
      'GET /api/cases': () => ({ items: [], nextCursor: null }),
      'GET /api/surveys': () => (failures-- > 0 ? fail(503, 'SERVICE.UNAVAILABLE') : { items: [] }),
    });
    renderInPane(
      <MeProvider>
        <RecordNavigationProvider>
          <RecordView record={{ kind: 'contact', id: 'c1', section: 'satisfaction' }} />
        </RecordNavigationProvider>
      </MeProvider>,
      { api },
    );
    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe('Rapport is starting up or unavailable just now. Try again in a moment.Try again');
    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    await screen.findByText(/^No survey sent yet\. Dan Okafor gets one/);
  });

  it('saves Settings → Surveys on the version it read, refusing before sending what the API would, and keeps what was typed when someone saved first', async () => {
    render(<SurveySettingsAdmin />, { userId: ADMIN, role: 'admin' });
    const form = await screen.findByRole('form', { name: 'Surveys' });
    const csat = within(form).getByRole('switch', { name: 'Ask for satisfaction when a case closes' }) as HTMLInputElement;
    const contactDays = within(form).getByRole('spinbutton', { name: 'Days between two surveys to one contact' }) as HTMLInputElement;
    const npsDays = within(form).getByRole('spinbutton', { name: 'Days between two NPS surveys to one company' }) as HTMLInputElement;
    const validDays = within(form).getByRole('spinbutton', { name: 'Days a survey’s link stays valid' }) as HTMLInputElement;
    const mailbox = within(form).getByRole('textbox', { name: 'Send from this shared mailbox (optional)' }) as HTMLInputElement;
    expect([csat.checked, contactDays.value, npsDays.value, validDays.value, mailbox.value]).toEqual([false, '30', '90', '14', '']);
    const save = within(form).getByRole('button', { name: 'Save' });
    expect(save.hasAttribute('disabled')).toBe(true);

    fireEvent.click(csat);
    fireEvent.change(contactDays, { target: { value: '45' } });
    for (const wrong of ['29', '731', '1.5', '']) {
      fireEvent.change(npsDays, { target: { value: wrong } });
      expect([wrong, within(form).queryByText('Enter whole days from 30 to 730.') !== null, save.hasAttribute('disabled')]).toEqual([wrong, true, true]);
    }
    fireEvent.change(npsDays, { target: { value: '120' } });
    fireEvent.change(mailbox, { target: { value: 'surveys at contoso' } });
    expect(within(form).getByText('Enter one e-mail address, such as surveys@yourcompany.com, or leave it empty.')).toBeTruthy();
    expect(save.hasAttribute('disabled')).toBe(true);
    fireEvent.change(mailbox, { target: { value: 'surveys@contoso.example' } });
    fireEvent.click(save);
    await within(form).findByText('Saved. Customers are asked for their satisfaction when a case closes.');
    expect((await asAdmin<{ surveys: unknown }>('GET', '/api/settings')).surveys).toEqual({ csatOnClose: true, contactPeriodDays: 45, npsPeriodDays: 120, validDays: 14, mailbox: 'surveys@contoso.example' });

    // Another admin turns it off meanwhile; this form's change is refused and kept, and theirs loads on request.
    fireEvent.change(validDays, { target: { value: '7' } });
    const read = await asAdmin<{ version: number; surveys: object }>('GET', '/api/settings');
    await asAdmin('PATCH', '/api/settings', { surveys: { ...read.surveys, csatOnClose: false } }, { 'if-match': `"${read.version}"` });
    fireEvent.click(save);
    const reload = await within(form).findByRole('button', { name: 'Load the saved settings (your changes here are dropped)' });
    expect(within(form).getByRole('alert').textContent).toMatch(/./);
    expect(validDays.value).toBe('7');
    fireEvent.click(reload);
    await waitFor(() => expect(csat.checked).toBe(false));
    expect(validDays.value).toBe('14');
  });

  it('says at the field what the API refused, in Portuguese', async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/settings': () => ({ surveys: { csatOnClose: true, contactPeriodDays: 30, npsPeriodDays: 90, validDays: 14 }, version: 3 }),
      'PATCH /api/settings': () => fail(400, 'REQUEST.VALIDATION_FAILED', { in: 'body', fields: [{ path: 'surveys.mailbox', code: 'invalid_format', message: '(English)' }] }),
    });
    renderInPane(<SurveySettingsAdmin />, { api, language: 'pt-BR' });
    const mailbox = await screen.findByRole('textbox', { name: 'Enviar desta caixa de correio compartilhada (opcional)' });
    fireEvent.change(mailbox, { target: { value: 'pesquisas@contoso.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salvar' }));
    const field = mailbox.closest('.fui-Field') as HTMLElement;
    await waitFor(() => expect(field.textContent).toContain('Não está no formato correto.'));
    expect(sentTo('PATCH /api/settings').map((request) => [request.body, request.headers['if-match']])).toEqual([
      [{ surveys: { csatOnClose: true, contactPeriodDays: 30, npsPeriodDays: 90, validDays: 14, mailbox: 'pesquisas@contoso.example' } }, '"3"'],
    ]);
  });

  it("draws the satisfaction reports on the dashboard's service tab: the month's average, the NPS below 0, names for codes", async () => {
    const { company, lucia, dan, bea } = await customers();
    const month = new Date().toISOString().slice(0, 7);
    await writeSurveys([
      { contactId: lucia.id, companyId: company.id, status: 'answered', score: 2, answeredAt: new Date().toISOString() },
      { contactId: dan.id, companyId: company.id, status: 'answered', score: 5, answeredAt: new Date().toISOString() },
      { contactId: dan.id, companyId: company.id, type: 'nps', status: 'answered', score: 3, answeredAt: new Date().toISOString() },
      { contactId: bea.id, companyId: company.id, type: 'nps', status: 'answered', score: 10, answeredAt: new Date().toISOString() },
      { contactId: lucia.id, companyId: company.id, type: 'nps', status: 'answered', score: 6, answeredAt: new Date().toISOString() },
    ]);
    const service = tabReports.service.map((entry) => entry.report);
    expect(service).toEqual(expect.arrayContaining(['csat-by-owner', 'csat-by-product', 'csat-by-month', 'nps-by-month']));
    const chart = (report: string) => tabReports.service.find((entry) => entry.report === report)!.chart;
    render(
      <>
        <ReportCard report="csat-by-month" chart={chart('csat-by-month')} filters={{}} />
        <ReportCard report="nps-by-month" chart={chart('nps-by-month')} filters={{}} />
        <ReportCard report="csat-by-product" chart={chart('csat-by-product')} filters={{}} />
      </>,
      { userId: MANAGER, role: 'manager' },
    );
    const table = async (name: string) => {
      const found = await screen.findByRole('table', { name: `Data of the chart: ${name}` });
      return [...found.querySelectorAll('tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    };
    expect(await table('Satisfaction by month')).toEqual([
      ['Group', 'Answers', 'Average score (1–5)', 'Satisfied, 4–5 (%)', 'Low scores (1–2)'],
      [month, '2', '3.5', '50%', '1'],
    ]);
    // One promoter, two detractors: −33.
    expect(await table('NPS by month')).toEqual([
      ['Group', 'Answers', 'Promoters (9–10)', 'Passives (7–8)', 'Detractors (0–6)', 'NPS (−100 to 100)'],
      [month, '3', '1', '0', '2', '-33'],
    ]);
    // Cases without a product: in words.
    expect((await table('Satisfaction by product'))[1]?.[0]).toBe('(none)');
  });
});
