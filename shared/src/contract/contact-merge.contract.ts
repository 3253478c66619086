import { z } from 'zod';
import { IdSchema } from '../common/record.schema';
import { ContactSchema } from '../contacts/contact.schema';
import { MAX_SUSPECTED_DUPLICATES, duplicateReasons } from '../contacts/contact-merge.rules';
import { RESTORE_WINDOW_DAYS } from '../audit/audit.rules';
import { IdParamsSchema } from './common.schema';
import { defineRoute } from './route';

/** Another contact suspected to be the same person, and why. */
export const SuspectedDuplicateSchema = z
  .object({
    contact: ContactSchema,
    /** `sharedEmail`: they have an e-mail address in common; `sameNameAtCompany`: same first and last name at the same company. */
    reasons: z.array(z.enum(duplicateReasons)).min(1),
  })
  .meta({ id: 'SuspectedDuplicate' });
export type SuspectedDuplicate = z.infer<typeof SuspectedDuplicateSchema>;

export const SuspectedDuplicatesSchema = z.object({ items: z.array(SuspectedDuplicateSchema).max(MAX_SUSPECTED_DUPLICATES) }).meta({ id: 'SuspectedDuplicates' });

export const ContactMergeSchema = z.strictObject({
  /** The contact merged into this one, then deleted. */
  duplicateId: IdSchema,
});
export type ContactMerge = z.output<typeof ContactMergeSchema>;

export const ContactMergeResultSchema = z
  .object({
    /** The contact that stays, with what it gained; ETag carries its version. */
    survivor: ContactSchema,
    /** The records re-linked from the duplicate to the survivor by this request. */
    moved: z.object({ activities: z.number().int(), deals: z.number().int(), cases: z.number().int(), documents: z.number().int() }),
    /**
     * False when the duplicate had more history than one request re-links: send the same request again (same
     * If-Match) to go on. True once the duplicate is deleted.
     */
    complete: z.boolean(),
  })
  .meta({ id: 'ContactMergeResult' });
export type ContactMergeResult = z.infer<typeof ContactMergeResultSchema>;

export const contactDuplicatesRoute = defineRoute({
  name: 'contact-duplicates',
  method: 'GET',
  path: '/api/contacts/{id}/duplicates',
  summary: `Up to ${MAX_SUSPECTED_DUPLICATES} other contacts suspected to be the same person: an e-mail address in common, or the same name at the same company`,
  tag: 'Contact',
  auth: 'user',
  params: IdParamsSchema,
  success: { status: 200, schema: SuspectedDuplicatesSchema, description: 'The suspected duplicates, each with why' },
});

export const mergeContactsRoute = defineRoute({
  name: 'merge-contacts',
  method: 'POST',
  path: '/api/contacts/{id}/merge',
  summary:
    `Merge a duplicate into this contact (If-Match: this contact's version; managers): it gains what it lacks, the duplicate's activities, deals and cases move to it, and the duplicate is deleted (restorable for ${RESTORE_WINDOW_DAYS} days). ` +
    'Sent again, it answers with this contact and changes nothing more',
  tag: 'Contact',
  auth: 'user',
  role: 'manager',
  allows: 'merge contacts',
  params: IdParamsSchema,
  body: ContactMergeSchema,
  success: { status: 200, schema: ContactMergeResultSchema, description: 'The surviving contact and what moved to it' },
  errors: [403, 412, 413, 422, 428],
  ifMatch: true,
});
