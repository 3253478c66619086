import { z } from 'zod';
import { IdSchema } from '../common/record.schema';
import { ArticleSchema } from '../knowledge/article.schema';
import { memberLanguages } from '../members/preferences.rules';
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
