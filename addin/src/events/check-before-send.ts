import type { SendAlert, SendCheckRequest } from '@rapport/shared/contract/send-check.contract';
import { createContactContext } from '../office/create-contact-context';
import type { DraftLogState, SendDecision, SendEventHost } from '../office/send-event';
import { askSendCheck } from './send-check-api';
import { sendCheckText, type SendCheckText } from './send-check-text';
import { OPEN_PANE_COMMAND } from './send-handler';

/**
 * How long the check may take, from Outlook's event to the decision. Outlook shows its own "taking longer than
 * expected" dialog after 5 s; the issue promises a decision within a second, the notice of a missed check included.
 */
export const SEND_CHECK_DEADLINE_MS = 900;
const NOTICE_DEADLINE_MS = 100;
/** The informational notice's key on the message (adding it again replaces it). */
export const UNCHECKED_NOTICE_KEY = 'rapport-send-check';

/**
 * Outlook's OnMessageSend handler: asks the API about the recipients and tells Outlook to send, or to show the Smart
 * Alert (PromptUser: Send Anyway is always offered). When the API does not answer in time or fails, the message goes.
 * Log on send: the rep's choice on the draft goes with the question; when the API says the message will be logged, its
 * marker is put on the message (the `x-rapport-log` header) before Outlook gets the decision, so Send Anyway carries it.
 */
export async function checkBeforeSend(host: SendEventHost): Promise<SendDecision> {
  const text = sendCheckText(host.displayLanguage);
  let alerts: SendAlert[];
  try {
    alerts = await withinDeadline(async (signal) => {
      const recipients = await host.readRecipients();
      if (recipients.to.length + recipients.cc.length + recipients.bcc.length === 0) return [];
      const draft = await host.readLogState();
      const answer = await askSendCheck(host, { ...recipients, ...logFieldsOf(draft) }, signal);
      const marker = answer.log?.marker;
      if (marker && marker !== draft.marker) {
        // Without the header the message goes all the same, unlogged: the job finds mail by its marker only.
        await host.setLogMarker(marker).catch(() => undefined);
      }
      return answer.alerts;
    }, SEND_CHECK_DEADLINE_MS);
  } catch {
    // The message goes unchecked, and the rep is told so. Office documents no way to say something with a send it
    // lets through: a Smart Alert (allowEvent false) would hold every message while the CRM is down until the rep
    // clicks Send Anyway, which the checks must never do. An informational notification on the message is what
    // Office offers without blocking: Outlook shows it on the item while it is being sent (and on a draft the send
    // leaves open), and the demo shows it on the sent message.
    await withinDeadline(() => host.notify(UNCHECKED_NOTICE_KEY, text.t('sendcheck.unchecked')), NOTICE_DEADLINE_MS).catch(() => undefined);
    return { allowEvent: true };
  }
  return decisionFor(alerts, text, new Date());
}

/** What the request says of Log on send: the rep's choice and deal, a marker already on the message, the conversation. */
export function logFieldsOf(draft: DraftLogState): Pick<SendCheckRequest, 'log' | 'dealId' | 'conversationId'> {
  const deal = draft.choice?.deal;
  return {
    log: { choice: draft.choice?.choice ?? 'auto', ...(draft.marker ? { marker: draft.marker } : {}) },
    ...(deal ? { dealId: deal.id } : {}),
    ...(draft.conversationId ? { conversationId: draft.conversationId } : {}),
  };
}

/** No alerts: send. Alerts: the Smart Alert, with "Create contact" for the first recipient the CRM lacks. */
export function decisionFor(alerts: readonly SendAlert[], text: SendCheckText, now: Date): SendDecision {
  if (alerts.length === 0) return { allowEvent: true };
  const stranger = alerts.find((alert) => alert.kind === 'not-in-crm');
  return {
    allowEvent: false,
    errorMessage: text.alertText(alerts, now),
    ...(stranger ? { action: { label: text.t('sendcheck.createContact'), commandId: OPEN_PANE_COMMAND, contextData: createContactContext(stranger.email) } } : {}),
  };
}

/** `work`'s result, or a rejection at the deadline (the request in flight is aborted where the runtime can). */
function withinDeadline<T>(work: (signal?: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      controller?.abort();
      reject(new Error(`No answer within ${ms} ms`));
    }, ms);
    work(controller?.signal).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
