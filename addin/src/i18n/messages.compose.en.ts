// The messages of the pane in a message being written (new mail, reply, forward), part of the later messages
// (messages.later.en.ts). The other locales must translate each one.
export const enCompose = {
  'compose.noRecipients': 'Add recipients: what the CRM knows about them shows here as you type.',
  'compose.insertTemplate': 'Insert a template',
  'compose.insertQuote': 'Insert quote',
  'compose.tools': 'Write with the CRM',
} as const;

export type ComposeMessages = Record<keyof typeof enCompose, string>;
