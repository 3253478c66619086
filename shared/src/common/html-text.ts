// Text put into HTML (an e-mail's body, a page): every character that could start markup written as an entity.

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML that shows it as written, in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

/** Plain text as HTML that shows it as written: escaped, line breaks as `<br>`. */
export function htmlOfText(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}
