import type { DemoInboxItem } from '@rapport/shared';

/** A message in the demo Outlook: the inbox's fields, and what Outlook keeps on a message besides. */
export type DemoMessage = DemoInboxItem & {
  /** The add-in's custom properties on a draft (Mailbox 1.1: loadCustomPropertiesAsync). */
  customProperties?: Record<string, unknown>;
  /** The internet headers set on a draft (Mailbox 1.8), sent with it. */
  internetHeaders?: Record<string, string>;
  /** The Outlook categories on a message (Mailbox 1.8: item.categories). */
  categories?: string[];
  /** A reply's original, by its id in the Graph stand-in. */
  replyToGraphId?: string;
  /** Files attached in the compose window, sent with the message. */
  attachments?: DemoAttachment[];
};

/** A file attached to a demo message, with its bytes (base64, as Graph's sendMail takes them). */
export type DemoAttachment = { name: string; contentType: string; size: number; contentBase64: string };

/**
 * Outlook's default categories, as a new mailbox's master list has them: an add-in may put only categories of the
 * master list on an item. Rapport's own is added through Graph (the demo reads the stand-in's list too).
 */
export const DEMO_MASTER_CATEGORIES = ['Blue category', 'Green category', 'Orange category', 'Purple category', 'Red category', 'Yellow category'];
