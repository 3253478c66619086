import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Document } from '@rapport/shared';
import { DEMO_TENANT_ID } from '../../functions/src/local/demo/demo-data';
import { cspViolations, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, paneFrame, problemsOf } from './pane-checks';

// A rep keeps files with a customer from the pane at Outlook's 320 px: picks a PDF and a PNG, drops another, previews
// the image, saves the PDF, deletes one and takes it back. What the pane shows is checked against what the store holds
// and against the bytes that went in, and each state is measured (nothing sideways, axe) and photographed.

jest.setTimeout(180_000);

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site?.close();
});

/** A one-page PDF that says `text`, with a correct cross-reference table (a viewer shows it). */
function pdfSaying(text: string): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const PDF = pdfSaying('Proposal for the 2027 renewal');
const PNG = fs.readFileSync(path.resolve(__dirname, '../../addin/public/assets/icon-128.png'));
const DROPPED = Buffer.from('Agreed on the call: 50 seats from January, invoiced quarterly.\n');
// A Windows program's first bytes, as an .exe renamed .pdf carries them.
const PROGRAM = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
// Long enough to wrap in a 320 px pane: it must wrap, not widen it.
const LONG_NAME = 'Proposta comercial renovação 2027 – Contoso Brasil Ltda – versão final revisada pelo jurídico.pdf';

/** Nothing of the pane runs off sideways, values stay whole, axe finds nothing serious; a screenshot of the whole pane. */
async function fits(page: Page, view: string): Promise<void> {
  expect(problemsOf(await checkPane(page, view, 320))).toEqual([]);
}

async function documentsOf(contactId: string): Promise<Document[]> {
  return (await site.app.store.list('document', DEMO_TENANT_ID, { limit: 100, linkedTo: { kind: 'contact', id: contactId } })).items as Document[];
}

/** What the store holds once the pane's write landed: read until `read` gives something, for a few seconds. */
async function eventually<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The store never held what the pane wrote');
}

/** Drops a file on the section as a person would from their desktop: dragenter, dragover, drop, with the file in a DataTransfer. */
async function dropFile(page: Page, name: string, bytes: Buffer, type: string): Promise<void> {
  await paneFrame(page).evaluate(
    ({ name, base64, type }) => {
      const binary = atob(base64);
      const file = new File([Uint8Array.from(binary, (char) => char.charCodeAt(0))], name, { type });
      const data = new DataTransfer();
      data.items.add(file);
      const zone = [...document.querySelectorAll('span')].find((span) => span.textContent === 'Drop files here');
      if (!zone) throw new Error('No drop zone');
      for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { name, base64: bytes.toString('base64'), type },
  );
}

describe('documents in the pane at 320 px', () => {
  it('adds a PDF and a PNG by the file picker and one by dropping it, previews the image, saves the PDF, deletes one and takes it back', async () => {
    const email = demoItem(site, 'A customer with an open deal');
    const { page, pane } = await openDemo(site, { item: email.id, width: 320 });
    const card = pane.getByRole('region', { name: email.from!.name });
    await card.waitFor();
    const [contactId] = (await site.app.store.findContactIdsByEmails(DEMO_TENANT_ID, [email.from!.email.toLowerCase()])).get(email.from!.email.toLowerCase()) ?? [];
    expect(await documentsOf(contactId!)).toEqual([]);

    // Closed until opened; then it says what would fill it and how.
    const section = pane.getByRole('region', { name: 'Documents' });
    await section.getByRole('button', { name: 'Documents' }).click();
    await section.getByText(/^No documents yet\./).waitFor();
    await section.getByText('Drop files here', { exact: true }).scrollIntoViewIfNeeded();
    await fits(page, 'documents-empty');

    // Two files by the picker (several at once), then a renamed program, refused in the pane before it is sent.
    await section.locator('input[type=file]').setInputFiles([
      { name: LONG_NAME, mimeType: 'application/pdf', buffer: PDF },
      { name: 'Site visit.png', mimeType: 'image/png', buffer: PNG },
    ]);
    const list = section.getByRole('list', { name: 'Documents' });
    await list.getByRole('listitem', { name: LONG_NAME }).waitFor();
    await list.getByRole('listitem', { name: 'Site visit.png' }).waitFor();
    await section.locator('input[type=file]').setInputFiles([{ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PROGRAM }]);
    const refusal = section.getByRole('alert').filter({ hasText: 'Not added: invoice.pdf.' });
    await refusal.getByText(/This file is a program, whatever its name says/).waitFor();
    await refusal.scrollIntoViewIfNeeded();
    await fits(page, 'documents-error');
    await refusal.getByRole('button', { name: 'Dismiss' }).click();
    await refusal.waitFor({ state: 'detached' });

    // One dropped on the section.
    await dropFile(page, 'Call notes.txt', DROPPED, 'text/plain');
    await list.getByRole('listitem', { name: 'Call notes.txt' }).waitFor();
    const stored = await eventually(async () => {
      const documents = await documentsOf(contactId!);
      return documents.length === 3 ? documents : undefined;
    });
    expect(stored.map((document) => [document.name, document.contentType, document.size]).sort()).toEqual(
      [
        [LONG_NAME, 'application/pdf', PDF.length],
        ['Site visit.png', 'image/png', PNG.length],
        ['Call notes.txt', 'text/plain; charset=utf-8', DROPPED.length],
      ].sort(),
    );
    // Newest first, each with its size and who added it.
    // The PDF and the PNG went up together from one pick, so either may be stored first; the dropped file came last.
    const listed = await list.getByRole('listitem').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')));
    expect([listed[0], [...listed.slice(1)].sort()]).toEqual(['Call notes.txt', [LONG_NAME, 'Site visit.png'].sort()]);
    await expect(list.getByRole('listitem', { name: 'Site visit.png' }).textContent()).resolves.toMatch(/Site visit\.png\d+(\.\d)? kB · Added by you, /);
    await fits(page, 'documents-listed');

    // The image, previewed from its bytes: drawn at its size, inside the pane.
    await list.getByRole('button', { name: 'Preview Site visit.png' }).click();
    const image = list.getByRole('img', { name: 'Preview of Site visit.png' });
    await image.waitFor();
    await expect(image.evaluate((element: HTMLImageElement) => element.decode().then(() => [element.naturalWidth, element.src.startsWith('blob:')]))).resolves.toEqual([128, true]);
    await image.scrollIntoViewIfNeeded();
    await fits(page, 'documents-preview-image');
    await list.getByRole('button', { name: 'Close the preview of Site visit.png' }).click();

    // The PDF, previewed in a frame of its blob: URL, then saved with its name and its very bytes.
    await list.getByRole('button', { name: `Preview ${LONG_NAME}` }).click();
    const pdfFrame = list.locator(`iframe[title="Preview of ${LONG_NAME}"]`);
    await pdfFrame.waitFor();
    expect(await pdfFrame.getAttribute('src')).toMatch(/^blob:/);
    // Chromium's viewer draws it inside the frame: the page as it shows in the pane, to look at.
    await paneFrame(page).waitForFunction(() => [...document.querySelectorAll('iframe')].some((frame) => frame.getBoundingClientRect().height > 300));
    await pdfFrame.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1000);
    await screenshot(page, 'documents-preview-pdf');
    await fits(page, 'documents-preview-pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: `Download ${LONG_NAME}` }).click()]);
    expect(download.suggestedFilename()).toBe(LONG_NAME);
    expect(fs.readFileSync(await download.path()).equals(PDF)).toBe(true);
    await list.getByRole('button', { name: `Close the preview of ${LONG_NAME}` }).click();

    // Deleted after asking, with Undo in its place; Undo brings it back.
    await list.getByRole('button', { name: 'Delete Call notes.txt' }).click();
    const confirm = list.getByRole('group', { name: 'Delete Call notes.txt' });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await list.getByText('Call notes.txt was deleted.').waitFor();
    await eventually(async () => ((await documentsOf(contactId!)).length === 2 ? true : undefined));
    await list.getByText('Call notes.txt was deleted.').scrollIntoViewIfNeeded();
    await fits(page, 'documents-deleted');
    await list.getByRole('button', { name: 'Undo' }).click();
    await list.getByText('Call notes.txt was deleted.').waitFor({ state: 'detached' });
    await eventually(async () => ((await documentsOf(contactId!)).length === 3 ? true : undefined));
    await list.getByRole('listitem', { name: 'Call notes.txt' }).getByRole('button', { name: 'Delete Call notes.txt' }).waitFor();

    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });
});
