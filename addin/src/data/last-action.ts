import { useSyncExternalStore } from 'react';

/**
 * The last change made to an activity from a list that no longer shows it there (a task completed or snoozed leaves
 * My day's list): what it was, and the change that undoes it. The list's view says so with Undo, above the list, since
 * the entry that was acted on is gone.
 */
export type LastAction = {
  what: 'completed' | 'snoozed';
  subject: string;
  /** Where a snoozed task is due now. */
  at?: string | undefined;
  /** The change that puts it back, at the version the change left it in. */
  undo: { id: string; version: number; changes: { status?: 'planned' | 'done'; at?: string } };
  /** When it was done (ms): a view says only what was done while it was shown. */
  doneAt: number;
};

let current: LastAction | null = null;
const listeners = new Set<() => void>();

export function setLastAction(action: Omit<LastAction, 'doneAt'> | null): void {
  current = action ? { ...action, doneAt: Date.now() } : null;
  for (const listener of listeners) listener();
}

export function useLastAction(): LastAction | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
