// An article's sanitized HTML as the text a plain-text draft takes: a blank line between blocks, list items with their
// bullet or number, a link's address after its words. Read from the DOM nodes DOMPurify returns, never from markup.

const BLOCKS = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE']);

/** The text of sanitized article nodes, blocks separated by a blank line. */
export function plainTextOf(root: Node): string {
  return textOf(root, false)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function textOf(node: Node, preformatted: boolean): string {
  if (node.nodeType === Node.TEXT_NODE) return preformatted ? (node.textContent ?? '') : (node.textContent ?? '').replace(/\s+/g, ' ');
  if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
  const element = node as Element;
  const tag = node.nodeType === Node.ELEMENT_NODE ? element.tagName : '';
  const inner = (pre = preformatted) => [...node.childNodes].map((child) => textOf(child, pre)).join('');
  switch (tag) {
    case 'BR':
      return '\n';
    case 'HR':
      return '\n\n---\n\n';
    case 'A': {
      const words = inner().trim();
      const href = element.getAttribute('href') ?? '';
      const address = href.replace(/^mailto:|^tel:/i, '');
      return href && address !== words ? `${words} (${address})` : words;
    }
    case 'UL':
    case 'OL': {
      const start = Number(element.getAttribute('start') ?? '1') || 1;
      const items = [...element.children].filter((child) => child.tagName === 'LI');
      const lines = items.map((item, index) => `${tag === 'OL' ? `${start + index}.` : '-'} ${textOf(item, preformatted).trim().replace(/\n+/g, '\n  ')}`);
      return `\n\n${lines.join('\n')}\n\n`;
    }
    case 'PRE':
      return `\n\n${inner(true).replace(/\n$/, '')}\n\n`;
    default:
      return BLOCKS.has(tag) ? `\n\n${inner().trim()}\n\n` : inner();
  }
}
