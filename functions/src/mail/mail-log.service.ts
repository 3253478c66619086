import { CrmError, emailDomain, messageRef, normalizeEmail, threadRef, type Activity, type AttachmentNote, type Thread } from '@rapport/shared';
import type { MailAttachments } from './mail-attachments.service';
import type { MailMessage, MailRecipient } from '../graph/app-graph';
import type { Actor } from '../kinds/kind-hooks';
import { ColleagueDirectory } from '../services/colleague-directory';
import type { RecordWriter } from '../services/record-writer';
import type { Store, WorkItem } from '../store/store';
import type { NeverLogLists } from './never-log';

/** The records a message is logged to besides those its people give: a capture's deal, a followed thread's links. */
export type LogTargets = { contactIds?: string[]; companyId?: string | undefined; dealId?: string | undefined; leadId?: string | undefined; caseId?: string | undefined };

export type MailLogOutcome =
  | { status: 'logged'; activity: Activity }
  /** Logged before (by the pane, another job run, a colleague on the thread): nothing was written. */
  | { status: 'already-logged'; activityId: string }
  /** No one on it is in the CRM and nothing else was named: there is no record to log it to. */
  | { status: 'no-records' };

/** The job that reads followed threads' mailboxes: one work item per rep, queued when they first follow a thread. */
export const FOLLOW_THREADS_JOB = 'follow-threads';

const SUMMARY_MAX = 2_000;

export type MailLogDependencies = {
  store: Store;
  writer: RecordWriter;
  neverLog: NeverLogLists;
  now: () => Date;
  /** Keeps a logged message's attachments as documents; without it (no Graph), only the message is logged. */
  attachments?: MailAttachments;
};

/**
 * Logs a message read through Graph (a sent one found by its marker, a followed thread's next one) as the rep's e-mail
 * activity, once: an e-mail is one record per internet message id in a tenant, so a retried run, the pane's "Log this
 * e-mail" and a colleague's log of the same message all end with one. Never-log addresses are left out of it; free-mail
 * and the tenant's own domains never make a company.
 */
export class MailLogService {
  private readonly colleagues: ColleagueDirectory;

  constructor(private readonly deps: MailLogDependencies) {
    this.colleagues = new ColleagueDirectory(deps.store);
  }

  /** `mailbox`: where the message is, so its attachments can be read and kept. */
  async log(actor: Actor, message: MailMessage, targets: LogTargets, options: { customersOnly?: boolean; mailbox?: string } = {}): Promise<MailLogOutcome> {
    const { store } = this.deps;
    const { tenantId } = actor;
    const [colleagues, neverLog] = await Promise.all([this.colleagues.of(tenantId), this.deps.neverLog.matcherFor(tenantId, actor.userId)]);
    const people = participantsOf(message).filter((person) => neverLog(person.email) === null);
    const customers = [...new Set(people.map((person) => person.email))].filter((email) => !colleagues.isColleague(email));
    // A followed thread's message among colleagues only (or never-log people) is internal: never logged to its records.
    if (options.customersOnly && customers.length === 0) return { status: 'no-records' };
    const found = customers.length > 0 ? await store.findPeopleByEmails(tenantId, customers) : { contacts: new Map<string, string[]>(), leads: new Map<string, string[]>() };
    const contactIds = [...new Set([...(targets.contactIds ?? []), ...customers.flatMap((email) => found.contacts.get(email)?.slice(0, 1) ?? [])])];
    const leadId = targets.leadId ?? (contactIds.length === 0 ? customers.flatMap((email) => found.leads.get(email) ?? [])[0] : undefined);
    const companyId = targets.companyId ?? (contactIds.length === 0 && !leadId ? await this.companyByDomain(tenantId, customers) : undefined);
    if (contactIds.length === 0 && !leadId && !companyId && !targets.dealId && !targets.caseId) return { status: 'no-records' };

    const sent = message.sentDateTime ?? message.receivedDateTime ?? this.deps.now().toISOString();
    const { attachments } = this.deps;
    const existing = message.internetMessageId ? await store.findByExternalRef('activity', tenantId, messageRef(message.internetMessageId)) : null;
    if (existing) {
      // Logged before: by the rep in the pane (which cannot read attachments), or by a run a failure stopped halfway.
      if (options.mailbox) await this.completeAttachments(actor, existing, options.mailbox, message);
      return { status: 'already-logged', activityId: existing.id };
    }
    const kept = attachments && options.mailbox && message.hasAttachments ? await attachments.keep(tenantId, options.mailbox, message) : null;
    let record: Activity;
    try {
      ({ record } = await this.deps.writer.add(
        'activity',
        actor,
        {
          kind: 'email',
          subject: message.subject.trim() || '(no subject)',
          summary: summaryOf(message),
          at: sent,
          contactMethod: 'email',
          status: 'done',
          participants: people,
          contactIds,
          ...(companyId ? { companyId } : {}),
          ...(leadId ? { leadId } : {}),
          ...(targets.dealId ? { dealId: targets.dealId } : {}),
          ...(targets.caseId ? { caseId: targets.caseId } : {}),
          internetMessageId: message.internetMessageId,
          ...(message.conversationId ? { conversationId: message.conversationId } : {}),
          ...(kept && kept.notes.length > 0 ? { attachments: kept.notes } : {}),
        },
        { origin: 'system' },
      ));
    } catch (error) {
      // Not logged (or logged meanwhile by another run, which keeps its own): these files will have no documents.
      if (kept) await attachments?.discard(tenantId, kept.files);
      const loggedMeanwhile = alreadyLogged(error);
      if (loggedMeanwhile) return { status: 'already-logged', activityId: loggedMeanwhile };
      throw error;
    }
    // A failure here is the job's to retry: the retry finds the e-mail logged, and writes the documents still missing.
    if (kept) await attachments?.record(actor, record, kept.files);
    return { status: 'logged', activity: record };
  }

  /** Keeps what a logged e-mail's log lacks of its attachments (see MailAttachments.complete); nothing without Graph. */
  async completeAttachments(actor: Actor, email: Activity, mailbox: string, message: MailMessage): Promise<void> {
    await this.deps.attachments?.complete(actor, email, mailbox, message, (notes) => this.noteAttachments(actor, email, notes));
  }

  /** Names the attachments on a logged e-mail; null when someone changed it meanwhile (a later round tries again). */
  private async noteAttachments(actor: Actor, email: Activity, notes: AttachmentNote[]): Promise<Activity | null> {
    try {
      return await this.deps.writer.change('activity', actor, email, { attachments: notes }, { origin: 'system' });
    } catch (error) {
      if (error instanceof CrmError && error.code === 'RECORD.STALE_VERSION') return null;
      throw error;
    }
  }

  /**
   * Follows the message's conversation for the rep, to the records it was logged to: later messages of it are logged
   * there too (the follow-threads job). A thread the rep stopped following stays stopped.
   */
  async follow(
    actor: Actor,
    activity: Pick<Activity, 'conversationId' | 'subject' | 'contactIds' | 'companyId' | 'dealId' | 'leadId' | 'caseId'>,
    mailbox: string,
    /** From when the thread's messages are read: the logged message's time, so nothing between it and now is missed. */
    since?: string,
  ): Promise<Thread | null> {
    const { conversationId } = activity;
    if (!conversationId) return null;
    const { store } = this.deps;
    const existing = await store.findByExternalRef('thread', actor.tenantId, threadRef(actor.userId, conversationId));
    let thread = existing;
    if (!thread) {
      try {
        thread = (
          await this.deps.writer.add(
            'thread',
            actor,
            {
              conversationId,
              subject: activity.subject,
              contactIds: activity.contactIds,
              ...(activity.companyId ? { companyId: activity.companyId } : {}),
              ...(activity.dealId ? { dealId: activity.dealId } : {}),
              ...(activity.leadId ? { leadId: activity.leadId } : {}),
              ...(activity.caseId ? { caseId: activity.caseId } : {}),
              following: true,
            },
            { origin: 'system' },
          )
        ).record;
      } catch (error) {
        // Followed at the same moment by another run: that one stands.
        if (!alreadyLogged(error)) throw error;
        thread = await store.findByExternalRef('thread', actor.tenantId, threadRef(actor.userId, conversationId));
      }
    }
    if (thread?.following) await this.watchMailbox(actor, mailbox, since);
    return thread;
  }

  /** Queues the rep's mailbox for the follow-threads job (once: queueing it again changes nothing). */
  async watchMailbox(actor: Actor, mailbox: string, since?: string): Promise<void> {
    const now = this.deps.now().toISOString();
    const from = since && Date.parse(since) < Date.parse(now) ? new Date(since).toISOString() : now;
    const item: WorkItem = {
      job: FOLLOW_THREADS_JOB,
      key: `${actor.tenantId}|${actor.userId}`,
      tenantId: actor.tenantId,
      dueAt: now,
      attempts: 0,
      // The first delta round reads what came since the followed message.
      payload: { userId: actor.userId, mailbox, since: from },
      createdAt: now,
    };
    await this.deps.store.queueWork(item);
  }

  /** The company whose domain a customer's address has, when exactly one has it (free-mail and own domains never count). */
  private async companyByDomain(tenantId: string, emails: readonly string[]): Promise<string | undefined> {
    const linkable = await this.deps.neverLog.companyLinkableFor(tenantId);
    const domains = [...new Set(emails.map(emailDomain))].filter(linkable);
    if (domains.length === 0) return undefined;
    const byDomain = await this.deps.store.findCompanyIdsByDomains(tenantId, domains);
    for (const domain of domains) {
      const ids = byDomain.get(domain) ?? [];
      if (ids.length === 1) return ids[0];
    }
    return undefined;
  }
}

/** Everyone on the message once, with the role they had on it. */
function participantsOf(message: MailMessage): Activity['participants'] {
  const seen = new Set<string>();
  const out: Activity['participants'] = [];
  const add = (recipients: readonly MailRecipient[] | undefined, role: 'from' | 'to' | 'cc') => {
    for (const recipient of recipients ?? []) {
      const email = normalizeEmail(recipient.emailAddress.address);
      if (!email || seen.has(email)) continue;
      seen.add(email);
      const name = recipient.emailAddress.name?.trim();
      out.push({ email, ...(name && name.toLowerCase() !== email ? { name: name.slice(0, 200) } : {}), role });
    }
  };
  add(message.from ? [message.from] : [], 'from');
  add(message.toRecipients, 'to');
  add(message.ccRecipients, 'cc');
  add(message.bccRecipients, 'cc');
  return out.slice(0, 100);
}

/** The text kept with the log: the body when Graph gave it as text (the client asks for text), else Graph's preview. */
function summaryOf(message: MailMessage): string | undefined {
  const text = message.body.contentType === 'text' ? message.body.content : message.bodyPreview;
  const trimmed = text.replace(/\r\n/g, '\n').trim();
  return trimmed ? trimmed.slice(0, SUMMARY_MAX) : undefined;
}

/** The id of the record that already has this external id, when that is why a create was refused. */
function alreadyLogged(error: unknown): string | null {
  if (!(error instanceof CrmError) || error.code !== 'RECORD.ALREADY_LOGGED') return null;
  const id = (error.details as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : null;
}
