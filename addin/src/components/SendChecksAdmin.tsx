import { DEFAULT_STALE_DEAL_DAYS, STALE_DEAL_DAYS_MAX, STALE_DEAL_DAYS_MIN } from '@rapport/shared/send-checks/send-check.rules';
import { DaysSettingAdmin, wholeDaysIn } from './DaysSettingAdmin';

const bounds = { min: STALE_DEAL_DAYS_MIN, max: STALE_DEAL_DAYS_MAX, default: DEFAULT_STALE_DEAL_DAYS };
const daysOf = (typed: string) => wholeDaysIn(typed, bounds);

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
