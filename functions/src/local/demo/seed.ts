import type { DocumentService } from '../../documents/documents.service';
import { seedDemoDocuments } from './demo-documents';
import { demoExpenses, seedDemoReceipts } from './demo-expenses';
import { demoActivityPlans, demoGoals } from './demo-goals';
import { demoCommissionPlans } from './demo-commissions';
import type { Case, RecordKind } from '@rapport/shared';
import { RecordWriter } from '../../services/record-writer';
import type { RecordOf, Store } from '../../store/store';
import { followDigestSubscription } from '../../digest/digest-subscriptions';
import { DEMO_TENANT_ID, DEMO_USER_EMAIL, generateDemoData, type DemoSize } from './demo-data';
import { demoBookedAppointment } from './demo-inbox';
import { demoLeadStory } from './demo-lead';
import { seedDemoKnowledge } from './demo-knowledge';
import { demoSurveys, keepLatestSatisfaction } from './demo-surveys';
import { seedDemoContracts, seedDemoQuotes } from './demo-quotes';
import { seedDemoLinks } from './demo-campaigns';

export type SeedResult = { tenantId: string; userId: string; userEmail: string; created: boolean; counts: Record<string, number> };

/**
 * Seeds the demo tenant on first start. The demo user's member record is written last and
 * marks a finished seed; an interrupted one resumes, since the data is the same each time
 * for the same day and only missing records are written.
 */
/** `documents`: where the demo's files go (a proposal and a photo); left out, the demo has records only. */
export async function seedDemoTenant(store: Store, options: { now?: Date; size?: DemoSize; tenantId?: string; documents?: DocumentService } = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const data = generateDemoData({ now: startOfDay(now), ...(options.size ? { size: options.size } : {}), ...(options.tenantId ? { tenantId: options.tenantId } : {}) });
  const result = { tenantId: data.tenantId, userId: data.userId, userEmail: DEMO_USER_EMAIL, created: false, counts: {} as Record<string, number> };
  if (await store.get('member', data.tenantId, data.userId)) return result;
  // The demo's records are made whole, with their history (past stages, logged calls), and stored as they are.
  const writer = new RecordWriter({ store, now: () => now });

  const writeMissing = async <K extends RecordKind>(kind: K, records: RecordOf[K][]) => {
    const existing = new Set<string>();
    for (let i = 0; i < records.length; i += 500) {
      const ids = records.slice(i, i + 500).map((record) => record.id);
      for (const found of await store.getMany(kind, data.tenantId, ids)) existing.add(found.id);
    }
    const missing = records.filter((record) => !existing.has(record.id));
    await writer.addMany(kind, missing);
    result.counts[kind] = records.length;
  };
  await writeMissing('settings', [data.settings]);
  await writeMissing('product', data.products);
  await writeMissing('company', data.companies);
  await writeMissing('contact', data.contacts);
  await writeMissing('deal', data.deals);
  await writeMissing('campaign', data.campaigns);
  await writeMissing('lead', data.leads);
  await writeMissing('tip', data.tips);
  await writeMissing('template', data.templates);
  await writeMissing('goal', data.tenantId === DEMO_TENANT_ID ? demoGoals(data, now) : []);
  await writeMissing('activityPlan', data.tenantId === DEMO_TENANT_ID ? demoActivityPlans(data, now) : []);
  await writeMissing('commissionPlan', data.tenantId === DEMO_TENANT_ID ? demoCommissionPlans(data, now) : []);
  // The demo tenant also holds the appointment its inbox's organized meeting was booked as, and the history of the lead
  // its inbox has an e-mail from.
  const booked = data.tenantId === DEMO_TENANT_ID ? demoBookedAppointment(now) : null;
  const leadStory = data.tenantId === DEMO_TENANT_ID ? (demoLeadStory(data, now)?.activities ?? []) : [];
  await writeMissing('activity', [...data.activities, ...(booked ? [booked] : []), ...leadStory]);
  // Case numbers come from the tenant's sequence, so cases created later continue it.
  const existingCases = new Set((await store.getMany('case', data.tenantId, data.cases.map((c) => c.id))).map((c) => c.id));
  const numbered: Case[] = [];
  for (const serviceCase of data.cases) {
    if (!existingCases.has(serviceCase.id)) numbered.push({ ...serviceCase, number: await store.nextSequence(data.tenantId, 'case') });
  }
  await writer.addMany('case', numbered);
  result.counts.case = data.cases.length;
  // Expenses after the deals and companies they are for; their receipt after them.
  const expenses = data.tenantId === DEMO_TENANT_ID ? demoExpenses(data, now) : [];
  await writeMissing('expense', expenses);
  if (options.documents) result.counts.document = (await seedDemoDocuments(options.documents, data, now)) + (await seedDemoReceipts(options.documents, data, expenses));
  // A quote the demo user sent on their deal, made from its lines with the tenant's quote settings.
  result.counts.quote = data.tenantId === DEMO_TENANT_ID ? await seedDemoQuotes(store, data, now) : 0;
  // The inbox customer's service contract: the cover on their card and cases, a renewal coming due.
  result.counts.contract = data.tenantId === DEMO_TENANT_ID ? await seedDemoContracts(store, data, now) : 0;
  // The knowledge base reps answer from: published articles about the catalog's products, some translated.
  result.counts.article = data.tenantId === DEMO_TENANT_ID ? await seedDemoKnowledge(store, data, now) : 0;
  // The running campaigns' tracked links, which a rep inserts into an e-mail, and the clicks they had.
  result.counts.link = data.tenantId === DEMO_TENANT_ID ? await seedDemoLinks(store, writer, data.tenantId, data.members.find((member) => member.role === 'admin')?.id ?? data.userId, now.getTime()) : 0;
  // What the customers of the closed cases answered, and a few NPS answers: the card's latest score, the reports.
  const surveys = data.tenantId === DEMO_TENANT_ID ? demoSurveys(data, now) : [];
  await writeMissing('survey', surveys);
  await keepLatestSatisfaction(store, data.tenantId, surveys, now);
  const [user, ...others] = [...data.members].sort((a, b) => (a.id === data.userId ? -1 : b.id === data.userId ? 1 : 0));
  await writeMissing('member', others);
  // Those who opted in get the morning digest from tomorrow (the demo user's is written with their record, last).
  for (const member of others) await followDigestSubscription(store, member, now);
  if (user) await followDigestSubscription(store, user, now);
  if (user) await writer.addMany('member', [user]);
  result.counts.member = data.members.length;
  result.created = true;
  return result;
}

// The demo is generated for the start of the day, so a resumed seed on the same day writes the same records.
function startOfDay(date: Date): Date {
  const day = new Date(date);
  day.setUTCHours(0, 0, 0, 0);
  return day;
}
