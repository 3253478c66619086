import { escapeHtml, quoteReference, recordPagePath, type MemberLanguage, type Quote } from '@rapport/shared';
import { formatMoney } from './quote-labels';

/** The job that e-mails a rep who opted in when a customer answers one of their quotes. */
export const QUOTE_ANSWER_MAIL_JOB = 'quote-answer-mail';

type Words = {
  accepted: (reference: string, name: string) => string;
  declined: (reference: string) => string;
  net: string;
  reason: string;
  open: string;
  noReason: string;
  /** The timeline's note and the rep's task (written in the rep's language: they are the rep's records). */
  note: (reference: string, decision: 'accepted' | 'declined') => string;
  acceptedSummary: (name: string, reference: string, revision: number, net: string) => string;
  declinedSummary: (reference: string, reason: string | undefined) => string;
  task: (reference: string, decision: 'accepted' | 'declined') => string;
};

// In the rep's own language (their preference; English until they have one).
const WORDS: Record<MemberLanguage, Words> = {
  en: {
    accepted: (reference, name) => `${reference} accepted by ${name}`,
    declined: (reference) => `${reference} declined`,
    net: 'Before tax',
    reason: 'Reason',
    noReason: 'No reason given.',
    open: 'Open the deal in Rapport',
    note: (reference, decision) => `${reference} ${decision}`,
    acceptedSummary: (name, reference, revision, net) => `${name} accepted ${reference} on its page (version ${revision}, ${net} before tax).`,
    declinedSummary: (reference, reason) => `The customer declined ${reference} on its page${reason ? `: "${reason}"` : ' and gave no reason'}.`,
    task: (reference, decision) => (decision === 'accepted' ? `Confirm the order: ${reference} was accepted` : `Follow up: ${reference} was declined`),
  },
  es: {
    accepted: (reference, name) => `${reference} aceptado por ${name}`,
    declined: (reference) => `${reference} rechazado`,
    net: 'Sin impuestos',
    reason: 'Motivo',
    noReason: 'No se indicó ningún motivo.',
    open: 'Abrir la oportunidad en Rapport',
    note: (reference, decision) => `${reference} ${decision === 'accepted' ? 'aceptado' : 'rechazado'}`,
    acceptedSummary: (name, reference, revision, net) => `${name} aceptó ${reference} en su página (versión ${revision}, ${net} sin impuestos).`,
    declinedSummary: (reference, reason) => `El cliente rechazó ${reference} en su página${reason ? `: «${reason}»` : ' sin indicar motivo'}.`,
    task: (reference, decision) => (decision === 'accepted' ? `Confirmar el pedido: ${reference} fue aceptado` : `Hacer seguimiento: ${reference} fue rechazado`),
  },
  pt: {
    accepted: (reference, name) => `${reference} aceita por ${name}`,
    declined: (reference) => `${reference} recusada`,
    net: 'Sem impostos',
    reason: 'Motivo',
    noReason: 'Nenhum motivo informado.',
    open: 'Abrir a oportunidade no Rapport',
    note: (reference, decision) => `${reference} ${decision === 'accepted' ? 'aceita' : 'recusada'}`,
    acceptedSummary: (name, reference, revision, net) => `${name} aceitou ${reference} na página dela (versão ${revision}, ${net} sem impostos).`,
    declinedSummary: (reference, reason) => `O cliente recusou ${reference} na página dela${reason ? `: "${reason}"` : ' sem informar motivo'}.`,
    task: (reference, decision) => (decision === 'accepted' ? `Confirmar o pedido: ${reference} foi aceita` : `Fazer follow-up: ${reference} foi recusada`),
  },
  it: {
    accepted: (reference, name) => `${reference} accettato da ${name}`,
    declined: (reference) => `${reference} rifiutato`,
    net: 'Imponibile',
    reason: 'Motivo',
    noReason: 'Nessun motivo indicato.',
    open: "Apri l'opportunità in Rapport",
    note: (reference, decision) => `${reference} ${decision === 'accepted' ? 'accettato' : 'rifiutato'}`,
    acceptedSummary: (name, reference, revision, net) => `${name} ha accettato ${reference} sulla sua pagina (versione ${revision}, ${net} imponibile).`,
    declinedSummary: (reference, reason) => `Il cliente ha rifiutato ${reference} sulla sua pagina${reason ? `: «${reason}»` : ' senza indicare un motivo'}.`,
    task: (reference, decision) => (decision === 'accepted' ? `Confermare l'ordine: ${reference} è stato accettato` : `Ricontattare: ${reference} è stato rifiutato`),
  },
};

/** The words of a customer's answer in the rep's language. */
export function answerWords(language: MemberLanguage): Words {
  return WORDS[language];
}

/** A quote's net amount as the rep reads it, exact (from its minor units, no float on the way). */
export function netText(quote: Quote, language: MemberLanguage): string {
  return formatMoney(quote.totals.net, quote.currency, language);
}

/** The mail that tells the rep: what was answered, by whom, the amount, the reason, and a link to the deal's page. */
export function quoteAnswerMail(quote: Quote, dealName: string, language: MemberLanguage, pagesUrl: string | undefined): { subject: string; html: string } {
  const words = WORDS[language];
  const reference = quoteReference(quote);
  const answer = quote.answer;
  const subject = answer?.decision === 'accepted' ? words.accepted(reference, answer.name ?? '') : words.declined(reference);
  const net = netText(quote, language);
  const reason = answer?.decision === 'declined' ? `<p>${escapeHtml(words.reason)}: ${escapeHtml(answer.reason ?? words.noReason)}</p>` : '';
  const link = pagesUrl ? `<p><a href="${escapeHtml(`${pagesUrl.replace(/\/+$/, '')}${recordPagePath({ kind: 'deal', id: quote.dealId })}`)}">${escapeHtml(words.open)}</a></p>` : '';
  const html = `<div style="font-family:Segoe UI,system-ui,sans-serif;font-size:14px"><p><strong>${escapeHtml(subject)}</strong></p><p>${escapeHtml(dealName)}</p><p>${escapeHtml(words.net)}: ${escapeHtml(net)}</p>${reason}${link}</div>`;
  return { subject, html };
}
