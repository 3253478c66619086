import { app, type HttpHandler, type HttpResponseInit } from '@azure/functions';
import { CrmError, apiContract } from '@rapport/shared';
import { startAzureApp } from './azure-app';
import type { ApiHandler } from './http/bind-route';
import { errorResponse } from './http/responses';
import { APP_JOB_SCHEDULES } from './jobs/jobs';
import { scheduleOf } from './jobs/job';

// Azure Functions entry: the same route table as the standalone host, registered with app.http. Rapport starts
// when the host loads this file (configuration checked, production profile); it never imports the local room.
// Streams, so a document's bytes pass through without being held whole (uploads up to the file size limit, downloads).
app.setup({ enableHttpStream: true });
const rapport = startAzureApp(process.env);
// A worker the host stops (scale-in, a new deployment) writes the clicks it summed in memory first (click-counter.ts).
app.hook.appTerminate(() => rapport.close());

// The pages are served from another origin (infra/: Static Web Apps). The platform's CORS answers preflights and allows
// the pages' origin; a browser still hides every response header but a few unless it is exposed.
const EXPOSED_HEADERS = 'etag, retry-after, idempotent-replayed, content-disposition';

function withExposedHeaders(response: HttpResponseInit): HttpResponseInit {
  return { ...response, headers: { ...(response.headers as Record<string, string> | undefined), 'access-control-expose-headers': EXPOSED_HEADERS } };
}

/** A contract path as the Functions host takes it: without its leading slash (host.json's routePrefix is ""). */
function azureRouteOf(path: string): string {
  return path.replace(/^\//, '');
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
    methods: route.head ? [route.method, 'HEAD'] : [route.method],
    authLevel: 'anonymous',
    // host.json sets no route prefix (""), so each route is registered at its whole path: the API's under /api as the
    // contract writes them, and tracked links at the root (/r/{code}), which a prefix would put out of reach.
    route: azureRouteOf(route.path),
    handler,
  });
}

// The work that runs without a request, on Azure's timer trigger: each run claims its slot (a second instance, or a
// timer the platform fires twice, does nothing twice). Registered from the job list itself, so nothing waits for the
// app to start before the host knows its functions.
for (const job of APP_JOB_SCHEDULES) {
  app.timer(job.name, {
    schedule: scheduleOf(job),
    handler: async (_timer, context) => {
      const runner = await rapport.jobs();
      const run = await runner.run(job.name);
      context.log(`${run.runKey}: ${run.status}${run.status === 'ran' ? `, ${run.outcome.done} done` : ''}`);
    },
  });
}
