import type { DemoPerson } from '@rapport/shared';
import { LOG_MARKER_HEADER } from '@rapport/shared/email/mail-capture';

// The demo Outlook's mail through the local Graph stand-in (the service the pane's calendar calls go to): what it sends
// goes into the demo user's Sent Items there, with its internet headers, where Rapport's job finds the marked ones.
// Graph's documented shapes: POST /me/sendMail, POST /me/messages/{id}/reply, GET /me/outlook/masterCategories.

/** A message the demo sends: a new one, or a reply to a received message by its Graph id. */
export type DemoOutgoingMail = {
  subject: string;
  text: string;
  to: readonly DemoPerson[];
  cc: readonly DemoPerson[];
  headers: Readonly<Record<string, string>>;
  /** The original's id in the stand-in: the reply keeps its conversation. */
  replyToGraphId?: string;
  /** Files, inline in the sendMail (Graph takes up to 3 MB so; the demo's are small). */
  attachments?: readonly { name: string; contentType: string; contentBase64: string }[];
};

/** Delegated scopes the demo Outlook asks the local issuer for (Outlook's own, not the add-in's). */
export type DemoMailScope = 'Mail.Send' | 'Mail.Read' | 'MailboxSettings.Read';

/** A sent message as the stand-in keeps it: the ids Rapport knows it by. */
export type DemoSentMessage = { graphId: string; internetMessageId: string; conversationId: string };

export type DemoMailGraph = {
  send(mail: DemoOutgoingMail): Promise<void>;
  /** The message in Sent Items that carries Rapport's marker, as Rapport's job finds it (null until it is there). */
  sentByMarker(marker: string): Promise<DemoSentMessage | null>;
  /** The names on the mailbox's master category list. */
  masterCategories(): Promise<string[]>;
};

export type DemoMailGraphOptions = {
  /** The stand-in's origin, as the pane's configuration names it (`graphBaseUrl`). */
  graphBaseUrl: string;
  /** A delegated token for the demo user with these scopes. */
  token(scopes: DemoMailScope[]): Promise<string>;
  fetch?: typeof fetch;
};

export function demoMailGraph(options: DemoMailGraphOptions): DemoMailGraph {
  const base = `${new URL(options.graphBaseUrl).origin}/v1.0`;
  const call = async (method: 'GET' | 'POST', path: string, scope: DemoMailScope, body?: unknown): Promise<Response> => {
    const response = await (options.fetch ?? fetch)(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${await options.token([scope])}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`Graph answered ${response.status} to ${method} ${path}`);
    return response;
  };
  return {
    async send(mail) {
      const recipients = (people: readonly DemoPerson[]) => people.map((person) => ({ emailAddress: { address: person.email, name: person.name } }));
      const internetMessageHeaders = Object.entries(mail.headers).map(([name, value]) => ({ name, value }));
      const headers = internetMessageHeaders.length > 0 ? { internetMessageHeaders } : {};
      if (mail.replyToGraphId) {
        await call('POST', `/me/messages/${encodeURIComponent(mail.replyToGraphId)}/reply`, 'Mail.Send', {
          message: { toRecipients: recipients(mail.to), ccRecipients: recipients(mail.cc), ...headers },
          comment: mail.text,
        });
        return;
      }
      await call('POST', '/me/sendMail', 'Mail.Send', {
        message: {
          subject: mail.subject,
          body: { contentType: 'Text', content: mail.text },
          toRecipients: recipients(mail.to),
          ccRecipients: recipients(mail.cc),
          bccRecipients: [],
          ...headers,
          ...(mail.attachments?.length
            ? {
                attachments: mail.attachments.map((file) => ({ '@odata.type': '#microsoft.graph.fileAttachment', name: file.name, contentType: file.contentType, contentBytes: file.contentBase64 })),
              }
            : {}),
        },
        saveToSentItems: true,
      });
    },
    async sentByMarker(marker) {
      const property = `String {00020386-0000-0000-C000-000000000046} Name ${LOG_MARKER_HEADER}`;
      const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${property}' and ep/value eq '${marker.replace(/'/g, "''")}')`;
      const query = `$filter=${encodeURIComponent(filter)}&$select=id,internetMessageId,conversationId&$top=1`;
      const body = (await (await call('GET', `/me/mailFolders/sentitems/messages?${query}`, 'Mail.Read')).json()) as { value?: { id: string; internetMessageId: string; conversationId: string }[] };
      const found = body.value?.[0];
      return found ? { graphId: found.id, internetMessageId: found.internetMessageId, conversationId: found.conversationId } : null;
    },
    async masterCategories() {
      const body = (await (await call('GET', '/me/outlook/masterCategories', 'MailboxSettings.Read')).json()) as { value?: { displayName?: string }[] };
      return (body.value ?? []).flatMap((category) => (category.displayName ? [category.displayName] : []));
    },
  };
}

/** Local mode: delegated tokens from the local issuer's POST /dev/token, as the pane's Graph client gets its own. */
export function localDemoTokens(config: { apiBaseUrl: string; tenantId: string; userId: string }, mailbox: string) {
  const kept = new Map<string, Promise<string>>();
  return (scopes: DemoMailScope[]): Promise<string> => {
    const key = [...scopes].sort().join(' ');
    let token = kept.get(key);
    if (!token) {
      token = fetch(`${config.apiBaseUrl}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId: config.tenantId, userId: config.userId, resource: 'graph', email: mailbox, scopes: [...scopes].sort() }),
      }).then(async (response) => {
        if (!response.ok) throw new Error(`The local token issuer answered ${response.status}`);
        return ((await response.json()) as { accessToken: string }).accessToken;
      });
      // A refused token is asked again next time (the issuer may learn the scope); a good one lasts the page (an hour).
      token.catch(() => kept.delete(key));
      kept.set(key, token);
    }
    return token;
  };
}

/** The demo user's mail in the stand-in, from the pages' configuration (local mode); null where there is no stand-in. */
export async function openDemoMailGraph(mailbox: string): Promise<DemoMailGraph | null> {
  const config = (await (await fetch('/addin-config.json', { cache: 'no-store' })).json()) as {
    authMode: string;
    apiBaseUrl: string;
    graphBaseUrl: string;
    tenantId: string;
    userId: string;
    demoUsers?: { userId: string; email: string }[];
  };
  if (config.authMode !== 'local') return null;
  const user = config.demoUsers?.find((candidate) => candidate.email.toLowerCase() === mailbox.toLowerCase());
  return demoMailGraph({ graphBaseUrl: config.graphBaseUrl, token: localDemoTokens({ ...config, userId: user?.userId ?? config.userId }, mailbox) });
}
