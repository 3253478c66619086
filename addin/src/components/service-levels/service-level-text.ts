import type { Case } from '@rapport/shared';
import { serviceLevelMet, serviceLevelState } from '@rapport/shared/cases/service-level.rules';
import type { Translator } from '../../i18n/i18n';

// A case's service level as a rep reads it in a narrow pane: what is due next and when ("Answer due in 3 h", "Resolve by
// Thu 14:00", "Answer overdue by 2 h"), or how a closed case did ("Resolved late"), named after its contract's service
// level when it has one ("Premium · answer due in 3 h"). Times in the user's locale and the browser's time zone.

/** How the line is coloured: breached (danger), due within BREACH_SOON_HOURS (warning), else neutral. */
export type ServiceLevelTone = 'danger' | 'warning' | 'neutral';
export type ServiceLevelLine = { text: string; tone: ServiceLevelTone };

/** What of a case the line reads: its service level, due times, when it was answered and closed. */
export type ServiceLevelFields = Pick<Case, 'status' | 'serviceLevel' | 'responseDueAt' | 'resolutionDueAt' | 'respondedAt' | 'closedAt'>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Due within a day: how long is left ("in 5 h"); later: the day and time ("by Thu 14:00"), the date past a week.
const RELATIVE_WITHIN = DAY;
const WEEKDAY_WITHIN = 6 * DAY;

/** Whether a case carries a service level at all (cases opened before service levels have none). */
export const hasServiceLevel = (item: ServiceLevelFields) => item.responseDueAt !== undefined || item.resolutionDueAt !== undefined;

/** The line for a case now, or null when there is nothing to say (no service level; a rejected case). */
export function serviceLevelLine(translator: Translator, item: ServiceLevelFields, now: Date): ServiceLevelLine | null {
  if (!hasServiceLevel(item)) return null;
  const line = item.status === 'closed' ? closedLine(translator, item, now) : openLine(translator, item, now);
  if (!line) return null;
  const name = item.serviceLevel?.name;
  if (!name) return line;
  // "Premium · answer due in 3 h": the sentence goes on after the name (the four languages lower-case alike).
  const text = line.text.charAt(0).toLocaleLowerCase(translator.locale) + line.text.slice(1);
  return { ...line, text: translator.t('serviceLevel.named', { name, text }) };
}

function openLine(translator: Translator, item: ServiceLevelFields, now: Date): ServiceLevelLine | null {
  const { t } = translator;
  const level = serviceLevelState(item, now.toISOString());
  if (level.state === 'none' || !level.dueAt || !level.what) return null;
  const answer = level.what === 'response';
  const left = Date.parse(level.dueAt) - now.getTime();
  if (level.state === 'breached') {
    return { tone: 'danger', text: t(answer ? 'serviceLevel.answerOverdue' : 'serviceLevel.resolveOverdue', { time: duration(translator, -left) }) };
  }
  const tone = level.state === 'soon' ? 'warning' : 'neutral';
  if (left < RELATIVE_WITHIN) return { tone, text: t(answer ? 'serviceLevel.answerDueIn' : 'serviceLevel.resolveDueIn', { time: duration(translator, left) }) };
  return { tone, text: t(answer ? 'serviceLevel.answerBy' : 'serviceLevel.resolveBy', { when: dueTime(translator.locale, level.dueAt, left) }) };
}

function closedLine({ t }: Translator, item: ServiceLevelFields, now: Date): ServiceLevelLine | null {
  const met = serviceLevelMet(item, now.toISOString()).resolution;
  if (met === null) return null;
  return met ? { tone: 'neutral', text: t('serviceLevel.resolvedInTime') } : { tone: 'danger', text: t('serviceLevel.resolvedLate') };
}

/**
 * A span of time in whole units already passed, so a rep is never told more time is left than there is: minutes under
 * an hour (at least 1), hours under two days, then days.
 */
export function duration({ t, locale }: Pick<Translator, 't' | 'locale'>, ms: number): string {
  const number = new Intl.NumberFormat(locale);
  if (ms < HOUR) return t('serviceLevel.minutes', { count: number.format(Math.max(1, Math.floor(ms / MINUTE))) });
  if (ms < 2 * DAY) return t('serviceLevel.hours', { count: number.format(Math.floor(ms / HOUR)) });
  const days = Math.floor(ms / DAY);
  return t(new Intl.PluralRules(locale).select(days) === 'one' ? 'serviceLevel.days.one' : 'serviceLevel.days.other', { count: number.format(days) });
}

/** "Thu 14:00" within the week ahead, "26 Nov, 14:00" past it. */
function dueTime(locale: string, dueAt: string, left: number): string {
  const day: Intl.DateTimeFormatOptions = left < WEEKDAY_WITHIN ? { weekday: 'short' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(locale, { ...day, hour: 'numeric', minute: '2-digit' }).format(new Date(dueAt));
}
