// The messages of Log on send in a message being written, part of the later messages (messages.later.en.ts). The other
// locales must translate each one. {who}: the recipients the CRM knows, then their companies.
export const enLogOnSend = {
  'logonsend.switch': 'Log on send',
  'logonsend.on': 'Logged to {who} after you send.',
  'logonsend.onWithDeal': 'Logged to {who} and the deal “{deal}” after you send.',
  'logonsend.onUnknown': 'Logged after you send, to the recipients the CRM knows.',
  'logonsend.off': 'Not logged.',
  'logonsend.notSaved': 'Outlook could not keep this choice on the draft: try again.',
} as const;

export type LogOnSendMessages = Record<keyof typeof enLogOnSend, string>;
