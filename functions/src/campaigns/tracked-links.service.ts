import { CrmError, clickCell, landingUrlOf } from '@rapport/shared';
import { visitorOf } from '../http/rate-limit';
import { publicLinkNotFound, type PublicLinks } from '../services/public-links';
import type { Store } from '../store/store';
import type { ClickCounter } from './click-counter';
import { notAClick, type RecentClicks } from './click-rules';

type Visit = { method: string; url: string; headers: { get(name: string): string | null } };

/**
 * The click ids ad networks add to the link they were given (Google Ads, Microsoft Ads, Meta, TikTok, LinkedIn, X),
 * passed on to the destination so the marketer's own ad conversion tracking still works. Nothing else of the visit's
 * address is: a parameter the destination would read as where to go (`?next=`) never reaches it.
 */
const AD_CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'dclid', 'msclkid', 'fbclid', 'ttclid', 'li_fat_id', 'twclid'];
const CLICK_ID_VALUE = /^[A-Za-z0-9._~-]{1,500}$/;

/** What opening a tracked link did: where it sends the visitor, and whether it was counted as a click. */
export type FollowedLink = { location: string; counted: boolean };

/**
 * A campaign's tracked link opened at `/r/{code}`: its code resolved through the public links' tenant-free index to
 * its tenant and link, the click counted (see click-rules.ts for what is not a click), and the visitor sent to the
 * link's own destination with its UTM parameters and its code, never anywhere else.
 */
export class TrackedLinksService {
  constructor(private readonly deps: { store: Store; links: PublicLinks; clicks: ClickCounter; recent: RecentClicks; now: () => Date }) {}

  async follow(code: string, visit: Visit): Promise<FollowedLink> {
    const target = await this.deps.links.resolve(code, 'link');
    const link = await this.deps.store.get('link', target.tenantId, target.id);
    // A deleted link, or (never in practice) a key that names a link of another code, opens nothing.
    if (!link || link.code !== code) throw publicLinkNotFound();
    if (link.revoked) throw new CrmError('gone', 'PUBLIC_LINK.EXPIRED', 'This link was switched off by the company that sent it. Ask them for a new one.');
    const location = withAdClickIds(landingUrlOf(link.destination, link.utm, link.code), new URL(visit.url).searchParams);
    const counted = notAClick(visit) === null && !this.deps.recent.repeated(visitorOf(visit), visit.headers.get('user-agent') ?? '', code);
    if (counted) await this.deps.clicks.count(link.tenantId, clickCell(link, this.deps.now().toISOString()));
    return { location, counted };
  }
}

/** The destination with the ad networks' click ids the visit carried (well-formed ones, and only those it lacks). */
function withAdClickIds(location: string, query: URLSearchParams): string {
  const url = new URL(location);
  const added = AD_CLICK_IDS.flatMap((name) => {
    const value = query.get(name);
    return value !== null && CLICK_ID_VALUE.test(value) && !url.searchParams.has(name) ? [`${name}=${value}`] : [];
  });
  if (added.length === 0) return location;
  url.search = `${url.search}${url.search ? '&' : '?'}${added.join('&')}`;
  return url.href;
}
