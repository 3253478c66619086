// A line of an article's text for a list, without its Markdown: the words a rep reads to tell articles apart. Plain
// string work, so that lists of articles load without the Markdown renderer (it comes with an opened article).

const EXCERPT_MAX = 200;

/** The start of an article's Markdown as plain text on one line: no marks, links as their text, code as it is. */
export function articleExcerpt(markdown: string, max = EXCERPT_MAX): string {
  const text = markdown
    // Code fences' markers, headings' and quotes' marks, list bullets and numbers at the start of a line.
    .replace(/^\s*(```|~~~).*$/gm, ' ')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    // Images and links as their words; autolinks as their address.
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    // HTML tags are not the article's words (an article never renders them as HTML anyway).
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    // Emphasis, strike-through and code marks; a rule.
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^*_~`]*?\S)\1/g, '$2')
    .replace(/^\s*([-*_]\s*){3,}$/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
