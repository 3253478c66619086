import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ImportBatcher, MAX_IMPORT_BATCH_ROWS, mappingProblem, suggestMapping, type ImportKind, type ImportMapping, type ImportRowsBatch } from '@rapport/shared';
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
  const batcher = new ImportBatcher(MAX_IMPORT_BATCH_ROWS, (header) => {
    const mapping = { ...suggestMapping(options.kind, header), ...options.mapping };
    const problem = mappingProblem(mapping);
    if (problem) throw new Error(`${problem} The header is: ${header.join(', ')}.`);
    return mapping;
  });
  const rejects = options.rejectsFile ? fs.createWriteStream(options.rejectsFile) : null;

  const send = async (batch: ImportRowsBatch) => {
    const result = await options.imports.importBatch(options.principal, options.kind, { importId, rows: batch.rows });
    totals.created += result.created;
    totals.merged += result.merged;
    totals.rejected += result.rejected.length;
    totals.companiesCreated += result.companiesCreated;
    if (totals.rows === 0) rejects?.write(batcher.rejectsHeader);
    for (const reject of result.rejected) rejects?.write(ImportBatcher.rejectLine(batch, reject));
    totals.rows += batch.rows.length;
    options.onProgress?.(totals.rows);
  };

  try {
    for await (const row of csvRowsOf(options.file)) {
      for (const batch of batcher.take([row])) await send(batch);
    }
    const last = batcher.finish();
    if (last) await send(last);
  } finally {
    await new Promise<void>((resolve) => (rejects ? rejects.end(() => resolve()) : resolve()));
  }
  return { ...totals, mapping: batcher.columns };
}
