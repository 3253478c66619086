// Plain code, no schema: the task pane and the command line batch a CSV file with it.
import { csvLine, type CsvRow } from './csv.rules';
import { mappedValues, type ImportMapping } from './import-fields';

/** Rows of a file, mapped to fields and ready to send, with the cells as written (for the rejects file). */
export type ImportRowsBatch = { rows: { line: number; values: Record<string, string> }[]; cells: Map<number, string[]> };

/**
 * Turns a CSV file's rows, as they are read, into batches of mapped rows. The first row is the header; the mapping
 * is chosen from it (`mappingFor` may throw to refuse a file). Rejected rows are written back out with their line
 * and reason before the cells as written, under the header, ready to fix and import again.
 */
export class ImportBatcher {
  private header: string[] | null = null;
  private mapping: ImportMapping = {};
  private pending: ImportRowsBatch = { rows: [], cells: new Map() };

  constructor(
    private readonly batchRows: number,
    private readonly mappingFor: (header: string[]) => ImportMapping,
  ) {}

  /** The mapping chosen from the header (empty until the header is read). */
  get columns(): ImportMapping {
    return this.mapping;
  }

  /** The first line of the rejects file, once the header is read. */
  get rejectsHeader(): string {
    return this.header ? csvLine(['line', 'reason', ...this.header]) : '';
  }

  /** Takes rows; returns the batches they filled. */
  take(rows: readonly CsvRow[]): ImportRowsBatch[] {
    const full: ImportRowsBatch[] = [];
    for (const row of rows) {
      if (!this.header) {
        this.header = row.fields.map((name) => name.trim());
        this.mapping = this.mappingFor(this.header);
        continue;
      }
      this.pending.rows.push({ line: row.line, values: mappedValues(this.header, row.fields, this.mapping) });
      this.pending.cells.set(row.line, row.fields);
      if (this.pending.rows.length === this.batchRows) full.push(this.next());
    }
    return full;
  }

  /** The last, partly filled batch, if any rows are left. */
  finish(): ImportRowsBatch | null {
    return this.pending.rows.length > 0 ? this.next() : null;
  }

  /** A rejected row as a line of the rejects file. */
  static rejectLine(batch: ImportRowsBatch, reject: { line: number; reason: string }): string {
    return csvLine([String(reject.line), reject.reason, ...(batch.cells.get(reject.line) ?? [])]);
  }

  private next(): ImportRowsBatch {
    const batch = this.pending;
    this.pending = { rows: [], cells: new Map() };
    return batch;
  }
}
