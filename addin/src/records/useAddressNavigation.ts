import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { recordOfPagePath, recordPagePath } from '@rapport/shared/contract/record-pages';
import type { RecordNavigation, RecordRef } from '../taskpane/record-navigation';

/** How many records the user opened within this page before the one shown (kept in the browser's history). */
type PageState = { depth: number };

function depthOf(state: unknown): number {
  return typeof state === 'object' && state !== null && typeof (state as PageState).depth === 'number' ? (state as PageState).depth : 0;
}

function readAddress(): { record: RecordRef | null; depth: number } {
  return { record: recordOfPagePath(location.pathname), depth: depthOf(history.state) };
}

/**
 * The record page's navigation, by its address: opening a record goes to its page (history.pushState, so the browser's
 * Back and Forward work, and the address can be shared), Back is the browser's Back. With nothing to go back to (the page
 * opened in a tab of its own), Back goes to the dashboard.
 */
export function useAddressNavigation(keep: { lang: string | null; as: string | null }, dashboardHref: string): { record: RecordRef | null; navigation: RecordNavigation } {
  const [shown, setShown] = useState(readAddress);
  // The record shown, for opening the next one from it without a stale closure.
  const latest = useRef(shown);
  latest.current = shown;
  useEffect(() => {
    const onPop = () => setShown(readAddress());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const openRecord = useCallback(
    (record: RecordRef) => {
      const current = latest.current;
      // Opening the record in view again (a link to itself) adds nothing to go back through.
      if (current.record && current.record.kind === record.kind && current.record.id === record.id) return;
      const next = { record, depth: current.depth + 1 };
      history.pushState({ depth: next.depth } satisfies PageState, '', recordPagePath(record, keep));
      latest.current = next;
      setShown(next);
    },
    [keep],
  );
  const navigation = useMemo<RecordNavigation>(
    () => ({
      current: shown.record,
      // Back always has somewhere to go: the record before, or the dashboard.
      depth: shown.depth + 1,
      openRecord,
      back: () => (shown.depth > 0 ? history.back() : location.assign(dashboardHref)),
      close: () => location.assign(dashboardHref),
    }),
    [shown, openRecord, dashboardHref],
  );
  return { record: shown.record, navigation };
}
