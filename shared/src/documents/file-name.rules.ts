// A file's name as Rapport keeps it: one name, never a path; shown to people and sent back in Content-Disposition.

export const FILE_NAME_MAX = 200;

/** Why a name given by a person cannot be used, or null: a name with path parts is refused, never silently cut. */
export type FileNameProblem = 'empty' | 'path' | 'control' | 'too-long';

// Characters Windows refuses in names, besides the path separators: replaced so a download saves anywhere.
const UNSAFE = /[<>:"|?*]/g;
// Half of a UTF-16 pair without its other half: no character a file system or a header can hold.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with each lone surrogate made U+FFFD, as String.prototype.toWellFormed does. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

// C0 and C1 controls, and the bidirectional overrides that make "gpj.exe" read as "exe.jpg".
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export function fileNameProblem(name: string): FileNameProblem | null {
  if (wellFormed(name) !== name) return 'control';
  const trimmed = name.normalize('NFC').trim();
  if (trimmed === '' || /^\.+$/.test(trimmed)) return 'empty';
  if (/[/\\]/.test(trimmed)) return 'path';
  if (CONTROL.test(trimmed)) return 'control';
  if (trimmed.length > FILE_NAME_MAX) return 'too-long';
  return null;
}

/** The name to keep for a name that has no problem: Windows-unsafe characters replaced, spaces collapsed. */
export function cleanFileName(name: string): string {
  return name.normalize('NFC').trim().replace(UNSAFE, '_').replace(/\s+/g, ' ');
}

/**
 * A name from elsewhere (an e-mail's attachment) made keepable rather than refused: the last path part, controls
 * dropped, shortened keeping the extension; `fallback` when nothing is left.
 */
export function keepableFileName(name: string, fallback: string): string {
  const last = wellFormed(name).normalize('NFC').split(/[/\\]/).pop() ?? '';
  const visible = cleanFileName(last.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ''));
  if (visible === '' || /^\.+$/.test(visible)) return fallback;
  if (visible.length <= FILE_NAME_MAX) return visible;
  const dot = visible.lastIndexOf('.');
  const extension = dot > 0 && visible.length - dot <= 10 ? visible.slice(dot) : '';
  return visible.slice(0, FILE_NAME_MAX - extension.length) + extension;
}
