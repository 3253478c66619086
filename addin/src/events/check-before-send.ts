import type { SendAlert } from '@rapport/shared/contract/send-check.contract';
import { createContactContext } from '../office/create-contact-context';
import type { SendDecision, SendEventHost } from '../office/send-event';
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
 */
export async function checkBeforeSend(host: SendEventHost): Promise<SendDecision> {
  const text = sendCheckText(host.displayLanguage);
  let alerts: SendAlert[];
  try {
    alerts = await withinDeadline(async (signal) => {
      const recipients = await host.readRecipients();
      if (recipients.to.length + recipients.cc.length + recipients.bcc.length === 0) return [];
      return (await askSendCheck(host, recipients, signal)).alerts;
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
