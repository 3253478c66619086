import {
  CrmError,
  MAX_SEND_CHECK_RECIPIENTS,
  contactDisplayName,
  dealLastWorkedAt,
  isOverduePromise,
  isStaleDeal,
  isUrgentCase,
  parseAddressList,
  type Activity,
  type Case,
  type Contact,
  type Deal,
  type SendAlert,
  type SendCheckRequest,
  type SendCheckResponse,
  type TenantSettings,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { LinkTarget, Store } from '../store/store';
import type { Clock } from './record-writer';
import { ColleagueDirectory } from './colleague-directory';
import type { NeverLogLists, NeverLogMatcher } from '../mail/never-log';
import type { SentMailCaptures } from '../mail/sent-mail-captures';

// Bounds on what one recipient brings back, so a check costs the same at any tenant size (and stays well under the
// second the event handler waits).
const MAX_OPEN_CASES = 20;
const MAX_PLANNED = 20;
const MAX_OPEN_DEALS = 10;
/** Deals whose latest activity is read: each costs one bounded read, so a message to many customers stays cheap. */
const MAX_DEALS_CHECKED = 20;

type Recipient = { email: string; name: string | null };
/** A recipient the CRM knows: the contact their card shows (the first with the address), and its company. */
type Known = Recipient & { contact: Contact };

export type SendCheckDependencies = {
  store: Store;
  now: Clock;
  settingsOf: (tenantId: string) => Promise<TenantSettings>;
  neverLog: NeverLogLists;
  /** Where the messages to log after sending are queued (the log-sent-mail job's work). */
  captures: SentMailCaptures;
};

/**
 * What a rep should know before a message goes: recipients the CRM does not have, urgent open cases, overdue promises
 * and deals gone quiet. It reads what the participant lookup reads (the e-mail index, the contacts, the link
 * partitions of each contact and company, open items only), each read an indexed lookup or a bounded page: the cost
 * follows the recipients, never the tenant's size.
 *
 * It also decides whether the message is logged after it is sent (Log on send): then it queues the capture and answers
 * the marker the message must carry, and names the recipients a never-log list leaves out of the log.
 */
export class SendCheckService {
  private readonly colleagues: ColleagueDirectory;

  constructor(private readonly deps: SendCheckDependencies) {
    this.colleagues = new ColleagueDirectory(deps.store);
  }

  async check(principal: Principal, request: SendCheckRequest): Promise<SendCheckResponse> {
    const { store } = this.deps;
    const { tenantId } = principal;
    const now = this.deps.now();
    const recipients = recipientsOf(request);
    const [people, colleagues, settings, namedDeal, neverLog] = await Promise.all([
      recipients.length > 0 ? store.findPeopleByEmails(tenantId, recipients.map((recipient) => recipient.email)) : null,
      this.colleagues.of(tenantId),
      this.deps.settingsOf(tenantId),
      request.dealId ? store.get('deal', tenantId, request.dealId) : null,
      this.deps.neverLog.matcherFor(tenantId, principal.userId),
    ]);
    // Colleagues (members, the tenant's own domains) are never named: the checks are about customers.
    const outside = recipients.filter((recipient) => !colleagues.isColleague(recipient.email));
    const firstContactId = (email: string) => people?.contacts.get(email)?.[0];
    const contacts = new Map(
      (await store.getMany('contact', tenantId, outside.flatMap((recipient) => firstContactId(recipient.email) ?? []))).map((contact) => [contact.id, contact]),
    );

    const alerts: SendAlert[] = [];
    const known: Known[] = [];
    for (const recipient of outside) {
      const contactId = firstContactId(recipient.email);
      const contact = contactId ? contacts.get(contactId) : undefined;
      if (contact) known.push({ ...recipient, name: contactDisplayName(contact), contact });
      // Someone on a never-log list is left out of the CRM on purpose: not named as missing from it.
      else if (!contactId && (people?.leads.get(recipient.email) ?? []).length === 0 && neverLog(recipient.email) === null) alerts.push({ kind: 'not-in-crm', ...recipient });
    }

    const work = new OpenWork(store, tenantId);
    const perRecipient = await Promise.all(
      known.map(async (recipient) => {
        const targets: LinkTarget[] = [{ kind: 'contact', id: recipient.contact.id }, ...(recipient.contact.companyId ? [{ kind: 'company' as const, id: recipient.contact.companyId }] : [])];
        const [cases, planned, deals] = await Promise.all([
          Promise.all(targets.map((target) => work.cases(target))).then((pages) => pages.flat()),
          // Promises are made to the person: their contact's planned work only, due before now.
          store.list('activity', tenantId, { linkedTo: targets[0], openOnly: true, before: now.toISOString(), limit: MAX_PLANNED }).then((page) => page.items),
          Promise.all(targets.map((target) => work.deals(target))).then((pages) => pages.flat()),
        ]);
        return { recipient, cases, planned, deals };
      }),
    );

    // A case, task or deal several recipients share is named once, for the first of them.
    const named = new Set<string>();
    const first = (key: string) => {
      if (named.has(key)) return false;
      named.add(key);
      return true;
    };
    const about = (recipient: Recipient) => ({ email: recipient.email, name: recipient.name });
    for (const { recipient, cases } of perRecipient) {
      for (const serviceCase of cases.filter(isUrgentCase)) {
        if (first(`case:${serviceCase.id}`)) alerts.push({ kind: 'urgent-case', ...about(recipient), caseId: serviceCase.id, number: serviceCase.number, subject: serviceCase.subject });
      }
    }
    for (const { recipient, planned } of perRecipient) {
      for (const task of planned.filter((activity) => isOverduePromise(activity, now))) {
        if (first(`activity:${task.id}`)) alerts.push({ kind: 'overdue-promise', ...about(recipient), activityId: task.id, subject: task.subject, dueAt: task.at });
      }
    }

    // The deal the message is about first (when the tenant has it open), then each recipient's, each deal once.
    const dealsToCheck: { deal: Deal; recipient: Recipient }[] = [];
    const firstRecipient = known[0] ?? outside[0] ?? null;
    if (namedDeal?.status === 'open' && firstRecipient) dealsToCheck.push({ deal: namedDeal, recipient: firstRecipient });
    for (const { recipient, deals } of perRecipient) for (const deal of deals) dealsToCheck.push({ deal, recipient });
    const checked = dealsToCheck.filter(({ deal }) => first(`deal:${deal.id}`)).slice(0, MAX_DEALS_CHECKED);
    const latest = await Promise.all(
      checked.map(({ deal }) =>
        store.list('activity', tenantId, { linkedTo: { kind: 'deal', id: deal.id }, before: now.toISOString(), limit: 1 }).then((page): Activity | undefined => page.items[0]),
      ),
    );
    checked.forEach(({ deal, recipient }, index) => {
      const lastWorkedAt = dealLastWorkedAt(deal, latest[index]?.at ?? null);
      if (isStaleDeal(lastWorkedAt, settings.staleDealDays, now)) {
        alerts.push({ kind: 'stale-deal', ...about(recipient), dealId: deal.id, dealName: deal.name, lastWorkedAt: new Date(lastWorkedAt).toISOString(), days: settings.staleDealDays });
      }
    });
    const inCrm = (email: string) => (people?.contacts.get(email)?.length ?? 0) > 0 || (people?.leads.get(email)?.length ?? 0) > 0;
    const log = await this.logAfterSending(principal, request, outside, inCrm, neverLog, namedDeal?.id);
    if (log) {
      for (const recipient of outside) {
        const list = neverLog(recipient.email);
        if (list) alerts.push({ kind: 'never-log', ...about(recipient), list });
      }
    }
    return { alerts, staleDealDays: settings.staleDealDays, log };
  }

  /**
   * Log on send: `off` never; `on` when anyone outside (not on a never-log list) or a deal is on it; `auto` (no choice
   * made) when a recipient outside is a contact or a lead. Then the capture is queued and its marker answered.
   */
  private async logAfterSending(
    principal: Principal,
    request: SendCheckRequest,
    outside: readonly Recipient[],
    inCrm: (email: string) => boolean,
    neverLog: NeverLogMatcher,
    dealId: string | undefined,
  ): Promise<{ marker: string } | null> {
    const choice = request.log?.choice ?? 'auto';
    const loggable = outside.filter((recipient) => neverLog(recipient.email) === null);
    const wanted = choice === 'off' ? false : choice === 'on' ? loggable.length > 0 || dealId !== undefined : loggable.some((recipient) => inCrm(recipient.email));
    if (!wanted) {
      // Send pressed again after the rep switched logging off (or changed the recipients): the earlier check's capture goes.
      if (request.log?.marker) await this.deps.captures.cancel(principal.tenantId, principal.userId, request.log.marker);
      return null;
    }
    // The rep's mailbox, where the sent message is looked for: their member record's address.
    const member = await this.deps.store.get('member', principal.tenantId, principal.userId);
    if (!member?.email) return null;
    const marker = await this.deps.captures.capture(principal.tenantId, {
      userId: principal.userId,
      mailbox: member.email,
      marker: request.log?.marker,
      ...(dealId ? { dealId } : {}),
      ...(request.conversationId ? { conversationId: request.conversationId } : {}),
    });
    return { marker };
  }
}

/** Every address of to, cc and bcc once, in that order; a field may hold a whole header. Unreadable entries are left out. */
function recipientsOf(request: SendCheckRequest): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const entry of [...request.to, ...request.cc, ...request.bcc]) {
    for (const address of parseAddressList(entry)) if (!seen.has(address.email)) seen.set(address.email, { email: address.email, name: address.name });
  }
  if (seen.size > MAX_SEND_CHECK_RECIPIENTS) {
    throw new CrmError(
      'invalid',
      'SEND_CHECK.TOO_MANY_RECIPIENTS',
      `A send check looks at most ${MAX_SEND_CHECK_RECIPIENTS} recipients; this message has ${seen.size}.`,
      { fields: [{ path: 'to', message: `at most ${MAX_SEND_CHECK_RECIPIENTS} recipients` }] },
    );
  }
  return [...seen.values()];
}

/** Open cases and deals per contact or company, read once per check even when several recipients share a company. */
class OpenWork {
  private readonly pages = new Map<string, Promise<(Case | Deal)[]>>();
  constructor(
    private readonly store: Store,
    private readonly tenantId: string,
  ) {}

  cases(target: LinkTarget): Promise<Case[]> {
    return this.read('case', target, MAX_OPEN_CASES) as Promise<Case[]>;
  }

  deals(target: LinkTarget): Promise<Deal[]> {
    return this.read('deal', target, MAX_OPEN_DEALS) as Promise<Deal[]>;
  }

  private read(kind: 'case' | 'deal', target: LinkTarget, limit: number): Promise<(Case | Deal)[]> {
    const key = `${kind}:${target.kind}:${target.id}`;
    let page = this.pages.get(key);
    if (!page) {
      page = this.store.list(kind, this.tenantId, { linkedTo: target, openOnly: true, limit }).then((found) => found.items);
      this.pages.set(key, page);
    }
    return page;
  }
}
