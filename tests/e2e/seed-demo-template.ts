// Run by seeded-demo.ts in a process of its own: seeds the demo tenant, as `npm start` does, into the folder given.
import { createLocalApp } from '../../functions/src/local/local-mode';
import { loadConfig } from '../../functions/src/config';
import { seedDemoTenant } from '../../functions/src/local/demo/seed';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: seed-demo-template <data dir>');
  const app = await createLocalApp(loadConfig({ RAPPORT_DATA_DIR: dataDir, LOCAL_CALENDAR_TIME_ZONE: 'UTC' }));
  await seedDemoTenant(app.store, { documents: app.services.documents });
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
