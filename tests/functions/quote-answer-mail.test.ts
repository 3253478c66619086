import { AVERY, SAM, startGraphStandIn, type GraphStandIn } from './graph-stand-in';
import { TENANT_A, create, createTestApp, testIssuer, testStores, type TestApp } from './test-app';

// A rep who asked for it (My preferences) gets an e-mail, in their language, when a customer answers one of their
// quotes on its page: sent by the application from their own mailbox through the Graph stand-in, once.
describe.each(testStores)('the e-mail about a quote answered, on %s', (store) => {
  const clock = { now: new Date('2026-11-30T09:00:00Z') };
  let standIn: GraphStandIn;
  let t: TestApp;
  let avery: string;
  let sam: string;

  beforeEach(async () => {
    const issuer = await testIssuer();
    standIn = await startGraphStandIn(issuer, () => clock.now);
    t = await createTestApp({ store, now: () => clock.now, issuer, graph: standIn.graph({ maxRetries: 0 }), env: { ADDIN_PAGES_URL: 'https://rapport.example' } });
    avery = await t.token(TENANT_A, AVERY.id, ['rep'], AVERY.name, AVERY.address);
    sam = await t.token(TENANT_A, SAM.id, ['rep'], SAM.name, SAM.address);
  });
  afterEach(async () => {
    await t.close();
    await standIn.close();
  });

  const prefer = async (token: string, change: object) => {
    const read = await t.call('get-my-preferences', { token });
    expect(read.body.quoteAnswerMail).toBe(false);
    const saved = await t.call('update-my-preferences', { token, body: change, headers: { 'if-match': `"${read.body.version}"` } });
    expect(saved.status).toBe(200);
    expect(saved.body.quoteAnswerMail).toBe(true);
  };
  const sentQuote = async (token: string) => {
    const deal = await create(t, 'deal', { name: 'Seats for Győr', stage: 'proposal', currency: 'EUR' }, token);
    const quote = await create(t, 'quote', { dealId: deal.id, lines: [{ name: 'Seat', quantity: 3, unitPrice: 250 }] }, token);
    return (await t.call('send-quote', { token, params: { id: quote.id }, body: {} })).body as { id: string; publicKey: string; dealId: string };
  };
  const mailsOf = (person: { address: string }) => standIn.mail.folder(person.address, 'sentitems');
  const run = () => t.app.jobs.run('quote-answer-mail', clock.now, { again: true });

  it('tells a rep who opted in, in their language, once however often the job runs; a rep who did not is not mailed', async () => {
    await prefer(avery, { quoteAnswerMail: true, language: 'es' });
    const averys = await sentQuote(avery);
    const sams = await sentQuote(sam);
    expect((await t.call('accept-quote', { token: null, params: { key: averys.publicKey }, body: { name: 'Zsófia Kovács', acceptTerms: true } })).status).toBe(200);
    expect((await t.call('decline-quote', { token: null, params: { key: sams.publicKey }, body: { reason: 'Budget' } })).status).toBe(200);
    const runs = await Promise.all([run(), run()]);
    expect(runs.map((outcome) => (outcome.status === 'ran' ? outcome.outcome.done : -1)).sort()).toEqual([0, 1]);
    await run();
    const mails = mailsOf(AVERY);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: 'Q-1 aceptado por Zsófia Kovács', from: { address: AVERY.address }, toRecipients: [{ address: AVERY.address }] });
    expect(mails[0]!.body.content).toContain('Seats for Győr');
    expect(mails[0]!.body.content).toContain('750,00');
    expect(mails[0]!.body.content).toContain(`https://rapport.example/records/deal/${averys.dealId}`);
    expect(mailsOf(SAM)).toEqual([]);
    // The timeline's note and the task are the rep's records, in the rep's language too.
    const timeline = (await t.call('deal-timeline', { token: avery, params: { id: averys.dealId } })).body.items.map((item: { subject: string }) => item.subject);
    expect(timeline).toEqual(expect.arrayContaining(['Q-1 aceptado', 'Confirmar el pedido: Q-1 fue aceptado']));
  });
});
