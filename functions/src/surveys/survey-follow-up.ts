import { contactDisplayName, isLowScore, type Contact, type Member, type Survey } from '@rapport/shared';
import type { RecordWriter } from '../services/record-writer';
import { retryOnStale } from '../services/retry-on-stale';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';
import { SURVEYS_JOB, actorOf } from './survey-system';
import { teamWords } from './survey-words';

// Members read to find a rep's manager when the rep names none: a tenant's members, up to this many.
const MAX_MEMBERS = 1_000;
// A contact merged into one merged into another since: followed this far.
const MAX_MERGE_HOPS = 5;
// What follows an answer is done by the answer's request; the job does it this much later when the request did not.
const FOLLOW_UP_AFTER_MINUTES = 2;

export type FollowUpDependencies = { store: Store; writer: RecordWriter; now: () => Date };

/** Queues the follow-up of an answer for the surveys job: it does it only if the answer's own request did not. */
export async function queueFollowUp(store: Store, survey: Survey, now: Date): Promise<void> {
  const at = now.toISOString();
  const due = new Date(now.getTime() + FOLLOW_UP_AFTER_MINUTES * 60_000).toISOString();
  await store.queueWork({ job: SURVEYS_JOB, key: `${survey.tenantId}|followup|${survey.id}`, tenantId: survey.tenantId, dueAt: due, attempts: 0, payload: { followUp: survey.id }, createdAt: at });
}

/** The contact a survey asked, or the one it was merged into since (a deleted contact says where it went). */
export async function contactNow(store: Store, tenantId: string, contactId: string): Promise<Contact | null> {
  let id = contactId;
  for (let hops = 0; hops < MAX_MERGE_HOPS; hops++) {
    const contact = await store.get('contact', tenantId, id);
    if (contact) return contact;
    const merged = await store.getDeleted('contact', tenantId, id);
    if (!merged?.mergedIntoId) return null;
    id = merged.mergedIntoId;
  }
  return null;
}

/**
 * What follows an answer, each step once (ids derived from the survey): the contact's latest score, a note on the
 * timelines in the owner's language, and a low score's task for the owner's manager; then the survey notes it was done.
 */
/** What follows an answer, each step once (ids derived from the survey), then the survey notes it was done. */
export async function followUpAnswer(deps: FollowUpDependencies, survey: Survey): Promise<Survey> {
const { store, writer } = deps;
  const actor = actorOf(survey);
  const score = survey.score ?? 0;
  const at = survey.answeredAt ?? deps.now().toISOString();
  const contact = await retryOnStale(async () => {
    const current = await contactNow(store, survey.tenantId, survey.contactId);
    if (!current || (current.satisfaction && current.satisfaction.at >= at)) return current;
    return writer.change('contact', actor, current, { satisfaction: { type: survey.type, score, at, surveyId: survey.id } }, { origin: 'system' });
  });
  const [owner, caseRecord, company] = await Promise.all([
    store.get('member', survey.tenantId, survey.ownerId),
    survey.caseId ? store.get('case', survey.tenantId, survey.caseId) : null,
    survey.companyId ? store.get('company', survey.tenantId, survey.companyId) : null,
  ]);
  const words = teamWords(owner?.language ?? 'en');
  const links = { contactIds: contact ? [contact.id] : [], ...(company ? { companyId: company.id } : {}), ...(caseRecord ? { caseId: caseRecord.id } : {}), participants: [] };
  const summary = words.summary(survey.type, score, survey.comment, caseRecord?.subject);
  await writer.addOnce('activity', actor, { kind: 'note', subject: words.note(survey.type, score), summary, at, status: 'done', ...links }, { id: `${survey.id}-answer`, origin: 'system' });
  if (isLowScore(survey.type, score)) {
    const manager = await managerOf(store, survey.tenantId, owner);
    const name = contact ? contactDisplayName(contact) : '';
    const managerWords = teamWords(manager?.language ?? owner?.language ?? 'en');
    await writer.addOnce(
      'activity',
      { tenantId: survey.tenantId, userId: manager?.id ?? survey.ownerId },
      { kind: 'task', subject: managerWords.lowScoreTask(name, survey.type, score), summary: managerWords.summary(survey.type, score, survey.comment, caseRecord?.subject), at, status: 'planned', priority: 'high', ...links },
      { id: `${survey.id}-low-score`, origin: 'system', ownerId: manager?.id ?? survey.ownerId },
    );
  }
  return retryOnStale(async () => {
    const current = (await store.get('survey', survey.tenantId, survey.id)) ?? survey;
    if (current.followedUpAt) return current;
    return writer.change('survey', actorOf(current), current, { followedUpAt: deps.now().toISOString() }, { origin: 'system' });
  });
}

/**
 * The rep's manager: the member they name, else a manager of their team, else any manager, else an admin; the rep
 * themself when the tenant has none active.
 */
async function managerOf(store: Store, tenantId: string, owner: Member | null): Promise<Member | null> {
  if (!owner) return null;
  const named = owner.managerId ? await store.get('member', tenantId, owner.managerId) : null;
  if (named && !named.deactivated) return named;
  const { items } = await listUpTo(store, 'member', tenantId, {}, MAX_MEMBERS);
  const active = items.filter((member) => !member.deactivated && member.id !== owner.id);
  return (
    active.find((member) => member.role === 'manager' && owner.team !== undefined && member.team === owner.team) ??
    active.find((member) => member.role === 'manager') ??
    active.find((member) => member.role === 'admin') ??
    owner
  );
}
