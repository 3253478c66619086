import { createElement, useEffect, useState, type ComponentType } from 'react';
import { partUnavailable } from '../i18n/lazy-with-messages';

/**
 * The parts a tab loads from one file (the team tab's goals grid, plans, expenses to approve…): when the file does not
 * load, the first of them on the page says so, with Retry, and the others show nothing, rather than one message each.
 * Give `unavailable` to `lazyWithMessages` for each part of the file.
 */
export function partsOfOneFile(): { unavailable: (error: unknown) => ComponentType } {
  const shown: symbol[] = [];
  const changed = new Set<() => void>();

  function useFirst(): boolean {
    const [me] = useState(() => Symbol('part'));
    const [, rendered] = useState(0);
    useEffect(() => {
      const rerender = () => rendered((count) => count + 1);
      shown.push(me);
      changed.add(rerender);
      changed.forEach((notify) => notify());
      return () => {
        shown.splice(shown.indexOf(me), 1);
        changed.delete(rerender);
        changed.forEach((notify) => notify());
      };
    }, [me]);
    return shown[0] === me;
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
