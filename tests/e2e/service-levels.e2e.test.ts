import type { Case, Contact, MyDayResponse } from '@rapport/shared';
import { DEMO_TENANT_ID } from '../../functions/src/local/demo/demo-data';
import { demoApi, demoItem, openDemo, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// Case service levels end to end in Chromium, in a 320 px pane, in English and Spanish: the card of the demo customer
// (whose company has Premium support in force) says when their open cases are due, a case's record view too; My day
// counts the rep's cases breached and due within 4 hours and lists them; an admin sets the default in Settings.
// The cases the test opens are opened hours before now, so what they show does not hang on the time of day; the demo's
// own cases (opened days ago under the default) are read as any state.

jest.setTimeout(240_000);

let site: DemoSite;
let contact: Contact;
let premium: Case;
let breached: Case;
let soon: Case;
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

beforeAll(async () => {
  site = await startDemoSite();
  const sender = demoItem(site, 'A customer with an open deal').from!;
  const ids = await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [sender.email]);
  contact = (await site.app.store.get('contact', DEMO_TENANT_ID, ids.get(sender.email)![0]!)) as Contact;
  // The customer's company has Premium support (4 h first answer): opened half an hour ago, due in 3 h 30.
  premium = await demoApi<Case>(site, 'POST', '/api/cases', { subject: 'Scanner drops the connection', priority: 'high', contactId: contact.id, companyId: contact.companyId, openedAt: ago(0.5) });
  // The demo user's, under the tenant's default (8 h): one due an hour ago, one due in 3 h 30.
  breached = await demoApi<Case>(site, 'POST', '/api/cases', { subject: 'Label printer jams on every roll', openedAt: ago(9) });
  soon = await demoApi<Case>(site, 'POST', '/api/cases', { subject: 'Password reset for the warehouse tablets', openedAt: ago(4.5) });
});
afterAll(async () => site?.close());

/** What each of the card's open cases says of its service level: the demo's own are due, soon or overdue, as now has it. */
const ANY_STATE = /^(Answer due in|Answer overdue by|Resolution due in|Resolution overdue by) \d+ (min|h|days?)$|^(Answer|Resolve) by .+$/;

describe('case service levels in Chromium', () => {
  it("shows when the customer's open cases are due on their card and in a case's record view, in English and Spanish, at 320 px", async () => {
    const item = demoItem(site, 'A customer with an open deal');
    const { page, pane } = await openDemo(site, { item: item.id, width: 320 });
    await pane.getByRole('region', { name: item.from!.name }).waitFor();
    await pane.getByRole('button', { name: /^Open cases/ }).click();
    const cases = pane.getByRole('region', { name: 'Open cases' });
    const row = cases.getByRole('listitem').filter({ hasText: premium.subject });
    await row.getByText('Premium support · answer due in 3 h', { exact: true }).waitFor();
    // Every open case of the customer says where it stands (the demo's are under the default, without a name).
    const lines = await cases.locator('[data-tone]').allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines.filter((text) => !text.startsWith('Premium support · '))) expect(line).toMatch(ANY_STATE);
    await row.scrollIntoViewIfNeeded();
    expect(problemsOf(await checkPane(page, 'sla-card-cases-en', 320))).toEqual([]);
    // Their closed cases say whether they were resolved in time.
    await cases.getByRole('button', { name: 'Show closed cases' }).click();
    const closed = cases.getByRole('list', { name: 'Closed cases' });
    await closed.waitFor();
    const outcomes = await closed.locator('[data-tone]').allTextContents();
    expect(outcomes.length).toBeGreaterThan(0);
    for (const outcome of outcomes) expect(outcome).toMatch(/^Resolved (in time|late)$/);
    await closed.scrollIntoViewIfNeeded();
    expect(problemsOf(await checkPane(page, 'sla-card-closed-cases-en', 320))).toEqual([]);

    // The case's own view says the same under its name.
    await row.getByRole('button', { name: `Case #${premium.number} · ${premium.subject}` }).click();
    const view = pane.getByRole('article', { name: `#${premium.number} ${premium.subject}` });
    await view.getByText('Premium support · answer due in 3 h', { exact: true }).waitFor();
    expect(problemsOf(await checkPane(page, 'sla-case-view-en', 320))).toEqual([]);
    await page.close();

    const spanish = await openDemo(site, { item: item.id, width: 320, lang: 'es-ES' });
    await spanish.pane.getByRole('region', { name: item.from!.name }).waitFor();
    await spanish.pane.getByRole('button', { name: /^Casos abiertos/ }).click();
    const fila = spanish.pane.getByRole('listitem').filter({ hasText: premium.subject });
    await fila.getByText('Premium support · responder en 3 h', { exact: true }).waitFor();
    await fila.scrollIntoViewIfNeeded();
    expect(problemsOf(await checkPane(spanish.page, 'sla-card-cases-es', 320))).toEqual([]);
    await spanish.pane.getByRole('button', { name: 'Ver casos cerrados' }).click();
    const cerrados = spanish.pane.getByRole('list', { name: 'Casos cerrados' });
    await cerrados.getByText(/^Resuelto (a tiempo|con retraso)$/).first().waitFor();
    await cerrados.scrollIntoViewIfNeeded();
    expect(problemsOf(await checkPane(spanish.page, 'sla-card-closed-cases-es', 320))).toEqual([]);
    await fila.getByRole('button', { name: `Caso n.º ${premium.number} · ${premium.subject}` }).click();
    await spanish.pane.getByRole('article', { name: `#${premium.number} ${premium.subject}` }).getByText('Premium support · responder en 3 h', { exact: true }).waitFor();
    expect(problemsOf(await checkPane(spanish.page, 'sla-case-view-es', 320))).toEqual([]);
    await spanish.page.close();
  });

  it("counts My day's cases breached and due within 4 hours as the API does, and opens one from the list, at 320 px", async () => {
    const { page, pane } = await openDemo(site, { width: 320 });
    await pane.getByRole('tab', { name: 'My day' }).click();
    const line = pane.getByRole('button', { name: / breach(es)? in the next 4 hours · \d+ breached$/ });
    await line.waitFor();
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    const query = new URLSearchParams({ dayStart: start.toISOString(), dayEnd: new Date(start.getTime() + 24 * HOUR).toISOString() });
    const expected = (await demoApi<MyDayResponse>(site, 'GET', `/api/my-day?${query}`)).serviceLevels!;
    // At least the two opened above: one breached, one due within 4 hours.
    expect([expected.soon >= 1, expected.breached >= 1]).toEqual([true, true]);
    const shown = /^(\d+) cases? breach(?:es)? in the next 4 hours · (\d+) breached$/.exec((await line.textContent()) ?? '');
    expect([Number(shown?.[1]), Number(shown?.[2])]).toEqual([expected.soon, expected.breached]);

    await line.click();
    const list = pane.getByRole('list', { name: 'Cases near or past their service level' });
    expect(await list.getByRole('listitem').count()).toBe(Math.min(10, expected.cases.length));
    const showAll = pane.getByRole('button', { name: `Show all ${expected.cases.length}` });
    if (expected.cases.length > 10) await showAll.click();
    const entry = list.getByRole('listitem').filter({ hasText: soon.subject });
    await entry.getByText('Answer due in 3 h', { exact: true }).waitFor();
    await list.getByRole('listitem').filter({ hasText: breached.subject }).getByText('Answer overdue by 1 h', { exact: true }).waitFor();
    await list.scrollIntoViewIfNeeded();
    expect(problemsOf(await checkPane(page, 'sla-my-day-en', 320))).toEqual([]);
    await entry.getByRole('button', { name: `Case #${soon.number} · ${soon.subject}` }).click();
    await pane.getByRole('article', { name: `#${soon.number} ${soon.subject}` }).getByText('Answer due in 3 h', { exact: true }).waitFor();
    await page.close();

    const spanish = await openDemo(site, { width: 320, lang: 'es-ES' });
    await spanish.pane.getByRole('tab', { name: 'Mi día' }).click();
    const linea = spanish.pane.getByRole('button', { name: / vencen? en las próximas 4 horas · \d+ vencidos?$/ });
    await linea.click();
    await spanish.pane.getByRole('list', { name: 'Casos cerca o fuera de su nivel de servicio' }).waitFor();
    expect(problemsOf(await checkPane(spanish.page, 'sla-my-day-es', 320))).toEqual([]);
    await spanish.page.close();
  });

  it('lets an admin set the default service level in Settings, at 320 px', async () => {
    const admin = site.inbox.signIns.find((person) => person.role === 'admin')!;
    const forms = [
      { lang: 'en-US', tab: 'Settings', section: 'Service levels', response: 'First answer within (hours)', resolution: 'Resolution within (hours)', save: 'Save', hours: ['4.5', '48'], refused: 'A resolution cannot be due before the first answer (4.5 h).' },
      { lang: 'es-ES', tab: 'Configuración', section: 'Niveles de servicio', response: 'Primera respuesta en (horas)', resolution: 'Resolución en (horas)', save: 'Guardar', hours: ['6', '36'], refused: 'La resolución no puede vencer antes de la primera respuesta (6 h).' },
    ];
    for (const { lang, tab, section, response, resolution, save, hours, refused } of forms) {
      const { page, pane } = await openDemo(site, { width: 320, lang, as: admin.email });
      await pane.getByRole('tab', { name: tab, exact: true }).click();
      await pane.getByRole('button', { name: section, exact: true }).click();
      const form = pane.getByRole('form', { name: section });
      await form.getByRole('textbox', { name: response }).fill(hours[0]!);
      await form.getByRole('textbox', { name: resolution }).fill('2');
      // Refused before sending: a resolution due before the first answer.
      await form.getByText(refused, { exact: true }).waitFor();
      expect(problemsOf(await checkPane(page, `sla-settings-invalid-${lang.slice(0, 2)}`, 320))).toEqual([]);
      await form.getByRole('textbox', { name: resolution }).fill(hours[1]!);
      await form.getByRole('button', { name: save }).click();
      await form.getByRole('status').waitFor();
      expect(problemsOf(await checkPane(page, `sla-settings-${lang.slice(0, 2)}`, 320))).toEqual([]);
      await page.close();
    }
    expect((await demoApi<{ serviceLevel: unknown }>(site, 'GET', '/api/settings')).serviceLevel).toEqual({ responseHours: 6, resolutionHours: 36 });
  });
});
