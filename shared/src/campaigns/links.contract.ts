import { z } from 'zod';
import { defineRoute } from '../contract/route';

export const LinkCodeParamsSchema = z.strictObject({ code: z.string().min(1).max(64) });

/**
 * A tracked link opened: `/r/{code}` at the root of the API's host (not under /api), counted as a click unless a bot or
 * a prefetch asked, and redirected to the link's own destination.
 */
export const followTrackedLinkRoute = defineRoute({
  name: 'follow-tracked-link',
  method: 'GET',
  path: '/r/{code}',
  summary:
    "A campaign's tracked link: counts the click (not a bot's, a prefetch's or a HEAD request's, nor the same visitor's again within a minute) and redirects to the link's destination with its UTM parameters and its code in rp_code (no token)",
  tag: 'Public pages',
  auth: 'none',
  params: LinkCodeParamsSchema,
  head: true,
  success: { status: 302, description: "To the link's destination (Location), nowhere else" },
  errors: [410, 429],
});
