import { defineKind } from '../kinds/kind-definition';
import { searchTermsOf } from '../search/search-terms.rules';
import { campaignNameRef, campaignStatusFlow } from './campaign.rules';
import { CampaignInputSchema, CampaignPatchSchema, CampaignSchema } from './campaign.schema';

export const campaignKind = defineKind(CampaignSchema, {
  plural: 'campaigns',
  label: 'Campaign',
  references: [],
  timeline: false,
  title: (campaign) => campaign.name,
  statusFlow: { field: 'status', flow: campaignStatusFlow, code: 'CAMPAIGN.STATUS_FLOW' },
  schemaVersion: 1,
  // The name is an external id: two campaigns of one name are refused however their creates race.
  index: (campaign) => ({ externalRefs: [campaignNameRef(campaign.name)], terms: searchTermsOf({ names: [campaign.name] }) }),
  api: {
    input: CampaignInputSchema,
    patch: CampaignPatchSchema,
    filters: ['ownerId'],
    // Everyone reads campaigns (to choose one on a lead); campaign managers and admins keep them.
    write: { role: 'admin', allows: 'change campaigns', capability: 'campaignManager' },
    example: { input: (text, n) => ({ name: `${text} Campaign ${n}`, channel: 'email', budget: 1000, currency: 'EUR' }), patch: { status: 'active' } },
  },
});
