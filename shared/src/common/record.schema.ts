import { z } from 'zod';
import { AMOUNT_MAX } from '../money/money.rules';

// Ids are opaque strings: UUIDs from the API, stable slugs from importers.
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must contain only letters, digits, "-" and "_"');

export const TimestampSchema = z.iso.datetime({ offset: true });
export const DateSchema = z.iso.date();

/** A short single-line text such as a name: trimmed, at most `max` characters. */
export const shortText = (max = 200) => z.string().trim().min(1).max(max);
/** A long free text such as notes or a description. */
// Text from a public page goes into subjects, timelines and e-mails: no control characters (a line break in a name
// would start a mail header), and no bidirectional overrides (which make text read other than it is).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Whether a text from a public page is free of control characters and bidirectional overrides (line breaks allowed). */
export const withoutControlCharacters = (text: string): boolean => !CONTROL.test(text);

export const longText = (max = 10_000) => z.string().max(max);

export const CurrencySchema = z
  .string()
  .length(3, 'must be an ISO 4217 code such as "USD"')
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "USD"');

// Money in major units with at most four decimals, the most any currency has (ISO 4217); a deal also keeps to its own
// currency's (no half yen), and reports sum money in each currency's minor units.
export const AmountSchema = z
  .number()
  .finite()
  .min(0)
  .max(AMOUNT_MAX)
  .refine((value) => Math.abs(Math.round(value * 10_000) - value * 10_000) < 1e-4, 'must have at most four decimals');

export const AddressSchema = z.strictObject({
  street: shortText(300).optional(),
  city: shortText(120).optional(),
  postalCode: shortText(20).optional(),
  region: shortText(120).optional(),
  country: shortText(120).optional(),
});
export type Address = z.infer<typeof AddressSchema>;

/** Fields every stored record carries; the server sets them, clients never send them. */
export const SystemFieldsSchema = z.object({
  tenantId: IdSchema,
  id: IdSchema,
  createdAt: TimestampSchema,
  createdBy: IdSchema,
  updatedAt: TimestampSchema,
  updatedBy: IdSchema,
  ownerId: IdSchema,
  version: z.number().int().positive(),
  deletedAt: TimestampSchema.optional(),
});
export type SystemFields = z.infer<typeof SystemFieldsSchema>;


type Shape = Record<string, z.ZodType>;

/**
 * The schema of a partial update: every field may be left out, and an optional field
 * may be sent as `null` to clear it.
 */
export function patchSchemaOf<S extends Shape>(input: z.ZodObject<S>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(input.shape)) {
    if (field instanceof z.ZodOptional) shape[key] = (field.unwrap() as z.ZodType).nullable().optional();
    // A default must not apply to a patch: leaving a field out keeps its value.
    else if (field instanceof z.ZodDefault) shape[key] = (field.unwrap() as z.ZodType).optional();
    else shape[key] = field.optional();
  }
  return z.strictObject(shape) as unknown as z.ZodObject<{
    [K in keyof S]: S[K] extends z.ZodOptional<infer Inner>
      ? z.ZodOptional<z.ZodNullable<Inner>>
      : S[K] extends z.ZodDefault<infer Inner>
        ? z.ZodOptional<Inner>
        : z.ZodOptional<S[K]>;
  }>;
}

/**
 * A timestamp as stored: UTC, `2026-10-01T09:00:00.000Z`. Clients may send any offset;
 * storing one form keeps ordering by text equal to ordering by time.
 */
export function toUtcTimestamp(value: string): string {
  return new Date(value).toISOString();
}
