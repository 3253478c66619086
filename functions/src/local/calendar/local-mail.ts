import { createHash, randomUUID } from 'node:crypto';
import type { DirectoryUser } from './local-calendar';

// The mail the local Graph stand-in keeps in memory: messages per mailbox and folder, each with what Graph tells about
// it, and a change sequence that delta queries read ("what changed since").

export type MailPerson = { address: string; name?: string };
export type InternetHeader = { name: string; value: string };
export type MailFolderName = 'inbox' | 'sentitems';
export type MailBody = { contentType: 'text' | 'html'; content: string };
/** A file attached to a message; every copy of the message shares the same bytes. */
export type MailFileAttachment = { id: string; name: string; contentType: string; size: number; isInline: boolean; contentBytes: Buffer };

export type StoredMessage = {
  id: string;
  mailbox: string;
  folder: MailFolderName;
  internetMessageId: string;
  conversationId: string;
  subject: string;
  body: MailBody;
  from: MailPerson;
  toRecipients: MailPerson[];
  ccRecipients: MailPerson[];
  /** Only the sender's copy keeps them, as Exchange does. */
  bccRecipients: MailPerson[];
  sentDateTime: string;
  receivedDateTime: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  categories: string[];
  /** The custom (`x-`) headers the sender set; Graph shows them in `internetMessageHeaders` and as extended properties. */
  internetMessageHeaders: InternetHeader[];
  hasAttachments: boolean;
  attachments: MailFileAttachment[];
  isRead: boolean;
  /** When the message last changed, in the store's order of changes. */
  changeSequence: number;
};

/** A message as a sender writes it. */
export type NewMail = {
  subject: string;
  body: MailBody;
  toRecipients: MailPerson[];
  ccRecipients?: MailPerson[];
  bccRecipients?: MailPerson[];
  internetMessageHeaders?: InternetHeader[];
  /** Files, given with their bytes (the stand-in gives each an id). */
  attachments?: Omit<MailFileAttachment, 'id' | 'size'>[];
};

/** A message from outside the directory, put into members' inboxes (tests, the demo's seed). */
export type IncomingMail = NewMail & {
  from: MailPerson;
  /** Given, the copies' ids are stable too (the same message in the same mailbox has the same id): the demo's seed. */
  internetMessageId?: string;
  conversationId?: string;
  receivedDateTime?: string;
};

export type MasterCategory = { id: string; displayName: string; color: string };

/** Who is in the directory: the calendar's mailboxes. */
export type MailDirectory = { mailbox(address: string): DirectoryUser | undefined };

export class LocalMail {
  private readonly messages = new Map<string, StoredMessage[]>();
  private readonly categories = new Map<string, MasterCategory[]>();
  private sequence = 0;

  constructor(
    private readonly directory: MailDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The newest change so far: a delta round that read up to here has seen everything. */
  currentSequence(): number {
    return this.sequence;
  }

  /**
   * Sends from a member's mailbox: the message goes to their Sent Items (unless told not to keep it), and a copy to the
   * inbox of every recipient in the directory, with the same internet message id and conversation.
   */
  send(senderAddress: string, mail: NewMail, options: { saveToSentItems?: boolean; conversationId?: string } = {}): StoredMessage {
    const sender = this.requireMember(senderAddress);
    const at = this.now().toISOString();
    const internetMessageId = `<${randomUUID()}@${domainOf(sender.address)}>`;
    const conversationId = options.conversationId ?? conversationIdOf(internetMessageId);
    const from = { address: sender.address, name: sender.name };
    const sent = this.build(sender.address, 'sentitems', { ...mail, from, internetMessageId, conversationId, receivedDateTime: at }, at);
    if (options.saveToSentItems !== false) this.put(sent);
    this.deliver(sent, at);
    return sent;
  }

  /** Puts a message from outside the directory into the inbox of each recipient who is a member. */
  deliverFromOutside(mail: IncomingMail): StoredMessage[] {
    const at = mail.receivedDateTime ?? this.now().toISOString();
    const internetMessageId = mail.internetMessageId ?? `<${randomUUID()}@${domainOf(mail.from.address)}>`;
    const incoming = this.build(mail.from.address.toLowerCase(), 'inbox', {
      ...mail,
      internetMessageId,
      conversationId: mail.conversationId ?? conversationIdOf(internetMessageId),
      receivedDateTime: at,
    }, at);
    const idFor = (address: string) => (mail.internetMessageId ? stableMessageId(address, internetMessageId) : graphLikeId());
    return this.deliver({ ...incoming, bccRecipients: [] }, at, idFor);
  }

  /** The mailbox's messages with this internet message id (a message one sent to oneself is in two folders). */
  byInternetMessageId(mailbox: string, internetMessageId: string): StoredMessage[] {
    return this.of(mailbox).filter((message) => message.internetMessageId === internetMessageId);
  }

  message(mailbox: string, id: string): StoredMessage | undefined {
    return this.of(mailbox).find((message) => message.id === id);
  }

  /** A folder's messages, newest first (Graph's order when none is asked for). */
  folder(mailbox: string, folder: MailFolderName): StoredMessage[] {
    return this.of(mailbox)
      .filter((message) => message.folder === folder)
      .sort((a, b) => Date.parse(b.receivedDateTime) - Date.parse(a.receivedDateTime));
  }

  /** A folder's messages that changed after one point of the sequence and up to another, in the order they changed. */
  changedBetween(mailbox: string, folder: MailFolderName, after: number, upTo: number): StoredMessage[] {
    return this.of(mailbox)
      .filter((message) => message.folder === folder && message.changeSequence > after && message.changeSequence <= upTo)
      .sort((a, b) => a.changeSequence - b.changeSequence);
  }

  /** Changes a message's categories (a change delta rounds see). */
  setCategories(mailbox: string, id: string, categories: string[]): StoredMessage | undefined {
    return this.change(mailbox, id, { categories: [...new Set(categories)] });
  }

  setRead(mailbox: string, id: string, isRead: boolean): StoredMessage | undefined {
    return this.change(mailbox, id, { isRead });
  }

  masterCategories(mailbox: string): MasterCategory[] {
    return [...(this.categories.get(mailbox.toLowerCase()) ?? [])];
  }

  /** Adds a category to the mailbox's master list; null when one of that name is there (names are case-insensitive). */
  addMasterCategory(mailbox: string, category: { displayName: string; color: string }): MasterCategory | null {
    const key = mailbox.toLowerCase();
    const list = this.categories.get(key) ?? [];
    if (list.some((existing) => existing.displayName.toLowerCase() === category.displayName.toLowerCase())) return null;
    const created = { id: randomUUID(), ...category };
    this.categories.set(key, [...list, created]);
    return created;
  }

  private build(
    mailbox: string,
    folder: MailFolderName,
    mail: NewMail & { from: MailPerson; internetMessageId: string; conversationId: string; receivedDateTime: string },
    at: string,
  ): StoredMessage {
    return {
      id: graphLikeId(),
      mailbox,
      folder,
      internetMessageId: mail.internetMessageId,
      conversationId: mail.conversationId,
      subject: mail.subject,
      body: mail.body,
      from: mail.from,
      toRecipients: mail.toRecipients.map(this.named),
      ccRecipients: (mail.ccRecipients ?? []).map(this.named),
      bccRecipients: (mail.bccRecipients ?? []).map(this.named),
      sentDateTime: mail.receivedDateTime,
      receivedDateTime: mail.receivedDateTime,
      createdDateTime: at,
      lastModifiedDateTime: at,
      categories: [],
      internetMessageHeaders: mail.internetMessageHeaders ?? [],
      hasAttachments: (mail.attachments ?? []).length > 0,
      attachments: (mail.attachments ?? []).map((attachment) => ({ ...attachment, id: graphLikeId(), size: attachment.contentBytes.length })),
      isRead: folder === 'sentitems',
      changeSequence: 0,
    };
  }

  // One copy per member among the recipients (once, however often they are named), without the Bcc line.
  private deliver(message: StoredMessage, at: string, idFor: (address: string) => string = graphLikeId): StoredMessage[] {
    const recipients = [...message.toRecipients, ...message.ccRecipients, ...message.bccRecipients];
    const members = [...new Set(recipients.map((person) => person.address.toLowerCase()))].filter((address) => this.directory.mailbox(address) && address !== message.mailbox);
    return members.map((address) =>
      this.put({ ...message, id: idFor(address), mailbox: address, folder: 'inbox', bccRecipients: [], isRead: false, categories: [], createdDateTime: at, lastModifiedDateTime: at }),
    );
  }

  private put(message: StoredMessage): StoredMessage {
    const stored = { ...message, changeSequence: ++this.sequence };
    this.of(stored.mailbox).push(stored);
    return stored;
  }

  private change(mailbox: string, id: string, changes: Partial<Pick<StoredMessage, 'categories' | 'isRead'>>): StoredMessage | undefined {
    const list = this.of(mailbox);
    const index = list.findIndex((message) => message.id === id);
    const current = list[index];
    if (!current) return undefined;
    const changed = { ...current, ...changes, lastModifiedDateTime: this.now().toISOString(), changeSequence: ++this.sequence };
    list[index] = changed;
    return changed;
  }

  // People of the directory are named as the directory names them, as Exchange does.
  private readonly named = (person: MailPerson): MailPerson => {
    const address = person.address.toLowerCase();
    const member = this.directory.mailbox(address);
    return { address, ...(person.name ? { name: person.name } : member ? { name: member.name } : {}) };
  };

  private requireMember(address: string): DirectoryUser {
    const member = this.directory.mailbox(address);
    if (!member) throw new Error(`no mailbox ${address} in the local directory`);
    return member;
  }

  private of(mailbox: string): StoredMessage[] {
    const key = mailbox.toLowerCase();
    let list = this.messages.get(key);
    if (!list) this.messages.set(key, (list = []));
    return list;
  }
}

/** A conversation id made from the message that starts the conversation: the same for every copy of it. */
export function conversationIdOf(internetMessageId: string): string {
  return `AAQkAD${createHash('sha256').update(`conversation:${internetMessageId}`).digest('base64url').slice(0, 40)}`;
}

/** A message id that stays the same for one message in one mailbox across a run (the demo's seed). */
export function stableMessageId(mailbox: string, internetMessageId: string): string {
  return `AAMkAD${createHash('sha256').update(`message:${mailbox.toLowerCase()}:${internetMessageId}`).digest('base64url')}`;
}

// Graph ids are long opaque base64url strings; these look alike and are unique.
function graphLikeId(): string {
  return `AAMkAD${Buffer.from(randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, ''), 'hex').toString('base64url')}`;
}

function domainOf(address: string): string {
  return address.split('@')[1] ?? 'localhost';
}
