import fs from 'node:fs';
import path from 'node:path';
import { CsvParser, MAVEN_FILES, rowsAsRecords, type CsvRow, type MavenFiles, type SourceRow } from '@rapport/shared';

/** The rows of a CSV file as it is read, a piece at a time: memory stays flat whatever the file's size. */
export async function* csvRowsOf(file: string): AsyncGenerator<CsvRow> {
  const parser = new CsvParser();
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    yield* parser.push(chunk as string);
  }
  yield* parser.end();
}

/** A small CSV file's rows keyed by its header. */
export async function readCsvRecords(file: string): Promise<SourceRow[]> {
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
