import type { Job } from './job';

/**
 * The app's jobs, registered as Azure Functions timers (azure.ts) and run by the standalone host's scheduler
 * (job-scheduler.ts). None yet: logging sent mail found by Rapport's marker is the first (issue 19, part 3); the
 * morning digest, renewal reminders and survey invitations follow.
 */
export function appJobs(): Job[] {
  return [];
}
