import type { DemoInboxItem } from '@rapport/shared';
import { DIGEST_HEADER } from '../../digest/daily-digest.job';
import type { LocalMail } from './local-mail';

/** Digests shown in the demo inbox at most: the latest. */
const MAX_SHOWN = 5;

/**
 * The morning digests Rapport sent the demo user (the daily-digest job, through the Graph stand-in, from their mailbox
 * to themselves: the stand-in keeps such a message in their Sent Items), as items of the demo inbox, newest first.
 */
export function digestsInInbox(mail: LocalMail, userEmail: string): DemoInboxItem[] {
  return mail
    .folder(userEmail, 'sentitems')
    .filter((message) => message.internetMessageHeaders.some((header) => header.name.toLowerCase() === DIGEST_HEADER))
    .slice(0, MAX_SHOWN)
    .map((message) => ({
      id: message.id,
      mode: 'message-read' as const,
      scenario: 'Your plan for the day, e-mailed by Rapport each morning',
      subject: message.subject,
      body: textOf(message.body.content),
      from: { email: message.from.address, name: message.from.name ?? message.from.address },
      to: message.toRecipients.map((person) => ({ email: person.address, name: person.name ?? person.address })),
      cc: [],
      requiredAttendees: [],
      optionalAttendees: [],
      internetMessageId: message.internetMessageId,
      conversationId: message.conversationId,
      graphId: message.id,
      receivedAt: message.receivedDateTime,
    }));
}

/** The digest's HTML as the demo's reading pane shows a body: text, a line per paragraph and list item. */
function textOf(html: string): string {
  return html
    .replace(/<title>[\s\S]*?<\/title>/i, '')
    .replace(/<(br|\/p|\/li|\/h2|\/ul)\b[^>]*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '• ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code)))
    .replace(/\n{2,}/g, '\n')
    .trim();
}
