import { foldText } from '../search/search-terms.rules';

// Full text: what a knowledge article is found by when a customer's e-mail is read, the same in every store. Text is
// folded (lower case, no accents: "Impressão" and "impressao" are one word), cut into words, rid of the words every
// text has in English, Spanish, Portuguese and Italian, and each word cut to a light stem ("printers", "printing" →
// "print"; "impresoras" → "impresor"), so a question finds an answer written with other forms of the same words.
// Both stores rank with BM25 over three fields, weighted: title, tags, body.

/** How much a word counts in each field of a record's full text. */
export const FULL_TEXT_WEIGHTS = { title: 4, tags: 2, body: 1 } as const;
export type FullTextField = keyof typeof FULL_TEXT_WEIGHTS;

/** A record's full text as stems, per field, in order (a stem repeats as often as its word does). */
export type FullTextFields = Record<FullTextField, string[]>;

/** A record a full-text search found, and how well it matches (higher is better; comparable within one search). */
export type FullTextHit = { id: string; score: number };

/** The most stems a query keeps: the subject's first, then the text's, each once. */
export const MAX_QUERY_TERMS = 32;

// Words so common in the four languages that they say nothing of what a text is about (folded, as text is compared).
const STOPWORDS = new Set(
  [
    // English
    'a an and are as at be been but by can could did do does for from had has have he her hi hello his how i if in into is it its me my no not of on or our please regards she so than thanks thank that the their them then there these they this to up us was we were what when where which who why will with would you your yours dear best kind',
    // Spanish
    'al como con de del el en es esta este esto estos gracias hola la las le les lo los mas me mi muy nos o para pero por que se si sin su sus te tu un una uno unos y ya saludos buenos buenas dias tengo tiene',
    // Portuguese
    'ao aos as com da das de do dos e em esta este isso isto mais mas na nas no nos o obrigado obrigada ola os ou para pela pelo por que se sem seu sua seus suas um uma voce voces tenho tem bom dia',
    // Italian
    'ai al alla alle che ci come con da dal del della delle di e gli ha ho il in la le lo ma mi nel nella non per piu se si sono su un una uno vi ciao grazie salve buongiorno saluti cordiali',
  ]
    .join(' ')
    .split(' '),
);

// Endings cut from a word of more than four letters, the longest first; what is left keeps at least four letters.
const SUFFIXES: readonly (readonly [string, string])[] = [
  ['amente', ''],
  ['mente', ''],
  ['ations', 'at'],
  ['ation', 'at'],
  ['acoes', 'ac'],
  ['ciones', 'c'],
  ['zioni', 'z'],
  ['zione', 'z'],
  ['cion', 'c'],
  ['coes', 'c'],
  ['cao', 'c'],
  ['ments', ''],
  ['ment', ''],
  ['ings', ''],
  ['ing', ''],
  ['ies', 'y'],
  ['edly', ''],
  ['ed', ''],
  ['es', ''],
  ['s', ''],
];
// Then a final vowel: gender and number in Spanish, Portuguese and Italian ("impresora", "stampanti").
const VOWELS: readonly (readonly [string, string])[] = [
  ['a', ''],
  ['e', ''],
  ['i', ''],
  ['o', ''],
];

function cut(word: string, endings: readonly (readonly [string, string])[]): string {
  if (word.length <= 4) return word;
  for (const [suffix, replacement] of endings) {
    if (word.endsWith(suffix) && word.length - suffix.length + replacement.length >= 4) return word.slice(0, word.length - suffix.length) + replacement;
  }
  return word;
}

/** A word's light stem: the same for its plural, its gender and its common verb forms, in the four languages. */
export function stemOf(word: string): string {
  if (/\d/.test(word)) return word;
  return cut(cut(word, SUFFIXES), VOWELS);
}

/** The stems of a text, in order: folded words of two characters or more, stopwords left out. */
export function stemsOf(text: string): string[] {
  return foldText(text.replace(/https?:\/\/\S+/g, ' '))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2 && !STOPWORDS.has(word))
    .map(stemOf);
}

/** A record's full text from its title, tags and body (Markdown: its marks are not words, so they fall away). */
export function fullTextOf(fields: { title: string; tags?: readonly string[]; body?: string }): FullTextFields {
  return { title: stemsOf(fields.title), tags: stemsOf((fields.tags ?? []).join(' ')), body: stemsOf(fields.body ?? '') };
}

/** The stems a question is searched by: the subject's first, then the text's, each once, at most MAX_QUERY_TERMS. */
export function queryTermsOf(subject: string, text = ''): string[] {
  return [...new Set([...stemsOf(subject), ...stemsOf(text)])].slice(0, MAX_QUERY_TERMS);
}

/** BM25's constants, as SQLite's FTS5 uses them. */
const K1 = 1.2;
const B = 0.75;

/**
 * One term's BM25 weight in a record: `tf` its weighted frequency, `length` the record's weighted length, `average` the
 * mean length, `documents` how many records the collection has, `matching` how many of them have the term.
 */
export function bm25(tf: number, length: number, average: number, documents: number, matching: number): number {
  const idf = Math.log(1 + (documents - matching + 0.5) / (matching + 0.5));
  return (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / Math.max(average, 1)));
}

/** How often each stem occurs in a record, each field's occurrences times its weight; and the weighted length. */
export function weightedFrequencies(text: FullTextFields): { frequencies: Map<string, number>; length: number } {
  const frequencies = new Map<string, number>();
  let length = 0;
  for (const field of Object.keys(FULL_TEXT_WEIGHTS) as FullTextField[]) {
    const weight = FULL_TEXT_WEIGHTS[field];
    for (const stem of text[field]) {
      frequencies.set(stem, (frequencies.get(stem) ?? 0) + weight);
      length += weight;
    }
  }
  return { frequencies, length };
}
