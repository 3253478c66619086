// Plain code, no schema: the pane reads these without loading zod.

/**
 * What a case is promised: a first response and a resolution within some hours of its opening (calendar hours, round
 * the clock). From the customer's service contract in force when it opened, else the tenant's default.
 */
export type CaseServiceLevel = { name?: string | undefined; responseHours: number; resolutionHours: number; contractId?: string | undefined };

/** The tenant's default until an admin sets one: a first response within a working day, a resolution within three. */
export const DEFAULT_SERVICE_LEVEL = { responseHours: 8, resolutionHours: 72 } as const;
export const SERVICE_LEVEL_HOURS_MAX = 8_760;
/** A case is "due soon" this many hours before a due time it has not met. */
export const BREACH_SOON_HOURS = 4;

const HOUR_MS = 3_600_000;
const plusHours = (time: string, hours: number) => new Date(Date.parse(time) + hours * HOUR_MS).toISOString();

/** When a case opened at `openedAt` is due to be first answered and resolved. */
export function serviceLevelDueTimes(openedAt: string, level: Pick<CaseServiceLevel, 'responseHours' | 'resolutionHours'>): { responseDueAt: string; resolutionDueAt: string } {
  return { responseDueAt: plusHours(openedAt, level.responseHours), resolutionDueAt: plusHours(openedAt, level.resolutionHours) };
}

type Timed = { responseDueAt?: string | undefined; resolutionDueAt?: string | undefined; respondedAt?: string | undefined; closedAt?: string | undefined };

/** Whether a case met its first-response and resolution times (null: not due yet, or no service level). */
export function serviceLevelMet(item: Timed, now: string): { response: boolean | null; resolution: boolean | null } {
  const met = (due: string | undefined, done: string | undefined) => (due === undefined ? null : done !== undefined ? done <= due : now > due ? false : null);
  return { response: met(item.responseDueAt, item.respondedAt ?? item.closedAt), resolution: met(item.resolutionDueAt, item.closedAt) };
}

/**
 * Where an open case stands against its service level now: `breached` when a due time it has not met is past, `soon`
 * when one comes within BREACH_SOON_HOURS, else `ok` (or `none` without a service level). The earliest due time first.
 */
export function serviceLevelState(item: Timed & { status: string }, now: string): { state: 'none' | 'ok' | 'soon' | 'breached'; dueAt?: string; what?: 'response' | 'resolution' } {
  const open = item.status !== 'closed' && item.status !== 'rejected';
  const pending = [
    ...(item.responseDueAt && !item.respondedAt ? [{ dueAt: item.responseDueAt, what: 'response' as const }] : []),
    ...(item.resolutionDueAt && open ? [{ dueAt: item.resolutionDueAt, what: 'resolution' as const }] : []),
  ].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const next = open ? pending[0] : undefined;
  if (!next) return { state: 'none' };
  const state = next.dueAt < now ? 'breached' : next.dueAt <= plusHours(now, BREACH_SOON_HOURS) ? 'soon' : 'ok';
  return { state, ...next };
}
