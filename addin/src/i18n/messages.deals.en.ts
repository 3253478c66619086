// The messages of the new-deal form (opened from the card's actions), part of the later messages
// (messages.later.en.ts). The other locales must translate each one.
export const enDeals = {
  'newDeal.name': 'Deal name',
  'newDeal.amount': 'Amount',
  'newDeal.currency': 'Currency',
  'newDeal.expectedClose': 'Expected close',
  'newDeal.nextStep': 'Next step',
  'newDeal.nextStepHint': 'What moves it on, e.g. “Send the quote by Friday”.',
  'newDeal.with': 'With {names}',
  'newDeal.save': 'Create deal',
  'newDeal.loading': 'Loading the stages and currencies…',
  'newDeal.created': 'Deal “{name}” created.',
  'newDeal.open': 'Open deal',
  'newDeal.problem.notANumber': 'Type an amount as a number, e.g. {example}.',
  'newDeal.problem.negative': 'An amount cannot be below zero.',
  'newDeal.problem.tooLarge': 'This amount is too large.',
  'newDeal.problem.decimals': '{currency} amounts have at most {digits} decimals.',
  'newDeal.problem.date': 'Choose a date.',
} as const;

export type DealMessages = Record<keyof typeof enDeals, string>;
