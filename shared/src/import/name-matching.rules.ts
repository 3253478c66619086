// Plain code, no schema: also used by the task pane to suggest a column mapping.

/** A name reduced to what tells it apart: lower case, letters and digits only ("GTX Pro" and "GTXPro" are one). */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

export type NameMatch<T> = { value: T; how: 'exact' | 'spelling' | 'typo' };

/**
 * The candidate a written name means: the same name, the same letters spelled differently ("GTXPro" for
 * "GTX Pro"), or a typo of one candidate only (at most one edit per five letters, "technolgy" for "technology").
 */
export function matchName<T>(name: string, candidates: readonly { name: string; value: T }[]): NameMatch<T> | null {
  const exact = candidates.find((candidate) => candidate.name === name);
  if (exact) return { value: exact.value, how: 'exact' };
  const key = nameKey(name);
  if (key.length === 0) return null;
  const spelled = candidates.filter((candidate) => nameKey(candidate.name) === key);
  if (spelled.length === 1) return { value: spelled[0]!.value, how: 'spelling' };
  if (spelled.length > 1) return null;
  const limit = Math.max(1, Math.floor(key.length / 5));
  const close = candidates.filter((candidate) => editDistance(key, nameKey(candidate.name), limit) <= limit);
  return close.length === 1 ? { value: close[0]!.value, how: 'typo' } : null;
}

/** A stable id part from a name: `Acme Corporation` → `acme-corporation`. */
export function slugOf(name: string, maxLength = 40): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug.length > 0 ? slug : 'x';
}
