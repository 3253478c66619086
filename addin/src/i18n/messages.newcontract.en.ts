// A company's service contracts on its record view, and the form that makes a new one. Part of the later messages
// (messages.later.en.ts); the other locales must translate each one.
export const enNewContract = {
  'contracts.title': 'Service contracts',
  'contracts.none': 'No service contracts yet. Add one to record what the customer is covered for, and until when.',
  'contracts.new': 'New contract',
  'newContract.heading': 'New service contract',
  'newContract.name': 'Name',
  'newContract.nameHint': 'As the customer knows it, such as “Premium support 2026”.',
  'newContract.startDate': 'Starts on',
  'newContract.endDate': 'Ends on',
  'newContract.notes': 'Notes',
  'newContract.save': 'Save the contract',
  'newContract.saving': 'Saving…',
  'newContract.problem.name': 'Give the contract a name.',
  'newContract.problem.date': 'Choose a day.',
  'newContract.problem.endBeforeStart': 'Choose a day on or after the day it starts.',
} as const;

export type NewContractMessages = Record<keyof typeof enNewContract, string>;
