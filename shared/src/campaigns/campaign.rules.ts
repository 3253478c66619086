// Plain code, no schema: the pane reads these without loading zod.

/** Where a campaign reaches people, and where a tracked link of it is placed. */
export const campaignChannels = ['email', 'ad', 'social', 'affiliate', 'event', 'web', 'other'] as const;
export type CampaignChannel = (typeof campaignChannels)[number];

export const campaignStatuses = ['planned', 'active', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** Which status may follow which: a finished campaign may run again, a cancelled one be planned again. */
export const campaignStatusFlow: Record<CampaignStatus, readonly CampaignStatus[]> = {
  planned: ['active', 'cancelled'],
  active: ['completed', 'cancelled'],
  completed: ['active'],
  cancelled: ['planned'],
};

/**
 * What makes two campaign names the same: case, accents' composition and runs of spaces aside ("Autumn  Fair" is
 * "autumn fair"). A tenant has one campaign per name, so a lead, a form or an import naming it finds it.
 */
export function campaignNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** The index entry that keeps campaign names unique in a tenant. */
export const campaignNameRef = (name: string): string => `campaign-name:${campaignNameKey(name)}`;
