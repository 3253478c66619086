import { z } from 'zod';
import { accessDenied, graphError, invalidRequest, isApplicationCaller, type GraphCaller, type GraphRequest, type GraphResponse } from './graph-api';
import type { DirectoryUser } from './local-calendar';
import type { LocalMail, MailFileAttachment, MailFolderName, MailPerson, NewMail, StoredMessage } from './local-mail';
import {
  deltaToken,
  headerValue,
  messageJson,
  prefersTextBody,
  parseExtendedPropertyExpand,
  parseExtendedPropertyFilter,
  parseInternetMessageIdFilter,
  parseReceivedSinceFilter,
  parseSelect,
  readDeltaToken,
  type DeltaState,
  type Select,
} from './mail-odata';

// The mail part of Microsoft Graph v1.0 that Rapport calls: the pane's delegated calls on `/me`, and the server's
// app-only calls on `/users/{id | address}`, with Graph's documented shapes, permissions and errors.

export type MailService = { mail: LocalMail; directory: { user(idOrAddress: string): DirectoryUser | undefined } };

type Permission = 'read' | 'send' | 'write' | 'settingsRead' | 'settingsWrite';

// Least privilege first: each permission is met by any of these, delegated (`scp`) or application (`roles`).
const DELEGATED: Record<Permission, string[]> = {
  read: ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'],
  send: ['Mail.Send'],
  write: ['Mail.ReadWrite'],
  settingsRead: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
  settingsWrite: ['MailboxSettings.ReadWrite'],
};
const APPLICATION: Record<Permission, string[]> = { ...DELEGATED, read: ['Mail.ReadBasic', 'Mail.ReadBasic.All', 'Mail.Read', 'Mail.ReadWrite'] };
const FULL_READ = ['Mail.Read', 'Mail.ReadWrite'];

const FOLDERS: Record<string, MailFolderName> = { inbox: 'inbox', sentitems: 'sentitems' };
const DEFAULT_PAGE_SIZE = 10;

const Recipient = z.object({ emailAddress: z.object({ address: z.string().email(), name: z.string().max(255).optional() }) });
const Header = z.object({ name: z.string().min(1).max(128), value: z.string().max(1000) });
const MessageInput = z.object({
  subject: z.string().max(255).default(''),
  body: z.object({ contentType: z.enum(['text', 'html', 'Text', 'HTML']).default('text'), content: z.string().max(4_000_000) }).optional(),
  toRecipients: z.array(Recipient).max(500).default([]),
  ccRecipients: z.array(Recipient).max(500).default([]),
  bccRecipients: z.array(Recipient).max(500).default([]),
  internetMessageHeaders: z.array(Header).max(20).optional(),
});
// Graph takes files of up to 3 MB inline in a sendMail (larger ones go through an upload session on a draft).
const FileAttachmentInput = z.object({
  '@odata.type': z.literal('#microsoft.graph.fileAttachment'),
  name: z.string().min(1).max(255),
  contentType: z.string().max(255).default('application/octet-stream'),
  contentBytes: z.base64().max(4_000_000),
  isInline: z.boolean().default(false),
});
const SendMailBody = z.object({ message: MessageInput.extend({ attachments: z.array(FileAttachmentInput).max(50).optional() }), saveToSentItems: z.boolean().default(true) });
const ATTACHMENT_FIELDS = ['id', 'name', 'contentType', 'size', 'isInline', 'lastModifiedDateTime', 'contentBytes'];
const ReplyBody = z.object({ message: MessageInput.partial().optional(), comment: z.string().max(100_000).optional() }).default({});
const PatchMessageBody = z.object({ categories: z.array(z.string().min(1).max(255)).max(50).optional(), isRead: z.boolean().optional() });
const CategoryBody = z.object({ displayName: z.string().min(1).max(255), color: z.enum(['none', ...Array.from({ length: 25 }, (_, index) => `preset${index}`)]).default('none') });

/** Answers one mail call; `null` when the path is not a mail path (the calendar's answer it). `baseUrl` ends in `/v1.0`. */
export function answerMail(service: MailService, request: GraphRequest<GraphCaller>, baseUrl: string): GraphResponse | null {
  const route = mailRoute(request.path);
  if (!route) return null;
  const { caller } = request;
  // Whose mailbox: /me is the signed-in user's; /users/{id} is anyone's for an application, one's own for a user.
  let owner: DirectoryUser | undefined;
  if (route.user === null) {
    if (isApplicationCaller(caller)) return graphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    owner = service.directory.user(caller.address);
    if (!owner) return graphError(404, 'ErrorInvalidUser', `The requested user '${caller.address}' is invalid.`);
  } else {
    owner = service.directory.user(route.user);
    // Another tenant's mailbox does not exist for an application of this one, as in Graph.
    const otherTenant = owner?.tenantId !== undefined && isApplicationCaller(caller) && owner.tenantId !== caller.tenantId;
    if (!owner || otherTenant) return graphError(404, 'ErrorInvalidUser', `The requested user '${route.user}' is invalid.`);
    if (!isApplicationCaller(caller) && owner.address !== caller.address.toLowerCase()) return accessDenied();
  }
  const granted = isApplicationCaller(caller) ? caller.roles : caller.scopes;
  const table = isApplicationCaller(caller) ? APPLICATION : DELEGATED;
  const allows = (permission: Permission) => table[permission].some((name) => granted.includes(name));
  const basic = !FULL_READ.some((name) => granted.includes(name));
  const mailbox = owner.address;
  const { method, query } = request;
  const { mail } = service;
  const prefix = `${baseUrl}${route.prefix}`;

  switch (`${method} ${route.kind}`) {
    case 'POST sendMail': {
      if (!allows('send')) return accessDenied();
      const parsed = SendMailBody.safeParse(request.body);
      if (!parsed.success) return invalidRequest(parsed.error);
      const refused = checkHeaders(parsed.data.message.internetMessageHeaders) ?? checkRecipients(parsed.data.message);
      if (refused) return refused;
      mail.send(mailbox, newMail(parsed.data.message), { saveToSentItems: parsed.data.saveToSentItems });
      return { status: 202 };
    }
    case 'POST reply': {
      if (!allows('send')) return accessDenied();
      const original = mail.message(mailbox, route.id);
      if (!original) return notFound();
      const parsed = ReplyBody.safeParse(request.body ?? {});
      if (!parsed.success) return invalidRequest(parsed.error);
      const given = parsed.data.message ?? {};
      const refused = checkHeaders(given.internetMessageHeaders);
      if (refused) return refused;
      mail.send(mailbox, replyTo(original, mailbox, parsed.data.comment ?? '', given), { conversationId: original.conversationId });
      return { status: 202 };
    }
    case 'GET message': {
      if (!allows('read')) return accessDenied();
      const message = mail.message(mailbox, route.id);
      if (!message) return notFound();
      const select = parseSelect(query.get('$select'));
      if ('unknown' in select) return unknownProperty(select.unknown);
      const expandText = query.get('$expand');
      const expand = expandText === null ? null : parseExtendedPropertyExpand(expandText);
      if (expandText !== null && !expand) return graphError(400, 'BadRequest', `The $expand '${expandText}' is not supported.`);
      if (expand && basic) return accessDenied();
      return { status: 200, body: { '@odata.context': `${baseUrl}/$metadata#users('${mailbox}')/messages/$entity`, ...messageJson(message, { select: select.select, basic, expand }) } };
    }
    case 'PATCH message': {
      if (!allows('write')) return accessDenied();
      const parsed = PatchMessageBody.safeParse(request.body);
      if (!parsed.success) return invalidRequest(parsed.error);
      if (!mail.message(mailbox, route.id)) return notFound();
      if (parsed.data.categories) mail.setCategories(mailbox, route.id, parsed.data.categories);
      if (parsed.data.isRead !== undefined) mail.setRead(mailbox, route.id, parsed.data.isRead);
      const changed = mail.message(mailbox, route.id) as StoredMessage;
      return { status: 200, body: messageJson(changed, { select: null, basic: false }) };
    }
    case 'GET messages': {
      // The mailbox's messages in every folder; the stand-in takes the one filter Rapport sends here.
      if (!allows('read')) return accessDenied();
      const select = parseSelect(query.get('$select'));
      if ('unknown' in select) return unknownProperty(select.unknown);
      const internetMessageId = parseInternetMessageIdFilter(query.get('$filter') ?? '');
      if (internetMessageId === null) return unsupportedFilter();
      const top = boundedInteger(query.get('$top'), DEFAULT_PAGE_SIZE, 1, 1000);
      if (top === null) return graphError(400, 'BadRequest', '$top must be a whole number.');
      return {
        status: 200,
        body: {
          '@odata.context': `${baseUrl}/$metadata#users('${mailbox}')/messages`,
          value: mail.byInternetMessageId(mailbox, internetMessageId).slice(0, top).map((message) => messageJson(message, { select: select.select, basic, textBody: prefersTextBody(request.headers) })),
        },
      };
    }
    case 'GET folderMessages': {
      if (!allows('read')) return accessDenied();
      const folder = FOLDERS[route.folder.toLowerCase()];
      if (!folder) return notFound();
      const select = parseSelect(query.get('$select'));
      if ('unknown' in select) return unknownProperty(select.unknown);
      let messages = mail.folder(mailbox, folder);
      const filterText = query.get('$filter');
      if (filterText !== null) {
        const filter = parseExtendedPropertyFilter(filterText);
        if (!filter) return unsupportedFilter();
        // Extended properties are beyond Mail.ReadBasic.
        if (basic) return accessDenied();
        messages = messages.filter((message) => headerValue(message, filter.header) === filter.value);
      }
      const top = boundedInteger(query.get('$top'), DEFAULT_PAGE_SIZE, 1, 1000);
      const skip = boundedInteger(query.get('$skip'), 0, 0, Number.MAX_SAFE_INTEGER);
      if (top === null || skip === null) return graphError(400, 'BadRequest', '$top and $skip must be whole numbers.');
      const page = messages.slice(skip, skip + top);
      const next = skip + top < messages.length ? `${prefix}/mailFolders/${route.folder}/messages?${withSkip(query, skip + top)}` : null;
      return {
        status: 200,
        body: {
          '@odata.context': `${baseUrl}/$metadata#users('${mailbox}')/mailFolders('${folder}')/messages`,
          value: page.map((message) => messageJson(message, { select: select.select, basic, textBody: prefersTextBody(request.headers) })),
          ...(next ? { '@odata.nextLink': next } : {}),
        },
      };
    }
    case 'GET delta': {
      if (!allows('read')) return accessDenied();
      const folder = FOLDERS[route.folder.toLowerCase()];
      if (!folder) return notFound();
      return messageDelta(mail, mailbox, folder, request, `${prefix}/mailFolders/${route.folder}/messages/delta`, basic);
    }
    case 'GET attachments': {
      if (!allows('read') || basic) return accessDenied();
      const message = mail.message(mailbox, route.id);
      if (!message) return notFound();
      const selected = query.get('$select')?.split(',').map((name) => name.trim()) ?? ATTACHMENT_FIELDS;
      const unknown = selected.find((name) => !ATTACHMENT_FIELDS.includes(name));
      if (unknown) return graphError(400, 'RequestBroker--ParseUri', `Could not find a property named '${unknown}' on type 'microsoft.graph.attachment'.`);
      return {
        status: 200,
        body: {
          '@odata.context': `${baseUrl}/$metadata#users('${mailbox}')/messages('${message.id}')/attachments`,
          value: message.attachments.map((attachment) => attachmentJson(attachment, message.lastModifiedDateTime, selected)),
        },
      };
    }
    case 'GET attachmentValue': {
      if (!allows('read') || basic) return accessDenied();
      const attachment = mail.message(mailbox, route.id)?.attachments.find((candidate) => candidate.id === route.attachmentId);
      if (!attachment) return notFound();
      return { status: 200, body: attachment.contentBytes, headers: { 'content-type': attachment.contentType, 'content-length': String(attachment.size) } };
    }
    case 'GET masterCategories': {
      if (!allows('settingsRead')) return accessDenied();
      return { status: 200, body: { value: mail.masterCategories(mailbox) } };
    }
    case 'POST masterCategories': {
      if (!allows('settingsWrite')) return accessDenied();
      const parsed = CategoryBody.safeParse(request.body);
      if (!parsed.success) return invalidRequest(parsed.error);
      const created = mail.addMasterCategory(mailbox, parsed.data);
      if (!created) return graphError(409, 'ErrorDuplicateCategory', `A category named '${parsed.data.displayName}' already exists.`);
      return { status: 201, body: created };
    }
    default:
      return graphError(405, 'Request_BadRequest', `${method} is not allowed on ${request.path}.`);
  }
}

// Which mail call a path is: `id` (a message) and `folder` are empty for the kinds that have none.
type MailRoute = {
  user: string | null;
  prefix: string;
  kind: 'sendMail' | 'masterCategories' | 'messages' | 'message' | 'reply' | 'folderMessages' | 'delta' | 'attachments' | 'attachmentValue';
  id: string;
  folder: string;
  attachmentId?: string;
};

function mailRoute(path: string): MailRoute | null {
  const owner = /^(\/me|\/users\/([^/]+))(\/.*)$/.exec(path);
  if (!owner) return null;
  const user = owner[2] === undefined ? null : decodeURIComponent(owner[2]);
  const prefix = owner[1] as string;
  const rest = owner[3] as string;
  const base = { user, prefix, id: '', folder: '' };
  if (rest === '/sendMail') return { ...base, kind: 'sendMail' };
  if (rest === '/outlook/masterCategories') return { ...base, kind: 'masterCategories' };
  if (rest === '/messages') return { ...base, kind: 'messages' };
  let match = /^\/messages\/([^/]+)$/.exec(rest);
  if (match?.[1]) return { ...base, kind: 'message', id: decodeURIComponent(match[1]) };
  match = /^\/messages\/([^/]+)\/reply$/.exec(rest);
  if (match?.[1]) return { ...base, kind: 'reply', id: decodeURIComponent(match[1]) };
  match = /^\/messages\/([^/]+)\/attachments$/.exec(rest);
  if (match?.[1]) return { ...base, kind: 'attachments', id: decodeURIComponent(match[1]) };
  match = /^\/messages\/([^/]+)\/attachments\/([^/]+)\/\$value$/.exec(rest);
  if (match?.[1] && match[2]) return { ...base, kind: 'attachmentValue', id: decodeURIComponent(match[1]), attachmentId: decodeURIComponent(match[2]) };
  match = /^\/mailFolders\/([^/]+)\/messages$/.exec(rest);
  if (match?.[1]) return { ...base, kind: 'folderMessages', folder: decodeURIComponent(match[1]) };
  match = /^\/mailFolders\/([^/]+)\/messages\/delta$/.exec(rest);
  if (match?.[1]) return { ...base, kind: 'delta', folder: decodeURIComponent(match[1]) };
  return null;
}

/**
 * One page of a delta round. The first call of a round takes `$select` and `$filter=receivedDateTime ge …`; the round
 * then goes on with `$skiptoken` links and ends with a `$deltatoken` link, where the next round starts (the filter and
 * selection kept in the token, as Graph keeps them).
 */
function messageDelta(mail: LocalMail, mailbox: string, folder: MailFolderName, request: GraphRequest<GraphCaller>, link: string, basic: boolean): GraphResponse {
  const { query } = request;
  const token = query.get('$skiptoken') ?? query.get('$deltatoken');
  let state: DeltaState;
  if (token !== null) {
    const read = readDeltaToken(token);
    if (!read) return graphError(400, 'ErrorInvalidSyncStateData', 'The sync state data is corrupt or otherwise invalid.');
    state = read;
  } else {
    const select = parseSelect(query.get('$select'));
    if ('unknown' in select) return unknownProperty(select.unknown);
    const filterText = query.get('$filter');
    const since = filterText === null ? undefined : parseReceivedSinceFilter(filterText);
    if (since === null) return unsupportedFilter();
    state = { after: 0, ...(since ? { since } : {}), ...(select.select ? { select: select.select } : {}) };
  }
  // A round reads up to the newest change when it starts; what changes meanwhile is the next round's.
  const upTo = state.upTo ?? mail.currentSequence();
  const since = state.since;
  const changed = mail.changedBetween(mailbox, folder, state.after, upTo).filter((message) => !since || Date.parse(message.receivedDateTime) >= Date.parse(since));
  const pageSize = preferredPageSize(request.headers);
  const page = changed.slice(0, pageSize);
  const last = page.at(-1);
  const more = changed.length > page.length && last !== undefined;
  const kept = { ...(since ? { since } : {}), ...(state.select ? { select: state.select } : {}) };
  const select: Select = state.select ?? null;
  return {
    status: 200,
    headers: { 'preference-applied': `odata.maxpagesize=${pageSize}` },
    body: {
      '@odata.context': `${link.replace(/\/users\/.*|\/me\/.*/, '')}/$metadata#Collection(message)`,
      value: page.map((message) => messageJson(message, { select, basic, textBody: prefersTextBody(request.headers) })),
      ...(more ? { '@odata.nextLink': `${link}?$skiptoken=${deltaToken({ after: last.changeSequence, upTo, ...kept })}` } : { '@odata.deltaLink': `${link}?$deltatoken=${deltaToken({ after: upTo, ...kept })}` }),
    },
  };
}

function preferredPageSize(headers: Headers): number {
  const asked = Number(/odata\.maxpagesize=(\d+)/.exec(headers.get('prefer') ?? '')?.[1]);
  return Number.isInteger(asked) && asked > 0 ? Math.min(asked, 1000) : DEFAULT_PAGE_SIZE;
}

// Graph refuses custom headers that are not `x-` ones.
function checkHeaders(headers: { name: string }[] | undefined): GraphResponse | null {
  const wrong = headers?.find((header) => !/^x-/i.test(header.name));
  return wrong ? graphError(400, 'InvalidInternetMessageHeader', `The internet message header name '${wrong.name}' should start with 'x-' or 'X-'.`) : null;
}

function checkRecipients(message: MessageInput): GraphResponse | null {
  if (message.toRecipients.length + message.ccRecipients.length + message.bccRecipients.length > 0) return null;
  return graphError(400, 'ErrorInvalidRecipients', "At least one recipient isn't valid., A message can't be sent because it contains no recipients.");
}

type MessageInput = z.infer<typeof MessageInput>;

function attachmentJson(attachment: MailFileAttachment, modified: string, selected: readonly string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    id: attachment.id,
    lastModifiedDateTime: modified,
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.size,
    isInline: attachment.isInline,
    contentBytes: attachment.contentBytes.toString('base64'),
  };
  return { '@odata.type': '#microsoft.graph.fileAttachment', ...Object.fromEntries(selected.map((name) => [name, all[name]])) };
}

function newMail(message: MessageInput & { attachments?: z.infer<typeof FileAttachmentInput>[] | undefined }): NewMail {
  const people = (list: MessageInput['toRecipients']): MailPerson[] => list.map(({ emailAddress }) => ({ address: emailAddress.address, ...(emailAddress.name ? { name: emailAddress.name } : {}) }));
  return {
    subject: message.subject,
    body: { contentType: message.body?.contentType.toLowerCase() === 'html' ? 'html' : 'text', content: message.body?.content ?? '' },
    toRecipients: people(message.toRecipients),
    ccRecipients: people(message.ccRecipients),
    bccRecipients: people(message.bccRecipients),
    ...(message.internetMessageHeaders ? { internetMessageHeaders: message.internetMessageHeaders } : {}),
    ...(message.attachments?.length
      ? { attachments: message.attachments.map((attachment) => ({ name: attachment.name, contentType: attachment.contentType, isInline: attachment.isInline, contentBytes: Buffer.from(attachment.contentBytes, 'base64') })) }
      : {}),
  };
}

// A reply goes to the original's sender (to its recipients when the original is one's own), in the same conversation.
function replyTo(original: StoredMessage, mailbox: string, comment: string, given: Partial<MessageInput>): NewMail {
  const to = given.toRecipients?.length
    ? given.toRecipients.map(({ emailAddress }) => ({ address: emailAddress.address, ...(emailAddress.name ? { name: emailAddress.name } : {}) }))
    : original.from.address === mailbox
      ? original.toRecipients
      : [original.from];
  const subject = /^re:/i.test(original.subject) ? original.subject : `Re: ${original.subject}`;
  const quoted = `${comment}\n\n-----\nFrom: ${original.from.name ?? original.from.address}\nSubject: ${original.subject}\n\n${original.body.content}`;
  return {
    subject,
    body: { contentType: original.body.contentType, content: quoted },
    toRecipients: to,
    ccRecipients: [],
    ...(given.internetMessageHeaders ? { internetMessageHeaders: given.internetMessageHeaders } : {}),
  };
}

function boundedInteger(value: string | null, fallback: number, min: number, max: number): number | null {
  if (value === null) return fallback;
  if (!/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number < min || number > max ? null : number;
}

function withSkip(query: URLSearchParams, skip: number): string {
  const next = new URLSearchParams(query);
  next.set('$skip', String(skip));
  return next.toString().replace(/\+/g, '%20');
}

function notFound(): GraphResponse {
  return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

function unsupportedFilter(): GraphResponse {
  return graphError(400, 'ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.');
}

function unknownProperty(name: string): GraphResponse {
  return graphError(400, 'RequestBroker--ParseUri', `Could not find a property named '${name}' on type 'Microsoft.OutlookServices.Message'.`);
}
