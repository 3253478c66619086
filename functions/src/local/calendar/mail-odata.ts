import type { MailFolderName, StoredMessage } from './local-mail';

// The OData query options the local Graph stand-in understands on messages, parsed strictly: what Rapport sends is read
// exactly, and anything else is refused as Graph refuses a filter it does not support, so a client that drifts from
// Graph's forms fails here rather than in Azure.

/** The property set Exchange keeps internet headers in (PS_INTERNET_HEADERS). */
const INTERNET_HEADERS_SET = '{00020386-0000-0000-C000-000000000046}';

const MESSAGE_PROPERTIES = new Set([
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'receivedDateTime',
  'sentDateTime',
  'hasAttachments',
  'internetMessageId',
  'internetMessageHeaders',
  'subject',
  'bodyPreview',
  'importance',
  'parentFolderId',
  'conversationId',
  'isRead',
  'isDraft',
  'webLink',
  'body',
  'sender',
  'from',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
]);

/** What Mail.ReadBasic leaves out. */
const NOT_BASIC = new Set(['body', 'bodyPreview', 'internetMessageHeaders']);

export type Select = string[] | null;

/** `$select`: known properties only; Graph answers 400 for a property a message does not have. */
export function parseSelect(value: string | null): { select: Select } | { unknown: string } {
  if (value === null || value.trim() === '') return { select: null };
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.find((name) => !MESSAGE_PROPERTIES.has(name));
  return unknown !== undefined ? { unknown } : { select: names };
}

/** The header an extended property id names, when it is one of the internet headers' (`String {…} Name x-…`). */
export function headerOfPropertyId(propertyId: string): string | null {
  const match = /^String\s+(\{[0-9A-Fa-f-]{36}\})\s+Name\s+(\S+)$/.exec(propertyId.trim());
  return match && match[1]?.toUpperCase() === INTERNET_HEADERS_SET ? (match[2] ?? null) : null;
}

const LITERAL = "'((?:[^']|'')*)'";

/**
 * `singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')`: the one `$filter` the stand-in takes on a
 * folder's messages. Null when the filter has another form.
 */
export function parseExtendedPropertyFilter(filter: string): { header: string; value: string } | null {
  const match = new RegExp(`^singleValueExtendedProperties/any\\((\\w+):\\s*\\1/id eq ${LITERAL} and \\1/value eq ${LITERAL}\\)$`, 'i').exec(filter.trim());
  if (!match) return null;
  const header = headerOfPropertyId(unquote(match[2] ?? ''));
  return header ? { header, value: unquote(match[3] ?? '') } : null;
}

/** `receivedDateTime ge 2026-01-01T00:00:00Z`: the one `$filter` Graph's message delta supports. */
export function parseReceivedSinceFilter(filter: string): string | null {
  const match = /^receivedDateTime\s+(ge|gt)\s+(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z)$/.exec(filter.trim());
  const at = match?.[2];
  return at && !Number.isNaN(Date.parse(at)) ? new Date(at).toISOString() : null;
}

/** `internetMessageId eq '<…>'`: a message by the id every copy of it shares. */
export function parseInternetMessageIdFilter(filter: string): string | null {
  const match = new RegExp(`^internetMessageId eq ${LITERAL}$`).exec(filter.trim());
  return match ? unquote(match[1] ?? '') : null;
}

/** `$expand=singleValueExtendedProperties($filter=id eq '…')`: the header's value as Graph shows an extended property. */
export function parseExtendedPropertyExpand(expand: string): { propertyId: string; header: string } | null {
  const match = new RegExp(`^singleValueExtendedProperties\\(\\$filter=id eq ${LITERAL}\\)$`, 'i').exec(expand.trim());
  const propertyId = match ? unquote(match[1] ?? '') : '';
  const header = headerOfPropertyId(propertyId);
  return header ? { propertyId, header } : null;
}

export function headerValue(message: StoredMessage, header: string): string | undefined {
  return message.internetMessageHeaders.find((candidate) => candidate.name.toLowerCase() === header.toLowerCase())?.value;
}

/** A message as Graph returns it: the selected properties (every default one when none is), minus what the permission hides. */
export function messageJson(
  message: StoredMessage,
  options: { select: Select; basic: boolean; expand?: { propertyId: string; header: string } | null; textBody?: boolean },
): Record<string, unknown> {
  const person = (address: string, name?: string) => ({ emailAddress: { name: name ?? address, address } });
  const full: Record<string, unknown> = {
    id: message.id,
    createdDateTime: message.createdDateTime,
    lastModifiedDateTime: message.lastModifiedDateTime,
    changeKey: `CQAAAB${message.changeSequence}`,
    categories: message.categories,
    receivedDateTime: message.receivedDateTime,
    sentDateTime: message.sentDateTime,
    hasAttachments: message.hasAttachments,
    internetMessageId: message.internetMessageId,
    subject: message.subject,
    bodyPreview: message.body.content.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 255),
    importance: 'normal',
    parentFolderId: folderIdOf(message.mailbox, message.folder),
    conversationId: message.conversationId,
    isRead: message.isRead,
    isDraft: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(message.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    // `Prefer: outlook.body-content-type="text"` asks Graph for the body as text; Exchange converts an HTML one.
    body: options.textBody && message.body.contentType === 'html' ? { contentType: 'text', content: textOfHtml(message.body.content) } : message.body,
    sender: person(message.from.address, message.from.name),
    from: person(message.from.address, message.from.name),
    toRecipients: message.toRecipients.map((p) => person(p.address, p.name)),
    ccRecipients: message.ccRecipients.map((p) => person(p.address, p.name)),
    bccRecipients: message.bccRecipients.map((p) => person(p.address, p.name)),
    replyTo: [],
  };
  // Graph returns the headers only when they are selected.
  const names = options.select ?? [...Object.keys(full)];
  const json: Record<string, unknown> = { '@odata.etag': `W/"${String(full.changeKey)}"`, id: message.id };
  for (const name of names) {
    if (options.basic && NOT_BASIC.has(name)) continue;
    json[name] = name === 'internetMessageHeaders' ? message.internetMessageHeaders : full[name];
  }
  if (options.expand) {
    const value = headerValue(message, options.expand.header);
    json.singleValueExtendedProperties = value === undefined ? [] : [{ id: options.expand.propertyId, value }];
  }
  return json;
}

/** A well-known folder's id in one mailbox (stable, opaque, as Graph's are). */
export function folderIdOf(mailbox: string, folder: MailFolderName): string {
  return `AAMkAG${Buffer.from(`${mailbox}/${folder}`).toString('base64url')}`;
}

/** Where a delta round stands: changes after `after` and up to `upTo`, the round's filter and selection kept. */
export type DeltaState = { after: number; upTo?: number; since?: string; select?: string[] };

/** Delta and skip tokens: the state itself, opaque to clients as Graph's are. */
export function deltaToken(state: DeltaState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function readDeltaToken(token: string): DeltaState | null {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<DeltaState>;
    if (typeof state.after !== 'number' || !Number.isInteger(state.after) || state.after < 0) return null;
    if (state.upTo !== undefined && (typeof state.upTo !== 'number' || state.upTo < state.after)) return null;
    if (state.since !== undefined && (typeof state.since !== 'string' || Number.isNaN(Date.parse(state.since)))) return null;
    if (state.select !== undefined && (!Array.isArray(state.select) || state.select.some((name) => typeof name !== 'string' || !MESSAGE_PROPERTIES.has(name)))) return null;
    return { after: state.after, ...(state.upTo !== undefined ? { upTo: state.upTo } : {}), ...(state.since ? { since: state.since } : {}), ...(state.select ? { select: state.select } : {}) };
  } catch {
    return null;
  }
}

function unquote(literal: string): string {
  return literal.replace(/''/g, "'");
}

/** Whether the request asks for bodies as text (`Prefer: outlook.body-content-type="text"`). */
export function prefersTextBody(headers: Headers): boolean {
  return /outlook\.body-content-type="?text"?/i.test(headers.get('prefer') ?? '');
}

// The stand-in's rough version of Exchange's conversion: line breaks for blocks, tags dropped, the common entities read.
function textOfHtml(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li|\/tr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
