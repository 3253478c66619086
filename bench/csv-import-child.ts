// Run by bench/imports.ts in a process of its own: imports a contacts CSV into a fresh SQLite file and prints
// its figures as JSON, peak memory (max RSS) included.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { importCsvFile } from '../functions/src/import/csv-file-import';
import { CsvImportService } from '../functions/src/services/csv-import.service';
import { PipelineService } from '../functions/src/services/pipeline.service';
import { RecordService } from '../functions/src/services/records.service';
import { SqliteStore } from '../functions/src/store/sqlite/sqlite-store';

async function main(): Promise<void> {
  const [file, dataDir] = process.argv.slice(2);
  if (!file || !dataDir) throw new Error('usage: csv-import-child <file.csv> <data dir>');
  const store = SqliteStore.open(path.join(dataDir, 'rapport.db'));
  const now = () => new Date();
  const pipelines = new PipelineService({ store, now });
  const records = new RecordService({ store, now, newId: randomUUID, pipelineOf: (tenantId) => pipelines.pipelineOf(tenantId) });
  const started = performance.now();
  const result = await importCsvFile({
    imports: new CsvImportService({ store, records, now }),
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
