import { SERVICE_LEVEL_HOURS_MAX } from '@rapport/shared/cases/service-level.rules';

/** Hours of a service level as the API takes them (tenant-settings.schema.ts): quarter hours, up to a year. */
export const SERVICE_HOURS = { min: 0.25, max: SERVICE_LEVEL_HOURS_MAX } as const;

/** The hours typed ("1.5" or "1,5"), or null when they are not quarter hours in range. */
export function serviceHoursOf(typed: string): number | null {
  const text = typed.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const hours = Number(text);
  return hours >= SERVICE_HOURS.min && hours <= SERVICE_HOURS.max && Number.isInteger(hours * 4) ? hours : null;
}
