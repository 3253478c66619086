import fs from 'node:fs';
import { sendCheckRoute, type SendAlert } from '@rapport/shared';
import { EVENTS_JS, loadEventRuntime, localHost, type FetchCall, type RuntimeOptions } from './event-runtime';

// The built events.js, run as classic Outlook on Windows runs it: alone, in a JavaScript-only runtime without a DOM.

const customer = { emailAddress: 'ana.costa@contoso.com', displayName: 'Ana Costa' };
const stranger = { emailAddress: 'new.person@fabrikam.example', displayName: 'New Person' };
const answering = (alerts: SendAlert[], log: { marker: string } | null = null) => localHost(() => ({ status: 200, body: { alerts, staleDealDays: 14, log } }));
const MARKER = 'Q2hvb3NlIHRoZSBtYXJrZX';
const sendWith = (options: Partial<RuntimeOptions> & Pick<RuntimeOptions, 'answer'>) => {
  const runtime = loadEventRuntime({ to: [customer], ...options });
  return { runtime, completion: runtime.send() };
};
const checkCall = (calls: FetchCall[]) => calls.find((call) => call.url.endsWith('/api/send-check'));

const urgentCase: SendAlert = { kind: 'urgent-case', email: 'ana.costa@contoso.com', name: 'Ana Costa', caseId: 'c1', number: 1042, subject: 'Server down' };
const overdue: SendAlert = { kind: 'overdue-promise', email: 'ana.costa@contoso.com', name: 'Ana Costa', activityId: 'a1', subject: 'Send the revised quote', dueAt: '2026-11-05T17:00:00.000Z' };
const staleDeal: SendAlert = {
  kind: 'stale-deal',
  email: 'ana.costa@contoso.com',
  name: 'Ana Costa',
  dealId: 'd1',
  dealName: 'Expansion 2027',
  lastWorkedAt: new Date(Date.now() - 23 * 24 * 3600 * 1000 - 60_000).toISOString(),
  days: 14,
};
const notInCrm: SendAlert = { kind: 'not-in-crm', email: 'new.person@fabrikam.example', name: 'New Person' };

describe('events.js in a JavaScript-only runtime', () => {
  it('is one small script with no imports, no React and no Fluent, and needs no DOM', () => {
    const source = fs.readFileSync(EVENTS_JS, 'utf8');
    expect(source).not.toMatch(/^\s*import\s|\bimport\(/m);
    expect(source).not.toMatch(/react|fluentui|griffel/i);
    expect(source.length).toBeLessThan(30 * 1024);
    const { runtime } = sendWith({ answer: answering([]) });
    expect(['window', 'document', 'localStorage', 'sessionStorage', 'location', 'navigator'].map((name) => [name, runtime.typeOf(name)])).toEqual(
      ['window', 'document', 'localStorage', 'sessionStorage', 'location', 'navigator'].map((name) => [name, 'undefined']),
    );
    expect(runtime.associated).toEqual(['onMessageSendHandler']);
  });

  it("lets the message go when nothing is to be said, after asking the API about every recipient, signed in as the mailbox's owner", async () => {
    const { runtime, completion } = sendWith({ cc: [{ emailAddress: 'bo@tailspin.example' }], bcc: [stranger], answer: answering([]) });
    expect(await completion).toEqual({ allowEvent: true });
    const call = checkCall(runtime.calls);
    expect(call?.url).toBe(`https://addin.example${sendCheckRoute.path}`);
    expect(call?.method).toBe('POST');
    expect(call?.headers.authorization).toBe('Bearer local-token');
    expect(call?.body).toEqual({
      to: ['"Ana Costa" <ana.costa@contoso.com>'],
      cc: ['bo@tailspin.example'],
      bcc: ['"New Person" <new.person@fabrikam.example>'],
      // The rep made no choice in the pane: the API decides by the tenant's rule.
      log: { choice: 'auto' },
    });
    // The token is the local issuer's for the mailbox's owner, as the pane's.
    expect(runtime.calls.find((one) => one.url === 'https://addin.example/dev/token')?.body).toMatchObject({ tenantId: 'tenant-demo', userId: 'user-demo' });
    expect(runtime.notifications).toEqual([]);
  });

  it('sends a message with no recipients without asking the API', async () => {
    const { runtime, completion } = sendWith({ to: [], answer: answering([urgentCase]) });
    expect(await completion).toEqual({ allowEvent: true });
    expect(checkCall(runtime.calls)).toBeUndefined();
  });

  it('stops a message to someone the CRM lacks with the Smart Alert: Send Anyway, and Create contact opening the pane on that address', async () => {
    const { completion } = sendWith({ to: [customer, stranger], answer: answering([notInCrm]) });
    const completed = await completion;
    expect(completed).toEqual({
      allowEvent: false,
      errorMessage: 'New Person <new.person@fabrikam.example> is not in the CRM.',
      sendModeOverride: 'promptUser',
      cancelLabel: 'Create contact',
      commandId: 'MessageCompose.OpenPane',
      contextData: JSON.stringify({ createContact: 'new.person@fabrikam.example' }),
    });
  });

  it.each([
    ['an urgent open case, with its number and subject', urgentCase, '– Urgent case #1042 is open: Server down.'],
    ['an overdue promise, with its subject and due date', overdue, '– Overdue: “Send the revised quote”, due Nov 5, 2026.'],
    ['a deal with no activity for longer than the setting', staleDeal, '– No activity for 23 days on the deal “Expansion 2027”.'],
  ])('stops the message to say %s, under the recipient it concerns, always offering Send Anyway', async (_, alert, text) => {
    const { completion } = sendWith({ answer: answering([alert]) });
    expect(await completion).toEqual({ allowEvent: false, errorMessage: `Ana Costa <ana.costa@contoso.com>:\n${text}`, sendModeOverride: 'promptUser' });
  });

  it("says a customer's several quiet deals on one line, the shortest silence first", async () => {
    const older: SendAlert = { ...staleDeal, dealId: 'd2', dealName: 'Support renewal', lastWorkedAt: new Date(Date.parse(staleDeal.lastWorkedAt) - 40 * 86_400_000).toISOString(), days: 63 };
    const { completion } = sendWith({ answer: answering([urgentCase, staleDeal, older]) });
    expect(await completion).toMatchObject({
      errorMessage: 'Ana Costa <ana.costa@contoso.com>:\n– Urgent case #1042 is open: Server down.\n– No activity for 23 days or more on 2 deals: “Expansion 2027”, “Support renewal”.',
    });
  });

  it('says several things on lines of their own, within the 500 characters Outlook shows, counting what does not fit', async () => {
    const many: SendAlert[] = [
      notInCrm,
      { ...notInCrm, email: 'other@fabrikam.example', name: null },
      ...Array.from({ length: 12 }, (_, index): SendAlert => ({ ...urgentCase, caseId: `c${index}`, number: 2000 + index, subject: `A long subject about problem number ${index} that goes on and on` })),
    ];
    const completed = await sendWith({ answer: answering(many) }).completion;
    const message = completed.errorMessage as string;
    expect(message.length).toBeLessThanOrEqual(500);
    const lines = message.split('\n');
    expect(lines[0]).toBe('2 recipients are not in the CRM: new.person@fabrikam.example, other@fabrikam.example.');
    expect(lines[1]).toBe('Ana Costa <ana.costa@contoso.com>:');
    expect(lines[2]).toBe('– Urgent case #2000 is open: A long subject about problem number 0 that goes on and on.');
    expect(lines[lines.length - 1]).toMatch(/^And \d+ more\.$/);
    // What is shown and what is counted make the 12 cases.
    expect(lines.length - 3 + Number(/\d+/.exec(lines[lines.length - 1] as string)?.[0])).toBe(12);
    expect(completed.contextData).toBe(JSON.stringify({ createContact: 'new.person@fabrikam.example' }));
  });

  it.each([
    ['es-ES', 'New Person <new.person@fabrikam.example> no está en el CRM.', 'Crear contacto', '– Pendiente: «Send the revised quote», vencía el 5 nov 2026.'],
    ['pt-BR', 'New Person <new.person@fabrikam.example> não está no CRM.', 'Criar contato', '– Atrasado: “Send the revised quote”, prazo 5 de nov. de 2026.'],
    ['it-IT', 'New Person <new.person@fabrikam.example> non è nel CRM.', 'Crea contatto', '– In ritardo: «Send the revised quote», scadenza 5 nov 2026.'],
  ])('speaks Office’s display language, %s', async (displayLanguage, first, label, second) => {
    const completed = await sendWith({ displayLanguage, answer: answering([notInCrm, overdue]) }).completion;
    expect(completed.errorMessage).toBe(`${first}\nAna Costa <ana.costa@contoso.com>:\n${second}`);
    expect(completed.cancelLabel).toBe(label);
    expect((completed.cancelLabel as string).length).toBeLessThanOrEqual(20);
  });

  it('lets the message go when the API has not answered by the deadline, aborting the request, and tells the rep nothing was checked', async () => {
    const { runtime, completion } = sendWith({ answer: localHost(() => 'never') });
    expect(await completion).toEqual({ allowEvent: true });
    expect(checkCall(runtime.calls)?.signal?.aborted).toBe(true);
    expect(runtime.notifications).toEqual([
      {
        key: 'rapport-send-check',
        details: {
          type: 'informationalMessage',
          message: 'Rapport could not check this e-mail before it was sent: the CRM did not answer in time. It will not be logged.',
          icon: 'Icon.16',
          persistent: false,
        },
      },
    ]);
  });

  it.each([
    ['the API fails', localHost(() => ({ status: 500, body: { error: { code: 'INTERNAL' } } }))],
    ['the pages cannot give the configuration', () => ({ status: 503, body: {} })],
  ])('lets the message go, saying nothing was checked, when %s', async (_, answer) => {
    const { runtime, completion } = sendWith({ displayLanguage: 'es-ES', answer });
    expect(await completion).toEqual({ allowEvent: true });
    expect(runtime.notifications.map((notice) => notice.details.message)).toEqual(['Rapport no pudo revisar este correo antes de enviarlo: el CRM no respondió a tiempo. No se registrará.']);
  });

  it('lets the message go when Outlook does not say where the add-in comes from (Mailbox below 1.14, no page)', async () => {
    const { runtime, completion } = sendWith({ runtimeUrl: null, answer: answering([urgentCase]) });
    expect(await completion).toEqual({ allowEvent: true });
    expect(runtime.calls).toEqual([]);
  });

  it("finds the API from the page's own address in Outlook on the web's browser runtime", async () => {
    const { runtime, completion } = sendWith({ runtimeUrl: null, location: { origin: 'https://pages.example' }, answer: answering([]) });
    expect(await completion).toEqual({ allowEvent: true });
    expect(checkCall(runtime.calls)?.url).toBe('https://pages.example/api/send-check');
  });

  it("signs in with Office's own token in Entra mode, and calls the API where the configuration says", async () => {
    const answer = localHost(() => ({ status: 200, body: { alerts: [], staleDealDays: 14 } }), { authMode: 'entra', apiBaseUrl: 'https://api.example', clientId: 'c', apiScope: 's' });
    const { runtime, completion } = sendWith({ answer: (call) => answer({ ...call, url: call.url.replace('https://api.example', 'https://addin.example') }) });
    expect(await completion).toEqual({ allowEvent: true });
    expect(checkCall(runtime.calls)?.url).toBe('https://api.example/api/send-check');
    expect(checkCall(runtime.calls)?.headers.authorization).toBe('Bearer entra-sso-token');
    expect(runtime.calls.some((call) => call.url.endsWith('/dev/token'))).toBe(false);
  });

  describe('Log on send', () => {
    const choice = (value: Record<string, unknown>) => ({ rapportLogOnSend: JSON.stringify(value) });

    it("puts the API's marker on the message as the x-rapport-log header before Outlook gets the decision", async () => {
      const { runtime, completion } = sendWith({ answer: answering([], { marker: MARKER }) });
      expect(await completion).toEqual({ allowEvent: true });
      expect(runtime.headers).toEqual({ 'x-rapport-log': MARKER });
    });

    it('sets the marker also when the Smart Alert stops the send, so Send Anyway sends it marked', async () => {
      const { runtime, completion } = sendWith({ answer: answering([urgentCase], { marker: MARKER }) });
      expect(await completion).toMatchObject({ allowEvent: false });
      expect(runtime.headers['x-rapport-log']).toBe(MARKER);
    });

    it("reuses the marker already on the message on a second Send after Don't Send, rather than making another", async () => {
      const runtime = loadEventRuntime({ to: [customer], answer: answering([urgentCase], { marker: MARKER }) });
      await runtime.send();
      await runtime.send();
      const checks = runtime.calls.filter((call) => call.url.endsWith('/api/send-check'));
      expect(checks.map((call) => (call.body as { log?: unknown }).log)).toEqual([{ choice: 'auto' }, { choice: 'auto', marker: MARKER }]);
      expect(runtime.headers).toEqual({ 'x-rapport-log': MARKER });
    });

    it("sends the rep's choice and deal from the draft, and the conversation of a reply", async () => {
      const { runtime, completion } = sendWith({
        customProperties: choice({ choice: 'on', deal: { id: 'deal-7', name: 'Renewal 2027' } }),
        conversationId: 'AAQkAGI2conversation',
        answer: answering([], { marker: MARKER }),
      });
      await completion;
      expect(checkCall(runtime.calls)?.body).toMatchObject({ log: { choice: 'on' }, dealId: 'deal-7', conversationId: 'AAQkAGI2conversation' });
    });

    it('sends a choice of off as off, with no deal, and sets no header when the API says it will not be logged', async () => {
      const { runtime, completion } = sendWith({ customProperties: choice({ choice: 'off', deal: null }), answer: answering([]) });
      expect(await completion).toEqual({ allowEvent: true });
      const body = checkCall(runtime.calls)?.body as Record<string, unknown>;
      expect(body.log).toEqual({ choice: 'off' });
      expect(body).not.toHaveProperty('dealId');
      expect(runtime.headers).toEqual({});
    });

    it('lets the message go, unlogged, when Outlook cannot set the header', async () => {
      const { runtime, completion } = sendWith({ headersFail: true, answer: answering([], { marker: MARKER }) });
      expect(await completion).toEqual({ allowEvent: true });
      expect(runtime.headers).toEqual({});
      expect(runtime.notifications).toEqual([]);
    });

    it('lets the message go where Outlook has no internet headers (Mailbox below 1.8)', async () => {
      const { completion } = sendWith({ headers: null, answer: answering([], { marker: MARKER }) });
      expect(await completion).toEqual({ allowEvent: true });
    });

    it.each([
      ['tenant', 'en-US', "On your organization’s never-log list: left out of the log."],
      ['mine', 'en-US', 'On your never-log list: left out of the log.'],
      ['mine', 'es-ES', 'En su lista de no registrar: queda fuera del registro.'],
    ] as const)("says a recipient on the %s never-log list (%s) is left out of the log, under their name", async (list, displayLanguage, line) => {
      const neverLog: SendAlert = { kind: 'never-log', email: 'ana.costa@contoso.com', name: 'Ana Costa', list };
      const { completion } = sendWith({ displayLanguage, answer: answering([neverLog], { marker: MARKER }) });
      expect(await completion).toEqual({ allowEvent: false, errorMessage: `Ana Costa <ana.costa@contoso.com>:\n– ${line}`, sendModeOverride: 'promptUser' });
    });
  });
});
