import { invalidField, utmOf } from '@rapport/shared';
import { newPublicKey } from '../services/public-links';
import type { KindHooks } from './kind-hooks';

// A link's code is printed on flyers and sent in e-mails for years: it opens the link until the link is revoked or deleted.
const FOREVER = '9999-12-31T23:59:59.999Z';

export const linkHooks: KindHooks<'link'> = {
  // A new link gets its public code: 128 random bits, never its tenant or id.
  prepare: (fields, { previous }) => (previous || fields.code ? fields : { ...fields, code: newPublicKey() }),
  // Its channel is the campaign's unless one is given; its UTM parameters name the campaign as it is called when the
  // link is made (an analytics tool keeps one name for it however the campaign is renamed later).
  complete: (fields, { previous, referenced }) => {
    const campaign = fields.campaignId ? referenced.get('campaign', fields.campaignId) : undefined;
    const channel = fields.channel ?? campaign?.channel ?? 'other';
    if (channel === 'affiliate' && !fields.affiliate) {
      throw invalidField('LINK.AFFILIATE_REQUIRED', 'affiliate', 'An affiliate link names its affiliate site: the funnel counts what each site brings.');
    }
    // Only an affiliate link names a site.
    const { affiliate: _site, ...rest } = fields;
    const affiliate = channel === 'affiliate' ? fields.affiliate : undefined;
    const utm = utmOf({ channel, affiliate, label: fields.label }, campaign?.name ?? '');
    // The campaign's slug as first made: the rest follows the label (the only one of them a change may set).
    return { ...rest, ...(affiliate ? { affiliate } : {}), channel, utm: previous ? { ...utm, campaign: previous.utm.campaign } : utm };
  },
  // Kept once the link is: a retried create (answered with the first link) finds its code kept already.
  afterCreate: async (link, { store, now }) => {
    await store.savePublicLink({ key: link.code, tenantId: link.tenantId, kind: 'link', id: link.id, expiresAt: FOREVER, createdAt: now });
  },
};
