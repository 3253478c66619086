// Plain code, no schema: the task pane parses the file a user picks with this, without loading zod.

/** A field longer than this ends the parse: an unclosed quote would otherwise swallow the rest of the file. */
export const MAX_CSV_FIELD_CHARS = 100_000;

export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * An incremental CSV parser (RFC 4180: `,` between fields, `"` around fields that hold commas, quotes or line
 * breaks, `""` for a quote inside one; CRLF or LF line ends; a UTF-8 byte-order mark at the start is dropped).
 * Text goes in piece by piece as it is read; complete rows come out, so a file is never held whole.
 */
export class CsvParser {
  private field = '';
  private row: string[] = [];
  private inQuotes = false;
  // The last character was the closing quote of a quoted field (a following `"` makes it an escaped quote).
  private quoteClosed = false;
  private pendingCr = false;
  private started = false;
  private line = 1;
  private rowStartLine = 1;
  private rowHasContent = false;

  /** The line (1-based) on which the next row starts: what a person sees in a text editor. */
  get nextRowLine(): number {
    return this.rowStartLine;
  }

  /** Parses the next piece of text; returns the rows it completed, each with the line it started on. */
  push(text: string): CsvRow[] {
    const rows: CsvRow[] = [];
    let start = 0;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) start = 1;
    }
    for (let i = start; i < text.length; i++) {
      const char = text[i]!;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (char === '\n') continue;
      }
      if (this.inQuotes) {
        if (char === '"') {
          this.inQuotes = false;
          this.quoteClosed = true;
        } else {
          if (char === '\n') this.line++;
          this.append(char);
        }
        continue;
      }
      if (char === '"') {
        if (this.quoteClosed) {
          // `""` inside a quoted field: one quote, and the field goes on.
          this.append('"');
          this.inQuotes = true;
          this.quoteClosed = false;
        } else if (this.field.length === 0) {
          this.inQuotes = true;
          this.rowHasContent = true;
        } else {
          // A quote in the middle of an unquoted field is kept as written (as spreadsheets do).
          this.append('"');
        }
        continue;
      }
      this.quoteClosed = false;
      if (char === ',') {
        this.row.push(this.field);
        this.field = '';
        this.rowHasContent = true;
      } else if (char === '\n' || char === '\r') {
        if (char === '\r') this.pendingCr = true;
        this.endRow(rows);
        this.line++;
        this.rowStartLine = this.line;
      } else {
        this.append(char);
        this.rowHasContent = true;
      }
    }
    return rows;
  }

  /** Ends the text: returns the last row if the text did not end with a line break. */
  end(): CsvRow[] {
    if (this.inQuotes) throw new CsvFormatError(`A quoted field that starts on line ${this.rowStartLine} is never closed.`, this.rowStartLine);
    const rows: CsvRow[] = [];
    this.endRow(rows);
    return rows;
  }

  private append(char: string): void {
    this.field += char;
    if (this.field.length > MAX_CSV_FIELD_CHARS) {
      throw new CsvFormatError(
        `A field on line ${this.rowStartLine} is longer than ${MAX_CSV_FIELD_CHARS.toLocaleString('en-US')} characters; is a quote left open?`,
        this.rowStartLine,
      );
    }
  }

  private endRow(rows: CsvRow[]): void {
    this.quoteClosed = false;
    if (this.rowHasContent || this.field.length > 0) {
      this.row.push(this.field);
      rows.push({ line: this.rowStartLine, fields: this.row });
    }
    this.row = [];
    this.field = '';
    this.rowHasContent = false;
  }
}

/** A row of a CSV file and the line it starts on (blank lines are skipped, so lines and rows differ). */
export type CsvRow = { line: number; fields: string[] };

/** Parses a whole CSV text (small files, tests). */
export function parseCsv(text: string): CsvRow[] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

/** Rows as objects keyed by the header row's names (trimmed); missing cells are empty strings. */
export function rowsAsRecords(rows: readonly CsvRow[]): { header: string[]; records: { line: number; values: Record<string, string> }[] } {
  const [head, ...body] = rows;
  const header = (head?.fields ?? []).map((name) => name.trim());
  return {
    header,
    records: body.map((row) => ({ line: row.line, values: Object.fromEntries(header.map((name, index) => [name, row.fields[index] ?? ''])) })),
  };
}

/** One field of a CSV line as written out: quoted when it has to be, and guarded against spreadsheet formulas. */
export function csvField(value: string): string {
  // A cell starting with = + - @ runs as a formula when the file is opened in a spreadsheet; a phone number or
  // a signed number ("+1 425 555 0100", "-12.5") is left as it is, so that the file can be imported again.
  const numberLike = /^[+-][\d\s().-]*$/.test(value);
  const safe = /^[=+\-@\t\r]/.test(value) && !numberLike ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
