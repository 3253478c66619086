import { LOG_MARKER_HEADER, type Activity } from '@rapport/shared';
import { AVERY, SAM, startGraphStandIn, type GraphStandIn } from './graph-stand-in';
import { TENANT_A, TENANT_B, create, createTestApp, testIssuer, testStores, type TestApp } from './test-app';

// Logging without a click (issue 19, part 3): the send check queues the capture and answers its marker; the message
// goes out with the marker as an internet header (here: sent through the Graph stand-in, as Outlook would); the
// log-sent-mail job finds it in the rep's Sent Items and logs it once; the follow-threads job logs the thread's next
// messages, in and out. Jobs run through the local dev route's runner, at times the test chooses.
describe.each(testStores)('on %s', (store) => {
  const clock = { now: new Date('2026-11-30T09:00:00Z') };
  const later = (minutes: number) => {
    clock.now = new Date(clock.now.getTime() + minutes * 60_000);
  };
  let standIn: GraphStandIn;
  let t: TestApp;
  let avery: string;
  let contoso: any;
  let john: any;

  beforeEach(async () => {
    clock.now = new Date('2026-11-30T09:00:00Z');
    const issuer = await testIssuer();
    standIn = await startGraphStandIn(issuer, () => clock.now);
    t = await createTestApp({ store, now: () => clock.now, issuer, graph: standIn.graph() });
    avery = await t.token(TENANT_A, AVERY.id, ['rep'], AVERY.name, AVERY.address);
    contoso = await create(t, 'company', { name: 'Contoso', domains: ['contoso.com'] }, avery);
    john = await create(t, 'contact', { firstName: 'John', lastName: 'Doe', emails: ['john.doe@contoso.com'], companyId: contoso.id }, avery);
  });
  afterEach(async () => {
    await t.close();
    await standIn.close();
  });

  const runJob = (name: string) => t.app.jobs.run(name, clock.now);
  const timelineOf = async (kind: string, id: string, token = avery) => (await t.call(`${kind}-timeline`, { params: { id }, token })).body.items as Activity[];
  const emailsOn = async (kind: string, id: string, token = avery) => (await timelineOf(kind, id, token)).filter((activity) => activity.kind === 'email');
  /** Avery presses Send: the check, then the message goes with the marker the check gave (if any). */
  const send = async (mail: { to: string[]; subject: string; text: string; log?: object; dealId?: string }, options: { conversationId?: string } = {}) => {
    const check = await t.call('send-check', { token: avery, body: { to: mail.to, ...(mail.log ? { log: mail.log } : {}), ...(mail.dealId ? { dealId: mail.dealId } : {}) } });
    expect(check.status).toBe(200);
    const marker: string | undefined = check.body.log?.marker;
    const sent = standIn.mail.send(
      AVERY.address,
      {
        subject: mail.subject,
        body: { contentType: 'html', content: `<p>${mail.text}</p>` },
        toRecipients: mail.to.map((address) => ({ address })),
        ...(marker ? { internetMessageHeaders: [{ name: LOG_MARKER_HEADER, value: marker }] } : {}),
      },
      options,
    );
    return { check: check.body, sent, marker };
  };

  it('logs a sent message found by its marker once, to its people and the deal chosen, as text, and follows its thread', async () => {
    const deal = await create(t, 'deal', { name: 'Contoso renewal', amount: 5000, currency: 'EUR', stage: 'proposal', contactIds: [john.id], companyId: contoso.id }, avery);
    const { sent, marker } = await send({ to: ['john.doe@contoso.com'], subject: 'Your renewal', text: 'Hello John,<br>here is the <b>offer</b>.', dealId: deal.id });
    expect(marker).toBeDefined();
    // Not looked for before a minute has passed.
    expect((await runJob('log-sent-mail')).status).toBe('ran');
    expect(await emailsOn('contact', john.id)).toEqual([]);
    later(1);
    const run = await runJob('log-sent-mail');
    expect(run).toMatchObject({ status: 'ran', outcome: { done: 1 } });
    const [logged] = await emailsOn('contact', john.id);
    expect(logged).toMatchObject({
      subject: 'Your renewal',
      summary: 'Hello John,\nhere is the offer.',
      internetMessageId: sent.internetMessageId,
      conversationId: sent.conversationId,
      contactIds: [john.id],
      companyId: contoso.id,
      dealId: deal.id,
      ownerId: AVERY.id,
      status: 'done',
    });
    expect(logged!.participants).toEqual([
      { email: AVERY.address, name: AVERY.name, role: 'from' },
      { email: 'john.doe@contoso.com', role: 'to' },
    ]);
    expect((await emailsOn('company', contoso.id)).map((activity) => activity.id)).toEqual([logged!.id]);
    expect((await emailsOn('deal', deal.id)).map((activity) => activity.id)).toEqual([logged!.id]);
    // Done: a later run (a retry) finds nothing to do and logs nothing twice.
    later(5);
    expect((await runJob('log-sent-mail')).status).toBe('ran');
    expect(await emailsOn('contact', john.id)).toHaveLength(1);
    // The thread is followed, to the same records.
    const threads = (await t.call('list-threads', { token: avery })).body.items;
    expect(threads).toMatchObject([{ conversationId: sent.conversationId, following: true, contactIds: [john.id], dealId: deal.id, ownerId: AVERY.id }]);
  });

  it('logs once when the pane logged the message first, and ignores a message without the marker', async () => {
    const { sent } = await send({ to: ['john.doe@contoso.com'], subject: 'Quote', text: 'Attached.' });
    // The same message logged from the pane (its internet message id) before the job looks.
    const pane = await t.call('create-activity', {
      token: avery,
      body: { kind: 'email', subject: 'Quote', at: clock.now.toISOString(), contactIds: [john.id], internetMessageId: sent.internetMessageId },
    });
    expect(pane.status).toBe(201);
    standIn.mail.send(AVERY.address, { subject: 'No marker', body: { contentType: 'text', content: 'Hi' }, toRecipients: [{ address: 'john.doe@contoso.com' }] });
    later(1);
    expect((await runJob('log-sent-mail')).status).toBe('ran');
    expect((await emailsOn('contact', john.id)).map((activity) => activity.subject)).toEqual(['Quote']);
  });

  it('logs nothing when the rep switched Log on send off, or wrote to strangers only', async () => {
    const off = await send({ to: ['john.doe@contoso.com'], subject: 'Personal', text: 'Lunch?', log: { choice: 'off' } });
    const strangers = await send({ to: ['ana@fabrikam.example'], subject: 'Hello', text: 'Hi Ana' });
    expect([off.marker, strangers.marker]).toEqual([undefined, undefined]);
    later(1);
    await runJob('log-sent-mail');
    expect(await emailsOn('contact', john.id)).toEqual([]);
  });

  it("looks again later for a message not sent yet, and drops a capture after two days; another tenant's marker logs nothing", async () => {
    // The check ran, and the message never went out (the rep chose "Don't send"): only its capture exists.
    const marker: string | undefined = (await t.call('send-check', { token: avery, body: { to: ['john.doe@contoso.com'] } })).body.log?.marker;
    // A message like it, to the same person, but without the marker, is not taken for it.
    standIn.mail.send(AVERY.address, { subject: 'Draft', body: { contentType: 'text', content: 'x' }, toRecipients: [{ address: 'john.doe@contoso.com' }] });
    later(1);
    await runJob('log-sent-mail');
    expect(await emailsOn('contact', john.id)).toEqual([]);
    const waiting = await t.app.store.getWork('log-sent-mail', marker!);
    expect(waiting?.attempts).toBe(1);
    expect(Date.parse(waiting!.dueAt)).toBeGreaterThan(clock.now.getTime());
    // Tenant B's rep sends with tenant A's marker on it: the job looks in A's rep's mailbox only, and B logs nothing.
    const bea = await t.token(TENANT_B, SAM.id, ['rep'], SAM.name, SAM.address);
    await create(t, 'contact', { lastName: 'Doe', emails: ['john.doe@contoso.com'] }, bea);
    standIn.mail.send(SAM.address, {
      subject: 'Copied marker',
      body: { contentType: 'text', content: 'x' },
      toRecipients: [{ address: 'john.doe@contoso.com' }],
      internetMessageHeaders: [{ name: LOG_MARKER_HEADER, value: marker! }],
    });
    later(60 * 49);
    await runJob('log-sent-mail');
    expect(await t.app.store.getWork('log-sent-mail', marker!)).toBeNull();
    expect(await emailsOn('contact', john.id)).toEqual([]);
    const beasJohn = (await t.call('list-contacts', { token: bea })).body.items[0];
    expect(await emailsOn('contact', beasJohn.id, bea)).toEqual([]);
  });

  it("logs the thread's next messages, in and out, without a click, until the rep stops following it", async () => {
    const { sent } = await send({ to: ['john.doe@contoso.com'], subject: 'Project plan', text: 'Draft attached.' });
    later(1);
    await runJob('log-sent-mail');
    // John answers in the same conversation, and Avery replies; an unrelated message comes in too.
    later(10);
    standIn.mail.deliverFromOutside({
      from: { address: 'john.doe@contoso.com', name: 'John Doe' },
      toRecipients: [{ address: AVERY.address }],
      subject: 'RE: Project plan',
      body: { contentType: 'text', content: 'Looks good.' },
      conversationId: sent.conversationId,
    });
    standIn.mail.deliverFromOutside({ from: { address: 'news@letters.example' }, toRecipients: [{ address: AVERY.address }], subject: 'Newsletter', body: { contentType: 'text', content: '…' } });
    later(1);
    standIn.mail.send(AVERY.address, { subject: 'RE: Project plan', body: { contentType: 'text', content: 'Thanks!' }, toRecipients: [{ address: 'john.doe@contoso.com' }] }, { conversationId: sent.conversationId });
    later(5);
    const run = await runJob('follow-threads');
    expect(run).toMatchObject({ status: 'ran', outcome: { done: 2 } });
    expect((await emailsOn('contact', john.id)).map((activity) => activity.summary)).toEqual(['Thanks!', 'Looks good.', 'Draft attached.']);
    // The next round reads only what is new: nothing twice.
    later(5);
    expect(await runJob('follow-threads')).toMatchObject({ outcome: { done: 0 } });

    // Stopped: the thread's later messages stay out of the CRM.
    const [thread] = (await t.call('list-threads', { token: avery })).body.items;
    const stopped = await t.call('update-thread', { token: avery, params: { id: thread.id }, headers: { 'if-match': `"${thread.version}"` }, body: { following: false } });
    expect(stopped.status).toBe(200);
    standIn.mail.deliverFromOutside({ from: { address: 'john.doe@contoso.com' }, toRecipients: [{ address: AVERY.address }], subject: 'RE: Project plan', body: { contentType: 'text', content: 'One more thing' }, conversationId: sent.conversationId });
    later(5);
    expect(await runJob('follow-threads')).toMatchObject({ outcome: { done: 0 } });
    expect(await emailsOn('contact', john.id)).toHaveLength(3);
    // Nothing followed any more: the mailbox is no longer read.
    expect(await t.app.store.getWork('follow-threads', `${TENANT_A}|${AVERY.id}`)).toBeNull();
  });

  it("names a never-log recipient in the check when the message will be logged, and leaves them out of the log", async () => {
    const current = await t.call('get-my-never-log', { token: avery });
    const saved = await t.call('update-my-never-log', { token: avery, body: { entries: ['gmail.com'] }, headers: { 'if-match': `"${current.body.version}"` } });
    expect(saved.status).toBe(200);
    const { check, sent } = await send({ to: ['john.doe@contoso.com', 'mum@gmail.com'], subject: 'Family and work', text: 'Hi both' });
    // Named as left out of the log, not as missing from the CRM.
    expect(check.alerts).toEqual([{ kind: 'never-log', email: 'mum@gmail.com', name: null, list: 'mine' }]);
    later(1);
    await runJob('log-sent-mail');
    const [logged] = await emailsOn('contact', john.id);
    expect(logged?.internetMessageId).toBe(sent.internetMessageId);
    expect(logged?.participants.map((participant) => participant.email)).toEqual([AVERY.address, 'john.doe@contoso.com']);
    // To never-log addresses alone: nothing to log, and nothing said.
    const alone = await send({ to: ['mum@gmail.com'], subject: 'Dinner', text: 'Sunday?', log: { choice: 'on' } });
    expect(alone.check).toMatchObject({ alerts: [], log: null });
  });

  it('drops the capture when Send is pressed again after the rep switched logging off', async () => {
    const first = await t.call('send-check', { token: avery, body: { to: ['john.doe@contoso.com'] } });
    const marker = first.body.log.marker as string;
    // Don't Send; the switch off; Send again: the message still carries the marker, but nothing is logged.
    const again = await t.call('send-check', { token: avery, body: { to: ['john.doe@contoso.com'], log: { choice: 'off', marker } } });
    expect(again.body.log).toBeNull();
    expect(await t.app.store.getWork('log-sent-mail', marker)).toBeNull();
    standIn.mail.send(AVERY.address, { subject: 'Private', body: { contentType: 'text', content: 'x' }, toRecipients: [{ address: 'john.doe@contoso.com' }], internetMessageHeaders: [{ name: LOG_MARKER_HEADER, value: marker }] });
    later(1);
    await runJob('log-sent-mail');
    expect(await emailsOn('contact', john.id)).toEqual([]);
  });

  it('goes on with the other captures when one cannot be logged (its deal deleted since), and drops it after a few tries', async () => {
    const deal = await create(t, 'deal', { name: 'Short-lived', amount: 10, currency: 'EUR', stage: 'proposal', contactIds: [john.id] }, avery);
    const doomed = await send({ to: ['john.doe@contoso.com'], subject: 'About the short-lived deal', text: 'x', dealId: deal.id });
    await t.call('delete-deal', { token: avery, params: { id: deal.id }, headers: { 'if-match': `"${deal.version}"` } });
    later(1);
    await send({ to: ['john.doe@contoso.com'], subject: 'Fine', text: 'y' });
    later(1);
    const run = await runJob('log-sent-mail');
    expect(run).toMatchObject({ status: 'ran', outcome: { done: 1 } });
    expect((await emailsOn('contact', john.id)).map((activity) => activity.subject)).toEqual(['Fine']);
    for (let run = 0; run < 6; run++) {
      later(16);
      await runJob('log-sent-mail');
    }
    expect(await t.app.store.getWork('log-sent-mail', doomed.marker!)).toBeNull();
  });

  it("keeps a followed thread's internal messages out of the CRM, and logs a reply sent with its marker to the thread's case", async () => {
    const serviceCase = await create(t, 'case', { subject: 'Broken delivery', contactId: john.id }, avery);
    const incoming = standIn.mail.deliverFromOutside({ from: { address: 'john.doe@contoso.com' }, toRecipients: [{ address: AVERY.address }], subject: 'Broken delivery', body: { contentType: 'text', content: 'It broke.' } })[0]!;
    const logged = await create(t, 'activity', { kind: 'email', subject: 'Broken delivery', at: clock.now.toISOString(), contactIds: [john.id], caseId: serviceCase.id, internetMessageId: incoming.internetMessageId, conversationId: incoming.conversationId }, avery);
    expect((await t.call('follow-thread', { token: avery, body: { activityId: logged.id } })).status).toBe(200);
    // Avery writes to Sam alone in the conversation: internal, never on John's timeline.
    later(2);
    standIn.mail.send(AVERY.address, { subject: 'FW: Broken delivery', body: { contentType: 'text', content: 'our floor price is 3k' }, toRecipients: [{ address: SAM.address }] }, { conversationId: incoming.conversationId });
    // And answers John, Log on send on by default: the reply goes to the thread's case as well.
    const check = await t.call('send-check', { token: avery, body: { to: ['john.doe@contoso.com'], conversationId: incoming.conversationId } });
    const reply = standIn.mail.send(
      AVERY.address,
      { subject: 'RE: Broken delivery', body: { contentType: 'text', content: 'A new one is on its way.' }, toRecipients: [{ address: 'john.doe@contoso.com' }], internetMessageHeaders: [{ name: LOG_MARKER_HEADER, value: check.body.log.marker }] },
      { conversationId: incoming.conversationId },
    );
    later(5);
    await runJob('log-sent-mail');
    await runJob('follow-threads');
    const emails = await emailsOn('contact', john.id);
    expect(emails.map((activity) => activity.summary)).not.toContain('our floor price is 3k');
    expect(emails.find((activity) => activity.internetMessageId === reply.internetMessageId)).toMatchObject({ caseId: serviceCase.id });
  });

  it('follows the thread of an e-mail logged in the pane, and answers it with the lookup', async () => {
    const incoming = standIn.mail.deliverFromOutside({ from: { address: 'john.doe@contoso.com', name: 'John Doe' }, toRecipients: [{ address: AVERY.address }], subject: 'Question', body: { contentType: 'text', content: '?' } })[0]!;
    const logged = await create(
      t,
      'activity',
      { kind: 'email', subject: 'Question', at: clock.now.toISOString(), contactIds: [john.id], internetMessageId: incoming.internetMessageId, conversationId: incoming.conversationId },
      avery,
    );
    const followed = await t.call('follow-thread', { token: avery, body: { activityId: logged.id } });
    expect(followed.status).toBe(200);
    expect(followed.body).toMatchObject({ conversationId: incoming.conversationId, following: true, contactIds: [john.id], companyId: contoso.id });
    // Following again is the same thread.
    expect((await t.call('follow-thread', { token: avery, body: { activityId: logged.id } })).body.id).toBe(followed.body.id);
    const lookup = await t.call('lookup', { token: avery, body: { emails: ['john.doe@contoso.com'], internetMessageId: incoming.internetMessageId } });
    expect(lookup.body.followedThread).toMatchObject({ id: followed.body.id, following: true });
    // A note has no conversation: 409 with its own code.
    const note = await create(t, 'activity', { kind: 'note', subject: 'n', at: clock.now.toISOString(), contactIds: [john.id] }, avery);
    const refused = await t.call('follow-thread', { token: avery, body: { activityId: note.id } });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'THREAD.NO_CONVERSATION']);
  });
});
