import { officeAsync } from './office-async';
import { createContactFrom } from './create-contact-context';
import { collectParticipants, isDraft, peopleOf, type MailItem } from './mail-item';

// A message being written (new mail, reply, forward): its fields are read with getAsync, its body written at the
// cursor. Part of the first card's JavaScript (mail-item.ts reads drafts with it): a separate chunk measured larger.

const keys = new WeakMap<object, string>();
let composed = 0;

/**
 * One key per draft for the life of the pane: recipients change, the draft stays the same item (its lookup follows the
 * recipients; what the rep opened in the pane stays open). Office gives a draft no id until it is saved.
 */
function keyOf(message: Office.MessageCompose): string {
  let key = keys.get(message);
  if (!key) {
    key = `compose|${++composed}|${message.conversationId ?? ''}`;
    keys.set(message, key);
  }
  return key;
}

// What the pane was opened with (the Smart Alert's "Create contact"), read once per draft: Mailbox 1.8.
const launches = new WeakMap<object, Promise<string | null>>();
function createContactAsked(message: Office.MessageCompose): Promise<string | null> {
  let asked = launches.get(message);
  if (!asked) {
    asked =
      typeof message.getInitializationContextAsync === 'function'
        ? officeAsync<string>((callback) => message.getInitializationContextAsync(callback)).then(createContactFrom, () => null)
        : Promise.resolve(null);
    launches.set(message, asked);
  }
  return asked;
}

/** The draft as plain data: its recipients (to, cc, bcc), never the signed-in user, each person once. */
export async function readComposeMessage(message: Office.MessageCompose, user: string): Promise<MailItem> {
  const [subject, to, cc, bcc, createContactFor] = await Promise.all([
    officeAsync<string>((callback) => message.subject.getAsync(callback)),
    officeAsync<Office.EmailAddressDetails[]>((callback) => message.to.getAsync(callback)),
    officeAsync<Office.EmailAddressDetails[]>((callback) => message.cc.getAsync(callback)),
    message.bcc ? officeAsync<Office.EmailAddressDetails[]>((callback) => message.bcc.getAsync(callback)) : Promise.resolve([]),
    createContactAsked(message),
  ]);
  return {
    ...(createContactFor ? { createContactFor } : {}),
    mode: 'message-compose',
    key: keyOf(message),
    subject,
    participants: collectParticipants(user, [...peopleOf(to, 'to'), ...peopleOf(cc, 'cc'), ...peopleOf(bcc, 'bcc')]),
    internetMessageId: null,
    eventId: null,
    start: null,
    end: null,
    sentAt: null,
  };
}

/** What the pane puts into a draft: the same content as HTML and as text (for a draft written in plain text). */
export type ComposeContent = { html: string; text: string; subject?: string };

/**
 * Inserts at the rep's cursor (replacing what they selected), so the signature and the quoted thread below stay as
 * they are. The content goes in as a block of its own (a paragraph, a line break after the text), so a second insert
 * does not run into the first. A subject is set only when the draft has none, never over the rep's own; setting it is
 * best effort once the body is in (a retry would insert the body twice): `subjectSet` says whether it was.
 */
export async function insertIntoDraft(mailbox: Office.Mailbox, content: ComposeContent): Promise<{ subjectSet: boolean }> {
  const message = mailbox.item;
  if (!isDraft(message)) throw new Error('No draft is open to insert into');
  const type = await officeAsync<Office.CoercionType>((callback) => message.body.getTypeAsync(callback));
  const html = type === Office.CoercionType.Html;
  const data = html ? `<div>${content.html}</div>` : content.text.endsWith('\n') ? content.text : `${content.text}\n`;
  await officeAsync<void>((callback) => message.body.setSelectedDataAsync(data, { coercionType: html ? Office.CoercionType.Html : Office.CoercionType.Text }, callback));
  if (!content.subject) return { subjectSet: false };
  try {
    const current = await officeAsync<string>((callback) => message.subject.getAsync(callback));
    if (current.trim() !== '') return { subjectSet: false };
    await officeAsync<void>((callback) => message.subject.setAsync(content.subject ?? '', callback));
    return { subjectSet: true };
  } catch {
    return { subjectSet: false };
  }
}

/** Calls `handler` whenever the open draft's recipients change; resolves once registered (at once where Outlook cannot tell: Mailbox below 1.7). */
export async function onRecipientsChanged(mailbox: Office.Mailbox, handler: () => void): Promise<void> {
  const message = mailbox.item;
  if (!isDraft(message) || !Office.context.requirements.isSetSupported('Mailbox', '1.7')) return;
  await officeAsync<void>((callback) => message.addHandlerAsync(Office.EventType.RecipientsChanged, handler, callback));
}
