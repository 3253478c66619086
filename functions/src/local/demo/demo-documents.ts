import { Readable } from 'node:stream';
import { crc32, deflateSync } from 'node:zlib';
import { fileTypeOfName, type Deal } from '@rapport/shared';
import type { DocumentService } from '../../documents/documents.service';
import type { DemoData } from './demo-data';

// The demo's documents: a proposal (a real one-page PDF) on the demo user's first open deal and its company, and a
// photo (a real PNG) on that company, so the fresh demo's Documents sections have something to preview and download.

/** Ids made from the tenant, so a resumed seed finds what it wrote. */
const documentId = (tenantId: string, name: string) => `${tenantId.slice(0, 24)}-doc-${name}`;

export async function seedDemoDocuments(documents: DocumentService, data: DemoData, now: Date): Promise<number> {
  const deal = data.deals.find((candidate): candidate is Deal & { companyId: string } => candidate.ownerId === data.userId && candidate.status === 'open' && !!candidate.companyId);
  if (!deal) return 0;
  const company = data.companies.find((candidate) => candidate.id === deal.companyId);
  const actor = { tenantId: data.tenantId, userId: data.userId };
  const files = [
    { key: 'proposal', name: `Proposal – ${deal.name}.pdf`, bytes: onePagePdf([`Proposal: ${deal.name}`, `For ${company?.name ?? 'our customer'}`, `Prepared ${now.toISOString().slice(0, 10)} by Rapport Demo Ltd`]), links: { dealId: deal.id, companyId: deal.companyId } },
    { key: 'site-photo', name: `${company?.name ?? 'Site'} – reception.png`, bytes: gradientPng(320, 200), links: { companyId: deal.companyId } },
  ];
  let written = 0;
  for (const file of files) {
    const id = documentId(data.tenantId, file.key);
    const type = fileTypeOfName(file.name);
    if (!type || (await documents.exists(data.tenantId, id))) continue;
    const kept = await documents.keep(data.tenantId, file.name, type, Readable.from([file.bytes]), file.bytes.length);
    await documents.record(actor, kept, { id, name: file.name, contentType: type.contentType, source: 'upload', ...file.links });
    written += 1;
  }
  return written;
}

/** The bytes of a file the demo inbox names (a received message's attachment): the same for the same name. */
export function demoFileBytes(name: string): Buffer {
  return onePagePdf([name.replace(/\.pdf$/i, ''), 'Rapport demo: an attachment of a received e-mail']);
}

/** A one-page PDF with a few lines of text in Helvetica (its characters kept to Latin-1's printable ASCII). */
export function onePagePdf(lines: readonly string[]): Buffer {
  const text = (value: string) => value.replace(/[^\x20-\x7e]/g, '-').replace(/[\\()]/g, (char) => `\\${char}`);
  const content = ['BT', '/F1 20 Tf', '72 760 Td', ...lines.flatMap((line, index) => [...(index > 0 ? ['0 -30 Td', '/F1 12 Tf'] : []), `(${text(line)}) Tj`]), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A PNG of a soft blue-to-green gradient: an 8-bit RGB image, one IDAT chunk. */
export function gradientPng(width: number, height: number): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const at = row + 1 + x * 3;
      rows[at] = 60 + Math.round((x / width) * 40);
      rows[at + 1] = 120 + Math.round((y / height) * 100);
      rows[at + 2] = 200 - Math.round((x / width) * 80);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
