import {
  type Campaign,
  activityOutcomes,
  companySegmentForDeal,
  contactDisplayName,
  DEFAULT_SERVICE_LEVEL,
  serviceLevelDueTimes,
  defaultPipeline,
  languageOfCountry,
  defaultSurveySettings,
  TENANT_SETTINGS_ID,
  type Activity,
  type Case,
  type Company,
  type Contact,
  type Deal,
  type Lead,
  type LineItem,
  type Member,
  type Phone,
  type Product,
  type TenantSettingsRecord,
  type Template,
  type Tip,
} from '@rapport/shared';
import {
  callSubjects,
  caseSubjects,
  companyNames,
  countries,
  emailSubjects,
  firstNames,
  industries,
  lastNames,
  meetingSubjects,
  noteSubjects,
  taskSubjects,
  titles,
} from './demo-names';
import { demoInboxDeal, demoQuoteSettings, demoQuotedDeal, withCatalogLines } from './demo-quotes';
import { demoCampaignIdOfDeal, demoCampaigns } from './demo-campaigns';
import { campaignIdForName } from '../../campaigns/campaign-ids';
import { demoTemplates } from './demo-templates';
import { SeededRandom } from './random';

export const DEMO_TENANT_ID = 'c0ffee00-0000-4000-8000-000000000001';
export const DEMO_USER_ID = 'c0ffee00-0000-4000-8000-0000000000a1';
export const DEMO_USER_EMAIL = 'avery.quinn@rapport-demo.com';

export type DemoSize = { companies: number; contacts: number; deals: number; activities: number; cases: number; leads?: number };
export const DEMO_SIZE: DemoSize = { companies: 50, contacts: 300, deals: 150, activities: 2_000, cases: 40, leads: 80 };

export type DemoData = {
  tenantId: string;
  userId: string;
  members: Member[];
  companies: Company[];
  contacts: Contact[];
  deals: Deal[];
  activities: Activity[];
  /** Without numbers: the seeder takes them from the tenant's case sequence. */
  cases: Omit<Case, 'number'>[];
  /** The catalog deals take their products and prices from. */
  products: Product[];
  /** Leads of the last year from every source and campaign, for the lead reports. */
  leads: Lead[];
  /** The campaigns the leads came from. */
  campaigns: Campaign[];
  /** Reports in EUR, with a rate per month for the other currencies its customers pay in; the quotes' seller and taxes. */
  settings: TenantSettingsRecord;
  /** The team's tips board: a few tips by the reps, upvoted by colleagues, one pinned by the manager. */
  tips: Tip[];
  /** E-mail templates: three the manager shared with the team, in four languages, and one of the demo user's own. */
  templates: Template[];
};

const DAY = 24 * 60 * 60 * 1000;
type ActivityOutcome = (typeof activityOutcomes)[number];

/**
 * The demo tenant, the same on every machine for a given seed and day: companies with
 * e-mail domains, contacts at those domains with phones in many formats, deals across the
 * pipeline, a year of activities plus the coming weeks, and service cases.
 */
export function generateDemoData(options: { now: Date; seed?: number; size?: DemoSize; tenantId?: string }): DemoData {
  const random = new SeededRandom(options.seed ?? 20_261_123);
  const size = options.size ?? DEMO_SIZE;
  const tenantId = options.tenantId ?? DEMO_TENANT_ID;
  const nowMs = options.now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const system = (id: string, ownerId: string, createdMs: number) => ({
    tenantId,
    id,
    createdAt: iso(createdMs),
    createdBy: ownerId,
    updatedAt: iso(createdMs),
    updatedBy: ownerId,
    ownerId,
    version: 1,
  });
  const yearAgo = nowMs - 365 * DAY;

  const members = demoMembers(tenantId, iso(yearAgo));
  const reps = members.filter((member) => member.role === 'rep');
  // The demo user owns the largest share, so their views are full.
  const pickOwner = () => (random.chance(0.45) ? DEMO_USER_ID : random.pick(reps).id);

  const companies: Company[] = [];
  const usedSlugs = new Set<string>();
  for (let i = 0; i < size.companies; i++) {
    const baseName = companyNames[i % companyNames.length] as string;
    const name = i < companyNames.length ? baseName : `${baseName} ${countries[i % countries.length]?.country ?? ''}`.trim();
    const country = random.pick(countries);
    const place = random.pick(country.cities);
    let slug = slugOf(name);
    while (usedSlugs.has(`${slug}.${country.tld}`)) slug = `${slug}${random.int(2, 99)}`;
    usedSlugs.add(`${slug}.${country.tld}`);
    const domain = `${slug}.${country.tld}`;
    const type = random.weighted([['customer', 5], ['prospect', 4], ['partner', 1]] as const);
    const company: Company = {
      ...system(random.uuid(), pickOwner(), yearAgo + random.int(0, 60) * DAY),
      name,
      domains: [domain],
      website: `https://www.${domain}`,
      industry: random.pick(industries),
      phones: [{ type: 'work', number: country.phone((n) => random.digits(n), random.int(0, 3)) }],
      address: { street: `${random.int(1, 250)} ${random.pick(['Main', 'Market', 'Harbour', 'Station', 'Park'])} Street`, ...place, country: country.country },
      type,
      annualRevenue: random.int(5, 5_000) * 100_000,
      employees: random.int(10, 20_000),
    };
    if (type === 'customer') company.customerNumber = `C-${String(10_000 + i)}`;
    companies.push(company);
  }

  const contacts: Contact[] = [];
  const usedEmails = new Set<string>();
  for (let i = 0; i < size.contacts; i++) {
    // Every company gets at least one contact; the rest spread unevenly, as in real books.
    const company = i < companies.length ? (companies[i] as Company) : random.pick(companies.slice(0, Math.max(1, Math.ceil(companies.length * 0.6))));
    const country = countries.find((candidate) => candidate.country === company.address?.country) ?? (countries[0] as (typeof countries)[number]);
    const firstName = random.pick(firstNames);
    const lastName = random.pick(lastNames);
    const domain = company.domains[0] as string;
    const local = random.weighted([
      [`${asciiOf(firstName)}.${asciiOf(lastName)}`, 6],
      [`${asciiOf(firstName).charAt(0)}${asciiOf(lastName)}`, 3],
      [asciiOf(firstName), 1],
    ] as const);
    let email = `${local}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${domain}`;
    usedEmails.add(email);
    const emails = [email];
    if (random.chance(0.08)) emails.push(`${asciiOf(firstName)}.${asciiOf(lastName)}${random.int(1, 99)}@gmail.com`);
    const phones: Phone[] = [{ type: 'work', number: country.phone((n) => random.digits(n), random.int(0, 3)) }];
    if (random.chance(0.5)) phones.push({ type: 'mobile', number: country.phone((n) => random.digits(n), random.int(0, 3)) });
    const contact: Contact = {
      ...system(random.uuid(), company.ownerId, Date.parse(company.createdAt) + random.int(0, 90) * DAY),
      firstName,
      lastName,
      emails,
      phones,
      title: random.pick(titles),
      companyId: company.id,
      status: company.type === 'customer' ? 'customer' : 'prospect',
      source: random.pick(['referral', 'website', 'trade show', 'cold outreach', 'partner']),
    };
    if (company.address) contact.address = { ...company.address };
    if (company.customerNumber) contact.customerNumber = company.customerNumber;
    contacts.push(contact);
  }
  const contactsByCompany = groupBy(contacts, (contact) => contact.companyId ?? '');
  const companiesById = new Map(companies.map((company) => [company.id, company]));
  const memberEmails = new Map(members.map((member) => [member.id, member.email]));

  const deals: Deal[] = [];
  const stageWeights = [['prospecting', 5], ['qualification', 4], ['proposal', 3], ['negotiation', 2], ['won', 4], ['lost', 3]] as const;
  for (let i = 0; i < size.deals; i++) {
    const company = random.pick(companies);
    const people = contactsByCompany.get(company.id) ?? [];
    const stageId = random.weighted(stageWeights);
    const stage = defaultPipeline.stages.find((candidate) => candidate.id === stageId);
    if (!stage) throw new Error(`unknown stage ${stageId}`);
    const createdMs = yearAgo + random.int(0, 330) * DAY;
    const closed = stage.kind !== 'open';
    const closeMs = closed ? Math.min(nowMs - DAY, createdMs + random.int(14, 120) * DAY) : nowMs + random.int(7, 150) * DAY;
    const country = countries.find((candidate) => candidate.country === company.address?.country);
    const deal: Deal = {
      ...system(random.uuid(), company.ownerId, createdMs),
      name: `${company.name} – ${random.pick(['Platform licence', 'Support renewal', 'Expansion', 'Pilot', 'Hardware refresh', 'Training package'])}`,
      companyId: company.id,
      contactIds: people.slice(0, random.int(1, Math.min(2, Math.max(1, people.length)))).map((contact) => contact.id),
      amount: random.int(20, 2_500) * 100,
      amountSetByHand: true,
      currency: country?.currency ?? 'USD',
      stage: stage.id,
      probability: stage.probability,
      status: stage.kind,
      expectedCloseDate: new Date(closeMs).toISOString().slice(0, 10),
      lineItems: [],
      source: random.pick(['inbound', 'outbound', 'partner', 'event']),
    };
    deal.stageHistory = demoStageHistory(i, stage.id, closed, createdMs, closed ? closeMs : nowMs);
    if (closed) {
      deal.closedAt = iso(closeMs);
      deal.closeReason = stage.kind === 'won' ? random.pick(['Best fit', 'Price', 'Relationship']) : random.pick(['Price', 'Competitor', 'No budget', 'No decision']);
    }
    // Deals that came of an event or a partner came of one of the demo's campaigns (no draws: the rest is unchanged).
    if (deal.source === 'event' || deal.source === 'partner') deal.campaignId = demoCampaignIdOfDeal(deal.source, i);
    deals.push(deal);
  }
  // The two open deals a quote is made from have lines from the catalog (no draws: the rest of the demo is unchanged).
  const products = demoProducts(tenantId, iso(yearAgo));
  for (const quoted of new Set([demoInboxDeal(deals), demoQuotedDeal({ deals, userId: DEMO_USER_ID })])) {
    if (quoted) deals[deals.indexOf(quoted)] = withCatalogLines(quoted, products);
  }
  // Won deals sold from the catalog too, at list price or with a discount, and keep their company's segment (as the
  // deal's hooks give it on a write): the reports on customers and prices by segment have something to show.
  deals.forEach((deal, index) => {
    if (deal.status !== 'won') return;
    const companySegment = companySegmentForDeal(deal, deal.companyId ? companiesById.get(deal.companyId) : undefined, undefined);
    deals[index] = { ...withWonLines(deal, products, index), ...(companySegment ? { companySegment } : {}) };
  });
  // The inbox customer reads their company's country's language (Portuguese): the knowledge base answers them in it.
  const inboxContact = contacts.find((contact) => contact.id === demoInboxDeal(deals)?.contactIds[0]);
  const inboxLanguage = languageOfCountry(companies.find((company) => company.id === inboxContact?.companyId)?.address?.country);
  if (inboxContact && inboxLanguage) inboxContact.language = inboxLanguage;
  const openDealsByCompany = groupBy(deals.filter((deal) => deal.status === 'open'), (deal) => deal.companyId ?? '');

  const activities: Activity[] = [];
  for (let i = 0; i < size.activities; i++) {
    const contact = random.pick(contacts);
    const company = contact.companyId ? companiesById.get(contact.companyId) : undefined;
    const kind = random.weighted([['email', 40], ['call', 25], ['meeting', 15], ['task', 10], ['note', 10]] as const);
    // Mostly the past year; some in the coming four weeks (planned calls, meetings, tasks).
    const future = kind !== 'email' && kind !== 'note' && random.chance(0.12);
    const atMs = future ? nowMs + random.int(1, 28 * 24) * 60 * 60 * 1000 : nowMs - random.int(1, 365 * 24) * 60 * 60 * 1000;
    const at = new Date(roundToQuarterHour(atMs));
    const workingAt = new Date(at);
    workingAt.setUTCHours(random.int(8, 17), random.pick([0, 15, 30, 45]), 0, 0);
    const owner = company?.ownerId ?? DEMO_USER_ID;
    const ownerEmail = memberEmails.get(owner) ?? DEMO_USER_EMAIL;
    const contactEmail = contact.emails[0] as string;
    const base = {
      ...system(random.uuid(), owner, Math.min(nowMs, workingAt.getTime())),
      at: workingAt.toISOString(),
      contactIds: [contact.id],
      participants: [] as Activity['participants'],
      ...(company ? { companyId: company.id } : {}),
    };
    const openDeal = company ? openDealsByCompany.get(company.id)?.[0] : undefined;
    if (openDeal && random.chance(0.5)) Object.assign(base, { dealId: openDeal.id });
    const pastTask = !future && kind === 'task';
    let activity: Activity;
    switch (kind) {
      case 'email': {
        const inbound = random.chance(0.5);
        activity = {
          ...base,
          kind,
          subject: random.pick(emailSubjects),
          summary: `${inbound ? contactDisplayName(contact) : 'We'} wrote about next steps and timing.`,
          status: 'done',
          contactMethod: 'email',
          participants: [
            { email: inbound ? contactEmail : ownerEmail, role: 'from' },
            { email: inbound ? ownerEmail : contactEmail, role: 'to' },
          ],
          internetMessageId: `<${random.uuid()}@${(inbound ? contactEmail : ownerEmail).split('@')[1]}>`,
        };
        break;
      }
      case 'call':
        activity = {
          ...base,
          kind,
          subject: random.pick(callSubjects),
          status: future ? 'planned' : 'done',
          contactMethod: 'phone',
          durationMinutes: random.pick([5, 10, 15, 30]),
          // Who called whom, without a draw (the rest of the demo stays as it was): one call in three came in.
          direction: i % 3 === 0 ? 'inbound' : 'outbound',
          ...(future ? {} : { outcome: random.weighted<ActivityOutcome>([['connected', 6], ['left-voicemail', 2], ['no-answer', 2]]) }),
        };
        break;
      case 'meeting':
        activity = {
          ...base,
          kind,
          subject: random.pick(meetingSubjects),
          status: future ? 'planned' : 'done',
          contactMethod: random.weighted([['online-meeting', 5], ['in-person', 3], ['phone', 1]] as const),
          durationMinutes: random.pick([30, 45, 60, 90]),
          participants: [
            { email: ownerEmail, role: 'organizer' },
            { email: contactEmail, role: 'attendee' },
          ],
          ...(future ? {} : { outcome: random.weighted<ActivityOutcome>([['held', 15], ['no-show', 2], ['rescheduled', 2], ['cancelled', 1]]) }),
        };
        break;
      case 'task':
        activity = {
          ...base,
          kind,
          subject: random.pick(taskSubjects),
          // Some past tasks are still open: the overdue work a rep must see.
          status: future ? 'planned' : pastTask && random.chance(0.15) ? 'planned' : 'done',
          priority: random.weighted([['normal', 6], ['high', 2], ['low', 2]] as const),
        };
        if (activity.status === 'done') activity.outcome = 'completed';
        break;
      default:
        activity = { ...base, kind, subject: random.pick(noteSubjects), status: 'done', notes: 'Noted during a conversation.' };
    }
    activities.push(activity);
  }

  const cases: Omit<Case, 'number'>[] = [];
  for (let i = 0; i < size.cases; i++) {
    const contact = random.pick(contacts);
    const openedMs = nowMs - random.int(0, 200) * DAY - random.int(0, 23) * 60 * 60 * 1000;
    const status = random.weighted([['new', 2], ['assigned', 3], ['pending', 2], ['closed', 6], ['rejected', 1]] as const);
    const serviceCase: Omit<Case, 'number'> = {
      ...system(random.uuid(), random.pick(reps).id, openedMs),
      subject: random.pick(caseSubjects),
      description: 'Reported by the customer by e-mail.',
      type: random.pick(['question', 'incident', 'problem', 'complaint'] as const),
      priority: random.weighted([['normal', 5], ['high', 2], ['low', 2], ['urgent', 1]] as const),
      status,
      contactId: contact.id,
      openedAt: iso(openedMs),
      trackingNumber: `TRK${random.digits(8)}`,
    };
    if (contact.companyId) serviceCase.companyId = contact.companyId;
    if (status === 'closed' || status === 'rejected') serviceCase.closedAt = iso(Math.min(nowMs, openedMs + random.int(1, 20) * DAY));
    cases.push(withDemoServiceLevel(serviceCase, i, nowMs));
  }

  // Leads draw from a random sequence of their own, so adding them left the rest of the demo as it was.
  const leads = demoLeads(new SeededRandom((options.seed ?? 20_261_123) + 1), { tenantId, count: size.leads ?? 0, nowMs, ownerIds: members.filter((member) => member.role === 'rep').map((member) => member.id) });
  const tips = demoTips(tenantId, members, nowMs);
  const templates = demoTemplates(tenantId, members, DEMO_USER_ID, nowMs);
  return { tenantId, userId: DEMO_USER_ID, members, companies, contacts, deals, activities, cases, products, leads, campaigns: demoCampaigns(tenantId, DEMO_USER_ID, nowMs), settings: demoSettings(tenantId, yearAgo, nowMs), tips, templates };
}

/**
 * Tips the demo's reps shared over the last weeks, tagged by stage, product, industry and objection; the first is pinned
 * by a manager. The inbox customer's open deal (a proposal for seats, in aerospace) and the demo user's own quoted one
 * (healthcare) each show some in the pane; the demo user wrote one of them (theirs to change on the board).
 */
function demoTips(tenantId: string, members: readonly Member[], nowMs: number): Tip[] {
  const reps = members.filter((member) => member.role === 'rep');
  const manager = members.find((member) => member.role === 'manager') ?? members[0];
  const texts: { text: string; stages: string[]; objections: string[]; industries: string[]; productIds?: string[]; votes?: number }[] = [
    { text: 'Before the demo, send a two-line case study from their own industry: the call starts from their problem, not our slides.', stages: ['qualification', 'proposal'], objections: [], industries: ['Retail'] },
    { text: 'When they say "too expensive", ask what the current process costs them per month, then price the first year against that.', stages: ['negotiation'], objections: ['Too expensive'], industries: [] },
    { text: 'End every e-mail with one dated next step ("Shall we speak Thursday at 10?"), never "let me know".', stages: ['prospecting', 'qualification', 'proposal', 'negotiation'], objections: [], industries: [] },
    { text: '"We already have a supplier": ask what they would change about it. The second answer is the one to write down.', stages: ['prospecting'], objections: ['We already have a supplier'], industries: ['Manufacturing'] },
    // By product, by the inbox customers' industries, and one with a link.
    { text: 'Seats: quote per team, not per head. Ask how many people share a pipeline review, and start from that team.', stages: [], objections: [], industries: [], productIds: ['demo-product-sales-seat'], votes: 2 },
    { text: 'In aerospace and healthcare, ask at the proposal who signs off on compliance. Their review takes weeks: start it now.', stages: ['proposal'], objections: [], industries: ['Aerospace', 'Healthcare'], votes: 1 },
    { text: 'The ROI sheet answers "too expensive" in two minutes: https://en.wikipedia.org/wiki/Return_on_investment (our sheet is in the team folder).', stages: ['proposal', 'negotiation'], objections: ['Too expensive'], industries: [] },
  ];
  return texts.map(({ productIds, votes, ...tip }, index) => {
    const author = reps[index % Math.max(reps.length, 1)] ?? members[0];
    const createdAt = new Date(nowMs - (index + 1) * 6 * DAY).toISOString();
    const voters = reps.filter((rep) => rep.id !== author?.id).slice(0, votes ?? Math.max(0, 4 - index)).map((rep) => rep.id);
    return {
      ...settingFields(tenantId, `demo-tip-${index + 1}`, createdAt),
      createdBy: author?.id ?? DEMO_USER_ID,
      updatedBy: author?.id ?? DEMO_USER_ID,
      ownerId: author?.id ?? DEMO_USER_ID,
      ...tip,
      productIds: productIds ?? [],
      upvotedBy: voters,
      ...(index === 0 && manager ? { pinnedAt: createdAt, pinnedBy: manager.id } : {}),
    };
  });
}

/** The demo's reporting currency, EUR, and a rate per month of the last year for USD, GBP and BRL (moving a little, as rates do). */
function demoSettings(tenantId: string, fromMs: number, nowMs: number): TenantSettingsRecord {
  const euros: Record<string, number> = { USD: 0.92, GBP: 1.17, BRL: 0.17 };
  const exchangeRates: TenantSettingsRecord['exchangeRates'] = [];
  const first = new Date(fromMs);
  const months = (new Date(nowMs).getUTCFullYear() - first.getUTCFullYear()) * 12 + new Date(nowMs).getUTCMonth() - first.getUTCMonth();
  for (let index = 0; index <= months; index++) {
    const month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + index, 1)).toISOString().slice(0, 7);
    for (const [currency, base] of Object.entries(euros)) {
      exchangeRates.push({ currency, month, rate: (base * (1 + ((index % 5) - 2) / 100)).toFixed(4) });
    }
  }
  return { ...settingFields(tenantId, TENANT_SETTINGS_ID, new Date(fromMs).toISOString()), reportingCurrency: 'EUR', exchangeRates, quotes: demoQuoteSettings, surveys: { ...defaultSurveySettings, csatOnClose: true } };
}

/**
 * The stages a demo deal went through, evenly spaced from its creation to its close (or to now): an open deal every
 * open stage up to its own, a closed one some open stages, then its outcome. No random draws, so the demo is unchanged.
 */
function demoStageHistory(index: number, stageId: string, closed: boolean, fromMs: number, toMs: number): { stage: string; enteredAt: string }[] {
  const open = defaultPipeline.stages.filter((stage) => stage.kind === 'open').map((stage) => stage.id);
  const path = closed ? [...open.slice(0, 1 + (index % open.length)), stageId] : open.slice(0, open.indexOf(stageId) + 1);
  // A closed deal enters its outcome when it closes; the open stages share the time before.
  const steps = closed ? path.length - 1 : path.length;
  return path.map((stage, step) => ({ stage, enteredAt: new Date(closed && step === path.length - 1 ? toMs : fromMs + Math.round(((toMs - fromMs) * step) / Math.max(1, steps))).toISOString() }));
}

const LEAD_CAMPAIGNS = ['Spring webinar', 'Trade fair Milano', 'Partner referral', 'Newsletter'];

/** Leads of the last 12 months: sources, campaigns and statuses in the proportions a sales team sees. */
function demoLeads(random: SeededRandom, options: { tenantId: string; count: number; nowMs: number; ownerIds: string[] }): Lead[] {
  const leads: Lead[] = [];
  for (let i = 0; i < options.count; i++) {
    const createdAt = new Date(options.nowMs - random.int(1, 360) * DAY).toISOString();
    const ownerId = random.pick(options.ownerIds.length > 0 ? options.ownerIds : [DEMO_USER_ID]);
    const firstName = random.pick(firstNames);
    const lastName = random.pick(lastNames);
    const source = random.weighted([['web-form', 4], ['campaign', 3], ['email', 2], ['import', 2], ['manual', 1], ['call', 1]] as const);
    const status = random.weighted([['new', 2], ['assigned', 3], ['in-process', 3], ['converted', 3], ['recycled', 1], ['dead', 2]] as const);
    const lead: Lead = {
      tenantId: options.tenantId,
      id: `demo-lead-${String(i + 1).padStart(4, '0')}`,
      createdAt,
      createdBy: ownerId,
      updatedAt: createdAt,
      updatedBy: ownerId,
      ownerId,
      version: 1,
      firstName,
      lastName,
      companyName: `${random.pick(companyNames)} ${random.pick(['Ltd', 'Group', 'Labs', 'Partners'])}`,
      email: `${asciiOf(firstName)}.${asciiOf(lastName)}${i + 1}@prospect-mail.example`,
      source,
      status,
    };
    if (source === 'campaign' || source === 'web-form') {
      lead.campaign = random.pick(LEAD_CAMPAIGNS);
      lead.campaignId = campaignIdForName(lead.campaign);
    }
    leads.push(lead);
  }
  return leads;
}

// What the demo's won deals sold, by the deal's place in the list (no draws: the rest of the demo stays as it was): a
// kind of seat, and a service with some of them; a discount of 0 to 20 % on the seats.
const WON_MIXES = [
  { seat: 'sales-seat', service: null },
  { seat: 'service-seat', service: 'onboarding' },
  { seat: 'sales-seat', service: 'premium-support' },
] as const;

/**
 * A won deal's lines from the catalog in its currency: as many seats as bring the lines near the amount typed for it
 * (one at least), and a service with some. The amount stays as typed (by hand).
 */
function withWonLines(deal: Deal, products: readonly Product[], index: number): Deal {
  const price = (slug: string) => products.find((product) => product.id.startsWith(`demo-product-${slug}`) && product.currency === deal.currency);
  const mix = WON_MIXES[index % WON_MIXES.length] ?? WON_MIXES[0];
  const seat = price(mix.seat);
  const service = mix.service ? price(mix.service) : undefined;
  if (!seat) return deal;
  const discountPercent = (index % 5) * 5;
  const perSeat = (seat.unitPrice * (100 - discountPercent)) / 100;
  const seats = Math.max(1, Math.round(((deal.amount ?? 0) - (service?.unitPrice ?? 0)) / perSeat));
  const lineItems: LineItem[] = [{ productId: seat.id, quantity: seats, unitPrice: seat.unitPrice, discountPercent }];
  if (service) lineItems.push({ productId: service.id, quantity: 1, unitPrice: service.unitPrice, discountPercent: 0 });
  return { ...deal, lineItems };
}

/** The system fields of a record the demo user set up a year ago (members, products). */
function settingFields(tenantId: string, id: string, createdAt: string) {
  return { tenantId, id, createdAt, createdBy: DEMO_USER_ID, updatedAt: createdAt, updatedBy: DEMO_USER_ID, ownerId: DEMO_USER_ID, version: 1 };
}

/** What the demo company sells: seats by the year and the services around them, priced in each currency its customers pay in. */
function demoProducts(tenantId: string, createdAt: string): Product[] {
  const catalog: [slug: string, name: string, series: string, usd: number][] = [
    ['sales-seat', 'Sales seat (annual)', 'Seats', 588],
    ['service-seat', 'Service seat (annual)', 'Seats', 468],
    ['onboarding', 'Onboarding package', 'Services', 2_500],
    ['premium-support', 'Premium support (annual)', 'Services', 4_800],
    ['data-migration', 'Data migration', 'Services', 3_200],
    ['training-day', 'Training day', 'Services', 1_450],
  ];
  // List prices per currency, rounded to whole units as price lists are.
  const rates: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79, BRL: 5 };
  return Object.entries(rates).flatMap(([currency, rate]) =>
    catalog.map(([slug, name, series, usd]) => ({
      ...settingFields(tenantId, currency === 'USD' ? `demo-product-${slug}` : `demo-product-${slug}-${currency.toLowerCase()}`, createdAt),
      name,
      series,
      code: `${slug.toUpperCase()}-${currency}`,
      unitPrice: Math.round(usd * rate),
      currency,
      active: true,
    })),
  );
}

function demoMembers(tenantId: string, createdAt: string): Member[] {
  const member = (id: string, displayName: string, email: string, role: Member['role'], extra: Partial<Member> = {}): Member => ({
    ...settingFields(tenantId, id, createdAt),
    displayName,
    email,
    role,
    ...extra,
  });
  const managerId = 'c0ffee00-0000-4000-8000-0000000000b1';
  return [
    // The demo user gets the morning digest: their time zone comes from the pane at their first sign-in.
    member(DEMO_USER_ID, 'Avery Quinn', DEMO_USER_EMAIL, 'rep', { team: 'West', managerId, office: 'Seattle', language: 'en', dailyDigest: true }),
    member(managerId, 'Morgan Blake', 'morgan.blake@rapport-demo.com', 'manager', { team: 'West', office: 'Seattle', language: 'en', timeZone: 'America/Los_Angeles', dailyDigest: true }),
    member('c0ffee00-0000-4000-8000-0000000000a2', 'Jordan Reyes', 'jordan.reyes@rapport-demo.com', 'rep', { team: 'West', managerId, office: 'Seattle' }),
    member('c0ffee00-0000-4000-8000-0000000000a3', 'Chiara Bellini', 'chiara.bellini@rapport-demo.com', 'rep', { team: 'West', managerId, office: 'Milano', language: 'it', timeZone: 'Europe/Rome', dailyDigest: true }),
    member('c0ffee00-0000-4000-8000-0000000000a4', 'Lucas Ferreira', 'lucas.ferreira@rapport-demo.com', 'rep', { team: 'West', managerId, office: 'São Paulo', language: 'pt', timeZone: 'America/Sao_Paulo', dailyDigest: true }),
    member('c0ffee00-0000-4000-8000-0000000000c1', 'Sam Patel', 'sam.patel@rapport-demo.com', 'admin', { office: 'Seattle' }),
  ];
}

function slugOf(name: string): string {
  return asciiOf(name).replace(/[^a-z0-9]+/g, '').slice(0, 30);
}

function asciiOf(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function roundToQuarterHour(ms: number): number {
  const quarter = 15 * 60 * 1000;
  return Math.round(ms / quarter) * quarter;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item)) ?? [];
    group.push(item);
    groups.set(key(item), group);
  }
  return groups;
}

/**
 * A demo case under the tenant's default service level, answered (when it was taken up) some hours after it opened:
 * from 1 to 12 by its place, so some met their first response and some did not (no draw: the rest of the demo is as it was).
 */
function withDemoServiceLevel(item: Omit<Case, 'number'>, index: number, nowMs: number): Omit<Case, 'number'> {
  const level = { ...DEFAULT_SERVICE_LEVEL };
  const answeredMs = Math.min(nowMs, Date.parse(item.openedAt) + (1 + (index % 12)) * 60 * 60 * 1000);
  const answered = item.status !== 'new' ? { respondedAt: new Date(Math.min(answeredMs, Date.parse(item.closedAt ?? new Date(nowMs).toISOString()))).toISOString() } : {};
  return { ...item, serviceLevel: level, ...serviceLevelDueTimes(item.openedAt, level), ...answered };
}
