import {
  TENANT_SETTINGS_ID,
  companyLinkableDomain,
  neverLogMatcher,
  notFound,
  type MyNeverLog,
  type MyNeverLogChange,
  type NeverLogMatcher,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { NeverLogLists } from '../mail/never-log';
import type { Store } from '../store/store';
import { ColleagueDirectory } from './colleague-directory';
import { neverLogEntriesOf } from './never-log-entries';
import { RecordWriter } from './record-writer';

export type NeverLogServiceDependencies = { store: Store; now: () => Date };

/**
 * The never-log lists: the tenant's (admins keep it in the settings) and each rep's own (on their member record, read
 * and changed by them alone). The job that logs sent mail and the send-time checks ask `matcherFor` whom to leave out,
 * and `companyLinkableFor` whether a domain may tie mail to a company.
 */
export class NeverLogService implements NeverLogLists {
  private readonly writer: RecordWriter;
  private readonly colleagues: ColleagueDirectory;

  constructor(private readonly deps: NeverLogServiceDependencies) {
    this.writer = new RecordWriter(deps);
    this.colleagues = new ColleagueDirectory(deps.store, () => deps.now().getTime());
  }

  /**
   * Which list an address is on for one rep's mail (`'tenant'` wins over `'mine'`, null: neither). Two point reads in
   * parallel and nothing kept: an entry added a moment ago applies to the next message. Ask once per rep per run.
   */
  async matcherFor(tenantId: string, userId: string): Promise<NeverLogMatcher> {
    const [member, tenant] = await Promise.all([this.deps.store.get('member', tenantId, userId), this.tenantList(tenantId)]);
    // Someone who is not (or no longer) a member has no list of their own; the tenant's still applies.
    return neverLogMatcher({ tenant, mine: member?.neverLog ?? [] });
  }

  /**
   * Whether mail with a domain may be logged to a company by that domain: never a free-mail domain, nor the tenant's
   * own (its settings', or its members' domains when it names none; read once a minute, as lookups read them).
   */
  async companyLinkableFor(tenantId: string): Promise<(domain: string) => boolean> {
    const { ownDomains } = await this.colleagues.of(tenantId);
    return (domain) => companyLinkableDomain(domain, ownDomains);
  }

  /** The caller's own list and the tenant's, with their member record's version. */
  async mine(principal: Principal): Promise<MyNeverLog> {
    const [member, tenant] = await Promise.all([this.deps.store.get('member', principal.tenantId, principal.userId), this.tenantList(principal.tenantId)]);
    if (!member) throw notFound('member', principal.userId);
    return { entries: member.neverLog ?? [], tenant, version: member.version };
  }

  /**
   * Replaces the caller's own list, on their member record only (the user id is the token's, never the request's),
   * through the record writer: versioned and audited, and refused when made on another version than the current one.
   */
  async changeMine(principal: Principal, change: MyNeverLogChange, expectedVersion: number): Promise<MyNeverLog> {
    const entries = neverLogEntriesOf(change.entries, 'entries');
    const [member, tenant] = await Promise.all([
      this.deps.store.get('member', principal.tenantId, principal.userId),
      this.tenantList(principal.tenantId),
    ]);
    // Every signed-in user is enrolled as a member on their first request; a record gone since is not recreated here.
    if (!member) throw notFound('member', principal.userId);
    const saved = await this.writer.change('member', principal, member, { neverLog: entries }, { expectedVersion });
    return { entries: saved.neverLog ?? [], tenant, version: saved.version };
  }

  private async tenantList(tenantId: string): Promise<string[]> {
    return (await this.deps.store.get('settings', tenantId, TENANT_SETTINGS_ID))?.neverLog ?? [];
  }
}
