import { useEffect, useState } from 'react';

/** The time now, read again every minute: a pinned pane's "due in 3 h" keeps counting down. */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
