import { ImportBatcher, suggestMapping, CsvFormatError, CsvParser, csvLine, editDistance, matchName, nameKey, parseCsv, rowsAsRecords, slugOf } from '@rapport/shared';

const fields = (text: string) => parseCsv(text).map((row) => row.fields);

describe('the CSV parser', () => {
  it('reads plain rows, with or without a line break at the end, CRLF or LF', () => {
    expect(fields('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fields('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads quoted fields holding commas, quotes and line breaks, and says on which line each row starts', () => {
    const rows = parseCsv('name,notes\r\n"Doe, Jane","said ""hi""\r\nthen left"\r\nBob,\n');
    expect(rows).toEqual([
      { line: 1, fields: ['name', 'notes'] },
      { line: 2, fields: ['Doe, Jane', 'said "hi"\r\nthen left'] },
      { line: 4, fields: ['Bob', ''] },
    ]);
  });

  it('drops a byte-order mark and skips blank lines', () => {
    expect(fields('\uFEFFa\n\n\nb\n')).toEqual([['a'], ['b']]);
  });

  it('gives the same rows whatever pieces the text arrives in', () => {
    const text = 'id,name\r\n1,"Smith, ""J"""\r\n2,Ann\r\n3,"multi\nline"\r\n';
    const whole = parseCsv(text);
    for (let size = 1; size <= 7; size++) {
      const parser = new CsvParser();
      const rows = [];
      for (let at = 0; at < text.length; at += size) rows.push(...parser.push(text.slice(at, at + size)));
      rows.push(...parser.end());
      expect(rows).toEqual(whole);
    }
  });

  it('refuses a quote that is never closed, naming its line', () => {
    expect(() => parseCsv('a\n"open,1\n2\n')).toThrow(CsvFormatError);
    expect(() => parseCsv('a\n"open,1\n2\n')).toThrow('starts on line 2');
  });

  it('keys rows by the header, with empty strings for missing cells', () => {
    expect(rowsAsRecords(parseCsv('a, b \n1\n')).records).toEqual([{ line: 2, values: { a: '1', b: '' } }]);
  });

  it('writes fields back quoted when needed and defuses spreadsheet formulas', () => {
    expect(csvLine(['plain', 'a,b', 'say "x"', '=HYPERLINK("x")', '@cmd'])).toBe('plain,"a,b","say ""x""","\'=HYPERLINK(""x"")",\'@cmd\r\n');
    expect(fields(csvLine(['a,b', 'line\nbreak']))).toEqual([['a,b', 'line\nbreak']]);
    expect(csvLine(['+1 (425) 555-0100', '-12.5', '+SUM(A1)', '-2+3'])).toBe("+1 (425) 555-0100,-12.5,'+SUM(A1),'-2+3\r\n");
  });
});

describe('name matching', () => {
  const products = ['GTX Basic', 'GTX Pro', 'GTX Plus Pro', 'MG Special'].map((name) => ({ name, value: name }));

  it('matches the same name, then the same letters spelled differently', () => {
    expect(matchName('GTX Pro', products)).toEqual({ value: 'GTX Pro', how: 'exact' });
    expect(matchName('GTXPro', products)).toEqual({ value: 'GTX Pro', how: 'spelling' });
    expect(matchName('gtx-pro', products)).toEqual({ value: 'GTX Pro', how: 'spelling' });
  });

  it('reads a small typo as the one candidate it is close to, and refuses guesses', () => {
    const industries = ['technology', 'telecommunications', 'medical'].map((name) => ({ name, value: name }));
    expect(matchName('technolgy', industries)).toEqual({ value: 'technology', how: 'typo' });
    expect(matchName('tech', industries)).toBeNull();
    expect(matchName('GTX', products)).toBeNull();
    expect(matchName('', products)).toBeNull();
  });

  it('measures edit distance and stops past the limit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('makes stable id parts of names', () => {
    expect(slugOf('Acme Corporation')).toBe('acme-corporation');
    expect(slugOf('Société Générale!')).toBe('societe-generale');
    expect(slugOf('***')).toBe('x');
    expect(nameKey('GTX Plus Pro')).toBe('gtxpluspro');
  });
});

describe('import batches', () => {
  it('maps rows from the header, fills batches of the size asked, and writes a rejected row back as it was', () => {
    const batcher = new ImportBatcher(2, (header) => suggestMapping('lead', header));
    const rows = parseCsv('Surname,E-mail\nAa,a@x.example\nBb,b@x.example\n"C, c",not-mail\n');
    const full = batcher.take(rows);
    expect(full.map((batch) => batch.rows)).toEqual([[{ line: 2, values: { lastName: 'Aa', email: 'a@x.example' } }, { line: 3, values: { lastName: 'Bb', email: 'b@x.example' } }]]);
    const last = batcher.finish()!;
    expect(last.rows).toEqual([{ line: 4, values: { lastName: 'C, c', email: 'not-mail' } }]);
    expect(batcher.finish()).toBeNull();
    expect(batcher.columns).toEqual({ lastName: 'Surname', email: 'E-mail' });
    expect(batcher.rejectsHeader + ImportBatcher.rejectLine(last, { line: 4, reason: 'bad e-mail' })).toBe('line,reason,Surname,E-mail\r\n4,bad e-mail,"C, c",not-mail\r\n');
  });
});
