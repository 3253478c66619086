import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ActivitySchema,
  CaseSchema,
  CommissionPlanSchema,
  CompanySchema,
  ContactSchema,
  DealSchema,
  LeadSchema,
  MemberSchema,
  activityKinds,
  defaultPipeline,
  emailDomain,
  isPhoneNumber,
  TemplateSchema,
  TipSchema,
  fieldsUsed,
  variantProblem,
  defaultDocumentLimits,
  ExpenseSchema,
  QuoteSchema,
  QuoteSettingsSchema,
  quoteReference,
  quoteTotals,
} from '@rapport/shared';
import { DEMO_TENANT_ID, DEMO_USER_ID, generateDemoData } from '../../functions/src/local/demo/demo-data';
import { buildDemoInbox } from '../../functions/src/local/demo/demo-inbox';
import { demoInboxDeal, demoQuotedDeal } from '../../functions/src/local/demo/demo-quotes';
import { seedDemoLinks } from '../../functions/src/local/demo/demo-campaigns';
import { RecordWriter } from '../../functions/src/services/record-writer';
import { seedDemoTenant } from '../../functions/src/local/demo/seed';
import { SqliteStore } from '../../functions/src/store/sqlite/sqlite-store';
import { DocumentService } from '../../functions/src/documents/documents.service';
import { directoryFileStore } from '../../functions/src/files/directory-file-store';
import { gradientPng, onePagePdf } from '../../functions/src/local/demo/demo-documents';
import { RecordService } from '../../functions/src/services/records.service';
import { KnowledgeService } from '../../functions/src/knowledge/knowledge.service';
import { TipsService } from '../../functions/src/services/tips.service';
import { DEMO_INVOICE_ARTICLE, demoArticleId } from '../../functions/src/local/demo/demo-knowledge';

const now = new Date('2026-11-23T00:00:00Z');

describe('the demo generator', () => {
  const data = generateDemoData({ now });

  it('makes the tenant the issue describes', () => {
    expect(data.companies).toHaveLength(50);
    expect(data.contacts).toHaveLength(300);
    expect(data.activities).toHaveLength(2_000);
    expect(data.cases.length).toBeGreaterThanOrEqual(20);
    expect(new Set(data.activities.map((activity) => activity.kind))).toEqual(new Set(activityKinds));
    expect(new Set(data.deals.map((deal) => deal.stage))).toEqual(new Set(defaultPipeline.stages.map((stage) => stage.id)));
  });

  it('makes only records that pass their schemas', () => {
    for (const company of data.companies) CompanySchema.parse(company);
    for (const contact of data.contacts) ContactSchema.parse(contact);
    for (const deal of data.deals) DealSchema.parse(deal);
    for (const activity of data.activities) ActivitySchema.parse(activity);
    for (const serviceCase of data.cases) CaseSchema.parse({ ...serviceCase, number: 1 });
    for (const member of data.members) MemberSchema.parse(member);
    for (const lead of data.leads) LeadSchema.parse(lead);
    for (const tip of data.tips) TipSchema.parse(tip);
    // The tips board has upvoted tips, one pinned by a manager.
    expect(data.tips.length).toBeGreaterThanOrEqual(3);
    expect(data.tips.filter((tip) => tip.pinnedBy).map((tip) => data.members.find((member) => member.id === tip.pinnedBy)?.role)).toEqual(['manager']);
    expect(data.tips.some((tip) => tip.upvotedBy.length > 1)).toBe(true);
    for (const template of data.templates) TemplateSchema.parse(template);
    // Leads come from several sources and campaigns, some converted: the lead reports have something to show.
    expect(new Set(data.leads.map((lead) => lead.source)).size).toBeGreaterThanOrEqual(4);
    expect(data.leads.some((lead) => lead.status === 'converted') && data.leads.some((lead) => lead.campaign)).toBe(true);
    // Deals carry the stages they went through, ending in their own.
    for (const deal of data.deals) expect(deal.stageHistory?.at(-1)?.stage).toBe(deal.stage);
  });

  it("gives each contact an address at its company's domain, unique in the tenant", () => {
    const domains = new Map(data.companies.map((company) => [company.id, company.domains[0]]));
    for (const contact of data.contacts) expect(emailDomain(contact.emails[0]!)).toBe(domains.get(contact.companyId!));
    const all = data.contacts.map((contact) => contact.emails[0]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('writes phone numbers in varied formats, all of them valid', () => {
    const numbers = data.contacts.flatMap((contact) => contact.phones.map((phone) => phone.number));
    expect(numbers.every(isPhoneNumber)).toBe(true);
    const shapes = new Set(numbers.map((number) => number.replace(/\d/g, '9')));
    expect(shapes.size).toBeGreaterThan(10);
  });

  it('spreads activities over the past year and the coming weeks, with outcomes on past meetings', () => {
    const times = data.activities.map((activity) => Date.parse(activity.at));
    const day = 24 * 3600 * 1000;
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 366 * day);
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime() + 29 * day);
    expect(data.activities.some((activity) => activity.status === 'planned' && Date.parse(activity.at) > now.getTime())).toBe(true);
    const pastMeetings = data.activities.filter((activity) => activity.kind === 'meeting' && activity.status === 'done');
    expect(pastMeetings.every((meeting) => meeting.outcome !== undefined)).toBe(true);
  });

  it("has three of the team's e-mail templates in four languages, one with free times, and one of the demo user's own", () => {
    const shared = data.templates.filter((template) => template.shared);
    expect(shared).toHaveLength(3);
    for (const template of shared) expect(template.variants.map((variant) => variant.language).sort()).toEqual(['en', 'es', 'it', 'pt']);
    expect(shared.map((template) => data.members.find((member) => member.id === template.ownerId)?.role)).toEqual(['manager', 'manager', 'manager']);
    expect(shared.filter((template) => template.variants.every((variant) => fieldsUsed(variant).includes('freeTimes')))).toHaveLength(1);
    expect(data.templates.filter((template) => !template.shared).map((template) => template.ownerId)).toEqual([DEMO_USER_ID]);
    // Every placeholder is one the API accepts.
    expect(data.templates.flatMap((template) => template.variants.map(variantProblem)).filter(Boolean)).toEqual([]);
  });

  it("gives the demo company quote settings, and catalog lines to the inbox customer's open deal and the demo user's first", () => {
    expect(QuoteSettingsSchema.parse(data.settings.quotes)).toEqual({
      sellerName: 'Rapport Demo Ltd',
      sellerAddress: '1 Example Square\nLondon EC1A 1AA\nUnited Kingdom',
      taxRates: [
        { name: 'VAT 20%', percent: 20 },
        { name: 'Reduced 5%', percent: 5 },
      ],
      defaultTaxPercent: 20,
      validityDays: 30,
      paymentTerms: 'Payment within 30 days of the invoice date, by bank transfer.',
      language: 'en',
    });
    // The pane's e2e makes a quote from the inbox's "A customer with an open deal": its sender's deal has catalog lines.
    const email = buildDemoInbox(now).items.find((item) => item.scenario === 'A customer with an open deal')!;
    const sender = data.contacts.find((contact) => contact.emails.includes(email.from!.email))!;
    const inboxDeal = data.deals.find((deal) => deal.status === 'open' && deal.contactIds[0] === sender.id && email.subject === `Re: ${deal.name}`)!;
    const quotedDeal = demoQuotedDeal(data)!;
    expect(inboxDeal.id).not.toBe(quotedDeal.id);
    for (const deal of [inboxDeal, quotedDeal]) {
      expect(deal.lineItems.map((line) => data.products.find((product) => product.id === line.productId)?.name)).toEqual(['Sales seat (annual)', 'Onboarding package', 'Training day']);
      for (const line of deal.lineItems) expect(data.products.find((product) => product.id === line.productId)).toMatchObject({ currency: deal.currency, unitPrice: line.unitPrice });
      // The amount stays as typed; the lines come near it.
      expect(deal.amountSetByHand).toBe(true);
      const linesTotal = deal.lineItems.reduce((sum, line) => sum + line.quantity * line.unitPrice * (1 - line.discountPercent / 100), 0);
      expect(Math.abs(linesTotal - deal.amount!) / deal.amount!).toBeLessThan(0.1);
    }
    // Only those two open deals have lines: the rest of the pipeline is as it was.
    expect(data.deals.filter((deal) => deal.status !== 'won' && deal.lineItems.length > 0).map((deal) => deal.id).sort()).toEqual([inboxDeal.id, quotedDeal.id].sort());
  });

  it('gives won deals catalog lines in their currency, some discounted, and their company’s segment', () => {
    const won = data.deals.filter((deal) => deal.status === 'won');
    expect(won.length).toBeGreaterThan(10);
    for (const deal of won) {
      expect(deal.lineItems.length).toBeGreaterThan(0);
      for (const line of deal.lineItems) expect(data.products.find((product) => product.id === line.productId)).toMatchObject({ currency: deal.currency, unitPrice: line.unitPrice });
      const company = data.companies.find((candidate) => candidate.id === deal.companyId)!;
      expect(deal.companySegment).toEqual({ industry: company.industry, country: company.address?.country, region: company.address?.region, employees: company.employees, type: company.type });
    }
    expect(new Set(won.flatMap((deal) => deal.lineItems.map((line) => line.discountPercent))).size).toBeGreaterThan(1);
    // The companies have what the segments are read from.
    for (const company of data.companies) expect([company.industry, company.address?.country, company.address?.region, company.employees]).not.toContain(undefined);
  });

  it('is the same on every machine for the same seed and day', () => {
    expect(generateDemoData({ now })).toEqual(data);
  });
});

describe('seeding the demo tenant', () => {
  it("gives the demo user's first open deal a proposal (a PDF) and its company a photo (a PNG), real files the checks accept", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-seed-documents-'));
    const store = SqliteStore.open(path.join(dir, 'rapport.db'));
    const records = new RecordService({ store, now: () => now });
    const documents = new DocumentService({ store, records, files: directoryFileStore(path.join(dir, 'files')), limitsOf: async () => defaultDocumentLimits });
    const seeded = await seedDemoTenant(store, { now, documents });
    // The proposal, the photo, and the receipt of the demo user's train ticket (an expense's).
    expect(seeded.counts.document).toBe(3);
    const deal = generateDemoData({ now }).deals.find((candidate) => candidate.ownerId === DEMO_USER_ID && candidate.status === 'open' && candidate.companyId)!;
    const onDeal = await store.list('document', DEMO_TENANT_ID, { linkedTo: { kind: 'deal', id: deal.id }, limit: 10 });
    expect(onDeal.items.map((document) => [document.name, document.contentType])).toEqual([[`Proposal – ${deal.name}.pdf`, 'application/pdf']]);
    const onCompany = await store.list('document', DEMO_TENANT_ID, { linkedTo: { kind: 'company', id: deal.companyId! }, limit: 10 });
    expect(onCompany.items.map((document) => document.contentType).sort()).toEqual(['application/pdf', 'image/png']);
    // The PDF's cross-reference table is where its trailer says, each object where the table says.
    const pdf = onePagePdf(['Proposal: Łódź', 'For Győr']).toString('latin1');
    const xref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...pdf.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    offsets.forEach((offset, index) => expect(pdf.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
    expect(gradientPng(4, 2).subarray(12, 16).toString('ascii')).toBe('IHDR');
    // Expenses on the demo user's deals and a colleague's: approved, one rejected with why, some waiting for Morgan.
    const expenses = await store.list('expense', DEMO_TENANT_ID, { linkedTo: { kind: 'deal', id: deal.id }, limit: 10 });
    expect(expenses.items.map((expense) => [expense.description, expense.status]).sort()).toEqual([
      ['Dinner after the demo', 'submitted'],
      ['Lunch with their buyer and engineer', 'approved'],
      ['Train to the customer’s head office', 'approved'],
    ]);
    expect(expenses.items.filter((expense) => !ExpenseSchema.safeParse(expense).success)).toEqual([]);
    const train = expenses.items.find((expense) => expense.category === 'travel')!;
    const receipts = await store.list('document', DEMO_TENANT_ID, { linkedTo: { kind: 'expense', id: train.id }, limit: 10 });
    expect(receipts.items.map((document) => [document.name, document.contentType])).toEqual([['Train ticket.pdf', 'application/pdf']]);
    expect(seeded.counts.expense).toBe(8);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('seeds once, keeps the data across a restart, and does not seed again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-seed-'));
    const file = path.join(dir, 'rapport.db');
    const store = SqliteStore.open(file);
    const first = await seedDemoTenant(store, { now });
    expect(first).toMatchObject({ tenantId: DEMO_TENANT_ID, userId: DEMO_USER_ID, created: true });
    const rows = store.countRows('records');
    await store.close();

    const reopened = SqliteStore.open(file);
    const second = await seedDemoTenant(reopened, { now: new Date('2026-11-24T12:00:00Z') });
    expect(second.created).toBe(false);
    expect(reopened.countRows('records')).toBe(rows);
    const cases = await reopened.list('case', DEMO_TENANT_ID, { limit: 100 });
    expect(cases.items.map((serviceCase) => serviceCase.number).sort((a, b) => a - b)[0]).toBe(1);
    // A case created later continues the sequence.
    expect(await reopened.nextSequence(DEMO_TENANT_ID, 'case')).toBe(cases.items.length + 1);
    expect((await reopened.list('template', DEMO_TENANT_ID, { limit: 100 })).items.map((template) => template.name).sort()).toEqual([
      'Follow-up after a call',
      'Propose a meeting (free times)',
      'Quick check-in',
      'Thank you for your order',
    ]);
    // The manager set goals: each rep's won amount and calls this month, their quarter, calls a week, and the company's.
    const goals = (await reopened.list('goal', DEMO_TENANT_ID, { limit: 100 })).items;
    expect(goals.filter((goal) => goal.scope === 'rep' && goal.memberId === DEMO_USER_ID).map((goal) => `${goal.metric}/${goal.period}`).sort()).toEqual(['activities/month', 'activities/week', 'activities/week', 'activities/week', 'activities/week', 'wonAmount/month', 'wonAmount/quarter']);
    expect(goals.filter((goal) => goal.scope === 'tenant')).toHaveLength(2);
    // And the manager's onboarding plan.
    const plans = (await reopened.list('activityPlan', DEMO_TENANT_ID, { limit: 100 })).items;
    expect(plans.map((plan) => [plan.name, plan.steps.map((step) => `${step.kind}@${step.dayOffset}`)])).toEqual([['New customer onboarding', ['call@1', 'meeting@5', 'call@30']]]);
    // The admin set a commission plan paying every rep, the demo user too: 5 % up to the goal, 8 % beyond.
    const [plan, ...otherPlans] = (await reopened.list('commissionPlan', DEMO_TENANT_ID, { limit: 10 })).items;
    expect(otherPlans).toEqual([]);
    expect(CommissionPlanSchema.parse(plan)).toMatchObject({ name: 'Field sales', period: 'month', tiers: [{ fromPercent: 0, rate: 5 }, { fromPercent: 100, rate: 8 }] });
    expect(plan?.memberIds).toContain(DEMO_USER_ID);
    // The demo user sent a quote on their deal two days ago, made from its lines at 20 % VAT; the customer opened it.
    expect(first.counts.quote).toBe(1);
    const quotes = (await reopened.list('quote', DEMO_TENANT_ID, { limit: 10 })).items;
    expect(quotes).toHaveLength(1);
    const quote = QuoteSchema.parse(quotes[0]);
    const deal = demoQuotedDeal(generateDemoData({ now }))!;
    expect(quoteReference(quote)).toBe('Q-1');
    expect(quote).toMatchObject({ dealId: deal.id, companyId: deal.companyId, contactId: deal.contactIds[0], ownerId: DEMO_USER_ID, status: 'sent', currency: deal.currency, language: 'en', paymentTerms: 'Payment within 30 days of the invoice date, by bank transfer.' });
    expect(quote.lines.map((line) => [line.name, line.quantity, line.unitPrice, line.discountPercent, line.taxPercent])).toEqual(deal.lineItems.map((item, index) => [['Sales seat (annual)', 'Onboarding package', 'Training day'][index], item.quantity, item.unitPrice, item.discountPercent, 20]));
    // Totals are the quote rules' own, to the minor unit.
    expect(quote.totals).toEqual(quoteTotals(quote.lines, 0, quote.currency));
    expect(quote.totals.taxes).toEqual([{ percent: 20, base: quote.totals.net, tax: Math.round(quote.totals.net * 0.2) }]);
    expect(Date.parse(quote.sentAt!)).toBeLessThan(now.getTime());
    expect(quote.validUntil).toBe(new Date(Date.parse(quote.createdAt) + 30 * 86_400_000).toISOString().slice(0, 10));
    expect(Date.parse(quote.firstOpenedAt!)).toBeGreaterThan(Date.parse(quote.sentAt!));
    // Its public link opens it, and expires the day after its last valid day.
    expect(await reopened.findPublicLink(quote.publicKey!)).toMatchObject({ tenantId: DEMO_TENANT_ID, kind: 'quote', id: quote.id, expiresAt: `${new Date(Date.parse(`${quote.validUntil}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)}T00:00:00.000Z` });
    expect(await reopened.nextSequence(DEMO_TENANT_ID, 'quote')).toBe(2);
    // The inbox customer's company has Premium support in force, ending in six weeks, with a renewal queued.
    expect(first.counts.contract).toBe(1);
    const inboxDeal = demoInboxDeal(generateDemoData({ now }).deals)!;
    const contracts = (await reopened.list('contract', DEMO_TENANT_ID, { limit: 10 })).items;
    expect(contracts.map((contract) => ({ company: contract.companyId, name: contract.name, number: contract.number, level: contract.serviceLevel?.responseHours }))).toEqual([
      { company: inboxDeal.companyId, name: 'Premium support', number: 1, level: 4 },
    ]);
    expect(contracts[0]!.endDate).toBe(new Date(now.getTime() + 45 * 86_400_000).toISOString().slice(0, 10));
    // The inbox's lead writing back is an open lead with a history: a call in (with its direction), a note, a call back.
    const leadEmail = buildDemoInbox(now).items.find((item) => item.scenario === 'A lead writing back')?.from?.email;
    const lead = (await reopened.list('lead', DEMO_TENANT_ID, { limit: 100 })).items.find((candidate) => candidate.email === leadEmail);
    expect(lead?.status).not.toBe('converted');
    const history = await reopened.list('activity', DEMO_TENANT_ID, { linkedTo: { kind: 'lead', id: lead?.id ?? '' }, limit: 10 });
    expect(history.items.map((activity) => [activity.kind, activity.direction ?? null])).toEqual(
      expect.arrayContaining([['call', 'inbound'], ['note', null], ['call', 'outbound']]),
    );
    await reopened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("publishes a knowledge base whose first suggestion for the inbox's known problem is the article that answers it, in the customer's language", async () => {
    const store = SqliteStore.open(':memory:');
    const seeded = await seedDemoTenant(store, { now });
    const articles = (await store.list('article', DEMO_TENANT_ID, { limit: 100 })).items;
    expect(seeded.counts.article).toBe(articles.length);
    // Eight articles, three of them translated (into Spanish, Portuguese or Italian), every one published.
    expect(articles.filter((article) => !article.translationGroup)).toHaveLength(8);
    expect(articles.filter((article) => article.translationGroup).map((article) => `${article.translationGroup}:${article.language}`).sort()).toEqual(
      [`${DEMO_INVOICE_ARTICLE}:es`, `${DEMO_INVOICE_ARTICLE}:pt`, `${demoArticleId('sign-in')}:es`, `${demoArticleId('sign-in')}:it`, `${demoArticleId('add-in-after-update')}:pt`].sort(),
    );
    expect(articles.every((article) => article.status === 'published')).toBe(true);
    // Two have a public page, its key in the public links' index.
    const open = articles.filter((article) => article.visibility === 'public');
    expect(open.map((article) => article.id).sort()).toEqual([demoArticleId('damaged-delivery'), demoArticleId('warranty')]);
    for (const article of open) expect(await store.findPublicLink(article.publicKey!)).toMatchObject({ kind: 'article', id: article.id, tenantId: DEMO_TENANT_ID });
    // The inbox's known problem, from the customer with the open deal (Portuguese): the invoice article first, in
    // Portuguese, for their product (seats on their deal), with its other languages offered; about their one open case.
    const email = buildDemoInbox(now).items.find((item) => item.scenario === 'A customer reporting a known problem')!;
    const customer = (await store.list('contact', DEMO_TENANT_ID, { limit: 500 })).items.find((contact) => contact.emails.includes(email.from!.email))!;
    expect(customer.language).toBe('pt');
    const openCases = (await store.list('case', DEMO_TENANT_ID, { linkedTo: { kind: 'contact', id: customer.id }, limit: 50 })).items.filter((item) => ['new', 'assigned', 'pending'].includes(item.status));
    expect(openCases).toHaveLength(1);
    const principal = { tenantId: DEMO_TENANT_ID, userId: DEMO_USER_ID, roles: ['rep' as const] };
    const answer = await new KnowledgeService(store).suggest(principal, { subject: email.subject, text: email.body, contactId: customer.id, caseId: openCases[0]!.id, limit: 3 });
    expect(answer.language).toBe('pt');
    expect(answer.suggestions[0]).toMatchObject({ article: { id: demoArticleId('invoice-amount', 'pt'), language: 'pt' }, forTheirProducts: true });
    expect(answer.suggestions[0]!.translations.map((translation) => translation.language).sort()).toEqual(['en', 'es']);
    await store.close();
  });

  it("shows the team's tips on the inbox customer's open deal and on the demo user's own: by its stage, products and industry, the pinned one first", async () => {
    const store = SqliteStore.open(':memory:');
    await seedDemoTenant(store, { now });
    const data = generateDemoData({ now });
    const tips = new TipsService({ store, records: new RecordService({ store, now: () => now }) });
    const principal = { tenantId: DEMO_TENANT_ID, userId: DEMO_USER_ID, roles: ['rep' as const] };
    for (const deal of [demoInboxDeal(data.deals)!, demoQuotedDeal(data)!]) {
      const top = await tips.forDeal(principal, deal.id, 5);
      expect(top.items.length).toBeGreaterThanOrEqual(4);
      expect(top.items[0]!.tip.pinnedBy).toBeDefined();
      // Something for each of what the deal is: its stage, a product on its lines, its customer's industry.
      expect(new Set(top.items.flatMap((item) => item.matches))).toEqual(new Set(['stage', 'product', 'industry']));
    }
    await store.close();
  });

  it("gives its running campaigns tracked links a rep can insert, each opened by its code through the public links' index", async () => {
    const store = SqliteStore.open(':memory:');
    const seeded = await seedDemoTenant(store, { now });
    const links = (await store.list('link', DEMO_TENANT_ID, { limit: 100 })).items;
    expect(seeded.counts.link).toBe(3);
    expect(links.map((link) => [link.label, link.channel, link.affiliate ?? null, link.revoked]).sort()).toEqual([
      ['Newsletter: this month’s offer', 'email', null, false],
      ['Partner page banner', 'affiliate', 'Deals Hub', false],
      ['Spring fair registration', 'event', null, false],
    ]);
    for (const link of links) expect(await store.findPublicLink(link.code)).toMatchObject({ kind: 'link', id: link.id, tenantId: DEMO_TENANT_ID });
    expect(links.find((link) => link.channel === 'affiliate')?.utm).toEqual({ source: 'deals-hub', medium: 'affiliate', campaign: 'partner-referral', content: 'partner-page-banner' });
    // The clicks they had, by month, so the campaign funnel starts from clicks; a resumed seed counts none twice.
    const clicksOf = async () => {
      const cells = await store.reportCells(DEMO_TENANT_ID, 'campaign', { from: '2000-01', to: '2100-12' });
      const byLink: Record<string, number> = {};
      for (const cell of cells) {
        const label = links.find((link) => link.id === cell.dims.link)?.label;
        if (label && cell.measures.clicks) byLink[label] = (byLink[label] ?? 0) + cell.measures.clicks;
      }
      return byLink;
    };
    const clicks = { 'Newsletter: this month’s offer': 906, 'Partner page banner': 534, 'Spring fair registration': 17 };
    expect(await clicksOf()).toEqual(clicks);
    // A calendar month each, this month first: November 2026 back to June.
    const newsletter = links.find((link) => link.channel === 'email')!;
    const byMonth = (await store.reportCells(DEMO_TENANT_ID, 'campaign', { from: '2000-01', to: '2100-12' }))
      .filter((cell) => cell.dims.link === newsletter.id && cell.measures.clicks)
      .map((cell) => [cell.month, cell.measures.clicks])
      .sort(([a], [b]) => String(b).localeCompare(String(a)));
    expect(byMonth).toEqual([['2026-11', 64], ['2026-10', 181], ['2026-09', 152], ['2026-08', 207], ['2026-07', 163], ['2026-06', 139]]);
    expect(await seedDemoLinks(store, new RecordWriter({ store, now: () => now }), DEMO_TENANT_ID, 'demo-admin', now.getTime())).toBe(3);
    expect(await clicksOf()).toEqual(clicks);
    await store.close();
  });
});
