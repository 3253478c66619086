import { randomUUID } from 'node:crypto';
// npm run import -- maven <folder> [--tenant <id>]
//   Imports the Maven CRM sample (accounts, products, sales teams, pipeline). Run it again and it creates nothing
//   new. Prints what it made and every fault it found in the data.
// npm run import -- csv <leads|contacts> <file.csv> [--map field=Column,…] [--rejects <file>] [--tenant <id>]
//   Imports a CSV list, read as it streams; columns map themselves by their names, --map overrides
//   (fields: see importFields in shared/src/import/import-fields.ts). Rejected rows, with line and reason, go to
//   <file>.rejects.csv unless --rejects names another file.
// Both write to a tenant of the configured store: the SQLite file in .data/ by default, the demo tenant unless
// --tenant names another.
import { loadConfig } from '../functions/src/config';
import { openStore } from '../functions/src/app';
import { DEMO_TENANT_ID } from '../functions/src/local/demo/demo-data';
import { readMavenFiles } from './maven/maven-files';
import { MavenImportService, type MavenImportResult } from './maven/maven-import.service';
import { PipelineService } from '../functions/src/services/pipeline.service';
import { RecordService } from '../functions/src/services/records.service';
import { CsvImportService } from '../functions/src/services/csv-import.service';
import { importCsvFile } from '../functions/src/import/csv-file-import';

const IMPORT_ACTOR = 'rapport-import';

/** `--map firstName=Given,lastName=Family` */
function mappingOption(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  return Object.fromEntries(text.split(',').map((pair) => pair.split('=').map((part) => part.trim()) as [string, string]));
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const [source, folder] = args;
  const usage = [
    'Usage: npm run import -- maven <folder with accounts.csv, products.csv, sales_teams.csv, sales_pipeline.csv> [--tenant <id>]',
    '       npm run import -- csv <leads|contacts> <file.csv> [--map field=Column,…] [--rejects <file>] [--tenant <id>]',
  ].join('\n');
  if (!((source === 'maven' && folder) || (source === 'csv' && (folder === 'leads' || folder === 'contacts') && args[2]))) throw new Error(usage);
  const tenantId = option(args, '--tenant') ?? DEMO_TENANT_ID;
  const config = loadConfig();
  if (config.store === 'cosmos' && !config.cosmos.endpoint) throw new Error('STORE=cosmos needs COSMOS_ENDPOINT: a local in-process server would forget the import on exit.');
  const { store, stop } = await openStore(config);
  try {
    const started = performance.now();
    const now = () => new Date();
    const principal = { tenantId, userId: IMPORT_ACTOR, roles: ['admin' as const] };
    const pipelines = new PipelineService({ store, now });
    if (source === 'maven') {
      const service = new MavenImportService({ store, pipelines, now });
      const result = await service.run(principal, await readMavenFiles(folder));
      printResult(result, tenantId, store.name, (performance.now() - started) / 1000);
      return;
    }
    const file = args[2] as string;
    const records = new RecordService({ store, now });
    const rejectsFile = option(args, '--rejects') ?? file.replace(/(\.csv)?$/i, '.rejects.csv');
    const result = await importCsvFile({
      imports: new CsvImportService({ store, writer: records.writer, now }),
      principal,
      kind: folder === 'leads' ? 'lead' : 'contact',
      file,
      mapping: mappingOption(option(args, '--map')),
      rejectsFile,
      onProgress: (rows) => process.stderr.write(`\r  ${rows.toLocaleString('en-US')} rows…`),
    });
    process.stderr.write('\n');
    const seconds = (performance.now() - started) / 1000;
    const n = (value: number) => value.toLocaleString('en-US');
    console.log(`${file} → ${folder} of tenant ${tenantId} (${store.name}) in ${seconds.toFixed(1)} s (${n(Math.round(result.rows / seconds))} rows/s)`);
    console.log(`  columns: ${Object.entries(result.mapping).map(([field, column]) => `${column} → ${field}`).join(', ')}`);
    console.log(`  ${n(result.rows)} rows: ${n(result.created)} created, ${n(result.merged)} merged into records with the same e-mail, ${n(result.rejected)} rejected`);
    if (result.companiesCreated > 0) console.log(`  ${n(result.companiesCreated)} companies created for contacts whose company was not known`);
    if (result.rejected > 0) console.log(`  rejected rows with their reasons: ${rejectsFile}`);
  } finally {
    await store.close();
    await stop();
  }
}

function printResult(result: MavenImportResult, tenantId: string, storeName: string, seconds: number): void {
  const n = (value: number) => value.toLocaleString('en-US');
  console.log(`Maven CRM sample → tenant ${tenantId} (${storeName}) in ${seconds.toFixed(1)} s`);
  for (const kind of ['companies', 'products', 'members', 'territories', 'deals'] as const) {
    const counts = result[kind];
    const extra = [counts.alreadyThere ? `${n(counts.alreadyThere)} already there` : '', counts.deleted ? `${n(counts.deleted)} deleted since, left deleted` : '']
      .filter(Boolean)
      .join(', ');
    console.log(`  ${kind.padEnd(12)} ${n(counts.inFile).padStart(6)} read, ${n(counts.created)} created${extra ? `, ${extra}` : ''}`);
  }
  console.log(`  deals by stage: ${Object.entries(result.dealsByStage).map(([stage, count]) => `${stage} ${n(count)}`).join(', ')}`);
  if (result.stagesAdded.length > 0) console.log(`  pipeline: added ${result.stagesAdded.map((name) => `"${name}"`).join(', ')}`);
  console.log(`  rows not imported: ${n(result.rejectedRows)}`);
  console.log(result.faults.length > 0 ? '  what the data got wrong, and how it was read:' : '  no faults found in the data');
  for (const fault of result.faults) {
    console.log(`    ${fault.file}: ${fault.message} — ${n(fault.count)} row${fault.count === 1 ? '' : 's'} (lines ${fault.lines.join(', ')}${fault.count > fault.lines.length ? ', …' : ''})`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
