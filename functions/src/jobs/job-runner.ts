import { CrmError } from '@rapport/shared';
import type { Clock } from '../services/records.service';
import type { Store } from '../store/store';
import { isValidPeriod, runKeyOf, type Job, type JobOutcome } from './job';

export type JobRun =
  | { job: string; runKey: string; status: 'ran'; outcome: JobOutcome }
  /** Another instance, a repeated timer or an earlier run by hand has had this slot. */
  | { job: string; runKey: string; status: 'already-ran' };

export type JobRunnerDependencies = {
  store: Pick<Store, 'claimJobRun'>;
  now: Clock;
  log?: (message: string) => void;
};

/**
 * Runs the app's jobs, each at most once per slot: the Azure timers, the standalone host's scheduler and the local
 * dev route all come here. A run that fails keeps its claim (its slot is not tried again): the next slot's run picks
 * up what this one left, as every job does its items idempotently.
 */
export class JobRunner {
  private readonly jobs: ReadonlyMap<string, Job>;
  private extraRuns = 0;

  constructor(
    jobs: readonly Job[],
    private readonly deps: JobRunnerDependencies,
  ) {
    for (const job of jobs) if (!isValidPeriod(job.everyMinutes)) throw new Error(`Job ${job.name}: every ${job.everyMinutes} minutes is not a timer's period`);
    this.jobs = new Map(jobs.map((job) => [job.name, job]));
  }

  /** The runner's time (the app's clock). */
  now(): Date {
    return this.deps.now();
  }

  /** The jobs, as the host schedules them. */
  list(): Job[] {
    return [...this.jobs.values()];
  }

  /** Runs a job for the slot `at` falls in (now by default), unless that slot has had its run. */
  async run(name: string, at: Date = this.deps.now(), options: { again?: boolean } = {}): Promise<JobRun> {
    const job = this.jobs.get(name);
    if (!job) throw new CrmError('not-found', 'ROUTE.NOT_FOUND', `There is no job "${name}". Jobs: ${[...this.jobs.keys()].join(', ') || 'none'}.`);
    // `again` (local runs by hand only): a run besides the slot's own, which stays unclaimed for its timer. Each job does
    // its items idempotently, so an extra run does nothing twice.
    const runKey = options.again ? `${runKeyOf(job, at)}#again-${++this.extraRuns}` : runKeyOf(job, at);
    if (!options.again && !(await this.deps.store.claimJobRun(runKey, job.name, this.deps.now().toISOString()))) return { job: name, runKey, status: 'already-ran' };
    const log = (message: string) => this.deps.log?.(`[${runKey}] ${message}`);
    const outcome = await job.run({ at, runKey, log });
    log(`done: ${outcome.done}${outcome.notes?.length ? ` (${outcome.notes.join('; ')})` : ''}`);
    return { job: name, runKey, status: 'ran', outcome };
  }
}
