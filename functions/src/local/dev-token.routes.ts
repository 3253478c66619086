import { CrmError, GRAPH_SCOPES, IdSchema, defineRoute, roles } from '@rapport/shared';
import { z } from 'zod';
import type { LocalIssuer } from './local-issuer';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';

/**
 * Scopes only the demo Outlook asks for, never the add-in: sending and reading mail is Outlook's own work, which the
 * demo page plays against the Graph stand-in.
 */
const DEMO_OUTLOOK_SCOPES = ['Mail.Send', 'Mail.Read'] as const;

const DevTokenRequestSchema = z.strictObject({
  tenantId: IdSchema,
  userId: IdSchema,
  roles: z.array(z.enum(roles)).max(3).default(['rep']),
  name: z.string().trim().min(1).max(200).optional(),
  // A token for the local calendar service instead of the API: whose mailbox, and which delegated scopes.
  resource: z.enum(['api', 'graph']).default('api'),
  email: z.email().max(320).optional(),
  scopes: z.array(z.enum([...GRAPH_SCOPES, ...DEMO_OUTLOOK_SCOPES])).max(GRAPH_SCOPES.length + DEMO_OUTLOOK_SCOPES.length).default([]),
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
    bindRoute(deps, devTokenRoute, async ({ request, body }) => {
      // A web page elsewhere could point its own name at 127.0.0.1 (DNS rebinding) and ask for tokens: only a loopback
      // name is served. And only to this machine: the host appends the socket's address to X-Forwarded-For last.
      const peer = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() ?? '';
      if (!isLoopbackHost(request.headers.get('host')) || !isLoopbackAddress(peer)) {
        throw new CrmError('forbidden', 'AUTH.LOCAL_TOKENS_LOOPBACK_ONLY', 'Local tokens are issued only to pages opened at localhost or 127.0.0.1 on this machine.');
      }
      const accessToken =
        body.resource === 'graph'
          ? await issuer.issueGraphToken({ tenantId: body.tenantId, userId: body.userId, email: body.email ?? '', scopes: body.scopes })
          : await issuer.issue({ tenantId: body.tenantId, userId: body.userId, roles: body.roles, ...(body.name ? { name: body.name } : {}), ...(body.email ? { email: body.email } : {}) });
      return json(200, { accessToken, tokenType: 'Bearer', expiresIn: 3600 });
    }),
  ];
}

/** Whether a Host header names this machine's loopback: localhost (or a name under it), 127.0.0.0/8 or [::1], with any port. */
export function isLoopbackHost(host: string | null): boolean {
  if (!host) return false;
  const name = (host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '')).toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** Whether a socket address is this machine's loopback (127.0.0.0/8, ::1, or 127.x mapped into IPv6). */
export function isLoopbackAddress(address: string): boolean {
  const plain = address.replace(/^::ffff:/i, '');
  return plain === '::1' || /^127(\.\d{1,3}){3}$/.test(plain);
}
