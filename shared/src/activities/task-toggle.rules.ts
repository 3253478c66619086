import type { ActivityKind, ActivityStatus } from './activity.schema';

// Plain rule, no schema: the first card's timeline imports it without loading zod (or the menu's rules).

/** A task is completed while planned, and reopened once done or cancelled; other kinds are neither. */
export function taskToggle(activity: { kind: ActivityKind; status: ActivityStatus }): 'complete' | 'reopen' | null {
  if (activity.kind !== 'task') return null;
  return activity.status === 'planned' ? 'complete' : 'reopen';
}
