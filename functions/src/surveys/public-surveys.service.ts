import { CrmError, SURVEY_SCALE, TENANT_SETTINGS_ID, isScoreOf, type Survey, type SurveyAnswer } from '@rapport/shared';
import { publicLinkNotFound, type PublicLinks } from '../services/public-links';
import type { RecordWriter } from '../services/record-writer';
import { retryOnStale } from '../services/retry-on-stale';
import type { Store } from '../store/store';
import type { SurveyPageView } from './survey-page';
import { actorOf } from './survey-system';
import { contactNow, followUpAnswer, queueFollowUp } from './survey-follow-up';


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
      const stored = await this.deps.writer.change('survey', actorOf(survey), survey, { status: 'answered', score: posted.score, ...(comment ? { comment } : {}), answeredAt: this.deps.now().toISOString() }, { origin: 'system' });
      // What follows is done now; should this request stop before, the surveys job does it (see queueFollowUp).
      await queueFollowUp(this.deps.store, stored, this.deps.now());
      return stored;
    });
    if (!answered.followedUpAt) answered = await followUpAnswer(this.deps, answered);
    if (answered.score !== posted.score || (answered.comment ?? '') !== (posted.comment?.trim() ?? '')) {
      throw new CrmError('conflict', 'SURVEY.ALREADY_ANSWERED', 'This survey was already answered: it takes one answer. Thank you.', {});
    }
    return answered;
  }

  /** The customer asks for no more surveys, from any survey's link (an expired one too): their contact says so. */
  async optOut(key: string): Promise<void> {
    const survey = await this.surveyOf(key, { allowExpired: true });
    await retryOnStale(async () => {
      const contact = await contactNow(this.deps.store, survey.tenantId, survey.contactId);
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
}
