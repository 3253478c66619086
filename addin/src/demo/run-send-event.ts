import type { DemoPerson } from '@rapport/shared';
import type { DemoMessage } from './demo-message';
import type { SendEventOptions, SendEventReport, SendEventRun } from './send-event-bridge';

/**
 * What Outlook does with a message after the add-in's send handler: its decision, the notices it left on the message,
 * and the internet headers the message now carries (the handler's and those it had).
 */
export type SendOutcome = { options: SendEventOptions; notices: string[]; headers: Record<string, string>; handlerMs: number };

// As the demo's manifest would say: the LaunchEvent's FunctionName and the runtime's JavaScript override.
const HANDLER_NAME = 'onMessageSendHandler';
// Outlook lets a send handler run for minutes (with its own "taking longer" dialog after 5 s); the demo stops waiting
// at 10 s and sends, as Outlook does for PromptUser when the add-in cannot run.
const GIVE_UP_MS = 10_000;

/**
 * Runs the add-in's OnMessageSend handler on a message, as Outlook does: in a runtime of its own without a DOM (a Web
 * Worker), from the add-in's own built events.js at `paneOrigin`.
 */
export function runSendEvent(draft: DemoMessage, user: DemoPerson, displayLanguage: string, paneOrigin: string): Promise<SendOutcome> {
  return new Promise<SendOutcome>((resolve) => {
    const worker = new Worker('/demo/send-event-worker.js');
    const notices: string[] = [];
    let headers: Record<string, string> = { ...(draft.internetHeaders ?? {}) };
    const finish = (outcome: Omit<SendOutcome, 'notices' | 'headers'>) => {
      clearTimeout(timer);
      worker.terminate();
      resolve({ ...outcome, notices, headers });
    };
    const timer = setTimeout(() => finish({ options: { allowEvent: true }, handlerMs: GIVE_UP_MS }), GIVE_UP_MS);
    worker.onmessage = ({ data }: MessageEvent<SendEventReport>) => {
      if (data.type === 'rapport-demo:notice') notices.push(data.message);
      else if (data.type === 'rapport-demo:headers-set') headers = data.headers;
      else if (data.type === 'rapport-demo:completed') finish({ options: data.options, handlerMs: data.handlerMs });
      // The add-in could not run (PromptUser): the message goes unchecked.
      else finish({ options: { allowEvent: true }, handlerMs: 0 });
    };
    worker.onerror = () => finish({ options: { allowEvent: true }, handlerMs: 0 });
    const run: SendEventRun = {
      type: 'rapport-demo:send',
      runtimeUrl: `${paneOrigin}/events.js`,
      handlerName: HANDLER_NAME,
      displayLanguage,
      user,
      to: draft.to,
      cc: draft.cc,
      bcc: [],
      conversationId: draft.internetMessageId ?? null,
      customProperties: draft.customProperties ?? {},
      internetHeaders: draft.internetHeaders ?? {},
    };
    worker.postMessage(run);
  });
}
