import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../common/record.schema';
import { recordKinds } from '../kinds/kinds';

export const auditActions = ['created', 'updated', 'deleted', 'restored'] as const;
export type AuditAction = (typeof auditActions)[number];

/** One field of a change: its value before and after (absent when the field was not set). */
export const AuditChangeSchema = z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() });
export type AuditChange = z.infer<typeof AuditChangeSchema>;

/** One change of a record: who made it, when, and the fields before and after. Append-only. */
export const AuditEntrySchema = z
  .object({
    tenantId: IdSchema,
    recordKind: z.enum(recordKinds),
    recordId: IdSchema,
    /** The record's version this change produced. */
    version: z.number().int().positive(),
    action: z.enum(auditActions),
    at: TimestampSchema,
    by: IdSchema,
    changes: z.array(AuditChangeSchema),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
