import { useOperation } from '../../data/queries';
import { useOperationWrite } from '../../data/writes';

/**
 * The rep's own never-log list and the tenant's, and changes of the rep's, each saved at once on the version read (a
 * change made elsewhere meanwhile is refused, never overwritten: `reload` then loads the saved list).
 */
export function useMyNeverLog() {
  const lists = useOperation('myNeverLog', {});
  const save = useOperationWrite('updateMyNeverLog');
  const current = lists.data ?? null;
  const entries = current?.entries ?? [];

  const change = (next: string[], onSaved?: () => void) => {
    if (!current) return;
    save.mutate({ body: { entries: next }, version: current.version }, { onSuccess: () => onSaved?.() });
  };
  return {
    lists,
    save,
    entries,
    tenant: current?.tenant ?? [],
    add: (entry: string, onSaved?: () => void) => change(entries.includes(entry) ? entries : [...entries, entry], onSaved),
    remove: (entry: string, onSaved?: () => void) => change(entries.filter((other) => other !== entry), onSaved),
    retry: () => {
      const last = save.variables;
      if (last && current) save.mutate({ ...last, version: current.version });
    },
    reload: () =>
      void lists.refetch().then(() => {
        save.reset();
      }),
  };
}
