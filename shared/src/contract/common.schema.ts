import { z } from 'zod';
import { errorCodes } from '../common/error-codes';

export const ErrorBodySchema = z
  .object({
    error: z.object({
      /** One of the closed set in `errorCodes`: clients branch on it. */
      code: z.enum(errorCodes),
      /** For people, in English; the pane shows its own words for the code in the user's language. */
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

// Cursors are opaque to clients: base64url text produced by the store.
export const CursorSchema = z.string().min(1).max(500).regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor this API gave out');

export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: CursorSchema.optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type Page<T> = { items: T[]; nextCursor: string | null };

export const IdParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });

/** A public page's key in its path (a quote's, an article's): checked for its shape by the page, never here. */
export const PublicKeyParamsSchema = z.strictObject({ key: z.string().min(1).max(64) });

export const HealthSchema = z.object({ status: z.literal('ok'), version: z.string(), store: z.string() });
