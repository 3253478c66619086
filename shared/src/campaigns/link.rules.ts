// Plain code, no schema: the pane builds a tracked link's address and shows its UTM parameters without loading zod.
import type { CampaignChannel } from './campaign.rules';

/**
 * Where a tracked link is opened: `/r/{code}` at the root of the API's host (README: "Tracked links"), short enough for
 * a printed flyer, and outside `/api` so the address says nothing of the API behind it.
 */
export const TRACKED_LINK_PREFIX = '/r/';

/** A tracked link's path for its code. */
export function trackedLinkPath(code: string): string {
  return `${TRACKED_LINK_PREFIX}${encodeURIComponent(code)}`;
}

/**
 * The parameter that carries a tracked link's code to its destination, so that the website's web form can send it with
 * the visitor's details (the form snippet copies it into a hidden field of the same name).
 */
export const LINK_CODE_PARAM = 'rp_code';

// The WHATWG URL parser that Node and browsers both have; shared has no DOM or Node types, so it names what it uses.
type ParsedUrl = { href: string; protocol: string; hostname: string; username: string; password: string; search: string; readonly searchParams: { has(name: string): boolean } };
const ParsedUrl = (globalThis as unknown as { URL: new (text: string) => ParsedUrl }).URL;

/** The longest destination a link may have: what every browser and mail client keeps whole. */
export const DESTINATION_MAX = 2_000;

/** The UTM parameters a tracked link adds to its destination (those the marketer put there stay as they are). */
export type Utm = { source: string; medium: string; campaign: string; content?: string | undefined };

/** What analytics tools call each channel's medium (Google Analytics' default channel groups read these). */
const MEDIUM: Record<CampaignChannel, string> = {
  email: 'email',
  ad: 'cpc',
  social: 'social',
  affiliate: 'affiliate',
  event: 'event',
  web: 'referral',
  other: 'other',
};

/** A name as a UTM value: lower case, no accents, words joined by hyphens ("Café Fair 2026" is "cafe-fair-2026"). */
export function utmSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

/**
 * A link's UTM parameters: the source is the affiliate site for an affiliate link, else the channel; the medium is the
 * channel's; the campaign is the campaign's name as a slug; the content is the link's label.
 */
export function utmOf(link: { channel: CampaignChannel; affiliate?: string | undefined; label?: string | undefined }, campaignName: string): Utm {
  const content = link.label ? utmSlug(link.label) : '';
  const affiliate = link.channel === 'affiliate' && link.affiliate ? utmSlug(link.affiliate) : '';
  return {
    source: affiliate || link.channel,
    medium: MEDIUM[link.channel],
    campaign: utmSlug(campaignName) || 'campaign',
    ...(content ? { content } : {}),
  };
}

/**
 * Whether an address is one a tracked link may send visitors to: http or https, with a host, no user name or password in
 * it, and no code of a tracked link already (the one the link adds is the only one its visitors carry). Spaces, control
 * characters and backslashes are refused rather than repaired: they make an address read one way to people and another
 * to the parser ("https://shop.example\@elsewhere.example" goes to shop.example).
 */
export function isLinkDestination(text: string): boolean {
  if (text.length > DESTINATION_MAX || /[\s\u0000-\u001f\u007f-\u009f\\]/.test(text)) return false;
  let url: ParsedUrl;
  try {
    url = new ParsedUrl(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.username === '' && url.password === '' && !url.searchParams.has(LINK_CODE_PARAM);
}

/**
 * Where a visitor lands: the link's destination with its UTM parameters (a parameter the destination has already is
 * kept as the marketer wrote it) and, when given, the link's code. Always the destination's own address, as the URL
 * parser reads it: what a tracked link redirects to can be nothing else.
 */
export function landingUrlOf(destination: string, utm: Utm, code?: string): string {
  const url = new ParsedUrl(destination);
  const added: string[] = [];
  const add = (name: string, value: string | undefined) => {
    if (value && !url.searchParams.has(name)) added.push(`${name}=${encodeURIComponent(value)}`);
  };
  add('utm_source', utm.source);
  add('utm_medium', utm.medium);
  add('utm_campaign', utm.campaign);
  add('utm_content', utm.content);
  if (code) added.push(`${LINK_CODE_PARAM}=${encodeURIComponent(code)}`);
  // Appended to the query as the marketer wrote it: re-encoding their parameters could change what their site reads.
  if (added.length > 0) url.search = `${url.search || '?'}${url.search.length > 1 ? '&' : ''}${added.join('&')}`;
  return url.href;
}
