import { z } from 'zod';
import { AmountSchema, CurrencySchema, DateSchema, IdSchema, shortText } from '../common/record.schema';
import { CompanySchema } from '../companies/company.schema';
import { ContactSchema } from '../contacts/contact.schema';
import { DealSchema } from '../deals/deal.schema';
import { LeadSchema } from '../leads/lead.schema';
import { IdParamsSchema } from './common.schema';
import { defineRoute } from './route';

export const LeadConversionSchema = z.strictObject({
  /** Link to this contact instead of the one matched by e-mail (or a new one). */
  contactId: IdSchema.optional(),
  /** Link to this company instead of the one matched by domain or name (or a new one). */
  companyId: IdSchema.optional(),
  /** Also open a deal for the company, with the contact on it. */
  deal: z
    .strictObject({
      name: shortText(200),
      stage: IdSchema,
      amount: AmountSchema.optional(),
      /** The amount's currency; the lead's, else the tenant's reporting currency, when none is sent. */
      currency: CurrencySchema.optional(),
      /** The day the deal is expected to close (YYYY-MM-DD). */
      expectedCloseDate: DateSchema.optional(),
    })
    .optional(),
});
export type LeadConversion = z.output<typeof LeadConversionSchema>;

export const LeadConversionResultSchema = z
  .object({
    lead: LeadSchema,
    contact: ContactSchema,
    company: CompanySchema.nullable(),
    deal: DealSchema.nullable(),
    /** What was found and linked rather than created. */
    linked: z.object({ contact: z.boolean(), company: z.boolean() }),
    /** The lead's activities, now also on the contact's timeline. */
    activitiesMoved: z.number().int(),
  })
  .meta({ id: 'LeadConversion' });
export type LeadConversionResult = z.infer<typeof LeadConversionResultSchema>;

export const convertLeadRoute = defineRoute({
  name: 'convert-lead',
  method: 'POST',
  path: '/api/leads/{id}/convert',
  summary: 'Convert a lead into a contact, its company and optionally a deal, linking to existing ones where they match (If-Match: the lead version)',
  tag: 'Lead',
  auth: 'user',
  params: IdParamsSchema,
  body: LeadConversionSchema,
  success: { status: 200, schema: LeadConversionResultSchema, description: 'What the lead became' },
  errors: [403, 409, 412, 413, 422, 428],
  ifMatch: true,
});
