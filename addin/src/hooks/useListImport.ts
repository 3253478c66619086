import { useCallback, useRef, useState } from 'react';
import type { ImportBatchResult } from '@rapport/shared';
import { CsvParser, type CsvRow } from '@rapport/shared/import/csv.rules';
import { ImportBatcher, type ImportRowsBatch } from '@rapport/shared/import/import-batches.rules';
import { suggestMapping, type ImportKind, type ImportMapping } from '@rapport/shared/import/import-fields';
import { isApiError } from '../api/api-error';
import { useOperationWrite } from '../data/writes';

// Rows per request (the API takes up to 500) and bytes read from the file at a time.
const BATCH_ROWS = 250;
const READ_BYTES = 256 * 1024;
// Retries of a batch the API could not take (rate limit, a dropped connection) before the import stops.
const MAX_ATTEMPTS = 5;

export type Rejected = ImportBatchResult['rejected'][number];

/** How far an import got: what it sent and what the API said of it. Resuming goes on from here with the same id. */
type Progress = {
  importId: string;
  /** Batches the API took; a resumed import reads the file again and sends only the ones after these. */
  batches: number;
  rows: number;
  created: number;
  merged: number;
  companiesCreated: number;
  rejected: Rejected[];
  rejectsCsv: string;
};

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
      /** Why the import stopped before the end of the file (the error as the API or the network gave it). */
      failed: unknown;
      /** The person stopped it before the end of the file. */
      stopped: boolean;
      /** It stopped before the end of the file: it can go on from where it was. */
      resumable: boolean;
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

/** The API could not take the batch just now (busy, rate limited, not reached): sending it again may work. */
const worthRetrying = (error: unknown) => isApiError(error) && (error.transient || error.code === 'TIMEOUT');

/**
 * A CSV import in the pane: pick a file, map its columns, then send it in batches while it is read, with
 * progress; the summary keeps the rejected rows (line, reason, the row as written) to download and fix. An import
 * stopped (by the person, or by a failure) resumes where it was: the same import id, so nothing is made twice.
 */
export function useListImport(kind: ImportKind) {
  const [state, setState] = useState<ImportState>({ step: 'choose' });
  const cancelled = useRef(false);
  // The file, its mapping and how far it got, for Resume.
  const last = useRef<{ file: File; mapping: ImportMapping; progress: Progress } | null>(null);
  const importLeads = useOperationWrite('importLeads');
  const importContacts = useOperationWrite('importContacts');
  const sendBatch = kind === 'lead' ? importLeads.mutateAsync : importContacts.mutateAsync;

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

  const run = useCallback(
    async (file: File, mapping: ImportMapping, progress: Progress) => {
      cancelled.current = false;
      last.current = { file, mapping, progress };
      const parser = new CsvParser();
      const batcher = new ImportBatcher(BATCH_ROWS, () => mapping);
      // Batches the API already took (before a stop) are read again but not sent.
      const skip = progress.batches;
      let seen = 0;
      let fraction = 0;
      setState({ step: 'importing', file, rows: progress.rows, fraction: 0, waiting: false });

      const send = async (batch: ImportRowsBatch) => {
        if (seen++ < skip) return;
        if (cancelled.current) throw new Stopped();
        for (let attempt = 1; ; attempt++) {
          try {
            const result = await sendBatch({ body: { importId: progress.importId, rows: batch.rows } });
            progress.created += result.created;
            progress.merged += result.merged;
            progress.companiesCreated += result.companiesCreated;
            for (const reject of result.rejected) {
              progress.rejected.push(reject);
              progress.rejectsCsv += ImportBatcher.rejectLine(batch, reject);
            }
            break;
          } catch (caught) {
            if (!worthRetrying(caught) || attempt >= MAX_ATTEMPTS) throw caught;
            // The batch's rows carry the import's id and their lines, so sending it again creates nothing twice.
            setState({ step: 'importing', file, rows: progress.rows, fraction, waiting: true });
            await wait(isApiError(caught) && caught.retryAfterSeconds ? caught.retryAfterSeconds * 1000 : attempt * 1000);
          }
        }
        progress.batches += 1;
        progress.rows += batch.rows.length;
        setState({ step: 'importing', file, rows: progress.rows, fraction, waiting: false });
      };
      const take = async (rows: CsvRow[]) => {
        for (const batch of batcher.take(rows)) await send(batch);
      };

      let failed: unknown = null;
      let stopped = false;
      try {
        await readFileText(file, async (text, read) => {
          fraction = read;
          await take(parser.push(text));
        });
        await take(parser.end());
        const end = batcher.finish();
        if (end) await send(end);
      } catch (caught) {
        if (caught instanceof Stopped) stopped = true;
        else failed = caught;
      }
      const { importId: _id, batches: _batches, rejectsCsv, ...totals } = progress;
      setState({
        step: 'done',
        file,
        ...totals,
        rejected: [...progress.rejected],
        rejectsCsv: batcher.rejectsHeader + rejectsCsv,
        failed,
        stopped,
        resumable: stopped || failed !== null,
      });
    },
    [sendBatch],
  );

  const start = useCallback(async () => {
    if (state.step !== 'map') return;
    await run(state.file, state.mapping, {
      importId: crypto.randomUUID(),
      batches: 0,
      rows: 0,
      created: 0,
      merged: 0,
      companiesCreated: 0,
      rejected: [],
      rejectsCsv: '',
    });
  }, [run, state]);

  /** Goes on with a stopped import from the first batch the API did not take, under the same import id. */
  const resume = useCallback(async () => {
    if (state.step !== 'done' || !state.resumable || !last.current) return;
    const { file, mapping, progress } = last.current;
    await run(file, mapping, progress);
  }, [run, state]);

  /** Stops a running import after the batch being sent; the summary then says how far it got. */
  const stop = useCallback(() => {
    cancelled.current = true;
  }, []);

  const reset = useCallback(() => {
    last.current = null;
    setState({ step: 'choose' });
  }, []);

  return { state, chooseFile, setMapping, start, stop, resume, reset };
}
