// Run by bench/imports.ts in a process of its own: imports a contacts CSV into a fresh SQLite file and prints
// its figures as JSON, peak memory (max RSS) included.
import path from 'node:path';
import { importCsvFile } from '../functions/src/import/csv-file-import';
import { CsvImportService } from '../functions/src/services/csv-import.service';
import { RecordWriter } from '../functions/src/services/record-writer';
import { SqliteStore } from '../functions/src/store/sqlite/sqlite-store';

async function main(): Promise<void> {
  const [file, dataDir] = process.argv.slice(2);
  if (!file || !dataDir) throw new Error('usage: csv-import-child <file.csv> <data dir>');
  const store = SqliteStore.open(path.join(dataDir, 'rapport.db'));
  const now = () => new Date();
  const started = performance.now();
  const result = await importCsvFile({
    imports: new CsvImportService({ store, writer: new RecordWriter({ store, now }), now }),
    principal: { tenantId: 'bench-csv', userId: 'bench-import', roles: ['admin'] },
    kind: 'contact',
    file,
  });
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  const figures = { rows: result.rows, created: result.created, rejected: result.rejected, companies: result.companiesCreated, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
