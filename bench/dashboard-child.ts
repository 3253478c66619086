// Run by bench/run.ts in a process of its own, so that the API the page reads is served beside no heap but its own (the
// tenants' build leaves gigabytes that pause it): prints the dashboard's load times on the tenant in the folder, as JSON.
import { measureDashboard } from './reports';

async function main(): Promise<void> {
  const [dir] = process.argv.slice(2);
  if (!dir) throw new Error('usage: dashboard-child <data dir>');
  process.stdout.write(`${JSON.stringify(await measureDashboard(dir))}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
