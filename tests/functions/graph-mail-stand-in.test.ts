import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { LOG_MARKER_HEADER, LOG_MARKER_PROPERTY_ID } from '@rapport/shared';
import { loadConfig } from '../../functions/src/config';
import { startLocalCalendar } from '../../functions/src/local/calendar/start-local-calendar';
import { buildDemoInbox } from '../../functions/src/local/demo/demo-inbox';
import { DEMO_USER_EMAIL, DEMO_USER_ID } from '../../functions/src/local/demo/demo-data';
import { LOCAL_GRAPH_APP } from '../../functions/src/local/local-issuer';
import { localAppGraph } from '../../functions/src/local/local-mode';
import { AVERY, SAM, startGraphStandIn, type GraphStandIn } from './graph-stand-in';
import { TENANT_A, testIssuer } from './test-app';

// The local Graph stand-in's mail calls as the pane makes them (a user's delegated token on /me), with Graph's shapes
// and refusals, and the demo's inbox seeded into it.

const MARKER = 'CCCCCCCCCCCCCCCCCCCCCC';

type Answer = { status: number; body: any };

function call(url: string, ca: string, method: string, pathAndQuery: string, token: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = https.request(`${url}/v1.0${pathAndQuery}`, { method, ca, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (response) => {
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

const message = (subject: string, to: { address: string }, headers?: { name: string; value: string }[]) => ({
  message: {
    subject,
    body: { contentType: 'Text', content: `Text of ${subject}` },
    toRecipients: [{ emailAddress: { address: to.address } }],
    ...(headers ? { internetMessageHeaders: headers } : {}),
  },
});

describe("the local Graph stand-in's mail, for a signed-in user", () => {
  let standIn: GraphStandIn;
  let as: (scopes: string[]) => Promise<(method: string, pathAndQuery: string, body?: unknown) => Promise<Answer>>;
  beforeEach(async () => {
    standIn = await startGraphStandIn(await testIssuer());
    as = async (scopes) => {
      const token = await (await testIssuer()).issueGraphToken({ tenantId: TENANT_A, userId: AVERY.id, email: AVERY.address, scopes });
      return (method, pathAndQuery, body) => call(standIn.server.url, standIn.server.ca, method, pathAndQuery, token, body);
    };
  });
  afterEach(async () => {
    await standIn.close();
  });

  it('sends with Mail.Send: Sent Items keeps the x- header, shown when selected and as the extended property', async () => {
    const avery = await as(['Mail.Send', 'Mail.Read']);
    expect((await avery('POST', '/me/sendMail', message('Proposal', SAM, [{ name: LOG_MARKER_HEADER, value: MARKER }]))).status).toBe(202);
    const [sent] = standIn.mail.folder(AVERY.address, 'sentitems');
    const read = await avery('GET', `/me/messages/${encodeURIComponent(sent?.id ?? '')}?$select=subject,internetMessageHeaders&$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${LOG_MARKER_PROPERTY_ID}')`)}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      subject: 'Proposal',
      internetMessageHeaders: [{ name: LOG_MARKER_HEADER, value: MARKER }],
      singleValueExtendedProperties: [{ id: LOG_MARKER_PROPERTY_ID, value: MARKER }],
    });
    expect(read.body).not.toHaveProperty('body');
    // Without $select, no headers: Graph returns them only when asked.
    const plain = await avery('GET', `/me/messages/${encodeURIComponent(sent?.id ?? '')}`);
    expect(plain.body).toMatchObject({ subject: 'Proposal', body: { contentType: 'text', content: 'Text of Proposal' }, from: { emailAddress: { address: AVERY.address, name: AVERY.name } } });
    expect(plain.body).not.toHaveProperty('internetMessageHeaders');
  });

  it('sends files attached inline in sendMail, lists them without bytes, and gives their bytes as $value with Mail.Read only', async () => {
    const send = await as(['Mail.Send']);
    const pdfBytes = Buffer.from('%PDF-1.4 the offer');
    const sendWithFile = message('With a file', SAM);
    const body = {
      ...sendWithFile,
      message: { ...sendWithFile.message, attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'offer.pdf', contentType: 'application/pdf', contentBytes: pdfBytes.toString('base64') }] },
    };
    expect((await send('POST', '/me/sendMail', body)).status).toBe(202);
    const read = await as(['Mail.Read']);
    const [sent] = (await read('GET', '/me/mailFolders/sentitems/messages?$select=id,hasAttachments')).body.value;
    expect(sent.hasAttachments).toBe(true);
    const listed = await read('GET', `/me/messages/${encodeURIComponent(sent.id)}/attachments?$select=id,name,contentType,size,isInline`);
    expect(listed.body.value).toEqual([
      { '@odata.type': '#microsoft.graph.fileAttachment', id: expect.any(String), name: 'offer.pdf', contentType: 'application/pdf', size: pdfBytes.length, isInline: false },
    ]);
    const token = await (await testIssuer()).issueGraphToken({ tenantId: TENANT_A, userId: AVERY.id, email: AVERY.address, scopes: ['Mail.Read'] });
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      https
        .get(`${standIn.server.url}/v1.0/me/messages/${encodeURIComponent(sent.id)}/attachments/${encodeURIComponent(listed.body.value[0].id)}/$value`, { ca: standIn.server.ca, headers: { authorization: `Bearer ${token}` } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(Buffer.concat(chunks)));
        })
        .on('error', reject);
    });
    expect(bytes.equals(pdfBytes)).toBe(true);
    // Attachments are not basic: Mail.ReadBasic does not reach them.
    const basic = await as(['Mail.ReadBasic']);
    expect((await basic('GET', `/me/messages/${encodeURIComponent(sent.id)}/attachments`)).status).toBe(403);
  });

  it('refuses a custom header that is not an x- header, and a send without Mail.Send', async () => {
    const avery = await as(['Mail.Send']);
    const wrong = await avery('POST', '/me/sendMail', message('Proposal', SAM, [{ name: 'Rapport-Log', value: MARKER }]));
    expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'InvalidInternetMessageHeader' } } });
    const reader = await as(['Mail.Read']);
    expect((await reader('POST', '/me/sendMail', message('Proposal', SAM))).body.error.code).toBe('ErrorAccessDenied');
    expect(standIn.mail.folder(AVERY.address, 'sentitems')).toEqual([]);
  });

  it('replies in the same conversation, "Re:" before the subject, to the original sender', async () => {
    const [incoming] = standIn.mail.deliverFromOutside({ from: { address: 'dana@contoso.example', name: 'Dana' }, toRecipients: [{ address: AVERY.address }], subject: 'Pricing', body: { contentType: 'text', content: 'Could you send it?' } });
    const avery = await as(['Mail.Send']);
    expect((await avery('POST', `/me/messages/${encodeURIComponent(incoming?.id ?? '')}/reply`, { comment: 'Here it is.' })).status).toBe(202);
    const [reply] = standIn.mail.folder(AVERY.address, 'sentitems');
    expect(reply).toMatchObject({ subject: 'Re: Pricing', conversationId: incoming?.conversationId, toRecipients: [{ address: 'dana@contoso.example', name: 'Dana' }] });
    expect(reply?.internetMessageId).not.toBe(incoming?.internetMessageId);
    expect(reply?.body.content).toContain('Here it is.');
  });

  it('lists a folder with Mail.ReadBasic without bodies, and with Mail.Read with them', async () => {
    standIn.mail.deliverFromOutside({ from: { address: 'dana@contoso.example' }, toRecipients: [{ address: AVERY.address }], subject: 'Hello', body: { contentType: 'text', content: 'Secret terms' } });
    const basic = await (await as(['Mail.ReadBasic']))('GET', '/me/mailFolders/inbox/messages');
    expect(basic.body.value).toHaveLength(1);
    expect(basic.body.value[0]).toMatchObject({ subject: 'Hello' });
    expect(basic.body.value[0]).not.toHaveProperty('body');
    const full = await (await as(['Mail.Read']))('GET', '/me/mailFolders/Inbox/messages?$select=subject,body');
    expect(full.body.value[0]).toEqual(expect.objectContaining({ subject: 'Hello', body: { contentType: 'text', content: 'Secret terms' } }));
    expect((await (await as(['Calendars.Read']))('GET', '/me/mailFolders/inbox/messages')).status).toBe(403);
    expect((await (await as(['Mail.Read']))('GET', '/me/mailFolders/inbox/messages?$select=subject,nonsense')).body.error.code).toBe('RequestBroker--ParseUri');
  });

  it('keeps the master categories (MailboxSettings) and a message\'s categories (Mail.ReadWrite), which delta then sees', async () => {
    const [incoming] = standIn.mail.deliverFromOutside({ from: { address: 'dana@contoso.example' }, toRecipients: [{ address: AVERY.address }], subject: 'Order', body: { contentType: 'text', content: '' } });
    const settings = await as(['MailboxSettings.ReadWrite', 'Mail.ReadWrite']);
    expect((await settings('GET', '/me/outlook/masterCategories')).body).toEqual({ value: [] });
    const created = await settings('POST', '/me/outlook/masterCategories', { displayName: 'Logged to Rapport', color: 'preset7' });
    expect(created).toMatchObject({ status: 201, body: { displayName: 'Logged to Rapport', color: 'preset7' } });
    expect((await settings('POST', '/me/outlook/masterCategories', { displayName: 'logged to rapport', color: 'preset1' })).status).toBe(409);
    expect((await (await as(['MailboxSettings.Read']))('POST', '/me/outlook/masterCategories', { displayName: 'Other' })).status).toBe(403);

    const app = standIn.graph();
    const before = await app.messageChanges(TENANT_A, AVERY.address, 'inbox', { since: '2000-01-01T00:00:00Z' });
    const patched = await settings('PATCH', `/me/messages/${encodeURIComponent(incoming?.id ?? '')}`, { categories: ['Logged to Rapport'] });
    expect(patched).toMatchObject({ status: 200, body: { categories: ['Logged to Rapport'] } });
    expect((await (await as(['Mail.Read']))('PATCH', `/me/messages/${encodeURIComponent(incoming?.id ?? '')}`, { categories: [] })).status).toBe(403);
    const after = await app.messageChanges(TENANT_A, AVERY.address, 'inbox', { deltaLink: before.deltaLink });
    expect(after.messages.map((changed) => changed.subject)).toEqual(['Order']);
  });

  it('answers an app token without a role for a mail call with 403, and a token for another audience (the API) with 401', async () => {
    const issuer = await testIssuer();
    const noRoles = await issuer.issueAppGraphToken({ tenantId: TENANT_A, app: LOCAL_GRAPH_APP, roles: [] });
    expect((await call(standIn.server.url, standIn.server.ca, 'GET', `/users/${SAM.id}/mailFolders/inbox/messages`, noRoles)).body.error.code).toBe('ErrorAccessDenied');
    const api = await issuer.issue({ tenantId: TENANT_A, userId: AVERY.id });
    expect((await call(standIn.server.url, standIn.server.ca, 'GET', '/me/mailFolders/inbox/messages', api)).status).toBe(401);
  });
});

describe("the demo's inbox in the stand-in", () => {
  it("holds the demo inbox's e-mails in the demo user's inbox, with their internet message ids and stable ids", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-demo-mail-'));
    const now = new Date('2026-03-02T09:00:00Z');
    const config = loadConfig({ RAPPORT_DATA_DIR: dataDir, SEED_DEMO: 'true', LOCAL_CALENDAR_TIME_ZONE: 'Europe/Madrid' });
    const issuer = await testIssuer();
    const first = await startLocalCalendar({ config, issuer }, { port: 0, now: () => now });
    const second = await startLocalCalendar({ config, issuer }, { port: 0, now: () => now });
    try {
      const expected = buildDemoInbox(now).items.filter((item) => item.mode === 'message-read');
      const inbox = first.mail.folder(DEMO_USER_EMAIL, 'inbox');
      expect(inbox.map((item) => item.internetMessageId).sort()).toEqual(expected.map((item) => item.internetMessageId).sort());
      expect(new Set(inbox.map((item) => item.conversationId)).size).toBe(inbox.length);
      expect(second.mail.folder(DEMO_USER_EMAIL, 'inbox').map((item) => [item.id, item.conversationId])).toEqual(inbox.map((item) => [item.id, item.conversationId]));
      // The job reads it as the application, by the member's object id.
      const graph = localAppGraph(issuer, first.server);
      const read = await graph.messageChanges(TENANT_A, DEMO_USER_ID, 'inbox', { since: '2000-01-01T00:00:00Z' });
      expect(read.messages).toHaveLength(expected.length);
    } finally {
      await first.server.close();
      await second.server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
