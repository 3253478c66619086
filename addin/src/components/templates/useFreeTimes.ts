import { useQuery } from '@tanstack/react-query';
import type { TemplateLanguage } from '@rapport/shared/templates/fill-template.rules';

type FreeTimes = (language: TemplateLanguage) => Promise<string>;

// Each `freeTimes` function the pane is given (one per message being written) gets a number of its own, so its answer
// is cached for that message only: switching templates does not ask the calendar twice, another message asks again.
const sources = new WeakMap<FreeTimes, number>();
let nextSource = 0;

function sourceOf(freeTimes: FreeTimes): number {
  let source = sources.get(freeTimes);
  if (source === undefined) {
    source = ++nextSource;
    sources.set(freeTimes, source);
  }
  return source;
}

/**
 * The rep's next free times as the template's `{{freeTimes}}` takes them, in its language, asked only when `needed` (the chosen variant
 * uses them) and `freeTimes` is given; `skipped` when not needed or not offered.
 */
export function useFreeTimes(freeTimes: FreeTimes | undefined, language: TemplateLanguage, needed: boolean) {
  const enabled = needed && freeTimes !== undefined;
  const query = useQuery({
    queryKey: ['templates', 'free-times', freeTimes ? sourceOf(freeTimes) : 0, language],
    queryFn: () => (freeTimes ? freeTimes(language) : Promise.resolve('')),
    enabled,
    // The calendar, not Rapport: the rep retries by hand, and the times are read again for each new message.
    retry: false,
    gcTime: 5 * 60_000,
  });
  return { ...query, skipped: !enabled };
}
