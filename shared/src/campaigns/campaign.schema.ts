import { z } from 'zod';
import { AmountSchema, CurrencySchema, DateSchema, IdSchema, SystemFieldsSchema, longText, patchSchemaOf, shortText } from '../common/record.schema';
import { campaignChannels, campaignStatuses } from './campaign.rules';

/** A marketing campaign: what leads, web forms, imports and tracked links name, and what its funnel is reported by. */
export const CampaignInputSchema = z.strictObject({
  /** Unique in the tenant, whatever the case (see `campaignNameKey`). */
  name: shortText(150),
  channel: z.enum(campaignChannels).default('email'),
  status: z.enum(campaignStatuses).default('planned'),
  startsOn: DateSchema.optional(),
  endsOn: DateSchema.optional(),
  /** What the campaign may spend, in `currency` (the tenant's reporting currency when left out). */
  budget: AmountSchema.optional(),
  currency: CurrencySchema.optional(),
  description: longText(2_000).optional(),
  ownerId: IdSchema.optional(),
});
export type CampaignInput = z.input<typeof CampaignInputSchema>;

export const CampaignSchema = z.object({ ...CampaignInputSchema.shape, ...SystemFieldsSchema.shape }).meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignPatchSchema = patchSchemaOf(CampaignInputSchema);
export type CampaignPatch = z.input<typeof CampaignPatchSchema>;
