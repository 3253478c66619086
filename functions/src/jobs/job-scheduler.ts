import type { JobRunner } from './job-runner';

export type JobScheduler = { stop(): void };

/**
 * The standalone host's timers: each job at the start of each of its slots, as Azure's timer trigger runs it. A run
 * that fails is logged and the next slot comes as usual; the timers never keep the process alive.
 */
export function startJobScheduler(runner: JobRunner, options: { now?: () => number; log?: (message: string, error?: unknown) => void } = {}): JobScheduler {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error));
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  for (const job of runner.list()) {
    const period = job.everyMinutes * 60_000;
    const next = () => {
      if (stopped) return;
      // Just after the next slot starts, so the run's time falls inside it.
      const timer = setTimeout(() => {
        timers.delete(timer);
        runner.run(job.name).catch((error: unknown) => log(`Job ${job.name} failed; its next slot runs as usual.`, error));
        next();
      }, period - (now() % period) + 50);
      timer.unref();
      timers.add(timer);
    };
    next();
  }
  return {
    stop: () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
