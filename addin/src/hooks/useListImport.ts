import { useCallback, useRef, useState } from 'react';
import type { ImportBatch, ImportBatchResult } from '@rapport/shared';
import { CsvParser, type CsvRow } from '@rapport/shared/import/csv.rules';
import { ImportBatcher, type ImportRowsBatch } from '@rapport/shared/import/import-batches.rules';
import { suggestMapping, type ImportKind, type ImportMapping } from '@rapport/shared/import/import-fields';
import { ApiError, type ApiClient } from '../api/api-client';

// Rows per request (the API takes up to 500) and bytes read from the file at a time.
const BATCH_ROWS = 250;
const READ_BYTES = 256 * 1024;
// Retries of a batch the API could not take (rate limit, a dropped connection) before the import stops.
const MAX_ATTEMPTS = 5;

export type Rejected = ImportBatchResult['rejected'][number];

export type ImportState =
  | { step: 'choose' }
  | { step: 'map'; file: File; header: string[]; sample: string[]; mapping: ImportMapping }
  | { step: 'importing'; file: File; rows: number; fraction: number; waiting: boolean }
  | {
      step: 'done';
      file: File;
      rows: number;
      created: number;
      merged: number;
      companiesCreated: number;
      rejected: Rejected[];
      rejectsCsv: string;
      failed: string | null;
      /** The person stopped it before the end of the file. */
      stopped: boolean;
    };

class Stopped extends Error {}

/** Reads a file a slice at a time as text (UTF-8), calling `onText` per piece, with the share of it read. */
async function readFileText(file: File, onText: (text: string, fraction: number) => Promise<void>): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  for (let offset = 0; offset < file.size; offset += READ_BYTES) {
    const bytes = new Uint8Array(await file.slice(offset, offset + READ_BYTES).arrayBuffer());
    const end = offset + READ_BYTES >= file.size;
    await onText(decoder.decode(bytes, { stream: !end }), Math.min(1, (offset + READ_BYTES) / file.size));
  }
}

/** The first rows of a file: its header and a sample row, for the mapping step. */
async function readHead(file: File): Promise<CsvRow[]> {
  const parser = new CsvParser();
  const text = new TextDecoder('utf-8').decode(new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer()));
  return parser.push(text).slice(0, 2);
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A CSV import in the pane: pick a file, map its columns, then send it in batches while it is read, with
 * progress; the summary keeps the rejected rows (line, reason, the row as written) to download and fix.
 */
export function useListImport(api: ApiClient, kind: ImportKind) {
  const [state, setState] = useState<ImportState>({ step: 'choose' });
  const cancelled = useRef(false);

  const chooseFile = useCallback(
    async (file: File) => {
      const [head, sample] = await readHead(file);
      const header = (head?.fields ?? []).map((name) => name.trim());
      setState({ step: 'map', file, header, sample: sample?.fields ?? [], mapping: suggestMapping(kind, header) });
    },
    [kind],
  );

  const setMapping = useCallback((mapping: ImportMapping) => {
    setState((current) => (current.step === 'map' ? { ...current, mapping } : current));
  }, []);

  const start = useCallback(async () => {
    if (state.step !== 'map') return;
    const { file, mapping } = state;
    cancelled.current = false;
    const importId = crypto.randomUUID();
    const parser = new CsvParser();
    const batcher = new ImportBatcher(BATCH_ROWS, () => mapping);
    const totals = { rows: 0, created: 0, merged: 0, companiesCreated: 0 };
    const rejected: Rejected[] = [];
    let rejectsCsv = '';
    let fraction = 0;
    setState({ step: 'importing', file, rows: 0, fraction: 0, waiting: false });

    const send = async (batch: ImportRowsBatch) => {
      if (cancelled.current) throw new Stopped();
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await api.importRows(kind, { importId, rows: batch.rows } as ImportBatch);
          totals.created += result.created;
          totals.merged += result.merged;
          totals.companiesCreated += result.companiesCreated;
          for (const reject of result.rejected) {
            rejected.push(reject);
            rejectsCsv += ImportBatcher.rejectLine(batch, reject);
          }
          break;
        } catch (caught) {
          const retriable = caught instanceof ApiError ? caught.status === 429 || caught.status === 503 : true;
          if (!retriable || attempt >= MAX_ATTEMPTS) throw caught;
          // The batch's rows carry the import's id and their lines, so sending it again creates nothing twice.
          setState({ step: 'importing', file, rows: totals.rows, fraction, waiting: true });
          await wait(caught instanceof ApiError && caught.retryAfterSeconds ? caught.retryAfterSeconds * 1000 : attempt * 1000);
        }
      }
      totals.rows += batch.rows.length;
      setState({ step: 'importing', file, rows: totals.rows, fraction, waiting: false });
    };
    const take = async (rows: CsvRow[]) => {
      for (const batch of batcher.take(rows)) await send(batch);
    };

    let failed: string | null = null;
    let stopped = false;
    try {
      await readFileText(file, async (text, read) => {
        fraction = read;
        await take(parser.push(text));
      });
      await take(parser.end());
      const last = batcher.finish();
      if (last) await send(last);
    } catch (caught) {
      if (caught instanceof Stopped) stopped = true;
      else failed = caught instanceof Error ? caught.message : String(caught);
    }
    setState({ step: 'done', file, ...totals, rejected, rejectsCsv: batcher.rejectsHeader + rejectsCsv, failed, stopped });
  }, [api, kind, state]);

  /** Stops a running import after the batch being sent; the summary then says how far it got. */
  const stop = useCallback(() => {
    cancelled.current = true;
  }, []);

  const reset = useCallback(() => setState({ step: 'choose' }), []);

  return { state, chooseFile, setMapping, start, stop, reset };
}
