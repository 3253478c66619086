import { z } from 'zod';
import { AddressSchema, IdSchema, SystemFieldsSchema, TimestampSchema, patchSchemaOf, shortText } from '../common/record.schema';
import { EmailAddressSchema, PhoneSchema } from '../common/contact-fields.schema';
import { memberLanguages } from '../members/preferences.rules';
import { LatestSatisfactionSchema } from '../surveys/survey.schema';

export const contactStatuses = ['prospect', 'customer'] as const;

export const ContactInputSchema = z.strictObject({
  firstName: shortText(100).optional(),
  lastName: shortText(100),
  emails: z.array(EmailAddressSchema).max(10).default([]),
  phones: z.array(PhoneSchema).max(10).default([]),
  title: shortText(150).optional(),
  companyId: IdSchema.optional(),
  customerNumber: shortText(40).optional(),
  address: AddressSchema.optional(),
  territoryId: IdSchema.optional(),
  status: z.enum(contactStatuses).default('prospect'),
  /** The language the contact reads: quotes are written in it (their company's country's, or the tenant's, when unset). */
  language: z.enum(memberLanguages).optional(),
  source: shortText(100).optional(),
  /** Never sent a satisfaction survey (set by a rep, or by the customer's opt-out link). */
  doNotSurvey: z.boolean().optional(),
  lastContactedAt: TimestampSchema.optional(),
  ownerId: IdSchema.optional(),
});
export type ContactInput = z.input<typeof ContactInputSchema>;

export const ContactSchema = z
  .object({
    ...ContactInputSchema.shape,
    ...SystemFieldsSchema.shape,
    /** Set by a merge when it deletes this contact: the contact that took its place (the server's, never a request's). */
    mergedIntoId: IdSchema.optional(),
    /** The latest satisfaction score the contact gave (kept by the server when they answer a survey). */
    satisfaction: LatestSatisfactionSchema.optional(),
    /** When the contact was last sent a survey, and which (kept by the server): one per the tenant's period at most. */
    lastSurveyedAt: TimestampSchema.optional(),
    lastSurveyId: IdSchema.optional(),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof ContactSchema>;

export const ContactPatchSchema = patchSchemaOf(ContactInputSchema);
export type ContactPatch = z.input<typeof ContactPatchSchema>;
