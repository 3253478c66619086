/** A person on a demo item, as Outlook gives them: address and display name. */
export type DemoPerson = { email: string; name: string };

/**
 * One item of the demo inbox (`GET /demo/inbox.json`, local mode only): the shape the
 * simulated Outlook host turns into an Office.js item for the real task pane.
 */
export type DemoInboxItem = {
  id: string;
  /** `message-compose`: a draft the demo user is writing (new mail, reply), never served by the inbox. */
  mode: 'message-read' | 'message-compose' | 'appointment-organizer' | 'appointment-attendee';
  /** What the demo wants to show with this item, e.g. "unknown sender at a known company". */
  scenario: string;
  subject: string;
  body: string;
  from?: DemoPerson;
  to: DemoPerson[];
  cc: DemoPerson[];
  organizer?: DemoPerson;
  requiredAttendees: DemoPerson[];
  optionalAttendees: DemoPerson[];
  internetMessageId?: string;
  /** A message's conversation, as the Graph stand-in keeps it (a reply's is its original's). */
  conversationId?: string;
  /** A received message's id in the Graph stand-in's mailbox: a reply is sent there as Graph's reply to it. */
  graphId?: string;
  receivedAt: string;
  /** A received message's files (the Graph stand-in's copy has their bytes). */
  attachments?: DemoFile[];
  start?: string;
  end?: string;
};

/** A file attached to a demo message: what the message list and the stand-in's copy show. */
export type DemoFile = { name: string; contentType: string; size: number };

/** Someone the demo can be used as: the same inbox, read with their role in the CRM. */
export type DemoSignIn = DemoPerson & { userId: string; role: 'rep' | 'manager' | 'admin' };

export type DemoInbox = { user: DemoPerson; items: DemoInboxItem[]; signIns: DemoSignIn[] };
