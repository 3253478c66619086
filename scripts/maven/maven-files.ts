import fs from 'node:fs';
import path from 'node:path';
import { rowsAsRecords, type CsvRow } from '@rapport/shared';
import { csvRowsOf } from '../../functions/src/import/csv-file';
import { MAVEN_FILES, type MavenFiles, type SourceRow } from './maven.rules';

/** A small CSV file's rows keyed by its header. */
async function readCsvRecords(file: string): Promise<SourceRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of csvRowsOf(file)) rows.push(row);
  return rowsAsRecords(rows).records;
}

/** The four files of the Maven CRM sample, from the folder that holds them. */
export async function readMavenFiles(folder: string): Promise<MavenFiles> {
  const read = async (name: string) => {
    const file = path.join(folder, name);
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: the Maven CRM sample has ${Object.values(MAVEN_FILES).join(', ')}.`);
    return readCsvRecords(file);
  };
  return {
    accounts: await read(MAVEN_FILES.accounts),
    products: await read(MAVEN_FILES.products),
    teams: await read(MAVEN_FILES.teams),
    pipeline: await read(MAVEN_FILES.pipeline),
  };
}
