import { escapeHtml, htmlOfText } from '@rapport/shared';
import type { QuoteDocument } from './quote-document';
import { formatDate, formatMoney, formatPercent, formatQuantity, quoteLabels, type QuoteLabels } from './quote-labels';

/** Where the quote stands for the customer, and the URLs the route gives the page. */
export type QuotePageView = {
  state: 'open' | 'accepted' | 'declined' | 'expired' | 'superseded';
  /** The name the customer typed when accepting. */
  acceptedBy?: string;
  /** When the customer answered (a timestamp). */
  answeredAt?: string;
  actions: { accept: string; decline: string; pdf: string; opened: string; script: string };
  /** A message shown above the form, already in the customer's language. */
  error?: string;
};

/**
 * The public page's Content-Security-Policy: no script but the page's own file, styles only inline, images only as
 * data: URLs (the logo), forms posting to this site, the opened beacon to this site, and no framing.
 */
export const QUOTE_PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The page's one script, served as a file: tells the server once that the customer saw the page (reading it from a
 * tab in the background, or a mail scanner fetching it, does not count). Nothing else on the page needs it.
 */
export const QUOTE_PAGE_SCRIPT = `(function () {
  'use strict';
  var url = document.body && document.body.getAttribute('data-opened');
  if (!url) return;
  var sent = false;
  function report() {
    if (sent || document.visibilityState !== 'visible') return;
    sent = true;
    document.removeEventListener('visibilitychange', report);
    fetch(url, { method: 'POST', keepalive: true, credentials: 'same-origin' }).catch(function () {});
  }
  document.addEventListener('visibilitychange', report);
  report();
})();
`;

/**
 * The page a customer opens from the quote's e-mail: the same content as the PDF, and, while the quote is open, the
 * forms to accept (name and the terms ticked) or decline it. Plain HTML forms, so it works without JavaScript; every
 * text escaped.
 */
export function renderQuotePage(document: QuoteDocument, view: QuotePageView): string {
  const labels = quoteLabels[document.language];
  // An expired or replaced version's link shows what became of it, not its prices any more.
  const shown = view.state !== 'expired' && view.state !== 'superseded';
  const title = `${labels.quote} ${document.reference} · ${document.seller.name}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(document.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    `<script src="${escapeHtml(view.actions.script)}" defer></script>`,
    '</head>',
    `<body data-opened="${escapeHtml(view.actions.opened)}">`,
    '<main>',
    heading(document, labels),
    answer(document, view, labels),
    shown ? `<p class="download"><a href="${escapeHtml(view.actions.pdf)}">${escapeHtml(labels.downloadPdf)}</a></p>` : '',
    shown ? linesTable(document, labels) : '',
    shown ? totalsTable(document, labels) : '',
    shown ? texts(document, labels) : '',
    view.state === 'open' ? forms(view, labels) : '',
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}

function heading(document: QuoteDocument, labels: QuoteLabels): string {
  const { seller, customer } = document;
  const logo = seller.logo ? `<img class="logo" src="data:${escapeHtml(seller.logo.contentType)};base64,${seller.logo.bytes.toString('base64')}" alt="${escapeHtml(seller.name)}">` : '';
  const address = seller.address.map((line) => `<br>${escapeHtml(line)}`).join('');
  const who = [customer.name, customer.company].filter((part): part is string => Boolean(part));
  return [
    '<header>',
    `<div class="seller">${logo}<p><strong>${escapeHtml(seller.name)}</strong><span class="muted">${address}</span></p></div>`,
    `<div class="reference"><h1>${escapeHtml(labels.quote)} <span>${escapeHtml(document.reference)}</span></h1>`,
    '<dl>',
    `<dt>${escapeHtml(labels.date)}</dt><dd>${escapeHtml(formatDate(document.issuedOn, document.language))}</dd>`,
    `<dt>${escapeHtml(labels.validUntil)}</dt><dd>${escapeHtml(formatDate(document.validUntil, document.language))}</dd>`,
    who.length > 0 ? `<dt>${escapeHtml(labels.for)}</dt><dd>${who.map(escapeHtml).join('<br>')}</dd>` : '',
    '</dl></div>',
    '</header>',
  ].join('\n');
}

/** What became of the quote (or the form's error), above the content. */
function answer(document: QuoteDocument, view: QuotePageView, labels: QuoteLabels): string {
  const date = (iso: string | undefined) => (iso ? formatDate(iso, document.language) : '');
  const seller = document.seller.name;
  const messages: Record<QuotePageView['state'], string[]> = {
    open: [],
    accepted: [labels.accepted(view.acceptedBy ?? '', date(view.answeredAt)), labels.thanks(seller)],
    declined: [labels.declined, labels.thanks(seller)],
    expired: [labels.expired(date(document.validUntil), seller)],
    superseded: [labels.superseded(seller)],
  };
  const status = messages[view.state].map((message) => `<p>${escapeHtml(message)}</p>`).join('');
  return [
    view.error ? `<div class="error" role="alert"><p>${escapeHtml(view.error)}</p></div>` : '',
    status ? `<div class="status status-${view.state}" role="status">${status}</div>` : '',
  ].join('\n');
}

function linesTable(document: QuoteDocument, labels: QuoteLabels): string {
  const { language, currency } = document;
  const cell = (label: string, value: string, className = 'num') => `<td class="${className}" data-label="${escapeHtml(label)}">${escapeHtml(value)}</td>`;
  const rows = document.lines.map((line) =>
    [
      '<tr>',
      `<td class="item"><span class="name">${escapeHtml(line.name)}</span>${line.description ? `<span class="description">${htmlOfText(line.description)}</span>` : ''}</td>`,
      cell(labels.quantity, formatQuantity(line.quantity, language)),
      cell(labels.unitPrice, formatMoney(line.unitPrice, currency, language)),
      cell(labels.discount, line.discountPercent ? formatPercent(line.discountPercent, language) : '', line.discountPercent ? 'num' : 'num empty'),
      cell(labels.tax, formatPercent(line.taxPercent, language)),
      cell(labels.amount, formatMoney(line.amount, currency, language), 'num amount'),
      '</tr>',
    ].join(''),
  );
  const header = [labels.item, labels.quantity, labels.unitPrice, labels.discount, labels.tax, labels.amount]
    .map((label, index) => `<th scope="col"${index > 0 ? ' class="num"' : ''}>${escapeHtml(label)}</th>`)
    .join('');
  return `<table class="lines">\n<thead><tr>${header}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function totalsTable(document: QuoteDocument, labels: QuoteLabels): string {
  const { totals, language } = document;
  const money = (minor: number) => formatMoney(minor, document.currency, language);
  const row = (label: string, amount: string, className = '') => `<tr${className ? ` class="${className}"` : ''}><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(amount)}</td></tr>`;
  return [
    '<table class="totals">',
    row(labels.subtotal, money(totals.subtotal)),
    totals.discount !== 0 ? row(labels.overallDiscount(formatPercent(totals.discountPercent, language)), money(-totals.discount)) : '',
    row(labels.net, money(totals.net)),
    ...totals.taxes.map((tax) => row(labels.taxOn(formatPercent(tax.percent, language), money(tax.base)), money(tax.tax))),
    row(labels.total, money(totals.total), 'total'),
    '</table>',
  ].join('\n');
}

function texts(document: QuoteDocument, labels: QuoteLabels): string {
  const section = (title: string, text: string | undefined) => (text ? `<section class="text"><h2>${escapeHtml(title)}</h2><p>${htmlOfText(text)}</p></section>` : '');
  return [section(labels.paymentTerms, document.paymentTerms), section(labels.notes, document.notes)].join('\n');
}

/** Accept (name and the terms ticked) and, smaller, decline with an optional reason: plain posts, no script needed. */
function forms(view: QuotePageView, labels: QuoteLabels): string {
  return [
    '<section class="answer">',
    `<h2>${escapeHtml(labels.acceptTitle)}</h2>`,
    `<form class="accept" method="post" action="${escapeHtml(view.actions.accept)}" enctype="application/x-www-form-urlencoded">`,
    `<label for="name">${escapeHtml(labels.yourName)}</label>`,
    '<input id="name" name="name" type="text" required maxlength="200" autocomplete="name">',
    `<label class="check"><input type="checkbox" name="acceptTerms" value="on" required> <span>${escapeHtml(labels.acceptTerms)}</span></label>`,
    `<button type="submit">${escapeHtml(labels.accept)}</button>`,
    '</form>',
    `<form class="decline" method="post" action="${escapeHtml(view.actions.decline)}" enctype="application/x-www-form-urlencoded">`,
    `<label for="reason">${escapeHtml(labels.declineReason)}</label>`,
    '<textarea id="reason" name="reason" maxlength="2000" rows="3"></textarea>',
    `<button type="submit" class="secondary">${escapeHtml(labels.decline)}</button>`,
    '</form>',
    '</section>',
  ].join('\n');
}

// One style sheet, inline (the policy allows inline styles only). Below 600 px the lines' table turns into stacked
// rows, each figure under its column's name, so nothing scrolls sideways at 320 px.
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f5f5f5;color:#1f1f1f;font:15px/1.45 "Segoe UI",system-ui,-apple-system,Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere}
main{max-width:860px;margin:0 auto;padding:24px;background:#fff;min-height:100vh}
header{display:flex;flex-wrap:wrap;justify-content:space-between;gap:16px 32px;margin-bottom:20px}
.seller p{margin:0}
.logo{display:block;max-width:180px;max-height:64px;margin-bottom:10px}
.muted,.description{color:#616161}
.reference{text-align:right}
h1{font-size:24px;margin:0 0 6px}
h1 span{display:block;font-size:16px}
dl{margin:0;display:grid;grid-template-columns:auto auto;gap:2px 10px;justify-content:end}
dt{color:#616161}
dd{margin:0}
h2{font-size:17px;margin:24px 0 8px}
.status,.error{border-radius:6px;padding:10px 14px;margin:0 0 16px}
.status p,.error p{margin:4px 0}
.status{background:#eef4fb;border:1px solid #b4cdea}
.status-accepted{background:#eef7ee;border-color:#a8d5a8}
.status-expired,.status-superseded,.status-declined{background:#f7f4ec;border-color:#dcccaa}
.error{background:#fdf0f0;border:1px solid #e0a8a8;color:#8a1f1f}
.download a{color:#0f5bb5;font-weight:600}
table{width:100%;border-collapse:collapse}
.lines th,.lines td{padding:8px 6px;border-bottom:1px solid #e0e0e0;vertical-align:top;text-align:left}
.lines thead th{background:#f2f2f2;font-size:13px;border-bottom:1px solid #9e9e9e}
.lines .num{text-align:right;white-space:nowrap;overflow-wrap:normal}
.name{display:block;font-weight:600}
.description{display:block;font-size:13px}
.totals{margin:12px 0 0 auto;max-width:440px}
.totals th{font-weight:normal;text-align:left;vertical-align:top;padding:4px 12px 4px 0}
.totals td{text-align:right;vertical-align:top;padding:4px 0;white-space:nowrap;overflow-wrap:normal}
.totals .total th,.totals .total td{font-weight:700;font-size:17px;border-top:2px solid #1f1f1f;padding-top:8px}
.text p{margin:0}
.answer{margin-top:28px;border-top:1px solid #e0e0e0}
form{display:flex;flex-direction:column;gap:8px;max-width:440px}
form.decline{margin-top:28px}
label{font-weight:600}
label.check{display:flex;gap:8px;align-items:flex-start;font-weight:normal}
label.check input{margin-top:4px;flex:none;width:18px;height:18px}
input[type=text],textarea{width:100%;font:inherit;font-size:16px;padding:8px 10px;border:1px solid #8a8a8a;border-radius:4px}
button{align-self:flex-start;font:inherit;font-weight:600;padding:10px 22px;border-radius:4px;border:1px solid #0f5bb5;background:#0f5bb5;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#a4262c;border-color:#a4262c;padding:6px 16px}
input:focus-visible,textarea:focus-visible,button:focus-visible,a:focus-visible{outline:2px solid #0f5bb5;outline-offset:2px}
@media (max-width:600px){
main{padding:16px}
.reference{text-align:left}
dl{justify-content:start}
.lines thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.lines,.lines tbody,.lines tr,.lines td{display:block;width:100%}
.lines tr{border-bottom:1px solid #e0e0e0;padding:8px 0}
.lines td{border:0;padding:2px 0}
.lines td.num{display:flex;justify-content:space-between;gap:12px;text-align:right}
.lines td.num::before{content:attr(data-label);color:#616161;text-align:left}
.lines td.empty{display:none}
.lines td.amount{font-weight:600}
.totals{max-width:none}
}
`;
