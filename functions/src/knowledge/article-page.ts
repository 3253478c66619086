import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Definition, Nodes, Parents } from 'mdast';
import { escapeHtml, safeArticleUrl, type Article, type MemberLanguage } from '@rapport/shared';

// A public article's page, rendered here from its Markdown: the same CommonMark tree the pane renders (the parser under
// react-markdown), written out by an allow-list. Every text is escaped; an editor's raw HTML is shown as the text it is;
// the only attribute is a link's address, and only to a web page, an e-mail address or a phone number; an image is a
// link to it (the page loads nothing from elsewhere). Nothing runs on the page: no script, no handler, no style attribute.

/** What the page says around the article, in the article's language. */
const WORDS: Record<MemberLanguage, { updated: string }> = {
  en: { updated: 'Updated {date}' },
  es: { updated: 'Actualizado el {date}' },
  pt: { updated: 'Atualizado em {date}' },
  it: { updated: 'Aggiornato il {date}' },
};

const LOCALES: Record<MemberLanguage, string> = { en: 'en-GB', es: 'es-ES', pt: 'pt-BR', it: 'it-IT' };

const STYLE = [
  'body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#1b1b1b;background:#fff}',
  'h1{font-size:1.6rem;line-height:1.25;margin:0 0 .25rem}',
  'h2{font-size:1.3rem}h3{font-size:1.15rem}h4,h5,h6{font-size:1rem}',
  '.updated{color:#5c5c5c;font-size:.875rem;margin:0 0 1.5rem}',
  'a{color:#0f6cbd;overflow-wrap:anywhere}',
  'pre{background:#f5f5f5;padding:.75rem;overflow-x:auto;border-radius:4px}',
  'code{font-family:ui-monospace,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}',
  'blockquote{margin:0;padding-left:1rem;border-left:3px solid #d1d1d1;color:#424242}',
  '@media (prefers-color-scheme:dark){body{color:#f0f0f0;background:#1f1f1f}.updated{color:#adadad}a{color:#62abf5}pre{background:#2b2b2b}blockquote{border-color:#5c5c5c;color:#d6d6d6}}',
].join('');

/** The whole page of a public article: its title, when it was last updated and its text, in its language. */
export function publicArticlePage(article: Pick<Article, 'title' | 'body' | 'language' | 'updatedAt'>): string {
  const words = WORDS[article.language];
  const date = new Intl.DateTimeFormat(LOCALES[article.language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(article.updatedAt));
  const title = escapeHtml(article.title);
  return `<!doctype html><html lang="${article.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><style>${STYLE}</style></head>
<body><main><article><h1>${title}</h1><p class="updated">${escapeHtml(words.updated.replace('{date}', date))}</p>${articleHtml(article.body)}</article></main></body></html>`;
}

/** An article's Markdown as HTML, by the allow-list above. */
export function articleHtml(markdown: string): string {
  const tree = fromMarkdown(markdown);
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);
  return render(tree, definitions, false);
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

/** A link to an allowed address around its words; its words alone when the address is not one. */
function link(url: string, inner: string): string {
  const href = safeArticleUrl(url);
  return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${inner}</a>` : inner;
}

function render(node: Nodes, definitions: ReadonlyMap<string, Definition>, tight: boolean): string {
  const children = (parent: Parents, inTight = false) => parent.children.map((child) => render(child, definitions, inTight)).join('');
  switch (node.type) {
    case 'root':
      return children(node);
    case 'paragraph':
      // In a tight list an item's text is not a paragraph of its own (as CommonMark renders it).
      return tight ? children(node) : `<p>${children(node)}</p>`;
    case 'heading': {
      // One level below the article's title, the page's heading.
      const level = Math.min(node.depth + 1, 6);
      return `<h${level}>${children(node)}</h${level}>`;
    }
    case 'thematicBreak':
      return '<hr>';
    case 'blockquote':
      return `<blockquote>${children(node)}</blockquote>`;
    case 'list': {
      const tightList = node.spread !== true && node.children.every((item) => item.spread !== true);
      const items = node.children.map((item) => `<li>${children(item, tightList)}</li>`).join('');
      if (!node.ordered) return `<ul>${items}</ul>`;
      const start = typeof node.start === 'number' && node.start !== 1 ? ` start="${Math.max(0, Math.trunc(node.start))}"` : '';
      return `<ol${start}>${items}</ol>`;
    }
    case 'listItem':
      return children(node, tight);
    case 'code':
      return `<pre><code>${escapeHtml(node.value)}</code></pre>`;
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'emphasis':
      return `<em>${children(node)}</em>`;
    case 'strong':
      return `<strong>${children(node)}</strong>`;
    case 'delete':
      return `<del>${children(node)}</del>`;
    case 'break':
      return '<br>';
    case 'text':
      return escapeHtml(node.value);
    // An editor's raw HTML is text on the page, never markup.
    case 'html':
      return escapeHtml(node.value);
    case 'link':
      return link(node.url, children(node));
    case 'linkReference': {
      const definition = definitions.get(node.identifier);
      return definition ? link(definition.url, children(node)) : children(node);
    }
    case 'image':
      return link(node.url, escapeHtml(node.alt || node.url));
    case 'imageReference': {
      const definition = definitions.get(node.identifier);
      return definition ? link(definition.url, escapeHtml(node.alt || definition.url)) : escapeHtml(node.alt ?? '');
    }
    // Definitions say where references lead; nothing else of the tree is shown (GFM's and MDX's are never parsed).
    default:
      return '';
  }
}
