import { CrmError, SURVEY_SCALE, TENANT_SETTINGS_ID, isLowScore, isScoreOf, type Member, type Survey, type SurveyAnswer } from '@rapport/shared';
import { publicLinkNotFound, type PublicLinks } from '../services/public-links';
import type { RecordWriter } from '../services/record-writer';
import { retryOnStale } from '../services/retry-on-stale';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';
import type { SurveyPageView } from './survey-page';
import { actorOf } from './survey-invitations.job';
import { teamWords } from './survey-words';

// Members read to find a rep's manager when the rep names none: a tenant's members, up to this many.
const MAX_MEMBERS = 1_000;

export type PublicSurvey = { survey: Survey; page: Omit<SurveyPageView, 'state' | 'actions' | 'chosen' | 'error'> };

/**
 * The customer's side of a survey, reached by its public key alone: reading it (never changing anything), answering it
 * once, and saying "no more surveys". Nothing here shows anything of the tenant beyond its name and the question.
 */
export class PublicSurveysService {
  constructor(private readonly deps: { store: Store; writer: RecordWriter; links: PublicLinks; now: () => Date }) {}

  /** The survey and what its page shows. An expired survey not answered opens nothing but the expiry page (410). */
  async read(key: string, options: { forOptOut?: boolean } = {}): Promise<PublicSurvey> {
    const survey = await this.surveyOf(key, { allowExpired: true });
    if (!options.forOptOut && survey.status !== 'answered') this.requireOpen(survey);
    // The question and the tenant's name, nothing else: not the case's subject, which the e-mail alone names.
    const settings = await this.deps.store.get('settings', survey.tenantId, TENANT_SETTINGS_ID);
    return { survey, page: { type: survey.type, language: survey.language, org: settings?.quotes?.sellerName } };
  }

  /**
   * The answer, once: the score on the survey's scale and the comment. The same answer again (a double click, a
   * retried post) is the first one's; another is refused. What follows is done once: the contact's latest score, a
   * note on the timelines, a task for the rep's manager when the score is low.
   */
  async answer(key: string, posted: SurveyAnswer): Promise<Survey> {
    let answered = await retryOnStale(async () => {
      const survey = await this.surveyOf(key, { allowExpired: true });
      if (survey.status === 'answered') return survey;
      this.requireOpen(survey);
      if (!isScoreOf(survey.type, posted.score)) {
        const { min, max } = SURVEY_SCALE[survey.type];
        throw new CrmError('invalid', 'SURVEY.SCORE_OUT_OF_SCALE', `Choose a score from ${min} to ${max}.`, { min, max });
      }
      const comment = posted.comment?.trim();
      return this.deps.writer.change('survey', actorOf(survey), survey, { status: 'answered', score: posted.score, ...(comment ? { comment } : {}), answeredAt: this.deps.now().toISOString() }, { origin: 'system' });
    });
    if (!answered.followedUpAt) answered = await this.followUp(answered);
    if (answered.score !== posted.score || (answered.comment ?? '') !== (posted.comment?.trim() ?? '')) {
      throw new CrmError('conflict', 'SURVEY.ALREADY_ANSWERED', 'This survey was already answered: it takes one answer. Thank you.', {});
    }
    return answered;
  }

  /** The customer asks for no more surveys, from any survey's link (an expired one too): their contact says so. */
  async optOut(key: string): Promise<void> {
    const survey = await this.surveyOf(key, { allowExpired: true });
    await retryOnStale(async () => {
      const contact = await this.deps.store.get('contact', survey.tenantId, survey.contactId);
      if (contact && !contact.doNotSurvey) await this.deps.writer.change('contact', actorOf(survey), contact, { doNotSurvey: true }, { origin: 'system' });
    });
  }

  private requireOpen(survey: Survey): void {
    if (survey.status !== 'sent' && survey.status !== 'queued') throw publicLinkNotFound();
    if (survey.expiresAt && survey.expiresAt <= this.deps.now().toISOString()) {
      throw new CrmError('gone', 'PUBLIC_LINK.EXPIRED', 'This link has expired. Ask the sender for a new one.');
    }
  }

  /** The survey a key opens; a deleted survey, or a key not its own, opens nothing, as an unknown key. */
  private async surveyOf(key: string, options: { allowExpired?: boolean }): Promise<Survey> {
    const link = await this.deps.links.resolve(key, 'survey', options);
    const survey = await this.deps.store.get('survey', link.tenantId, link.id);
    if (!survey || survey.publicKey !== key) throw publicLinkNotFound();
    return survey;
  }

  /** What follows an answer, each step once (ids derived from the survey), then the survey notes it was done. */
  private async followUp(survey: Survey): Promise<Survey> {
    const { store, writer } = this.deps;
    const actor = actorOf(survey);
    const score = survey.score ?? 0;
    const at = survey.answeredAt ?? this.deps.now().toISOString();
    const contact = await retryOnStale(async () => {
      const current = await store.get('contact', survey.tenantId, survey.contactId);
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
      const manager = await this.managerOf(survey.tenantId, owner);
      const name = contact ? [contact.firstName, contact.lastName].filter(Boolean).join(' ') : '';
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
      return writer.change('survey', actorOf(current), current, { followedUpAt: this.deps.now().toISOString() }, { origin: 'system' });
    });
  }

  /**
   * The rep's manager: the member they name, else a manager of their team, else an admin; the rep themself when the
   * tenant has none active.
   */
  private async managerOf(tenantId: string, owner: Member | null): Promise<Member | null> {
    if (!owner) return null;
    const named = owner.managerId ? await this.deps.store.get('member', tenantId, owner.managerId) : null;
    if (named && !named.deactivated) return named;
    const { items } = await listUpTo(this.deps.store, 'member', tenantId, {}, MAX_MEMBERS);
    const active = items.filter((member) => !member.deactivated && member.id !== owner.id);
    return (
      active.find((member) => member.role === 'manager' && owner.team !== undefined && member.team === owner.team) ??
      active.find((member) => member.role === 'manager') ??
      active.find((member) => member.role === 'admin') ??
      owner
    );
  }
}
