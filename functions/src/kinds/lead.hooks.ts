import { CrmError, normalizeEmail, repForTurn, territoryFor } from '@rapport/shared';
import { campaignOfRequest, withCampaignName } from './campaign.hooks';
import type { KindHooks } from './kind-hooks';

export const leadHooks: KindHooks<'lead'> = {
  prepare: async (fields, context) => {
    const { previous, origin } = context;
    const was = previous?.status;
    // Converted is what converting does (POST /api/leads/{id}/convert), and it is final.
    if (origin === 'request' && fields.status === 'converted' && was !== 'converted') {
      throw new CrmError('conflict', 'LEAD.CONVERT_INSTEAD', 'A lead becomes converted by converting it (it then links to its contact, company and deal), not by setting its status.');
    }
    if (was === 'converted' && fields.status !== 'converted') {
      throw new CrmError('conflict', 'LEAD.ALREADY_CONVERTED', 'This lead is converted: work with the contact it became.');
    }
    const email = fields.email === undefined ? null : normalizeEmail(fields.email);
    return campaignOfRequest(email ? { ...fields, email } : fields, context);
  },
  complete: (fields, { referenced }) => withCampaignName(fields, referenced),
  // A lead nobody was named for goes to its territory's reps in turn: the territory it names, or the one its address
  // matches. A territory without reps still files the lead there; its creator keeps it.
  place: async (fields, { lookups, store, actor }) => {
    const territories = await lookups.territories();
    const named = fields.territoryId ? territories.find((territory) => territory.id === fields.territoryId) : undefined;
    const territory = named ?? territoryFor(fields.address, territories);
    if (!territory) return null;
    if (territory.repIds.length === 0) return { fields: { territoryId: territory.id } };
    const rep = repForTurn(territory.repIds, await store.nextSequence(actor.tenantId, `territory-turn:${territory.id}`));
    return { ...(rep ? { ownerId: rep } : {}), fields: { territoryId: territory.id, ...(fields.status === 'new' && rep ? { status: 'assigned' } : {}) } };
  },
};
