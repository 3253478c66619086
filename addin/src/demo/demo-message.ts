import type { DemoFile, DemoInboxItem } from '@rapport/shared';

/** A message in the demo Outlook: the inbox's fields, and what Outlook keeps on a message besides. */
export type DemoMessage = Omit<DemoInboxItem, 'attachments'> & {
  /** The add-in's custom properties on a draft (Mailbox 1.1: loadCustomPropertiesAsync). */
  customProperties?: Record<string, unknown>;
  /** The internet headers set on a draft (Mailbox 1.8), sent with it. */
  internetHeaders?: Record<string, string>;
  /** The Outlook categories on a message (Mailbox 1.8: item.categories). */
  categories?: string[];
  /** A reply's original, by its id in the Graph stand-in. */
  replyToGraphId?: string;
  /** A received message's files, or those attached in the compose window (with their bytes, sent with the message). */
  attachments?: (DemoFile | DemoAttachment)[];
};

/** A file attached in the demo's compose window, with its bytes (base64, as Graph's sendMail takes them). */
export type DemoAttachment = DemoFile & { contentBase64: string };

/**
 * Outlook's default categories, as a new mailbox's master list has them: an add-in may put only categories of the
 * master list on an item. Rapport's own is added through Graph (the demo reads the stand-in's list too).
 */
export const DEMO_MASTER_CATEGORIES = ['Blue category', 'Green category', 'Orange category', 'Purple category', 'Red category', 'Yellow category'];
