// Plain code, no schema: the pane reads these without loading zod.

/**
 * Where a knowledge article is: written as a draft, published for everyone (and suggested to reps), archived when it
 * no longer holds. A published article goes back to draft to be reworked out of sight; an archived one may come back.
 */
export const articleStatuses = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const articleStatusFlow: Readonly<Record<ArticleStatus, readonly ArticleStatus[]>> = {
  draft: ['published', 'archived'],
  published: ['draft', 'archived'],
  archived: ['draft', 'published'],
};

/**
 * Who reads an article: the tenant's members (`internal`), or anyone with its link too (`public`): a published public
 * article has a page of its own, reached without a token, that a rep links to in a reply.
 */
export const articleVisibilities = ['internal', 'public'] as const;
export type ArticleVisibility = (typeof articleVisibilities)[number];

/** Where a public article's page is, under the API's origin: the link a reply carries. */
export const PUBLIC_ARTICLES_PATH = '/api/public/articles';

/** The path of a public article's page for its key. */
export function publicArticlePath(key: string): string {
  return `${PUBLIC_ARTICLES_PATH}/${encodeURIComponent(key)}`;
}

/** Whether an article's public page opens: published and public (its key is given the first time it is both). */
export function articleIsPublic(article: { status: ArticleStatus; visibility?: ArticleVisibility | undefined; publicKey?: string | undefined }): boolean {
  return article.status === 'published' && article.visibility === 'public' && article.publicKey !== undefined;
}

export const ARTICLE_TITLE_MAX = 200;
/** Markdown, as an editor writes it: a long how-to fits, a manual does not. */
export const ARTICLE_BODY_MAX = 20_000;
export const ARTICLE_TAGS_MAX = 20;
export const ARTICLE_TAG_MAX = 60;
export const ARTICLE_PRODUCTS_MAX = 20;

/**
 * Where a link in an article may lead: web pages, e-mail addresses and phone numbers; '' for anything else
 * (`javascript:`, `data:`, a path that would open inside the pane or the page). The pane and the public page alike.
 */
export function safeArticleUrl(url: string): string {
  // An allow-list of the address's start, not a deny-list of schemes: nothing else gets through, however it is spelled.
  const address = url.trim();
  return /^(https?:\/\/[^/\s]|mailto:[^\s]|tel:[+\d(])/i.test(address) ? address : '';
}
