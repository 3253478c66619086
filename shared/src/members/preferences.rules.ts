// Plain data and rules, no schema: the task pane imports this without loading zod.

/** The languages Rapport writes in (the pane's, and the morning digest's). */
export const memberLanguages = ['en', 'es', 'pt', 'it'] as const;
export type MemberLanguage = (typeof memberLanguages)[number];

/** The hour (member's local time) the morning digest is sent from, unless the member chose another. */
export const DEFAULT_DIGEST_HOUR = 7;
/** How long after that hour a digest may still go: one Graph refused is tried again within this window, never later. */
export const DIGEST_WINDOW_HOURS = 3;

/** A time zone name as stored: an IANA name's characters (`America/Sao_Paulo`, `Etc/GMT+3`, `UTC`). */
export const TIME_ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/**
 * The language of a display language as Office gives it (`pt-BR`, `es-ES`, `it`): one Rapport writes in, or null when
 * it writes in no such language (German, say: the digest is then in English).
 */
export function memberLanguageOf(displayLanguage: string | null | undefined): MemberLanguage | null {
  const base = displayLanguage?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (memberLanguages as readonly string[]).includes(base) ? (base as MemberLanguage) : null;
}
