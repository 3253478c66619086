// Customer satisfaction, as plain rules: the two surveys Rapport sends, their scales, what a low score is, and how
// often a customer may be asked. Plain code: the pane reads it without loading zod.

/** CSAT: one question after a case closes (1–5). NPS: how likely the customer is to recommend the tenant (0–10). */
export const surveyTypes = ['csat', 'nps'] as const;
export type SurveyType = (typeof surveyTypes)[number];

/** Queued until the job sends it; sent; answered once; failed when Graph refused it for good. */
export const surveyStatuses = ['queued', 'sent', 'answered', 'failed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

export const SURVEY_SCALE: Readonly<Record<SurveyType, { min: number; max: number }>> = { csat: { min: 1, max: 5 }, nps: { min: 0, max: 10 } };

/** The comment a customer may add, at most. */
export const SURVEY_COMMENT_MAX = 2_000;

/** The scores a survey offers, lowest first. */
export const scoresOf = (type: SurveyType): number[] => {
  const { min, max } = SURVEY_SCALE[type];
  return Array.from({ length: max - min + 1 }, (_, index) => min + index);
};

export const isScoreOf = (type: SurveyType, score: number): boolean => Number.isInteger(score) && score >= SURVEY_SCALE[type].min && score <= SURVEY_SCALE[type].max;

/** NPS's three groups: promoters 9–10, passives 7–8, detractors 0–6. */
export type NpsGroup = 'promoter' | 'passive' | 'detractor';
export const npsGroupOf = (score: number): NpsGroup => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor');

/** The net promoter score of some answers: % promoters − % detractors (−100…100), null without answers. */
export function netPromoterScore(promoters: number, detractors: number, answers: number): number | null {
  return answers === 0 ? null : Math.round(((promoters - detractors) / answers) * 100);
}

/**
 * A score that asks for a call back: a CSAT of 1 or 2, an NPS detractor (0–6). The case owner's manager gets a task.
 */
export const isLowScore = (type: SurveyType, score: number): boolean => (type === 'csat' ? score <= 2 : npsGroupOf(score) === 'detractor');

/** A CSAT of 4 or 5: the customer was satisfied (the share reports show). */
export const isSatisfied = (score: number): boolean => score >= 4;

/** The tenant's survey settings' limits and defaults. */
export const SURVEY_CONTACT_DAYS = { min: 1, max: 365, default: 30 } as const;
export const SURVEY_NPS_DAYS = { min: 30, max: 730, default: 90 } as const;
export const SURVEY_VALID_DAYS = { min: 1, max: 60, default: 14 } as const;

/**
 * A case closed longer ago than this gets no survey (a case closed by an import, or while surveys were off, is not
 * asked about weeks later).
 */
export const SURVEY_CASE_CLOSED_WITHIN_DAYS = 3;

/**
 * Whether a contact may be asked again: never when they said no (`doNotSurvey`), else not within `periodDays` of the
 * last survey they were sent.
 */
export function maySurvey(contact: { doNotSurvey?: boolean | undefined; lastSurveyedAt?: string | undefined }, periodDays: number, now: string): boolean {
  if (contact.doNotSurvey) return false;
  if (!contact.lastSurveyedAt) return true;
  return Date.parse(now) - Date.parse(contact.lastSurveyedAt) >= periodDays * 86_400_000;
}

/** The first day a company may be sent NPS again, `YYYY-MM-DD`, or null when it may now. */
export function nextNpsDay(lastNpsAt: string | undefined, periodDays: number, now: string): string | null {
  if (!lastNpsAt) return null;
  const next = Date.parse(lastNpsAt) + periodDays * 86_400_000;
  return next <= Date.parse(now) ? null : new Date(next).toISOString().slice(0, 10);
}

export const PUBLIC_SURVEYS_PATH = '/api/public/surveys';

/** The path of a survey's public page for its key. */
export function publicSurveyPath(key: string): string {
  return `${PUBLIC_SURVEYS_PATH}/${encodeURIComponent(key)}`;
}
