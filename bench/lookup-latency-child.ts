// Run by bench/run.ts in a process of its own: prints the lookup's latency over the tenant in the given folder, as JSON.
import fs from 'node:fs';
import { measureLookupLatency } from './lookup-latency';

async function main(): Promise<void> {
  const [dataDir, lookupsFile] = process.argv.slice(2);
  if (!dataDir || !lookupsFile) throw new Error('usage: lookup-latency-child <data dir> <lookups.json>');
  process.stdout.write(`${JSON.stringify(await measureLookupLatency(dataDir, JSON.parse(fs.readFileSync(lookupsFile, 'utf8')) as string[][]))}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
