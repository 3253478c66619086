import { z } from 'zod';
import { IdParamsSchema } from '../contract/common.schema';
import { defineRoute } from '../contract/route';
import { IdSchema } from '../common/record.schema';
import { NpsSurveyRequestSchema, NpsSurveyResultSchema, SurveyAnswerSchema, SurveyOptOutSchema, SurveySchema } from './survey.schema';

const PublicKeyParamsSchema = z.strictObject({ key: z.string().min(1).max(64) });

/** A survey as members read it: everything but its public key (the customer's alone). */
export const SurveyViewSchema = SurveySchema.omit({ publicKey: true }).meta({ id: 'SurveyView' });
export type SurveyView = z.infer<typeof SurveyViewSchema>;

export const ListSurveysQuerySchema = z
  .strictObject({
    contactId: IdSchema.optional(),
    companyId: IdSchema.optional(),
    caseId: IdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((query) => [query.contactId, query.companyId, query.caseId].filter(Boolean).length === 1, { message: 'give one of contactId, companyId or caseId' });

export const listSurveysRoute = defineRoute({
  name: 'list-surveys',
  method: 'GET',
  path: '/api/surveys',
  summary: "A contact's, a company's or a case's satisfaction surveys, the latest first: sent, answered (score and comment) or failed",
  tag: 'Satisfaction',
  auth: 'user',
  query: ListSurveysQuerySchema,
  success: { status: 200, schema: z.object({ items: z.array(SurveyViewSchema) }), description: 'The surveys, the latest first' },
});

export const getSurveyRoute = defineRoute({
  name: 'get-survey',
  method: 'GET',
  path: '/api/surveys/{id}',
  summary: 'One satisfaction survey: whom it asked, about what, and the answer',
  tag: 'Satisfaction',
  auth: 'user',
  params: IdParamsSchema,
  success: { status: 200, schema: SurveyViewSchema, description: 'The survey' },
});

export const npsSurveyRoute = defineRoute({
  name: 'send-nps-survey',
  method: 'POST',
  path: '/api/surveys/nps',
  summary: "Sends NPS (0–10) to a company's contacts, at most once per the tenant's period; contacts who said no, have no e-mail or were surveyed lately are left out. Sending again within the period is refused, so a retried request never sends twice",
  tag: 'Satisfaction',
  auth: 'user',
  role: 'manager',
  allows: 'send NPS surveys',
  body: NpsSurveyRequestSchema,
  success: { status: 202, schema: NpsSurveyResultSchema, description: 'Queued: the job sends each within a minute' },
  errors: [403, 409],
});

export const publicSurveyPageRoute = defineRoute({
  name: 'public-survey-page',
  method: 'GET',
  path: '/api/public/surveys/{key}',
  summary:
    "The customer's page of a survey, opened from the e-mail: the question, or the opt-out (no token; it changes nothing). `?score=` preselects a score, `?optOut=1` shows the opt-out; other parameters (a mail gateway's) are ignored",
  tag: 'Public pages',
  auth: 'none',
  params: PublicKeyParamsSchema,
  success: { status: 200, description: 'The page (HTML)' },
  errors: [410, 429],
});

export const answerSurveyRoute = defineRoute({
  name: 'answer-survey',
  method: 'POST',
  path: '/api/public/surveys/{key}/answer',
  summary: "The customer's answer, once: the score and an optional comment. A plain form post is sent back to the page (303); JSON gets the answer",
  tag: 'Public pages',
  auth: 'none',
  params: PublicKeyParamsSchema,
  body: SurveyAnswerSchema,
  success: { status: 200, schema: z.object({ status: z.literal('answered') }), description: 'Answered' },
  errors: [303, 409, 410, 413, 415, 429],
});

export const surveyOptOutRoute = defineRoute({
  name: 'survey-opt-out',
  method: 'POST',
  path: '/api/public/surveys/{key}/opt-out',
  summary: 'The customer asks for no more surveys: their contact is marked "do not survey"',
  tag: 'Public pages',
  auth: 'none',
  params: PublicKeyParamsSchema,
  body: SurveyOptOutSchema,
  success: { status: 200, schema: z.object({ status: z.literal('optedOut') }), description: 'No more surveys' },
  errors: [303, 410, 413, 415, 429],
});
