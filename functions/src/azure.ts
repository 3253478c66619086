import { app, type HttpHandler, type HttpResponseInit } from '@azure/functions';
import { CrmError, apiContract } from '@rapport/shared';
import { startAzureApp } from './azure-app';
import type { ApiHandler } from './http/bind-route';
import { errorResponse } from './http/responses';

// Azure Functions entry: the same route table as the standalone host, registered with app.http. Rapport starts
// when the host loads this file (configuration checked, production profile); it never imports the local room.
const rapport = startAzureApp(process.env);

// The pages are served from another origin (infra/: Static Web Apps). The platform's CORS answers preflights and allows
// the pages' origin; a browser still hides every response header but a few unless it is exposed.
const EXPOSED_HEADERS = 'etag, retry-after, idempotent-replayed';

function withExposedHeaders(response: HttpResponseInit): HttpResponseInit {
  return { ...response, headers: { ...(response.headers as Record<string, string> | undefined), 'access-control-expose-headers': EXPOSED_HEADERS } };
}

for (const route of apiContract) {
  const handler: HttpHandler = async (request, context) => {
    const log = (message: string, error: unknown) => context.error(message, error);
    let handlers: Map<string, ApiHandler>;
    try {
      handlers = await rapport.handlers();
    } catch {
      // Logged by the start itself; the caller may retry, and the next request starts afresh.
      const unavailable = new CrmError('unavailable', 'SERVICE.UNAVAILABLE', 'Rapport is not available just now. Try again in a minute.', { retryAfterSeconds: 30 });
      return withExposedHeaders(errorResponse(unavailable, log));
    }
    const bound = handlers.get(route.name);
    if (!bound) throw new Error(`Route ${route.name} has no handler`);
    return withExposedHeaders(await bound(request, context));
  };
  app.http(route.name, {
    methods: [route.method],
    authLevel: 'anonymous',
    // host.json sets the "api" route prefix.
    route: route.path.replace(/^\/api\//, ''),
    handler,
  });
}
