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

export const ARTICLE_TITLE_MAX = 200;
/** Markdown, as an editor writes it: a long how-to fits, a manual does not. */
export const ARTICLE_BODY_MAX = 20_000;
export const ARTICLE_TAGS_MAX = 20;
export const ARTICLE_TAG_MAX = 60;
export const ARTICLE_PRODUCTS_MAX = 20;
