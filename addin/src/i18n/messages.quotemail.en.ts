// What "Insert quote" writes into the e-mail, in the quote's language (the customer's), whatever the pane's: part of the
// later messages too, so each locale must translate it. Placeholders: the quote's reference, the deal's name, the link
// to the quote's page and the last day it can be accepted.
export const enQuoteMail = {
  'quotemail.text': 'Here is our quote {reference} for {deal}. You can read it, download it as a PDF and accept it online: {link}. It is valid until {date}.',
} as const;

export type QuoteMailMessages = Record<keyof typeof enQuoteMail, string>;
