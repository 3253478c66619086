import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, patchSchemaOf, shortText } from '../common/record.schema';
import { campaignChannels } from './campaign.rules';
import { DESTINATION_MAX, isLinkDestination } from './link.rules';

/** Where a tracked link sends its visitors: an http or https address, without a user name or password in it. */
export const LinkDestinationSchema = z
  .string()
  .trim()
  .min(1)
  .max(DESTINATION_MAX)
  .refine(isLinkDestination, 'must be an http or https address without a user name, password or rp_code in it');

const LinkFieldsSchema = z.strictObject({
  /** The campaign the link's clicks and the leads it brings count in. Set when the link is made. */
  campaignId: IdSchema,
  /** Where visitors land (the website's page with its web form), before UTM parameters are added. */
  destination: LinkDestinationSchema,
  /** Where the link is placed: an ad, an e-mail, an affiliate site, social media… The campaign's channel when left out. */
  channel: z.enum(campaignChannels).optional(),
  /** The affiliate site's name, for an affiliate link (required then): the funnel reports by it. */
  affiliate: shortText(150).optional(),
  /** What the link is called: in the campaign's list, and as the words of a link a rep inserts into an e-mail. */
  label: shortText(150),
  /** A revoked link redirects no more (410) and counts nothing; it can be made active again. */
  revoked: z.boolean().default(false),
  ownerId: IdSchema.optional(),
});

/** A tracked link of a campaign, as a campaign manager makes it. */
export const LinkInputSchema = LinkFieldsSchema;
export type LinkInput = z.input<typeof LinkInputSchema>;

/**
 * What changes on a link: its destination, label, revocation and owner. Its campaign, channel and affiliate site are
 * what its clicks and leads are counted by, so they stay as the link was made: another placement is another link.
 */
export const LinkPatchSchema = patchSchemaOf(LinkFieldsSchema.pick({ destination: true, label: true, revoked: true, ownerId: true }));
export type LinkPatch = z.input<typeof LinkPatchSchema>;

export const UtmSchema = z.object({ source: z.string().max(100), medium: z.string().max(100), campaign: z.string().max(100), content: z.string().max(100).optional() });

export const LinkSchema = z
  .object({
    ...LinkFieldsSchema.shape,
    ...SystemFieldsSchema.shape,
    channel: z.enum(campaignChannels),
    /**
     * The link's public code (128 random bits, given by the server when it is made, never its id): `/r/{code}` opens it,
     * resolved through the public links' index.
     */
    code: z.string().min(1).max(64),
    /** The UTM parameters added to the destination (the campaign's as it was called when the link was made). */
    utm: UtmSchema,
  })
  .meta({ id: 'Link' });
export type Link = z.infer<typeof LinkSchema>;
