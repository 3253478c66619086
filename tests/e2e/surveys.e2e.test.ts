import type { Company, Contact, Survey } from '@rapport/shared';
import { SURVEY_SCALE } from '@rapport/shared/surveys/survey.rules';
import { DEMO_TENANT_ID, DEMO_USER_ID } from '../../functions/src/local/demo/demo-data';
import { keepLatestSatisfaction } from '../../functions/src/local/demo/demo-surveys';
import { RecordWriter } from '../../functions/src/services/record-writer';
import { demoApi, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// Customer satisfaction end to end in Chromium, in a 320 px pane, in English and Spanish: the demo customer's latest
// score on their card opens their surveys; a manager sends NPS to their company from its record view and is told who
// was left out, then (in Spanish) from when it can go again; an admin sets Settings → Surveys; the dashboard's Service
// tab draws the satisfaction reports. The customer's answers are written as the survey page writes them.

jest.setTimeout(240_000);

let site: DemoSite;
let customer: Contact;
let company: Company;
const DAY = 86_400_000;
const signIn = (role: 'rep' | 'manager' | 'admin') => site.inbox.signIns.find((person) => person.role === role)!;
const dated = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));

beforeAll(async () => {
  site = await startDemoSite();
  const sender = demoItem(site, 'A customer with an open deal').from!;
  const ids = await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [sender.email.toLowerCase()]);
  const id = ids.get(sender.email.toLowerCase())![0]!;
  // The customer answered a satisfaction survey about a case yesterday, unhappy, with a comment of some length.
  const opened = await demoApi<{ id: string }>(site, 'POST', '/api/cases', { subject: 'Replacement scanner arrived without its charging cradle', contactId: id, companyId: (await site.app.store.get('contact', DEMO_TENANT_ID, id))!.companyId }, { 'idempotency-key': 'surveys-e2e:case' });
  const now = new Date();
  const answeredAt = new Date(now.getTime() - DAY).toISOString();
  const survey = {
    tenantId: DEMO_TENANT_ID,
    id: 'surveys-e2e-answer',
    createdAt: new Date(now.getTime() - 2 * DAY).toISOString(),
    createdBy: DEMO_USER_ID,
    updatedAt: answeredAt,
    updatedBy: DEMO_USER_ID,
    ownerId: DEMO_USER_ID,
    version: 3,
    type: 'csat',
    status: 'answered',
    contactId: id,
    companyId: (await site.app.store.get('contact', DEMO_TENANT_ID, id))!.companyId,
    caseId: opened.id,
    language: 'en',
    sentAt: new Date(now.getTime() - 2 * DAY).toISOString(),
    expiresAt: new Date(now.getTime() + 12 * DAY).toISOString(),
    score: 2,
    comment: 'The courier left the box at the wrong warehouse and nobody at your hotline could tell us where the cradle was for three days.',
    answeredAt,
  } as Survey;
  await new RecordWriter({ store: site.app.store, now: () => now }).addMany('survey', [survey]);
  // The latest answer on the contact, as the page keeps it (a demo answer there already is replaced by this newer one).
  const contact = (await site.app.store.get('contact', DEMO_TENANT_ID, id))!;
  if (contact.satisfaction) {
    await new RecordWriter({ store: site.app.store, now: () => now }).change('contact', { tenantId: DEMO_TENANT_ID, userId: DEMO_USER_ID }, contact, { satisfaction: { type: 'csat', score: 2, at: answeredAt, surveyId: survey.id }, lastSurveyedAt: survey.sentAt! }, { origin: 'system' });
  } else {
    await keepLatestSatisfaction(site.app.store, DEMO_TENANT_ID, [survey], now);
  }
  customer = (await site.app.store.get('contact', DEMO_TENANT_ID, id))!;
  company = (await site.app.store.get('company', DEMO_TENANT_ID, customer.companyId!))!;
  // A colleague of theirs nobody has asked yet: the one NPS can go to.
  await demoApi(site, 'POST', '/api/contacts', { firstName: 'Inês', lastName: 'Carvalho-Vasconcelos', emails: ['ines.carvalho-vasconcelos@example.com'], companyId: company.id }, { 'idempotency-key': 'surveys-e2e:colleague' });
});
afterAll(async () => site?.close());

describe('customer satisfaction in Chromium', () => {
  it("shows the customer's latest score on their card and opens their surveys from it, in English and Spanish, at 320 px", async () => {
    const item = demoItem(site, 'A customer with an open deal');
    const max = SURVEY_SCALE.csat.max;
    for (const [lang, name, heading, listName, entry] of [
      ['en-US', `Satisfaction 2/${max} ${dated(customer.satisfaction!.at, 'en-US')}, low: show the surveys`, 'Satisfaction', 'Surveys', /^2\/5Satisfaction · lowAnswered /],
      ['es-ES', `Satisfacción 2/${max} ${dated(customer.satisfaction!.at, 'es-ES')}, baja: ver las encuestas`, 'Satisfacción', 'Encuestas', /^2\/5Satisfacción · bajaRespondida el /],
    ] as const) {
      const { page, pane } = await openDemo(site, { item: item.id, width: 320, lang });
      const card = pane.getByRole('region', { name: item.from!.name });
      const score = card.getByRole('button', { name });
      await score.waitFor();
      expect(await score.textContent()).toBe(`2/5 ${dated(customer.satisfaction!.at, lang)}`);
      expect(problemsOf(await checkPane(page, `surveys-card-${lang.slice(0, 2)}`, 320))).toEqual([]);
      await score.click();
      const view = pane.getByRole('article', { name: item.from!.name });
      const list = view.getByRole('list', { name: listName });
      await list.waitFor();
      // Opened at the surveys: their section open, in view, its toggle focused.
      const toggle = view.getByRole('button', { name: heading, exact: true });
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await toggle.evaluate((element) => [document.activeElement === element, element.getBoundingClientRect().top >= 0 && element.getBoundingClientRect().top < window.innerHeight])).toEqual([true, true]);
      const first = list.getByRole('listitem').first();
      expect(await first.textContent()).toMatch(entry);
      await first.getByText(/The courier left the box/).waitFor();
      expect(problemsOf(await checkPane(page, `surveys-contact-${lang.slice(0, 2)}`, 320))).toEqual([]);
      await page.close();
    }
  });

  it("lets a manager send NPS to the customer's company, then says who was left out, and in Spanish from when it can go again, at 320 px", async () => {
    const item = demoItem(site, 'A customer with an open deal');
    const manager = signIn('manager');
    const { page, pane } = await openDemo(site, { item: item.id, width: 320, as: manager.email });
    await pane.getByRole('region', { name: item.from!.name }).getByRole('button', { name: company.name, exact: true }).click();
    const view = pane.getByRole('article', { name: company.name });
    await view.getByRole('button', { name: 'Satisfaction', exact: true }).click();
    await view.getByRole('list', { name: 'Surveys' }).or(view.getByText(/^No survey sent to this company’s contacts yet/)).first().waitFor();
    await view.getByRole('button', { name: 'Send NPS survey' }).click();
    const confirmation = view.getByRole('alert');
    await confirmation.getByText(/^Send the NPS survey to \d+ contacts? of /).waitFor();
    expect(await confirmation.textContent()).toContain(`${company.name} can then be sent NPS again in 90 days.`);
    expect(problemsOf(await checkPane(page, 'surveys-nps-confirm-en', 320))).toEqual([]);
    await confirmation.getByRole('button', { name: 'Send', exact: true }).click();
    const sent = view.getByText(/^Sent to \d+ contacts?: the e-mail goes within a minute\./);
    await sent.waitFor();
    // The customer, who answered yesterday, is left out as surveyed lately.
    await view.getByRole('list', { name: 'Contacts left out' }).getByText(`${item.from!.name}: surveyed in the last 30 days`).waitFor();
    await view.getByText(/^.+ was sent NPS on .+\. It can be sent again from .+ \(once every 90 days\)\.$/).waitFor();
    expect(problemsOf(await checkPane(page, 'surveys-nps-sent-en', 320))).toEqual([]);
    await page.close();

    const stored = (await demoApi<Company>(site, 'GET', `/api/companies/${company.id}`)).lastNpsAt!;
    const spanish = await openDemo(site, { item: item.id, width: 320, as: manager.email, lang: 'es-ES' });
    await spanish.pane.getByRole('region', { name: item.from!.name }).getByRole('button', { name: company.name, exact: true }).click();
    const vista = spanish.pane.getByRole('article', { name: company.name });
    await vista.getByRole('button', { name: 'Satisfacción', exact: true }).click();
    await vista.getByText(`A ${company.name} se le envió el NPS el ${new Intl.DateTimeFormat('es-ES', { dateStyle: 'medium' }).format(new Date(stored))}. Se podrá volver a enviar a partir del ${dated(new Date(Date.parse(stored) + 90 * DAY).toISOString(), 'es-ES')} (una vez cada 90 días).`).waitFor();
    expect(await vista.getByRole('button', { name: 'Enviar encuesta NPS' }).count()).toBe(0);
    expect(problemsOf(await checkPane(spanish.page, 'surveys-nps-es', 320))).toEqual([]);
    await spanish.page.close();
  });

  it('lets an admin set Settings → Surveys, refusing a mailbox that is no address at the field, in English and Spanish, at 320 px', async () => {
    const admin = signIn('admin');
    const forms = [
      { lang: 'en-US', tab: 'Settings', section: 'Surveys', mailbox: 'Send from this shared mailbox (optional)', contact: 'Days between two surveys to one contact', invalid: 'Enter one e-mail address, such as surveys@yourcompany.com, or leave it empty.', save: 'Save', days: '21', address: 'customer-care@rapport-demo.com' },
      { lang: 'es-ES', tab: 'Configuración', section: 'Encuestas', mailbox: 'Enviar desde este buzón compartido (opcional)', contact: 'Días entre dos encuestas a un mismo contacto', invalid: 'Escribe una dirección de correo, como encuestas@tuempresa.com, o déjalo vacío.', save: 'Guardar', days: '28', address: '' },
    ];
    for (const { lang, tab, section, mailbox, contact, invalid, save, days, address } of forms) {
      const { page, pane } = await openDemo(site, { width: 320, lang, as: admin.email });
      await pane.getByRole('tab', { name: tab, exact: true }).click();
      await pane.getByRole('button', { name: section, exact: true }).click();
      const form = pane.getByRole('form', { name: section });
      await form.getByRole('textbox', { name: mailbox }).fill('customer care');
      await form.getByText(invalid, { exact: true }).waitFor();
      expect(problemsOf(await checkPane(page, `surveys-settings-invalid-${lang.slice(0, 2)}`, 320))).toEqual([]);
      await form.getByRole('textbox', { name: mailbox }).fill(address);
      await form.getByRole('spinbutton', { name: contact }).fill(days);
      await form.getByRole('button', { name: save }).click();
      await form.getByRole('status').waitFor();
      expect(problemsOf(await checkPane(page, `surveys-settings-${lang.slice(0, 2)}`, 320))).toEqual([]);
      await page.close();
    }
    expect((await demoApi<{ surveys: unknown }>(site, 'GET', '/api/settings')).surveys).toEqual({ csatOnClose: true, contactPeriodDays: 28, npsPeriodDays: 90, validDays: 14 });
  });

  it("draws the satisfaction reports on the dashboard's Service tab, in Spanish", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.server.url}/dashboard?as=${signIn('manager').email}&tab=service&lang=es-ES`);
    for (const report of ['csat-by-month', 'csat-by-owner', 'csat-by-product', 'nps-by-month']) {
      await page.locator(`[data-report="${report}"][data-state="ready"]`).waitFor({ timeout: 60_000 });
      await page.locator(`[data-chart="${report}"] svg rect`).first().waitFor();
    }
    expect(await page.locator('[data-report="nps-by-month"] h3').textContent()).toBe('NPS por mes');
    expect(await page.locator('[data-report="csat-by-month"] thead th').allTextContents()).toEqual(['Grupo', 'Respuestas', 'Puntuación media (1–5)', 'Satisfechos, 4–5 (%)', 'Puntuaciones bajas (1–2)']);
    // The demo's NPS answers: months of promoters and months of detractors, below 0.
    const nps = await page.locator('[data-report="nps-by-month"] tbody tr td:last-child').allTextContents();
    expect(nps.some((value) => value.startsWith('-'))).toBe(true);
    await page.locator('[data-report="nps-by-month"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'surveys-dashboard-service-es', { fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
