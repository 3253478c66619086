import { CrmError, campaignNameKey, type CampaignChannel } from '@rapport/shared';
import type { RecordWriter } from '../services/record-writer';
import type { Store } from '../store/store';
import type { Actor } from '../kinds/kind-hooks';
import { campaignIdForName } from './campaign-ids';

// Every month a lead cell can have, the open and undated ones included (they sort after the dated ones).
const ALL_MONTHS = { from: '0000-01', to: '9999-12' };
// Web forms are settings, a few per tenant: the upgrade reads this many at most.
const MAX_FORMS = 1_000;

/**
 * The migration of campaigns named in words (an earlier release kept a lead's and a web form's campaign as text, and
 * its report cells by that text) into campaign records: each name becomes one campaign, under the id its leads and
 * forms were given when they were read (`campaignIdForName`). It reads the lead report cells (bounded by owners,
 * sources, campaigns and months, never the leads) and the forms, and makes what is missing; run again it makes
 * nothing. A name whose campaign a user deleted stays deleted, and a name another campaign has taken since (by a
 * rename) is left to it.
 */
export async function bringUpLegacyCampaigns(actor: Actor, deps: { store: Store; writer: RecordWriter }): Promise<number> {
  const names = new Map<string, { name: string; channel: CampaignChannel }>();
  const cells = await deps.store.reportCells(actor.tenantId, 'lead', ALL_MONTHS);
  for (const cell of cells) {
    const name = cell.dims.campaign?.trim();
    if (name && !names.has(campaignNameKey(name))) names.set(campaignNameKey(name), { name, channel: cell.dims.source === 'web-form' ? 'web' : 'other' });
  }
  const forms = await deps.store.list('form', actor.tenantId, { limit: MAX_FORMS });
  for (const form of forms.items) {
    const name = form.campaign?.trim();
    if (name && !names.has(campaignNameKey(name))) names.set(campaignNameKey(name), { name, channel: 'web' });
  }
  let made = 0;
  for (const { name, channel } of names.values()) {
    const id = campaignIdForName(name);
    if ((await deps.store.get('campaign', actor.tenantId, id)) || (await deps.store.getDeleted('campaign', actor.tenantId, id))) continue;
    try {
      const campaign = await deps.writer.addOnce('campaign', actor, { name, channel, status: 'active' }, { id, origin: 'system' });
      if (campaign) made++;
    } catch (error) {
      // Another campaign was renamed to this name: it keeps it, and the old leads keep their name in words.
      if (!(error instanceof CrmError && error.code === 'RECORD.ALREADY_LOGGED')) throw error;
    }
  }
  return made;
}

// The tenants of each store this process brought up already: listing campaigns then costs nothing more.
const broughtUp = new WeakMap<Store, Set<string>>();

/** `bringUpLegacyCampaigns`, once per tenant in this process. */
export async function bringUpLegacyCampaignsOnce(actor: Actor, deps: { store: Store; writer: RecordWriter }): Promise<void> {
  const done = broughtUp.get(deps.store) ?? new Set<string>();
  broughtUp.set(deps.store, done);
  if (done.has(actor.tenantId)) return;
  await bringUpLegacyCampaigns(actor, deps);
  done.add(actor.tenantId);
}
