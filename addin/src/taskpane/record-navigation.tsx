import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** The kinds of record the pane opens in a view of their own. */
export type OpenableKind = 'contact' | 'company' | 'deal' | 'lead' | 'case' | 'quote' | 'order' | 'contract' | 'article' | 'campaign';

/**
 * A record to open: its kind and id; `edit` opens it in its editor where it has one (a knowledge article), `section` at
 * a section of its view (a contact's surveys, from their card's score).
 */
export type RecordRef = { kind: OpenableKind; id: string; edit?: boolean; section?: 'satisfaction' };

export type RecordNavigation = {
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
  // Where the user was when each record opened: the control they used and how far down they had scrolled.
  const origins = useRef<{ focus: HTMLElement | null; scrollY: number }[]>([]);
  const returning = useRef<{ focus: HTMLElement | null; scrollY: number } | null>(null);
  const openRecord = useCallback((record: RecordRef) => {
    const origin = { focus: document.activeElement instanceof HTMLElement ? document.activeElement : null, scrollY: window.scrollY };
    setStack((open) => {
      const top = open[open.length - 1];
      // Opening the record in view again (a link to itself) adds nothing to go back through.
      if (top && top.kind === record.kind && top.id === record.id) return open;
      origins.current = [...origins.current.slice(0, open.length), origin];
      return [...open, record];
    });
  }, []);
  const back = useCallback(
    () =>
      setStack((open) => {
        returning.current = origins.current[open.length - 1] ?? null;
        origins.current = origins.current.slice(0, open.length - 1);
        return open.slice(0, -1);
      }),
    [],
  );
  const close = useCallback(() => {
    origins.current = [];
    setStack([]);
  }, []);
  // Back: the view or record below shows again as it was; the user is put back where they left it.
  useEffect(() => {
    const origin = returning.current;
    if (!origin) return;
    returning.current = null;
    window.scrollTo(0, origin.scrollY);
    if (origin.focus?.isConnected) origin.focus.focus({ preventScroll: true });
  }, [stack]);
  const value = useMemo(() => ({ current: stack[stack.length - 1] ?? null, depth: stack.length, openRecord, back, close }), [stack, openRecord, back, close]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

/**
 * A record navigation of another kind for the views below: the web record page's, where opening a record changes the
 * page's address and Back is the browser's.
 */
export function RecordNavigationOf({ navigation, children }: { navigation: RecordNavigation; children: ReactNode }) {
  return <NavigationContext.Provider value={navigation}>{children}</NavigationContext.Provider>;
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
