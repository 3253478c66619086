import { createElement, useEffect, useState, useSyncExternalStore, type ComponentType } from 'react';
import { partUnavailable } from '../i18n/lazy-with-messages';

/**
 * The parts a tab loads from one file (the team tab's goals grid, plans, expenses to approve…): when the file does not
 * load, the first of them on the page says so, with Retry, and the others show nothing, rather than one message each.
 * Give `unavailable` to `lazyWithMessages` for each part of the file.
 */
export function partsOfOneFile(): { unavailable: (error: unknown) => ComponentType } {
  // The parts showing, in the order they came (a tab's parts come in one commit, in the page's order).
  let shown: readonly symbol[] = [];
  const listeners = new Set<() => void>();
  const change = (next: readonly symbol[]) => {
    shown = next;
    listeners.forEach((listener) => listener());
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  function useFirst(): boolean {
    const [me] = useState(() => Symbol('part'));
    useEffect(() => {
      change([...shown, me]);
      return () => change(shown.filter((part) => part !== me));
    }, [me]);
    return useSyncExternalStore(subscribe, () => shown[0] === me);
  }

  return {
    unavailable: (error) => {
      const Unavailable = partUnavailable(error);
      return function OnceForTheFile() {
        return useFirst() ? createElement(Unavailable) : null;
      };
    },
  };
}
