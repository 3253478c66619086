import { renderQuotePdf } from '../../functions/src/quotes/quote-pdf';
import { formatMoney } from '../../functions/src/quotes/quote-labels';
import { allTexts, pdfText, spaced } from './pdf-text';
import { manyLines, sampleQuoteDocument, TINY_PNG } from './quote-samples';

// Each PDF is read back with pdf.js, as a customer's reader would: the assertions are on the text it finds.
describe('the quote as a PDF', () => {
  it('writes the reference, seller and customer with their accents intact, in an embedded font, with Title and Language', async () => {
    const pdf = await renderQuotePdf(sampleQuoteDocument({ language: 'pt', sellerName: 'Müller & Söhne GmbH', contactName: 'Zofia Łódź', companyName: 'Győr Kft.' }));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read = pdfText(pdf);
    expect(allTexts(read)).toEqual(expect.arrayContaining(['Orçamento', 'Q-1042 v2', 'Müller & Söhne GmbH', 'Rua Augusta 1500', 'São Paulo, SP', 'Zofia Łódź', 'Győr Kft.']));
    expect(read.info).toMatchObject({ Title: 'Q-1042 v2', Language: 'pt' });
    // The built-in fonts would have turned Ł and ő into other letters: only the embedded DejaVu subset is there.
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).not.toContain('/Helvetica');
  });

  it('prints the totals as formatted: the overall discount, net, each tax rate on its base and the total', async () => {
    const read = pdfText(await renderQuotePdf(sampleQuoteDocument({ lines: [{ name: 'Consulting day', quantity: 3, unitPrice: 410.5, taxPercent: 21 }], discountPercent: 5 })));
    const texts = allTexts(read);
    expect(texts).toEqual(expect.arrayContaining(['Subtotal', '€1,231.50', 'Overall discount (5 %)', '-€61.58', 'Net', '€1,169.92', 'Tax 21 % on €1,169.92', '€245.68', 'Total', '€1,415.60']));
    expect(texts).toEqual(expect.arrayContaining(['Item', 'Qty', 'Unit price', 'Discount', 'Tax', 'Amount', '3', '€410.50', '21 %', '€1,231.50']));
  });

  it('prints yen without decimals and Kuwaiti dinars with three', async () => {
    const yen = allTexts(pdfText(await renderQuotePdf(sampleQuoteDocument({ currency: 'JPY', lines: [{ name: 'Licence', quantity: 3, unitPrice: 12_345, taxPercent: 10 }] }))));
    expect(yen).toEqual(expect.arrayContaining(['JP¥12,345', 'JP¥37,035', 'Tax 10 % on JP¥37,035', 'JP¥3,704', 'JP¥40,739']));
    const dinars = allTexts(pdfText(await renderQuotePdf(sampleQuoteDocument({ currency: 'KWD', lines: [{ name: 'Licence', quantity: 2, unitPrice: 1234.567, taxPercent: 0 }] }))));
    expect(dinars).toEqual(expect.arrayContaining(['KWD 1,234.567', 'KWD 2,469.134', 'Tax 0 % on KWD 2,469.134', 'KWD 0.000']));
  });

  it("writes the customer's language: words, dates and amounts", async () => {
    const document = sampleQuoteDocument({ language: 'es', lines: [{ name: 'Consultoría', quantity: 3, unitPrice: 410.5, taxPercent: 21 }], discountPercent: 5 });
    const texts = allTexts(pdfText(await renderQuotePdf(document)));
    expect(texts).toEqual(expect.arrayContaining(['Presupuesto', 'Fecha: 30 nov 2026', 'Válido hasta: 30 dic 2026', 'Precio unitario', 'Descuento general (5 %)', '1.415,60 €', 'Total', 'Página 1 de 1']));
    expect(texts).toContain(spaced(formatMoney(document.totals.total, 'EUR', 'es')));
  });

  it('spreads 200 lines over pages, each line once, the header row again on every page, "Page n of m" on each', async () => {
    const document = sampleQuoteDocument({ lines: manyLines(200), paymentTerms: '30 days net', notes: 'Delivery in two batches.' });
    const read = pdfText(await renderQuotePdf(document));
    const count = read.pages.length;
    expect(count).toBeGreaterThanOrEqual(3);
    const texts = allTexts(read);
    for (const line of document.lines) expect(texts.filter((text) => text === line.name)).toHaveLength(1);
    const pagesWithLines = read.pages.filter((items) => items.some((item) => item.text.startsWith('Product ')));
    expect(pagesWithLines.length).toBeGreaterThanOrEqual(3);
    for (const items of pagesWithLines) {
      const header = items.find((item) => item.text === 'Unit price');
      expect(header).toBeDefined();
      // Above every line of its page.
      const lines = items.filter((item) => item.text.startsWith('Product '));
      expect(Math.min(...lines.map((item) => header!.y - item.y))).toBeGreaterThan(0);
    }
    read.pages.forEach((items, index) => expect(items.map((item) => item.text)).toContain(`Page ${index + 1} of ${count}`));
    expect(texts).toEqual(expect.arrayContaining(['Payment terms', '30 days net', 'Notes', 'Delivery in two batches.', spaced(formatMoney(document.totals.total, 'EUR', 'en'))]));
  });

  it('draws the logo when the tenant has one, and the text around it stays', async () => {
    const withLogo = await renderQuotePdf(sampleQuoteDocument({ logo: TINY_PNG }));
    expect(withLogo.toString('latin1')).toContain('/Subtype /Image');
    expect(allTexts(pdfText(withLogo))).toEqual(expect.arrayContaining(['Müller & Söhne GmbH', 'Q-1042 v2']));
    const without = await renderQuotePdf(sampleQuoteDocument());
    expect(without.toString('latin1')).not.toContain('/Subtype /Image');
  });

  it('still renders the quote when the logo is not an image pdfkit can read', async () => {
    const document = sampleQuoteDocument({ logo: `data:image/png;base64,${Buffer.from('not a png').toString('base64')}` });
    expect(document.seller.logo).toBeDefined();
    expect(allTexts(pdfText(await renderQuotePdf(document)))).toContain('Müller & Söhne GmbH');
  });

  it('wraps a very long item name inside its column, every word kept in order', async () => {
    const words = Array.from({ length: 60 }, (_, index) => `word${index}`);
    const name = words.join(' ');
    expect(name.length).toBeGreaterThanOrEqual(300);
    const [page] = pdfText(await renderQuotePdf(sampleQuoteDocument({ lines: [{ name, quantity: 1, unitPrice: 5 }] }))).pages;
    const quantityHeader = page!.find((item) => item.text === 'Qty')!;
    const nameLines = page!.filter((item) => /^word\d/.test(item.text.trim()));
    expect(nameLines.length).toBeGreaterThan(3);
    expect(nameLines.map((item) => item.text.trim()).join(' ')).toBe(name);
    for (const item of nameLines) expect(item.x + item.width).toBeLessThan(quantityHeader.x);
  });
});
