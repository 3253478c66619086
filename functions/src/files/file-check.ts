import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { CrmError, FILE_HEAD_BYTES, MB, contentProblem, keptExtensions, type ContentProblem, type FileType } from '@rapport/shared';

/**
 * Checks a file as it streams past: its first bytes against the type its name gives (a program renamed `.pdf` is
 * refused before anything is kept), its size against the limit, and its SHA-256. Bytes flow on unchanged; a refusal
 * is the stream's error, so the file store keeps nothing.
 */
export class FileCheck extends Transform {
  private size = 0;
  private readonly hash = createHash('sha256');
  private head: Buffer[] = [];
  private headBytes = 0;
  private checked = false;

  constructor(
    private readonly name: string,
    private readonly type: FileType | null,
    private readonly maxBytes: number,
  ) {
    super();
  }

  /** The bytes seen, once the stream has ended. */
  get bytes(): number {
    return this.size;
  }

  /** The contents' SHA-256, base64url, once the stream has ended. */
  digest(): string {
    return this.hash.copy().digest('base64url');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(fileTooLarge(this.name, this.maxBytes));
    this.hash.update(chunk);
    // A text file is text to its end: 4 KB of text before a program's bytes is not one.
    if (this.type?.text && chunk.includes(0)) return done(contentRefused(this.name, 'mismatch', this.type.contentType));
    if (this.checked) return done(null, chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < FILE_HEAD_BYTES) return done();
    this.releaseHead(done);
  }

  override _flush(done: TransformCallback): void {
    if (this.checked) return done();
    this.releaseHead(done);
  }

  private releaseHead(done: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    const problem = contentProblem(this.type, head.subarray(0, FILE_HEAD_BYTES));
    if (problem) return done(contentRefused(this.name, problem, this.type?.contentType));
    this.checked = true;
    done(null, head);
  }
}

export function fileTooLarge(name: string, maxBytes: number): CrmError {
  const mb = Math.round((maxBytes / MB) * 10) / 10;
  return new CrmError('too-large', 'DOCUMENT.TOO_LARGE', `${name} is larger than the ${mb} MB a file may be here.`, { name, limitBytes: maxBytes, limitMb: mb });
}

export function contentRefused(name: string, problem: ContentProblem, expected: string | undefined): CrmError {
  switch (problem) {
    case 'not-allowed':
      return new CrmError('unsupported-media-type', 'DOCUMENT.TYPE_NOT_KEPT', `Rapport does not keep files like ${name}: it keeps ${keptExtensions.join(', ')}.`, { name, kept: keptExtensions });
    case 'program':
      return new CrmError('unsupported-media-type', 'DOCUMENT.PROGRAM', `${name} is a program: Rapport never keeps programs, whatever their names say.`, { name });
    case 'mismatch':
      return new CrmError('unsupported-media-type', 'DOCUMENT.TYPE_MISMATCH', `The contents of ${name} are not what its name says (${expected ?? 'a known type'}).`, { name, ...(expected ? { expected } : {}) });
    case 'empty':
      return new CrmError('unprocessable', 'DOCUMENT.EMPTY', `${name} is empty: there is nothing to keep.`, { name });
  }
}
