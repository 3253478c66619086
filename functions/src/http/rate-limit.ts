import { CrmError } from '@rapport/shared';

export type RateLimitOptions = {
  /** Requests each key may make per window. */
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Keys remembered at once; the oldest are forgotten beyond it (a forgotten key starts afresh). */
  maxKeys?: number;
};

/**
 * A token bucket per key: `limit` requests at once, refilled evenly over the window. Kept in this
 * process's memory, so each instance limits on its own: N instances let up to N × `limit` through
 * (README: Rate limits are per process).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  /** Takes one request from the key's bucket; null when allowed, else the seconds to wait. */
  take(key: string): number | null {
    const { limit, windowMs } = this.options;
    const now = this.now();
    const refillPerMs = limit / windowMs;
    const bucket = this.buckets.get(key) ?? { tokens: limit, at: now };
    const tokens = Math.min(limit, bucket.tokens + (now - bucket.at) * refillPerMs);
    if (tokens < 1) {
      this.remember(key, { tokens, at: now });
      return Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000));
    }
    this.remember(key, { tokens: tokens - 1, at: now });
    return null;
  }

  private remember(key: string, bucket: { tokens: number; at: number }): void {
    this.buckets.delete(key);
    if (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    this.buckets.set(key, bucket);
  }
}

/** Writes per user and per tenant: a burst over either gets 429 with Retry-After. */
export class WriteLimits {
  private readonly perUser: RateLimiter;
  private readonly perTenant: RateLimiter;

  constructor(limits: { perUser: number; perTenant: number }, now?: () => number) {
    this.perUser = new RateLimiter({ limit: limits.perUser, windowMs: 60_000, ...(now ? { now } : {}) });
    this.perTenant = new RateLimiter({ limit: limits.perTenant, windowMs: 60_000, ...(now ? { now } : {}) });
  }

  check(tenantId: string, userId: string): void {
    const userWait = this.perUser.take(`${tenantId}/${userId}`);
    if (userWait !== null) throw tooManyWrites(userWait, 'you');
    const tenantWait = this.perTenant.take(tenantId);
    if (tenantWait !== null) throw tooManyWrites(tenantWait, 'your organization');
  }
}

function tooManyWrites(retryAfterSeconds: number, who: string): CrmError {
  return new CrmError(
    'rate-limited',
    'REQUEST.RATE_LIMITED',
    `Too many changes from ${who} in the last minute. Wait ${retryAfterSeconds} s and try again; nothing of this request was saved.`,
    { retryAfterSeconds },
  );
}

/**
 * Requests to a public page (a web form's submissions, a quote's page and answers): per visitor (by address) whatever
 * the key, so guessing keys is as slow as using one, and per item, so many visitors cannot flood one link.
 */
export class PublicPageLimits {
  private readonly perVisitor: RateLimiter;
  private readonly perItem: RateLimiter;

  constructor(
    limits: { perVisitor: number; perItem: number },
    private readonly what: string,
    now?: () => number,
  ) {
    this.perVisitor = new RateLimiter({ limit: limits.perVisitor, windowMs: 60_000, ...(now ? { now } : {}) });
    this.perItem = new RateLimiter({ limit: limits.perItem, windowMs: 60_000, ...(now ? { now } : {}) });
  }

  check(itemKey: string, visitor: string): void {
    const wait = this.perVisitor.take(visitor) ?? this.perItem.take(itemKey);
    if (wait !== null) {
      throw new CrmError('rate-limited', 'REQUEST.RATE_LIMITED', `Too many ${this.what}; wait ${wait} s and try again.`, { retryAfterSeconds: wait });
    }
  }
}

/**
 * The visitor a public page limits by: the last forwarded address, the one the host's own proxy added (a client cannot
 * forge it), without its port (a new port is no new visitor), and an IPv6 address by its /64 (what one network holds).
 */
export function visitorOf(request: { headers: { get(name: string): string | null } }): string {
  const forwarded = (request.headers.get('x-forwarded-for') ?? '').split(',');
  const address = forwarded[forwarded.length - 1]?.trim() ?? '';
  if (!address) return 'unknown';
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/i.exec(address);
  const ipv4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(address);
  if (ipv4) return ipv4[1]!;
  const ipv6 = (bracketed?.[1] ?? address).toLowerCase();
  if (!ipv6.includes(':')) return address;
  return `${expandIpv6(ipv6).slice(0, 4).join(':')}::/64`;
}

/** An IPv6 address's eight groups, `::` expanded (an address it cannot read stays one group: still one visitor). */
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (tail === undefined) return left;
  return [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
}
