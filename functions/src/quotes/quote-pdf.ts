// A quote as a PDF, drawn with pdfkit: it measures and wraps text in a given width (so a table's cells wrap and each
// row's height is known before it is drawn, which a page break needs), embeds TrueType fonts subset to the glyphs used
// (fontkit), buffers pages for a "Page n of m" footer, and is plain JavaScript (no browser, no native code).
// pdf-lib would need its own line breaking; a headless browser is hundreds of MB for one document.
import PDFDocument from 'pdfkit';
import type { QuoteDocument } from './quote-document';
import { quoteFontPaths } from './quote-fonts';
import { formatDate, formatMoney, formatPercent, formatQuantity, quoteLabels, type QuoteLabels } from './quote-labels';

// Font paths, resolved on first use (see quote-fonts.ts).
const FONT = {
  get regular(): string {
    return quoteFontPaths().regular;
  },
  get bold(): string {
    return quoteFontPaths().bold;
  },
};

const MARGIN = { top: 50, left: 50, right: 50, bottom: 60 };
const TEXT = '#1f1f1f';
const GREY = '#666666';
const RULE = '#d6d6d6';
const SIZE = { body: 9, small: 7.5, header: 8, title: 20 };
const PAD = 4;
const LOGO = { width: 160, height: 56 };

type Doc = PDFKit.PDFDocument;
type Column = { key: 'item' | 'quantity' | 'unitPrice' | 'discount' | 'tax' | 'amount'; width: number; align: 'left' | 'right' };
type Cell = { text: string; note?: string };

// The item column takes what the figures leave.
const FIGURE_COLUMNS: Column[] = [
  { key: 'quantity', width: 44, align: 'right' },
  { key: 'unitPrice', width: 80, align: 'right' },
  { key: 'discount', width: 54, align: 'right' },
  { key: 'tax', width: 48, align: 'right' },
  { key: 'amount', width: 88, align: 'right' },
];

/** The quote as an A4 PDF in its language: seller, customer, the lines over as many pages as they take, totals, terms. */
export function renderQuotePdf(document: QuoteDocument): Promise<Buffer> {
  const labels = quoteLabels[document.language];
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    // The embedded font from the start: pdfkit would otherwise load (and write) Helvetica as the default.
    font: FONT.regular,
    lang: document.language,
    displayTitle: true,
    info: { Title: document.reference, Author: document.seller.name, Creator: 'Rapport' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fillColor(TEXT);
  let y = drawHeading(doc, document, labels);
  y = drawLines(doc, document, labels, y + 18);
  y = drawTotals(doc, document, labels, y + 10);
  drawTexts(doc, labels, document, y + 16);
  drawFooters(doc, document, labels);
  doc.end();
  return done;
}

const contentWidth = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;
const bottomOf = (doc: Doc) => doc.page.height - MARGIN.bottom;

/** Seller (logo, name, address) on the left, the quote's reference and dates on the right, then whom it is for. */
function drawHeading(doc: Doc, document: QuoteDocument, labels: QuoteLabels): number {
  const width = contentWidth(doc);
  const rightWidth = 210;
  const leftWidth = width - rightWidth - 20;
  let left = MARGIN.top;
  if (document.seller.logo) left = drawLogo(doc, document.seller.logo.bytes, left);
  doc.font(FONT.bold).fontSize(12).text(document.seller.name, MARGIN.left, left, { width: leftWidth });
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(GREY);
  for (const line of document.seller.address) doc.text(line, { width: leftWidth });
  left = doc.y;

  const rightX = MARGIN.left + width - rightWidth;
  doc.fillColor(TEXT).font(FONT.bold).fontSize(SIZE.title).text(labels.quote, rightX, MARGIN.top, { width: rightWidth, align: 'right' });
  doc.fontSize(12).text(document.reference, { width: rightWidth, align: 'right' });
  doc.moveDown(0.4).font(FONT.regular).fontSize(SIZE.body);
  doc.text(`${labels.date}: ${formatDate(document.issuedOn, document.language)}`, { width: rightWidth, align: 'right' });
  doc.text(`${labels.validUntil}: ${formatDate(document.validUntil, document.language)}`, { width: rightWidth, align: 'right' });
  let y = Math.max(left, doc.y) + 16;

  const customer = [document.customer.name, document.customer.company].filter((part): part is string => Boolean(part));
  if (customer.length > 0) {
    doc.fillColor(GREY).fontSize(SIZE.header).text(labels.for, MARGIN.left, y, { width: leftWidth });
    doc.fillColor(TEXT).font(FONT.bold).fontSize(11).text(customer[0] ?? '', { width: leftWidth });
    doc.font(FONT.regular).fontSize(SIZE.body);
    for (const part of customer.slice(1)) doc.text(part, { width: leftWidth });
    y = doc.y;
  }
  return y;
}

/** The logo fitted in its box, never stretched; where the name goes below it. A logo pdfkit cannot read is left out. */
function drawLogo(doc: Doc, bytes: Buffer, top: number): number {
  try {
    // Placed in the flow (no y given), so pdfkit moves y below the image as fitted.
    doc.x = MARGIN.left;
    doc.y = top;
    doc.image(bytes, { fit: [LOGO.width, LOGO.height] });
    return doc.y + 10;
  } catch {
    // The settings check the data URL's form, not the image inside: a broken logo must not stop the quote going out.
    return top;
  }
}

/**
 * The lines' table; a row that does not fit goes to a new page, under the header row drawn again. Drawn here rather
 * than with pdfkit's table(), which repeats no header row after a page break and has one style per cell.
 */
function drawLines(doc: Doc, document: QuoteDocument, labels: QuoteLabels, top: number): number {
  const columns: Column[] = [{ key: 'item', width: contentWidth(doc) - FIGURE_COLUMNS.reduce((sum, column) => sum + column.width, 0), align: 'left' }, ...FIGURE_COLUMNS];
  const header = Object.fromEntries(columns.map((column) => [column.key, { text: labels[column.key] }])) as Record<Column['key'], Cell>;
  let y = drawRow(doc, columns, header, top, true);
  for (const line of document.lines) {
    const { language } = document;
    const row: Record<Column['key'], Cell> = {
      item: { text: line.name, ...(line.description ? { note: line.description } : {}) },
      quantity: { text: formatQuantity(line.quantity, language) },
      unitPrice: { text: formatMoney(line.unitPrice, document.currency, language) },
      discount: { text: line.discountPercent ? formatPercent(line.discountPercent, language) : '' },
      tax: { text: formatPercent(line.taxPercent, language) },
      amount: { text: formatMoney(line.amount, document.currency, language) },
    };
    if (y + rowHeight(doc, columns, row, false) > bottomOf(doc)) {
      doc.addPage();
      y = drawRow(doc, columns, header, MARGIN.top, true);
    }
    y = drawRow(doc, columns, row, y, false);
  }
  return y;
}

function cellHeight(doc: Doc, cell: Cell, width: number, header: boolean): number {
  doc.font(header ? FONT.bold : FONT.regular).fontSize(header ? SIZE.header : SIZE.body);
  let height = doc.heightOfString(cell.text || ' ', { width });
  if (cell.note) height += 2 + doc.font(FONT.regular).fontSize(SIZE.small).heightOfString(cell.note, { width });
  return height;
}

function rowHeight(doc: Doc, columns: Column[], row: Record<Column['key'], Cell>, header: boolean): number {
  return Math.max(...columns.map((column) => cellHeight(doc, row[column.key], column.width - 2 * PAD, header))) + 2 * PAD;
}

/** One row at `top`; returns where the next one starts. */
function drawRow(doc: Doc, columns: Column[], row: Record<Column['key'], Cell>, top: number, header: boolean): number {
  const height = rowHeight(doc, columns, row, header);
  const width = contentWidth(doc);
  if (header) doc.rect(MARGIN.left, top, width, height).fill('#f2f2f2');
  let x = MARGIN.left;
  for (const column of columns) {
    const cell = row[column.key];
    const options = { width: column.width - 2 * PAD, align: column.align };
    doc.fillColor(TEXT).font(header ? FONT.bold : FONT.regular).fontSize(header ? SIZE.header : SIZE.body).text(cell.text, x + PAD, top + PAD, options);
    if (cell.note) doc.fillColor(GREY).font(FONT.regular).fontSize(SIZE.small).text(cell.note, x + PAD, doc.y + 2, options);
    x += column.width;
  }
  doc.moveTo(MARGIN.left, top + height).lineTo(MARGIN.left + width, top + height).lineWidth(header ? 0.8 : 0.4).strokeColor(header ? '#9e9e9e' : RULE).stroke();
  doc.fillColor(TEXT);
  return top + height;
}

/** Subtotal, the overall discount when there is one, net, each tax rate on its base, and the total in bold. */
function drawTotals(doc: Doc, document: QuoteDocument, labels: QuoteLabels, top: number): number {
  const money = (minor: number) => formatMoney(minor, document.currency, document.language);
  const { totals } = document;
  const rows: { label: string; amount: string; bold?: boolean }[] = [
    { label: labels.subtotal, amount: money(totals.subtotal) },
    ...(totals.discount !== 0 ? [{ label: labels.overallDiscount(formatPercent(totals.discountPercent, document.language)), amount: money(-totals.discount) }] : []),
    { label: labels.net, amount: money(totals.net) },
    ...totals.taxes.map((tax) => ({ label: labels.taxOn(formatPercent(tax.percent, document.language), money(tax.base)), amount: money(tax.tax) })),
    { label: labels.total, amount: money(totals.total), bold: true },
  ];
  const amountWidth = 130;
  const labelWidth = 200;
  const amountX = MARGIN.left + contentWidth(doc) - amountWidth;
  const labelX = amountX - labelWidth;
  const heightOf = (row: (typeof rows)[number]) => {
    doc.font(row.bold ? FONT.bold : FONT.regular).fontSize(row.bold ? 11 : SIZE.body);
    return Math.max(doc.heightOfString(row.label, { width: labelWidth - PAD }), doc.heightOfString(row.amount, { width: amountWidth - PAD })) + 5;
  };
  let y = top;
  if (y + rows.reduce((sum, row) => sum + heightOf(row), 8) > bottomOf(doc)) {
    doc.addPage();
    y = MARGIN.top;
  }
  for (const row of rows) {
    const height = heightOf(row);
    if (row.bold) {
      y += 4;
      doc.moveTo(labelX, y - 3).lineTo(amountX + amountWidth, y - 3).lineWidth(0.8).strokeColor(TEXT).stroke();
    }
    doc.fillColor(TEXT).font(row.bold ? FONT.bold : FONT.regular).fontSize(row.bold ? 11 : SIZE.body);
    doc.text(row.label, labelX, y, { width: labelWidth - PAD });
    doc.text(row.amount, amountX, y, { width: amountWidth - PAD, align: 'right' });
    y += height;
  }
  return y;
}

/** Payment terms and notes, flowing onto further pages when long. */
function drawTexts(doc: Doc, labels: QuoteLabels, document: QuoteDocument, top: number): void {
  const width = contentWidth(doc);
  let y = top;
  for (const [title, text] of [
    [labels.paymentTerms, document.paymentTerms],
    [labels.notes, document.notes],
  ] as const) {
    if (!text) continue;
    // A heading never ends a page alone.
    if (y + 40 > bottomOf(doc)) {
      doc.addPage();
      y = MARGIN.top;
    }
    doc.fillColor(TEXT).font(FONT.bold).fontSize(10).text(title, MARGIN.left, y, { width });
    doc.font(FONT.regular).fontSize(SIZE.body).text(text, MARGIN.left, doc.y + 3, { width });
    y = doc.y + 12;
  }
}

/** "Page n of m" on every page, with the reference. */
function drawFooters(doc: Doc, document: QuoteDocument, labels: QuoteLabels): void {
  const { start, count } = doc.bufferedPageRange();
  const width = contentWidth(doc);
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Text below the bottom margin would open a new page: the footer lives in the margin, so lift it while writing.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN.bottom + 24;
    doc.fillColor(GREY).font(FONT.regular).fontSize(SIZE.small);
    // One line at most: a long seller name ends in an ellipsis rather than run under the page number.
    doc.text(`${document.seller.name} · ${document.reference}`, MARGIN.left, y, { width: width / 2 - 12, height: doc.currentLineHeight(), ellipsis: true });
    doc.text(labels.page(index - start + 1, count), MARGIN.left + width / 2, y, { width: width / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = MARGIN.bottom;
  }
}
