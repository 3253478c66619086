import { contactDuplicatesRoute, mergeContactsRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { requireIfMatch } from '../http/request';
import { json } from '../http/responses';
import type { ContactMergeService } from '../services/contact-merge.service';

/** A contact's suspected duplicates, and merging one into it (managers). */
export function contactRouteBindings(deps: BindDependencies, merges: ContactMergeService): RouteBinding[] {
  return [
    bindRoute(deps, contactDuplicatesRoute, async ({ principal, params }) => json(200, await merges.duplicatesOf(principal, params.id))),
    bindRoute(deps, mergeContactsRoute, async ({ principal, params, body, request }) => {
      const version = requireIfMatch(request, 'contact');
      const result = await merges.merge(principal, params.id, body.duplicateId, version);
      return json(200, result, { etag: `"${result.survivor.version}"` });
    }),
  ];
}
