import { defineKind } from '../kinds/kind-definition';
import { searchTermsOf } from '../search/search-terms.rules';
import { articleStatusFlow } from './article.rules';
import { ArticleInputSchema, ArticlePatchSchema, ArticleSchema } from './article.schema';
import { fullTextOf } from './full-text.rules';

export const articleKind = defineKind(ArticleSchema, {
  plural: 'articles',
  label: 'Article',
  references: [
    { field: 'productIds', kind: 'product' },
    { field: 'translationOf', kind: 'article' },
    // The first article of its translations lists them all: the pane offers the customer's language from there.
    { field: 'translationGroup', kind: 'article', link: true },
  ],
  timeline: false,
  statusFlow: { field: 'status', flow: articleStatusFlow, code: 'ARTICLE.STATUS_FLOW' },
  // 2: articles have a visibility (those written before are internal).
  schemaVersion: 2,
  title: (article) => article.title,
  // Found by its title and tags in the search box; only a published article is ranked for a customer's question.
  index: (article) => ({
    terms: searchTermsOf({ names: [article.title, ...article.tags] }),
    ...(article.status === 'published' ? { fullText: fullTextOf(article) } : {}),
  }),
  api: {
    input: ArticleInputSchema,
    patch: ArticlePatchSchema,
    // An article's view offers its other languages: the group's first article and `?translationGroup=` its id.
    filters: ['ownerId', 'translationGroup'],
    // Admins, and the members an admin makes knowledge editors (they change any article, whoever wrote it).
    write: { role: 'admin', allows: 'write knowledge articles', capability: 'knowledgeEditor' },
    example: {
      input: (text) => ({ title: `${text}: the printer prints blank pages`, body: 'Check the **toner** cartridge is seated.', language: 'en', tags: ['printing'] }),
      patch: { status: 'published' },
    },
  },
});
