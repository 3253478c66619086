import { AVERY, SAM, startGraphStandIn, type GraphStandIn } from './graph-stand-in';
import { RecordWriter } from '../../functions/src/services/record-writer';
import { queueFollowUp } from '../../functions/src/surveys/survey-follow-up';
import { TENANT_A, create, createTestApp, testIssuer, testStores, type TestApp } from './test-app';

// Customer satisfaction (issue 22, part 3): a closed case's customer gets a CSAT survey by e-mail through Graph, from
// the case owner's mailbox (or the tenant's survey mailbox), in their language; the link answers once and expires;
// a low score makes a task for the owner's manager; contacts say no once and for all; NPS goes to a company's contacts
// once per period; reports count the answers.
describe.each(testStores)('satisfaction surveys on %s', (store) => {
  const clock = { now: new Date('2026-11-30T09:00:00Z') };
  let standIn: GraphStandIn;
  let t: TestApp;
  let admin: string;
  let avery: string;
  let sam: string;

  beforeEach(async () => {
    clock.now = new Date('2026-11-30T09:00:00Z');
    const issuer = await testIssuer();
    standIn = await startGraphStandIn(issuer, () => clock.now);
    t = await createTestApp({ store, now: () => clock.now, issuer, graph: standIn.graph({ maxRetries: 0 }), env: { API_PUBLIC_URL: 'https://api.rapport.example/' } });
    admin = await t.token(TENANT_A, 'admin-1', ['admin'], 'Ada Admin');
    avery = await t.token(TENANT_A, AVERY.id, ['rep'], AVERY.name, AVERY.address);
    sam = await t.token(TENANT_A, SAM.id, ['manager'], SAM.name, SAM.address);
    for (const token of [admin, avery, sam]) expect((await t.call('get-me', { token })).status).toBe(200);
    // Avery's manager is Sam.
    const member = (await t.call('list-members', { token: admin })).body.items.find((item: { id: string }) => item.id === AVERY.id);
    expect((await t.call('update-member', { token: admin, params: { id: AVERY.id }, body: { managerId: SAM.id }, headers: { 'if-match': `"${member.version}"` } })).status).toBe(200);
  });
  afterEach(async () => {
    await t.close();
    await standIn.close();
  });

  const setSurveys = async (surveys: object) => {
    const settings = await t.call('get-settings', { token: admin });
    const saved = await t.call('update-settings', { token: admin, body: { surveys: { ...settings.body.surveys, ...surveys } }, headers: { 'if-match': `"${settings.body.version}"` } });
    expect(saved.status).toBe(200);
    return saved.body.surveys;
  };
  const customer = async (body: object = {}) => {
    const company = await create(t, 'company', { name: 'Talleres Győr Ibérica', address: { city: 'Sevilla', country: 'Spain' } }, avery);
    const contact = await create(t, 'contact', { firstName: 'Lucía', lastName: 'Łódź-Pérez', emails: ['lucia@talleres.example'], companyId: company.id, ...body }, avery);
    return { company, contact };
  };
  const closedCase = async (contactId: string, companyId?: string) => {
    const opened = await create(t, 'case', { subject: 'La impresora imprime páginas en blanco', contactId, ...(companyId ? { companyId } : {}) }, avery);
    const closed = await t.call('update-case', { token: avery, params: { id: opened.id }, body: { status: 'closed' }, headers: { 'if-match': `"${opened.version}"` } });
    expect(closed.status).toBe(200);
    return closed.body;
  };
  const run = () => t.app.jobs.run('surveys', clock.now, { again: true });
  const sentTo = (address: string) => standIn.mail.folder(AVERY.address, 'sentitems').filter((mail) => mail.toRecipients.some((to: { address: string }) => to.address === address));
  const keyOf = (html: string) => /\/api\/public\/surveys\/([A-Za-z0-9_-]{22})/.exec(html)?.[1] ?? '';
  const surveysOf = async (query: Record<string, string>) => (await t.call('list-surveys', { token: avery, query })).body.items;

  it('sends nothing until an admin turns CSAT on', async () => {
    expect((await t.call('get-settings', { token: admin })).body.surveys).toEqual({ csatOnClose: false, contactPeriodDays: 30, npsPeriodDays: 90, validDays: 14 });
    const { contact } = await customer();
    await closedCase(contact.id);
    await run();
    expect(standIn.mail.folder(AVERY.address, 'sentitems')).toEqual([]);
    expect(await surveysOf({ contactId: contact.id })).toEqual([]);
  });

  it("sends a closed case's customer one survey in their language from the owner's mailbox, answered once; a low score tasks the manager", async () => {
    await setSurveys({ csatOnClose: true });
    const { contact, company } = await customer();
    const closed = await closedCase(contact.id, company.id);
    // Two runs at once send it once.
    await Promise.all([run(), run()]);
    await run();
    const mails = sentTo('lucia@talleres.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: '¿Qué tal lo hicimos con «La impresora imprime páginas en blanco»?', from: { address: AVERY.address } });
    const html = mails[0]!.body.content as string;
    expect(html).toContain('Hola, Lucía:');
    expect(html).toContain('https://api.rapport.example/api/public/surveys/');
    expect(html).toContain('?score=5');
    expect(html).toContain('?optOut=1');
    expect(html).not.toMatch(/<img/i);
    const [survey] = await surveysOf({ caseId: closed.id });
    expect(survey).toMatchObject({ type: 'csat', status: 'sent', contactId: contact.id, caseId: closed.id, ownerId: AVERY.id, language: 'es', sentFrom: AVERY.address });
    expect(survey.publicKey).toBeUndefined();
    const key = keyOf(html);

    // The page: the question in Spanish, the score the link chose preselected; opening it changes nothing.
    const page = await t.call('public-survey-page', { token: null, params: { key }, query: { score: '2' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('¿Qué tan satisfecho estás');
    expect(page.text).toContain('value="2" checked');
    expect(page.text).not.toContain('Łódź');
    expect((await surveysOf({ caseId: closed.id }))[0].status).toBe('sent');

    // A form without a score says so on the page; the answer then counts once.
    const empty = await t.call('answer-survey', { token: null, params: { key }, body: 'score=&comment=', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Elige una puntuación antes de enviar.');
    const outOfScale = await t.call('answer-survey', { token: null, params: { key }, body: { score: 9 } });
    expect([outOfScale.status, outOfScale.body.error.code]).toEqual([400, 'SURVEY.SCORE_OUT_OF_SCALE']);
    const answer = { score: 2, comment: 'Tardaron una semana.' };
    expect((await t.call('answer-survey', { token: null, params: { key }, body: answer })).status).toBe(200);
    expect((await t.call('answer-survey', { token: null, params: { key }, body: answer })).status).toBe(200);
    const second = await t.call('answer-survey', { token: null, params: { key }, body: { score: 5 } });
    expect([second.status, second.body.error.code]).toEqual([409, 'SURVEY.ALREADY_ANSWERED']);
    expect((await t.call('public-survey-page', { token: null, params: { key } })).text).toContain('Ya respondiste esta encuesta.');

    // The contact's card shows the latest score; the timelines the answer; the manager has a task.
    const card = (await t.call('get-contact', { token: avery, params: { id: contact.id } })).body;
    expect(card.satisfaction).toMatchObject({ type: 'csat', score: 2, surveyId: survey.id });
    const timeline = (await t.call('contact-timeline', { token: avery, params: { id: contact.id } })).body.items;
    expect(timeline.map((item: { subject: string }) => item.subject)).toEqual(expect.arrayContaining(['Satisfaction: 2 of 5', 'Call Lucía Łódź-Pérez back: satisfaction 2 of 5']));
    const task = timeline.find((item: { kind: string }) => item.kind === 'task');
    expect(task).toMatchObject({ ownerId: SAM.id, status: 'planned', priority: 'high' });
    expect(task.summary).toContain('Tardaron una semana.');

    // Reports count the answer by rep and month.
    const report = async (name: string) => (await t.call('report', { token: admin, params: { report: name }, query: { from: '2026-01', to: '2026-12' } })).body.rows;
    expect(await report('csat-by-owner')).toEqual([{ key: AVERY.id, label: AVERY.name, values: { answers: 1, average: 2, satisfiedRate: 0, low: 1 } }]);
    expect(await report('csat-by-month')).toEqual([{ key: '2026-11', label: '2026-11', values: { answers: 1, average: 2, satisfiedRate: 0, low: 1 } }]);
  });

  it('asks a contact at most once per period, never one who said no, and expires the link', async () => {
    await setSurveys({ csatOnClose: true, validDays: 2 });
    const { contact } = await customer();
    const { contact: declined } = await customer({ emails: ['no-thanks@talleres.example'], doNotSurvey: true });
    await closedCase(contact.id);
    await closedCase(contact.id);
    await closedCase(declined.id);
    await run();
    expect(sentTo('lucia@talleres.example')).toHaveLength(1);
    expect(sentTo('no-thanks@talleres.example')).toEqual([]);
    const key = keyOf(sentTo('lucia@talleres.example')[0]!.body.content);
    clock.now = new Date('2026-12-03T09:00:00Z');
    const expired = await t.call('public-survey-page', { token: null, params: { key }, headers: { accept: 'text/html', 'accept-language': 'es' } });
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('Este enlace ha caducado.');
    expect((await t.call('answer-survey', { token: null, params: { key }, body: { score: 4 } })).body.error.code).toBe('PUBLIC_LINK.EXPIRED');
    // Opting out works from an expired link too; a later case then sends nothing.
    const optOut = await t.call('survey-opt-out', { token: null, params: { key }, body: '', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });
    expect(optOut.status).toBe(303);
    expect((await t.call('get-contact', { token: avery, params: { id: contact.id } })).body.doNotSurvey).toBe(true);
    clock.now = new Date('2027-02-01T09:00:00Z');
    await closedCase(contact.id);
    await run();
    expect(sentTo('lucia@talleres.example')).toHaveLength(1);
  });

  it("sends NPS to a company's contacts once per period, as a manager's", async () => {
    const { company, contact } = await customer();
    await create(t, 'contact', { lastName: 'Sin Correo', companyId: company.id }, avery);
    const refused = await t.call('send-nps-survey', { token: avery, body: { companyId: company.id } });
    expect(refused.status).toBe(403);
    const sent = await t.call('send-nps-survey', { token: sam, body: { companyId: company.id } });
    expect(sent.status).toBe(202);
    expect(sent.body.queued).toEqual([contact.id]);
    expect(sent.body.skipped).toEqual([expect.objectContaining({ reason: 'noEmail' })]);
    const again = await t.call('send-nps-survey', { token: sam, body: { companyId: company.id } });
    expect([again.status, again.body.error.code, again.body.error.details.nextDay]).toEqual([409, 'SURVEY.NPS_TOO_SOON', '2027-02-28']);
    await run();
    const [mail] = sentTo('lucia@talleres.example');
    expect(mail!.subject).toBe('¿Nos recomendarías?');
    expect((await t.call('answer-survey', { token: null, params: { key: keyOf(mail!.body.content) }, body: { score: 9 } })).status).toBe(200);
    const rows = (await t.call('report', { token: admin, params: { report: 'nps-by-month' }, query: { from: '2026-01', to: '2026-12' } })).body.rows;
    expect(rows).toEqual([{ key: '2026-11', label: '2026-11', values: { answers: 1, promoters: 1, passives: 0, detractors: 0, nps: 100 } }]);
    expect((await t.call('get-contact', { token: avery, params: { id: contact.id } })).body.satisfaction).toMatchObject({ type: 'nps', score: 9 });
  });

  it('sends two cases closing together one survey, however the runs overlap, and none to a contact who said no since', async () => {
    await setSurveys({ csatOnClose: true });
    const { contact } = await customer();
    const { contact: changed } = await customer({ emails: ['changed-mind@talleres.example'] });
    await closedCase(contact.id);
    await closedCase(contact.id);
    await closedCase(changed.id);
    // A rep marks the second customer "do not survey" before the job runs.
    expect((await t.call('update-contact', { token: avery, params: { id: changed.id }, body: { doNotSurvey: true }, headers: { 'if-match': `"${changed.version}"` } })).status).toBe(200);
    await Promise.all([run(), run(), run()]);
    expect(sentTo('lucia@talleres.example')).toHaveLength(1);
    expect(sentTo('changed-mind@talleres.example')).toEqual([]);
  });

  it("sends a departed rep's case survey from their manager's mailbox", async () => {
    await setSurveys({ csatOnClose: true });
    const { contact } = await customer();
    await closedCase(contact.id);
    const member = (await t.call('list-members', { token: admin })).body.items.find((item: { id: string }) => item.id === AVERY.id);
    expect((await t.call('update-member', { token: admin, params: { id: AVERY.id }, body: { deactivated: true }, headers: { 'if-match': `"${member.version}"` } })).status).toBe(200);
    await run();
    const mails = standIn.mail.folder(SAM.address, 'sentitems').filter((mail) => mail.toRecipients.some((to: { address: string }) => to.address === 'lucia@talleres.example'));
    expect(mails).toHaveLength(1);
    const [survey] = (await t.call('list-surveys', { token: sam, query: { contactId: contact.id } })).body.items;
    expect(survey).toMatchObject({ ownerId: SAM.id, sentFrom: SAM.address });
  });

  it('keeps a survey waiting, and the contact free, until the API knows its public address', async () => {
    const quiet = await createTestApp({ store, now: () => clock.now, issuer: await testIssuer(), graph: standIn.graph({ maxRetries: 0 }) });
    try {
      const token = await quiet.token(TENANT_A, AVERY.id, ['rep'], AVERY.name, AVERY.address);
      const admin2 = await quiet.token(TENANT_A, 'admin-1', ['admin'], 'Ada Admin');
      const settings = await quiet.call('get-settings', { token: admin2 });
      await quiet.call('update-settings', { token: admin2, body: { surveys: { ...settings.body.surveys, csatOnClose: true } }, headers: { 'if-match': `"${settings.body.version}"` } });
      const company = await create(quiet, 'company', { name: 'Quiet Ltd' }, token);
      const contact = await create(quiet, 'contact', { lastName: 'Waits', emails: ['waits@quiet.example'], companyId: company.id }, token);
      const opened = await create(quiet, 'case', { subject: 'Slow', contactId: contact.id }, token);
      expect((await quiet.call('update-case', { token, params: { id: opened.id }, body: { status: 'closed' }, headers: { 'if-match': `"${opened.version}"` } })).status).toBe(200);
      const outcome = await quiet.app.jobs.run('surveys', clock.now, { again: true });
      expect(outcome.status === 'ran' ? outcome.outcome.notes : []).toEqual([expect.stringContaining('set API_PUBLIC_URL')]);
      expect((await quiet.call('get-contact', { token, params: { id: contact.id } })).body.lastSurveyedAt).toBeUndefined();
      quiet.app.publicAddress.listeningAt('https://late.example');
      await quiet.app.jobs.run('surveys', new Date(clock.now.getTime() + 61 * 60_000), { again: true });
      const mails = standIn.mail.folder(AVERY.address, 'sentitems').filter((mail) => mail.toRecipients.some((to: { address: string }) => to.address === 'waits@quiet.example'));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.body.content).toContain('https://late.example/api/public/surveys/');
    } finally {
      await quiet.close();
    }
  });

  it("keeps a merged contact's no, follows their opt-out link to the survivor, and counts CSAT by product", async () => {
    await setSurveys({ csatOnClose: true });
    const product = await create(t, 'product', { name: 'Impresora láser', unitPrice: 300, currency: 'EUR' }, admin);
    const { contact, company } = await customer();
    const opened = await create(t, 'case', { subject: 'Atasco', contactId: contact.id, companyId: company.id, productId: product.id }, avery);
    expect((await t.call('update-case', { token: avery, params: { id: opened.id }, body: { status: 'closed' }, headers: { 'if-match': `"${opened.version}"` } })).status).toBe(200);
    await run();
    const key = keyOf(sentTo('lucia@talleres.example')[0]!.body.content);
    expect((await t.call('answer-survey', { token: null, params: { key }, body: { score: 5 } })).status).toBe(200);
    const rows = (await t.call('report', { token: admin, params: { report: 'csat-by-product' }, query: { from: '2026-01', to: '2026-12' } })).body.rows;
    expect(rows).toEqual([{ key: product.id, label: 'Impresora láser', values: { answers: 1, average: 5, satisfiedRate: 1, low: 0 } }]);
    // Lucía is merged into another record of hers; her survey's opt-out link still reaches her.
    const survivor = await create(t, 'contact', { firstName: 'Lucía', lastName: 'Pérez', emails: ['lucia.perez@talleres.example'], companyId: company.id }, avery);
    const merged = await t.call('merge-contacts', { token: sam, params: { id: survivor.id }, body: { duplicateId: contact.id }, headers: { 'if-match': `"${survivor.version}"` } });
    expect(merged.status).toBe(200);
    expect(merged.body.survivor).toMatchObject({ satisfaction: { type: 'csat', score: 5 }, lastSurveyedAt: expect.any(String) });
    expect((await t.call('survey-opt-out', { token: null, params: { key }, body: {} })).status).toBe(200);
    expect((await t.call('get-contact', { token: avery, params: { id: survivor.id } })).body.doNotSurvey).toBe(true);
  });

  it('finishes what an answer left undone when its request stopped before it', async () => {
    await setSurveys({ csatOnClose: true });
    const { contact } = await customer();
    const closed = await closedCase(contact.id);
    await run();
    const [survey] = await surveysOf({ caseId: closed.id });
    // The answer stored, as a request that stopped right after would leave it (its follow-up queued, not done).
    const stored = (await t.app.store.get('survey', TENANT_A, survey.id))!;
    const writer = new RecordWriter({ store: t.app.store, now: () => clock.now });
    const answered = await writer.change('survey', { tenantId: TENANT_A, userId: AVERY.id }, stored, { status: 'answered', score: 1, answeredAt: clock.now.toISOString() }, { origin: 'system' });
    await queueFollowUp(t.app.store, answered, clock.now);
    await t.app.jobs.run('surveys', new Date(clock.now.getTime() + 3 * 60_000), { again: true });
    const timeline = (await t.call('contact-timeline', { token: avery, params: { id: contact.id } })).body.items.map((item: { subject: string }) => item.subject);
    expect(timeline).toEqual(expect.arrayContaining(['Satisfaction: 1 of 5', 'Call Lucía Łódź-Pérez back: satisfaction 1 of 5']));
    expect((await t.app.store.get('survey', TENANT_A, survey.id))!.followedUpAt).toBeDefined();
  });
});
