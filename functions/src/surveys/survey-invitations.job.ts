import {
  SURVEY_CASE_CLOSED_WITHIN_DAYS,
  TENANT_SETTINGS_ID,
  defaultSurveySettings,
  contactDisplayName,
  maySurvey,
  publicSurveyPath,
  type Case,
  type Contact,
  type MemberLanguage,
  type Survey,
  type SurveySettings,
} from '@rapport/shared';
import type { AppGraph } from '../graph/app-graph';
import type { Job, JobOutcome } from '../jobs/job';
import { runQueuedMails, tryMail } from '../jobs/mail-tries';
import { SURVEYS_JOB, actorOf } from './survey-system';
import { followUpAnswer } from './survey-follow-up';
import { activeOwnerOf } from '../services/active-owner';
import { customerLanguageOf } from '../services/customer-language';
import { derivedId } from '../services/derived-ids';
import type { PublicLinks } from '../services/public-links';
import type { RecordWriter } from '../services/record-writer';
import { retryOnStale } from '../services/retry-on-stale';
import type { Store, WorkItem } from '../store/store';
import { surveyMail } from './survey-mail';

export { SURVEYS_JOB };

const PER_RUN = 100;
const RETRY_MINUTES = 5;
const MAX_TRIES = 6;

type CaseItem = { caseId: string };
type NpsItem = { nps: true; contactId: string; companyId: string; ownerId: string; runAt: string };

/** The survey a closed case asks: one per case, however often it is closed again. */
export const csatSurveyId = (caseId: string) => derivedId(caseId, 'csat');
/** The NPS one contact is sent by the run a manager started at `runAt`. */
export const npsSurveyId = (contactId: string, runAt: string) => derivedId(contactId, 'nps', runAt);

export async function surveySettingsOf(store: Store, tenantId: string): Promise<SurveySettings> {
  return (await store.get('settings', tenantId, TENANT_SETTINGS_ID))?.surveys ?? defaultSurveySettings;
}

/**
 * A case closed in this write: its customer's CSAT is queued (whether it goes is decided when the job runs, by the
 * tenant's settings and the contact's then). A case closed again later queues nothing new: its survey exists.
 */
export async function queueCaseSurvey(store: Store, item: Case, now: Date): Promise<void> {
  if (item.status !== 'closed' || item.deletedAt || !item.contactId || item.closedAt !== item.updatedAt) return;
  const at = now.toISOString();
  await store.queueWork({ job: SURVEYS_JOB, key: `${item.tenantId}|csat|${item.id}`, tenantId: item.tenantId, dueAt: at, attempts: 0, payload: { caseId: item.id } satisfies CaseItem, createdAt: at });
}

/** One contact's NPS of a manager's run, queued for the job. */
export async function queueNpsSurvey(store: Store, tenantId: string, item: Omit<NpsItem, 'nps'>, now: Date): Promise<void> {
  const at = now.toISOString();
  await store.queueWork({ job: SURVEYS_JOB, key: `${tenantId}|nps|${item.contactId}|${item.runAt}`, tenantId, dueAt: at, attempts: 0, payload: { nps: true, ...item } satisfies NpsItem, createdAt: at });
}

export type SurveyJobDependencies = {
  store: Store;
  writer: RecordWriter;
  graph: AppGraph;
  links: PublicLinks;
  /** Where customers reach the API's public pages (the link in the e-mail); unknown: surveys wait, and say why. */
  publicUrl: () => string | undefined;
};

/**
 * Every minute: the queued surveys. Each is made once (its id follows from its case, or its contact and run), given
 * its public link, and sent from the tenant's survey mailbox or its owner's own, in the customer's language. The
 * contact is marked surveyed before the mail goes, so two cases closing together send one survey.
 */
export function surveysJob(deps: SurveyJobDependencies): Job {
  return {
    name: SURVEYS_JOB,
    everyMinutes: 1,
    run: ({ at }): Promise<JobOutcome> => runQueuedMails(deps.store, { job: SURVEYS_JOB, perRun: PER_RUN, retryMinutes: RETRY_MINUTES, maxTries: MAX_TRIES, at }, (item, notes) => handle(deps, item, at, notes)),
  };
}

// An item waits this long for the API's public address, up to MAX_TRIES times, before it is let go.
const WAIT_MINUTES = 60;

async function handle(deps: SurveyJobDependencies, item: WorkItem, at: Date, notes: string[]): Promise<'sent' | 'skipped' | 'stop'> {
  const { store } = deps;
  const followUp = (item.payload as { followUp?: string }).followUp;
  if (followUp) {
    // An answer whose request stopped before what follows it: done now, once.
    const survey = await store.get('survey', item.tenantId, followUp);
    if (survey?.status === 'answered' && !survey.followedUpAt) await followUpAnswer({ store, writer: deps.writer, now: () => at }, survey);
    await store.removeWork(SURVEYS_JOB, item.key);
    return 'skipped';
  }
  const base = deps.publicUrl();
  if (!base) {
    // Nothing is made or marked until the API knows where its pages are: the item waits, and says why.
    notes.push(`${item.key}: waits: the API does not know its public address (set API_PUBLIC_URL)`);
    if (item.attempts + 1 >= MAX_TRIES) await store.removeWork(SURVEYS_JOB, item.key);
    else await store.saveWork({ ...item, attempts: item.attempts + 1, dueAt: new Date(at.getTime() + WAIT_MINUTES * 60_000).toISOString() });
    return 'skipped';
  }
  const tenantSettings = await store.get('settings', item.tenantId, TENANT_SETTINGS_ID);
  const settings = tenantSettings?.surveys ?? defaultSurveySettings;
  const found = await surveyFor(deps, item, settings, tenantSettings?.quotes?.language ?? 'en', at);
  const publicKey = 'skip' in found ? undefined : found.survey.publicKey;
  if ('skip' in found || found.survey.status !== 'queued' || !publicKey) {
    if ('skip' in found && found.skip) notes.push(`${item.key}: not sent: ${found.skip}`);
    await store.removeWork(SURVEYS_JOB, item.key);
    return 'skipped';
  }
  const { survey, mailbox } = found;
  const contact = await store.get('contact', item.tenantId, survey.contactId);
  // Said no (or merged away) since it was queued: it is not sent.
  if (!contact || contact.doNotSurvey || !survey.email) {
    await markFailed(deps.writer, survey, 'the contact asked for no surveys, or is gone', { release: false });
    await store.removeWork(SURVEYS_JOB, item.key);
    return 'skipped';
  }
  const caseRecord = survey.caseId ? await store.get('case', item.tenantId, survey.caseId) : null;
  const org = tenantSettings?.quotes?.sellerName;
  const { subject, html } = surveyMail(survey, { firstName: contact.firstName }, org, caseRecord?.subject, `${base}${publicSurveyPath(publicKey)}`);
  const to = survey.email;
  const outcome = await tryMail(store, item, at, notes, { job: SURVEYS_JOB, retryMinutes: RETRY_MINUTES, maxTries: MAX_TRIES }, () =>
    deps.graph.sendMail(item.tenantId, mailbox, { subject, body: { contentType: 'html', content: html }, toRecipients: [{ emailAddress: { address: to, name: contactDisplayName(contact) } }] }),
  );
  // Never sent: the contact was not asked, so the period does not hold them back.
  if (outcome === 'given-up') await markFailed(deps.writer, survey, 'Graph refused the e-mail', { release: true });
  if (outcome !== 'sent') return outcome === 'stop' ? 'stop' : 'skipped';
  await retryOnStale(async () => {
    const current = (await store.get('survey', survey.tenantId, survey.id)) ?? survey;
    if (current.status === 'queued') await deps.writer.change('survey', actorOf(current), current, { status: 'sent', sentAt: at.toISOString(), sentFrom: mailbox }, { origin: 'system' });
  });
  await store.removeWork(SURVEYS_JOB, item.key);
  return 'sent';
}

/**
 * The survey an item stands for, and the mailbox it goes from: the one made already (a rerun), else a new one when the
 * customer may be asked now. A reason instead when not: surveys off, the case reopened or long closed, no address, no
 * mailbox, asked lately, or said no (an empty reason: nothing worth a note).
 */
async function surveyFor(deps: SurveyJobDependencies, item: WorkItem, settings: SurveySettings, tenantLanguage: MemberLanguage, at: Date): Promise<{ survey: Survey; mailbox: string } | { skip: string }> {
  const { store } = deps;
  const payload = item.payload as CaseItem | NpsItem;
  const id = 'nps' in payload ? npsSurveyId(payload.contactId, payload.runAt) : csatSurveyId(payload.caseId);
  const now = at.toISOString();
  const made = await store.get('survey', item.tenantId, id);
  let fields: Pick<Survey, 'type' | 'contactId' | 'companyId' | 'caseId' | 'productId'> & { ownerId: string };
  if (made) {
    fields = made;
  } else if ('nps' in payload) {
    fields = { type: 'nps', contactId: payload.contactId, companyId: payload.companyId, ownerId: payload.ownerId };
  } else {
    const closed = await store.get('case', item.tenantId, payload.caseId);
    const recent = closed?.closedAt !== undefined && at.getTime() - Date.parse(closed.closedAt) <= SURVEY_CASE_CLOSED_WITHIN_DAYS * 86_400_000;
    if (!settings.csatOnClose || !closed || closed.status !== 'closed' || !recent || !closed.contactId) return { skip: '' };
    fields = { type: 'csat', contactId: closed.contactId, caseId: closed.id, ownerId: closed.ownerId, ...(closed.companyId ? { companyId: closed.companyId } : {}), ...(closed.productId ? { productId: closed.productId } : {}) };
  }
  // Whose it is: the owner, or who acts for them when they left; it goes from the tenant's mailbox, else theirs.
  const owner = await activeOwnerOf(store, item.tenantId, fields.ownerId);
  const mailbox = settings.mailbox ?? owner?.email;
  if (!owner || !mailbox) return { skip: 'no mailbox to send from: set the surveys mailbox in Settings → Surveys' };
  if (made) return { survey: made.status === 'queued' && !made.publicKey ? await withPublicLink(deps, made, settings, at) : made, mailbox };
  const contact = await store.get('contact', item.tenantId, fields.contactId);
  const email = contact?.emails[0];
  if (!contact || !email) return { skip: '' };
  // The contact is marked asked by this survey first, on the contact as it is then: a second case of theirs, or a
  // rep's "do not survey" meanwhile, makes this one give way, and a rerun of this item finds its own mark.
  const mayAsk = (candidate: Contact) => (candidate.lastSurveyId === id ? !candidate.doNotSurvey : maySurvey(candidate, settings.contactPeriodDays, now));
  const marked = await retryOnStale(async () => {
    const current = await store.get('contact', item.tenantId, contact.id);
    if (!current || !mayAsk(current)) return false;
    if (current.lastSurveyId !== id) await deps.writer.change('contact', { tenantId: item.tenantId, userId: owner.id }, current, { lastSurveyedAt: now, lastSurveyId: id }, { origin: 'system' });
    return true;
  });
  if (!marked) return { skip: '' };
  const language = await customerLanguageOf(store, item.tenantId, contact, contact.companyId, tenantLanguage);
  const { ownerId: _ownerId, ...rest } = fields;
  const created = await deps.writer.addOnce('survey', { tenantId: item.tenantId, userId: owner.id }, { ...rest, status: 'queued', language, email }, { id, origin: 'system', ownerId: owner.id });
  const survey = created ?? (await store.get('survey', item.tenantId, id));
  if (!survey) return { skip: '' };
  return { survey: survey.publicKey ? survey : await withPublicLink(deps, survey, settings, at), mailbox };
}

/** Gives a survey its public key, valid for the tenant's days (again after a stop between making it and this). */
async function withPublicLink(deps: SurveyJobDependencies, survey: Survey, settings: SurveySettings, at: Date): Promise<Survey> {
  const expiresAt = new Date(at.getTime() + settings.validDays * 86_400_000).toISOString();
  const publicKey = await deps.links.issue({ tenantId: survey.tenantId, kind: 'survey', id: survey.id, expiresAt });
  return deps.writer.change('survey', actorOf(survey), survey, { publicKey, expiresAt }, { origin: 'system' });
}

/**
 * A survey that will not go: marked failed with the reason. `release`: it was never sent, so the contact's period no
 * longer counts it (unless another survey marked them since).
 */
async function markFailed(writer: RecordWriter, survey: Survey, failure: string, options: { release: boolean }): Promise<void> {
  await retryOnStale(async () => {
    const current = (await writer.store.get('survey', survey.tenantId, survey.id)) ?? survey;
    if (current.status === 'queued') await writer.change('survey', actorOf(current), current, { status: 'failed', failure }, { origin: 'system' });
  });
  if (!options.release) return;
  await retryOnStale(async () => {
    const contact = await writer.store.get('contact', survey.tenantId, survey.contactId);
    if (contact?.lastSurveyId === survey.id) await writer.change('contact', actorOf(survey), contact, { lastSurveyedAt: null, lastSurveyId: null }, { origin: 'system' });
  });
}

