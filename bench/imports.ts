import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { figuresFromChild } from './child-figures';
import { csvLine } from '@rapport/shared';
import { readMavenFiles } from '../scripts/maven/maven-files';
import { MavenImportService } from '../scripts/maven/maven-import.service';
import { PipelineService } from '../functions/src/services/pipeline.service';
import { SqliteStore } from '../functions/src/store/sqlite/sqlite-store';

export const MAVEN_FOLDER = path.resolve(__dirname, '../../shared/data/maven-crm');

/** Seconds for the whole Maven sample into a fresh SQLite file (files read and parsed included), and for a second run. */
export async function measureMavenImport(runs = 3): Promise<{ first: number[]; again: number[]; deals: number }> {
  const first: number[] = [];
  const again: number[] = [];
  let deals = 0;
  for (let run = 0; run < runs; run++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-maven-'));
    const store = SqliteStore.open(path.join(dir, 'rapport.db'));
    const now = () => new Date();
    const service = new MavenImportService({ store, pipelines: new PipelineService({ store, now }), now });
    const principal = { tenantId: 'bench-maven', userId: 'bench-import', roles: ['admin' as const] };
    for (const times of [first, again]) {
      const started = performance.now();
      const result = await service.run(principal, await readMavenFiles(MAVEN_FOLDER));
      times.push((performance.now() - started) / 1000);
      deals = Math.max(deals, result.deals.created);
    }
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { first, again, deals };
}

/** A CSV file of `rows` contacts at 1,000 companies, written as it is made (the bench's input). */
export async function writeContactsCsv(file: string, rows: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write(csvLine(['First name', 'Last name', 'E-mail', 'Company', 'Job title', 'Phone', 'City', 'Country']));
  const firsts = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eva', 'Finn', 'Gia', 'Hugo', 'Ines', 'Jon'];
  const lasts = ['Silva', 'Meyer', 'Rossi', 'Patel', 'Nguyen', 'García', "O'Neill", 'Kowalski', 'Dubois', 'Smith'];
  for (let i = 0; i < rows; i++) {
    const company = i % 1_000;
    await write(
      csvLine([
        firsts[i % 10]!,
        `${lasts[(i / 10) % 10 | 0]!} ${i}`,
        `person${i}@company${company}.example`,
        `Company ${company}, Ltd.`,
        i % 3 === 0 ? 'Buyer' : 'Engineer',
        `+1 425 ${String(1_000_000 + (i % 9_000_000)).slice(1, 4)} ${String(i % 10_000).padStart(4, '0')}`,
        ['Lisboa', 'Milano', 'Seattle', 'London'][i % 4]!,
        ['Portugal', 'Italy', 'United States', 'United Kingdom'][i % 4]!,
      ]),
    );
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return fs.statSync(file).size;
}

export type CsvImportFigures = { rows: number; created: number; rejected: number; companies: number; seconds: number; peakRssMb: number; fileMb: number };

/** Imports the file in a process of its own, so that its peak memory is the import's alone. */
export function measureCsvImport(file: string): CsvImportFigures {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-csv-'));
  let figures: Omit<CsvImportFigures, 'fileMb'>;
  try {
    figures = figuresFromChild('csv-import-child.ts', [file, dataDir], 'the CSV import');
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { ...figures, fileMb: fs.statSync(file).size / 1024 / 1024 };
}
