import { runCrashTest, runSoak } from '../../bench/soak';

// Short versions of `npm run soak`: the host in its own process, real HTTP, real kill.
jest.setTimeout(120_000);

it('serves a mixed load from concurrent clients without an error, and keeps every acknowledged write', async () => {
  const result = await runSoak({ clients: 8, seconds: 3 });
  process.stdout.write(
    `Soak (short): ${result.clients} clients, ${result.requests} requests, ${result.requestsPerSecond.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.errors} errors, ${result.acknowledgedWrites} acknowledged writes, ${result.missingWrites} missing\n`,
  );
  expect(result.failures).toEqual({});
  expect(result.acknowledgedWrites).toBeGreaterThan(10);
  expect(result.missingWrites).toBe(0);
  // Each kind of request is counted apart (the soak prints which are slowest), and together they are every request.
  expect(result.kinds.map((kind) => kind.kind)).toEqual(expect.arrayContaining(['POST /api/contacts', 'POST /api/lookup', 'GET /api/contacts/{id}']));
  expect(result.kinds.reduce((sum, kind) => sum + kind.requests, 0)).toBe(result.requests);
});

it('reopens the store after a SIGKILL in the middle of writes, holding every acknowledged write', async () => {
  const result = await runCrashTest({ writers: 8, killAfterAcks: 100 });
  process.stdout.write(
    `Crash (short): ${result.acknowledgedBeforeKill} acknowledged before SIGKILL, ${result.inFlightAtKill} in flight, reopened ${result.reopened}, ${result.missingAfterRestart} missing\n`,
  );
  expect(result.reopened).toBe(true);
  expect(result.acknowledgedBeforeKill).toBeGreaterThanOrEqual(100);
  expect(result.missingAfterRestart).toBe(0);
});
