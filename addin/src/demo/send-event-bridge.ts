import type { DemoPerson } from '@rapport/shared';

/**
 * The demo's Outlook and its event runtime (a Web Worker: no DOM, as classic Outlook's JavaScript-only runtime) talk
 * by postMessage: the page says which message is being sent, the runtime answers with what the add-in's handler
 * passed to `event.completed`, and with any notice it put on the message.
 */
export type SendEventRun = {
  type: 'rapport-demo:send';
  /** The add-in's own built events.js, as the manifest's runtime override names it. */
  runtimeUrl: string;
  handlerName: string;
  displayLanguage: string;
  user: DemoPerson;
  to: DemoPerson[];
  cc: DemoPerson[];
  bcc: DemoPerson[];
  /** The draft's conversation (a reply's), as Office gives `conversationId`. */
  conversationId: string | null;
  /** The add-in's custom properties on the draft (the pane's Log on send choice). */
  customProperties: Record<string, unknown>;
  /** The internet headers already on the draft (a marker an earlier send's check set). */
  internetHeaders: Record<string, string>;
};

/** What `event.completed` was given (Office.SmartAlertsEventCompletedOptions). */
export type SendEventOptions = {
  allowEvent?: boolean;
  errorMessage?: string;
  cancelLabel?: string;
  commandId?: string;
  contextData?: unknown;
  sendModeOverride?: string;
};

export type SendEventReport =
  | { type: 'rapport-demo:completed'; options: SendEventOptions; /** From the event given to the handler to its decision. */ handlerMs: number }
  | { type: 'rapport-demo:notice'; key: string; message: string }
  /** The handler set internet headers on the message (`item.internetHeaders.setAsync`). */
  | { type: 'rapport-demo:headers-set'; headers: Record<string, string> }
  /** The runtime could not load the add-in's file or run its handler. */
  | { type: 'rapport-demo:unavailable'; reason: string };
