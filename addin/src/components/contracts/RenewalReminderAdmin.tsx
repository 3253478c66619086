import { CONTRACT_RENEWAL_DAYS_MAX, DEFAULT_CONTRACT_RENEWAL_DAYS } from '@rapport/shared/contracts/contract.rules';
import { DaysSettingAdmin, wholeDaysIn } from '../DaysSettingAdmin';

// As the API takes them (tenant-settings.schema.ts).
const bounds = { min: 1, max: CONTRACT_RENEWAL_DAYS_MAX, default: DEFAULT_CONTRACT_RENEWAL_DAYS };
const renewalDaysOf = (typed: string) => wholeDaysIn(typed, bounds);

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
