import { LOG_MARKER_PROPERTY_ID, isLogMarker } from '@rapport/shared';
import { GraphCallError, type AppGraph, type DeltaStart, type MailAttachment, type MailFolder, type MailMessage, type MessageChanges, type OutgoingMail } from './app-graph';
import type { AppTokenSource } from './app-tokens';
import { graphHttp, type GraphHttpOptions } from './graph-http';

/** Microsoft Graph's v1.0 endpoint, where Azure sends Rapport's calls. */
export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

export type GraphAppClientOptions = GraphHttpOptions & {
  /** `https://graph.microsoft.com/v1.0`, or the local stand-in's `https://localhost:<port>/v1.0`. */
  baseUrl: string;
  tokens: AppTokenSource;
  /** Messages a delta page holds (`Prefer: odata.maxpagesize`). */
  deltaPageSize?: number;
  /** Pages one delta round follows; a round that has more ends at a next link, where the next round goes on. */
  maxDeltaPages?: number;
};

/** The fields of a message Rapport reads: MailMessage's, and nothing more (Graph sends everything unless told). */
const MESSAGE_FIELDS = [
  'id',
  'internetMessageId',
  'conversationId',
  'subject',
  'bodyPreview',
  'body',
  'from',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'sentDateTime',
  'receivedDateTime',
  'hasAttachments',
].join(',');

// The CRM keeps an e-mail's text: Graph converts an HTML body when asked.
const TEXT_BODY = 'outlook.body-content-type="text"';

/** Rapport's calls to Microsoft Graph as the application (app-only tokens of the member's tenant). */
export function createGraphAppClient(options: GraphAppClientOptions): AppGraph {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const http = graphHttp(options);
  const deltaPageSize = options.deltaPageSize ?? 50;
  const maxDeltaPages = options.maxDeltaPages ?? 20;
  const mailboxUrl = (mailbox: string) => `${baseUrl}/users/${encodeURIComponent(mailbox)}`;
  const get = (tenantId: string, url: string, headers?: Record<string, string>) =>
    http.call({ method: 'GET', url, token: () => options.tokens.token(tenantId), ...(headers ? { headers } : {}) });

  return {
    async sentMessageByMarker(tenantId, mailbox, marker) {
      // The marker goes into an OData literal: only a well-formed one is ever sent (quotes doubled all the same).
      if (!isLogMarker(marker)) throw new Error('Not a Rapport log marker.');
      const filter = `singleValueExtendedProperties/Any(ep: ep/id eq ${odataString(LOG_MARKER_PROPERTY_ID)} and ep/value eq ${odataString(marker)})`;
      const url = `${mailboxUrl(mailbox)}/mailFolders/sentitems/messages?${query({ $filter: filter, $select: MESSAGE_FIELDS, $top: '1' })}`;
      const { body } = await get(tenantId, url, { prefer: TEXT_BODY });
      const first = pageOf(body).value[0];
      return first ? messageOf(first) : null;
    },

    async messageByInternetId(tenantId, mailbox, internetMessageId) {
      const url = `${mailboxUrl(mailbox)}/messages?${query({ $filter: `internetMessageId eq ${odataString(internetMessageId)}`, $select: MESSAGE_FIELDS, $top: '1' })}`;
      const { body } = await get(tenantId, url, { prefer: TEXT_BODY });
      const first = pageOf(body).value[0];
      return first ? messageOf(first) : null;
    },

    async messageChanges(tenantId, mailbox, folder, start) {
      let url = firstDeltaUrl(mailboxUrl(mailbox), folder, start);
      const messages: MailMessage[] = [];
      for (let page = 0; page < maxDeltaPages; page++) {
        const { body } = await get(tenantId, url, { prefer: `odata.maxpagesize=${deltaPageSize}, ${TEXT_BODY}` });
        const { value, nextLink, deltaLink } = pageOf(body);
        // Removed messages come as `{ id, "@removed": … }`: nothing to log.
        for (const item of value) if (!('@removed' in item)) messages.push(messageOf(item));
        if (deltaLink) return { messages, deltaLink: ownLink(deltaLink) };
        if (!nextLink) throw new GraphCallError(502, 'NoDeltaLink', 'Graph ended a delta round without a next or delta link.');
        url = ownLink(nextLink);
      }
      // Bounded: the rest waits for the next round, which starts where this one stopped (a next link resumes a round).
      return { messages, deltaLink: url } satisfies MessageChanges;
    },

    async messageAttachments(tenantId, mailbox, messageId) {
      const url = `${mailboxUrl(mailbox)}/messages/${encodeURIComponent(messageId)}/attachments?${query({ $select: 'id,name,contentType,size,isInline' })}`;
      const { body } = await get(tenantId, url);
      return pageOf(body).value.map(attachmentOf);
    },

    attachmentContent(tenantId, mailbox, messageId, attachmentId) {
      const url = `${mailboxUrl(mailbox)}/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}/$value`;
      return http.stream({ method: 'GET', url, token: () => options.tokens.token(tenantId) });
    },

    async sendMail(tenantId, mailbox, mail) {
      await http.call({ method: 'POST', url: `${mailboxUrl(mailbox)}/sendMail`, token: () => options.tokens.token(tenantId), body: { message: outgoing(mail), saveToSentItems: true } });
    },
  };

  function firstDeltaUrl(mailbox: string, folder: MailFolder, start: DeltaStart): string {
    if ('deltaLink' in start) return ownLink(start.deltaLink);
    if (Number.isNaN(Date.parse(start.since))) throw new Error(`Not a time: ${JSON.stringify(start.since)}`);
    // Graph's message delta takes this one filter; it holds for the later rounds too (the delta token keeps it).
    const since = new Date(start.since).toISOString().replace(/\.000Z$/, 'Z');
    return `${mailbox}/mailFolders/${folder}/messages/delta?${query({ $select: MESSAGE_FIELDS, $filter: `receivedDateTime ge ${since}` })}`;
  }

  // A link Graph gives back is followed only where the token may go: Graph's own address.
  function ownLink(link: string): string {
    if (!link.startsWith(`${baseUrl}/`)) throw new GraphCallError(502, 'ForeignLink', 'Graph gave a link to another host; Rapport does not send its token there.');
    return link;
  }
}

/** An OData string literal: in single quotes, a quote doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

// Each value percent-encoded (a space as %20, never `+`, which OData could read as a plus sign).
function query(parameters: Record<string, string>): string {
  return Object.entries(parameters)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
}

type Page = { value: Record<string, unknown>[]; nextLink?: string; deltaLink?: string };

function pageOf(body: unknown): Page {
  const page = body as { value?: unknown; '@odata.nextLink'?: unknown; '@odata.deltaLink'?: unknown } | undefined;
  if (!page || !Array.isArray(page.value)) throw new GraphCallError(502, 'UnexpectedResponse', 'Graph answered without a list of messages.');
  return {
    value: page.value as Record<string, unknown>[],
    ...(typeof page['@odata.nextLink'] === 'string' ? { nextLink: page['@odata.nextLink'] } : {}),
    ...(typeof page['@odata.deltaLink'] === 'string' ? { deltaLink: page['@odata.deltaLink'] } : {}),
  };
}

// Graph's JSON as MailMessage: absent lists are empty, absent optional fields stay absent.
function messageOf(item: Record<string, unknown>): MailMessage {
  const text = (name: string) => (typeof item[name] === 'string' ? (item[name] as string) : '');
  const people = (name: string) => (Array.isArray(item[name]) ? (item[name] as MailMessage['toRecipients']) : []);
  const body = item.body as MailMessage['body'] | undefined;
  return {
    id: text('id'),
    internetMessageId: text('internetMessageId'),
    conversationId: text('conversationId'),
    subject: text('subject'),
    bodyPreview: text('bodyPreview'),
    body: { contentType: body?.contentType === 'html' ? 'html' : 'text', content: typeof body?.content === 'string' ? body.content : '' },
    ...(item.from ? { from: item.from as MailMessage['from'] } : {}),
    toRecipients: people('toRecipients'),
    ccRecipients: people('ccRecipients'),
    bccRecipients: people('bccRecipients'),
    ...(typeof item.sentDateTime === 'string' ? { sentDateTime: item.sentDateTime } : {}),
    ...(typeof item.receivedDateTime === 'string' ? { receivedDateTime: item.receivedDateTime } : {}),
    hasAttachments: item.hasAttachments === true,
  };
}

const ATTACHMENT_KINDS: Record<string, MailAttachment['kind']> = {
  '#microsoft.graph.fileAttachment': 'file',
  '#microsoft.graph.itemAttachment': 'item',
  '#microsoft.graph.referenceAttachment': 'reference',
};

function attachmentOf(item: Record<string, unknown>): MailAttachment {
  return {
    id: typeof item.id === 'string' ? item.id : '',
    name: typeof item.name === 'string' ? item.name : '',
    contentType: typeof item.contentType === 'string' ? item.contentType : 'application/octet-stream',
    size: typeof item.size === 'number' ? item.size : 0,
    isInline: item.isInline === true,
    kind: ATTACHMENT_KINDS[String(item['@odata.type'])] ?? 'item',
  };
}

function outgoing(mail: OutgoingMail) {
  return {
    subject: mail.subject,
    body: mail.body,
    toRecipients: mail.toRecipients,
    ccRecipients: mail.ccRecipients ?? [],
    ...(mail.internetMessageHeaders?.length ? { internetMessageHeaders: mail.internetMessageHeaders } : {}),
  };
}
