/**
 * A name as people read it. Outlook often gives "Last, First" ("Rivera, Jamie"): shown, and made into initials, as
 * "Jamie Rivera" (JR). Anything else stays as it is.
 */
export function readableName(name: string): string {
  const parts = name.split(',');
  if (parts.length !== 2 || name.includes('@')) return name.trim();
  const [last, first] = parts.map((part) => part.trim()) as [string, string];
  return first && last ? `${first} ${last}` : name.trim();
}
