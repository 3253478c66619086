import { z } from 'zod';
import { importFields, type ImportKind } from '../import/import-fields';
import { defineRoute } from './route';

/** Rows per request: a client sends a file in batches of at most this many, and shows progress between them. */
export const MAX_IMPORT_BATCH_ROWS = 500;

const rowValuesOf = (kind: ImportKind) =>
  z.strictObject(Object.fromEntries(importFields[kind].map((field) => [field.name, z.string().max(2_000).optional()])) as Record<string, z.ZodOptional<z.ZodString>>);

const batchOf = (kind: ImportKind) =>
  z.strictObject({
    /** Chosen by the client for one file (a UUID): a batch sent again creates nothing twice. */
    importId: z.string().min(8).max(36).regex(/^[A-Za-z0-9-]+$/, 'must be 8 to 36 letters, digits or "-", such as a UUID'),
    rows: z
      .array(
        z.strictObject({
          /** The line in the file the row starts on, to name it in the rejects. */
          line: z.number().int().min(1).max(100_000_000),
          /** The row's mapped cells by field name (see `mappedValues`). */
          values: rowValuesOf(kind),
        }),
      )
      .min(1)
      .max(MAX_IMPORT_BATCH_ROWS),
  });

export const ImportBatchResultSchema = z
  .object({
    /** New records; a batch sent again counts the ones its first sending made. */
    created: z.number().int(),
    /** Rows whose e-mail a record already had (or an earlier row of the file): blank fields filled in, no duplicate. */
    merged: z.number().int(),
    /** Rows not imported, each with the line and why. */
    rejected: z.array(z.object({ line: z.number().int(), field: z.string(), reason: z.string() })),
    /** Companies made for contacts whose company the CRM did not know. */
    companiesCreated: z.number().int(),
  })
  .meta({ id: 'ImportBatchResult' });
export type ImportBatchResult = z.infer<typeof ImportBatchResultSchema>;

const importRoute = <K extends ImportKind>(kind: K, plural: string) =>
  defineRoute({
    name: `import-${plural}`,
    method: 'POST',
    path: `/api/imports/${plural}`,
    summary: `Import a batch of ${plural} from a CSV file already mapped to fields; matched by e-mail, merged rather than duplicated`,
    tag: 'Import',
    auth: 'user',
    role: 'manager',
    allows: `import ${plural}`,
    body: batchOf(kind),
    success: { status: 200, schema: ImportBatchResultSchema, description: 'What the batch created, merged and rejected' },
    errors: [403, 413, 429],
  });

export const importLeadsRoute = importRoute('lead', 'leads');
export const importContactsRoute = importRoute('contact', 'contacts');
export type ImportBatch = z.output<ReturnType<typeof batchOf>>;
