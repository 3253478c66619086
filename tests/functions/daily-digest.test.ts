import { digestsInInbox } from '../../functions/src/local/calendar/demo-digests';
import type { StoredMessage } from '../../functions/src/local/calendar/local-mail';
import { AVERY, SAM, startGraphStandIn, type GraphStandIn } from './graph-stand-in';
import { TENANT_A, create, createTestApp, testIssuer, testStores, type TestApp } from './test-app';

// The plan of the day by e-mail (issue 20, part 3b): each opted-in member gets, once each morning in their time zone
// and language, their meetings with each customer's context, tasks due and overdue, deals closing this month and their
// goals' pace, sent by the application from their own mailbox through the Graph stand-in. Jobs run at times the test
// chooses; `again` runs a job besides its slot's own run, as a second instance or a repeated timer would.
const HOURS = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const KENJI = { id: '0c0c0c0c-0000-4000-8000-00000000000c', address: 'kenji.sato@rapport-demo.com', name: 'Kenji Sato' };
const LUCAS = { id: '0d0d0d0d-0000-4000-8000-00000000000d', address: 'lucas.ferreira@rapport-demo.com', name: 'Lucas Ferreira' };
const MORGAN = { id: '0e0e0e0e-0000-4000-8000-00000000000e', address: 'morgan.blake@rapport-demo.com', name: 'Morgan Blake' };

describe.each(testStores)('the daily plan by e-mail, on %s', (store) => {
  const clock = { now: new Date('2026-11-30T05:00:00Z') };
  const at = (iso: string) => {
    clock.now = new Date(iso);
  };
  let standIn: GraphStandIn;
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeEach(async () => {
    at('2026-11-30T05:00:00Z');
    const issuer = await testIssuer();
    standIn = await startGraphStandIn(issuer, () => clock.now);
    for (const [person, timeZone] of [[KENJI, 'Asia/Tokyo'], [LUCAS, 'America/Sao_Paulo'], [MORGAN, 'Europe/Madrid']] as const) {
      standIn.calendar.addMailbox({ ...person, tenantId: TENANT_A, timeZone, workingHours: HOURS });
    }
    // One try per call: what Graph refuses is the job's to try again, on its next run.
    t = await createTestApp({ store, now: () => clock.now, issuer, graph: standIn.graph({ maxRetries: 0 }), env: { ADDIN_PAGES_URL: 'https://rapport.example' } });
    for (const person of [AVERY, SAM, KENJI, LUCAS]) tokens[person.id] = await t.token(TENANT_A, person.id, ['rep'], person.name, person.address);
    tokens[MORGAN.id] = await t.token(TENANT_A, MORGAN.id, ['manager'], MORGAN.name, MORGAN.address);
  });
  afterEach(async () => {
    await t.close();
    await standIn.close();
  });

  /** The member's own preferences changed as they would in the pane (first read, then saved on that version). */
  const prefer = async (person: { id: string }, change: object) => {
    const read = await t.call('get-my-preferences', { token: tokens[person.id] });
    expect(read.status).toBe(200);
    const saved = await t.call('update-my-preferences', { token: tokens[person.id], body: change, headers: { 'if-match': `"${read.body.version}"` } });
    expect(saved.status).toBe(200);
    return saved.body;
  };
  const runDigest = (options: { again?: boolean } = { again: true }) => t.app.jobs.run('daily-digest', clock.now, options);
  // Sent from the member's mailbox to themselves: the stand-in keeps it in their Sent Items.
  const digestsOf = (person: { address: string }): StoredMessage[] =>
    standIn.mail.folder(person.address, 'sentitems').filter((message) => message.internetMessageHeaders.some((header) => header.name === 'x-rapport-digest'));
  const textOf = (message: StoredMessage) => message.body.content.replace(/<\/?(a|strong|span)\b[^>]*>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code))).replace(/\s+/g, ' ');

  it('sends an opted-in member one digest a morning, however often and however concurrently the job runs', async () => {
    await prefer(AVERY, { dailyDigest: true, timeZone: 'Europe/Madrid', language: 'en' });
    // 06:00 in Madrid: before Avery's 07:00, nothing goes.
    expect(await runDigest()).toMatchObject({ status: 'ran', outcome: { done: 0 } });
    expect(digestsOf(AVERY)).toEqual([]);
    at('2026-11-30T06:05:00Z');
    expect(await runDigest({})).toMatchObject({ status: 'ran', outcome: { done: 1 } });
    // The slot's second run (a timer firing twice) is refused by the runner; runs besides it (a second instance, a run
    // by hand), one after the other and two at once, send nothing more.
    expect(await runDigest({})).toMatchObject({ status: 'already-ran' });
    expect(await runDigest()).toMatchObject({ outcome: { done: 0 } });
    const concurrent = await Promise.all([runDigest(), runDigest()]);
    expect(concurrent.map((run) => (run.status === 'ran' ? run.outcome.done : -1))).toEqual([0, 0]);
    at('2026-11-30T08:50:00Z');
    await runDigest();
    const digests = digestsOf(AVERY);
    expect(digests).toHaveLength(1);
    // From Avery's own mailbox to Avery.
    expect(digests[0]).toMatchObject({ subject: 'Your day in Rapport: Monday 30 November', from: { address: AVERY.address }, toRecipients: [{ address: AVERY.address, name: AVERY.name }] });
    // The next morning brings the next one.
    at('2026-12-01T06:00:00Z');
    expect(await runDigest()).toMatchObject({ outcome: { done: 1 } });
    expect(digestsOf(AVERY).map((message) => message.subject)).toEqual(['Your day in Rapport: Tuesday 1 December', 'Your day in Rapport: Monday 30 November']);
  });

  it('sends two concurrent first runs one digest between them', async () => {
    await prefer(AVERY, { dailyDigest: true, timeZone: 'Europe/Madrid' });
    at('2026-11-30T06:00:00Z');
    const runs = await Promise.all([runDigest(), runDigest(), runDigest()]);
    expect(runs.map((run) => (run.status === 'ran' ? run.outcome.done : 0)).reduce((sum, done) => sum + done, 0)).toBe(1);
    expect(digestsOf(AVERY)).toHaveLength(1);
  });

  it('sends each member in their own morning and language: Tokyo in English, São Paulo in Portuguese', async () => {
    await prefer(KENJI, { dailyDigest: true, timeZone: 'Asia/Tokyo', language: 'en', digestHour: 8 });
    await prefer(LUCAS, { dailyDigest: true, timeZone: 'America/Sao_Paulo', language: 'pt' });
    // 23:00 UTC on 30 November is 08:00 on 1 December in Tokyo and 20:00 on the 30th in São Paulo.
    at('2026-11-30T23:00:00Z');
    await runDigest();
    expect(digestsOf(KENJI).map((message) => message.subject)).toEqual(['Your day in Rapport: Tuesday 1 December']);
    expect(digestsOf(LUCAS)).toEqual([]);
    // 10:00 UTC on 1 December is 07:00 in São Paulo; Tokyo's morning window (08:00–11:00) closed at 02:00 UTC.
    at('2026-12-01T10:00:00Z');
    await runDigest();
    expect(digestsOf(LUCAS).map((message) => message.subject)).toEqual(['Seu dia no Rapport: terça-feira, 1 de dezembro']);
    expect(textOf(digestsOf(LUCAS)[0]!)).toContain('Bom dia, Lucas Ferreira');
    expect(textOf(digestsOf(LUCAS)[0]!)).toContain('Nenhuma reunião hoje.');
    expect(digestsOf(KENJI)).toHaveLength(1);
  });

  it('sends nothing after the morning window, nor to a member who has not opted in or opted out', async () => {
    // Sam never opted in; Kenji opted in and out again.
    await prefer(KENJI, { dailyDigest: true, timeZone: 'Europe/Madrid' });
    await prefer(KENJI, { dailyDigest: false });
    // Avery opts in at 10:30 in Madrid: this morning's window (07:00–10:00) is over.
    at('2026-11-30T09:30:00Z');
    await prefer(AVERY, { dailyDigest: true, timeZone: 'Europe/Madrid' });
    expect(await runDigest()).toMatchObject({ outcome: { done: 0 } });
    at('2026-11-30T20:00:00Z');
    expect(await runDigest()).toMatchObject({ outcome: { done: 0 } });
    at('2026-12-01T06:00:00Z');
    expect(await runDigest()).toMatchObject({ outcome: { done: 1 } });
    expect([digestsOf(AVERY).length, digestsOf(SAM).length, digestsOf(KENJI).length]).toEqual([1, 0, 0]);
  });

  it('tries a send Graph refused with 503 again within the morning, and never after it', async () => {
    await prefer(AVERY, { dailyDigest: true, timeZone: 'Europe/Madrid' });
    await prefer(SAM, { dailyDigest: true, timeZone: 'Europe/Madrid' });
    standIn.server.faults.add({ method: 'POST', path: `/users/${encodeURIComponent(AVERY.address)}/sendMail`, status: 503, retryAfterSeconds: 0, times: 1 });
    at('2026-11-30T06:00:00Z');
    const refused = await runDigest();
    expect(refused).toMatchObject({ status: 'ran', outcome: { done: 1 } });
    expect(refused.status === 'ran' && refused.outcome.notes?.join()).toContain('Graph answered 503');
    expect([digestsOf(AVERY).length, digestsOf(SAM).length]).toEqual([0, 1]);
    // Not before its next run: a quarter of an hour later, it goes (once).
    at('2026-11-30T06:05:00Z');
    await runDigest();
    expect(digestsOf(AVERY)).toHaveLength(0);
    at('2026-11-30T06:15:00Z');
    expect(await runDigest()).toMatchObject({ outcome: { done: 1 } });
    at('2026-11-30T06:30:00Z');
    await runDigest();
    expect([digestsOf(AVERY).length, digestsOf(SAM).length]).toEqual([1, 1]);

    // The next morning Graph refuses every try, the last at 08:45: then it is given up, never sent late.
    standIn.server.faults.add({ method: 'POST', path: `/users/${encodeURIComponent(AVERY.address)}/sendMail`, status: 503, retryAfterSeconds: 0, times: 12 });
    const notes: string[] = [];
    for (let minutes = 0; minutes < 180; minutes += 15) {
      at(new Date(Date.parse('2026-12-01T06:00:00Z') + minutes * 60_000).toISOString());
      const run = await runDigest();
      notes.push(run.status === 'ran' ? (run.outcome.notes ?? []).join() : '');
    }
    expect(notes.filter((note) => note.includes('tried again at the next run'))).toHaveLength(11);
    expect(notes.at(-1)).toContain('the morning is over: given up');
    standIn.server.faults.clear();
    for (const time of ['2026-12-01T09:00:00Z', '2026-12-01T12:00:00Z']) {
      at(time);
      await runDigest();
    }
    await runDigest();
    expect(digestsOf(AVERY)).toHaveLength(1);
    expect(digestsOf(SAM)).toHaveLength(2);
  });

  it('does not try again a send Graph refused for good (403)', async () => {
    await prefer(AVERY, { dailyDigest: true, timeZone: 'Europe/Madrid' });
    standIn.server.faults.add({ method: 'POST', path: `/users/${encodeURIComponent(AVERY.address)}/sendMail`, status: 403, times: 1 });
    at('2026-11-30T06:00:00Z');
    const refused = await runDigest();
    expect(refused.status === 'ran' && refused.outcome.notes?.join()).toContain('not sent');
    at('2026-11-30T06:15:00Z');
    await runDigest();
    expect(digestsOf(AVERY)).toEqual([]);
  });

  it('lists the meetings with their customer, the tasks, the deals closing this month and the goal pace', async () => {
    const avery = tokens[AVERY.id]!;
    await prefer(AVERY, { dailyDigest: true, timeZone: 'Europe/Madrid', language: 'en' });
    const contoso = await create(t, 'company', { name: 'Contoso', domains: ['contoso.com'] }, avery);
    const john = await create(t, 'contact', { firstName: 'John', lastName: 'Doe', emails: ['john.doe@contoso.com'], companyId: contoso.id }, avery);
    const renewal = await create(t, 'deal', { name: 'Contoso renewal', amount: 12000, currency: 'EUR', stage: 'proposal', companyId: contoso.id, contactIds: [john.id], expectedCloseDate: '2026-11-30', nextStep: 'Send the signed order' }, avery);
    await create(t, 'deal', { name: 'Next year', amount: 5000, currency: 'EUR', stage: 'proposal', expectedCloseDate: '2027-01-15' }, avery);
    await create(t, 'activity', { kind: 'meeting', subject: 'Renewal review', at: '2026-11-30T09:30:00Z', durationMinutes: 45, contactIds: [john.id], companyId: contoso.id }, avery);
    await create(t, 'activity', { kind: 'task', subject: 'Call John back', at: '2026-11-30T15:00:00Z', contactIds: [john.id] }, avery);
    await create(t, 'activity', { kind: 'task', subject: 'Send the proposal', at: '2026-11-27T10:00:00Z', contactIds: [john.id] }, avery);
    // A won deal of 3,000 against a goal of 10,000: 29 of 30 days gone, so on pace for 31 %.
    await create(t, 'deal', { name: 'Seats', amount: 3000, currency: 'USD', stage: 'won' }, avery);
    const manager = tokens[MORGAN.id]!;
    expect((await t.call('create-goal', { token: manager, body: { scope: 'rep', memberId: AVERY.id, metric: 'wonAmount', period: 'month', start: '2026-11', target: 10000 } })).status).toBe(201);

    at('2026-11-30T06:00:00Z');
    await runDigest();
    const [digest] = digestsOf(AVERY);
    const text = textOf(digest!);
    expect(text).toContain('Good morning, Avery Quinn');
    expect(text).toContain('Here is your plan for Monday 30 November.');
    // Madrid's time, the customer and their open deal's next step.
    expect(text).toContain('10:30–11:15 Renewal review John Doe, Contoso · 1 open deal · Next step: Send the signed order');
    expect(text).toContain('Send the proposal (due 27 Nov)');
    expect(text).toContain('Call John back (16:00)');
    expect(text).toContain('Contoso renewal €12,000 · Proposal · closes 30 Nov');
    expect(text).not.toContain('Next year');
    expect(text).toContain('Won amount this month: US$3,000 of US$10,000 — at this rate: 31% by 30 Nov');
    // Names link to their record pages on the add-in's host, in the member's language.
    expect(digest!.body.content).toContain(`<a href="https://rapport.example/records/deal/${renewal.id}?lang=en">Contoso renewal</a>`);
    expect(digest!.body.content).toContain(`<a href="https://rapport.example/records/contact/${john.id}?lang=en">John Doe</a>`);
    // A rep gets no team section.
    expect(text).not.toContain('Overdue in your team');
    // The demo shows it in its inbox, as text.
    const [shown] = digestsInInbox(standIn.mail, AVERY.address);
    expect(shown).toMatchObject({ mode: 'message-read', subject: 'Your day in Rapport: Monday 30 November', scenario: 'Your plan for the day, e-mailed by Rapport each morning' });
    expect(shown!.body).toContain('• 10:30–11:15 Renewal review\nJohn Doe, Contoso · 1 open deal · Next step: Send the signed order');
  });

  it("gives a manager their team's overdue work", async () => {
    const avery = tokens[AVERY.id]!;
    for (const token of [avery, tokens[MORGAN.id]]) await t.call('get-me', { token });
    const admin = await t.token(TENANT_A, 'admin-1', ['admin'], 'Ada Admin');
    const members = (await t.call('list-members', { token: admin })).body.items as { id: string; version: number }[];
    const averyMember = members.find((member) => member.id === AVERY.id)!;
    expect((await t.call('update-member', { token: admin, params: { id: AVERY.id }, body: { managerId: MORGAN.id }, headers: { 'if-match': `"${averyMember.version}"` } })).status).toBe(200);
    await create(t, 'activity', { kind: 'task', subject: 'Chase the invoice', at: '2026-11-25T10:00:00Z' }, avery);
    await create(t, 'activity', { kind: 'task', subject: 'Call Fabrikam', at: '2026-11-26T10:00:00Z' }, avery);
    await prefer(MORGAN, { dailyDigest: true, timeZone: 'Europe/Madrid', language: 'es' });
    at('2026-11-30T06:00:00Z');
    await runDigest();
    const text = textOf(digestsOf(MORGAN)[0]!);
    expect(text).toContain('Vencido en tu equipo');
    expect(text).toContain('Avery Quinn: 2 vencidas');
    // The most recent first.
    expect(text).toContain('Avery Quinn: 2 vencidas Call Fabrikam (vencía el 26 nov) Chase the invoice (vencía el 25 nov)');
  });

  it('escapes what records say: a hostile subject is text in the e-mail, never markup', async () => {
    const avery = tokens[AVERY.id]!;
    await prefer(AVERY, { dailyDigest: true, timeZone: 'Europe/Madrid' });
    await create(t, 'activity', { kind: 'meeting', subject: '<img src=x onerror=alert(1)> & "quotes"', at: '2026-11-30T10:00:00Z' }, avery);
    await create(t, 'deal', { name: '<script>alert(2)</script>', stage: 'proposal', expectedCloseDate: '2026-11-30' }, avery);
    at('2026-11-30T06:00:00Z');
    await runDigest();
    const html = digestsOf(AVERY)[0]!.body.content;
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;quotes&#34;');
    expect(html).toContain('&#60;script&#62;alert(2)&#60;/script&#62;');
  });
});
