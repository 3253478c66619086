import https from 'node:https';
import { LOG_MARKER_HEADER, LOG_MARKER_PROPERTY_ID } from '@rapport/shared';
import { GraphCallError, type OutgoingMail } from '../../functions/src/graph/app-graph';
import { odataString } from '../../functions/src/graph/graph-app-client';
import { LOCAL_GRAPH_APP } from '../../functions/src/local/local-issuer';
import { AVERY, SAM, startGraphStandIn, type GraphStandIn } from './graph-stand-in';
import { TENANT_A, TENANT_B, createTestApp, testIssuer } from './test-app';

// Rapport's Graph client as the application, against the local Graph stand-in over https with real app-only tokens of
// the local issuer: the same paths, filters, links and errors it meets at graph.microsoft.com.

const MARKER = 'AAAAAAAAAAAAAAAAAAAAAA';
const OTHER_MARKER = 'BBBBBBBBBBBBBBBBBBBBBB';

const mailTo = (to: { address: string; name: string }, subject: string, headers: { name: string; value: string }[] = []): OutgoingMail => ({
  subject,
  body: { contentType: 'text', content: `About ${subject}` },
  toRecipients: [{ emailAddress: { address: to.address, name: to.name } }],
  internetMessageHeaders: headers,
});

/** A raw call to the stand-in with a given token, as Graph's own clients make it. */
function call(standIn: GraphStandIn, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const request = https.request(`${standIn.server.url}/v1.0${path}`, { method, ca: standIn.server.ca, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
      });
    });
    request.on('error', reject);
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('Graph as the application, against the local Graph stand-in', () => {
  let standIn: GraphStandIn;
  beforeEach(async () => {
    standIn = await startGraphStandIn(await testIssuer());
  });
  afterEach(async () => {
    await standIn.close();
  });

  it("finds a sent message in the rep's Sent Items by Rapport's marker", async () => {
    const graph = standIn.graph();
    await graph.sendMail(TENANT_A, AVERY.address, mailTo({ address: 'dana@contoso.example', name: 'Dana' }, 'Unrelated'));
    await graph.sendMail(TENANT_A, AVERY.address, mailTo({ address: 'dana@contoso.example', name: 'Dana' }, 'Pricing for 50 seats', [{ name: LOG_MARKER_HEADER, value: MARKER }]));

    const found = await graph.sentMessageByMarker(TENANT_A, AVERY.address, MARKER);
    expect(found).toMatchObject({
      subject: 'Pricing for 50 seats',
      body: { contentType: 'text', content: 'About Pricing for 50 seats' },
      from: { emailAddress: { address: AVERY.address, name: AVERY.name } },
      toRecipients: [{ emailAddress: { address: 'dana@contoso.example', name: 'Dana' } }],
      ccRecipients: [],
      hasAttachments: false,
    });
    expect(found?.internetMessageId).toMatch(/^<.+@rapport-demo\.com>$/);
    // Only the $selected fields travel.
    expect(standIn.server.calls().at(-1)).toEqual({ method: 'GET', path: `/v1.0/users/${encodeURIComponent(AVERY.address)}/mailFolders/sentitems/messages`, status: 200 });
  });

  it('answers null for a marker that is not there, and does not find another mailbox\'s marker', async () => {
    const graph = standIn.graph();
    await graph.sendMail(TENANT_A, AVERY.address, mailTo({ address: 'dana@contoso.example', name: 'Dana' }, 'Logged with its own marker', [{ name: LOG_MARKER_HEADER, value: 'DDDDDDDDDDDDDDDDDDDDDD' }]));
    await graph.sendMail(TENANT_A, SAM.address, mailTo({ address: 'dana@contoso.example', name: 'Dana' }, "Sam's mail", [{ name: LOG_MARKER_HEADER, value: OTHER_MARKER }]));
    expect(await graph.sentMessageByMarker(TENANT_A, AVERY.address, MARKER)).toBeNull();
    expect(await graph.sentMessageByMarker(TENANT_A, AVERY.address, OTHER_MARKER)).toBeNull();
    expect((await graph.sentMessageByMarker(TENANT_A, SAM.address, OTHER_MARKER))?.subject).toBe("Sam's mail");
  });

  it('finds the mailbox by object id as well as by address', async () => {
    const graph = standIn.graph();
    await graph.sendMail(TENANT_A, AVERY.id, mailTo({ address: 'dana@contoso.example', name: 'Dana' }, 'By id', [{ name: LOG_MARKER_HEADER, value: MARKER }]));
    expect((await graph.sentMessageByMarker(TENANT_A, AVERY.address, MARKER))?.subject).toBe('By id');
  });

  it("delivers sent mail to Sent Items and to an internal recipient's inbox, same message id and conversation", async () => {
    const graph = standIn.graph();
    await graph.sendMail(TENANT_A, AVERY.address, mailTo(SAM, 'Handover of Contoso', [{ name: LOG_MARKER_HEADER, value: MARKER }]));
    const [sent] = standIn.mail.folder(AVERY.address, 'sentitems');
    const [received] = standIn.mail.folder(SAM.address, 'inbox');
    expect(sent?.subject).toBe('Handover of Contoso');
    expect(received).toMatchObject({ subject: 'Handover of Contoso', internetMessageId: sent?.internetMessageId, conversationId: sent?.conversationId, isRead: false });
    expect(received?.id).not.toBe(sent?.id);
    // Read back through Graph, as the thread job will.
    const changes = await graph.messageChanges(TENANT_A, SAM.address, 'inbox', { since: '2000-01-01T00:00:00Z' });
    expect(changes.messages.map((message) => [message.subject, message.internetMessageId])).toEqual([['Handover of Contoso', sent?.internetMessageId]]);
  });

  it('reads delta rounds: since a time on the first, only what is new after, every page followed', async () => {
    let clock = Date.parse('2026-03-02T09:00:00Z');
    const now = () => new Date(clock);
    await standIn.close();
    standIn = await startGraphStandIn(await testIssuer(), now);
    const deliver = (subject: string, receivedDateTime: string) =>
      standIn.mail.deliverFromOutside({ from: { address: 'dana@contoso.example', name: 'Dana' }, toRecipients: [{ address: AVERY.address }], subject, body: { contentType: 'text', content: subject }, receivedDateTime });
    deliver('Before the start', '2026-02-20T10:00:00Z');
    for (let index = 0; index < 12; index++) deliver(`Question ${index + 1}`, `2026-03-01T10:${String(index).padStart(2, '0')}:00Z`);
    const graph = standIn.graph({ deltaPageSize: 5 });

    const first = await graph.messageChanges(TENANT_A, AVERY.address, 'inbox', { since: '2026-03-01T00:00:00Z' });
    expect(first.messages.map((message) => message.subject)).toEqual(Array.from({ length: 12 }, (_, index) => `Question ${index + 1}`));
    expect(first.deltaLink).toContain('$deltatoken=');
    const deltaCalls = standIn.server.calls().filter((entry) => entry.path.endsWith('/messages/delta'));
    expect(deltaCalls).toHaveLength(3);

    clock += 60_000;
    deliver('A new one', '2026-03-02T09:01:00Z');
    const second = await graph.messageChanges(TENANT_A, AVERY.address, 'inbox', { deltaLink: first.deltaLink });
    expect(second.messages.map((message) => message.subject)).toEqual(['A new one']);

    const third = await graph.messageChanges(TENANT_A, AVERY.address, 'inbox', { deltaLink: second.deltaLink });
    expect(third.messages).toEqual([]);
  });

  it('ends a round at its page bound with a link the next round goes on from', async () => {
    for (let index = 0; index < 7; index++) {
      standIn.mail.deliverFromOutside({ from: { address: 'dana@contoso.example' }, toRecipients: [{ address: AVERY.address }], subject: `Note ${index}`, body: { contentType: 'text', content: '' } });
    }
    const graph = standIn.graph({ deltaPageSize: 3, maxDeltaPages: 2 });
    const first = await graph.messageChanges(TENANT_A, AVERY.address, 'inbox', { since: '2000-01-01T00:00:00Z' });
    expect(first.messages).toHaveLength(6);
    expect(first.deltaLink).toContain('$skiptoken=');
    const rest = await graph.messageChanges(TENANT_A, AVERY.address, 'inbox', { deltaLink: first.deltaLink });
    expect(rest.messages.map((message) => message.subject)).toEqual(['Note 6']);
    expect(rest.deltaLink).toContain('$deltatoken=');
  });

  it('waits for the Retry-After of a 429 and tries again', async () => {
    standIn.server.faults.add({ method: 'GET', path: `/users/${encodeURIComponent(AVERY.address)}/mailFolders/sentitems/messages`, status: 429, retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    expect(await standIn.graph().sentMessageByMarker(TENANT_A, AVERY.address, MARKER)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(standIn.server.calls().map((entry) => entry.status)).toEqual([429, 200]);
  });

  it('gives up after its retries, saying how long Graph asked to wait', async () => {
    standIn.server.faults.add({ path: '/users/', status: 503, retryAfterSeconds: 0, times: 10 });
    const error = await standIn.graph({ maxRetries: 2 }).sendMail(TENANT_A, AVERY.address, mailTo(SAM, 'Hello')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphCallError);
    expect(error).toMatchObject({ status: 503, graphCode: 'ServiceNotAvailable', retryAfterSeconds: 0 });
    expect(standIn.server.calls()).toHaveLength(3);
    expect(standIn.mail.folder(SAM.address, 'inbox')).toEqual([]);
  });

  it('gives up on a call that does not answer in time, without retrying it', async () => {
    standIn.server.setLatency(1000);
    const error = await standIn.graph({ timeoutMs: 200 }).sentMessageByMarker(TENANT_A, AVERY.address, MARKER).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphCallError);
    expect(error).toMatchObject({ status: 0, graphCode: 'Timeout' });
  });

  it('writes OData string literals with quotes doubled', () => {
    expect(odataString("O'Brien's")).toBe("'O''Brien''s'");
  });

  it('is refused with 403 ErrorAccessDenied when the tenant did not grant Mail.Read', async () => {
    const error = await standIn.graph({ roles: ['Mail.Send'] }).sentMessageByMarker(TENANT_A, AVERY.address, MARKER).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphCallError);
    expect(error).toMatchObject({ status: 403, graphCode: 'ErrorAccessDenied' });
    const noSend = await standIn.graph({ roles: ['Mail.Read'] }).sendMail(TENANT_A, AVERY.address, mailTo(SAM, 'Hi')).catch((caught: unknown) => caught);
    expect(noSend).toMatchObject({ status: 403, graphCode: 'ErrorAccessDenied' });
  });

  it("does not let an application's token of another tenant find a mailbox", async () => {
    await standIn.graph().sendMail(TENANT_A, AVERY.address, mailTo({ address: 'dana@contoso.example', name: 'Dana' }, 'Tenant A only', [{ name: LOG_MARKER_HEADER, value: MARKER }]));
    const error = await standIn.graph().sentMessageByMarker(TENANT_B, AVERY.address, MARKER).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 404, graphCode: 'ErrorInvalidUser' });
    expect((await standIn.graph().sentMessageByMarker(TENANT_A, AVERY.address, MARKER))?.subject).toBe('Tenant A only');
  });

  it('answers 404 for a mailbox outside the directory', async () => {
    const error = await standIn.graph().messageChanges(TENANT_A, 'someone@elsewhere.example', 'inbox', { since: '2026-01-01T00:00:00Z' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 404, graphCode: 'ErrorInvalidUser' });
  });

  it("does not let a user's delegated token read another user's mailbox, nor an app token call /me", async () => {
    const issuer = await testIssuer();
    const delegated = await issuer.issueGraphToken({ tenantId: TENANT_A, userId: AVERY.id, email: AVERY.address, scopes: ['Mail.Read', 'Mail.Send'] });
    expect((await call(standIn, 'GET', `/users/${SAM.address}/mailFolders/inbox/messages`, delegated)).body.error.code).toBe('ErrorAccessDenied');
    expect((await call(standIn, 'GET', `/users/${AVERY.address}/mailFolders/inbox/messages`, delegated)).status).toBe(200);

    const app = await issuer.issueAppGraphToken({ tenantId: TENANT_A, app: LOCAL_GRAPH_APP, roles: ['Mail.Read', 'Mail.Send'] });
    const me = await call(standIn, 'GET', '/me/mailFolders/inbox/messages', app);
    expect(me).toMatchObject({ status: 400, body: { error: { code: 'BadRequest', message: '/me request is only valid with delegated authentication flow.' } } });
    // Nor the calendar's /me calls, which stay delegated-only.
    expect((await call(standIn, 'GET', '/me/mailboxSettings', app)).status).toBe(400);
  });

  it('refuses a $filter it does not support, as Graph does', async () => {
    const app = await (await testIssuer()).issueAppGraphToken({ tenantId: TENANT_A, app: LOCAL_GRAPH_APP, roles: ['Mail.Read'] });
    const response = await call(standIn, 'GET', `/users/${AVERY.address}/mailFolders/sentitems/messages?$filter=${encodeURIComponent("subject eq 'x'")}`, app);
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'ErrorInvalidUrlQueryFilter' } } });
    const quoted = `singleValueExtendedProperties/Any(ep: ep/id eq ${odataString(LOG_MARKER_PROPERTY_ID)} and ep/value eq ${odataString("it's")})`;
    expect((await call(standIn, 'GET', `/users/${AVERY.address}/mailFolders/sentitems/messages?$filter=${encodeURIComponent(quoted)}`, app)).status).toBe(200);
  });

  it('gives an app built by createTestApp the Graph client of the stand-in', async () => {
    const t = await createTestApp({ graph: standIn.graph() });
    try {
      await t.app.graph?.sendMail(TENANT_A, AVERY.address, mailTo(SAM, 'Through the app'));
      expect(standIn.mail.folder(SAM.address, 'inbox').map((message) => message.subject)).toEqual(['Through the app']);
    } finally {
      await t.close();
    }
  });
});
