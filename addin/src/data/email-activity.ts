import type { MailItem } from '../office/mail-item';
import type { EmailToLog } from './card';

/** Whom a logged e-mail belongs to: the matched contacts (and their company), or a lead; a case it opened. */
export type EmailLinks = { contactIds?: string[]; companyId?: string | undefined; leadId?: string; caseId?: string };

/** The open e-mail as an activity to log (its body excerpt is read when it is sent); null without a message id. */
export function emailActivity(item: MailItem, links: EmailLinks): EmailToLog['activity'] | null {
  const internetMessageId = item.internetMessageId;
  if (!internetMessageId) return null;
  const { companyId, ...others } = links;
  return {
    kind: 'email',
    subject: item.subject || '(no subject)',
    at: item.sentAt ?? new Date().toISOString(),
    contactMethod: 'email',
    status: 'done',
    contactIds: others.contactIds ?? [],
    participants: item.participants.map((participant) => ({
      email: participant.email,
      ...(participant.name ? { name: participant.name } : {}),
      role: participant.role === 'from' || participant.role === 'to' || participant.role === 'cc' ? participant.role : 'attendee',
    })),
    internetMessageId,
    ...(item.conversationId ? { conversationId: item.conversationId } : {}),
    ...(companyId ? { companyId } : {}),
    ...(others.leadId ? { leadId: others.leadId } : {}),
    ...(others.caseId ? { caseId: others.caseId } : {}),
  };
}
