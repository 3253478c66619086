import { GoalBandsSchema, TenantSettingsPatchSchema, TenantSettingsSchema } from '../settings/tenant-settings.schema';
import { defineRoute } from './route';

export const settingsRoute = defineRoute({
  name: 'get-settings',
  method: 'GET',
  path: '/api/settings',
  summary: "The tenant's settings: its reporting currency and dated exchange rates, its own e-mail domains, the days after which send-time checks name a quiet deal, the addresses and domains never logged, and how large a kept file may be",
  tag: 'Settings',
  auth: 'user',
  success: { status: 200, schema: TenantSettingsSchema, description: 'The settings; version goes back in If-Match to change them' },
});

export const updateSettingsRoute = defineRoute({
  name: 'update-settings',
  method: 'PATCH',
  path: '/api/settings',
  summary: "Change the tenant's settings (admins): the reporting currency, the whole list of exchange rates, the own domains, the days without activity after which a deal is named before sending (staleDealDays), or the never-log list (neverLog: addresses and domains whose mail is never logged), or the document limits (documentLimits: the largest file kept and the most of one e-mail's attachments, in MB), or the days before a service contract's end that its owner gets a renewal task (contractRenewalDays)",
  tag: 'Settings',
  auth: 'user',
  role: 'admin',
  allows: "change the organization's settings",
  body: TenantSettingsPatchSchema,
  success: { status: 200, schema: TenantSettingsSchema, description: 'The settings after the change' },
  errors: [403, 412, 413, 428],
  ifMatch: true,
});


export const updateGoalBandsRoute = defineRoute({
  name: 'update-goal-bands',
  method: 'PATCH',
  path: '/api/settings/goal-bands',
  summary: "Set the colours of goals' pace for the tenant (managers): orange below warningBelow %, green from successFrom % of the target at this rate",
  tag: 'Settings',
  auth: 'user',
  role: 'manager',
  allows: "set the goals' colour bands",
  body: GoalBandsSchema,
  success: { status: 200, schema: TenantSettingsSchema, description: 'The settings after the change' },
  errors: [403, 412, 428],
  ifMatch: true,
});
