import { publicArticlePageRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import type { PublicPageLimits } from '../http/rate-limit';
import type { PublicArticlesService } from '../knowledge/public-articles.service';
import { SELF_CONTAINED_PAGE_POLICY, asPublicPage, publicPageHeaders } from '../pages/public-error-page';

/**
 * A public knowledge article's page, with no token: rate-limited per visitor and per article, under the public pages'
 * strict policy (the page carries its own style and nothing else), an error a page in the visitor's language.
 */
export function publicArticleRouteBindings(deps: BindDependencies, articles: PublicArticlesService, limits: PublicPageLimits): RouteBinding[] {
  return [
    bindRoute(
      deps,
      publicArticlePageRoute,
      asPublicPage(limits, async (_request, key) => ({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', ...publicPageHeaders(SELF_CONTAINED_PAGE_POLICY) },
        body: await articles.page(key),
      })),
    ),
  ];
}
