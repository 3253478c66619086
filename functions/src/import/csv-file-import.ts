import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { MAX_IMPORT_BATCH_ROWS, csvLine, mappedValues, mappingProblem, suggestMapping, type ImportKind, type ImportMapping } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { CsvImportService } from '../services/csv-import.service';
import { csvRowsOf } from './csv-file';

export type CsvFileImportResult = { rows: number; created: number; merged: number; rejected: number; companiesCreated: number; mapping: ImportMapping };

/**
 * Imports a CSV file of leads or contacts as the pane does, a batch at a time while the file is read, so memory
 * stays flat whatever its size. The header maps itself (`suggestMapping`); `mapping` overrides fields. Rejected
 * rows go to `rejectsFile` with their line and reason, ready to fix and import again.
 */
export async function importCsvFile(options: {
  imports: CsvImportService;
  principal: Principal;
  kind: ImportKind;
  file: string;
  mapping?: ImportMapping;
  rejectsFile?: string;
  onProgress?: (rowsDone: number) => void;
}): Promise<CsvFileImportResult> {
  const importId = randomUUID();
  const totals = { rows: 0, created: 0, merged: 0, rejected: 0, companiesCreated: 0 };
  let header: string[] | null = null;
  let mapping: ImportMapping = {};
  let batch: { line: number; values: Record<string, string> }[] = [];
  let cells = new Map<number, string[]>();
  const rejects = options.rejectsFile ? fs.createWriteStream(options.rejectsFile) : null;

  const send = async () => {
    if (batch.length === 0) return;
    const result = await options.imports.importBatch(options.principal, options.kind, { importId, rows: batch });
    totals.created += result.created;
    totals.merged += result.merged;
    totals.rejected += result.rejected.length;
    totals.companiesCreated += result.companiesCreated;
    for (const reject of result.rejected) rejects?.write(csvLine([String(reject.line), reject.reason, ...(cells.get(reject.line) ?? [])]));
    totals.rows += batch.length;
    options.onProgress?.(totals.rows);
    batch = [];
    cells = new Map();
  };

  try {
    for await (const row of csvRowsOf(options.file)) {
      if (!header) {
        header = row.fields.map((name) => name.trim());
        mapping = { ...suggestMapping(options.kind, header), ...options.mapping };
        const problem = mappingProblem(mapping);
        if (problem) throw new Error(`${problem} The header is: ${header.join(', ')}.`);
        rejects?.write(csvLine(['line', 'reason', ...header]));
        continue;
      }
      batch.push({ line: row.line, values: mappedValues(header, row.fields, mapping) });
      if (rejects) cells.set(row.line, row.fields);
      if (batch.length === MAX_IMPORT_BATCH_ROWS) await send();
    }
    await send();
  } finally {
    await new Promise<void>((resolve) => (rejects ? rejects.end(() => resolve()) : resolve()));
  }
  return { ...totals, mapping };
}
