import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, longText, patchSchemaOf, shortText } from '../common/record.schema';
import { EmailAddressSchema } from '../common/contact-fields.schema';

/**
 * A web form on the company's website that makes leads. Its key (see `formKeyOf`) is public, in the page's HTML:
 * unguessable, and besides that what protects the tenant is that an admin can revoke it, a honeypot, and the rate limit.
 */
export const WebFormInputSchema = z.strictObject({
  name: shortText(150),
  /** Given to every lead the form makes. */
  campaignId: IdSchema.optional(),
  /** The campaign's name, kept by the server from `campaignId` (a request may name one of the tenant's campaigns instead). */
  campaign: shortText(150).optional(),
  /** Where the visitor's browser goes after sending the form (the website's own thank-you page). */
  thankYouUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http or https address' })
    .max(500)
    .optional(),
  /** A revoked form's key makes no more leads (410 FORM.REVOKED). */
  revoked: z.boolean().default(false),
  /** Who gets the leads no territory takes (the form's creator unless set). */
  ownerId: IdSchema.optional(),
});
export const WebFormSchema = z
  .object({
    ...WebFormInputSchema.shape,
    ...SystemFieldsSchema.shape,
    /**
     * The form's public key (128 random bits, given by the server when it is made), resolved through the public links'
     * index. Forms made before public keys have none: their key stays their tenant and id (see `formKeyOf`).
     */
    publicKey: z.string().max(64).optional(),
  })
  .meta({ id: 'WebForm' });
export type WebForm = z.infer<typeof WebFormSchema>;
export const WebFormPatchSchema = patchSchemaOf(WebFormInputSchema);

// Browsers send every field of a form, empty or not: an empty one counts as not sent.
const optionalText = (max: number) => z.preprocess((value) => (value === '' ? undefined : value), shortText(max).optional());

/** What a visitor sends: the fields of the snippet's form. */
export const WebFormSubmissionSchema = z.strictObject({
  firstName: optionalText(100),
  lastName: shortText(100),
  email: EmailAddressSchema,
  phone: optionalText(40),
  company: optionalText(200),
  city: optionalText(120),
  postalCode: optionalText(20),
  country: optionalText(120),
  message: z.preprocess((value) => (value === '' ? undefined : value), longText(5_000).optional()),
  /** The honeypot: hidden from people, filled in by bots. A submission with it is answered as usual and dropped. */
  website: z.string().max(500).optional(),
  /**
   * The code of the tracked link the visit came by (the snippet copies it from the page's address): the lead records it
   * as its first touch. A code that names no link of the form's tenant is ignored, never refused.
   */
  rp_code: z.string().max(200).optional(),
});
export type WebFormSubmission = z.output<typeof WebFormSubmissionSchema>;
