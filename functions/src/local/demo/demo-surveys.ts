import { isLowScore, type Survey } from '@rapport/shared';
import { RecordWriter } from '../../services/record-writer';
import type { Store } from '../../store/store';
import type { DemoData } from './demo-data';

// The demo's satisfaction: the customers of the demo's closed cases answered their CSAT survey a day after (mostly
// satisfied, a few not), and a handful of contacts answered NPS, so the card shows a latest score and the dashboard's
// satisfaction reports have months to show. Made as the surveys job and the survey page make them: answered surveys,
// and each contact's latest score on their record.

const DAY = 24 * 60 * 60 * 1000;
const CSAT_SCORES = [5, 4, 5, 3, 4, 5, 2, 4, 5, 4, 1, 5, 4, 3, 5];
const NPS_SCORES = [10, 9, 7, 3, 8, 9, 6, 10];

/** The demo's answered surveys: one per closed case's customer, and NPS from a few contacts. */
export function demoSurveys(data: Pick<DemoData, 'tenantId' | 'cases' | 'contacts'>, now: Date): Survey[] {
  const surveys: Survey[] = [];
  const closed = data.cases.filter((item) => item.status === 'closed' && item.closedAt && item.contactId);
  closed.forEach((item, index) => {
    const answeredMs = Math.min(now.getTime() - DAY, Date.parse(item.closedAt!) + DAY);
    surveys.push(answered(data.tenantId, `demo-survey-csat-${index}`, 'csat', CSAT_SCORES[index % CSAT_SCORES.length]!, answeredMs, {
      contactId: item.contactId!,
      ownerId: item.ownerId,
      caseId: item.id,
      ...(item.companyId ? { companyId: item.companyId } : {}),
    }));
  });
  const promoters = data.contacts.filter((contact) => contact.companyId && contact.emails.length > 0).slice(0, NPS_SCORES.length);
  promoters.forEach((contact, index) => {
    surveys.push(answered(data.tenantId, `demo-survey-nps-${index}`, 'nps', NPS_SCORES[index]!, now.getTime() - (5 + index * 23) * DAY, { contactId: contact.id, ownerId: contact.ownerId, ...(contact.companyId ? { companyId: contact.companyId } : {}) }));
  });
  return surveys;
}

/** Each contact's latest answer on their record, as the survey page keeps it (once: a contact with one keeps it). */
export async function keepLatestSatisfaction(store: Store, tenantId: string, surveys: readonly Survey[], now: Date): Promise<void> {
  const writer = new RecordWriter({ store, now: () => now });
  const latest = new Map<string, Survey>();
  for (const survey of surveys) if ((latest.get(survey.contactId)?.answeredAt ?? '') < survey.answeredAt!) latest.set(survey.contactId, survey);
  for (const [contactId, survey] of latest) {
    const contact = await store.get('contact', tenantId, contactId);
    if (!contact || contact.satisfaction) continue;
    await writer.change('contact', { tenantId, userId: survey.ownerId }, contact, { satisfaction: { type: survey.type, score: survey.score!, at: survey.answeredAt!, surveyId: survey.id }, lastSurveyedAt: survey.sentAt! }, { origin: 'system' });
  }
}

function answered(tenantId: string, id: string, type: Survey['type'], score: number, answeredMs: number, about: Pick<Survey, 'contactId' | 'ownerId' | 'caseId' | 'companyId'>): Survey {
  const sentAt = new Date(answeredMs - 3 * 60 * 60 * 1000).toISOString();
  const at = new Date(answeredMs).toISOString();
  return {
    tenantId,
    id,
    createdAt: sentAt,
    createdBy: about.ownerId,
    updatedAt: at,
    updatedBy: about.ownerId,
    version: 3,
    ...about,
    type,
    status: 'answered',
    language: 'en',
    sentAt,
    expiresAt: new Date(answeredMs + 14 * DAY).toISOString(),
    score,
    ...(isLowScore(type, score) && score <= 1 ? { comment: 'Nobody called back for a week.' } : {}),
    answeredAt: at,
    followedUpAt: at,
  };
}
