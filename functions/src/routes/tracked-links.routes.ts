import { followTrackedLinkRoute } from '@rapport/shared';
import type { TrackedLinksService } from '../campaigns/tracked-links.service';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import type { PublicPageLimits } from '../http/rate-limit';
import { PUBLIC_ERROR_PAGE_POLICY, publicPageHeaders } from '../pages/public-error-page';
import { publicPageHandler } from '../pages/public-page-handler';

/**
 * `/r/{code}`: a campaign's tracked link, with no token. Rate-limited per visitor and per link; a link that opens
 * nothing is a small page in the visitor's language (404, or 410 once revoked), never a redirect. The redirect is
 * never cached (each open is counted) and tells the destination nothing of the page the link was on.
 */
export function trackedLinkRouteBindings(deps: BindDependencies, links: TrackedLinksService, limits: PublicPageLimits): RouteBinding[] {
  const handle = publicPageHandler(limits, async (request, code) => {
    const { location } = await links.follow(code, request);
    return { status: 302, headers: { location, ...publicPageHeaders(PUBLIC_ERROR_PAGE_POLICY) } };
  });
  return [bindRoute(deps, followTrackedLinkRoute, ({ request, params }) => handle({ request, params: { key: params.code } }))];
}
