import { z } from 'zod';
import { AddressSchema, AmountSchema, CurrencySchema, IdSchema, SystemFieldsSchema, patchSchemaOf, shortText } from '../common/record.schema';
import { EmailAddressSchema, PhoneSchema } from '../common/contact-fields.schema';
import { leadSources, leadStatuses } from './lead-kinds';
import { FirstTouchSchema } from '../campaigns/first-touch.schema';

export { leadSources, leadStatuses, settableLeadStatuses, type LeadStatus } from './lead-kinds';

export const LeadInputSchema = z.strictObject({
  firstName: shortText(100).optional(),
  lastName: shortText(100),
  companyName: shortText(200).optional(),
  email: EmailAddressSchema.optional(),
  phone: PhoneSchema.optional(),
  /** Where the lead is: territory rules assign it to a rep by it. */
  address: AddressSchema.optional(),
  source: z.enum(leadSources).default('manual'),
  /** The campaign the lead came from. */
  campaignId: IdSchema.optional(),
  /**
   * The campaign's name, kept by the server from `campaignId`. A request may give a name instead of an id: it then
   * names one of the tenant's campaigns (422 CAMPAIGN.UNKNOWN otherwise).
   */
  campaign: shortText(150).optional(),
  status: z.enum(leadStatuses).default('new'),
  territoryId: IdSchema.optional(),
  estimatedValue: AmountSchema.optional(),
  currency: CurrencySchema.optional(),
  ownerId: IdSchema.optional(),
});
export type LeadInput = z.input<typeof LeadInputSchema>;

export const LeadSchema = z.object({
  ...LeadInputSchema.shape,
  ...SystemFieldsSchema.shape,
  convertedContactId: IdSchema.optional(),
  convertedCompanyId: IdSchema.optional(),
  convertedDealId: IdSchema.optional(),
  /** The tracked link the lead first came by, when a web form carried its code (kept by the server). */
  firstTouch: FirstTouchSchema.optional(),
}).meta({ id: 'Lead' });
export type Lead = z.infer<typeof LeadSchema>;

export const LeadPatchSchema = patchSchemaOf(LeadInputSchema);
export type LeadPatch = z.input<typeof LeadPatchSchema>;
