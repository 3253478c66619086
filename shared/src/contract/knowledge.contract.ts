import { z } from 'zod';
import { IdSchema, longText } from '../common/record.schema';
import { ARTICLE_BODY_MAX, PUBLIC_ARTICLES_PATH } from '../knowledge/article.rules';
import { ArticleSchema } from '../knowledge/article.schema';
import { memberLanguages } from '../members/preferences.rules';
import { IdParamsSchema, PublicKeyParamsSchema } from './common.schema';
import { defineRoute } from './route';

/** What a rep reads when the pane looks for answers: an e-mail's subject and text, and whose it is. */
export const SuggestArticlesRequestSchema = z.strictObject({
  subject: z.string().max(1_000).default(''),
  /** The e-mail's text (or a case's description): only its first words count. */
  text: z.string().max(50_000).default(''),
  /** The customer: their products rank higher, and their language is the one shown. */
  contactId: IdSchema.optional(),
  /** The case the rep is answering: its subject and description count when no text is given, its product ranks higher. */
  caseId: IdSchema.optional(),
  limit: z.number().int().min(1).max(10).default(5),
});
export type SuggestArticlesRequest = z.input<typeof SuggestArticlesRequestSchema>;

/** An article found for a question: in the customer's language when it has a translation in it, with its other languages. */
export const ArticleSuggestionSchema = z.object({
  article: ArticleSchema,
  /** How well it matches (higher is better), comparable within one answer only. */
  score: z.number(),
  /** Whether it is about one of the customer's products (or the case's). */
  forTheirProducts: z.boolean(),
  translations: z.array(z.object({ id: IdSchema, language: z.enum(memberLanguages), title: z.string() })),
});
export type ArticleSuggestion = z.infer<typeof ArticleSuggestionSchema>;

export const ArticleSuggestionsSchema = z.object({
  suggestions: z.array(ArticleSuggestionSchema),
  /** The customer's language the suggestions are shown in, when known. */
  language: z.enum(memberLanguages).optional(),
});
export type ArticleSuggestions = z.infer<typeof ArticleSuggestionsSchema>;

export const suggestArticlesRoute = defineRoute({
  name: 'suggest-articles',
  method: 'POST',
  path: '/api/knowledge/suggestions',
  summary: "The published knowledge articles that best answer an e-mail or a case, ranked by its words and the customer's products",
  tag: 'Knowledge',
  auth: 'user',
  body: SuggestArticlesRequestSchema,
  readOnly: true,
  success: { status: 200, schema: ArticleSuggestionsSchema, description: 'The best articles first (at most `limit`)' },
});

export const SearchArticlesQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const searchArticlesRoute = defineRoute({
  name: 'search-articles',
  method: 'GET',
  path: '/api/knowledge/search',
  summary: 'Published knowledge articles whose title, tags or text match the words typed, best first',
  tag: 'Knowledge',
  auth: 'user',
  query: SearchArticlesQuerySchema,
  success: { status: 200, schema: z.object({ articles: z.array(ArticleSchema) }), description: 'The best matches first' },
});

/**
 * What turning a case into a draft article takes: the reply that solved it, when the rep wrote their own (else the
 * article the case was last answered with is taken).
 */
export const CaseDraftArticleSchema = z.strictObject({
  reply: longText(ARTICLE_BODY_MAX).optional(),
});
export type CaseDraftArticle = z.input<typeof CaseDraftArticleSchema>;

export const caseDraftArticleRoute = defineRoute({
  name: 'case-draft-article',
  method: 'POST',
  path: '/api/cases/{id}/draft-article',
  summary:
    "Turns a case into a draft knowledge article: its subject as the title, its question and the reply that solved it (the rep's own text, else the article it was last answered with) as the body, its product, in its customer's language. A retry with the same Idempotency-Key answers the first draft",
  tag: 'Knowledge',
  auth: 'user',
  role: 'admin',
  capability: 'knowledgeEditor',
  allows: 'write knowledge articles',
  params: IdParamsSchema,
  body: CaseDraftArticleSchema,
  success: { status: 201, schema: ArticleSchema, description: 'The draft article' },
  errors: [403, 413, 422],
  idempotent: true,
});

export const publicArticlePageRoute = defineRoute({
  name: 'public-article-page',
  method: 'GET',
  path: `${PUBLIC_ARTICLES_PATH}/{key}`,
  summary: "A published public knowledge article's page, opened from a link in a reply: the article alone, in its language (no token)",
  tag: 'Public pages',
  auth: 'none',
  params: PublicKeyParamsSchema,
  success: { status: 200, description: 'The page (HTML)' },
  errors: [410, 429],
});
