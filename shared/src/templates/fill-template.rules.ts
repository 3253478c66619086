// E-mail templates: their placeholders, read and filled. Plain rules, no schema: the task pane imports them without
// loading zod, and the API checks a template's text with the same parser.
import { htmlOfText } from '../common/html-text';

/** The CRM's values a template may name, as `{{firstName}}` or with a fallback, `{{firstName|there}}`. */
export const templateFields = ['firstName', 'lastName', 'fullName', 'company', 'deal', 'owner', 'me', 'freeTimes'] as const;
export type TemplateField = (typeof templateFields)[number];

/** The languages a template's variants are written in (the pane's). */
export const templateLanguages = ['en', 'es', 'pt', 'it'] as const;
export type TemplateLanguage = (typeof templateLanguages)[number];

export const TEMPLATE_NAME_MAX = 120;
export const TEMPLATE_SUBJECT_MAX = 250;
export const TEMPLATE_BODY_MAX = 10_000;
/** One variant per language at most. */
export const TEMPLATE_VARIANTS_MAX = templateLanguages.length;

/** One language's text of a template: the body is plain text with line breaks. */
export type TemplateVariant = { language: TemplateLanguage; subject?: string | undefined; body: string };

/** A piece of a template's text: words as written, or a placeholder to fill. */
export type TemplateSegment = { text: string } | { field: TemplateField; fallback?: string };

/**
 * What is wrong with a placeholder, at its offset in the text: a name no field has (`{{dael}}`), or braces that do not
 * make a placeholder (`{{firstName` never closed, `{{}}`, a stray `}}`).
 */
export type PlaceholderProblem = { problem: 'unknown-field'; field: string; at: number } | { problem: 'malformed'; written: string; at: number };

const fieldSet: ReadonlySet<string> = new Set(templateFields);
// Inside the braces: a name, and optionally `|` and a fallback on the same line without braces.
const INSIDE = /^\s*([A-Za-z]+)\s*(?:\|([^{}\r\n]*))?$/;
// How much of a malformed placeholder a message quotes.
const QUOTED = 30;

export function isTemplateField(name: string): name is TemplateField {
  return fieldSet.has(name);
}

/** A text cut into words and placeholders, with every placeholder that cannot be filled. */
export function parseTemplateText(text: string): { segments: TemplateSegment[]; problems: PlaceholderProblem[] } {
  const segments: TemplateSegment[] = [];
  const problems: PlaceholderProblem[] = [];
  let words = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    const strayClose = text.indexOf('}}', at);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      problems.push({ problem: 'malformed', written: text.slice(Math.max(0, strayClose - QUOTED + 2), strayClose + 2), at: strayClose });
    }
    if (open === -1) break;
    const close = text.indexOf('}}', open + 2);
    // A placeholder ends on its own line: `{{firstName` left open runs into the next braces otherwise.
    const lineEnd = text.slice(open + 2, close === -1 ? undefined : close).search(/[\r\n{]/);
    if (close === -1 || lineEnd !== -1) {
      const end = lineEnd === -1 ? Math.min(text.length, open + QUOTED) : Math.min(open + 2 + lineEnd, open + QUOTED);
      problems.push({ problem: 'malformed', written: text.slice(open, end), at: open });
      words += text.slice(at, open + 2);
      at = open + 2;
      continue;
    }
    words += text.slice(at, open);
    const inside = INSIDE.exec(text.slice(open + 2, close));
    const name = inside?.[1];
    if (!inside || name === undefined) {
      problems.push({ problem: 'malformed', written: text.slice(open, close + 2).slice(0, QUOTED), at: open });
      words += text.slice(open, close + 2);
    } else if (!isTemplateField(name)) {
      problems.push({ problem: 'unknown-field', field: name, at: open });
      words += text.slice(open, close + 2);
    } else {
      if (words) segments.push({ text: words });
      words = '';
      const fallback = inside[2];
      segments.push(fallback === undefined ? { field: name } : { field: name, fallback: fallback.trim() });
    }
    at = close + 2;
  }
  words += text.slice(at);
  if (words) segments.push({ text: words });
  return { segments, problems };
}

/** Placeholders written as the parser reads them: `{{deal}}`, `{{firstName|there}}`. */
export function placeholderOf(field: TemplateField, fallback?: string): string {
  return fallback === undefined ? `{{${field}}}` : `{{${field}|${fallback}}}`;
}

/** The first problem of a variant's subject or body, with where it is, or null when every placeholder can be filled. */
export function variantProblem(variant: Pick<TemplateVariant, 'subject' | 'body'>): (PlaceholderProblem & { part: 'subject' | 'body' }) | null {
  for (const part of ['subject', 'body'] as const) {
    const [problem] = parseTemplateText(variant[part] ?? '').problems;
    if (problem) return { ...problem, part };
  }
  return null;
}

/** The languages written more than once in a template's variants. */
export function repeatedLanguages(variants: readonly Pick<TemplateVariant, 'language'>[]): TemplateLanguage[] {
  const seen = new Set<TemplateLanguage>();
  const repeated = new Set<TemplateLanguage>();
  for (const { language } of variants) (seen.has(language) ? repeated : seen).add(language);
  return [...repeated];
}

/** The fields a variant names, each once, in the order they first appear (subject, then body). */
export function fieldsUsed(variant: Pick<TemplateVariant, 'subject' | 'body'>): TemplateField[] {
  const fields = [variant.subject ?? '', variant.body].flatMap((text) => parseTemplateText(text).segments.flatMap((segment) => ('field' in segment ? [segment.field] : [])));
  return [...new Set(fields)];
}

/** A variant filled for one recipient: the subject, the body as text and as HTML, and the fields left empty. */
export type FilledTemplate = {
  subject?: string;
  text: string;
  /** The text HTML-escaped, values included, with its line breaks as `<br>`: what a message body takes. */
  html: string;
  /** Fields that had no value and no fallback, so they stay empty; each once. */
  missing: TemplateField[];
};

/**
 * Fills a variant's placeholders with the recipient's values. A field without a value takes its fallback; without
 * either it stays empty and is listed in `missing`, so the rep is told before inserting. An empty fallback
 * (`{{deal|}}`) says empty is fine: that field is not listed.
 */
export function fillTemplate(variant: Pick<TemplateVariant, 'subject' | 'body'>, values: Partial<Record<TemplateField, string>>): FilledTemplate {
  const missing = new Set<TemplateField>();
  const fill = (text: string) =>
    parseTemplateText(text)
      .segments.map((segment) => {
        if ('text' in segment) return segment.text;
        const value = values[segment.field]?.trim();
        if (value) return value;
        if (segment.fallback === undefined) missing.add(segment.field);
        return segment.fallback ?? '';
      })
      .join('');
  // A subject is one line, whatever the values hold (free times are a list).
  const subject = variant.subject === undefined ? undefined : fill(variant.subject).replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const text = fill(variant.body);
  return { ...(subject === undefined ? {} : { subject }), text, html: htmlOfText(text), missing: templateFields.filter((field) => missing.has(field)) };
}

/**
 * The variant to show: the first of `preferredLanguages` (`es-ES`, `pt`…) the template is written in, else English,
 * else its first variant.
 */
export function variantFor<V extends Pick<TemplateVariant, 'language'>>(template: { variants: readonly V[] }, preferredLanguages: readonly string[]): V | undefined {
  for (const preferred of preferredLanguages) {
    const base = baseLanguage(preferred);
    const variant = template.variants.find((candidate) => candidate.language === base);
    if (variant) return variant;
  }
  return template.variants.find((candidate) => candidate.language === 'en') ?? template.variants[0];
}

/** The template language of a display language (`pt-BR` → `pt`); English for one templates are not written in. */
export function languageOfTag(tag: string): TemplateLanguage {
  const base = baseLanguage(tag);
  return templateLanguages.find((language) => language === base) ?? 'en';
}

function baseLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}
