import type { DemoInbox, DemoInboxItem } from '@rapport/shared';
import type { FrameLocator, Page } from 'playwright-core';
import { DEMO_TENANT_ID } from '../../functions/src/local/demo/demo-data';
import { SCREENSHOTS, demoApi, demoItem, openDemo, startDemoSite, type DemoSite } from './browser';
import { checkPane, paneFrame, problemsOf, type ValueKind } from './pane-checks';

// Every view of the task pane at Outlook's narrowest width, 320 px, and the main ones at 350 px: nothing runs off
// sideways, phone numbers, addresses, e-mail addresses and domains stay whole on one line, axe finds nothing serious
// or critical, and a screenshot of each is saved to look at. The pane is opened as the demo shows it: in its frame
// beside Outlook's reading pane, the frame as wide as Outlook makes it (?width=), the item selected in the inbox.

jest.setTimeout(90_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site?.close();
});

type Opened = { page: Page; pane: FrameLocator };
type View = {
  /** Names the screenshot and findings: width-<name>-<px>.png. */
  name: string;
  /** What the test fits, as a sentence's object. */
  title: string;
  /** Opens the view in a pane of that width, seeding what it shows first; returns postal addresses its records hold. */
  open: (px: number) => Promise<Opened & { addresses?: string[] }>;
  /** Also checked at 350 px. */
  main?: boolean;
  /** What the view shows for check 2 to find (so that it cannot pass by finding nothing). */
  shows?: ValueKind[];
};

const item = (scenario: string) => demoItem(site, scenario);
const signIn = (role: 'rep' | 'manager' | 'admin') => site.inbox.signIns.find((person) => person.role === role)!;
const customerEmail = () => item('A customer with an open deal');
const dealName = () => customerEmail().subject.replace(/^Re: /, '');

/** The API as a member of the demo tenant (the demo user unless told). */
const api = <T,>(method: string, route: string, body?: unknown, headers: Record<string, string> = {}, userId?: string) => demoApi<T>(site, method, route, body, headers, userId);

async function customer() {
  const email = customerEmail().from!.email.toLowerCase();
  const [contactId] = (await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [email])).get(email) ?? [];
  const contact = (await site.app.store.get('contact', DEMO_TENANT_ID, contactId!))!;
  const company = contact.companyId ? await site.app.store.get('company', DEMO_TENANT_ID, contact.companyId) : null;
  const addresses = [contact.address, company?.address].flatMap((address) => (address ? [address.street ?? '', `${address.postalCode ?? ''} ${address.city ?? ''}`.trim()] : []));
  return { contact, company, addresses };
}

/** The card of the customer's e-mail, its timeline loaded. */
async function openCustomer(px: number, as?: string): Promise<Opened & { addresses: string[] }> {
  const email = customerEmail();
  const opened = await openDemo(site, { item: email.id, width: px, ...(as ? { as } : {}) });
  await opened.pane.getByRole('region', { name: email.from!.name }).waitFor();
  await opened.pane.getByRole('list', { name: 'Timeline', exact: true }).waitFor();
  return { ...opened, addresses: (await customer()).addresses };
}

const TASK = 'Send the revised quote for the Porto office';
/** A planned task for the customer, due in two days: the timeline shows its Complete button and its menu's snooze dates. */
async function seedTask(): Promise<void> {
  const { contact } = await customer();
  const at = new Date(Date.now() + 2 * 86_400_000).toISOString();
  await api('POST', '/api/activities', { kind: 'task', subject: TASK, at, status: 'planned', contactIds: [contact.id] }, { 'idempotency-key': 'pane-width:task' });
}

/** An open case with a courier's tracking number on the customer, so the cases tab has one to change. */
async function seedOpenCase(): Promise<void> {
  const { contact } = await customer();
  await api('POST', '/api/cases', { subject: 'Replacement unit arrived damaged', type: 'complaint', priority: 'high', contactId: contact.id, ...(contact.companyId ? { companyId: contact.companyId } : {}), trackingNumber: '1Z999AA10123456784' }, { 'idempotency-key': 'pane-width:case' });
}

/** A won deal with products at the customer's company, so the purchases tab lists one. */
async function seedPurchase(): Promise<void> {
  const { contact } = await customer();
  await api(
    'POST',
    '/api/deals',
    {
      name: 'Support renewal and onboarding for the Lisbon and Porto offices',
      companyId: contact.companyId,
      contactIds: [contact.id],
      currency: 'EUR',
      stage: 'won',
      closeReason: 'Renewed for three years.',
      lineItems: [
        { productId: 'demo-product-sales-seat-eur', quantity: 25, discountPercent: 5 },
        { productId: 'demo-product-onboarding-eur', quantity: 1 },
      ],
    },
    { 'idempotency-key': 'pane-width:purchase' },
  );
}

const CHANGED_TITLE = 'Head of Procurement and Strategic Sourcing, EMEA';
const ADDED_PHONE = '+351 912 345 678';

/** A change by the manager to the customer's title and phones, so the changes tab has one to show. */
async function seedChange(): Promise<void> {
  const { contact } = await customer();
  if (contact.title === CHANGED_TITLE) return;
  const phones = [...contact.phones.filter((phone) => phone.number !== ADDED_PHONE), { type: 'mobile', number: ADDED_PHONE }];
  await api('PATCH', `/api/contacts/${contact.id}`, { title: CHANGED_TITLE, phones }, { 'if-match': `"${contact.version}"` }, signIn('manager').userId);
}

const LEAD = {
  firstName: 'Lina',
  lastName: 'Moretti-Castellano',
  companyName: 'Ponte Verde Logistica Integrata S.r.l.',
  email: 'lina.moretti-castellano@ponteverde-logistica.example',
  phone: { type: 'mobile', number: '+39 02 8719 4433' },
  address: { street: 'Via della Moscova 12', postalCode: '20121', city: 'Milano', country: 'Italy' },
  source: 'email',
  // One of the demo's campaigns, by its name.
  campaign: 'Trade fair Milano',
  estimatedValue: 48_000,
  currency: 'EUR',
};

/**
 * The demo inbox has no e-mail from a lead: the test makes the lead, and shows the demo an e-mail from it, as if
 * it had arrived (the inbox the page loads gets one more item).
 */
async function openLead(px: number): Promise<Opened & { addresses: string[] }> {
  await api('POST', '/api/leads', LEAD, { 'idempotency-key': 'pane-width:lead' });
  const leadItem: DemoInboxItem = {
    ...customerEmail(),
    id: 'pane-width-lead',
    scenario: 'A lead writing back',
    subject: 'Re: Warehouse scanners for the Milano hub',
    body: 'Could we see a demo next week?',
    from: { email: LEAD.email, name: `${LEAD.firstName} ${LEAD.lastName}` },
    cc: [],
    internetMessageId: '<pane-width-lead@ponteverde-logistica.example>',
  };
  const opened = await openDemo(site, { item: leadItem.id, width: px, as: signIn('manager').email });
  await opened.page.route('**/demo/inbox.json', async (route) => {
    const inbox = (await (await route.fetch()).json()) as DemoInbox;
    await route.fulfill({ json: { ...inbox, items: [leadItem, ...inbox.items] } });
  });
  await opened.page.reload();
  await opened.pane.getByRole('region', { name: `Lead: ${LEAD.firstName} ${LEAD.lastName}` }).waitFor();
  await opened.pane.getByRole('combobox', { name: 'Lead status' }).waitFor();
  return { ...opened, addresses: [LEAD.address.street, `${LEAD.address.postalCode} ${LEAD.address.city}`] };
}

/** The lead's record view, found by search as a manager (or `who`) finds it. */
async function openLeadRecord(px: number, who: 'manager' | 'admin' = 'manager'): Promise<Opened & { addresses: string[] }> {
  await api('POST', '/api/leads', LEAD, { 'idempotency-key': 'pane-width:lead' });
  const opened = await openTab(px, 'Search', signIn(who).email);
  await opened.pane.getByRole('searchbox', { name: 'Search the CRM' }).fill(LEAD.lastName);
  await opened.pane.getByRole('button', { name: 'Search', exact: true }).click();
  await opened.pane.getByRole('list', { name: 'Leads' }).getByRole('button', { name: new RegExp(LEAD.lastName) }).click();
  await opened.pane.getByRole('article', { name: `${LEAD.firstName} ${LEAD.lastName}` }).getByRole('button', { name: 'Edit Campaign' }).waitFor();
  return { ...opened, addresses: [LEAD.address.street, `${LEAD.address.postalCode} ${LEAD.address.city}`] };
}

async function openMeeting(scenario: string, px: number): Promise<Opened> {
  const meeting = item(scenario);
  const opened = await openDemo(site, { item: meeting.id, width: px });
  await opened.pane.getByRole('heading', { name: 'Attendees of this meeting' }).waitFor();
  await opened.pane.getByRole('region', { name: meeting.subject }).getByText(/This meeting|Save the meeting|Could not read/).first().waitFor();
  return opened;
}

async function openSender(scenario: string, px: number): Promise<Opened> {
  const email = item(scenario);
  const opened = await openDemo(site, { item: email.id, width: px });
  await opened.pane.getByRole('form', { name: `Add ${email.from!.email} to the CRM` }).waitFor();
  return opened;
}

async function openTab(px: number, tab: string, as?: string): Promise<Opened> {
  const opened = await openDemo(site, { width: px, ...(as ? { as } : {}) });
  await opened.pane.getByRole('tab', { name: tab, exact: true }).click();
  return opened;
}

async function openSettings(px: number, section: string): Promise<Opened> {
  const opened = await openTab(px, 'Settings', signIn('admin').email);
  await opened.pane.getByRole('button', { name: section, exact: true }).click();
  return opened;
}

const views: View[] = [
  // The card and its record sections.
  {
    name: 'card-customer',
    title: 'the card of an e-mail from a customer with an open deal',
    shows: ['phone', 'email'],
    main: true,
    open: (px) => openCustomer(px),
  },
  {
    name: 'activity-menu',
    title: "a planned task's actions and menu in the card's timeline",
    open: async (px) => {
      await seedTask();
      const opened = await openCustomer(px);
      await opened.pane.getByRole('button', { name: `More actions: ${TASK}` }).click();
      await opened.pane.getByRole('menu', { name: `More actions: ${TASK}` }).getByText('Pick a date…').waitFor();
      return opened;
    },
  },
  {
    name: 'card-several-recipients',
    title: 'the people of an e-mail to several companies',
    shows: ['phone', 'email'],
    open: async (px) => {
      const email = item('Several recipients from different companies');
      const opened = await openDemo(site, { item: email.id, width: px });
      await opened.pane.getByRole('region', { name: email.from!.name }).waitFor();
      return opened;
    },
  },
  {
    name: 'card-personal-address',
    title: 'the card of a contact writing from a personal address',
    shows: ['phone', 'email'],
    open: async (px) => {
      const email = item('A contact writing from a personal address');
      const opened = await openDemo(site, { item: email.id, width: px });
      await opened.pane.getByRole('region').first().waitFor();
      await opened.pane.getByRole('list', { name: 'Timeline', exact: true }).or(opened.pane.getByText('No activities yet.')).first().waitFor();
      return opened;
    },
  },
  {
    name: 'record-deals',
    title: "the customer's open deals",
    shows: ['phone', 'email'],
    open: async (px) => {
      const opened = await openCustomer(px);
      await opened.pane.getByRole('button', { name: /Open deals/ }).click();
      await opened.pane.getByRole('region', { name: 'Open deals' }).getByText(dealName()).first().waitFor();
      return opened;
    },
  },
  {
    name: 'record-deal-history',
    title: "an open deal's history",
    shows: ['phone', 'email'],
    open: async (px) => {
      const opened = await openCustomer(px);
      await opened.pane.getByRole('button', { name: /Open deals/ }).click();
      await opened.pane.getByRole('button', { name: 'History' }).first().click();
      await opened.pane.getByRole('list', { name: /^History of / }).or(opened.pane.getByRole('region', { name: 'Open deals' }).getByText('No activities yet.')).first().waitFor();
      return opened;
    },
  },
  {
    name: 'record-cases',
    title: "the customer's open cases, with status and tracking number to change",
    shows: ['phone', 'email'],
    open: async (px) => {
      await seedOpenCase();
      const opened = await openCustomer(px);
      await opened.pane.getByRole('button', { name: /Open cases/ }).click();
      await opened.pane.getByRole('region', { name: 'Open cases' }).getByText('Replacement unit arrived damaged').waitFor();
      return opened;
    },
  },
  {
    name: 'record-cases-closed',
    title: "the customer's closed cases",
    shows: ['phone', 'email'],
    open: async (px) => {
      const opened = await openCustomer(px);
      await opened.pane.getByRole('button', { name: /Open cases/ }).click();
      await opened.pane.getByRole('button', { name: 'Show closed cases' }).click();
      await opened.pane.getByRole('list', { name: 'Closed cases' }).or(opened.pane.getByText('No closed cases.')).first().waitFor();
      return opened;
    },
  },
  {
    name: 'record-purchases',
    title: "the customer's company's purchases",
    shows: ['phone', 'email'],
    open: async (px) => {
      await seedPurchase();
      const opened = await openCustomer(px);
      await opened.pane.getByRole('button', { name: 'Purchases', exact: true }).click();
      await opened.pane.getByRole('list', { name: 'Purchases' }).getByText(/Support renewal/).waitFor();
      return opened;
    },
  },
  {
    name: 'record-changes',
    title: "the changes to the customer's record",
    shows: ['phone', 'email'],
    open: async (px) => {
      await seedChange();
      const opened = await openCustomer(px);
      await opened.pane.getByRole('button', { name: 'Changes', exact: true }).click();
      await opened.pane.getByRole('list', { name: 'Changes' }).getByText(new RegExp(`→ ${CHANGED_TITLE}`)).first().waitFor();
      return opened;
    },
  },
  // The card's forms.
  // Records opened in a view of their own.
  {
    name: 'view-contact',
    title: "a contact's record view, from the card",
    main: true,
    shows: ['phone', 'email'],
    open: async (px) => {
      const opened = await openCustomer(px, signIn('manager').email);
      await opened.pane.getByRole('region', { name: customerEmail().from!.name }).getByRole('button', { name: customerEmail().from!.name }).click();
      await opened.pane.getByRole('article', { name: customerEmail().from!.name }).getByRole('button', { name: 'Edit Phones' }).waitFor();
      return opened;
    },
  },
  {
    name: 'view-contact-editing',
    title: "a contact's phones and address being changed in place",
    open: async (px) => {
      const opened = await openCustomer(px, signIn('manager').email);
      await opened.pane.getByRole('region', { name: customerEmail().from!.name }).getByRole('button', { name: customerEmail().from!.name }).click();
      const view = opened.pane.getByRole('article', { name: customerEmail().from!.name });
      await view.getByRole('button', { name: 'Edit Phones' }).click();
      await view.getByRole('button', { name: 'Edit Address' }).click();
      await view.getByRole('form', { name: 'Changing Address' }).waitFor();
      return opened;
    },
  },
  {
    name: 'view-company',
    title: "a company's record view, its people open",
    shows: ['domain'],
    open: async (px) => {
      const { company } = await customer();
      const opened = await openCustomer(px, signIn('manager').email);
      await opened.pane.getByRole('region', { name: customerEmail().from!.name }).getByRole('button', { name: company!.name, exact: true }).click();
      const view = opened.pane.getByRole('article', { name: company!.name });
      await view.getByRole('button', { name: /^People/ }).click();
      await view.getByRole('button', { name: 'Edit Name' }).waitFor();
      return opened;
    },
  },
  {
    name: 'view-contact-satisfaction',
    title: "a contact's surveys, opened from their card's latest score",
    open: async (px) => {
      const opened = await openCustomer(px);
      // The demo customer answered a survey: their card shows the score, which opens their surveys.
      await opened.pane.getByRole('region', { name: customerEmail().from!.name }).getByRole('button', { name: /^(Satisfaction|NPS) \d+\/\d+ .+: show the surveys$/ }).click();
      await opened.pane.getByRole('article', { name: customerEmail().from!.name }).getByRole('list', { name: 'Surveys' }).waitFor();
      return opened;
    },
  },
  {
    name: 'view-company-nps',
    title: "a company's surveys, as a manager about to send it NPS",
    open: async (px) => {
      const { company } = await customer();
      const opened = await openCustomer(px, signIn('manager').email);
      await opened.pane.getByRole('region', { name: customerEmail().from!.name }).getByRole('button', { name: company!.name, exact: true }).click();
      const view = opened.pane.getByRole('article', { name: company!.name });
      await view.getByRole('button', { name: 'Satisfaction', exact: true }).click();
      await view.getByRole('button', { name: 'Send NPS survey' }).click();
      await view.getByRole('alert').getByRole('button', { name: 'Send', exact: true }).waitFor();
      await view.getByRole('list', { name: 'Surveys' }).waitFor();
      return opened;
    },
  },
  {
    name: 'view-deal',
    title: "a deal's record view, opened from the card's focus deal",
    open: async (px) => {
      const opened = await openCustomer(px, signIn('manager').email);
      await opened.pane.getByRole('button', { name: dealName() }).first().click();
      await opened.pane.getByRole('article', { name: dealName() }).getByRole('button', { name: 'Edit Expected close' }).waitFor();
      return opened;
    },
  },
  {
    name: 'form-reassign-owner',
    title: 'the card as a manager sees it, with the owner to reassign',
    shows: ['phone', 'email'],
    open: async (px) => {
      const opened = await openCustomer(px, signIn('manager').email);
      await opened.pane.getByRole('combobox', { name: 'Reassign to' }).waitFor();
      return opened;
    },
  },
  {
    name: 'form-note',
    title: 'the form that adds a note',
    shows: ['phone', 'email'],
    open: async (px) => {
      const opened = await openCustomer(px);
      await opened.pane.getByRole('button', { name: 'Add note' }).click();
      await opened.pane.getByRole('form', { name: 'Add note' }).waitFor();
      return opened;
    },
  },
  {
    name: 'form-task',
    title: 'the form that adds a follow-up task',
    shows: ['phone', 'email'],
    open: async (px) => {
      const opened = await openCustomer(px);
      await opened.pane.getByRole('button', { name: 'Add follow-up task' }).click();
      await opened.pane.getByRole('form', { name: 'Add follow-up task' }).getByRole('combobox', { name: 'Priority' }).waitFor();
      return opened;
    },
  },
  {
    name: 'form-log-call',
    title: 'the form that logs a call',
    shows: ['phone', 'email'],
    open: async (px) => {
      const opened = await openCustomer(px);
      await opened.pane.getByRole('button', { name: 'Log call' }).click();
      await opened.pane.getByRole('form', { name: 'Log call' }).getByRole('radio', { name: 'They called me' }).waitFor();
      return opened;
    },
  },
  {
    name: 'form-open-case',
    title: 'the form that opens a case',
    shows: ['phone', 'email'],
    open: async (px) => {
      const opened = await openCustomer(px);
      await opened.pane.getByRole('button', { name: 'Open a case' }).click();
      await opened.pane.getByRole('form', { name: 'Open a case' }).waitFor();
      return opened;
    },
  },
  {
    name: 'form-schedule',
    title: 'the form that schedules an appointment, calendars checked',
    shows: ['phone', 'email'],
    main: true,
    open: async (px) => {
      const opened = await openCustomer(px);
      await opened.pane.getByRole('button', { name: 'Schedule appointment' }).click();
      const form = opened.pane.getByRole('form', { name: 'New appointment' });
      await form.getByText(/Everyone is free then\.|Conflicts at this time|Could not check calendars/).first().waitFor();
      return opened;
    },
  },
  {
    name: 'form-schedule-free-times',
    title: 'the free times the scheduling form suggests',
    shows: ['phone', 'email'],
    open: async (px) => {
      const opened = await openCustomer(px);
      await opened.pane.getByRole('button', { name: 'Schedule appointment' }).click();
      const form = opened.pane.getByRole('form', { name: 'New appointment' });
      await form.getByText(/Everyone is free then\.|Conflicts at this time|Could not check calendars/).first().waitFor();
      await form.getByRole('button', { name: 'Find free times' }).click();
      await form.getByRole('group', { name: 'Free times' }).or(form.getByText('No time when everyone is free in the next days.')).first().waitFor();
      return opened;
    },
  },
  {
    name: 'form-deal-editor',
    title: "the deal editor: a deal's products and stage",
    shows: ['phone', 'email'],
    open: async (px) => {
      // The deal may be a colleague's: a manager may change any.
      const opened = await openCustomer(px, signIn('manager').email);
      await opened.pane.getByRole('button', { name: /Open deals/ }).click();
      await opened.pane.getByRole('button', { name: `Products and stage of ${dealName()}` }).first().click();
      await opened.pane.getByRole('group', { name: `Change ${dealName()}` }).first().getByRole('combobox', { name: 'Product' }).waitFor();
      return opened;
    },
  },
  {
    name: 'form-close-deal',
    title: 'the form that closes a deal as won',
    shows: ['phone', 'email'],
    open: async (px) => {
      const opened = await openCustomer(px, signIn('manager').email);
      await opened.pane.getByRole('button', { name: /Open deals/ }).click();
      await opened.pane.getByRole('button', { name: `Products and stage of ${dealName()}` }).first().click();
      const panel = opened.pane.getByRole('group', { name: `Change ${dealName()}` }).first();
      await panel.getByRole('button', { name: 'Close as won' }).click();
      await panel.getByLabel('Why was it won?').waitFor();
      return opened;
    },
  },
  // Senders the CRM does not know, and leads.
  {
    name: 'unknown-sender',
    title: 'the card of an unknown sender at an unknown company, with the form that adds a contact',
    shows: ['email'],
    open: (px) => openSender('A stranger at an unknown company', px),
  },
  {
    name: 'form-create-lead',
    title: 'the form that adds an unknown sender as a lead',
    shows: ['email'],
    open: async (px) => {
      const opened = await openSender('A stranger at an unknown company', px);
      await opened.pane.getByRole('radio', { name: 'Lead' }).check();
      await opened.pane.getByRole('button', { name: 'Create lead' }).waitFor();
      return opened;
    },
  },
  {
    name: 'known-company-sender',
    title: 'the card of someone new at a known company',
    shows: ['email'],
    open: async (px) => {
      const opened = await openSender('Someone new at a known company', px);
      await opened.pane.getByText(/\(matched by domain\)/).waitFor();
      return opened;
    },
  },
  {
    name: 'free-mail-sender',
    title: 'the card of a personal address nobody knows',
    shows: ['email'],
    open: (px) => openSender('A personal address nobody knows', px),
  },
  {
    name: 'never-log-offer',
    title: 'the never-log offer on the card of a personal address, once taken',
    shows: ['email'],
    open: async (px) => {
      const opened = await openSender('A personal address nobody knows', px);
      await opened.pane.getByRole('button', { name: 'Never log mail with this address' }).click();
      await opened.pane.getByText(/will not be logged\. Your list is under My day\./).waitFor();
      return opened;
    },
  },
  {
    name: 'lead',
    title: 'the card of an e-mail from a lead, with its status and owner',
    shows: ['email'],
    open: (px) => openLead(px),
  },
  {
    name: 'view-lead-campaign',
    title: "a lead's record view, its campaign being chosen in the picker",
    shows: ['email'],
    open: async (px) => {
      const opened = await openLeadRecord(px);
      const view = opened.pane.getByRole('article', { name: `${LEAD.firstName} ${LEAD.lastName}` });
      await view.getByRole('button', { name: 'Edit Campaign' }).click();
      await view.getByRole('form', { name: 'Changing Campaign' }).getByRole('combobox', { name: 'Campaign' }).fill('spring');
      await view.getByRole('listbox', { name: 'Campaign' }).getByRole('option', { name: /^Spring webinar/ }).waitFor();
      return opened;
    },
  },
  {
    name: 'view-campaign',
    title: "a campaign's record view, opened from a lead, with its editor",
    open: async (px) => {
      // As an admin: campaign managers and admins change campaigns.
      const opened = await openLeadRecord(px, 'admin');
      await opened.pane.getByRole('article', { name: `${LEAD.firstName} ${LEAD.lastName}` }).getByRole('button', { name: LEAD.campaign, exact: true }).first().click();
      const view = opened.pane.getByRole('article', { name: LEAD.campaign });
      await view.getByRole('button', { name: `Change ${LEAD.campaign}` }).click();
      await view.getByRole('form', { name: `Change ${LEAD.campaign}` }).getByRole('combobox', { name: 'Status' }).waitFor();
      return opened;
    },
  },
  {
    name: 'form-convert-lead',
    title: 'the form that converts a lead, with a deal',
    shows: ['email'],
    open: async (px) => {
      const opened = await openLead(px);
      await opened.pane.getByRole('checkbox', { name: 'Also open a deal' }).check();
      await opened.pane.getByRole('combobox', { name: 'Stage' }).getByRole('option', { name: 'Qualification' }).waitFor({ state: 'attached' });
      return opened;
    },
  },
  // Meetings.
  {
    name: 'meeting-attendee',
    title: 'a meeting as an attendee sees it',
    shows: ['phone', 'email'],
    open: (px) => openMeeting('A meeting you were invited to', px),
  },
  {
    name: 'meeting-organizer',
    title: 'a meeting as its organizer sees it, with the form that logs its outcome',
    shows: ['phone', 'email'],
    open: async (px) => {
      const opened = await openMeeting('A meeting you organize', px);
      await opened.pane.getByRole('form', { name: 'Log the outcome' }).waitFor();
      return opened;
    },
  },
  {
    name: 'form-log-outcome-task',
    title: 'the outcome form with a follow-up task as the next step',
    shows: ['phone', 'email'],
    open: async (px) => {
      const opened = await openMeeting('A meeting you organize', px);
      const form = opened.pane.getByRole('form', { name: 'Log the outcome' });
      await form.getByRole('radio', { name: 'Follow-up task' }).check();
      await form.getByLabel(/Due date/).waitFor();
      return opened;
    },
  },
  // The other views.
  {
    name: 'search',
    title: 'search with contacts, companies and deals found',
    shows: ['phone', 'email', 'domain'],
    main: true,
    open: async (px) => {
      const opened = await openTab(px, 'Search');
      const { company } = await customer();
      await opened.pane.getByRole('searchbox', { name: 'Search the CRM' }).fill(company!.name);
      await opened.pane.getByRole('button', { name: 'Search', exact: true }).click();
      await opened.pane.getByRole('list', { name: 'Contacts' }).waitFor();
      await opened.pane.getByRole('list', { name: 'Companies' }).waitFor();
      // The demo's deals are named after their company.
      await opened.pane.getByRole('list', { name: 'Deals' }).waitFor();
      return opened;
    },
  },
  {
    name: 'search-cases',
    title: 'search with cases found by their subject',
    open: async (px) => {
      const opened = await openTab(px, 'Search');
      await opened.pane.getByRole('searchbox', { name: 'Search the CRM' }).fill('wrong amount');
      await opened.pane.getByRole('button', { name: 'Search', exact: true }).click();
      await opened.pane.getByRole('list', { name: 'Cases' }).waitFor();
      return opened;
    },
  },
  {
    name: 'calendar',
    title: 'the calendar',
    main: true,
    open: async (px) => {
      const opened = await openTab(px, 'Calendar');
      await opened.pane.locator('section[aria-busy="false"]').first().waitFor();
      return opened;
    },
  },
  {
    name: 'calendar-team',
    title: "the team's calendar, as a manager sees it",
    open: async (px) => {
      const opened = await openTab(px, 'Calendar', signIn('manager').email);
      await opened.pane.getByRole('switch', { name: "My team's appointments" }).check();
      await opened.pane.locator('section[aria-busy="false"]').first().waitFor();
      return opened;
    },
  },
  {
    name: 'my-day',
    title: 'my day',
    main: true,
    open: async (px) => {
      const opened = await openTab(px, 'My day');
      await opened.pane.getByRole('heading', { name: "Today's appointments" }).waitFor();
      await opened.pane.getByRole('region', { name: 'My figures' }).getByRole('definition').first().waitFor();
      // What "Next 7 days" counts, listed: each entry with its contact and company.
      const planned = opened.pane.getByRole('button', { name: /^Show what is planned in the next 7 days/ });
      if ((await planned.count()) > 0) await planned.click();
      return opened;
    },
  },
  {
    name: 'my-day-never-log',
    title: 'the rep’s own never-log list under My day',
    open: async (px) => {
      await api('PATCH', '/api/me/never-log', { entries: ['family.example', 'a.very.long.personal.address@subdomain.of.a.long.domain.example'] }, { 'if-match': `"${(await api<{ version: number }>('GET', '/api/me/never-log')).version}"` });
      const opened = await openTab(px, 'My day');
      await opened.pane.getByRole('button', { name: 'Never logged', exact: true }).click();
      await opened.pane.getByRole('list', { name: 'Your list' }).getByText('family.example').waitFor();
      return opened;
    },
  },
  {
    name: 'import',
    title: 'the import of a list, as a manager',
    open: async (px) => {
      const opened = await openTab(px, 'Import', signIn('manager').email);
      await opened.pane.getByRole('button', { name: 'Choose a CSV file' }).waitFor();
      return opened;
    },
  },
  {
    name: 'import-mapping',
    title: "the import's mapping of columns to fields",
    shows: ['phone', 'email', 'address'],
    open: async (px) => {
      const opened = await openTab(px, 'Import', signIn('manager').email);
      await opened.pane.getByLabel('CSV file').setInputFiles({ name: 'trade-fair-leads-2027-hannover-messe.csv', mimeType: 'text/csv', buffer: Buffer.from(FAIR_CSV) });
      await opened.pane.getByText('First row: Brandt').waitFor();
      return { ...opened, addresses: ['Königsworther Straße 12', '30167 Hannover'] };
    },
  },
  {
    name: 'import-summary',
    title: "the import's summary, with a rejected row",
    shows: ['email'],
    open: async (px) => {
      const opened = await openTab(px, 'Import', signIn('manager').email);
      await opened.pane.getByLabel('CSV file').setInputFiles({ name: 'trade-fair-leads-2027-hannover-messe.csv', mimeType: 'text/csv', buffer: Buffer.from(FAIR_CSV) });
      await opened.pane.getByRole('button', { name: 'Import', exact: true }).click();
      await opened.pane.getByRole('list', { name: 'Rejected rows' }).waitFor();
      return opened;
    },
  },
  // Settings, as an admin.
  {
    name: 'settings-members',
    title: 'the members and their roles',
    shows: ['email'],
    open: async (px) => {
      const opened = await openSettings(px, 'Members');
      await opened.pane.getByRole('button', { name: 'Change Chiara Bellini' }).click();
      await opened.pane.getByRole('combobox', { name: 'Role of Chiara Bellini' }).waitFor();
      // Her capabilities, each a tick: knowledge editor, campaign manager.
      await opened.pane.getByRole('checkbox', { name: /^Campaign manager: Chiara Bellini/ }).waitFor();
      // Adding a colleague by e-mail, with the address's hint.
      await opened.pane.getByRole('button', { name: 'Add a member' }).click();
      await opened.pane.getByRole('form', { name: 'Add a member' }).getByRole('textbox', { name: /^E-mail/ }).waitFor();
      return opened;
    },
  },
  {
    name: 'settings-pipeline',
    title: 'the pipeline',
    open: async (px) => {
      const opened = await openSettings(px, 'Pipeline');
      await opened.pane.getByRole('list', { name: 'Deal stages' }).waitFor();
      // Each stage says how many open deals it holds.
      await opened.pane.getByText(/^Open deals: \d+$/).first().waitFor();
      return opened;
    },
  },
  {
    name: 'settings-products',
    title: 'the product catalog',
    open: async (px) => {
      const opened = await openSettings(px, 'Products');
      await opened.pane.getByRole('list', { name: 'Products' }).waitFor();
      // A product changed in place: name, series, price and the currency picked from the tenant's.
      await opened.pane.getByRole('list', { name: 'Products' }).getByRole('button', { name: /^Change / }).first().click();
      await opened.pane.getByRole('list', { name: 'Products' }).getByRole('form').getByRole('combobox', { name: /^Currency/ }).waitFor();
      await opened.pane.getByRole('button', { name: 'New product' }).click();
      await opened.pane.getByRole('form', { name: 'New product' }).waitFor();
      return opened;
    },
  },
  {
    name: 'settings-currencies',
    title: 'the currencies and exchange rates',
    open: async (px) => {
      const opened = await openSettings(px, 'Currencies');
      await opened.pane.getByRole('list', { name: 'Exchange rates' }).or(opened.pane.getByText(/^No exchange rates yet/)).first().waitFor();
      return opened;
    },
  },
  {
    name: 'settings-territories',
    title: 'the territories',
    open: async (px) => {
      await api(
        'POST',
        '/api/territories',
        { name: 'Nordics and Baltics', countries: ['Sweden', 'Norway', 'Denmark', 'Finland', 'Estonia'], cities: ['Göteborg', 'Trondheim'], postalCodePrefixes: ['SE-1', 'NO-70'], repIds: [site.inbox.signIns.find((person) => person.role === 'rep')!.userId] },
        { 'idempotency-key': 'pane-width:territory' },
        signIn('admin').userId,
      );
      const opened = await openSettings(px, 'Territories');
      await opened.pane.getByRole('list', { name: 'Territories' }).getByText('Nordics and Baltics', { exact: true }).first().waitFor();
      await opened.pane.getByRole('button', { name: 'New territory' }).click();
      await opened.pane.getByRole('form', { name: 'New territory' }).getByRole('checkbox').first().waitFor();
      return opened;
    },
  },
  {
    name: 'settings-web-forms',
    title: 'the web forms',
    open: async (px) => {
      await api(
        'POST',
        '/api/forms',
        { name: 'Spring fair sign-up', campaign: 'Spring fair 2027', thankYouUrl: 'https://www.rapport-demo.com/thank-you-for-signing-up' },
        { 'idempotency-key': 'pane-width:web-form' },
        signIn('admin').userId,
      );
      const opened = await openSettings(px, 'Web forms');
      await opened.pane.getByLabel('HTML for Spring fair sign-up').first().waitFor();
      await opened.pane.getByRole('button', { name: 'Copy HTML of Spring fair sign-up' }).first().waitFor();
      await opened.pane.getByRole('button', { name: 'New web form' }).click();
      // Its campaign chosen in the picker, the list open under the field.
      const form = opened.pane.getByRole('form', { name: 'New web form' });
      await form.getByRole('combobox', { name: 'Campaign' }).fill('spring');
      await form.getByRole('listbox', { name: 'Campaign' }).getByRole('option', { name: /^Spring fair 2027/ }).waitFor();
      return opened;
    },
  },
  {
    name: 'settings-campaigns',
    title: 'the campaigns, one being changed and a new one',
    open: async (px) => {
      const opened = await openSettings(px, 'Campaigns');
      const list = opened.pane.getByRole('list', { name: 'Campaigns' });
      await list.getByRole('button', { name: 'Trade fair Milano', exact: true }).waitFor();
      await list.getByRole('button', { name: 'Change Trade fair Milano' }).click();
      await list.getByRole('form', { name: 'Change Trade fair Milano' }).getByRole('combobox', { name: 'Status' }).waitFor();
      await opened.pane.getByRole('button', { name: 'New campaign' }).click();
      await opened.pane.getByRole('form', { name: 'New campaign' }).waitFor();
      return opened;
    },
  },
  {
    name: 'settings-domains',
    title: "the organization's own domains",
    shows: ['domain'],
    open: async (px) => {
      const opened = await openSettings(px, 'Your organization’s domains');
      await opened.pane.getByRole('list', { name: 'Your domains' }).or(opened.pane.getByRole('list', { name: 'Domains of your members’ addresses' })).first().waitFor();
      return opened;
    },
  },
  {
    name: 'settings-never-log',
    title: 'the organization’s never-log list, as an admin',
    open: async (px) => {
      const opened = await openSettings(px, 'Never logged');
      await opened.pane.getByRole('textbox', { name: 'Address or domain' }).waitFor();
      return opened;
    },
  },
  {
    name: 'settings-quotes',
    title: 'the quote settings',
    open: async (px) => {
      const opened = await openSettings(px, 'Quotes');
      const form = opened.pane.getByRole('form', { name: 'Quote settings' });
      // The demo company's seller, its two VAT rates, and the row that adds another.
      await form.getByRole('list', { name: 'Tax rates' }).getByText('VAT 20%: 20%').waitFor();
      await form.getByRole('group', { name: 'Add a tax rate' }).getByRole('button', { name: 'Add rate' }).waitFor();
      await form.getByRole('combobox', { name: 'When a customer accepts a quote, move its deal to' }).waitFor();
      return opened;
    },
  },
  // The knowledge base as an admin writes it (knowledge editors alike).
  {
    name: 'view-article-new',
    title: "a new knowledge article's editor, under the card's answers",
    open: async (px) => {
      const opened = await openCustomer(px, signIn('admin').email);
      await opened.pane.getByRole('button', { name: 'New article' }).click();
      const form = opened.pane.getByRole('form', { name: 'New knowledge article' });
      await form.getByRole('checkbox', { name: 'Service seat (annual)' }).waitFor();
      await form.getByRole('textbox', { name: /Title/ }).fill('Reconnecting the Outlook add-in after a Microsoft 365 tenant migration');
      return opened;
    },
  },
  {
    name: 'view-article-preview',
    title: "the editor's preview of a long article",
    open: async (px) => {
      const opened = await openCustomer(px, signIn('admin').email);
      await opened.pane.getByRole('button', { name: 'New article' }).click();
      const form = opened.pane.getByRole('form', { name: 'New knowledge article' });
      await form
        .getByRole('textbox', { name: /Text \(Markdown\)/ })
        .fill('## Before you start\n\nRun `Set-OrganizationConfig -OAuth2ClientProfileEnabled $true` first.\n\n- See https://learn.microsoft.com/en-us/office/dev/add-ins/outlook/troubleshoot-outlook-add-in-activation-and-sideloading-errors\n\n> Ask your admin.');
      await form.getByRole('tab', { name: 'Preview' }).click();
      await form.getByRole('tabpanel', { name: 'Preview' }).getByRole('heading', { name: 'Before you start' }).waitFor();
      return opened;
    },
  },
  {
    name: 'view-article-editing',
    title: "a public article's editor, with its page's link",
    open: async (px) => {
      const opened = await openCustomer(px, signIn('admin').email);
      const search = opened.pane.getByRole('search', { name: 'Search the knowledge base' });
      await search.getByRole('searchbox').fill('warranty');
      await opened.pane.getByRole('button', { name: /^What the warranty covers, and for how long/ }).click();
      await opened.pane.getByRole('button', { name: 'Edit', exact: true }).click();
      await opened.pane.getByRole('form', { name: 'Edit the article' }).getByRole('textbox', { name: 'Link to its public page' }).waitFor();
      return opened;
    },
  },
  {
    name: 'view-case-draft-offer',
    title: "a closed case's offer to become a draft article",
    open: async (px) => {
      const { contact } = await customer();
      const closed = await api<{ id: string; number: number }>(
        'POST',
        '/api/cases',
        { subject: 'Label printer feeds two labels at once', description: 'Since the last roll change every print feeds two labels.', contactId: contact.id, status: 'closed' },
        { 'idempotency-key': 'pane-width:closed-case' },
      );
      const opened = await openCustomer(px, signIn('admin').email);
      await opened.pane.getByRole('button', { name: /^Open cases/ }).click();
      await opened.pane.getByRole('button', { name: 'Show closed cases' }).click();
      await opened.pane.getByRole('list', { name: 'Closed cases' }).getByRole('button', { name: new RegExp(`Label printer feeds two labels`) }).click();
      await opened.pane.getByRole('region', { name: `Case #${closed.number} is closed: its question and answer can become a draft article.` }).waitFor();
      return opened;
    },
  },
  {
    name: 'settings-surveys',
    title: 'the survey settings',
    open: async (px) => {
      const opened = await openSettings(px, 'Surveys');
      const form = opened.pane.getByRole('form', { name: 'Surveys' });
      await form.getByRole('switch', { name: 'Ask for satisfaction when a case closes' }).waitFor();
      await form.getByRole('textbox', { name: 'Send from this shared mailbox (optional)' }).fill('customer-satisfaction-surveys@rapport-demo.com');
      return opened;
    },
  },
  {
    name: 'settings-send-checks',
    title: 'the send-time checks',
    open: async (px) => {
      const opened = await openSettings(px, 'Send-time checks');
      await opened.pane.getByRole('spinbutton', { name: /Days without activity before a deal is named/ }).waitFor();
      return opened;
    },
  },
];

const FAIR_CSV = [
  'Given name,Surname,E-mail address,Telephone,Organization,Street,Postal code,Town,Country',
  'Ilse,Brandt,ilse.brandt@nordwerk-maschinenbau.example,+49 511 8912 3345,Nordwerk Maschinenbau GmbH,Königsworther Straße 12,30167,Hannover,Germany',
  'Otto,Falk,not-an-address,+49 40 3344 5566,Falk KG,Am Sandtorkai 5,20457,Hamburg,Germany',
].join('\r\n');

async function fits(view: View, px: number): Promise<void> {
  const { page, addresses } = await view.open(px);
  try {
    const findings = await checkPane(page, view.name, px, { addresses: addresses ?? [] });
    expect(findings.frame.innerWidth).toBe(px);
    expect(problemsOf(findings)).toEqual([]);
    expect((view.shows ?? []).filter((kind) => findings.shown[kind] === 0)).toEqual([]);
  } finally {
    await page.close();
  }
}

describe('the demo page', () => {
  it('shows the pane 320 px wide by default, switches it to 350 or 450 px without reloading it, and keeps the width in its link', async () => {
    const email = customerEmail();
    const { page, pane } = await openDemo(site, { item: email.id });
    // A laptop's window: the demo's three columns fit it at every width.
    await page.setViewportSize({ width: 1280, height: 800 });
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    const frame = paneFrame(page);
    expect(await frame.evaluate(() => window.innerWidth)).toBe(320);
    await frame.evaluate(() => ((window as unknown as { widthMarker: string }).widthMarker = 'still here'));
    for (const [label, px] of [['450 px (Wide)', 450], ['350 px', 350], ['320 px', 320], ['450 px (Wide)', 450]] as const) {
      await page.getByRole('combobox', { name: 'Pane width' }).click();
      await page.getByRole('option', { name: label }).click();
      await frame.waitForFunction((width) => window.innerWidth === width, px);
      expect(new URL(page.url()).searchParams.get('width')).toBe(String(px));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    }
    expect(await frame.evaluate(() => (window as unknown as { widthMarker?: string }).widthMarker)).toBe('still here');
    await page.reload();
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    expect(await paneFrame(page).evaluate(() => window.innerWidth)).toBe(450);
    await expect(page.getByRole('combobox', { name: 'Pane width' }).textContent()).resolves.toBe('450 px (Wide)');
    await page.screenshot({ path: `${SCREENSHOTS}/width-demo-page-1280.png` });
    await page.close();
  });
});

describe('the task pane at 320 px, Outlook’s narrowest', () => {
  for (const view of views) {
    it(`fits ${view.title}`, () => fits(view, 320));
  }
});

describe('the task pane at 350 px', () => {
  for (const view of views.filter((candidate) => candidate.main)) {
    it(`fits ${view.title}`, () => fits(view, 350));
  }
});
