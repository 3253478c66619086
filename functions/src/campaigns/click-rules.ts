import { createHash, randomBytes } from 'node:crypto';

/**
 * Which opens of a tracked link count as a person's click (README: "Tracked links", "What counts as a click"). Not
 * counted, though still redirected: a HEAD request (link checkers), a prefetch or prerender the browser or a mail
 * client made ahead of a click (`Purpose`, `Sec-Purpose`, `X-Purpose` or `X-Moz` saying so), a request without a
 * user agent, and the user agents of crawlers, link previews, mail scanners and scripts below. Safe Links and other
 * scanners that pose as a browser cannot be told apart here: their opens count.
 */
export type NotAClick = 'head' | 'prefetch' | 'no-user-agent' | 'bot';

// Crawlers and previews that say who they are (any agent naming itself a bot), scanners of mail and links, and the HTTP
// libraries of scripts. Plain words and `/`: each is a regular expression as it stands.
const BOT_AGENTS = new RegExp(
  [
    'bot\\b',
    'crawl',
    'spider',
    'slurp',
    'preview',
    'facebookexternalhit',
    'facebookcatalog',
    'meta-externalagent',
    'embedly',
    'quora link preview',
    'whatsapp',
    'skypeuripreview',
    'microsoft office',
    'ms-office',
    'msoffice',
    'office protocol discovery',
    'google-read-aloud',
    'google-inspectiontool',
    'googleother',
    'apis-google',
    'mediapartners-google',
    'feedfetcher',
    'headlesschrome',
    'phantomjs',
    'lighthouse',
    'pingdom',
    'uptimerobot',
    'statuscake',
    'barracuda',
    'proofpoint',
    'mimecast',
    'urlscan',
    'curl/',
    'wget/',
    'python-requests',
    'python-urllib',
    'aiohttp',
    'go-http-client',
    'java/',
    'okhttp',
    'axios/',
    'node-fetch',
    'undici',
    'libwww-perl',
    'httpclient',
    // Node's own fetch says no more than this.
    '^node$',
  ].join('|'),
  'i',
);

type Visit = { method: string; headers: { get(name: string): string | null } };

/** Why an open of a tracked link is not a person's click, or null when it is one. */
export function notAClick(visit: Visit): NotAClick | null {
  if (visit.method.toUpperCase() === 'HEAD') return 'head';
  const purpose = ['purpose', 'sec-purpose', 'x-purpose', 'x-moz'].map((name) => visit.headers.get(name) ?? '').join(' ').toLowerCase();
  if (/prefetch|prerender|preview/.test(purpose)) return 'prefetch';
  const agent = (visit.headers.get('user-agent') ?? '').trim();
  if (agent === '') return 'no-user-agent';
  if (BOT_AGENTS.test(agent)) return 'bot';
  return null;
}

/**
 * The same visitor opening the same link again within `windowMs` is one click. What is kept is a salted hash of the
 * visitor's address, user agent and the link's code, in this process's memory only, for the window: no address and no
 * cookie is stored anywhere. The salt is drawn when the process starts and never leaves it, so the hashes mean nothing
 * outside it; each instance counts its own repeats (a repeat that reaches another instance counts again).
 */
export class RecentClicks {
  private readonly seen = new Map<string, number>();
  private readonly salt = randomBytes(32);

  constructor(private readonly options: { windowMs: number; maxKeys?: number; now?: () => number }) {}

  /** Whether this visit repeats one of the window; remembers it either way. */
  repeated(visitor: string, userAgent: string, code: string): boolean {
    const now = (this.options.now ?? Date.now)();
    const key = createHash('sha256').update(this.salt).update(visitor).update('\n').update(userAgent).update('\n').update(code).digest('base64url');
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return true;
    this.forgetExpired(now);
    this.seen.delete(key);
    this.seen.set(key, now + this.options.windowMs);
    return false;
  }

  /** Visits are remembered in the order they came: the oldest first to go, at the window's end or beyond the bound. */
  private forgetExpired(now: number): void {
    const max = this.options.maxKeys ?? 100_000;
    for (const [key, until] of this.seen) {
      if (until > now && this.seen.size < max) break;
      this.seen.delete(key);
    }
  }
}
