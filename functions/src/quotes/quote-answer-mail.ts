import { escapeHtml, fromMinor, quoteReference, recordPagePath, type MemberLanguage, type Quote } from '@rapport/shared';

/** The job that e-mails a rep who opted in when a customer answers one of their quotes. */
export const QUOTE_ANSWER_MAIL_JOB = 'quote-answer-mail';

type Words = { accepted: (reference: string, name: string) => string; declined: (reference: string) => string; net: string; reason: string; open: string; noReason: string };

// In the rep's own language (their preference; English until they have one).
const WORDS: Record<MemberLanguage, Words> = {
  en: {
    accepted: (reference, name) => `${reference} accepted by ${name}`,
    declined: (reference) => `${reference} declined`,
    net: 'Before tax',
    reason: 'Reason',
    noReason: 'No reason given.',
    open: 'Open the deal in Rapport',
  },
  es: {
    accepted: (reference, name) => `${reference} aceptado por ${name}`,
    declined: (reference) => `${reference} rechazado`,
    net: 'Sin impuestos',
    reason: 'Motivo',
    noReason: 'No se indicó ningún motivo.',
    open: 'Abrir la oportunidad en Rapport',
  },
  pt: {
    accepted: (reference, name) => `${reference} aceita por ${name}`,
    declined: (reference) => `${reference} recusada`,
    net: 'Sem impostos',
    reason: 'Motivo',
    noReason: 'Nenhum motivo informado.',
    open: 'Abrir a oportunidade no Rapport',
  },
  it: {
    accepted: (reference, name) => `${reference} accettato da ${name}`,
    declined: (reference) => `${reference} rifiutato`,
    net: 'Imponibile',
    reason: 'Motivo',
    noReason: 'Nessun motivo indicato.',
    open: "Apri l'opportunità in Rapport",
  },
};

const LOCALES: Record<MemberLanguage, string> = { en: 'en-GB', es: 'es-ES', pt: 'pt-BR', it: 'it-IT' };

/** The mail that tells the rep: what was answered, by whom, the amount, the reason, and a link to the deal's page. */
export function quoteAnswerMail(quote: Quote, dealName: string, language: MemberLanguage, pagesUrl: string | undefined): { subject: string; html: string } {
  const words = WORDS[language];
  const reference = quoteReference(quote);
  const answer = quote.answer;
  const subject = answer?.decision === 'accepted' ? words.accepted(reference, answer.name ?? '') : words.declined(reference);
  const net = new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: quote.currency }).format(fromMinor(quote.totals.net, quote.currency));
  const reason = answer?.decision === 'declined' ? `<p>${escapeHtml(words.reason)}: ${escapeHtml(answer.reason ?? words.noReason)}</p>` : '';
  const link = pagesUrl ? `<p><a href="${escapeHtml(`${pagesUrl.replace(/\/+$/, '')}${recordPagePath({ kind: 'deal', id: quote.dealId })}`)}">${escapeHtml(words.open)}</a></p>` : '';
  const html = `<div style="font-family:Segoe UI,system-ui,sans-serif;font-size:14px"><p><strong>${escapeHtml(subject)}</strong></p><p>${escapeHtml(dealName)}</p><p>${escapeHtml(words.net)}: ${escapeHtml(net)}</p>${reason}${link}</div>`;
  return { subject, html };
}
