import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** The kinds of record the pane opens in a view of their own. */
export type OpenableKind = 'contact' | 'company' | 'deal' | 'lead' | 'case';

/** A record to open: its kind and id. */
export type RecordRef = { kind: OpenableKind; id: string };

type RecordNavigation = {
  /** The record in view (the last opened), or null when the pane shows one of its views. */
  current: RecordRef | null;
  /** How many records are open on top of the view, the current one included. */
  depth: number;
  /** Opens a record on top of what is shown; Back returns there. */
  openRecord: (record: RecordRef) => void;
  /** Returns to what was shown before the current record. */
  back: () => void;
  /** Closes every open record: the pane's view (the e-mail's card) again. */
  close: () => void;
};

const NavigationContext = createContext<RecordNavigation | null>(null);

/**
 * The records the user opened within the current item, as a stack over the pane's views: opening pushes, Back pops,
 * and a newly selected item starts again at its card (the provider is keyed by the item).
 */
export function RecordNavigationProvider({ children }: { children: ReactNode }) {
  const [stack, setStack] = useState<RecordRef[]>([]);
  const openRecord = useCallback(
    (record: RecordRef) =>
      setStack((open) => {
        const top = open[open.length - 1];
        // Opening the record in view again (a link to itself) adds nothing to go back through.
        return top && top.kind === record.kind && top.id === record.id ? open : [...open, record];
      }),
    [],
  );
  const back = useCallback(() => setStack((open) => open.slice(0, -1)), []);
  const close = useCallback(() => setStack([]), []);
  const value = useMemo(() => ({ current: stack[stack.length - 1] ?? null, depth: stack.length, openRecord, back, close }), [stack, openRecord, back, close]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

/** The pane's record navigation; outside a provider (a test rendering one component) opening does nothing. */
export function useRecordNavigation(): RecordNavigation {
  return useContext(NavigationContext) ?? inert;
}

/** Opens a record in the pane's record view. */
export function useOpenRecord(): (record: RecordRef) => void {
  return useRecordNavigation().openRecord;
}

const inert: RecordNavigation = { current: null, depth: 0, openRecord: () => undefined, back: () => undefined, close: () => undefined };
