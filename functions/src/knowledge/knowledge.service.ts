import {
  queryTermsOf,
  translationGroupOf,
  type Article,
  type ArticleSuggestion,
  type ArticleSuggestions,
  type MemberLanguage,
  type SuggestArticlesRequest,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { Store } from '../store/store';

// Candidates the full-text index is asked for: enough for the best few to survive the boosts and the grouping of
// translations, few enough that reading them stays a bounded cost.
const CANDIDATES = 20;
// A customer's products are read from this many of their company's latest deals (and the case's own product).
const DEALS_READ = 50;
// An article about one of the customer's products ranks this much higher.
const PRODUCT_BOOST = 1.5;
// An article that matches less than this share of the best one's score is noise beside it: not suggested. (Its words
// met the e-mail's only in passing: "seats" in a training article for an invoice's seats.)
const RELEVANT_SHARE = 0.4;

/**
 * Knowledge articles for a rep reading a customer's e-mail or case: the published articles whose words best match it
 * (ranked by the store's full-text index), those about the customer's products first, each shown in the customer's
 * language when a translation exists.
 */
export class KnowledgeService {
  constructor(private readonly store: Store) {}

  async suggest(principal: Principal, request: SuggestArticlesRequest): Promise<ArticleSuggestions> {
    const { tenantId } = principal;
    const [contact, item] = await Promise.all([
      request.contactId ? this.store.get('contact', tenantId, request.contactId) : null,
      request.caseId ? this.store.get('case', tenantId, request.caseId) : null,
    ]);
    const subject = request.subject || item?.subject || '';
    const text = request.text || item?.description || '';
    const terms = queryTermsOf(subject, text);
    const products = await this.productsOf(tenantId, contact?.companyId ?? item?.companyId, item?.productId);
    const language = contact?.language;
    const found = await this.published(tenantId, terms);
    // Each group of translations once, by its best match; the customer's products first at equal words.
    const best = new Map<string, { article: Article; score: number; forTheirProducts: boolean }>();
    for (const { article, score } of found) {
      const forTheirProducts = article.productIds.some((id) => products.has(id));
      const boosted = forTheirProducts ? score * PRODUCT_BOOST : score;
      const group = translationGroupOf(article);
      const kept = best.get(group);
      if (!kept || boosted > kept.score) best.set(group, { article, score: boosted, forTheirProducts });
    }
    const sorted = [...best.values()].sort((a, b) => b.score - a.score || a.article.title.localeCompare(b.article.title));
    const floor = (sorted[0]?.score ?? 0) * RELEVANT_SHARE;
    const ranked = sorted.filter((match) => match.score >= floor).slice(0, request.limit ?? 5);
    const suggestions = await Promise.all(ranked.map((match) => this.inLanguage(tenantId, match, language)));
    return { suggestions, ...(language ? { language } : {}) };
  }

  async search(principal: Principal, query: string, limit: number): Promise<Article[]> {
    const found = await this.published(principal.tenantId, queryTermsOf(query), limit);
    return found.map((match) => match.article);
  }

  /** The published articles the full-text index ranks best for the stems, best first. */
  private async published(tenantId: string, terms: readonly string[], limit = CANDIDATES): Promise<{ article: Article; score: number }[]> {
    if (terms.length === 0) return [];
    const hits = await this.store.searchFullText(tenantId, 'article', terms, limit);
    const articles = new Map((await this.store.getMany('article', tenantId, hits.map((hit) => hit.id))).map((article) => [article.id, article]));
    return hits.flatMap((hit) => {
      const article = articles.get(hit.id);
      return article && article.status === 'published' ? [{ article, score: hit.score }] : [];
    });
  }

  /** What the case is about when it says; else what the customer has bought (their company's deals' products). */
  private async productsOf(tenantId: string, companyId: string | undefined, caseProduct: string | undefined): Promise<Set<string>> {
    const products = new Set<string>(caseProduct ? [caseProduct] : []);
    if (caseProduct || !companyId) return products;
    const deals = await this.store.list('deal', tenantId, { linkedTo: { kind: 'company', id: companyId }, limit: DEALS_READ });
    for (const deal of deals.items) if (deal.status !== 'lost') for (const line of deal.lineItems) products.add(line.productId);
    return products;
  }

  /** A match with its group's translations listed, shown in the customer's language when one is published in it. */
  private async inLanguage(tenantId: string, match: { article: Article; score: number; forTheirProducts: boolean }, language: MemberLanguage | undefined): Promise<ArticleSuggestion> {
    const group = translationGroupOf(match.article);
    const [root, others] = await Promise.all([
      group === match.article.id ? match.article : this.store.get('article', tenantId, group),
      this.store.list('article', tenantId, { linkedTo: { kind: 'article', id: group }, limit: 10 }),
    ]);
    const all = [...(root ? [root] : []), ...others.items.filter((article) => article.id !== group)].filter((article) => article.status === 'published');
    const shown = (language && all.find((article) => article.language === language)) || match.article;
    return {
      article: shown,
      score: match.score,
      forTheirProducts: match.forTheirProducts,
      translations: all.filter((article) => article.id !== shown.id).map((article) => ({ id: article.id, language: article.language, title: article.title })),
    };
  }
}
