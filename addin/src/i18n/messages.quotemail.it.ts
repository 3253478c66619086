import type { QuoteMailMessages } from './messages.quotemail.en';

export const itQuoteMail: QuoteMailMessages = {
  'quotemail.text': 'Le inviamo il nostro preventivo {reference} per {deal}. Può consultarlo, scaricarlo in PDF e accettarlo online: {link}. È valido fino al {date}.',
};
