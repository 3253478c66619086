import { publicArticlePageRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import type { PublicPageLimits } from '../http/rate-limit';
import type { PublicArticlesService } from '../knowledge/public-articles.service';
import { PUBLIC_ERROR_PAGE_POLICY, publicPageHeaders } from '../pages/public-error-page';
import { publicPageHandler } from '../pages/public-page-handler';

/**
 * A public knowledge article's page, with no token: rate-limited per visitor and per article, under the policy of the
 * public pages made of text alone (the error pages'): the page carries its own style and nothing else runs or loads. An
 * error is a page in the visitor's language.
 */
export function publicArticleRouteBindings(deps: BindDependencies, articles: PublicArticlesService, limits: PublicPageLimits): RouteBinding[] {
  return [
    bindRoute(
      deps,
      publicArticlePageRoute,
      publicPageHandler(limits, async (_request, key) => ({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', ...publicPageHeaders(PUBLIC_ERROR_PAGE_POLICY) },
        body: await articles.page(key),
      })),
    ),
  ];
}
