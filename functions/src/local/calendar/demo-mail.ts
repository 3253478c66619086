import { demoFileBytes } from '../demo/demo-documents';
import { buildDemoInbox } from '../demo/demo-inbox';
import type { LocalMail } from './local-mail';

/**
 * The demo user's inbox in the Graph stand-in: the demo inbox's e-mails, each with the internet message id the demo
 * shows and a conversation of its own, so that later work can follow threads. Ids are made from the message, so they
 * are the same for the whole run (and for any run on the same day, as the demo inbox's internet message ids are).
 */
export function seedDemoMail(mail: LocalMail, now: Date): void {
  for (const item of buildDemoInbox(now).items) {
    if (item.mode !== 'message-read' || !item.from || !item.internetMessageId) continue;
    const people = (list: { email: string; name: string }[]) => list.map((person) => ({ address: person.email, name: person.name }));
    mail.deliverFromOutside({
      from: { address: item.from.email.toLowerCase(), name: item.from.name },
      toRecipients: people(item.to),
      ccRecipients: people(item.cc),
      subject: item.subject,
      body: { contentType: 'text', content: item.body },
      internetMessageId: item.internetMessageId,
      receivedDateTime: item.receivedAt,
      ...(item.attachments?.length
        ? { attachments: item.attachments.map((file) => ({ name: file.name, contentType: file.contentType, isInline: false, contentBytes: demoFileBytes(file.name) })) }
        : {}),
    });
  }
}
