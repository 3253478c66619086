import { useQuery } from '@tanstack/react-query';

// Each `freeTimes` function the pane is given (one per message being written) gets a number of its own, so its answer
// is cached for that message only: switching templates does not ask the calendar twice, another message asks again.
const sources = new WeakMap<() => Promise<string>, number>();
let nextSource = 0;

function sourceOf(freeTimes: () => Promise<string>): number {
  let source = sources.get(freeTimes);
  if (source === undefined) {
    source = ++nextSource;
    sources.set(freeTimes, source);
  }
  return source;
}

/**
 * The rep's next free times as the template's `{{freeTimes}}` takes them, asked only when `needed` (the chosen variant
 * uses them) and `freeTimes` is given; `skipped` when not needed or not offered.
 */
export function useFreeTimes(freeTimes: (() => Promise<string>) | undefined, needed: boolean) {
  const enabled = needed && freeTimes !== undefined;
  const query = useQuery({
    queryKey: ['templates', 'free-times', freeTimes ? sourceOf(freeTimes) : 0],
    queryFn: () => (freeTimes ? freeTimes() : Promise.resolve('')),
    enabled,
    // The calendar, not Rapport: the rep retries by hand, and the times are read again for each new message.
    retry: false,
    gcTime: 5 * 60_000,
  });
  return { ...query, skipped: !enabled };
}
