import { QUOTE_LOGO_MAX_BYTES } from '@rapport/shared/quotes/quote.rules';

/** A logo as the settings keep it (a data URL), or why the chosen file cannot be one. */
export type LogoRead = { dataUrl: string } | { problem: 'too-large' | 'not-image' | 'unreadable' };

// What a PNG and a JPEG start with: the type is told by the contents, not by the name or what the browser guessed.
const SIGNATURES: [contentType: 'image/png' | 'image/jpeg', head: number[]][] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/**
 * A chosen file as the quote settings' logo: refused before it is read when it is larger than a logo may be, refused
 * when its bytes are not a PNG or JPEG, else the data URL the API keeps (the API checks its type and length again).
 */
export async function readLogo(file: Blob): Promise<LogoRead> {
  if (file.size > QUOTE_LOGO_MAX_BYTES) return { problem: 'too-large' };
  let read: string;
  try {
    read = await dataUrlOf(file);
  } catch {
    return { problem: 'unreadable' };
  }
  const base64 = read.slice(read.indexOf(',') + 1);
  const contentType = imageTypeOf(base64);
  return contentType ? { dataUrl: `data:${contentType};base64,${base64}` } : { problem: 'not-image' };
}

function dataUrlOf(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('no data URL')));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

function imageTypeOf(base64: string): 'image/png' | 'image/jpeg' | null {
  let head: string;
  try {
    // 12 characters of base64 are the first 9 bytes.
    head = atob(base64.slice(0, 12));
  } catch {
    return null;
  }
  const bytes = Array.from(head, (char) => char.charCodeAt(0));
  return SIGNATURES.find(([, signature]) => signature.every((byte, index) => bytes[index] === byte))?.[0] ?? null;
}
