// The demo's event runtime: a Web Worker plays the JavaScript-only runtime in which classic Outlook on Windows runs an
// add-in's send handler (no window, no document, no storage). It sets up the part of Office.js an event handler has,
// loads the add-in's own built events.js, runs the handler the page names on the message being sent, and reports
// what the handler decided. One worker per send, as Outlook starts a short-lived runtime for each event.
import type { DemoPerson } from '@rapport/shared';
import type { SendEventReport, SendEventRun } from './send-event-bridge';

type Callback<T> = (result: { status: string; value: T; error?: { message: string; code: number } }) => void;
type Scope = { postMessage(message: SendEventReport): void; importScripts(url: string): void; Office?: unknown; onmessage: ((event: { data: SendEventRun }) => void) | null };

const scope = self as unknown as Scope;
const report = (message: SendEventReport) => scope.postMessage(message);
const succeeded = <T>(callback: Callback<T> | undefined, value: T) => setTimeout(() => callback?.({ status: 'succeeded', value }), 0);
const details = (person: DemoPerson) => ({ emailAddress: person.email, displayName: person.name, recipientType: 'externalUser' });

scope.onmessage = ({ data: run }) => {
  const handlers = new Map<string, (event: unknown) => void>();
  const headers: Record<string, string> = { ...run.internetHeaders };
  const recipients = (people: DemoPerson[]) => ({ getAsync: (...args: unknown[]) => succeeded(args[args.length - 1] as Callback<unknown>, people.map(details)) });
  scope.Office = {
    actions: { associate: (name: string, handler: (event: unknown) => void) => handlers.set(name, handler) },
    context: {
      displayLanguage: run.displayLanguage,
      // Classic Outlook on Windows (Mailbox 1.14) says where the runtime's file came from.
      urls: { javascriptRuntimeUrl: run.runtimeUrl },
      requirements: { isSetSupported: (name: string) => name === 'Mailbox' },
      mailbox: {
        userProfile: { emailAddress: run.user.email, displayName: run.user.name },
        item: {
          itemType: 'message',
          to: recipients(run.to),
          cc: recipients(run.cc),
          bcc: recipients(run.bcc),
          conversationId: run.conversationId,
          loadCustomPropertiesAsync: (...args: unknown[]) =>
            succeeded(args[0] as Callback<unknown>, {
              get: (name: string) => run.customProperties[name],
              set: () => undefined,
              saveAsync: (...rest: unknown[]) => succeeded(rest.find((arg) => typeof arg === 'function') as Callback<void> | undefined, undefined),
            }),
          // Mailbox 1.8: the draft's internet headers; what the handler sets goes back to the page with the message.
          internetHeaders: {
            getAsync: (names: string[], ...rest: unknown[]) =>
              succeeded(rest[rest.length - 1] as Callback<unknown>, Object.fromEntries(names.filter((name) => name in headers).map((name) => [name, headers[name]]))),
            setAsync: (values: Record<string, string>, ...rest: unknown[]) => {
              Object.assign(headers, values);
              report({ type: 'rapport-demo:headers-set', headers: { ...headers } });
              succeeded(rest[rest.length - 1] as Callback<void> | undefined, undefined);
            },
          },
          notificationMessages: {
            addAsync: (key: string, notice: { message?: string }, ...rest: unknown[]) => {
              report({ type: 'rapport-demo:notice', key, message: notice.message ?? '' });
              succeeded(rest[rest.length - 1] as Callback<void> | undefined, undefined);
            },
          },
        },
      },
    },
    // The demo signs in with the local issuer only: Office's own sign-in is not played.
    auth: { getAccessToken: () => Promise.reject(new Error('Office sign-in is not available in the demo')) },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    MailboxEnums: { SendModeOverride: { PromptUser: 'promptUser' }, ItemNotificationMessageType: { InformationalMessage: 'informationalMessage' } },
  };
  try {
    scope.importScripts(run.runtimeUrl);
  } catch (error) {
    report({ type: 'rapport-demo:unavailable', reason: error instanceof Error ? error.message : String(error) });
    return;
  }
  const handler = handlers.get(run.handlerName);
  if (!handler) {
    report({ type: 'rapport-demo:unavailable', reason: `${run.runtimeUrl} associated no ${run.handlerName}` });
    return;
  }
  const started = performance.now();
  handler({ completed: (options: Record<string, unknown> = {}) => report({ type: 'rapport-demo:completed', options, handlerMs: performance.now() - started }) });
};
