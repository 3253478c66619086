// The arithmetic of the dashboard's charts: round ticks for an axis, a linear scale, and labels fitted to their room.

/** About this many pixels a character of a 12 px label: the charts do not measure text, they budget for it. */
export const CHAR_WIDTH = 7;

/** An axis's ticks: round steps (1, 2 or 5 × a power of ten) from below the lowest value to above the highest. */
export function niceTicks(low: number, high: number, count: number): number[] {
  const [min, max] = [Math.min(low, 0), Math.max(high, 0)];
  if (max - min === 0) return [0, 1];
  const rough = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  // The round step nearest the rough one (on a log scale: 1 up to √2, 2 up to √10, 5 up to √50, then 10).
  const error = rough / power;
  const step = power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1);
  const ticks: number[] = [];
  // Rounded to the step's precision: 0.1 + 0.2 is drawn as 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let index = Math.floor(min / step); index <= Math.ceil(max / step); index++) ticks.push(Number((index * step).toFixed(digits)));
  return ticks;
}

/** A linear scale from the domain [low, high] to the range [from, to]. */
export function linearScale(low: number, high: number, from: number, to: number): (value: number) => number {
  const span = high - low || 1;
  return (value) => from + ((value - low) / span) * (to - from);
}

/**
 * A label in at most `lines` lines of `chars` characters, broken between words where it can (else after a hyphen or a
 * slash of the word, else within it, with a hyphen), the last cut with "…". Every line broken between words keeps its
 * trailing space, so the lines joined read as the label.
 */
export function fitLabel(label: string, chars: number, lines = 1): string[] {
  const room = Math.max(4, Math.floor(chars));
  const fitted: string[] = [];
  let rest = label.trim();
  while (rest.length > 0 && fitted.length < lines) {
    if (rest.length <= room) {
      fitted.push(rest);
      return fitted;
    }
    if (fitted.length === lines - 1) {
      fitted.push(`${rest.slice(0, room - 1).trimEnd()}…`);
      return fitted;
    }
    const cut = breakWithin(rest, room);
    // A word longer than the line is broken between two letters with a hyphen ("Qualificat-", "ion").
    const hyphen = /\p{L}/u.test(rest.charAt(cut - 1)) && /\p{L}/u.test(rest.charAt(cut));
    fitted.push(hyphen ? `${rest.slice(0, cut)}-` : rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return fitted;
}

/** Where a line of at most `room` characters ends: after its last space, else its last hyphen or slash, else within a word (leaving room for a hyphen). */
function breakWithin(text: string, room: number): number {
  const space = text.lastIndexOf(' ', room);
  if (space > 0) return space + 1;
  const joint = Math.max(text.lastIndexOf('-', room - 1), text.lastIndexOf('/', room - 1));
  return joint > 0 ? joint + 1 : room - 1;
}
