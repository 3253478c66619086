import type { QuoteMailMessages } from './messages.quotemail.en';

export const ptQuoteMail: QuoteMailMessages = {
  'quotemail.text': 'Segue o nosso orçamento {reference} para {deal}. Você pode consultá-lo, baixá-lo em PDF e aceitá-lo on-line: {link}. Ele é válido até {date}.',
};
