import { CrmError, defineRoute } from '@rapport/shared';
import { z } from 'zod';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';
import type { JobRunner } from '../jobs/job-runner';
import { isLoopbackAddress, isLoopbackHost } from './dev-token.routes';

// Local mode only, beside POST /dev/token: runs a job now, for the slot of `at` (now by default), so tests and the demo
// never wait for a timer. Not in the API contract; it does not exist in production.
export const devRunJobRoute = defineRoute({
  name: 'dev-run-job',
  method: 'POST',
  path: '/dev/jobs/{name}/run',
  summary: 'Run a job for the slot a time falls in (local mode only)',
  tag: 'Development',
  auth: 'none',
  params: z.object({ name: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/) }),
  query: z.object({
    at: z.iso.datetime({ offset: true }).optional(),
    /** `true`: run even when the slot has had its run (the demo after each send, tests that run a job twice in a minute). */
    again: z.enum(['true', 'false']).optional(),
  }),
  success: {
    status: 200,
    schema: z.object({ job: z.string(), runKey: z.string(), status: z.enum(['ran', 'already-ran']), outcome: z.object({ done: z.number(), notes: z.array(z.string()).optional() }).optional() }),
    description: 'What the run did, or that its slot had had its run',
  },
});

/** The header a run by hand carries. */
export const DEV_HEADER = 'x-rapport-dev';
const MAX_SHIFT_MS = 24 * 60 * 60_000;

export function devJobsRouteBindings(deps: BindDependencies, jobs: JobRunner): RouteBinding[] {
  return [
    bindRoute(deps, devRunJobRoute, async ({ request, params, query }) => {
      // As /dev/token: only a loopback name, from this machine (a page elsewhere must not run jobs by DNS rebinding).
      const peer = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() ?? '';
      if (!isLoopbackHost(request.headers.get('host')) || !isLoopbackAddress(peer)) {
        throw new CrmError('forbidden', 'AUTH.LOCAL_TOKENS_LOOPBACK_ONLY', 'Jobs are run by hand only from pages opened at localhost or 127.0.0.1 on this machine.');
      }
      // A page elsewhere can send this machine a simple POST, never one with a header of its own (no CORS here): asked for.
      if (request.headers.get(DEV_HEADER) !== 'run') {
        throw new CrmError('forbidden', 'AUTH.LOCAL_TOKENS_LOOPBACK_ONLY', `Run a job by hand with the header ${DEV_HEADER}: run (curl -X POST -H '${DEV_HEADER}: run' …).`);
      }
      const at = query.at ? new Date(query.at) : undefined;
      // A slot far away would claim runs that never come, or make the job drop every capture as too old.
      if (at && Math.abs(at.getTime() - jobs.now().getTime()) > MAX_SHIFT_MS) {
        throw new CrmError('invalid', 'REQUEST.VALIDATION_FAILED', 'Run a job for a time within a day of now.', { fields: [{ path: 'at', message: 'must be within a day of now' }] });
      }
      return json(200, await jobs.run(params.name, at, { again: query.again === 'true' }));
    }),
  ];
}
