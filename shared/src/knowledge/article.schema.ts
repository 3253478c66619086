import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, TimestampSchema, longText, patchSchemaOf, shortText } from '../common/record.schema';
import { memberLanguages } from '../members/preferences.rules';
import { ARTICLE_BODY_MAX, ARTICLE_PRODUCTS_MAX, ARTICLE_TAGS_MAX, ARTICLE_TAG_MAX, ARTICLE_TITLE_MAX, articleStatuses, articleVisibilities } from './article.rules';

/** A knowledge article: the answer to a question customers ask, in one language, for some products. */
export const ArticleInputSchema = z.strictObject({
  title: shortText(ARTICLE_TITLE_MAX),
  /** Markdown (no raw HTML is ever rendered). */
  body: longText(ARTICLE_BODY_MAX).default(''),
  productIds: z.array(IdSchema).max(ARTICLE_PRODUCTS_MAX).default([]),
  tags: z.array(shortText(ARTICLE_TAG_MAX)).max(ARTICLE_TAGS_MAX).default([]),
  language: z.enum(memberLanguages),
  status: z.enum(articleStatuses).default('draft'),
  /** Internal (the tenant's members only) unless made public: a published public article has a page anyone may open. */
  visibility: z.enum(articleVisibilities).default('internal'),
  /** The article this one is a translation of: translations are found, and offered, together. */
  translationOf: IdSchema.optional(),
  ownerId: IdSchema.optional(),
});
export type ArticleInput = z.input<typeof ArticleInputSchema>;

export const ArticleSchema = z
  .object({
    ...ArticleInputSchema.shape,
    ...SystemFieldsSchema.shape,
    /**
     * The first article of its translations (kept by the server, on translations only): an article's group of
     * translations is `translationGroup ?? id`.
     */
    translationGroup: IdSchema.optional(),
    /** When it was last published (kept by the server). */
    publishedAt: TimestampSchema.optional(),
    /**
     * The key of its public page (128 random bits, given by the server the first time the article is published and
     * public, and kept): the page opens while the article is both (see `articleIsPublic`).
     */
    publicKey: z.string().max(64).optional(),
  })
  .meta({ id: 'Article' });
export type Article = z.infer<typeof ArticleSchema>;

export const ArticlePatchSchema = patchSchemaOf(ArticleInputSchema);
export type ArticlePatch = z.input<typeof ArticlePatchSchema>;

/** The id an article's translations share: the first article's. */
export const translationGroupOf = (article: Pick<Article, 'id' | 'translationGroup'>): string => article.translationGroup ?? article.id;
