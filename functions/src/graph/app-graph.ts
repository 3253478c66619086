import type { Readable } from 'node:stream';

// What the API asks of Microsoft Graph as the application (app-only tokens, application permissions Mail.Read and
// Mail.Send, limited to Rapport's members by an Exchange application access scope). Jobs use it: logging sent mail
// found by Rapport's marker, following threads. A user's delegated tokens never reach the server.

/** A person on a message, as Graph names them. */
export type MailRecipient = { emailAddress: { address: string; name?: string } };

/** The fields of a Graph message that Rapport reads (`$select`ed, so nothing else comes). */
export type MailMessage = {
  id: string;
  internetMessageId: string;
  conversationId: string;
  subject: string;
  bodyPreview: string;
  body: { contentType: 'text' | 'html'; content: string };
  from?: MailRecipient;
  toRecipients: MailRecipient[];
  ccRecipients: MailRecipient[];
  bccRecipients: MailRecipient[];
  sentDateTime?: string;
  receivedDateTime?: string;
  hasAttachments: boolean;
};

/** The mail folders Rapport reads, by their well-known names. */
export type MailFolder = 'inbox' | 'sentitems';

/** Where a delta round starts: the delta link of the last round, or (first round) the messages received since a time. */
export type DeltaStart = { deltaLink: string } | { since: string };

export type MessageChanges = {
  /** New or changed messages (removed ones are left out). */
  messages: MailMessage[];
  /** Where the next round starts. */
  deltaLink: string;
};

/** A new message the application sends from a member's mailbox (Mail.Send): digests, quotes, survey invitations. */
export type OutgoingMail = {
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  toRecipients: MailRecipient[];
  ccRecipients?: MailRecipient[];
  /** Custom internet headers (names must start with `x-`). */
  internetMessageHeaders?: { name: string; value: string }[];
};

/** A message's attachment as Graph lists it (its bytes are read apart, streamed). */
export type MailAttachment = {
  id: string;
  name: string;
  contentType: string;
  /** As Graph reports it (roughly the file's size; the bytes read are what counts). */
  size: number;
  /** Shown in the body (a signature's logo): part of the text, not a file the sender attached. */
  isInline: boolean;
  /** A file; an attached message (`item`) or a link to a cloud file (`reference`) has no bytes of its own to keep. */
  kind: 'file' | 'item' | 'reference';
};

export type AppGraph = {
  /**
   * The message in the mailbox's Sent Items that carries Rapport's marker (`x-rapport-log: <marker>`), or null when it
   * is not there (yet): one `$filter` on the header's extended property.
   */
  sentMessageByMarker(tenantId: string, mailbox: string, marker: string): Promise<MailMessage | null>;
  /** A message of the mailbox by its internet message id (in any folder), or null when it is not there. */
  messageByInternetId(tenantId: string, mailbox: string, internetMessageId: string): Promise<MailMessage | null>;
  /** One delta round over a folder: what is new since the start, every page followed (bounded). */
  messageChanges(tenantId: string, mailbox: string, folder: MailFolder, start: DeltaStart): Promise<MessageChanges>;
  /** A message's attachments, without their bytes. */
  messageAttachments(tenantId: string, mailbox: string, messageId: string): Promise<MailAttachment[]>;
  /** A file attachment's bytes, streamed as Graph sends them (never held whole). */
  attachmentContent(tenantId: string, mailbox: string, messageId: string, attachmentId: string): Promise<Readable>;
  /** Sends a message from the mailbox as the application. */
  sendMail(tenantId: string, mailbox: string, mail: OutgoingMail): Promise<void>;
};

/** Graph's answer when it is not a success: the status, Graph's own code, and how long to wait when it says so. */
export class GraphCallError extends Error {
  constructor(
    readonly status: number,
    readonly graphCode: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'GraphCallError';
  }
}
