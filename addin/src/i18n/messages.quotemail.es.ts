import type { QuoteMailMessages } from './messages.quotemail.en';

export const esQuoteMail: QuoteMailMessages = {
  'quotemail.text': 'Le enviamos nuestro presupuesto {reference} para {deal}. Puede consultarlo, descargarlo en PDF y aceptarlo en línea: {link}. Es válido hasta el {date}.',
};
