import { createMemberRoute, listMembersRoute, meRoute, memberHistoryRoute, updateMemberRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { requireIfMatch } from '../http/request';
import { json, recordResponse } from '../http/responses';
import type { MembersService } from '../services/members.service';

export function membersRouteBindings(deps: BindDependencies, members: MembersService): RouteBinding[] {
  return [
    bindRoute(deps, meRoute, async ({ principal }) => json(200, members.me(principal))),
    bindRoute(deps, listMembersRoute, async ({ principal, query }) => json(200, await members.list(principal, query))),
    bindRoute(deps, createMemberRoute, async ({ principal, body }) => {
      const member = await members.create(principal, body);
      return recordResponse(member, 201, { location: `/api/members/${member.id}` });
    }),
    bindRoute(deps, memberHistoryRoute, async ({ principal, params, query }) => json(200, await members.history(principal, params.id, query))),
    bindRoute(deps, updateMemberRoute, async ({ principal, params, body, request }) => {
      const version = requireIfMatch(request, 'member');
      return recordResponse(await members.update(principal, params.id, body, version));
    }),
  ];
}
