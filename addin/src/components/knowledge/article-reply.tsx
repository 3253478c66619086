import DOMPurify, { type Config } from 'dompurify';
import { renderToStaticMarkup } from 'react-dom/server';
import { escapeHtml } from '@rapport/shared/common/html-text';
import { ArticleMarkdown } from './ArticleMarkdown';
import { plainTextOf } from './reply-text';

// What "Insert article" puts into a reply: the article's title and text as HTML, made from the same Markdown tree the
// pane shows (ArticleMarkdown rendered to markup), then passed through DOMPurify with only plain formatting and safe
// links allowed, before Outlook takes it. The same, as text, for a draft written in plain text. Or, for a public
// article, a link to its page with its title.

// Formatting an e-mail keeps: paragraphs, emphasis, headings, lists, quotes, code and links; no images, styles,
// scripts, forms or handlers.
const REPLY_TAGS = ['p', 'br', 'strong', 'em', 'del', 'a', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'hr'];
const replyPolicy: Config = {
  ALLOWED_TAGS: REPLY_TAGS,
  ALLOWED_ATTR: ['href', 'start'],
  // Links to web pages, e-mail addresses and phone numbers only (ArticleMarkdown drops the others already).
  ALLOWED_URI_REGEXP: /^(?:https?:\/\/|mailto:|tel:)/i,
  KEEP_CONTENT: true,
};

/** The article's title and text for a reply: sanitized HTML, and the same as plain text. */
export function articleForReply(article: { title: string; body: string }): { html: string; text: string } {
  const markup = `<p><strong>${escapeHtml(article.title)}</strong></p>${renderToStaticMarkup(<ArticleMarkdown body={article.body} />)}`;
  const html = DOMPurify.sanitize(markup, replyPolicy);
  const fragment = DOMPurify.sanitize(markup, { ...replyPolicy, RETURN_DOM_FRAGMENT: true });
  return { html, text: plainTextOf(fragment) };
}

/** A link to an article's public page, with its title as the link's words: for a customer to read it there. */
export function articleLinkForReply(article: { title: string }, url: string): { html: string; text: string } {
  return { html: `<p><a href="${escapeHtml(url)}">${escapeHtml(article.title)}</a></p>`, text: `${article.title}\n${url}` };
}
