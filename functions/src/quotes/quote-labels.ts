import { minorAsDecimal, minorDigits, type MemberLanguage } from '@rapport/shared';

// A quote's words in each language Rapport writes in: the PDF's and the public page's, one table so the two never
// disagree. Values come in through the functions' arguments already formatted (and are escaped by the page's renderer).

export type QuoteLabels = {
  /** The locale Intl formats dates, amounts, quantities and percentages in. */
  locale: string;
  quote: string;
  date: string;
  validUntil: string;
  for: string;
  item: string;
  quantity: string;
  unitPrice: string;
  discount: string;
  tax: string;
  amount: string;
  subtotal: string;
  overallDiscount(percent: string): string;
  net: string;
  taxOn(percent: string, base: string): string;
  total: string;
  paymentTerms: string;
  notes: string;
  page(number: number, count: number): string;
  acceptTitle: string;
  yourName: string;
  acceptTerms: string;
  accept: string;
  decline: string;
  declineReason: string;
  downloadPdf: string;
  accepted(name: string, date: string): string;
  declined: string;
  expired(date: string, seller: string): string;
  superseded(seller: string): string;
  thanks(seller: string): string;
  /** Above the forms when an answer came without the name or the tick. */
  missingAnswer: string;
};

export const quoteLabels: Record<MemberLanguage, QuoteLabels> = {
  en: {
    locale: 'en-GB',
    quote: 'Quote',
    date: 'Date',
    validUntil: 'Valid until',
    for: 'For',
    item: 'Item',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    discount: 'Discount',
    tax: 'Tax',
    amount: 'Amount',
    subtotal: 'Subtotal',
    overallDiscount: (percent) => `Overall discount (${percent})`,
    net: 'Net',
    taxOn: (percent, base) => `Tax ${percent} on ${base}`,
    total: 'Total',
    paymentTerms: 'Payment terms',
    notes: 'Notes',
    page: (number, count) => `Page ${number} of ${count}`,
    acceptTitle: 'Accept this quote',
    yourName: 'Your full name',
    acceptTerms: 'I accept the terms and this quote',
    accept: 'Accept',
    decline: 'Decline',
    declineReason: 'Reason (optional)',
    downloadPdf: 'Download PDF',
    accepted: (name, date) => `This quote was accepted by ${name} on ${date}.`,
    declined: 'This quote was declined.',
    expired: (date, seller) => `This quote expired on ${date}; ask ${seller} for a new one.`,
    superseded: (seller) => `A newer version of this quote replaced this one; ask ${seller} for it.`,
    thanks: (seller) => `Thank you: ${seller} has your answer.`,
    missingAnswer: 'To accept, type your full name and tick the box.',
  },
  es: {
    locale: 'es-ES',
    quote: 'Presupuesto',
    date: 'Fecha',
    validUntil: 'Válido hasta',
    for: 'Para',
    item: 'Concepto',
    quantity: 'Cant.',
    unitPrice: 'Precio unitario',
    discount: 'Descuento',
    tax: 'Impuesto',
    amount: 'Importe',
    subtotal: 'Subtotal',
    overallDiscount: (percent) => `Descuento general (${percent})`,
    net: 'Base imponible',
    taxOn: (percent, base) => `Impuesto ${percent} sobre ${base}`,
    total: 'Total',
    paymentTerms: 'Condiciones de pago',
    notes: 'Notas',
    page: (number, count) => `Página ${number} de ${count}`,
    acceptTitle: 'Aceptar este presupuesto',
    yourName: 'Su nombre completo',
    acceptTerms: 'Acepto las condiciones y este presupuesto',
    accept: 'Aceptar',
    decline: 'Rechazar',
    declineReason: 'Motivo (opcional)',
    downloadPdf: 'Descargar PDF',
    accepted: (name, date) => `${name} aceptó este presupuesto el ${date}.`,
    declined: 'Este presupuesto fue rechazado.',
    expired: (date, seller) => `Este presupuesto caducó el ${date}; pida uno nuevo a ${seller}.`,
    superseded: (seller) => `Una versión más reciente sustituyó a este presupuesto; pídasela a ${seller}.`,
    thanks: (seller) => `Gracias: ${seller} ya tiene su respuesta.`,
    missingAnswer: 'Para aceptar, escribe tu nombre completo y marca la casilla.',
  },
  pt: {
    locale: 'pt-BR',
    quote: 'Orçamento',
    date: 'Data',
    validUntil: 'Válido até',
    for: 'Para',
    item: 'Item',
    quantity: 'Qtd.',
    unitPrice: 'Preço unitário',
    discount: 'Desconto',
    tax: 'Imposto',
    amount: 'Valor',
    subtotal: 'Subtotal',
    overallDiscount: (percent) => `Desconto geral (${percent})`,
    net: 'Líquido',
    taxOn: (percent, base) => `Imposto ${percent} sobre ${base}`,
    total: 'Total',
    paymentTerms: 'Condições de pagamento',
    notes: 'Observações',
    page: (number, count) => `Página ${number} de ${count}`,
    acceptTitle: 'Aceitar este orçamento',
    yourName: 'Seu nome completo',
    acceptTerms: 'Aceito as condições e este orçamento',
    accept: 'Aceitar',
    decline: 'Recusar',
    declineReason: 'Motivo (opcional)',
    downloadPdf: 'Baixar PDF',
    accepted: (name, date) => `Este orçamento foi aceito por ${name} em ${date}.`,
    declined: 'Este orçamento foi recusado.',
    expired: (date, seller) => `Este orçamento venceu em ${date}; peça um novo a ${seller}.`,
    superseded: (seller) => `Uma versão mais recente substituiu este orçamento; peça-a a ${seller}.`,
    thanks: (seller) => `Obrigado: ${seller} já recebeu sua resposta.`,
    missingAnswer: 'Para aceitar, digite seu nome completo e marque a caixa.',
  },
  it: {
    locale: 'it-IT',
    quote: 'Preventivo',
    date: 'Data',
    validUntil: 'Valido fino al',
    for: 'Per',
    item: 'Articolo',
    quantity: 'Qtà',
    unitPrice: 'Prezzo unitario',
    discount: 'Sconto',
    tax: 'Imposta',
    amount: 'Importo',
    subtotal: 'Subtotale',
    overallDiscount: (percent) => `Sconto generale (${percent})`,
    net: 'Imponibile',
    taxOn: (percent, base) => `Imposta ${percent} su ${base}`,
    total: 'Totale',
    paymentTerms: 'Condizioni di pagamento',
    notes: 'Note',
    page: (number, count) => `Pagina ${number} di ${count}`,
    acceptTitle: 'Accetta questo preventivo',
    yourName: 'Nome e cognome',
    acceptTerms: 'Accetto le condizioni e questo preventivo',
    accept: 'Accetta',
    decline: 'Rifiuta',
    declineReason: 'Motivo (facoltativo)',
    downloadPdf: 'Scarica il PDF',
    accepted: (name, date) => `Questo preventivo è stato accettato da ${name} il ${date}.`,
    declined: 'Questo preventivo è stato rifiutato.',
    expired: (date, seller) => `Questo preventivo è scaduto il ${date}; chiedine uno nuovo a ${seller}.`,
    superseded: (seller) => `Una versione più recente ha sostituito questo preventivo; chiedila a ${seller}.`,
    thanks: (seller) => `Grazie: ${seller} ha ricevuto la tua risposta.`,
    missingAnswer: 'Per accettare, scrivi il tuo nome completo e spunta la casella.',
  },
};

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * An amount in minor units as the customer reads it: "€1,234.50" (en), "1.234,50 €" (es, it), "R$ 1.234,50" (pt).
 * Exact at any size: Intl formats the decimal text itself (a string, never a float), with the currency's own digits.
 */
export function formatMoney(minor: number | bigint, currency: string, language: MemberLanguage): string {
  const key = `${language}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const digits = minorDigits(currency);
    // Grouping always, also for four digits ("1.234,50 €", where es would write "1234,50 €"): the amounts of a column line up.
    format = new Intl.NumberFormat(quoteLabels[language].locale, { style: 'currency', currency, useGrouping: 'always', minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, format);
  }
  return format.format(minorAsDecimal(minor, currency) as Intl.StringNumericLiteral);
}

/** A day (YYYY-MM-DD, or the day of a timestamp in UTC) as "30 Nov 2026", "30 nov 2026", "30 de nov. de 2026". */
export function formatDate(isoDate: string, language: MemberLanguage): string {
  return new Intl.DateTimeFormat(quoteLabels[language].locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(isoDate));
}

/** A quantity as typed, in the language's digits: "2", "1.5", "1,5". */
export function formatQuantity(quantity: number, language: MemberLanguage): string {
  return new Intl.NumberFormat(quoteLabels[language].locale, { maximumFractionDigits: 4 }).format(quantity);
}

/** A percentage as on the document: "21 %", "7,5 %" (a no-break space, so the sign never wraps alone). */
export function formatPercent(percent: number, language: MemberLanguage): string {
  return `${formatQuantity(percent, language)}\u00a0%`;
}
