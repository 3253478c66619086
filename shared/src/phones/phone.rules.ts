// Phone numbers are matched on their trailing significant digits, because the same number
// is written with and without country code, trunk prefix, punctuation and extension:
// `+1 (425) 555-0100`, `425.555.0100` and `4255550100` are one number, and so are
// `+44 (0)20 7946 0958` and `020 7946 0958`.

/** The fewest digits a stored number or a search needs before it is treated as a phone number. */
export const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15; // E.164

/** The number without its extension (`x123`, `ext. 123`, `#123`). */
function withoutExtension(raw: string): string {
  return raw.replace(/(?:\s*(?:ext\.?|extension|x|#)\s*\d+)\s*$/i, '');
}

/**
 * The significant digits of a number: no punctuation, no extension, no international
 * prefix (`+`, `00`), no bracketed trunk `(0)`, no leading national trunk `0`.
 * Country codes stay when written; matching on the trailing digits handles them.
 */
export function significantPhoneDigits(raw: string): string | null {
  const text = withoutExtension(raw.trim()).replace(/\(0\)/g, '');
  if (/[^\d\s()+./-]/.test(text)) return null;
  let digits = text.replace(/\D/g, '');
  // After a "+" every digit counts; otherwise drop an international "00" or a national trunk "0".
  if (!text.startsWith('+')) {
    if (digits.startsWith('00')) digits = digits.slice(2);
    else if (digits.startsWith('0')) digits = digits.slice(1);
  }
  if (digits.length < MIN_PHONE_DIGITS || digits.length > MAX_PHONE_DIGITS) return null;
  return digits;
}

export function isPhoneNumber(raw: string): boolean {
  return significantPhoneDigits(raw) !== null;
}

/**
 * The key a phone number is stored under for search: its significant digits reversed,
 * so that "ends with" becomes "starts with", which an index answers.
 */
export function phoneSearchKey(raw: string): string | null {
  const digits = significantPhoneDigits(raw);
  return digits ? reverse(digits) : null;
}

/**
 * How a typed phone number finds stored ones: a stored key that starts with `prefix`
 * (the stored number ends with what was typed), or a stored key equal to one of
 * `exact` (what was typed ends with the stored number, e.g. typed with country code).
 */
export type PhoneQuery = { prefix: string; exact: string[] };

export function phoneQueryOf(raw: string): PhoneQuery | null {
  const key = phoneSearchKey(raw);
  if (!key) return null;
  const exact: string[] = [];
  for (let length = MIN_PHONE_DIGITS; length < key.length; length++) exact.push(key.slice(0, length));
  return { prefix: key, exact };
}

/** True when two written numbers are the same number by the rule above. */
export function samePhoneNumber(a: string, b: string): boolean {
  const keyA = phoneSearchKey(a);
  const keyB = phoneSearchKey(b);
  if (!keyA || !keyB) return false;
  return keyA.startsWith(keyB) || keyB.startsWith(keyA);
}

function reverse(text: string): string {
  return [...text].reverse().join('');
}
