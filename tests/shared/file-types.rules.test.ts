import { cleanFileName, contentProblem, fileNameProblem, fileTypeOfName, firstZipEntry, keepableFileName, wellFormed } from '@rapport/shared';

/** A zip's first local file header, with `name` as its first entry and `content` stored after it. */
function zipStartingWith(name: string, content = ''): Uint8Array {
  const header = Buffer.alloc(30);
  header.write('PK\x03\x04', 0, 'latin1');
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), Buffer.from(content)]);
}

const problemOf = (name: string, head: Uint8Array) => contentProblem(fileTypeOfName(name), head);

describe('which files Rapport keeps', () => {
  it('tells a type by the name and checks it against the first bytes', () => {
    expect(problemOf('offer.pdf', Buffer.from('%PDF-1.7\n'))).toBeNull();
    expect(problemOf('offer.pdf', Buffer.from('PK\x03\x04'))).toBe('mismatch');
    expect(problemOf('invoice.pdf', Buffer.from('MZ\x90\x00'))).toBe('program');
    expect(problemOf('run.txt', Buffer.from('#!/bin/sh\nrm -rf /\n'))).toBe('program');
    expect(problemOf('setup.exe', Buffer.from('MZ'))).toBe('not-allowed');
    expect(problemOf('logo.svg', Buffer.from('<svg/>'))).toBe('not-allowed');
    expect(problemOf('empty.txt', new Uint8Array(0))).toBe('empty');
  });

  it('takes an Office file only when its zip starts with the package’s own parts', () => {
    expect(firstZipEntry(zipStartingWith('[Content_Types].xml'))).toBe('[Content_Types].xml');
    expect(problemOf('report.docx', zipStartingWith('[Content_Types].xml'))).toBeNull();
    expect(problemOf('report.docx', zipStartingWith('_rels/.rels'))).toBeNull();
    expect(problemOf('sheet.xlsx', zipStartingWith('xl/workbook.xml'))).toBeNull();
    // Any other zip named .docx: a program packed in it, or an archive of anything.
    expect(problemOf('report.docx', zipStartingWith('invoice.exe'))).toBe('mismatch');
    expect(problemOf('report.docx', zipStartingWith('xl/workbook.xml'))).toBe('mismatch');
  });

  it('takes an OpenDocument file only with its mimetype entry first, naming its type', () => {
    expect(problemOf('letter.odt', zipStartingWith('mimetype', 'application/vnd.oasis.opendocument.text'))).toBeNull();
    expect(problemOf('letter.odt', zipStartingWith('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'))).toBe('mismatch');
    expect(problemOf('letter.odt', zipStartingWith('content.xml'))).toBe('mismatch');
  });
});

describe('file names', () => {
  it('refuses path parts and hidden characters, lone surrogates among them', () => {
    expect(fileNameProblem('../x.pdf')).toBe('path');
    expect(fileNameProblem('a\\b.pdf')).toBe('path');
    expect(fileNameProblem('gpj\u202Eexe.pdf')).toBe('control');
    expect(fileNameProblem('broken\uD800.pdf')).toBe('control');
    expect(fileNameProblem('Łódź – oferta.pdf')).toBeNull();
    expect(cleanFileName(' a:b*c?.pdf ')).toBe('a_b_c_.pdf');
  });

  it('makes an attachment’s name keepable rather than refusing it', () => {
    expect(keepableFileName('C:\\Users\\x\\..\\plan.pdf', 'attachment-1')).toBe('plan.pdf');
    expect(keepableFileName('\u202Eplan\uDC00.pdf', 'attachment-1')).toBe('plan\uFFFD.pdf');
    expect(keepableFileName('..', 'attachment-1')).toBe('attachment-1');
    expect(keepableFileName(`${'x'.repeat(300)}.pdf`, 'a')).toHaveLength(200);
    expect(wellFormed('ok')).toBe('ok');
  });
});
