import type { Article } from '@rapport/shared/knowledge/article.schema';
import {
  ARTICLE_BODY_MAX,
  ARTICLE_PRODUCTS_MAX,
  ARTICLE_TAGS_MAX,
  ARTICLE_TAG_MAX,
  ARTICLE_TITLE_MAX,
  type ArticleStatus,
  type ArticleVisibility,
} from '@rapport/shared/knowledge/article.rules';
import type { MemberLanguage } from '@rapport/shared/members/preferences.rules';
import type { ChangeInput, CreateInput } from '../../api/api-types';

// A knowledge article as an editor types it (tags as one line of text, split at commas), checked by the API's own
// limits before anything is sent, and the changes it makes to the article as read.

export type ArticleDraft = {
  title: string;
  body: string;
  productIds: string[];
  /** The tags as typed: "billing, invoice". */
  tags: string;
  language: MemberLanguage;
  status: ArticleStatus;
  visibility: ArticleVisibility;
};

/** What a field needs, by the name the API gives it: the end of the message key that says it. */
export type ArticleProblem = 'titleRequired' | 'titleLong' | 'bodyLong' | 'tagsMany' | 'tagLong' | 'productsMany';
export type ArticleProblems = Partial<Record<keyof ArticleDraft, ArticleProblem>>;

/** The article as a draft; a new one's fields as given (a translation's come from the article it translates). */
export function articleDraftOf(article: Partial<Pick<Article, 'title' | 'body' | 'productIds' | 'tags' | 'status' | 'visibility'>> & { language: MemberLanguage }): ArticleDraft {
  return {
    title: article.title ?? '',
    body: article.body ?? '',
    productIds: article.productIds ?? [],
    tags: (article.tags ?? []).join(', '),
    language: article.language,
    status: article.status ?? 'draft',
    // Articles read from a release before public pages have none: they are internal.
    visibility: article.visibility ?? 'internal',
  };
}

/** The tags typed, as the API takes them: split at commas, trimmed, the empty ones left out. */
export function tagsOf(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** The article's fields as the API takes them, and what each field still needs by the API's limits. */
export function readArticleDraft(draft: ArticleDraft): { fields: Omit<CreateInput<'article'>, 'translationOf' | 'ownerId'> & { tags: string[] }; problems: ArticleProblems } {
  const title = draft.title.trim();
  const tags = tagsOf(draft.tags);
  const problems: ArticleProblems = {};
  if (title === '') problems.title = 'titleRequired';
  else if (title.length > ARTICLE_TITLE_MAX) problems.title = 'titleLong';
  if (draft.body.length > ARTICLE_BODY_MAX) problems.body = 'bodyLong';
  if (tags.length > ARTICLE_TAGS_MAX) problems.tags = 'tagsMany';
  else if (tags.some((tag) => tag.length > ARTICLE_TAG_MAX)) problems.tags = 'tagLong';
  if (draft.productIds.length > ARTICLE_PRODUCTS_MAX) problems.productIds = 'productsMany';
  return {
    fields: { title, body: draft.body, productIds: draft.productIds, tags, language: draft.language, status: draft.status, visibility: draft.visibility },
    problems,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields the editor changed from the article as read: only those are sent, so a colleague's change to another stays. */
export function articleChangesOf(article: Article, fields: ReturnType<typeof readArticleDraft>['fields']): ChangeInput<'article'> {
  const read: Record<string, unknown> = { ...articleDraftOf(article), tags: article.tags };
  return Object.fromEntries(Object.entries(fields).filter(([field, value]) => !same(read[field], value))) as ChangeInput<'article'>;
}
