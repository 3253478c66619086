import { defineKind } from '../kinds/kind-definition';
import { TenantSettingsRecordSchema } from './tenant-settings.schema';

/** One per tenant (id `tenant`), kept through /api/settings. */
export const tenantSettingsKind = defineKind(TenantSettingsRecordSchema, {
  plural: 'settings',
  label: 'Settings',
  references: [],
  timeline: false,
  schemaVersion: 1,
});
