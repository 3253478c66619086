import type { Campaign } from '@rapport/shared';
import type { CampaignStatus } from '@rapport/shared/campaigns/campaign.rules';
import { valueLabelKey } from '../../i18n/field-labels';
import type { Translator } from '../../i18n/i18n';
import type { BadgeTone } from '../StatusBadge';

/** A campaign's status as its badge shows it: running green, planned neutral, finished quiet, cancelled red. */
export const campaignStatusTones: Record<CampaignStatus, BadgeTone> = { planned: 'informative', active: 'success', completed: 'subtle', cancelled: 'danger' };

export const channelLabel = (t: Translator['t'], campaign: Pick<Campaign, 'channel'>) => t(valueLabelKey('campaign', 'channel', campaign.channel));
export const statusLabel = (t: Translator['t'], campaign: Pick<Campaign, 'status'>) => t(valueLabelKey('campaign', 'status', campaign.status));

/** When a campaign runs, as far as its dates say: "1 Mar 2027 – 30 Apr 2027", "From 1 Mar 2027", or nothing. */
export function campaignDates({ t, date }: Pick<Translator, 't' | 'date'>, campaign: Pick<Campaign, 'startsOn' | 'endsOn'>): string | null {
  const { startsOn, endsOn } = campaign;
  if (startsOn && endsOn) return t('campaigns.dates', { from: date(startsOn), to: date(endsOn) });
  if (startsOn) return t('campaigns.from', { date: date(startsOn) });
  if (endsOn) return t('campaigns.until', { date: date(endsOn) });
  return null;
}

/** A campaign's budget in its currency (the tenant's reporting currency when it names none); null without one. */
export function campaignBudget({ money }: Pick<Translator, 'money'>, campaign: Pick<Campaign, 'budget' | 'currency'>, reporting: string | undefined): string | null {
  const currency = campaign.currency ?? reporting;
  return campaign.budget === undefined || !currency ? null : money(campaign.budget, currency);
}
