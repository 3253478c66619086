import { newPublicKey } from '../services/public-links';
import { campaignOfRequest, withCampaignName } from './campaign.hooks';
import type { KindHooks } from './kind-hooks';

// A form's key is in its website's HTML for years: it opens the form until the form is revoked or deleted.
const FOREVER = '9999-12-31T23:59:59.999Z';

export const webFormHooks: KindHooks<'form'> = {
  // A new form gets its public key: 128 random bits, never its tenant or id.
  prepare: (fields, context) => campaignOfRequest(context.previous || fields.publicKey ? fields : { ...fields, publicKey: newPublicKey() }, context),
  complete: (fields, { referenced }) => withCampaignName(fields, referenced),
  // Kept once the form is: a retried create (answered with the first form) finds its key kept already.
  afterCreate: async (form, { store, now }) => {
    if (form.publicKey) await store.savePublicLink({ key: form.publicKey, tenantId: form.tenantId, kind: 'form', id: form.id, expiresAt: FOREVER, createdAt: now });
  },
};
