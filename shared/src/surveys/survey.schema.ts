import { z } from 'zod';
import { EmailAddressSchema } from '../common/contact-fields.schema';
import { IdSchema, SystemFieldsSchema, TimestampSchema, longText, withoutControlCharacters } from '../common/record.schema';
import { memberLanguages } from '../members/preferences.rules';
import { SURVEY_COMMENT_MAX, SURVEY_CONTACT_DAYS, SURVEY_NPS_DAYS, SURVEY_VALID_DAYS, surveyStatuses, surveyTypes } from './survey.rules';

/**
 * One survey sent to one customer: a CSAT after a case closed, or an NPS to a company's contacts. Kept by the server
 * alone (the job that sends it, the customer's answer on its public page); readable by everyone in the tenant.
 */
export const SurveySchema = z
  .object({
    type: z.enum(surveyTypes),
    status: z.enum(surveyStatuses),
    contactId: IdSchema,
    companyId: IdSchema.optional(),
    /** The case a CSAT asks about. */
    caseId: IdSchema.optional(),
    /** The case's product: satisfaction is reported by product. */
    productId: IdSchema.optional(),
    /** The language the e-mail and the page are in: the contact's own, else their company's country's, else the tenant's. */
    language: z.enum(memberLanguages),
    /** The address it went to, and the mailbox it was sent from. */
    email: EmailAddressSchema.optional(),
    sentFrom: EmailAddressSchema.optional(),
    /** The key of its public page (128 random bits): the link in the e-mail. */
    publicKey: z.string().max(64).optional(),
    sentAt: TimestampSchema.optional(),
    expiresAt: TimestampSchema.optional(),
    score: z.number().int().min(0).max(10).optional(),
    comment: longText(SURVEY_COMMENT_MAX).optional(),
    answeredAt: TimestampSchema.optional(),
    /** When what follows an answer was done (the contact's latest score, the timeline's note, a low score's task): once. */
    followedUpAt: TimestampSchema.optional(),
    /** Why it could not be sent, for the admin. */
    failure: z.string().max(500).optional(),
    ...SystemFieldsSchema.shape,
  })
  .meta({ id: 'Survey' });
export type Survey = z.infer<typeof SurveySchema>;

/** The customer's answer on the survey's page: the score and, if they like, a comment. */
export const SurveyAnswerSchema = z.strictObject({
  // A page's form sends the chosen score as text; a JSON client a number. Nothing chosen is no score, never 0.
  score: z.preprocess((value) => (typeof value === 'string' && /^\s*\d{1,2}\s*$/.test(value) ? Number(value) : value), z.number('choose a score').int().min(0).max(10)),
  // A page's empty comment box is no comment.
  comment: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), longText(SURVEY_COMMENT_MAX).refine(withoutControlCharacters, 'text without control characters').optional()),
});
export type SurveyAnswer = z.infer<typeof SurveyAnswerSchema>;

/** The customer asks for no more surveys: nothing to send but the request itself. */
export const SurveyOptOutSchema = z.strictObject({});

/** A manager sends NPS to a company's contacts (at most once per the tenant's period). */
export const NpsSurveyRequestSchema = z.strictObject({ companyId: IdSchema });

export const NpsSurveyResultSchema = z
  .object({
    /** The contacts it is being sent to (the job sends within a minute). */
    queued: z.array(IdSchema),
    /** The contacts left out, and why: no e-mail address, do not survey, or surveyed within the tenant's period. */
    skipped: z.array(z.object({ contactId: IdSchema, reason: z.enum(['noEmail', 'doNotSurvey', 'recentlySurveyed']) })),
  })
  .meta({ id: 'NpsSurveyResult' });
export type NpsSurveyResult = z.infer<typeof NpsSurveyResultSchema>;

/**
 * The tenant's surveys: whether a closed case's customer gets a CSAT (off until an admin turns it on), how often one
 * contact may be asked, how often a company may get NPS, how long a link stays valid, and the shared mailbox it is
 * sent from (else the case's or the company's owner's own).
 */
export const SurveySettingsSchema = z.strictObject({
  csatOnClose: z.boolean(),
  contactPeriodDays: z.number().int().min(SURVEY_CONTACT_DAYS.min).max(SURVEY_CONTACT_DAYS.max),
  npsPeriodDays: z.number().int().min(SURVEY_NPS_DAYS.min).max(SURVEY_NPS_DAYS.max),
  validDays: z.number().int().min(SURVEY_VALID_DAYS.min).max(SURVEY_VALID_DAYS.max),
  mailbox: EmailAddressSchema.optional(),
});
export type SurveySettings = z.infer<typeof SurveySettingsSchema>;

export const defaultSurveySettings: SurveySettings = {
  csatOnClose: false,
  contactPeriodDays: SURVEY_CONTACT_DAYS.default,
  npsPeriodDays: SURVEY_NPS_DAYS.default,
  validDays: SURVEY_VALID_DAYS.default,
};

/** The latest answer a contact gave, kept on the contact so the card shows it without another read. */
export const LatestSatisfactionSchema = z.object({ type: z.enum(surveyTypes), score: z.number().int().min(0).max(10), at: TimestampSchema, surveyId: IdSchema });
export type LatestSatisfaction = z.infer<typeof LatestSatisfactionSchema>;
