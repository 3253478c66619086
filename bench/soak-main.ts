// npm run soak [-- --clients 50 --seconds 60]: a bounded mixed load on loopback, then a crash test.
// Prints requests per second, p50/p99 latency, errors, whether every acknowledged write is there, and the host's
// resident memory (sampled every second: peak, half time, end, and its trend over the last half).
import os from 'node:os';
import { runCrashTest, runSoak } from './soak';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : Number(process.env[`SOAK_${name.toUpperCase()}`] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above 0`);
  return value;
}

async function main(): Promise<void> {
  const clients = option('clients', 50);
  const seconds = option('seconds', 60);
  console.log(`Rapport soak — node ${process.version}, ${os.cpus().length} cores; the host is its own process (SQLite store) on loopback`);
  console.log(`\nMixed load: ${clients} concurrent clients for ${seconds} s (20% creates, 13% changes, the rest lookups, searches, reads and timelines)`);
  const soak = await runSoak({ clients, seconds });
  console.log(`  ${soak.requests} requests in ${soak.seconds.toFixed(1)} s: ${soak.requestsPerSecond.toFixed(0)} requests/s, p50 ${soak.p50.toFixed(1)} ms, p99 ${soak.p99.toFixed(1)} ms`);
  for (const kind of soak.kinds) console.log(`    ${kind.kind.padEnd(34)} ${String(kind.requests).padStart(7)} requests  p50 ${kind.p50.toFixed(1).padStart(6)} ms  p99 ${kind.p99.toFixed(1).padStart(6)} ms`);
  console.log(`  errors: ${soak.errors}${soak.errors > 0 ? ` ${JSON.stringify(soak.failures)}` : ''}`);
  console.log(`  acknowledged writes: ${soak.acknowledgedWrites}, missing afterwards: ${soak.missingWrites}`);
  const { memory } = soak;
  console.log(
    `  host resident memory: peak ${memory.peakMb.toFixed(0)} MB, ${memory.halfMb.toFixed(0)} MB at half time, ${memory.endMb.toFixed(0)} MB at the end; ` +
      `its trend over the last half ${memory.lastHalfGrowthMb >= 0 ? '+' : ''}${memory.lastHalfGrowthMb.toFixed(0)} MB (goal: at most 300 MB, flat)`,
  );

  console.log('\nCrash: SIGKILL the host in the middle of a write load (16 writers), restart it on the same data');
  const crash = await runCrashTest({ writers: 16, killAfterAcks: 500 });
  console.log(`  acknowledged before the kill: ${crash.acknowledgedBeforeKill} (${crash.inFlightAtKill} requests in flight when it died)`);
  console.log(`  store reopened: ${crash.reopened ? 'yes' : 'NO'} (ready in ${crash.restartSeconds.toFixed(1)} s), acknowledged writes missing: ${crash.missingAfterRestart}`);
  if (soak.errors > 0 || soak.missingWrites > 0 || crash.missingAfterRestart > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
