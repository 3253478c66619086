import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Link } from '@rapport/shared/campaigns/link.schema';
import { useInsertableLinks, useTrackedLinkUrl } from '../../data/tracked-links';
import type { ComposeContent } from '../../office/compose-item';
import { folded, linkForMessage } from './link-for-message';

/** A link offered in Insert link, with its campaign's name (null when the campaign is gone). */
export type OfferedLink = { link: Link; campaign: string | null };

/**
 * The state of Insert link: the tenant's active links, narrowed by what the rep types (a label, a campaign, an
 * affiliate site) and by a campaign, the one chosen (the first shown until the rep chooses), and the insert itself.
 */
export function useInsertLink(insert: (content: ComposeContent) => Promise<unknown>) {
  const offered = useInsertableLinks();
  const urlOf = useTrackedLinkUrl();
  const [query, setQuery] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const words = folded(query.trim()).split(/\s+/).filter(Boolean);
  const matches = ({ link, campaign }: OfferedLink) => {
    const text = folded([link.label, campaign ?? '', link.affiliate ?? ''].join(' '));
    return words.every((word) => text.includes(word));
  };
  const shown = offered.links.filter((item) => (campaignId === '' || item.link.campaignId === campaignId) && matches(item));
  const chosen = shown.find((item) => item.link.id === chosenId) ?? shown[0];
  // The campaigns the links are of, by name: a choice only when there are several.
  const campaigns = [...new Map(offered.links.map(({ link, campaign }) => [link.campaignId, campaign ?? ''])).entries()]
    .filter(([, name]) => name !== '')
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const job = useMutation({ mutationFn: (link: Link) => insert(linkForMessage(link.label, urlOf(link.code))) });
  return { ...offered, query, setQuery, campaignId, setCampaignId, campaigns, shown, chosen, choose: setChosenId, job };
}
