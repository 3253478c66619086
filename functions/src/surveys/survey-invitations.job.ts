import {
  SURVEY_CASE_CLOSED_WITHIN_DAYS,
  TENANT_SETTINGS_ID,
  defaultSurveySettings,
  languageOfCountry,
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
import type { Actor } from '../kinds/kind-hooks';
import { derivedId } from '../services/derived-ids';
import type { PublicLinks } from '../services/public-links';
import type { RecordWriter } from '../services/record-writer';
import { retryOnStale } from '../services/retry-on-stale';
import type { Store, WorkItem } from '../store/store';
import { surveyMail } from './survey-mail';

/** The job that sends satisfaction surveys: a CSAT when a case closes, NPS when a manager sends it to a company. */
export const SURVEYS_JOB = 'surveys';

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
    run: ({ at }): Promise<JobOutcome> => runQueuedMails(deps.store, { job: SURVEYS_JOB, perRun: PER_RUN, retryMinutes: RETRY_MINUTES, at }, (item, notes) => handle(deps, item, at, notes)),
  };
}

async function handle(deps: SurveyJobDependencies, item: WorkItem, at: Date, notes: string[]): Promise<'sent' | 'skipped' | 'stop'> {
  const { store } = deps;
  const settings = await surveySettingsOf(store, item.tenantId);
  const survey = await surveyFor(deps, item, settings, at);
  if (!survey || survey.status !== 'queued') {
    await store.removeWork(SURVEYS_JOB, item.key);
    return 'skipped';
  }
  const base = deps.publicUrl();
  const [owner, contact] = await Promise.all([store.get('member', item.tenantId, survey.ownerId), store.get('contact', item.tenantId, survey.contactId)]);
  const mailbox = settings.mailbox ?? (owner && !owner.deactivated ? owner.email : undefined);
  const failure = !base ? 'the API does not know its public address (set API_PUBLIC_URL)' : !mailbox ? 'no mailbox to send from: set the surveys mailbox in Settings → Surveys' : !survey.email ? 'the contact has no e-mail address' : null;
  if (failure || !base || !mailbox || !survey.email || !survey.publicKey) {
    notes.push(`${item.key}: not sent: ${failure ?? 'no public link'}`);
    await markFailed(deps.writer, survey, failure ?? 'no public link');
    await store.removeWork(SURVEYS_JOB, item.key);
    return 'skipped';
  }
  const caseRecord = survey.caseId ? await store.get('case', item.tenantId, survey.caseId) : null;
  const org = (await store.get('settings', item.tenantId, TENANT_SETTINGS_ID))?.quotes?.sellerName;
  const { subject, html } = surveyMail(survey, { firstName: contact?.firstName }, org, caseRecord?.subject, `${base}${publicSurveyPath(survey.publicKey)}`);
  const to = survey.email;
  const outcome = await tryMail(store, item, at, notes, { job: SURVEYS_JOB, retryMinutes: RETRY_MINUTES, maxTries: MAX_TRIES }, () =>
    deps.graph.sendMail(item.tenantId, mailbox, { subject, body: { contentType: 'html', content: html }, toRecipients: [{ emailAddress: { address: to, name: contactName(contact) } }] }),
  );
  if (outcome === 'given-up') await markFailed(deps.writer, survey, 'Graph refused the e-mail');
  if (outcome !== 'sent') return outcome === 'stop' ? 'stop' : 'skipped';
  await retryOnStale(async () => {
    const current = (await store.get('survey', survey.tenantId, survey.id)) ?? survey;
    if (current.status === 'queued') await deps.writer.change('survey', actorOf(current), current, { status: 'sent', sentAt: at.toISOString(), sentFrom: mailbox }, { origin: 'system' });
  });
  await store.removeWork(SURVEYS_JOB, item.key);
  return 'sent';
}

/**
 * The survey an item stands for: the one made already (a rerun), else a new one when the customer may be asked now
 * (null when not: surveys off, the case reopened or long closed, no address, asked lately, or said no).
 */
async function surveyFor(deps: SurveyJobDependencies, item: WorkItem, settings: SurveySettings, at: Date): Promise<Survey | null> {
  const { store } = deps;
  const payload = item.payload as CaseItem | NpsItem;
  const id = 'nps' in payload ? npsSurveyId(payload.contactId, payload.runAt) : csatSurveyId(payload.caseId);
  const made = await store.get('survey', item.tenantId, id);
  if (made) return made;
  const now = at.toISOString();
  let fields: Pick<Survey, 'type' | 'contactId' | 'companyId' | 'caseId' | 'productId'> & { ownerId: string };
  if ('nps' in payload) {
    fields = { type: 'nps', contactId: payload.contactId, companyId: payload.companyId, ownerId: payload.ownerId };
  } else {
    const closed = await store.get('case', item.tenantId, payload.caseId);
    const recent = closed?.closedAt !== undefined && at.getTime() - Date.parse(closed.closedAt) <= SURVEY_CASE_CLOSED_WITHIN_DAYS * 86_400_000;
    if (!settings.csatOnClose || !closed || closed.status !== 'closed' || !recent || !closed.contactId) return null;
    fields = { type: 'csat', contactId: closed.contactId, caseId: closed.id, ownerId: closed.ownerId, ...(closed.companyId ? { companyId: closed.companyId } : {}), ...(closed.productId ? { productId: closed.productId } : {}) };
  }
  const contact = await store.get('contact', item.tenantId, fields.contactId);
  const email = contact?.emails[0];
  if (!contact || !email || !maySurvey(contact, settings.contactPeriodDays, now)) return null;
  // Marked first: a second case of the same contact closing meanwhile finds them asked.
  await retryOnStale(async () => {
    const current = await store.get('contact', item.tenantId, contact.id);
    if (current && maySurvey(current, settings.contactPeriodDays, now)) await deps.writer.change('contact', actorOf({ tenantId: item.tenantId, ownerId: fields.ownerId }), current, { lastSurveyedAt: now }, { origin: 'system' });
  });
  const language = await customerLanguage(store, item.tenantId, contact);
  const expiresAt = new Date(at.getTime() + settings.validDays * 86_400_000).toISOString();
  const { ownerId, ...rest } = fields;
  const created = await deps.writer.addOnce('survey', { tenantId: item.tenantId, userId: ownerId }, { ...rest, status: 'queued', language, email }, { id, origin: 'system', ownerId });
  const survey = created ?? (await store.get('survey', item.tenantId, id));
  if (!survey || survey.publicKey) return survey;
  const publicKey = await deps.links.issue({ tenantId: item.tenantId, kind: 'survey', id, expiresAt });
  return deps.writer.change('survey', actorOf(survey), survey, { publicKey, expiresAt }, { origin: 'system' });
}

async function markFailed(writer: RecordWriter, survey: Survey, failure: string): Promise<void> {
  await retryOnStale(async () => {
    const current = (await writer.store.get('survey', survey.tenantId, survey.id)) ?? survey;
    if (current.status === 'queued') await writer.change('survey', actorOf(current), current, { status: 'failed', failure }, { origin: 'system' });
  });
}

/** The contact's own language, else their company's country's, else the tenant's (as quotes are written). */
async function customerLanguage(store: Store, tenantId: string, contact: Contact): Promise<MemberLanguage> {
  if (contact.language) return contact.language;
  const company = contact.companyId ? await store.get('company', tenantId, contact.companyId) : null;
  const settings = await store.get('settings', tenantId, TENANT_SETTINGS_ID);
  return languageOfCountry(company?.address?.country ?? contact.address?.country) ?? settings?.quotes?.language ?? 'en';
}

const contactName = (contact: Contact | null) => (contact ? [contact.firstName, contact.lastName].filter(Boolean).join(' ') : '');

/** Who the system writes a survey as: its owner, for whom the job and the public page act. */
export const actorOf = (survey: { tenantId: string; ownerId: string }): Actor => ({ tenantId: survey.tenantId, userId: survey.ownerId });
