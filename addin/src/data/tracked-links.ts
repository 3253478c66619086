import type { Campaign } from '@rapport/shared/campaigns/campaign.schema';
import type { Link } from '@rapport/shared/campaigns/link.schema';
import { trackedLinkPath } from '@rapport/shared/campaigns/link.rules';
import { usePublicPageUrl } from './public-pages';
import { useRecordList } from './queries';
import { useChangeRecord, useCreateRecord } from './writes';

// Campaigns' tracked links as the pane reads and writes them: a campaign's links (its manager makes, copies and revokes
// them), the tenant's active links a rep inserts into an e-mail, and the address each opens at. A file of its own: only
// views that load later use it.

// A tenant keeps a few dozen links a campaign; one page holds them (the newest first).
const LINKS_READ = 100;

/** A campaign's tracked links, the newest first. */
export function useCampaignLinks(campaignId: string) {
  return useRecordList('link', { campaignId, limit: LINKS_READ });
}

/**
 * The links a rep may insert into an e-mail: the tenant's active ones, the newest first, each with its campaign's name
 * (campaigns read once, as everyone may). `ready` once both answered.
 */
export function useInsertableLinks() {
  const links = useRecordList('link', { limit: LINKS_READ });
  const campaigns = useRecordList('campaign', { limit: LINKS_READ });
  const names = new Map((campaigns.data?.items ?? []).map((campaign: Campaign) => [campaign.id, campaign.name]));
  const active = (links.data?.items ?? []).filter((link: Link) => !link.revoked);
  return {
    links: active.map((link) => ({ link, campaign: names.get(link.campaignId) ?? null })),
    isPending: links.isPending || campaigns.isPending,
    error: links.error ?? campaigns.error,
    retry: () => {
      if (links.isError) void links.refetch();
      if (campaigns.isError) void campaigns.refetch();
    },
  };
}

/** The full address a tracked link opens at (`/r/{code}` under the API's host): what goes into an e-mail or an ad. */
export function useTrackedLinkUrl(): (code: string) => string {
  const urlOf = usePublicPageUrl();
  return (code) => urlOf(trackedLinkPath(code));
}

/** Making a tracked link (campaign managers and admins): a retry makes one link, not two. */
export function useCreateLink() {
  return useCreateRecord('link');
}

/** Changing a link at the version read: its label, destination, or whether it is revoked. */
export function useChangeLink() {
  return useChangeRecord('link');
}
