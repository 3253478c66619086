import fs from 'node:fs';
import path from 'node:path';
import { LOG_MARKER_HEADER, MB, type Activity, type Document } from '@rapport/shared';
import { AVERY, startGraphStandIn, type GraphStandIn } from './graph-stand-in';
import { TENANT_A, create, createTestApp, testIssuer, type TestApp, type TestStore } from './test-app';

// Logging a sent message keeps its attachments as documents (issue 19, part 4): each file streams from Graph through
// the documents' checks into the file store, under the tenant's limits; what is left out is named in the log with why.
const pdf = (size: number, fill = 0x20) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, fill)]);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const PROGRAM = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]);

const setups: [TestStore, 'directory' | 'blob'][] = [
  ['sqlite', 'directory'],
  ['cosmos', 'blob'],
];

describe.each(setups)('attachments of logged mail on %s with files in %s', (store, files) => {
  const clock = { now: new Date('2026-11-30T09:00:00Z') };
  let standIn: GraphStandIn;
  let t: TestApp;
  let avery: string;
  let john: any;
  let contoso: any;

  beforeEach(async () => {
    clock.now = new Date('2026-11-30T09:00:00Z');
    const issuer = await testIssuer();
    standIn = await startGraphStandIn(issuer, () => clock.now);
    t = await createTestApp({ store, files, now: () => clock.now, issuer, graph: standIn.graph() });
    avery = await t.token(TENANT_A, AVERY.id, ['rep'], AVERY.name, AVERY.address);
    contoso = await create(t, 'company', { name: 'Contoso', domains: ['contoso.com'] }, avery);
    john = await create(t, 'contact', { firstName: 'John', lastName: 'Doe', emails: ['john.doe@contoso.com'], companyId: contoso.id }, avery);
    // Small limits, so the test's files can cross them: 1 MB a file, 2 MB a message.
    const admin = await t.token(TENANT_A, 'admin-1', ['admin']);
    const settings = await t.call('get-settings', { token: admin });
    expect((await t.call('update-settings', { token: admin, body: { documentLimits: { maxFileMb: 1, maxMessageMb: 2 } }, headers: { 'if-match': `"${settings.body.version}"` } })).status).toBe(200);
  });
  afterEach(async () => {
    await t.close();
    await standIn.close();
  });

  const runJob = () => t.app.jobs.run('log-sent-mail', clock.now);
  const later = (minutes: number) => {
    clock.now = new Date(clock.now.getTime() + minutes * 60_000);
  };
  const documentsOf = async (recordKind: string, recordId: string) =>
    (await t.call('list-documents', { token: avery, query: { recordKind, recordId } })).body.items as Document[];
  const emailsOnJohn = async () => ((await t.call('contact-timeline', { params: { id: john.id }, token: avery })).body.items as Activity[]).filter((activity) => activity.kind === 'email');

  /** Avery sends John a message with these files, logged on send. */
  async function sendWith(attachments: { name: string; contentType: string; bytes: Buffer; isInline?: boolean }[]) {
    const check = await t.call('send-check', { token: avery, body: { to: ['john.doe@contoso.com'] } });
    const marker: string = check.body.log.marker;
    return standIn.mail.send(AVERY.address, {
      subject: 'The offer, with the drawings',
      body: { contentType: 'text', content: 'Hello John, attached.' },
      toRecipients: [{ address: 'john.doe@contoso.com' }],
      internetMessageHeaders: [{ name: LOG_MARKER_HEADER, value: marker }],
      attachments: attachments.map((attachment) => ({ name: attachment.name, contentType: attachment.contentType, isInline: attachment.isInline ?? false, contentBytes: attachment.bytes })),
    });
  }

  it('keeps each file as a document on the e-mail and its records, and names what it left out and why', async () => {
    const offer = pdf(800 * 1024);
    const drawings = pdf(900 * 1024, 0x41);
    await sendWith([
      { name: 'offer.pdf', contentType: 'application/pdf', bytes: offer },
      { name: 'logo.png', contentType: 'image/png', bytes: PNG, isInline: true },
      { name: 'site photo.png', contentType: 'image/png', bytes: PNG },
      { name: 'setup.exe', contentType: 'application/octet-stream', bytes: PROGRAM },
      { name: 'invoice.pdf', contentType: 'application/pdf', bytes: PROGRAM },
      { name: 'scan.pdf', contentType: 'application/pdf', bytes: pdf(MB + 10) },
      { name: 'drawings.pdf', contentType: 'application/pdf', bytes: drawings },
      { name: '..\\..\\more drawings.pdf', contentType: 'application/pdf', bytes: pdf(500 * 1024) },
    ]);
    later(1);
    expect(await runJob()).toMatchObject({ status: 'ran', outcome: { done: 1 } });

    const [email] = await emailsOnJohn();
    expect(email!.attachments).toEqual([
      { name: 'offer.pdf', size: offer.length, documentId: expect.any(String) },
      { name: 'site photo.png', size: PNG.length, documentId: expect.any(String) },
      { name: 'setup.exe', size: PROGRAM.length, leftOut: 'type-not-kept' },
      { name: 'invoice.pdf', size: PROGRAM.length, leftOut: 'type-not-kept' },
      { name: 'scan.pdf', size: MB + 10, leftOut: 'file-too-large' },
      { name: 'drawings.pdf', size: drawings.length, documentId: expect.any(String) },
      // 0.8 + 0.9 MB kept: this one would pass the message's 2 MB. Its name lost its path parts.
      { name: 'more drawings.pdf', size: 500 * 1024, leftOut: 'message-too-large' },
    ]);
    // The same documents on the e-mail, the contact and the company, from the e-mail.
    const kept = await documentsOf('activity', email!.id);
    expect(kept.map((document) => document.name).sort()).toEqual(['drawings.pdf', 'offer.pdf', 'site photo.png']);
    expect(kept.every((document) => document.source === 'email' && document.activityId === email!.id && document.ownerId === AVERY.id)).toBe(true);
    expect((await documentsOf('contact', john.id)).map((document) => document.id).sort()).toEqual(kept.map((document) => document.id).sort());
    expect((await documentsOf('company', contoso.id)).map((document) => document.id).sort()).toEqual(kept.map((document) => document.id).sort());
    const offerDocument = kept.find((document) => document.name === 'offer.pdf')!;
    const content = await t.call('document-content', { token: avery, params: { id: offerDocument.id } });
    expect(content.bytes?.equals(offer)).toBe(true);

    // A later run (a retry) keeps nothing twice.
    later(5);
    await runJob();
    expect(await documentsOf('contact', john.id)).toHaveLength(3);
    if (files === 'directory') expect(fs.readdirSync(path.join(t.dataDir, 'files', TENANT_A))).toHaveLength(3);
  });

  it('keeps nothing of a try that Graph broke midway, and keeps everything on the next', async () => {
    await sendWith([
      { name: 'offer.pdf', contentType: 'application/pdf', bytes: pdf(2048) },
      { name: 'annex.pdf', contentType: 'application/pdf', bytes: pdf(4096) },
    ]);
    later(1);
    // The second file's bytes fail, after the first file was kept: Graph answers 500 (not retried).
    const sent = standIn.mail.folder(AVERY.address, 'sentitems')[0]!;
    const { attachments } = sent;
    const second = `/users/${encodeURIComponent(AVERY.address)}/messages/${encodeURIComponent(sent.id)}/attachments/${encodeURIComponent(attachments[1]!.id)}/$value`;
    standIn.server.faults.add({ method: 'GET', path: second, status: 500, times: 1 });
    const failed = await runJob();
    expect(failed.status).toBe('ran');
    expect(standIn.server.calls().filter((call) => call.path.endsWith(second)).map((call) => call.status)).toEqual([500]);
    expect(await emailsOnJohn()).toEqual([]);
    if (files === 'directory') {
      const dir = path.join(t.dataDir, 'files', TENANT_A);
      expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
    }
    standIn.server.faults.clear();
    later(20);
    await runJob();
    const [email] = await emailsOnJohn();
    expect(email!.attachments?.map((note) => note.name)).toEqual(attachments.map((attachment) => attachment.name));
    expect(await documentsOf('contact', john.id)).toHaveLength(2);
  });

  it('keeps the attachments of an e-mail the rep logged in the pane, long after it came, once', async () => {
    const drawing = pdf(3000);
    const incoming = standIn.mail.deliverFromOutside({
      from: { address: 'john.doe@contoso.com', name: 'John Doe' },
      toRecipients: [{ address: AVERY.address }],
      subject: 'The RFP',
      body: { contentType: 'text', content: 'Please quote.' },
      attachments: [
        { name: 'rfp.pdf', contentType: 'application/pdf', isInline: false, contentBytes: drawing },
        { name: 'signature.png', contentType: 'image/png', isInline: true, contentBytes: PNG },
      ],
    })[0]!;
    // Half an hour later the rep opens it and logs it in the pane (which cannot read attachments), and follows it.
    later(30);
    const logged = await create(
      t,
      'activity',
      { kind: 'email', subject: 'The RFP', at: incoming.receivedDateTime, contactIds: [john.id], internetMessageId: incoming.internetMessageId, conversationId: incoming.conversationId },
      avery,
    );
    expect((await t.call('follow-thread', { token: avery, body: { activityId: logged.id } })).status).toBe(200);
    expect(await t.app.jobs.run('keep-attachments', clock.now)).toMatchObject({ status: 'ran', outcome: { done: 1 } });
    const [email] = await emailsOnJohn();
    expect(email).toMatchObject({ id: logged.id, attachments: [{ name: 'rfp.pdf', size: drawing.length, documentId: expect.any(String) }] });
    expect((await documentsOf('activity', logged.id)).map((document) => document.name)).toEqual(['rfp.pdf']);
    // Seen again by the thread's job, and followed again: kept once.
    standIn.mail.setCategories(AVERY.address, incoming.id, ['Logged to Rapport']);
    later(5);
    await t.app.jobs.run('follow-threads', clock.now);
    expect((await t.call('follow-thread', { token: avery, body: { activityId: logged.id } })).status).toBe(200);
    later(1);
    await t.app.jobs.run('keep-attachments', clock.now);
    expect(await documentsOf('contact', john.id)).toHaveLength(1);
  });

  it("does not lose a followed thread's reply whose file Graph could not give for a while, and names a file Graph will never give", async () => {
    const first = standIn.mail.deliverFromOutside({ from: { address: 'john.doe@contoso.com', name: 'John Doe' }, toRecipients: [{ address: AVERY.address }], subject: 'Specs', body: { contentType: 'text', content: 'See below.' } })[0]!;
    const logged = await create(t, 'activity', { kind: 'email', subject: 'Specs', at: first.receivedDateTime, contactIds: [john.id], internetMessageId: first.internetMessageId, conversationId: first.conversationId }, avery);
    expect((await t.call('follow-thread', { token: avery, body: { activityId: logged.id } })).status).toBe(200);
    later(1);
    const reply = standIn.mail.deliverFromOutside({
      from: { address: 'john.doe@contoso.com', name: 'John Doe' },
      toRecipients: [{ address: AVERY.address }],
      subject: 'Re: Specs',
      body: { contentType: 'text', content: 'The drawing, and the old one.' },
      conversationId: first.conversationId,
      attachments: [
        { name: 'drawing.pdf', contentType: 'application/pdf', isInline: false, contentBytes: pdf(4000) },
        { name: 'old drawing.pdf', contentType: 'application/pdf', isInline: false, contentBytes: pdf(2000) },
      ],
    })[0]!;
    const [drawing, old] = reply.attachments;
    const valueOf = (attachment: { id: string }) => `/users/${encodeURIComponent(AVERY.address)}/messages/${encodeURIComponent(reply.id)}/attachments/${encodeURIComponent(attachment.id)}/$value`;
    // Graph is down for the first file past the client's retries; the second is gone for good (404).
    standIn.server.faults.add({ method: 'GET', path: valueOf(drawing!), status: 503, retryAfterSeconds: 3600, times: 1 });
    standIn.server.faults.add({ method: 'GET', path: valueOf(old!), status: 404, times: 100 });
    later(5);
    await t.app.jobs.run('follow-threads', clock.now);
    expect((await emailsOnJohn()).map((email) => email.subject)).toEqual(['Specs']);
    later(5);
    await t.app.jobs.run('follow-threads', clock.now);
    const replyLogged = (await emailsOnJohn()).find((email) => email.subject === 'Re: Specs');
    expect(replyLogged?.attachments).toEqual([
      { name: 'drawing.pdf', size: 4000, documentId: expect.any(String) },
      { name: 'old drawing.pdf', size: 2000, leftOut: 'unreadable' },
    ]);
  });
});
