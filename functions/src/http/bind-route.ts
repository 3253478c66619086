import { createHash } from 'node:crypto';
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { hasRole, roleRequired, type ApiRoute } from '@rapport/shared';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { TokenVerifier, VerifiedToken } from '../auth/token-verifier';
import type { WriteLimits } from './rate-limit';
import { readJsonBody, readParams, readQuery } from './request';
import { errorResponse } from './responses';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler receives: the caller and the request's parts, already parsed against the contract. */
export type RouteInput<R extends ApiRoute> = {
  request: HttpRequest;
  context: InvocationContext;
  principal: R['auth'] extends 'user' ? Principal : Principal | null;
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
};

/** An Azure Functions HTTP handler that always answers with a response init (never a streamed HttpResponse). */
export type ApiHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

/** A route of the table: its contract entry and the handler that serves it. */
export type RouteBinding = { route: ApiRoute; handler: ApiHandler };

export type BindDependencies = {
  verifyToken: TokenVerifier;
  /** The caller's roles: from the token's app roles, or the tenant's member records. */
  resolvePrincipal: (token: VerifiedToken) => Promise<Principal>;
  writeLimits?: WriteLimits;
};

/**
 * Binds a contract route to a thin handler: authenticate, check the route's role, limit the rate of
 * writes, parse path, query and body with the route's schemas, call the handler, and map any error to
 * the API's error response.
 */
export function bindRoute<R extends ApiRoute>(
  deps: BindDependencies,
  route: R,
  handle: (input: RouteInput<R>) => Promise<HttpResponseInit>,
): RouteBinding {
  const handler: ApiHandler = async (request, context) => {
    try {
      const principal = route.auth === 'user' ? await authenticate(deps, route, request) : null;
      const input = {
        request,
        context,
        principal,
        params: route.params ? readParams(request, route.params) : undefined,
        query: route.query ? readQuery(request, route.query) : undefined,
        body: route.body ? await readJsonBody(request, route.body) : undefined,
      } as RouteInput<R>;
      return await handle(input);
    } catch (error) {
      return errorResponse(error, (message, cause) => context.error(message, cause));
    }
  };
  return { route, handler };
}

async function authenticate(deps: BindDependencies, route: ApiRoute, request: HttpRequest): Promise<Principal> {
  const principal = await deps.resolvePrincipal(await deps.verifyToken(request.headers.get('authorization')));
  // A capability an admin gave the member (a knowledge editor) lets them do what the route's role does.
  const capable = route.capability !== undefined && (principal.capabilities ?? []).includes(route.capability);
  if (route.role && !capable && !hasRole(principal.roles, route.role)) throw roleRequired(route.role, route.allows ?? 'do this', route.capability);
  if (deps.writeLimits && route.method !== 'GET' && !route.readOnly) deps.writeLimits.check(principal.tenantId, principal.userId);
  return principal;
}

/** A stable hash of a create request, so a reused idempotency key with a different body is caught. */
export function requestHash(kind: string, body: unknown): string {
  return createHash('sha256').update(kind).update('\0').update(JSON.stringify(body)).digest('base64url');
}
