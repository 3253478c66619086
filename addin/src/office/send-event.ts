import { LOG_MARKER_HEADER, isLogMarker } from '@rapport/shared/email/mail-capture';
import { LOG_CHOICE_PROPERTY, parseLogChoice, type DraftLogChoice } from './log-choice-property';
import { officeAsync } from './office-async';

// Outlook's send event as the send-time checks see it: the draft's recipients, who is sending, in which language, where
// the add-in's files come from, and the answer Outlook waits for. Runs in Outlook's event runtime, which on classic
// Windows is JavaScript only: no window, no document, no storage; nothing here may assume them.

/** What Outlook is asked to do with the message: send it, or stop and show the Smart Alert. */
export type SendDecision =
  | { allowEvent: true }
  | {
      allowEvent: false;
      /** The alert's text, at most 500 characters. */
      errorMessage: string;
      /** The alert's action button (Take Action, or Don't Send on older clients): at most 20 characters. */
      action?: { label: string; commandId: string; contextData: string };
    };

/** What the draft says about Log on send when Send is pressed. */
export type DraftLogState = {
  /** The rep's choice in the pane; null when they made none (or Office could not read it). */
  choice: DraftLogChoice | null;
  /** The marker an earlier check put on the message (a second Send after Don't Send), or null. */
  marker: string | null;
  /** The draft's conversation (a reply's), when Office gives one. */
  conversationId: string | null;
};

/** The send event, in plain data and callbacks. */
export type SendEventHost = {
  /** Office's display language, e.g. "es-ES". */
  displayLanguage: string;
  userEmail: string;
  /** The origin the add-in's files come from (its API and config are found from there), or null when Outlook does not say. */
  pagesOrigin: string | null;
  readRecipients(): Promise<{ to: string[]; cc: string[]; bcc: string[] }>;
  /** Entra ID: Office's own sign-in for the add-in (SSO); never prompts, since nothing may be shown while sending. */
  signedInToken(): Promise<string>;
  /** An informational notice on the message (the send goes on). */
  notify(key: string, message: string): Promise<void>;
  /** The draft's Log on send state; never rejects (what cannot be read is null). */
  readLogState(): Promise<DraftLogState>;
  /** Puts the log marker on the message as its `x-rapport-log` internet header (Mailbox 1.8); rejects where it cannot. */
  setLogMarker(marker: string): Promise<void>;
};

/**
 * Registers the handler Outlook calls by the name in the manifest (`LaunchEvent FunctionName`). Whatever the handler
 * does, Outlook gets exactly one answer: a handler that throws lets the message go, as an add-in Outlook cannot load would.
 */
export function associateSendHandler(name: string, handle: (host: SendEventHost) => Promise<SendDecision>): void {
  Office.actions.associate(name, (event: Office.MailboxEvent) => {
    let answered = false;
    const complete = (decision: SendDecision) => {
      if (answered) return;
      answered = true;
      event.completed(optionsOf(decision));
    };
    handle(sendEventHost()).then(complete, () => complete({ allowEvent: true }));
  });
}

function optionsOf(decision: SendDecision): Office.SmartAlertsEventCompletedOptions {
  if (decision.allowEvent) return { allowEvent: true };
  return {
    allowEvent: false,
    errorMessage: decision.errorMessage,
    // PromptUser: the rep can always choose Send Anyway (Mailbox 1.14 names it; the manifest's SendMode says the same below).
    sendModeOverride: Office.MailboxEnums.SendModeOverride?.PromptUser ?? 'promptUser',
    ...(decision.action ? { cancelLabel: decision.action.label, commandId: decision.action.commandId, contextData: decision.action.contextData } : {}),
  };
}

function sendEventHost(): SendEventHost {
  const { mailbox } = Office.context;
  const message = mailbox.item as Office.MessageCompose;
  const addresses = (field: Office.Recipients | undefined) =>
    field ? officeAsync<Office.EmailAddressDetails[]>((callback) => field.getAsync(callback)).then((people) => people.map(addressOf)) : Promise.resolve([]);
  return {
    displayLanguage: Office.context.displayLanguage || 'en-US',
    userEmail: mailbox.userProfile?.emailAddress ?? '',
    pagesOrigin: pagesOrigin(),
    readRecipients: async () => {
      const [to, cc, bcc] = await Promise.all([addresses(message.to), addresses(message.cc), addresses(message.bcc)]);
      return { to, cc, bcc };
    },
    signedInToken: () => Office.auth.getAccessToken({ allowSignInPrompt: false, allowConsentPrompt: false }),
    notify: (key, text) =>
      officeAsync<void>((callback) =>
        message.notificationMessages.addAsync(
          key,
          { type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage, message: text, icon: 'Icon.16', persistent: false },
          callback,
        ),
      ),
    readLogState: async () => {
      const [choice, marker] = await Promise.all([readLogChoice(message), readLogMarker(message)]);
      const conversationId = typeof message.conversationId === 'string' && message.conversationId !== '' ? message.conversationId : null;
      return { choice, marker, conversationId };
    },
    setLogMarker: (marker) => {
      // Mailbox 1.8: older Outlooks have no internet headers on a draft.
      if (!message.internetHeaders) return Promise.reject(new Error('This Outlook cannot set internet headers'));
      return officeAsync<void>((callback) => message.internetHeaders.setAsync({ [LOG_MARKER_HEADER]: marker }, callback));
    },
  };
}

function readLogChoice(message: Office.MessageCompose): Promise<DraftLogChoice | null> {
  if (typeof message.loadCustomPropertiesAsync !== 'function') return Promise.resolve(null);
  return officeAsync<Office.CustomProperties>((callback) => message.loadCustomPropertiesAsync(callback)).then(
    (properties) => parseLogChoice(properties.get(LOG_CHOICE_PROPERTY)),
    () => null,
  );
}

// The header an earlier check set on this draft: a second Send reuses its marker rather than making another.
function readLogMarker(message: Office.MessageCompose): Promise<string | null> {
  if (!message.internetHeaders) return Promise.resolve(null);
  return officeAsync<Record<string, string>>((callback) => message.internetHeaders.getAsync([LOG_MARKER_HEADER], callback)).then(
    (headers) => {
      const value = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === LOG_MARKER_HEADER)?.[1]?.trim() ?? '';
      return isLogMarker(value) ? value : null;
    },
    () => null,
  );
}

// "Name" <address>, as the API reads a header; the name is dropped of what would break the quotes.
function addressOf(person: Office.EmailAddressDetails): string {
  const name = (person.displayName ?? '').replace(/["\\<>]/g, '').trim();
  return name && name !== person.emailAddress ? `"${name}" <${person.emailAddress}>` : person.emailAddress;
}

/**
 * Where the add-in's files are served from. Classic Outlook on Windows gives the JavaScript runtime's URL (Mailbox
 * 1.14); the browser runtime of Outlook on the web and the new Outlook has the page's own location.
 */
function pagesOrigin(): string | null {
  const runtimeUrl = Office.context.urls?.javascriptRuntimeUrl;
  const page = (globalThis as { location?: { origin?: string } }).location?.origin;
  const origin = /^https?:\/\/[^/?#]+/i.exec(runtimeUrl ?? '')?.[0] ?? (page && page !== 'null' ? page : null);
  return origin ?? null;
}
