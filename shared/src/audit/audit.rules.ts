import type { SystemFields } from '../common/record.schema';
import type { RecordKind } from '../kinds/kinds';
import type { AuditAction, AuditChange, AuditEntry } from './audit.schema';

/** How long a deleted record can be restored. */
export const RESTORE_WINDOW_DAYS = 30;

// Bookkeeping every write changes; the entry's own fields (version, at, by) already say it.
const unaudited = new Set(['tenantId', 'id', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']);

type Audited = SystemFields & Record<string, unknown>;

/** The audit entry of a write: `before` is null for a create. The record's updatedAt/By say when and who. */
export function auditEntryOf(kind: RecordKind, before: object | null, after: object): AuditEntry {
  const next = after as Audited;
  const previous = before as Audited | null;
  return {
    tenantId: next.tenantId,
    recordKind: kind,
    recordId: next.id,
    version: next.version,
    action: actionOf(previous, next),
    at: next.updatedAt,
    by: next.updatedBy,
    changes: changesBetween(previous ?? {}, next),
  };
}

function actionOf(before: Audited | null, after: Audited): AuditAction {
  if (!before) return 'created';
  if (!before.deletedAt && after.deletedAt) return 'deleted';
  if (before.deletedAt && !after.deletedAt) return 'restored';
  return 'updated';
}

/** The fields that differ, in a stable order; values compared by their JSON form. */
export function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>): AuditChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => !unaudited.has(field)).sort();
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const was = before[field];
    const now = after[field];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    const change: AuditChange = { field };
    if (was !== undefined) change.before = was;
    if (now !== undefined) change.after = now;
    changes.push(change);
  }
  return changes;
}

/** Whether a record deleted at `deletedAt` can still be restored at `now`. */
export function isRestorable(deletedAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(deletedAt) <= RESTORE_WINDOW_DAYS * 24 * 60 * 60 * 1000;
}
