import { useState } from 'react';
import type { Campaign, CampaignInput, CampaignPatch } from '@rapport/shared';
import { campaignStatusFlow, type CampaignChannel, type CampaignStatus } from '@rapport/shared/campaigns/campaign.rules';
import { useI18n } from '../../i18n/I18nContext';
import { parseAmount } from '../../i18n/parse-amount';

/** A campaign as typed: the dates as the date inputs give them (2027-03-01, or '' for none), the budget as written. */
export type CampaignDraft = {
  name: string;
  channel: CampaignChannel;
  status: CampaignStatus;
  startsOn: string;
  endsOn: string;
  budget: string;
  currency: string;
  description: string;
  ownerId: string;
};
export type CampaignField = keyof CampaignDraft;

/** The statuses a campaign may be given from `current`: it, and those its status flow lets follow it. */
export const statusesFrom = (current: CampaignStatus): CampaignStatus[] => [current, ...campaignStatusFlow[current]];

/**
 * The fields of a campaign being made or changed, what each needs before anything is sent, the campaign to create, and
 * the fields changed from `base` (the campaign as the editor opened on it, so a reload never turns another's change back).
 * The status is a step from the campaign as it is `now` (after a reload, another's step included): one that no longer
 * may follow falls back to it. `defaults`: the tenant's reporting currency, and the user, who owns what they make.
 */
export function useCampaignDraft(base: Campaign | null, defaults: { currency: string; ownerId: string }, now: Campaign | null = base) {
  const { t, locale } = useI18n();
  const [typed, setTyped] = useState<CampaignDraft>(() => ({
    name: base?.name ?? '',
    channel: base?.channel ?? 'email',
    status: base?.status ?? 'planned',
    startsOn: base?.startsOn ?? '',
    endsOn: base?.endsOn ?? '',
    budget: base?.budget === undefined ? '' : new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 2 }).format(base.budget),
    currency: base?.currency ?? '',
    description: base?.description ?? '',
    ownerId: base?.ownerId ?? '',
  }));
  // The currency and owner stay the defaults (read later, maybe) until one is picked.
  const status = !now || statusesFrom(now.status).includes(typed.status) ? typed.status : now.status;
  const draft: CampaignDraft = { ...typed, status, currency: typed.currency || defaults.currency, ownerId: typed.ownerId || defaults.ownerId };
  const budget = parseAmount(draft.budget, locale);
  const problems: Partial<Record<CampaignField, string>> = {
    ...(draft.name.trim() === '' ? { name: t('campaigns.nameRequired') } : {}),
    ...(budget !== null && (Number.isNaN(budget) || budget < 0) ? { budget: t('campaigns.budgetInvalid') } : {}),
    ...(draft.startsOn && draft.endsOn && draft.endsOn < draft.startsOn ? { endsOn: t('campaigns.endBeforeStart') } : {}),
  };
  const name = draft.name.trim();
  const description = draft.description.trim();

  const input: CampaignInput = {
    name,
    channel: draft.channel,
    status: draft.status,
    ...(draft.startsOn ? { startsOn: draft.startsOn } : {}),
    ...(draft.endsOn ? { endsOn: draft.endsOn } : {}),
    // A budget is in a currency: the one chosen, the tenant's reporting currency unless another is.
    ...(budget !== null ? { budget, currency: draft.currency } : {}),
    ...(description ? { description } : {}),
    ...(draft.ownerId !== defaults.ownerId ? { ownerId: draft.ownerId } : {}),
  };

  const changes: CampaignPatch = {};
  // A step from where the campaign is now: none when someone else already took it.
  if (now && draft.status !== now.status) changes.status = draft.status;
  if (base) {
    if (name !== base.name) changes.name = name;
    if (draft.channel !== base.channel) changes.channel = draft.channel;
    if (draft.startsOn !== (base.startsOn ?? '')) changes.startsOn = draft.startsOn || null;
    if (draft.endsOn !== (base.endsOn ?? '')) changes.endsOn = draft.endsOn || null;
    if (budget !== (base.budget ?? null)) changes.budget = budget;
    // The currency when one was picked, or when a budget is given to a campaign that had none.
    if ((typed.currency && typed.currency !== base.currency) || (budget !== null && !base.currency)) changes.currency = draft.currency;
    if (description !== (base.description ?? '')) changes.description = description || null;
    if (typed.ownerId && typed.ownerId !== base.ownerId) changes.ownerId = typed.ownerId;
  }

  return {
    draft,
    edit: (patch: Partial<CampaignDraft>) => setTyped((current) => ({ ...current, ...patch })),
    problems,
    valid: Object.keys(problems).length === 0,
    /** The campaign to create, as typed. */
    input,
    /** What the user changed from `base`: only these are sent. */
    changes,
  };
}
