// Run by bench/run.ts in a process of its own, so that the heap left by building the tenants does not pause the
// measurements: prints each report's latency on the tenants in the given folders, as JSON.
import { measureReports } from './reports';

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) throw new Error('usage: reports-child <data dir>...');
  process.stdout.write(`${JSON.stringify(await measureReports(dirs))}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
