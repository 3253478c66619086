import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** A run of text as pdf.js reads it back from a page, at its position (points from the page's bottom left). */
export type PdfTextItem = { text: string; x: number; y: number; width: number; eol: boolean };
export type PdfText = { info: { Title?: string; Language?: string; [key: string]: unknown }; pages: PdfTextItem[][] };

/** The PDF's metadata and text, read back with pdf.js (Mozilla's reader) in a process of its own (pdf-text-child.mjs). */
export function pdfText(pdf: Buffer): PdfText {
  const run = spawnSync(process.execPath, [path.join(__dirname, 'pdf-text-child.mjs')], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`pdf.js could not read the PDF: ${run.stderr}`);
  const read = JSON.parse(run.stdout) as PdfText;
  // A no-break space reads back as the glyph's space (Intl puts one between an amount and its currency).
  return { ...read, pages: read.pages.map((items) => items.filter((item) => item.text.trim() !== '').map((item) => ({ ...item, text: spaced(item.text) }))) };
}

/** Text with no-break spaces as plain ones, to compare with what a reader extracts. */
export function spaced(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** Every text run of the document, in page order. */
export function allTexts(read: PdfText): string[] {
  return read.pages.flat().map((item) => item.text);
}
