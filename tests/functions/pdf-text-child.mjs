// Run by pdf-text.ts in a process of its own: pdf.js is an ES module that loads its worker by import(), which jest's
// CommonJS module system cannot do. Reads a PDF on stdin; prints its metadata and each page's text items as JSON.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), useSystemFonts: false, verbosity: 0 }).promise;
const { info } = await pdf.getMetadata();
const pages = [];
for (let number = 1; number <= pdf.numPages; number += 1) {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  pages.push(content.items.filter((item) => 'str' in item).map((item) => ({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width, eol: item.hasEOL })));
}
process.stdout.write(JSON.stringify({ info, pages }));
await pdf.destroy();
