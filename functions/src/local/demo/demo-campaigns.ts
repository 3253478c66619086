import { clickCell, type Campaign, type CampaignChannel } from '@rapport/shared';
import { campaignIdForName } from '../../campaigns/campaign-ids';
import type { RecordWriter } from '../../services/record-writer';
import type { Store } from '../../store/store';

const DAY = 24 * 60 * 60 * 1000;

/** The demo's campaigns: those its leads came from, and the spring fair its web form sign-ups go to. */
export const DEMO_CAMPAIGNS: readonly { name: string; channel: CampaignChannel; budget: number; startDaysAgo: number; days: number }[] = [
  { name: 'Spring webinar', channel: 'email', budget: 4_000, startDaysAgo: 330, days: 60 },
  { name: 'Trade fair Milano', channel: 'event', budget: 25_000, startDaysAgo: 250, days: 30 },
  { name: 'Partner referral', channel: 'affiliate', budget: 6_000, startDaysAgo: 360, days: 360 },
  { name: 'Newsletter', channel: 'email', budget: 1_500, startDaysAgo: 360, days: 360 },
  { name: 'Spring fair 2027', channel: 'event', budget: 12_000, startDaysAgo: -90, days: 20 },
];

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function demoCampaigns(tenantId: string, ownerId: string, nowMs: number): Campaign[] {
  const createdAt = new Date(nowMs - 365 * DAY).toISOString();
  return DEMO_CAMPAIGNS.map(({ name, channel, budget, startDaysAgo, days }) => {
    const startMs = nowMs - startDaysAgo * DAY;
    const endMs = startMs + days * DAY;
    return {
      tenantId,
      id: campaignIdForName(name),
      createdAt,
      createdBy: ownerId,
      updatedAt: createdAt,
      updatedBy: ownerId,
      ownerId,
      version: 1,
      name,
      channel,
      status: startMs > nowMs ? 'planned' : endMs < nowMs ? 'completed' : 'active',
      startsOn: day(startMs),
      endsOn: day(endMs),
      budget,
      currency: 'EUR',
    };
  });
}

/** The campaign a demo deal of an event or a partner came of: the Milan fair or the partner referrals, and some newsletters. */
export function demoCampaignIdOfDeal(source: 'event' | 'partner', index: number): string {
  if (index % 3 === 0) return campaignIdForName('Newsletter');
  return campaignIdForName(source === 'event' ? 'Trade fair Milano' : 'Partner referral');
}

/** The demo's tracked links: where its running campaigns are placed, each with its code in the public links' index. */
// `clicks`: the clicks each had this month, last month and so on back, so the funnel starts from clicks.
const DEMO_LINKS: readonly { id: string; campaign: string; label: string; destination: string; channel: CampaignChannel; affiliate?: string; clicks: readonly number[] }[] = [
  { id: 'demo-link-newsletter', campaign: 'Newsletter', label: 'Newsletter: this month’s offer', destination: 'https://www.rapport-demo.com/offers', channel: 'email', clicks: [64, 181, 152, 207, 163, 139] },
  { id: 'demo-link-partner', campaign: 'Partner referral', label: 'Partner page banner', destination: 'https://www.rapport-demo.com/partners', channel: 'affiliate', affiliate: 'Deals Hub', clicks: [38, 96, 121, 74, 112, 93] },
  { id: 'demo-link-fair', campaign: 'Spring fair 2027', label: 'Spring fair registration', destination: 'https://www.rapport-demo.com/spring-fair', channel: 'event', clicks: [17] },
];

/** A moment `monthsAgo` calendar months before now: now itself, else the 15th of that month. */
function monthsBack(nowMs: number, monthsAgo: number): string {
  if (monthsAgo === 0) return new Date(nowMs).toISOString();
  const now = new Date(nowMs);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 15)).toISOString();
}

/**
 * The demo's tracked links, made by its admin through the writer (their codes drawn and kept as any link's), with the
 * clicks they had, counted as the click route counts them; a resumed seed makes only those missing, and counts the
 * clicks of those it makes. Returns how many the tenant has from the seed.
 */
export async function seedDemoLinks(store: Store, writer: RecordWriter, tenantId: string, adminId: string, nowMs: number): Promise<number> {
  for (const { id, campaign, clicks, ...fields } of DEMO_LINKS) {
    const link = await writer.addOnce('link', { tenantId, userId: adminId }, { ...fields, campaignId: campaignIdForName(campaign), revoked: false }, { id });
    if (link) await store.countEvents(tenantId, clicks.map((count, monthsAgo) => clickCell(link, monthsBack(nowMs, monthsAgo), count)));
  }
  return DEMO_LINKS.length;
}
