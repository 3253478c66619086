import { DEFAULT_STALE_DEAL_DAYS, STALE_DEAL_DAYS_MAX, STALE_DEAL_DAYS_MIN } from '@rapport/shared/send-checks/send-check.rules';
import { DaysSettingAdmin } from './DaysSettingAdmin';

const bounds = { min: STALE_DEAL_DAYS_MIN, max: STALE_DEAL_DAYS_MAX, default: DEFAULT_STALE_DEAL_DAYS };

/** The days typed, as the API takes them, or null when they are not a whole number in range. */
function daysOf(typed: string): number | null {
  const days = Number(typed.trim());
  return typed.trim() !== '' && Number.isInteger(days) && days >= STALE_DEAL_DAYS_MIN && days <= STALE_DEAL_DAYS_MAX ? days : null;
}

const words = {
  help: 'sendChecks.help',
  form: 'settings.sendChecks',
  label: 'sendChecks.staleDealDays',
  hint: 'sendChecks.daysHint',
  invalid: 'sendChecks.invalid',
  saved: 'sendChecks.saved',
  save: 'sendChecks.save',
  reload: 'sendChecks.reload',
} as const;

/** Admins: what Outlook's send-time checks count as a deal gone quiet (days without activity). */
export function SendChecksAdmin() {
  return <DaysSettingAdmin setting="staleDealDays" bounds={bounds} parse={daysOf} words={words} />;
}
