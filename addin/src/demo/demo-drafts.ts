import type { DemoPerson } from '@rapport/shared';
import { escapeHtml } from '@rapport/shared/common/html-text';
import type { DemoMessage } from './demo-message';

type DemoInboxItem = DemoMessage;

/** A compose window of the demo: the draft as the pane sees it, and the body it opened with. */
export type OpenDraft = { item: DemoInboxItem; initialBody: string };

let drafts = 0;


function signatureOf(user: DemoPerson): string {
  return `<p><br></p><p>--<br>${escapeHtml(user.name)}<br>Rapport Demo Ltd</p>`;
}

function draft(fields: Partial<DemoInboxItem>): DemoInboxItem {
  return {
    id: `draft-${++drafts}`,
    mode: 'message-compose',
    scenario: 'A message you are writing',
    subject: '',
    body: '',
    to: [],
    cc: [],
    requiredAttendees: [],
    optionalAttendees: [],
    receivedAt: new Date().toISOString(),
    ...fields,
  };
}

/** A new e-mail: nobody on it yet, the user's signature below the cursor. */
export function newDraft(user: DemoPerson): OpenDraft {
  return { item: draft({}), initialBody: signatureOf(user) };
}

/** A reply to a received message: to its sender, "RE:" subject, the signature, then the message quoted. */
export function replyTo(message: DemoInboxItem, user: DemoPerson): OpenDraft {
  const from = message.from;
  const subject = /^re:/i.test(message.subject) ? message.subject : `RE: ${message.subject}`;
  const quoted = `<hr><p><b>From:</b> ${escapeHtml(from ? `${from.name} <${from.email}>` : '')}<br><b>Subject:</b> ${escapeHtml(message.subject)}</p><p>${escapeHtml(message.body)}</p>`;
  return {
    item: draft({
      subject,
      to: from ? [from] : [],
      ...(message.internetMessageId ? { internetMessageId: message.internetMessageId } : {}),
      // The reply is of the original's conversation, and is sent as Graph's reply to it in the stand-in.
      ...(message.conversationId ? { conversationId: message.conversationId } : {}),
      ...(message.graphId ? { replyToGraphId: message.graphId } : {}),
    }),
    initialBody: signatureOf(user) + quoted,
  };
}
