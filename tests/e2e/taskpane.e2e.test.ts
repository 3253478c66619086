import fs from 'node:fs';
import { campaignIdForName } from '../../functions/src/campaigns/campaign-ids';
import { DEMO_TENANT_ID, DEMO_USER_EMAIL, DEMO_USER_ID } from '../../functions/src/local/demo/demo-data';
import { axeViolations, cspViolations, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';

jest.setTimeout(60_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site?.close();
});

const item = (scenario: string) => demoItem(site, scenario);

describe('the task pane in the demo Outlook', () => {
  it('shows the sender of a customer e-mail with company and open deal', async () => {
    const email = item('A customer with an open deal');
    const { page, pane } = await openDemo(site, { item: email.id });
    await pane.getByRole('heading', { name: 'People on this e-mail' }).waitFor();
    const card = pane.getByRole('region', { name: email.from!.name });
    await card.waitFor();
    await expect(card.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(email.from!.name);
    // The company is named under the name, beside the title.
    const address = email.from!.email.toLowerCase();
    const [contactId] = (await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [address])).get(address) ?? [];
    const contact = await site.app.store.get('contact', DEMO_TENANT_ID, contactId!);
    const company = await site.app.store.get('company', DEMO_TENANT_ID, contact!.companyId!);
    await expect(card.textContent()).resolves.toContain(company!.name);
    await pane.getByRole('button', { name: /Open deals/ }).click();
    // The deal this e-mail is about is among the open deals.
    const dealName = email.subject.replace(/^Re: /, '');
    await pane.getByText(dealName).first().waitFor();
    await screenshot(page, 'contact-card');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('logs the e-mail in one click, shows it in the timeline, and shows it logged when reopened', async () => {
    const email = item('A customer with an open deal');
    const other = item('A stranger at an unknown company');
    const { page, pane } = await openDemo(site, { item: email.id });
    await pane.getByRole('button', { name: 'Log this e-mail' }).click();
    await pane.getByText(/Logged to the CRM on/).waitFor();
    await pane.getByRole('list', { name: 'Timeline' }).getByText(email.subject).waitFor();
    await screenshot(page, 'logged-email');

    await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: new RegExp(other.subject) }).click();
    await pane.getByRole('heading', { name: `Add ${other.from!.email} to the CRM` }).waitFor();
    await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: new RegExp(email.subject) }).click();
    await pane.getByText(/Logged to the CRM on/).waitFor();
    expect(await pane.getByRole('button', { name: 'Log this e-mail' }).count()).toBe(0);
    await page.close();
  });

  it('follows the selected item in a pinned pane without reloading', async () => {
    const first = item('A customer with an open deal');
    const second = item('Several recipients from different companies');
    const { page, pane } = await openDemo(site, { item: first.id });
    await pane.getByRole('region', { name: first.from!.name }).waitFor();
    const frame = page.frames().find((candidate) => candidate.url().includes('demo-taskpane.html'))!;
    await frame.evaluate(() => ((window as unknown as { pinnedMarker: string }).pinnedMarker = 'still here'));

    await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: new RegExp(second.subject) }).click();
    await pane.getByRole('region', { name: second.from!.name }).waitFor();
    const people = pane.getByRole('list').first();
    for (const person of [second.from!, ...second.to.slice(1), ...second.cc]) await people.getByText(person.email).waitFor();
    expect(await people.getByText(site.inbox.user.email).count()).toBe(0);
    expect(await frame.evaluate(() => (window as unknown as { pinnedMarker?: string }).pinnedMarker)).toBe('still here');
    await screenshot(page, 'several-recipients');
    await page.close();
  });

  it("lists a meeting's attendees, organizer first, as an attendee sees it", async () => {
    const meeting = item('A meeting you were invited to');
    const { page, pane } = await openDemo(site, { item: meeting.id });
    await pane.getByRole('heading', { name: 'Attendees of this meeting' }).waitFor();
    const people = pane.getByRole('list').first();
    await people.getByText(meeting.organizer!.email).waitFor();
    const expected = [meeting.organizer!, ...meeting.requiredAttendees, ...meeting.optionalAttendees].filter((person) => person.email !== site.inbox.user.email);
    expect(await people.getByRole('button').count()).toBe(expected.length);
    await screenshot(page, 'meeting-attendee');
    expect(await axeViolations(page)).toEqual([]);

    const organized = item('A meeting you organize');
    await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: new RegExp(organized.subject) }).click();
    await people.getByText(organized.requiredAttendees[0]!.email).waitFor();
    expect(await people.getByRole('button').count()).toBe(organized.requiredAttendees.length);
    await page.close();
  });

  it('creates a contact from an unknown sender at a known company, prefilled from the e-mail', async () => {
    const email = item('Someone new at a known company');
    const { page, pane } = await openDemo(site, { item: email.id });
    const form = pane.getByRole('form', { name: `Add ${email.from!.email} to the CRM` });
    await form.waitFor();
    expect(await form.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Jamie');
    expect(await form.getByRole('textbox', { name: /Last name/ }).inputValue()).toBe('Rivera');
    await form.getByText(/\(matched by domain\)/).waitFor();
    await screenshot(page, 'create-contact');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('textbox', { name: 'Job title' }).fill('Head of Procurement');
    await form.getByRole('button', { name: 'Create contact' }).click();
    await pane.getByText('Jamie Rivera was added to the CRM.').waitFor();
    const card = pane.getByRole('region', { name: 'Jamie Rivera' });
    await card.getByText('Head of Procurement', { exact: true }).waitFor();
    await pane.getByRole('button', { name: /Jamie Rivera.*In CRM/ }).waitFor();
    await page.close();
  });

  it('does not offer a company for a free-mail sender', async () => {
    const email = item('A personal address nobody knows');
    const { page, pane } = await openDemo(site, { item: email.id });
    await pane.getByRole('button', { name: /Personal address/ }).waitFor();
    const form = pane.getByRole('form', { name: `Add ${email.from!.email} to the CRM` });
    await form.waitFor();
    expect(await form.getByText(/matched by domain/).count()).toBe(0);
    await page.close();
  });

  it('searches the CRM by phone number from the pane', async () => {
    const { page, pane } = await openDemo(site);
    await pane.getByRole('tab', { name: 'Search' }).click();
    const contacts = await site.app.store.list('contact', DEMO_TENANT_ID, { limit: 50 });
    const contact = contacts.items.find((candidate) => candidate.phones.length > 0)!;
    const digits = contact.phones[0]!.number.replace(/\D/g, '');
    await pane.getByRole('searchbox', { name: 'Search the CRM' }).fill(digits.slice(-9));
    await pane.getByRole('button', { name: 'Search', exact: true }).click();
    await pane.getByRole('list', { name: 'Contacts' }).getByText(`${contact.firstName} ${contact.lastName}`).first().waitFor();
    await screenshot(page, 'search');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds a case by its number and a deal by its name, opens each from the keyboard, and Back returns to the search as left', async () => {
    const { page, pane } = await openDemo(site);
    await pane.getByRole('tab', { name: 'Search' }).click();
    const [serviceCase] = (await site.app.store.list('case', DEMO_TENANT_ID, { limit: 1 })).items;
    const box = pane.getByRole('searchbox', { name: 'Search the CRM' });
    await box.fill(`#${serviceCase!.number}`);
    await box.press('Enter');
    const caseRow = pane.getByRole('list', { name: 'Cases' }).getByRole('button', { name: new RegExp(`^#${serviceCase!.number} `) });
    await caseRow.focus();
    await page.keyboard.press('Enter');
    await pane.getByRole('heading', { level: 1, name: `#${serviceCase!.number} ${serviceCase!.subject}` }).waitFor();
    await pane.getByRole('button', { name: 'Back' }).click();
    expect(await box.inputValue()).toBe(`#${serviceCase!.number}`);
    await caseRow.waitFor();

    const [deal] = (await site.app.store.list('deal', DEMO_TENANT_ID, { limit: 1 })).items;
    await box.fill(deal!.name);
    await box.press('Enter');
    const dealRow = pane.getByRole('list', { name: 'Deals' }).getByRole('button', { name: deal!.name }).first();
    await dealRow.focus();
    await page.keyboard.press('Enter');
    await pane.getByRole('heading', { level: 1, name: deal!.name }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('keeps to its Content-Security-Policy and leaves no CRM data in the browser', async () => {
    const pageResponse = await fetch(`${site.server.url}/taskpane.html`);
    const policy = pageResponse.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(policy).toMatch(/frame-ancestors 'self' https:\/\/outlook\.office\.com /);

    const customerEmail = item('A customer with an open deal');
    const { page, pane } = await openDemo(site, { item: customerEmail.id });
    await pane.getByRole('region', { name: customerEmail.from!.name }).waitFor();
    await pane.getByRole('tab', { name: 'Search' }).click();
    const [someone] = (await site.app.store.list('contact', DEMO_TENANT_ID, { limit: 1 })).items;
    await pane.getByRole('searchbox', { name: 'Search the CRM' }).fill(someone!.lastName);
    await pane.getByRole('button', { name: 'Search', exact: true }).click();
    await pane.getByRole('list', { name: 'Contacts' }).waitFor();
    await pane.getByRole('tab', { name: 'Calendar' }).click();
    await pane.locator('section[aria-busy="false"]').first().waitFor();

    expect(await cspViolations(page)).toEqual([]);
    const paneFrame = page.frames().find((frame) => frame.url().includes('demo-taskpane.html'))!;
    const stored = await paneFrame.evaluate(async () => ({
      localStorage: Object.keys(localStorage),
      sessionStorage: Object.keys(sessionStorage),
      indexedDB: (await indexedDB.databases()).map((database) => database.name),
    }));
    expect(stored).toEqual({ localStorage: [], sessionStorage: [], indexedDB: [] });

    // The policy is in force: an injected inline script does not run, and is reported.
    const ran = await paneFrame.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    // The violation event is dispatched as a task after the blocked script: wait for it.
    await paneFrame.waitForFunction(() => ((window as unknown as { __cspViolations: string[] }).__cspViolations.length > 0));
    expect(await cspViolations(page)).toEqual([expect.stringContaining('script-src-elem blocked inline')]);
    await page.close();
  });

  it("shows who changed a contact's record, and from what to what", async () => {
    const email = item('A customer with an open deal');
    const [contactId] = (await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [email.from!.email.toLowerCase()])).get(email.from!.email.toLowerCase()) ?? [];
    const contact = (await site.app.store.get('contact', DEMO_TENANT_ID, contactId!))!;
    // Their manager, Morgan Blake, changes the job title through the API.
    const issued = await fetch(`${site.server.url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: DEMO_TENANT_ID, userId: 'c0ffee00-0000-4000-8000-0000000000b1', roles: [] }),
    });
    const { accessToken } = (await issued.json()) as { accessToken: string };
    const changed = await fetch(`${site.server.url}/api/contacts/${contact.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', 'if-match': `"${contact.version}"` },
      body: JSON.stringify({ title: 'Chief Revenue Officer' }),
    });
    expect(changed.status).toBe(200);

    const { page, pane } = await openDemo(site, { item: email.id });
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    await pane.getByRole('button', { name: 'Changes', exact: true }).click();
    const changes = pane.getByRole('list', { name: 'Changes' });
    await changes.getByText('Morgan Blake changed it').first().waitFor();
    await changes.getByText(`Job title: ${contact.title ?? '—'} → Chief Revenue Officer`).first().waitFor();
    await screenshot(page, 'record-changes');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows each role what it may do: a rep neither reassigns nor manages members, a manager reassigns, an admin changes roles', async () => {
    const email = item('A customer with an open deal');
    const people = site.inbox.signIns;
    const manager = people.find((person) => person.role === 'manager')!;
    const admin = people.find((person) => person.role === 'admin')!;

    const rep = await openDemo(site, { item: email.id });
    await rep.pane.getByRole('region', { name: email.from!.name }).waitFor();
    expect(await rep.pane.getByRole('combobox', { name: 'Reassign to' }).count()).toBe(0);
    expect(await rep.pane.getByRole('tab', { name: 'Settings' }).count()).toBe(0);
    expect(await rep.pane.getByRole('tab', { name: 'Import' }).count()).toBe(0);
    await rep.page.close();

    const asManager = await openDemo(site, { item: email.id, as: manager.email });
    await asManager.pane.getByRole('region', { name: email.from!.name }).waitFor();
    await asManager.pane.getByRole('combobox', { name: 'Reassign to' }).selectOption({ label: manager.name });
    await asManager.pane.getByRole('button', { name: 'Reassign' }).click();
    await asManager.pane.getByText(`${manager.name} now owns this contact.`).waitFor();
    const [contactId] = (await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [email.from!.email.toLowerCase()])).get(email.from!.email.toLowerCase()) ?? [];
    expect((await site.app.store.get('contact', DEMO_TENANT_ID, contactId!))?.ownerId).toBe(manager.userId);
    await screenshot(asManager.page, 'manager-reassigns');
    expect(await axeViolations(asManager.page)).toEqual([]);
    await asManager.page.close();

    const asAdmin = await openDemo(site, { as: admin.email });
    await asAdmin.pane.getByRole('tab', { name: 'Settings' }).click();
    await asAdmin.pane.getByRole('button', { name: 'Members', exact: true }).click();
    await asAdmin.pane.getByRole('button', { name: 'Change Chiara Bellini' }).click();
    const role = asAdmin.pane.getByRole('combobox', { name: 'Role of Chiara Bellini' });
    await role.selectOption('manager');
    // The change is saved when the API answers: wait for the store to hold it.
    const chiara = async () => (await site.app.store.list('member', DEMO_TENANT_ID, { limit: 20 })).items.find((member) => member.displayName === 'Chiara Bellini');
    for (let tries = 0; (await chiara())?.role !== 'manager' && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await chiara()).toMatchObject({ role: 'manager', updatedBy: admin.userId });
    // Teams: who is in which, where, and under whom.
    await asAdmin.pane.getByLabel('Team of Chiara Bellini').fill('East');
    await asAdmin.pane.getByLabel('Office of Chiara Bellini').fill('Milano');
    await asAdmin.pane.getByRole('combobox', { name: 'Manager of Chiara Bellini' }).selectOption({ label: manager.name });
    await asAdmin.pane.getByRole('button', { name: 'Save team of Chiara Bellini' }).click();
    for (let tries = 0; (await chiara())?.team !== 'East' && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await chiara()).toMatchObject({ team: 'East', office: 'Milano', managerId: manager.userId });
    await screenshot(asAdmin.page, 'admin-members');
    expect(await axeViolations(asAdmin.page)).toEqual([]);
    // The organization's own domains: while none are named, the members' stand for them. A domain added (the members'
    // own kept, so no colleague turns stranger for the tests after this one) is saved, then removed again.
    const settingsOf = async () => (await site.app.store.get('settings', DEMO_TENANT_ID, 'tenant'))?.ownDomains ?? [];
    await asAdmin.pane.getByRole('button', { name: 'Your organization’s domains', exact: true }).click();
    await asAdmin.pane.getByText('None named: the domains of your members’ addresses count as yours.').waitFor();
    const addDomain = asAdmin.pane.getByRole('form', { name: 'Add domain' });
    for (const domain of ['rapport-demo.com', 'Rapport-Partners.example']) {
      await addDomain.getByLabel('Domain', { exact: true }).fill(domain);
      await addDomain.getByRole('button', { name: 'Add domain' }).click();
    }
    await asAdmin.pane.getByRole('button', { name: 'Save domains' }).click();
    await asAdmin.pane.getByText('Saved. Addresses at these domains show as colleagues.').waitFor();
    expect(await settingsOf()).toEqual(['rapport-demo.com', 'rapport-partners.example']);
    for (const domain of ['rapport-demo.com', 'rapport-partners.example']) await asAdmin.pane.getByRole('button', { name: `Remove ${domain}` }).click();
    await asAdmin.pane.getByRole('button', { name: 'Save domains' }).click();
    for (let tries = 0; (await settingsOf()).length > 0 && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await settingsOf()).toEqual([]);
    await asAdmin.page.close();
  });

  it("speaks Spanish when Office's display language is Spanish", async () => {
    const email = item('A customer with an open deal');
    const { page, pane } = await openDemo(site, { item: email.id, lang: 'es-ES' });
    await pane.getByRole('heading', { name: 'Personas en este correo' }).waitFor();
    await pane.getByRole('button', { name: 'Historial', exact: true }).waitFor();
    await screenshot(page, 'spanish');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("shows my day with counters that match the user's planned work", async () => {
    const { page, pane } = await openDemo(site);
    await pane.getByRole('tab', { name: 'My day' }).click();
    const counters = pane.locator('dl[aria-label="What needs attention"]').getByRole('definition');
    await pane.getByRole('heading', { name: "Today's appointments" }).waitFor();
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    const end = new Date(start.getTime() + 24 * 3600 * 1000);
    const token = await site.app.issuer.issue({ tenantId: DEMO_TENANT_ID, userId: DEMO_USER_ID });
    const query = new URLSearchParams({ dayStart: start.toISOString(), dayEnd: end.toISOString() });
    const expected = (await (await fetch(`${site.server.url}/api/my-day?${query}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      counters: { overdue: number; dueToday: number; nextSevenDays: number };
      capped: boolean;
    };
    const shown = (await counters.allTextContents()).map((text) => Number.parseInt(text, 10));
    expect(shown).toEqual([expected.counters.overdue, expected.counters.dueToday, expected.counters.nextSevenDays]);
    expect(expected.counters.overdue + expected.counters.nextSevenDays).toBeGreaterThan(0);
    // The rep's own headline figures, as the report of their open deals gives them.
    const figures = pane.getByRole('region', { name: 'My figures' });
    await figures.waitFor();
    const pipeline = (await (await fetch(`${site.server.url}/api/reports/open-deals-by-owner`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      currency: string;
      rows: { values: Record<string, number> }[];
    };
    const openAmount = pipeline.rows.reduce((sum, row) => sum + (row.values.amount ?? 0), 0);
    expect(openAmount).toBeGreaterThan(0);
    const shownAmount = new Intl.NumberFormat('en-US', { style: 'currency', currency: pipeline.currency }).format(openAmount);
    expect(await figures.getByRole('definition').first().textContent()).toBe(shownAmount);
    // The demo reports in EUR: the figures say they are converted, and at the rates of which months.
    expect(pipeline.currency).toBe('EUR');
    await figures.getByText(/^In EUR, converted at the exchange rates of [A-Z][a-z]{2} \d{4}( – [A-Z][a-z]{2} \d{4})?\.$/).waitFor();
    // The dashboard opens in the pane's language, as the person signed in to Outlook.
    expect(await figures.getByRole('link', { name: 'Open the dashboard' }).getAttribute('href')).toBe(`dashboard.html?lang=en-US&as=${encodeURIComponent(DEMO_USER_EMAIL)}`);
    await screenshot(page, 'my-day');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('can be used with the keyboard alone', async () => {
    const email = item('Several recipients from different companies');
    const { page, pane } = await openDemo(site, { item: email.id });
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    // Into the pane, through the view tabs, to the second person, chosen with Enter.
    await pane.getByRole('tab', { name: 'People' }).focus();
    const second = email.to.find((person) => person.email !== site.inbox.user.email)!;
    for (let presses = 0; presses < 10; presses++) {
      await page.keyboard.press('Tab');
      const focused = await pane.locator(':focus').textContent();
      if (focused?.includes(second.email)) break;
    }
    await page.keyboard.press('Enter');
    await pane.getByRole('region', { name: second.name }).waitFor();
    // The view tabs move with the arrow keys; the search runs on Enter.
    await pane.getByRole('tab', { name: 'People' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await pane.getByRole('searchbox', { name: 'Search the CRM' }).focus();
    await page.keyboard.type(second.name.split(' ').pop()!);
    await page.keyboard.press('Enter');
    await pane.getByRole('list', { name: 'Contacts' }).getByText(second.name).first().waitFor();
    await page.close();
  });

  it('works with the pane on another site, talking to the host only by messages, as in Outlook', async () => {
    const email = item('A customer with an open deal');
    const port = new URL(site.server.url).port;
    const page = await site.browser.newPage();
    await page.goto(`http://localhost:${port}/demo.html?item=${email.id}&pane=${encodeURIComponent(`http://127.0.0.1:${port}`)}`);
    const pane = page.frameLocator('iframe[title="Rapport task pane"]');
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    const other = item('Several recipients from different companies');
    await page.getByRole('navigation', { name: 'Inbox' }).getByRole('button', { name: new RegExp(other.subject) }).click();
    await pane.getByRole('region', { name: other.from!.name }).waitFor();
    await page.close();
  });

  it('adds a follow-up task with a due date to the person and their deal', async () => {
    const email = item('A customer with an open deal');
    const { page, pane } = await openDemo(site, { item: email.id });
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    await pane.getByRole('button', { name: 'Add follow-up task' }).click();
    const form = pane.getByRole('form', { name: 'Add follow-up task' });
    await form.getByRole('textbox', { name: /Subject/ }).fill('Send revised pricing for 50 seats');
    await form.getByRole('textbox', { name: /Due date/ }).fill('2026-12-04');
    await form.getByRole('combobox', { name: 'Priority' }).selectOption({ label: 'High' });
    const dealName = email.subject.replace(/^Re: /, '');
    await form.getByRole('combobox', { name: 'Deal' }).selectOption({ label: dealName });
    await screenshot(page, 'follow-up-task');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save' }).click();
    await pane.getByText(/Task saved for Dec 4, 2026/).waitFor();
    await pane.getByRole('list', { name: 'Planned: Timeline' }).getByText('Send revised pricing for 50 seats').waitFor();

    const allDeals = [];
    for (let cursor: string | undefined, batches = 0; batches === 0 || cursor; batches++) {
      const batch = await site.app.store.list('deal', DEMO_TENANT_ID, { limit: 100, cursor });
      allDeals.push(...batch.items);
      cursor = batch.nextCursor ?? undefined;
    }
    // The demo may hold several deals of that name: the task is on the timeline of the one the pane offered.
    const timelines = await Promise.all(
      allDeals.filter((candidate) => candidate.name === dealName).map(async (candidate) => ({ deal: candidate, items: (await site.app.store.list('activity', DEMO_TENANT_ID, { linkedTo: { kind: 'deal', id: candidate.id }, limit: 5 })).items })),
    );
    const withTask = timelines.find(({ items }) => items[0]?.subject === 'Send revised pricing for 50 seats');
    expect(withTask?.items[0]).toMatchObject({ kind: 'task', subject: 'Send revised pricing for 50 seats', status: 'planned', priority: 'high', dealId: withTask?.deal.id });

    // The timeline's counters are the contact's planned work, as the store has it, by this machine's day.
    const [contactId] = (await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [email.from!.email.toLowerCase()])).get(email.from!.email.toLowerCase()) ?? [];
    const planned = (await site.app.store.list('activity', DEMO_TENANT_ID, { linkedTo: { kind: 'contact', id: contactId! }, openOnly: true, limit: 100 })).items;
    const dayStart = new Date();
    dayStart.setHours(0, 0, 0, 0);
    const dayEnd = new Date(dayStart);
    dayEnd.setDate(dayEnd.getDate() + 1);
    const overdue = planned.filter((activity) => activity.at < dayStart.toISOString()).length;
    const later = planned.filter((activity) => activity.at >= dayEnd.toISOString()).length;
    const counters = pane.getByRole('region', { name: 'Timeline' }).getByRole('definition');
    await counters.first().waitFor();
    await expect(counters.allTextContents()).resolves.toEqual([String(overdue), String(planned.length - overdue - later), String(later)]);
    expect(later).toBeGreaterThan(0);
    await page.close();
  });
  it("opens a service case from a customer's e-mail, numbered, then moves it along its flow with a tracking number until it closes", async () => {
    const email = item('A customer with an open deal');
    const { page, pane } = await openDemo(site, { item: email.id });
    const card = pane.getByRole('region', { name: email.from!.name });
    await card.waitFor();
    const before = Number(/(\d+)\s*$/.exec((await pane.getByRole('button', { name: /Open cases/ }).textContent()) ?? '')?.[1] ?? '0');
    await pane.getByRole('button', { name: 'Open a case' }).click();
    const form = pane.getByRole('form', { name: 'Open a case' });
    await expect(form.getByLabel('Subject').inputValue()).resolves.toBe(email.subject);
    await form.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Incident' });
    await form.getByRole('combobox', { name: 'Priority' }).selectOption({ label: 'High' });
    await form.getByRole('button', { name: 'Open case' }).click();
    const opened = (await pane.getByText(/Case #\d+ is open/).textContent())!;
    const number = /#(\d+)/.exec(opened)![1];
    await pane.getByRole('button', { name: new RegExp(`Open cases\\s*${before + 1}$`) }).click();
    await pane.getByText(email.subject).first().waitFor();
    const [contactId] = (await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [email.from!.email.toLowerCase()])).get(email.from!.email.toLowerCase()) ?? [];
    const caseOf = async () =>
      (await site.app.store.list('case', DEMO_TENANT_ID, { linkedTo: { kind: 'contact', id: contactId! }, limit: 50 })).items.find((serviceCase) => serviceCase.number === Number(number));
    expect(await caseOf()).toMatchObject({ subject: email.subject, type: 'incident', priority: 'high', status: 'new' });

    // The case moves along its flow, gets the courier's tracking number, and closes.
    const status = pane.getByRole('combobox', { name: `Status of Case #${number}` });
    await status.selectOption({ label: 'Assigned' });
    await pane.getByText(`Assigned · Incident · High`).first().waitFor();
    await pane.getByLabel(`Tracking number of Case #${number}`).fill('1Z999AA10123456784');
    await pane.getByRole('button', { name: 'Save tracking number' }).first().click();
    await pane.getByText(/Tracking 1Z999AA10123456784/).waitFor();
    await screenshot(page, 'case-opened');
    expect(await axeViolations(page)).toEqual([]);
    await status.selectOption({ label: 'Closed' });
    await pane.getByText(`Case #${number}: Closed.`).waitFor();
    await pane.getByRole('button', { name: 'Show closed cases' }).click();
    await pane.getByRole('list', { name: 'Closed cases' }).getByText(`Case #${number}`).waitFor();
    expect(await caseOf()).toMatchObject({ status: 'closed', trackingNumber: '1Z999AA10123456784' });
    expect((await caseOf())?.closedAt).toBeDefined();
    await page.close();
  });

  it('imports a CSV list of leads as a manager: maps the columns, shows the bad row with its reason, and offers it for download', async () => {
    const manager = site.inbox.signIns.find((person) => person.role === 'manager')!;
    const { page, pane } = await openDemo(site, { as: manager.email });
    await pane.getByRole('tab', { name: 'Import' }).click();
    const csv = [
      'Given name,Surname,E-mail address,Organization,Country',
      'Ilse,Brandt,ilse.brandt@nordwerk.example,Nordwerk GmbH,Germany',
      'Otto,Falk,not-an-address,Falk KG,Germany',
      'Maren,Holm,maren.holm@nordwerk.example,Nordwerk GmbH,Germany',
    ].join('\r\n');
    await pane.getByLabel('CSV file').setInputFiles({ name: 'fair-leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // Columns map themselves by their names; the person can change each.
    await expect(pane.getByRole('combobox', { name: 'Last name' }).inputValue()).resolves.toBe('Surname');
    await expect(pane.getByRole('combobox', { name: 'Company' }).inputValue()).resolves.toBe('Organization');
    await pane.getByText('First row: Brandt').waitFor();
    await pane.getByRole('button', { name: 'Import', exact: true }).click();

    await pane.getByRole('status').getByText('3 rows: 2 created, 0 merged, 1 rejected.').waitFor();
    const rejected = pane.getByRole('list', { name: 'Rejected rows' });
    await rejected.getByText('Line 3: E-mail "not-an-address": must be an e-mail address such as name@example.com').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), pane.getByRole('link', { name: 'Download rejected rows' }).click()]);
    expect(download.suggestedFilename()).toBe('fair-leads-rejected.csv');
    const saved = fs.readFileSync((await download.path())!, 'utf8');
    expect(saved).toBe('line,reason,Given name,Surname,E-mail address,Organization,Country\r\n3,"E-mail ""not-an-address"": must be an e-mail address such as name@example.com",Otto,Falk,not-an-address,Falk KG,Germany\r\n');

    const found = await site.app.store.findPeopleByEmails(DEMO_TENANT_ID, ['ilse.brandt@nordwerk.example', 'maren.holm@nordwerk.example']);
    const leads = await site.app.store.getMany('lead', DEMO_TENANT_ID, [...found.leads.values()].flat());
    expect(leads.map((lead) => [lead.lastName, lead.companyName, lead.source, lead.address?.country]).sort()).toEqual([
      ['Brandt', 'Nordwerk GmbH', 'import', 'Germany'],
      ['Holm', 'Nordwerk GmbH', 'import', 'Germany'],
    ]);
    await screenshot(page, 'csv-import-summary');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('stops a long CSV import when asked, and says how far it got', async () => {
    const manager = site.inbox.signIns.find((person) => person.role === 'manager')!;
    const { page, pane } = await openDemo(site, { as: manager.email });
    await pane.getByRole('tab', { name: 'Import' }).click();
    const rows = Array.from({ length: 20_000 }, (_, i) => `Visitor,Number ${i},visitor.${i}@expo-list.example`);
    await pane.getByLabel('CSV file').setInputFiles({ name: 'expo.csv', mimeType: 'text/csv', buffer: Buffer.from(['First name,Last name,Email', ...rows].join('\n')) });
    await pane.getByRole('button', { name: 'Import', exact: true }).click();
    await pane.getByText(/^[1-9][\d,]* rows imported so far$/).waitFor();
    await pane.getByRole('button', { name: 'Stop importing' }).click();
    const stopped = (await pane.getByText(/^You stopped the import after \d+ rows\./).textContent())!;
    const done = Number(/after (\d+) rows/.exec(stopped)![1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(20_000);
    await pane.getByRole('status').getByText(`${done} rows: ${done} created, 0 merged, 0 rejected.`).waitFor();
    // What the summary says is what the store holds.
    const emails = Array.from({ length: 20_000 }, (_, i) => `visitor.${i}@expo-list.example`);
    let stored = 0;
    for (let at = 0; at < emails.length; at += 1_000) stored += [...(await site.app.store.findPeopleByEmails(DEMO_TENANT_ID, emails.slice(at, at + 1_000))).leads.values()].length;
    expect(stored).toBe(done);
    await page.close();
  });

  it("lets an admin make a web form whose HTML, pasted into a website, turns a visitor into a lead", async () => {
    const admin = site.inbox.signIns.find((person) => person.role === 'admin')!;
    const { page, pane } = await openDemo(site, { as: admin.email });
    await pane.getByRole('tab', { name: 'Settings' }).click();
    await pane.getByRole('button', { name: 'Web forms', exact: true }).click();
    await pane.getByRole('button', { name: 'New web form' }).click();
    const create = pane.getByRole('form', { name: 'New web form' });
    await create.getByLabel('Name').fill('Spring fair sign-up');
    // The campaign is one of the demo's, chosen in the picker as it narrows to what is typed.
    await create.getByRole('combobox', { name: 'Campaign' }).fill('spring fair');
    await create.getByRole('listbox', { name: 'Campaign' }).getByRole('option', { name: /^Spring fair 2027/ }).click();
    await create.getByRole('button', { name: 'Create web form' }).click();
    const snippet = await pane.getByLabel('HTML for Spring fair sign-up').inputValue();
    expect(snippet).toContain(`<form action="${site.server.url}/api/forms/`);
    await screenshot(page, 'web-form-admin');
    expect(await axeViolations(page)).toEqual([]);

    // The company's website, with the snippet pasted in, in a visitor's browser.
    const website = await site.browser.newPage();
    await website.setContent(`<!doctype html><html lang="en"><title>Spring fair</title><body><h1>Sign up</h1>${snippet}</body></html>`);
    await website.getByLabel('First name').fill('Greta');
    await website.getByLabel('Last name *').fill('Holm');
    await website.getByLabel('E-mail *').fill('greta.holm@fjord.example');
    await website.getByLabel('Message').fill('Please send the fair programme.');
    await Promise.all([website.waitForURL(/\/api\/forms\//), website.getByRole('button', { name: 'Send' }).click()]);
    await website.getByRole('heading', { name: 'Thank you' }).waitFor();
    await website.close();

    const found = await site.app.store.findPeopleByEmails(DEMO_TENANT_ID, ['greta.holm@fjord.example']);
    const [lead] = await site.app.store.getMany('lead', DEMO_TENANT_ID, found.leads.get('greta.holm@fjord.example') ?? []);
    expect(lead).toMatchObject({ firstName: 'Greta', lastName: 'Holm', source: 'web-form', campaign: 'Spring fair 2027', campaignId: campaignIdForName('Spring fair 2027') });

    await pane.getByRole('button', { name: 'Revoke Spring fair sign-up' }).click();
    await pane.getByRole('button', { name: 'Switch Spring fair sign-up on again' }).waitFor();
    await page.close();
  });

  it('lets an admin keep the pipeline, the product catalog and the territories from the pane', async () => {
    const admin = site.inbox.signIns.find((person) => person.role === 'admin')!;
    const rep = site.inbox.signIns.find((person) => person.role === 'rep')!;
    const { page, pane } = await openDemo(site, { as: admin.email });
    await pane.getByRole('tab', { name: 'Settings' }).click();

    await pane.getByRole('button', { name: 'Pipeline', exact: true }).click();
    const stages = pane.getByRole('list', { name: 'Deal stages' });
    await stages.getByLabel('Stage 4').fill('Negotiation and legal');
    await stages.getByLabel('Probability of Negotiation and legal (%)').fill('80');
    await pane.getByRole('button', { name: 'Save pipeline' }).click();
    await pane.getByRole('status').getByText('The pipeline is saved.').waitFor();
    const pipeline = await site.app.store.get('pipeline', DEMO_TENANT_ID, 'pipeline');
    expect(pipeline?.stages.find((stage) => stage.id === 'negotiation')).toEqual({ id: 'negotiation', name: 'Negotiation and legal', probability: 80, kind: 'open' });
    // A stage deals are in stays: the editor says how many are in it and offers no Remove for it.
    const proposal = stages.getByRole('listitem').filter({ has: pane.getByLabel('Probability of Proposal (%)') });
    await proposal.getByText(/^Open deals: \d+$/).waitFor();
    expect(await stages.getByRole('button', { name: 'Remove Proposal' }).count()).toBe(0);
    await screenshot(page, 'settings-pipeline');
    expect(await axeViolations(page)).toEqual([]);

    await pane.getByRole('button', { name: 'Products', exact: true }).click();
    await pane.getByRole('button', { name: 'New product' }).click();
    const product = pane.getByRole('form', { name: 'New product' });
    await product.getByLabel('Name').fill('Implementation day');
    await product.getByLabel('Unit price').fill('1200');
    await product.getByLabel('Currency').selectOption('EUR');
    await product.getByRole('button', { name: 'Add product' }).click();
    await pane.getByRole('switch', { name: 'Implementation day is sold' }).click();
    const catalog = async () => (await site.app.store.list('product', DEMO_TENANT_ID, { limit: 100 })).items.find((item) => item.name === 'Implementation day');
    for (let tries = 0; (await catalog())?.active !== false && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await catalog()).toMatchObject({ unitPrice: 1200, currency: 'EUR', active: false });
    expect(await axeViolations(page)).toEqual([]);

    await pane.getByRole('button', { name: 'Territories', exact: true }).click();
    await pane.getByRole('button', { name: 'New territory' }).click();
    const territory = pane.getByRole('form', { name: 'New territory' });
    await territory.getByLabel('Name').fill('Nordics');
    await territory.getByLabel('Countries').fill('Sweden, Norway, Denmark');
    await territory.getByLabel('Postal codes starting with').fill('SE-1');
    await territory.getByRole('checkbox', { name: rep.name }).check();
    await territory.getByRole('button', { name: 'Add territory' }).click();
    const list = pane.getByRole('list', { name: 'Territories' });
    await list.getByText('Sweden, Norway, Denmark, postal codes SE-1…').waitFor();
    await list.getByText(`Reps: ${rep.name}`).waitFor();
    await screenshot(page, 'settings-territories');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  // Near the end: it closes the customer's open deal, which the tests above expect open.
  it('adds two products to an open deal, asking before its typed amount gives way to the lines, and closes it won: it shows among the purchases', async () => {
    const email = item('A customer with an open deal');
    // The deal is a colleague's: a manager may change it.
    const manager = site.inbox.signIns.find((person) => person.role === 'manager')!;
    const { page, pane } = await openDemo(site, { item: email.id, as: manager.email });
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    await pane.getByRole('button', { name: /Open deals/ }).click();
    const dealName = email.subject.replace(/^Re: /, '');
    // The customer may have more than one deal of that name: the first is the one changed.
    await pane.getByRole('button', { name: `Products and stage of ${dealName}` }).first().click();
    const panel = pane.getByRole('group', { name: `Change ${dealName}` });
    // Whatever the deal had, these two products are its lines now: counted once the editor shows the deal (its amount
    // comes with its lines; counted before, the demo deal's lines would be left in).
    await panel.getByText(/^Deal amount: /).waitFor();
    const removes = panel.getByRole('button', { name: /^Remove / });
    for (let left = await removes.count(); left > 0; left--) {
      await removes.first().click();
      await panel.getByRole('button', { name: /^Remove / }).nth(left - 1).waitFor({ state: 'detached' });
    }
    await panel.getByRole('combobox', { name: 'Product' }).selectOption({ label: 'Sales seat (annual) (€541.00)' });
    await panel.getByRole('spinbutton', { name: 'Quantity' }).fill('50');
    await panel.getByRole('spinbutton', { name: 'Discount %' }).fill('10');
    await panel.getByRole('button', { name: 'Add product' }).click();
    // The demo deal's amount was typed by hand: the pane asks before the lines replace it.
    const question = panel.getByRole('group', { name: 'Deal amount' });
    await question.getByText(/The deal's amount, €[\d,.]+, is set by hand: use the lines' total, or keep it\?/).waitFor();
    // At Outlook's narrowest pane, the editor and its question fit: nothing scrolls sideways.
    await page.locator('iframe[title="Rapport task pane"]').evaluate((frame) => {
      (frame as HTMLIFrameElement).style.width = '320px';
    });
    const paneFrame = page.frames().find((frame) => frame.url().includes('demo-taskpane.html'));
    const widths = await paneFrame?.evaluate(() => ({ frame: window.innerWidth, content: document.scrollingElement?.scrollWidth ?? 0, visible: document.scrollingElement?.clientWidth ?? 0 }));
    expect(widths?.frame).toBe(320);
    expect(widths?.content).toBeLessThanOrEqual(widths?.visible ?? 0);
    await screenshot(page, 'deal-amount-question');
    await question.getByRole('button', { name: "Use the lines' total (€24,345.00)" }).click();
    await panel.getByText('50 × Sales seat (annual) at €541.00, 10% off: €24,345.00').waitFor();
    await panel.getByText('(total of the lines)').waitFor();
    await panel.getByRole('combobox', { name: 'Product' }).selectOption({ label: 'Onboarding package (€2,300.00)' });
    await panel.getByRole('spinbutton', { name: 'Quantity' }).fill('1');
    await panel.getByRole('spinbutton', { name: 'Discount %' }).fill('0');
    await panel.getByRole('button', { name: 'Add product' }).click();
    await panel.getByText('Deal amount: €26,645.00').waitFor();
    await screenshot(page, 'deal-products');
    expect(await axeViolations(page)).toEqual([]);

    await panel.getByRole('button', { name: 'Close as won' }).click();
    await panel.getByLabel('Why was it won?').fill('Chose us over the incumbent for the Outlook integration.');
    await panel.getByRole('button', { name: 'Close deal' }).click();
    await pane.getByText(`${dealName} is won: €26,645.00.`).waitFor();
    await pane.getByRole('button', { name: 'Purchases', exact: true }).click();
    await pane.getByRole('region', { name: 'Purchases' }).getByText(dealName).first().waitFor();

    const [contactId] = (await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [email.from!.email.toLowerCase()])).get(email.from!.email.toLowerCase()) ?? [];
    const contact = await site.app.store.get('contact', DEMO_TENANT_ID, contactId!);
    const deals = await site.app.store.list('deal', DEMO_TENANT_ID, { limit: 50, linkedTo: { kind: 'company', id: contact!.companyId! } });
    const won = deals.items.find((deal) => deal.name === dealName && deal.status === 'won' && deal.closeReason !== undefined);
    expect(won).toMatchObject({
      status: 'won',
      amount: 26_645,
      amountSetByHand: false,
      currency: 'EUR',
      closeReason: 'Chose us over the incumbent for the Outlook integration.',
      lineItems: [
        { productId: 'demo-product-sales-seat-eur', quantity: 50, unitPrice: 541, discountPercent: 10 },
        { productId: 'demo-product-onboarding-eur', quantity: 1, unitPrice: 2_300, discountPercent: 0 },
      ],
    });
    expect(won!.closedAt).toBeDefined();
    await page.close();
  });

  // Last in the file: it turns the stranger into a contact, which the tests above expect unknown.
  it('turns an unknown sender into a lead, then converts it: contact, company and deal visible in the pane', async () => {
    const email = item('A stranger at an unknown company');
    const sender = email.from!;
    const { page, pane } = await openDemo(site, { item: email.id });
    const create = pane.getByRole('form', { name: `Add ${sender.email} to the CRM` });
    await create.getByRole('radio', { name: 'Lead' }).check();
    await create.getByLabel('Company').fill('Okafor Partners');
    await create.getByRole('button', { name: 'Create lead' }).click();

    const lead = pane.getByRole('region', { name: `Lead: ${sender.name}` });
    await lead.waitFor();
    // The rep works the lead first: its status says so (under its name; the list of statuses holds the words too).
    await pane.getByRole('combobox', { name: 'Lead status' }).selectOption({ label: 'In process' });
    await pane.getByText('The lead is now: In process.').waitFor();
    await lead.getByText(/· In process$/).waitFor();
    await lead.getByRole('checkbox', { name: 'Also open a deal' }).check();
    await lead.getByLabel('Deal name').fill('Okafor Partners pilot');
    await lead.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Qualification' });
    await lead.getByRole('button', { name: 'Convert lead' }).click();

    await pane.getByText(`${sender.name} is now a contact.`).waitFor();
    const card = pane.getByRole('region', { name: sender.name });
    await card.getByText('Okafor Partners').first().waitFor();
    // The new deal is what the card is about now, and among the open deals below.
    await card.getByText('Okafor Partners pilot', { exact: true }).waitFor();
    await pane.getByRole('button', { name: /Open deals\s*1$/ }).click();
    await pane.getByText('Okafor Partners pilot', { exact: true }).nth(1).waitFor();
    await screenshot(page, 'lead-converted');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
