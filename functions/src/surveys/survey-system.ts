import type { Actor } from '../kinds/kind-hooks';

/** The job that sends surveys, and finishes what an answer's request left undone (survey-invitations.job.ts). */
export const SURVEYS_JOB = 'surveys';

/** Who the system writes a survey as: its owner, for whom the job and the survey's page act. */
export const actorOf = (survey: { tenantId: string; ownerId: string }): Actor => ({ tenantId: survey.tenantId, userId: survey.ownerId });
