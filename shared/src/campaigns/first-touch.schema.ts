import { z } from 'zod';
import { IdSchema, TimestampSchema, shortText } from '../common/record.schema';
import { campaignChannels } from './campaign.rules';

/**
 * How a lead first came to the tenant through a tracked link: the link's campaign, the link, where it was placed
 * (its channel, and the affiliate site's name for an affiliate link), and when the visit sent the web form. Kept by the
 * server from the link's code the form carried; a deal converted from the lead keeps it, so its money counts there.
 */
export const FirstTouchSchema = z.object({
  campaignId: IdSchema,
  linkId: IdSchema,
  channel: z.enum(campaignChannels),
  affiliate: shortText(150).optional(),
  at: TimestampSchema,
});
export type FirstTouch = z.infer<typeof FirstTouchSchema>;
