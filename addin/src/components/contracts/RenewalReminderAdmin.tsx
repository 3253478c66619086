import { CONTRACT_RENEWAL_DAYS_MAX, DEFAULT_CONTRACT_RENEWAL_DAYS } from '@rapport/shared/contracts/contract.rules';
import { DaysSettingAdmin } from '../DaysSettingAdmin';

// As the API takes them (tenant-settings.schema.ts).
const bounds = { min: 1, max: CONTRACT_RENEWAL_DAYS_MAX, default: DEFAULT_CONTRACT_RENEWAL_DAYS };

/** The days typed, as the API takes them, or null when they are not a whole number in range. */
function renewalDaysOf(typed: string): number | null {
  const days = Number(typed.trim());
  return /^\d+$/.test(typed.trim()) && days >= bounds.min && days <= bounds.max ? days : null;
}

const words = {
  help: 'contractSettings.help',
  form: 'settings.contracts',
  label: 'contractSettings.renewalDays',
  hint: 'contractSettings.daysHint',
  invalid: 'contractSettings.invalid',
  saved: 'contractSettings.saved',
  save: 'contractSettings.save',
  reload: 'contractSettings.reload',
} as const;

/**
 * Admins: how many days before a service contract ends its owner gets the task to renew it (earlier when the
 * customer's notice is longer).
 */
export function RenewalReminderAdmin() {
  return <DaysSettingAdmin setting="contractRenewalDays" bounds={bounds} parse={renewalDaysOf} words={words} />;
}
