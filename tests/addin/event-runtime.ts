import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

// Outlook's JavaScript-only event runtime, as classic Outlook on Windows runs events.js: the built file alone in a
// context with ECMAScript's globals, fetch, timers and Office, and no window, document or storage.

export const EVENTS_JS = path.resolve(__dirname, '../../addin/dist/events.js');

export type Recipient = { emailAddress: string; displayName?: string };
export type FetchCall = { url: string; method: string; headers: Record<string, string>; body: unknown; signal?: AbortSignal };
export type FakeResponse = { status: number; body?: unknown } | 'never';
export type Completion = Record<string, unknown>;
export type Notification = { key: string; details: Record<string, unknown> };

export type RuntimeOptions = {
  displayLanguage?: string;
  userEmail?: string;
  to?: Recipient[];
  cc?: Recipient[];
  bcc?: Recipient[];
  /** Office.context.urls.javascriptRuntimeUrl (classic Windows, Mailbox 1.14); null: not given. */
  runtimeUrl?: string | null;
  /** The page's location (Outlook on the web's browser runtime); absent in the JavaScript-only runtime. */
  location?: { origin: string };
  /** The draft's custom properties (the pane's Log on send choice), as loadCustomPropertiesAsync gives them. */
  customProperties?: Record<string, unknown>;
  /** The draft's internet headers (Mailbox 1.8), kept across sends; null: this Outlook has none (below 1.8). */
  headers?: Record<string, string> | null;
  /** Whether setting a header fails (as where Exchange refuses it). */
  headersFail?: boolean;
  conversationId?: string;
  /** Answers by path (`/addin-config.json`, `/dev/token`, `/api/send-check`). */
  answer(call: FetchCall): FakeResponse | Promise<FakeResponse>;
};

export type LoadedRuntime = {
  /** The names events.js gave Office.actions.associate. */
  associated: string[];
  calls: FetchCall[];
  notifications: Notification[];
  /** The draft's internet headers as the handler left them. */
  headers: Record<string, string>;
  /** Runs a handler as Outlook does on Send, and resolves with what it passed to event.completed. */
  send(handler?: string): Promise<Completion>;
  /** `typeof` of a global inside the runtime. */
  typeOf(name: string): string;
};

export function loadEventRuntime(options: RuntimeOptions): LoadedRuntime {
  if (!fs.existsSync(EVENTS_JS)) throw new Error(`${EVENTS_JS} is missing: build the add-in first (npm run build)`);
  const handlers = new Map<string, (event: unknown) => void>();
  const calls: FetchCall[] = [];
  const notifications: Notification[] = [];
  const succeeded = <T>(value: T) => ({ status: 'succeeded', value });
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const failed = (message: string) => ({ status: 'failed', value: undefined, error: { message, code: 9000 } });
  const field = (people: Recipient[] = []) => ({ getAsync: (callback: (result: unknown) => void) => setTimeout(() => callback(succeeded(people)), 0) });
  const office = {
    actions: { associate: (name: string, handler: (event: unknown) => void) => handlers.set(name, handler) },
    context: {
      displayLanguage: options.displayLanguage ?? 'en-US',
      urls: options.runtimeUrl === null ? undefined : { javascriptRuntimeUrl: options.runtimeUrl ?? 'https://addin.example/events.js' },
      mailbox: {
        userProfile: { emailAddress: options.userEmail ?? 'avery@rapport-demo.com', displayName: 'Avery Quinn' },
        item: {
          to: field(options.to),
          cc: field(options.cc),
          bcc: field(options.bcc),
          ...(options.conversationId ? { conversationId: options.conversationId } : {}),
          loadCustomPropertiesAsync: (callback: (result: unknown) => void) => {
            const properties = { ...(options.customProperties ?? {}) };
            setTimeout(() => callback(succeeded({ get: (name: string) => properties[name], set: () => undefined, saveAsync: () => undefined })), 0);
          },
          ...(options.headers === null
            ? {}
            : {
                internetHeaders: {
                  getAsync: (names: string[], callback: (result: unknown) => void) =>
                    setTimeout(() => callback(succeeded(Object.fromEntries(names.filter((name) => name in headers).map((name) => [name, headers[name]])))), 0),
                  setAsync: (values: Record<string, string>, callback: (result: unknown) => void) =>
                    setTimeout(() => {
                      if (options.headersFail) return callback(failed('The header could not be set'));
                      Object.assign(headers, values);
                      callback(succeeded(undefined));
                    }, 0),
                },
              }),
          notificationMessages: {
            addAsync: (key: string, details: Record<string, unknown>, callback: (result: unknown) => void) => {
              notifications.push({ key, details });
              setTimeout(() => callback(succeeded(undefined)), 0);
            },
          },
        },
      },
    },
    auth: { getAccessToken: async () => 'entra-sso-token' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    MailboxEnums: { SendModeOverride: { PromptUser: 'promptUser' }, ItemNotificationMessageType: { InformationalMessage: 'informationalMessage' } },
  };
  const fetch = async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal } = {}) => {
    const call: FetchCall = { url, method: init.method ?? 'GET', headers: init.headers ?? {}, body: init.body ? JSON.parse(init.body) : undefined, ...(init.signal ? { signal: init.signal } : {}) };
    calls.push(call);
    const answer = await options.answer(call);
    if (answer === 'never') {
      // A request that hangs until the runtime aborts it, as fetch does.
      return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    }
    return { ok: answer.status >= 200 && answer.status < 300, status: answer.status, json: async () => answer.body };
  };
  // Only what the JavaScript runtime has: no window, document, localStorage, location (unless the test plays the web).
  const context = vm.createContext({
    Office: office,
    fetch,
    setTimeout,
    clearTimeout,
    AbortController,
    console,
    ...(options.location ? { location: options.location } : {}),
  });
  vm.runInContext(fs.readFileSync(EVENTS_JS, 'utf8'), context, { filename: 'events.js' });
  return {
    associated: [...handlers.keys()],
    calls,
    notifications,
    headers,
    send: (handler = 'onMessageSendHandler') =>
      new Promise<Completion>((resolve, reject) => {
        const run = handlers.get(handler);
        if (!run) return reject(new Error(`events.js associated no ${handler}`));
        let completed = 0;
        run({
          completed: (completion: Completion) => {
            completed++;
            if (completed > 1) reject(new Error('event.completed was called twice'));
            resolve(completion);
          },
        });
      }),
    typeOf: (name) => vm.runInContext(`typeof ${name}`, context) as string,
  };
}

/** The local-mode answers of the pages' host and the API, with `sendCheck` for POST /api/send-check. */
export function localHost(sendCheck: (call: FetchCall) => FakeResponse | Promise<FakeResponse>, config: Record<string, unknown> = {}) {
  return (call: FetchCall): FakeResponse | Promise<FakeResponse> => {
    const pathOf = call.url.replace(/^https?:\/\/[^/]+/, '');
    if (pathOf === '/addin-config.json') {
      return {
        status: 200,
        body: {
          authMode: 'local',
          apiBaseUrl: '',
          graphBaseUrl: 'https://localhost:3443',
          tenantId: 'tenant-demo',
          userId: 'user-demo',
          userEmail: 'avery@rapport-demo.com',
          demoUsers: [{ userId: 'user-demo', email: 'avery@rapport-demo.com' }],
          ...config,
        },
      };
    }
    if (pathOf === '/dev/token') return { status: 200, body: { accessToken: 'local-token', expiresIn: 3600 } };
    if (pathOf === '/api/send-check') return sendCheck(call);
    return { status: 404, body: {} };
  };
}
