import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, TimestampSchema, longText, patchSchemaOf, shortText } from '../common/record.schema';

import { CASE_ARTICLES_MAX, CASE_DESCRIPTION_MAX, casePriorities, caseStatuses, caseTypes } from './case-kinds';

export { canMoveCase, caseIsOpen, caseStatusFlow, casePriorities, caseStatuses, caseTypes, type CasePriority, type CaseStatus, type CaseType } from './case-kinds';

export const CaseInputSchema = z.strictObject({
  subject: shortText(300),
  description: longText(CASE_DESCRIPTION_MAX).optional(),
  type: z.enum(caseTypes).default('question'),
  priority: z.enum(casePriorities).default('normal'),
  status: z.enum(caseStatuses).default('new'),
  contactId: IdSchema.optional(),
  companyId: IdSchema.optional(),
  trackingNumber: shortText(100).optional(),
  /** The product the case is about: knowledge suggestions and satisfaction follow it. */
  productId: IdSchema.optional(),
  openedAt: TimestampSchema.optional(),
  ownerId: IdSchema.optional(),
});
export type CaseInput = z.input<typeof CaseInputSchema>;

export const CaseSchema = z.object({
  ...CaseInputSchema.shape,
  ...SystemFieldsSchema.shape,
  // Per-tenant, assigned by the server: what a customer quotes on the phone.
  number: z.number().int().positive(),
  /** What it is promised, as it opened: its customer's contract's service level, else the tenant's (kept by the server). */
  serviceLevel: z.object({ name: z.string().max(100).optional(), responseHours: z.number(), resolutionHours: z.number(), contractId: IdSchema.optional() }).optional(),
  /** When it is due to be first answered and resolved (kept by the server; cases opened before service levels have none). */
  responseDueAt: TimestampSchema.optional(),
  resolutionDueAt: TimestampSchema.optional(),
  /** When it was first answered: taken up (out of new) or answered with an article (kept by the server). */
  respondedAt: TimestampSchema.optional(),
  /** The knowledge articles that answered it, each once: who sent it and when (kept by the server, `answered` action). */
  answeredWith: z.array(z.object({ articleId: IdSchema, at: TimestampSchema, by: IdSchema })).max(CASE_ARTICLES_MAX).optional(),
  openedAt: TimestampSchema,
  closedAt: TimestampSchema.optional(),
}).meta({ id: 'Case' });
export type Case = z.infer<typeof CaseSchema>;

export const CasePatchSchema = patchSchemaOf(CaseInputSchema);
export type CasePatch = z.input<typeof CasePatchSchema>;

/** The body of `POST /api/cases/{id}/answered`: the article a reply to the case was written from. */
export const CaseAnsweredSchema = z.strictObject({ articleId: IdSchema });
