import { APP_JOB_SCHEDULES, appJobs } from '../../functions/src/jobs/jobs';
import { JobRunner } from '../../functions/src/jobs/job-runner';
import { isValidPeriod, runKeyOf, scheduleOf, type Job, type JobContext } from '../../functions/src/jobs/job';
import { startJobScheduler } from '../../functions/src/jobs/job-scheduler';
import { createTestApp, testStores, type TestApp } from './test-app';

// The job runner: work without a request, each run once per slot, whoever starts it (Azure's timer, the standalone
// host's scheduler, a second instance, POST /dev/jobs/{name}/run).

/** A job that records each run it was given. */
function countingJob(name: string, everyMinutes = 5, fail = false): Job & { runs: JobContext[] } {
  const runs: JobContext[] = [];
  return {
    name,
    everyMinutes,
    runs,
    run: async (context) => {
      runs.push(context);
      if (fail) throw new Error('the mailbox could not be read');
      return { done: runs.length };
    },
  };
}

describe('a job and its slots', () => {
  it('runs at periods a timer can say, in slots that start at the same times every day', () => {
    expect([1, 5, 15, 30, 60, 120, 360, 1440].every(isValidPeriod)).toBe(true);
    expect([0, 7, 45, 90, 300, 1441, 2.5].some(isValidPeriod)).toBe(false);
    expect(scheduleOf({ name: 'a', everyMinutes: 5 })).toBe('0 */5 * * * *');
    expect(scheduleOf({ name: 'a', everyMinutes: 120 })).toBe('0 0 */2 * * *');
    expect(scheduleOf({ name: 'a', everyMinutes: 1440 })).toBe('0 0 0 * * *');
    expect(() => scheduleOf({ name: 'a', everyMinutes: 90 })).toThrow('does not divide a day');
    expect(runKeyOf({ name: 'log-sent-mail', everyMinutes: 5 }, new Date('2026-11-30T10:07:59Z'))).toBe('log-sent-mail@2026-11-30T10:05:00.000Z');
    expect(runKeyOf({ name: 'digest', everyMinutes: 1440 }, new Date('2026-11-30T23:59:00Z'))).toBe('digest@2026-11-30T00:00:00.000Z');
  });

  it("builds the jobs Azure registers timers for, with the same periods (the schedule is known before the app starts)", () => {
    // Never called: the jobs are only listed here.
    const unused = async (): Promise<never> => {
      throw new Error('not called');
    };
    const graph = { sentMessageByMarker: unused, messageByInternetId: unused, messageChanges: unused, sendMail: unused, messageAttachments: unused, attachmentContent: unused };
    const jobs = appJobs({ store: {} as never, writer: {} as never, graph, mailLog: {} as never, digests: { content: {} as never, pagesUrl: undefined }, links: {} as never, publicUrl: () => undefined });
    expect(jobs.map(({ name, everyMinutes }) => ({ name, everyMinutes }))).toEqual(APP_JOB_SCHEDULES);
    // Without Graph as the application there is no mail to read: only the contracts' renewals, which read none.
    const withoutGraph = appJobs({ store: {} as never, writer: {} as never, graph: undefined, mailLog: {} as never, digests: { content: {} as never, pagesUrl: undefined }, links: {} as never, publicUrl: () => undefined });
    expect(withoutGraph.map((job) => job.name)).toEqual(['contract-renewals']);
  });

  it('refuses a job whose period no timer can say', () => {
    expect(() => new JobRunner([countingJob('odd', 7)], { store: { claimJobRun: async () => true }, now: () => new Date() })).toThrow('not a timer');
  });

  it('runs each job at the start of its slots on the standalone host, and stops with it', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-30T10:04:00Z') });
    try {
      const claimed: string[] = [];
      const job = countingJob('tick', 5);
      const runner = new JobRunner([job], { store: { claimJobRun: async (key) => (claimed.includes(key) ? false : (claimed.push(key), true)) }, now: () => new Date() });
      const scheduler = startJobScheduler(runner);
      // Just after 10:05 starts (the timer waits 50 ms into the slot).
      await jest.advanceTimersByTimeAsync(61_000);
      expect(job.runs.map((run) => run.runKey)).toEqual(['tick@2026-11-30T10:05:00.000Z']);
      await jest.advanceTimersByTimeAsync(10 * 60_000);
      expect(job.runs.map((run) => run.runKey)).toEqual(['tick@2026-11-30T10:05:00.000Z', 'tick@2026-11-30T10:10:00.000Z', 'tick@2026-11-30T10:15:00.000Z']);
      scheduler.stop();
      await jest.advanceTimersByTimeAsync(10 * 60_000);
      expect(job.runs).toHaveLength(3);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe.each(testStores)('the job runner on %s', (store) => {
  let t: TestApp;
  const job = countingJob('count-things');
  const failing = countingJob('fail-once', 15, true);
  beforeAll(async () => {
    // The app's clock: runs asked by hand are bounded to a day around it.
    t = await createTestApp({ store, jobs: [job, failing], now: () => new Date('2026-11-30T10:00:00Z') });
  });
  afterAll(async () => {
    await t.close();
  });
  const runByHand = (name: string, at?: string) =>
    t.call('dev-run-job', { token: null, params: { name }, ...(at ? { query: { at } } : {}), headers: { host: 'localhost:3000', 'x-forwarded-for': '127.0.0.1', 'x-rapport-dev': 'run' } });

  it('runs a slot once, whoever asks: two instances together, then a timer that fires again', async () => {
    const other = new JobRunner([job], { store: t.app.store, now: () => new Date() });
    const at = new Date('2026-11-30T10:06:00Z');
    const runs = await Promise.all([t.app.jobs.run('count-things', at), other.run('count-things', at), other.run('count-things', new Date('2026-11-30T10:09:59Z'))]);
    expect(runs.map((run) => run.status).sort()).toEqual(['already-ran', 'already-ran', 'ran']);
    expect(new Set(runs.map((run) => run.runKey))).toEqual(new Set(['count-things@2026-11-30T10:05:00.000Z']));
    expect(job.runs.map((run) => [run.runKey, run.at.toISOString()])).toEqual([['count-things@2026-11-30T10:05:00.000Z', expect.stringMatching(/^2026-11-30T10:0[69]/)]]);
    // The next slot is a new run.
    expect(await t.app.jobs.run('count-things', new Date('2026-11-30T10:10:00Z'))).toMatchObject({ status: 'ran', outcome: { done: 2 } });
  });

  it('runs a job by hand in local mode for the slot of the time asked, and says when that slot had its run', async () => {
    const first = await runByHand('count-things', '2026-12-01T08:00:00Z');
    expect(first).toMatchObject({ status: 200, body: { job: 'count-things', runKey: 'count-things@2026-12-01T08:00:00.000Z', status: 'ran' } });
    expect((await runByHand('count-things', '2026-12-01T08:04:00+00:00')).body).toMatchObject({ status: 'already-ran' });
    // Asked to run again: a run besides the slot's (the demo after each send), leaving the slot's claim as it was.
    const again = await t.call('dev-run-job', { token: null, params: { name: 'count-things' }, query: { at: '2026-12-01T08:04:00Z', again: 'true' }, headers: { host: 'localhost:3000', 'x-forwarded-for': '127.0.0.1', 'x-rapport-dev': 'run' } });
    expect(again.body).toMatchObject({ status: 'ran', runKey: 'count-things@2026-12-01T08:00:00.000Z#again-1' });
    expect(await runByHand('no-such-job')).toMatchObject({ status: 404, body: { error: { code: 'ROUTE.NOT_FOUND' } } });
    expect(await runByHand('count-things', 'tomorrow')).toMatchObject({ status: 400, body: { error: { code: 'REQUEST.VALIDATION_FAILED' } } });
  });

  it('runs jobs by hand only when asked with its header (not by a page elsewhere), and for a time within a day', async () => {
    const simplePost = await t.call('dev-run-job', { token: null, params: { name: 'count-things' }, headers: { host: 'localhost:3000', 'x-forwarded-for': '127.0.0.1' } });
    expect(simplePost.status).toBe(403);
    const far = '2026-12-03T10:00:00Z';
    expect(await runByHand('count-things', far)).toMatchObject({ status: 400, body: { error: { code: 'REQUEST.VALIDATION_FAILED' } } });
  });

  it('runs jobs by hand only for this machine', async () => {
    const fromElsewhere = await t.call('dev-run-job', { token: null, params: { name: 'count-things' }, headers: { host: 'rapport.example.com', 'x-forwarded-for': '203.0.113.9' } });
    expect(fromElsewhere.status).toBe(403);
  });

  it('keeps the claim of a run that failed: its slot is not run twice, the next one is', async () => {
    await expect(t.app.jobs.run('fail-once', new Date('2026-11-30T11:00:00Z'))).rejects.toThrow('the mailbox could not be read');
    expect(await t.app.jobs.run('fail-once', new Date('2026-11-30T11:14:00Z'))).toMatchObject({ status: 'already-ran' });
    await expect(t.app.jobs.run('fail-once', new Date('2026-11-30T11:15:00Z'))).rejects.toThrow();
    expect(failing.runs).toHaveLength(2);
  });
});
