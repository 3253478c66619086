import { escapeHtml } from '@rapport/shared/common/html-text';
import type { MemberLanguage } from '@rapport/shared/members/preferences.rules';
import { quoteReference } from '@rapport/shared/quotes/quote.rules';
import { enQuoteMail, type QuoteMailMessages } from '../../i18n/messages.quotemail.en';
import { esQuoteMail } from '../../i18n/messages.quotemail.es';
import { itQuoteMail } from '../../i18n/messages.quotemail.it';
import { ptQuoteMail } from '../../i18n/messages.quotemail.pt';

// What "Insert quote" puts into the e-mail: a short message in the quote's language (the customer's, not the rep's),
// with the link to its page. A plain link: no tracking pixel, no redirect; the page itself says when a person opened it.

const words: Record<MemberLanguage, QuoteMailMessages> = { en: enQuoteMail, es: esQuoteMail, pt: ptQuoteMail, it: itQuoteMail };

/** The customer's locale for each language, as the quote's document writes its dates (Brazilian Portuguese). */
export const customerLocales: Record<MemberLanguage, string> = { en: 'en-GB', es: 'es-ES', pt: 'pt-BR', it: 'it-IT' };

export type QuoteEmail = { html: string; text: string };

/** The message for a sent quote: its reference, the deal it is for, the link to its page and the last day it is valid. */
export function quoteEmail(quote: { number: number; revision: number; language: MemberLanguage; validUntil: string }, dealName: string, link: string): QuoteEmail {
  const sentence = words[quote.language]['quotemail.text'];
  const date = new Intl.DateTimeFormat(customerLocales[quote.language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${quote.validUntil}T00:00:00Z`));
  const values: Record<string, string> = { reference: quoteReference(quote), deal: dealName, date, link };
  const fill = (escape: (text: string) => string, linkHtml: string) =>
    sentence.replace(/\{(\w+)\}/g, (whole, name: string) => (name === 'link' ? linkHtml : name in values ? escape(values[name] as string) : whole));
  return {
    text: fill((text) => text, link),
    html: `<p>${fill(escapeHtml, `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`)}</p>`,
  };
}
