import { CrmError, campaignNameRef, invalidField } from '@rapport/shared';
import { campaignIdForName } from '../campaigns/campaign-ids';
import { bringUpLegacyCampaignsOnce } from '../campaigns/legacy-campaigns';
import type { Store } from '../store/store';
import type { KindHooks, Referenced } from './kind-hooks';

const duplicateName = (name: string, holder: string) =>
  invalidField(
    'CAMPAIGN.DUPLICATE_NAME',
    'name',
    holder === name
      ? `There is a campaign called "${name}" already: choose it, or give this one another name.`
      : `The campaign "${holder}" was first called "${name}": open it, or give this one another name.`,
  );

export const campaignHooks: KindHooks<'campaign'> = {
  // One campaign per name: the friendly refusal here, the store's unique name index however two creates race.
  beforeCreate: async (input, { actor, store }) => {
    const holder = (await store.findByExternalRef('campaign', actor.tenantId, campaignNameRef(input.name))) ?? (await store.get('campaign', actor.tenantId, campaignIdForName(input.name)));
    if (holder) throw duplicateName(input.name, holder.name);
    const deleted = await store.getDeleted('campaign', actor.tenantId, campaignIdForName(input.name));
    if (deleted) {
      throw invalidField('CAMPAIGN.DUPLICATE_NAME', 'name', `A deleted campaign was called "${input.name}": restore it from the recycle bin, or give this one another name.`);
    }
  },
  newRecordId: (input) => campaignIdForName(input.name),
  beforeList: async (actor, deps) => {
    await bringUpLegacyCampaignsOnce(actor, deps);
  },
  prepare: async (fields, { previous, requested, store, actor }) => {
    if (previous && requested.name !== undefined && fields.name && fields.name !== previous.name) {
      const holder = await store.findByExternalRef('campaign', actor.tenantId, campaignNameRef(fields.name));
      if (holder && holder.id !== previous.id) throw duplicateName(fields.name, holder.name);
    }
    if (fields.startsOn && fields.endsOn && fields.endsOn < fields.startsOn) {
      throw invalidField('CAMPAIGN.END_BEFORE_START', 'endsOn', `The campaign ends (${fields.endsOn}) before it starts (${fields.startsOn}): change one of the dates.`);
    }
    return fields;
  },
};

/** 422: a lead, form or import named a campaign the tenant does not have. */
export const unknownCampaign = (field: string, name: string): CrmError =>
  invalidField('CAMPAIGN.UNKNOWN', field, `No campaign is called "${name}": choose one of your campaigns, or ask a campaign manager to make it.`);

type NamesCampaign = { campaignId?: string | undefined; campaign?: string | undefined };

/**
 * A lead's or web form's campaign as a request gave it: by id, or by one of the tenant's campaigns' names (what older
 * clients, the API's users and spreadsheets send).
 */
export async function campaignOfRequest<F extends NamesCampaign>(fields: F, context: { requested: Readonly<Record<string, unknown>>; store: Store; actor: { tenantId: string } }): Promise<F> {
  const { requested, store, actor } = context;
  if (requested.campaignId !== undefined || typeof requested.campaign !== 'string') return fields;
  const campaign = await store.findByExternalRef('campaign', actor.tenantId, campaignNameRef(requested.campaign));
  if (!campaign) throw unknownCampaign('campaign', requested.campaign);
  return { ...fields, campaignId: campaign.id };
}

/** The campaign's name beside its id, as the campaign is called now; none without a campaign. */
export function withCampaignName<F extends NamesCampaign>(fields: F, referenced: Referenced): F {
  const { campaign: _name, ...rest } = fields;
  if (!fields.campaignId) return rest as F;
  return { ...rest, campaign: referenced.get('campaign', fields.campaignId)?.name ?? fields.campaign } as F;
}
