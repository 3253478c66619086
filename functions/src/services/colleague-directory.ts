import { TENANT_SETTINGS_ID, domainCandidates, emailDomain, isFreeMailDomain, normalizeEmail, type Member } from '@rapport/shared';
import type { Store } from '../store/store';

/** How long a tenant's colleagues are kept before they are read again: a new member shows as a colleague within it. */
const KEEP_MS = 60_000;
/** Members read for the default domains: a tenant with more names its own domains in the settings. */
const MAX_MEMBERS_READ = 1_000;

export type Colleagues = {
  /**
   * The members among `ids`: from those read with the colleagues (a tenant's first 1,000), the others read now. A
   * member renamed shows the new name within a minute.
   */
  members(ids: readonly string[]): Promise<Member[]>;
  isColleague(email: string): boolean;
  /** The tenant's own domains: its settings', or its members' (free-mail aside) when it names none. */
  ownDomains: readonly string[];
};

/**
 * Who is a colleague in a tenant: a member's address, or an address on the tenant's own domains (from its settings;
 * by default the domains of its members' addresses, free-mail domains aside). Read once a minute per tenant, so a
 * lookup costs nothing more.
 */
export class ColleagueDirectory {
  private readonly kept = new Map<string, { until: number; colleagues: Promise<Colleagues> }>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  of(tenantId: string): Promise<Colleagues> {
    const entry = this.kept.get(tenantId);
    if (entry && entry.until > this.now()) return entry.colleagues;
    const colleagues = this.read(tenantId);
    this.kept.set(tenantId, { until: this.now() + KEEP_MS, colleagues });
    // A failed read is not kept: the next lookup tries again.
    colleagues.catch(() => this.kept.delete(tenantId));
    return colleagues;
  }

  private async read(tenantId: string): Promise<Colleagues> {
    const [settings, members] = await Promise.all([
      this.store.get('settings', tenantId, TENANT_SETTINGS_ID),
      this.store.list('member', tenantId, { limit: MAX_MEMBERS_READ }),
    ]);
    const emails = new Set(members.items.flatMap((member) => (member.email ? [normalizeEmail(member.email) ?? member.email] : [])));
    const ownDomains = settings?.ownDomains?.length ? settings.ownDomains : [...emails].map(emailDomain).filter((domain) => !isFreeMailDomain(domain));
    const domains = new Set(ownDomains);
    const byId = new Map(members.items.map((member) => [member.id, member]));
    return {
      members: async (ids) => {
        const unique = [...new Set(ids)];
        const unread = unique.filter((id) => !byId.has(id));
        const read = new Map(unread.length > 0 ? (await this.store.getMany('member', tenantId, unread)).map((member) => [member.id, member]) : []);
        return unique.flatMap((id) => byId.get(id) ?? read.get(id) ?? []);
      },
      ownDomains: [...domains],
      isColleague: (email) => emails.has(email) || domainCandidates(emailDomain(email)).some((domain) => domains.has(domain)),
    };
  }
}
