import { useCallback, useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `delayMs` (compared by its JSON), for keys of reads that follow typing:
 * the request goes out when the rep pauses, not at every key. `flush` takes the current value at once (Enter).
 */
export function useDebounced<T>(value: T, delayMs: number): [T, () => void] {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState({ key, value });
  useEffect(() => {
    if (settled.key === key) return;
    const timer = setTimeout(() => setSettled({ key, value }), delayMs);
    return () => clearTimeout(timer);
    // The value is its key: a new object with the same content does not restart the wait.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs, settled.key]);
  const flush = useCallback(() => setSettled({ key, value }), [key, value]);
  return [settled.value, flush];
}
