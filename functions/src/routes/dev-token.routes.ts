import { GRAPH_SCOPES, IdSchema, defineRoute, roles } from '@rapport/shared';
import { z } from 'zod';
import type { LocalIssuer } from '../auth/local-issuer';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';

const DevTokenRequestSchema = z.strictObject({
  tenantId: IdSchema,
  userId: IdSchema,
  roles: z.array(z.enum(roles)).max(3).default(['rep']),
  name: z.string().trim().min(1).max(200).optional(),
  // A token for the local calendar service instead of the API: whose mailbox, and which delegated scopes.
  resource: z.enum(['api', 'graph']).default('api'),
  email: z.email().max(320).optional(),
  scopes: z.array(z.enum(GRAPH_SCOPES)).max(GRAPH_SCOPES.length).default([]),
}).refine((body) => body.resource === 'api' || (body.email && body.scopes.length > 0), { message: 'a graph token needs the mailbox (email) and at least one scope', path: ['scopes'] });

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
      const accessToken =
        body.resource === 'graph'
          ? await issuer.issueGraphToken({ tenantId: body.tenantId, userId: body.userId, email: body.email ?? '', scopes: body.scopes })
          : await issuer.issue({ tenantId: body.tenantId, userId: body.userId, roles: body.roles, ...(body.name ? { name: body.name } : {}) });
      return json(200, { accessToken, tokenType: 'Bearer', expiresIn: 3600 });
    }),
  ];
}
