import { useMemo } from 'react';
import type { Campaign } from '@rapport/shared';
import type { MemberCapability } from '@rapport/shared/members/capabilities.rules';
import { useMe } from '../hooks/useMe';
import { useRecord, useRecordList } from './queries';

// The campaigns the pane offers: one page of the API's largest. A tenant runs tens of campaigns, not hundreds; a lead's
// campaign beyond them is still read by its id (useCampaign).
const CAMPAIGNS = { limit: 100 } as const;

// Running campaigns first (what a lead comes from today), then those planned, then the finished ones.
const statusOrder: Record<Campaign['status'], number> = { active: 0, planned: 1, completed: 2, cancelled: 3 };

/** The tenant's campaigns, running ones first, each group by name; read once for the pane (the picker, Settings). */
export function useCampaigns() {
  const list = useRecordList('campaign', CAMPAIGNS);
  const campaigns = useMemo(
    () => [...(list.data?.items ?? [])].sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || a.name.localeCompare(b.name)),
    [list.data],
  );
  return { ...list, campaigns };
}

/**
 * One campaign by id (none for ''): from the list when it holds it, else read by id (a campaign beyond the list's page,
 * or one deleted since, which is then not found).
 */
export function useCampaign(id: string): { campaign: Campaign | undefined; isError: boolean } {
  const list = useCampaigns();
  const listed = id ? list.campaigns.find((campaign) => campaign.id === id) : undefined;
  const read = useRecord('campaign', id && list.data && !listed ? id : null);
  return { campaign: listed ?? read.data, isError: read.isError };
}

/**
 * Whether the signed-in user may do what `capability` opens: an admin's tick made them (a campaign manager), or they are
 * an admin; false until known.
 */
export function useGranted(capability: MemberCapability): boolean {
  const me = useMe();
  // An API of a release before capabilities answers without them: only admins may there.
  return me !== null && (me.capabilities.manageSettings || (me.grantedCapabilities ?? []).includes(capability));
}

/** Whether the signed-in user keeps the tenant's campaigns: a campaign manager or an admin. */
export const useIsCampaignManager = () => useGranted('campaignManager');
