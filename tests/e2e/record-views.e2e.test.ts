import type { FrameLocator, Page } from 'playwright-core';
import type { Activity, Contact, Deal } from '@rapport/shared';
import { DEMO_TENANT_ID, DEMO_USER_ID } from '../../functions/src/local/demo/demo-data';
import { axeViolations, demoApi, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// A rep's morning in the pane at Outlook's 320 px, the follow-through done where the e-mail is: each step checks what the
// rep sees and what the store holds. Every record this test changes is its own (created here) or restored to what the
// demo had, so the other suites see the demo as seeded.

jest.setTimeout(180_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site?.close();
});

const customerEmail = () => demoItem(site, 'A customer with an open deal');
const manager = () => site.inbox.signIns.find((person) => person.role === 'manager')!;

/** The API as a member of the demo tenant (the demo user unless told). */
const api = <T,>(method: string, route: string, body?: unknown, headers: Record<string, string> = {}, userId?: string) => demoApi<T>(site, method, route, body, headers, userId);

async function contactByEmail(address: string): Promise<Contact> {
  const [id] = (await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [address.toLowerCase()])).get(address.toLowerCase()) ?? [];
  return (await site.app.store.get('contact', DEMO_TENANT_ID, id!))!;
}

/** Nothing of the pane runs off sideways, values stay whole, axe finds nothing serious. */
async function fits(page: Page, view: string): Promise<void> {
  expect(problemsOf(await checkPane(page, view, 320))).toEqual([]);
}

/** What the store holds once the pane's write landed: read until `found` gives something, for a few seconds. */
async function eventually<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The store never held what the pane wrote');
}

/** The activities linked to a record, as the store holds them. */
async function activitiesOf(kind: 'contact' | 'member', id: string): Promise<Activity[]> {
  return (await site.app.store.list('activity', DEMO_TENANT_ID, { limit: 100, linkedTo: { kind, id } })).items as Activity[];
}

async function openTab(pane: FrameLocator, name: string): Promise<void> {
  await pane.getByRole('tab', { name, exact: true }).click();
}

describe("a rep's morning at 320 px", () => {
  it('opens the customer, logs the e-mail and a call, creates a deal, corrects a phone, finds a second contact by phone, goes from an appointment to its contact, completes a task and snoozes another from My day', async () => {
    const email = customerEmail();
    const seeded = await contactByEmail(email.from!.email);
    // The customer becomes the rep's for this test (a colleague owns them in the demo), and goes back after it.
    const first = await api<Contact>('PATCH', `/api/contacts/${seeded.id}`, { ownerId: DEMO_USER_ID }, { 'if-match': `"${seeded.version}"` }, manager().userId);
    // A second contact of the rep's, with a phone of its own and an appointment today: this test's own.
    const second = await api<Contact>('POST', '/api/contacts?duplicates=allow', { firstName: 'Iolanda', lastName: 'Ferreira-Morning', emails: ['iolanda.morning@fabrikam.example'], phones: [{ type: 'mobile', number: '+351 912 345 671' }], companyId: first.companyId }, { 'idempotency-key': 'morning:second' });
    const start = new Date();
    start.setUTCHours(Math.min(22, start.getUTCHours() + 1), 0, 0, 0);
    await api('POST', '/api/activities', { kind: 'meeting', subject: 'Morning check-in with Iolanda', at: start.toISOString(), durationMinutes: 30, status: 'planned', contactMethod: 'phone', contactIds: [second.id], ...(first.companyId ? { companyId: first.companyId } : {}) }, { 'idempotency-key': 'morning:meeting' });
    // Two of the rep's tasks due today, about the second contact: one to complete, one to snooze from My day.
    for (const subject of ['Send Iolanda the pricing', 'Call Iolanda back']) {
      await api('POST', '/api/activities', { kind: 'task', subject, at: start.toISOString(), status: 'planned', contactIds: [second.id] }, { 'idempotency-key': `morning:${subject.replaceAll(' ', '-')}` });
    }

    const { page, pane } = await openDemo(site, { item: email.id, width: 320 });
    const card = pane.getByRole('region', { name: email.from!.name });
    await card.waitFor();
    // The open deal is above the fold, where the card starts.
    const deal = card.getByRole('button', { name: email.subject.replace(/^Re: /, '') });
    const frame = (await page.locator('iframe').first().boundingBox())!;
    const box = (await deal.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height);

    // The e-mail logged to the CRM, on the customer's timeline.
    await pane.getByRole('button', { name: 'Log this e-mail' }).click();
    await pane.getByText(/^Logged to the CRM on/).waitFor();
    const logged = await eventually(async () => (await activitiesOf('contact', first.id)).find((activity) => activity.kind === 'email' && activity.subject === email.subject));
    expect(logged.ownerId).toBe(DEMO_USER_ID);

    // A call they made, with how it went.
    await pane.getByRole('button', { name: 'Log call' }).click();
    const call = pane.getByRole('form', { name: 'Log call' });
    await call.getByLabel('They called me').check();
    await call.getByLabel('Outcome').selectOption('connected');
    await call.getByLabel('Duration (minutes)').fill('12');
    await call.getByLabel('Notes').fill('Wants 50 seats from January; send the revised pricing.');
    await fits(page, 'morning-log-call');
    await call.getByRole('button', { name: 'Save call' }).click();
    await pane.getByText(/^Call logged:/).waitFor();
    const called = await eventually(async () => (await activitiesOf('contact', first.id)).find((activity) => activity.kind === 'call' && activity.notes?.startsWith('Wants 50 seats')));
    expect(called).toMatchObject({ direction: 'inbound', outcome: 'connected', durationMinutes: 12, status: 'done' });

    // A new deal for them, from the card.
    await pane.getByRole('button', { name: 'New deal' }).click();
    const dealForm = pane.getByRole('form', { name: 'New deal' });
    await dealForm.getByRole('combobox', { name: 'Stage' }).waitFor();
    await dealForm.getByRole('textbox', { name: /Deal name/ }).fill('Morning – 50 seats from January');
    await dealForm.getByRole('textbox', { name: 'Amount' }).fill('48000');
    await dealForm.getByRole('button', { name: 'Create deal' }).click();
    await pane.getByRole('status').filter({ hasText: 'Deal “Morning – 50 seats from January” created.' }).waitFor();
    const deals = (await site.app.store.list('deal', DEMO_TENANT_ID, { limit: 100, linkedTo: { kind: 'contact', id: first.id } })).items as Deal[];
    expect(deals.find((deal) => deal.name === 'Morning – 50 seats from January')).toMatchObject({ amount: 48000, ownerId: DEMO_USER_ID, companyId: first.companyId });

    // The contact's view, from their name; the phone corrected in place.
    await card.getByRole('button', { name: email.from!.name }).click();
    const view = pane.getByRole('article', { name: email.from!.name });
    await view.getByRole('button', { name: 'Edit Phones' }).click();
    const phones = view.getByRole('form', { name: 'Changing Phones' });
    await phones.getByLabel('Number').first().fill('+44 20 7946 0958');
    await fits(page, 'morning-editing-phone');
    await phones.getByRole('button', { name: 'Save' }).click();
    await phones.waitFor({ state: 'detached' });
    await view.getByText('+44 20 7946 0958').first().waitFor();
    const corrected = (await site.app.store.get('contact', DEMO_TENANT_ID, first.id))!;
    expect(corrected.phones[0]?.number).toBe('+44 20 7946 0958');
    expect(corrected.version).toBe(first.version + 1);
    await fits(page, 'morning-contact');
    expect(await axeViolations(page)).toEqual([]);

    // Back is the card, as it was.
    await view.getByRole('button', { name: 'Back', exact: true }).click();
    await card.waitFor();

    // A second contact, found by their phone as a customer would say it, opened from the results.
    await openTab(pane, 'Search');
    await pane.getByRole('searchbox').fill('912345671');
    await pane.getByRole('searchbox').press('Enter');
    await pane.getByRole('button', { name: /Iolanda Ferreira-Morning/ }).first().click();
    const secondView = pane.getByRole('article', { name: 'Iolanda Ferreira-Morning' });
    await secondView.getByText('+351 912 345 671').first().waitFor();
    // Back returns to the search as typed.
    await secondView.getByRole('button', { name: 'Back', exact: true }).click();
    expect(await pane.getByRole('searchbox').inputValue()).toBe('912345671');

    // From the calendar's appointment to its contact, and on to their company.
    await openTab(pane, 'Calendar');
    const appointment = pane.getByRole('listitem').filter({ hasText: 'Morning check-in with Iolanda' });
    await appointment.getByRole('button', { name: 'Iolanda Ferreira-Morning' }).click();
    await secondView.waitFor();
    const company = (await site.app.store.get('company', DEMO_TENANT_ID, first.companyId!))!;
    await secondView.getByRole('button', { name: company.name }).first().click();
    const companyView = pane.getByRole('article', { name: company.name });
    await companyView.getByRole('button', { name: /^People/ }).click();
    await companyView.getByRole('button', { name: /Iolanda Ferreira-Morning/ }).waitFor();
    await fits(page, 'morning-company');
    await screenshot(page, 'morning-company');

    // Back twice: the contact, then the calendar.
    await companyView.getByRole('button', { name: 'Back', exact: true }).click();
    await secondView.getByRole('button', { name: 'Back', exact: true }).click();
    await appointment.waitFor();

    // My day: one task done, the other snoozed to the rep's next working morning; each names whom it is about.
    await openTab(pane, 'My day');
    const dueToday = pane.getByRole('list', { name: 'Due today' });
    const task = (subject: string) => dueToday.getByRole('listitem').filter({ hasText: subject });
    await task('Send Iolanda the pricing').getByRole('button', { name: 'Complete' }).click();
    // The task leaves the list; above it, what was done, with Undo.
    await pane.getByRole('status').filter({ hasText: '“Send Iolanda the pricing” completed.' }).waitFor();
    await task('Send Iolanda the pricing').waitFor({ state: 'detached' });
    await task('Call Iolanda back').getByText('Iolanda Ferreira-Morning').first().waitFor();
    await task('Call Iolanda back').getByRole('button', { name: 'More actions: Call Iolanda back' }).click();
    await fits(page, 'morning-snooze-menu');
    await pane.getByRole('menuitem', { name: /^Tomorrow/ }).click();
    const mine = async (subject: string) => (await activitiesOf('contact', second.id)).find((activity) => activity.subject === subject);
    await eventually(async () => ((await mine('Send Iolanda the pricing'))?.status === 'done' ? true : undefined));
    const snoozed = await eventually(async () => {
      const later = await mine('Call Iolanda back');
      return later && later.at !== start.toISOString() ? later : undefined;
    });
    const endOfToday = new Date(start);
    endOfToday.setUTCHours(24, 0, 0, 0);
    expect(snoozed.status).toBe('planned');
    // The next working morning: tomorrow, or after a weekend.
    expect(Date.parse(snoozed.at)).toBeGreaterThanOrEqual(endOfToday.getTime() - 14 * 3600_000);
    expect(Date.parse(snoozed.at) - endOfToday.getTime()).toBeLessThan(4 * 24 * 3600_000);
    expect(Date.parse(snoozed.at)).toBeGreaterThan(Date.now());
    await task('Call Iolanda back').waitFor({ state: 'detached' });
    await pane.getByRole('status').filter({ hasText: '“Call Iolanda back” snoozed: due' }).waitFor();
    await screenshot(page, 'morning-snoozed');

    // Put the demo's phone back for the other suites.
    const now = (await site.app.store.get('contact', DEMO_TENANT_ID, first.id))!;
    await api('PATCH', `/api/contacts/${first.id}`, { phones: seeded.phones, ownerId: seeded.ownerId }, { 'if-match': `"${now.version}"` }, manager().userId);
    await page.close();
  });

  it('keeps the title a rep typed when a manager changed the contact meanwhile, says who and what, and applies it on the new version', async () => {
    const contact = await api<Contact>('POST', '/api/contacts?duplicates=allow', { firstName: 'Bruno', lastName: 'Stale-Morning', emails: ['bruno.stale@fabrikam.example'], phones: [{ type: 'work', number: '+351 213 000 111' }] }, { 'idempotency-key': 'morning:stale' });
    const { page, pane } = await openDemo(site, { item: customerEmail().id, width: 320, lang: 'es-ES' });
    await openTab(pane, 'Buscar');
    await pane.getByRole('searchbox').fill('Stale-Morning');
    await pane.getByRole('searchbox').press('Enter');
    await pane.getByRole('button', { name: /Bruno Stale-Morning/ }).first().click();
    const view = pane.getByRole('article', { name: 'Bruno Stale-Morning' });
    await view.getByRole('button', { name: 'Editar Cargo' }).click();
    const form = view.getByRole('form', { name: 'Cambiando Cargo' });
    await form.getByRole('textbox').fill('Jefe de compras');

    // Meanwhile a manager changes the contact's phones.
    await api('PATCH', `/api/contacts/${contact.id}`, { phones: [{ type: 'work', number: '+351 213 000 222' }] }, { 'if-match': `"${contact.version}"` }, manager().userId);
    await form.getByRole('button', { name: 'Guardar' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(manager().name);
    expect(await refusal.textContent()).toContain('Teléfonos');
    expect((await site.app.store.get('contact', DEMO_TENANT_ID, contact.id))?.title).toBeUndefined();
    await fits(page, 'morning-stale-es');
    await screenshot(page, 'morning-stale-es');
    expect(await axeViolations(page)).toEqual([]);

    await refusal.getByRole('button', { name: 'Volver a cargar' }).click();
    await view.getByText('+351 213 000 222').first().waitFor();
    expect(await form.getByRole('textbox').inputValue()).toBe('Jefe de compras');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await view.getByText('Jefe de compras').first().waitFor();
    const saved = (await site.app.store.get('contact', DEMO_TENANT_ID, contact.id))!;
    expect([saved.title, saved.phones[0]?.number]).toEqual(['Jefe de compras', '+351 213 000 222']);
    await page.close();
  });
});
