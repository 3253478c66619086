import { IdSchema, defineRoute, roles } from '@rapport/shared';
import { z } from 'zod';
import type { LocalIssuer } from '../auth/local-issuer';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';

const DevTokenRequestSchema = z.strictObject({
  tenantId: IdSchema,
  userId: IdSchema,
  roles: z.array(z.enum(roles)).max(3).default(['rep']),
  name: z.string().trim().min(1).max(200).optional(),
});

// Local mode only: the route is not in the API contract and does not exist in production.
export const devTokenRoute = defineRoute({
  name: 'dev-token',
  method: 'POST',
  path: '/dev/token',
  summary: 'Issue a token from the local issuer (local mode only)',
  tag: 'Development',
  auth: 'none',
  body: DevTokenRequestSchema,
  success: { status: 200, schema: z.object({ accessToken: z.string() }), description: 'A bearer token for the API' },
});

export function devTokenRouteBindings(deps: BindDependencies, issuer: LocalIssuer): RouteBinding[] {
  return [
    bindRoute(deps, devTokenRoute, async ({ body }) => {
      const accessToken = await issuer.issue({ tenantId: body.tenantId, userId: body.userId, roles: body.roles, ...(body.name ? { name: body.name } : {}) });
      return json(200, { accessToken, tokenType: 'Bearer', expiresIn: 3600 });
    }),
  ];
}
