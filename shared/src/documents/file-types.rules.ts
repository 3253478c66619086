// Which files Rapport keeps, told by their contents as well as their names: a program renamed `.pdf` is refused.
// Plain data and pure functions: the pane checks a file before it uploads it, the API checks it again as it arrives.

/** How many bytes from a file's start the checks read. */
export const FILE_HEAD_BYTES = 4_096;

/** What the pane can show of a file without downloading it. */
export type FilePreview = 'image' | 'pdf';

export type FileType = {
  /** The type Rapport stores and serves the file as, whatever the sender declared. */
  contentType: string;
  extensions: readonly string[];
  preview?: FilePreview;
  /** Whether the file's first bytes are what a file of this type starts with. */
  matches(head: Uint8Array): boolean;
  /** Text: every byte is checked as it passes (no NUL anywhere), not only the first ones. */
  text?: true;
};

const startsWith = (head: Uint8Array, ...bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const isOle = (head: Uint8Array) => startsWith(head, ...OLE);
/** Bytes as text, one character each (the names and types compared here are ASCII). */
const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** The name of a zip file's first entry (its first local file header), or null when the bytes are not a zip's. */
export function firstZipEntry(head: Uint8Array): string | null {
  if (!startsWith(head, ...ZIP) || head.length < 30) return null;
  const nameLength = head[26]! | (head[27]! << 8);
  if (head.length < 30 + nameLength) return null;
  return latin1(head.subarray(30, 30 + nameLength));
}

/**
 * An Office Open XML package: a zip whose first entry is one of the package's own parts. (A zip that starts so and
 * carries a program further on is not caught here: the file is never opened by Rapport, and Office refuses it.)
 */
const isOfficeOpenXml = (parts: readonly string[]) => (head: Uint8Array) => {
  const first = firstZipEntry(head);
  return first !== null && (first === '[Content_Types].xml' || ['_rels/', 'docProps/', ...parts].some((part) => first.startsWith(part)));
};

/** An OpenDocument file: a zip whose first entry is `mimetype`, stored uncompressed, naming the document's type. */
const isOpenDocument = (mimeType: string) => (head: Uint8Array) => {
  if (firstZipEntry(head) !== 'mimetype') return false;
  const nameLength = head[26]! | (head[27]! << 8);
  const extraLength = head[28]! | (head[29]! << 8);
  const start = 30 + nameLength + extraLength;
  return latin1(head.subarray(start, start + mimeType.length)) === mimeType;
};

/** Text: no NUL byte and valid UTF-8 (a multi-byte character cut at the end of the head is allowed). */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  let index = 0;
  while (index < head.length) {
    const byte = head[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return false;
    for (let next = 1; next < length; next += 1) {
      if (index + next >= head.length) return true;
      if ((head[index + next]! & 0xc0) !== 0x80) return false;
    }
    index += length;
  }
  return true;
}

const fileTypes: readonly FileType[] = [
  { contentType: 'application/pdf', extensions: ['pdf'], preview: 'pdf', matches: (head) => startsWith(head, ...ascii('%PDF-')) },
  { contentType: 'image/png', extensions: ['png'], preview: 'image', matches: (head) => startsWith(head, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], preview: 'image', matches: (head) => startsWith(head, 0xff, 0xd8, 0xff) },
  { contentType: 'image/gif', extensions: ['gif'], preview: 'image', matches: (head) => startsWith(head, ...ascii('GIF87a')) || startsWith(head, ...ascii('GIF89a')) },
  { contentType: 'image/webp', extensions: ['webp'], preview: 'image', matches: (head) => startsWith(head, ...ascii('RIFF')) && ascii('WEBP').every((byte, index) => head[8 + index] === byte) },
  { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], matches: isOfficeOpenXml(['word/']) },
  { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], matches: isOfficeOpenXml(['xl/']) },
  { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], matches: isOfficeOpenXml(['ppt/']) },
  { contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], matches: isOpenDocument('application/vnd.oasis.opendocument.text') },
  { contentType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], matches: isOpenDocument('application/vnd.oasis.opendocument.spreadsheet') },
  { contentType: 'application/msword', extensions: ['doc'], matches: isOle },
  { contentType: 'application/vnd.ms-excel', extensions: ['xls'], matches: isOle },
  { contentType: 'application/vnd.ms-powerpoint', extensions: ['ppt'], matches: isOle },
  { contentType: 'application/vnd.ms-outlook', extensions: ['msg'], matches: isOle },
  { contentType: 'application/rtf', extensions: ['rtf'], matches: (head) => startsWith(head, ...ascii('{\\rtf')) },
  { contentType: 'text/plain; charset=utf-8', extensions: ['txt', 'log'], matches: looksLikeText, text: true },
  { contentType: 'text/csv; charset=utf-8', extensions: ['csv'], matches: looksLikeText, text: true },
  { contentType: 'message/rfc822', extensions: ['eml'], matches: looksLikeText, text: true },
];

/** The extensions Rapport keeps, for the file picker's `accept` and the messages that list them. */
export const keptExtensions: readonly string[] = fileTypes.flatMap((type) => type.extensions);

/** The file's extension, lower case, without the dot; '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The type a file's name says it is, or null when Rapport does not keep files of that kind. */
export function fileTypeOfName(name: string): FileType | null {
  const extension = extensionOf(name);
  return fileTypes.find((type) => type.extensions.includes(extension)) ?? null;
}

/** What the preview of a stored type is, if any. */
export function previewOf(contentType: string): FilePreview | null {
  return fileTypes.find((type) => type.contentType === contentType)?.preview ?? null;
}

/** A program (Windows, Linux, macOS executables, scripts with `#!`), whatever its name says. */
export function isProgram(head: Uint8Array): boolean {
  return (
    startsWith(head, ...ascii('MZ')) ||
    startsWith(head, 0x7f, ...ascii('ELF')) ||
    startsWith(head, 0xfe, 0xed, 0xfa, 0xce) ||
    startsWith(head, 0xfe, 0xed, 0xfa, 0xcf) ||
    startsWith(head, 0xcf, 0xfa, 0xed, 0xfe) ||
    startsWith(head, 0xca, 0xfe, 0xba, 0xbe) ||
    startsWith(head, ...ascii('#!'))
  );
}

/** Why a file's contents cannot be kept under its name, or null when they can. */
export type ContentProblem = 'not-allowed' | 'program' | 'mismatch' | 'empty';

export function contentProblem(type: FileType | null, head: Uint8Array): ContentProblem | null {
  if (type === null) return 'not-allowed';
  if (head.length === 0) return 'empty';
  if (isProgram(head)) return 'program';
  return type.matches(head) ? null : 'mismatch';
}
