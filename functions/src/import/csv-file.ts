import fs from 'node:fs';
import { CsvParser, type CsvRow } from '@rapport/shared';

/** The rows of a CSV file as it is read, a piece at a time: memory stays flat whatever the file's size. */
export async function* csvRowsOf(file: string): AsyncGenerator<CsvRow> {
  const parser = new CsvParser();
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    yield* parser.push(chunk as string);
  }
  yield* parser.end();
}
