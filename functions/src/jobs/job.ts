// Work that starts from time rather than from a request (logging sent mail, digests, renewals, survey invitations).
// Each job runs once per slot of its period: the run key names the job and the slot, and the store claims it once, so a
// second instance, a timer that fires twice or a run started by hand for the same slot does nothing twice.

/** What a run knows: when it runs (the injected clock's time, or the time a test asked for) and its run key. */
export type JobContext = {
  at: Date;
  runKey: string;
  log(message: string): void;
};

/** What a run did, for the log and the dev route: how many items it handled, and anything worth saying. */
export type JobOutcome = { done: number; notes?: string[] };

export type Job = {
  /** kebab-case: the Azure function's name and the dev route's `{name}`. */
  name: string;
  /**
   * How often it runs, in minutes: a divisor of an hour (1, 5, 15, 30) or whole hours that divide a day (60, 120…1440),
   * so a timer can say it and slots start at the same times every day (UTC).
   */
  everyMinutes: number;
  run(context: JobContext): Promise<JobOutcome>;
};

const MINUTES_A_DAY = 24 * 60;

/** Whether a job's period can be a timer's: minutes that divide an hour, or hours that divide a day. */
export function isValidPeriod(everyMinutes: number): boolean {
  if (!Number.isInteger(everyMinutes) || everyMinutes < 1 || everyMinutes > MINUTES_A_DAY) return false;
  return everyMinutes < 60 ? 60 % everyMinutes === 0 : everyMinutes % 60 === 0 && 24 % (everyMinutes / 60) === 0;
}

/** The slot a time falls in: the start of the job's period that holds it. */
export function slotOf(job: Pick<Job, 'everyMinutes'>, at: Date): Date {
  const period = job.everyMinutes * 60_000;
  return new Date(Math.floor(at.getTime() / period) * period);
}

/** The run key of the job's run for the slot `at` falls in: `log-sent-mail@2026-11-30T10:05:00.000Z`. */
export function runKeyOf(job: Pick<Job, 'name' | 'everyMinutes'>, at: Date): string {
  return `${job.name}@${slotOf(job, at).toISOString()}`;
}

/**
 * The job's schedule as Azure Functions' timer takes it (NCRONTAB: second minute hour day month weekday), starting at
 * the same slots as `slotOf`.
 */
export function scheduleOf(job: Pick<Job, 'name' | 'everyMinutes'>): string {
  if (!isValidPeriod(job.everyMinutes)) throw new Error(`Job ${job.name}: every ${job.everyMinutes} minutes does not divide a day`);
  const minutes = job.everyMinutes;
  if (minutes < 60) return `0 */${minutes} * * * *`;
  return minutes < MINUTES_A_DAY ? `0 0 */${minutes / 60} * * *` : '0 0 0 * * *';
}
