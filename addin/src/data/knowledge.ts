import { useQuery } from '@tanstack/react-query';
import type { Article } from '@rapport/shared/knowledge/article.schema';
import { useApi } from './ApiProvider';
import { useOperation, useRecord, useRecordList } from './queries';
import { queryKeys } from './query-keys';
import { useRecordAction } from './record-actions';

// The knowledge base as the pane reads it: the articles suggested for an e-mail or a case, a search, one article and
// its other languages, and the case action that records which article answered it. A file of its own (not writes.ts
// or queries.ts): only views that load after the card use it.

/** What the suggestions are for: an e-mail (its subject, and its text read on demand) or a case, and whose it is. */
export type SuggestionsFor = {
  /** The e-mail or draft the suggestions are for: its answer is kept for it alone. */
  itemKey: string;
  subject?: string;
  /** The body's text, read once the suggestions are asked for (an Office call): never before the card is shown. */
  readText?: () => Promise<string>;
  contactId?: string | undefined;
  caseId?: string | undefined;
  limit: number;
};

/** The published articles that best answer the e-mail or case, best first, in the customer's language where they have one. */
export function useSuggestedArticles({ itemKey, subject = '', readText, contactId, caseId, limit }: SuggestionsFor) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.operation('suggestArticles', { itemKey, subject, contactId, caseId, limit }),
    queryFn: async () => {
      // Without its text an e-mail is still matched by its subject: Outlook may not give the body.
      const text = readText ? await readText().catch(() => '') : '';
      return api.call('suggestArticles', { body: { subject, text, limit, ...(contactId ? { contactId } : {}), ...(caseId ? { caseId } : {}) } });
    },
  });
}

/** Published articles whose words match what the rep typed, best first; nothing is asked while the query is empty. */
export function useArticleSearch(q: string) {
  return useOperation('searchArticles', { query: { q, limit: 10 } }, { enabled: q !== '', keepPrevious: true });
}

/** One article, read again when stale. */
export function useArticle(id: string) {
  return useRecord('article', id);
}

/** The group of translations an article belongs to: the first article's id (written on the others by the server). */
export const translationGroupOf = (article: Pick<Article, 'id' | 'translationGroup'>): string => article.translationGroup ?? article.id;

/**
 * An article's published translations, the article itself left out: the group's first article and those that name it
 * as their group. `ready` once both reads answered.
 */
export function useArticleTranslations(article: Pick<Article, 'id' | 'translationGroup'> | undefined) {
  const group = article ? translationGroupOf(article) : '';
  const first = useRecord('article', group && group !== article?.id ? group : null);
  const others = useRecordList('article', { translationGroup: group, limit: 10 }, { enabled: group !== '' });
  const all = [...(first.data ? [first.data] : []), ...(others.data?.items ?? [])];
  return {
    translations: all.filter((other) => other.id !== article?.id && other.status === 'published'),
    // The first article is the one being read, or was read: either way, only the list is awaited.
    ready: others.isSuccess && (group === article?.id || !first.isPending),
    error: others.error ?? first.error,
    retry: () => {
      if (others.isError) void others.refetch();
      if (first.isError) void first.refetch();
    },
  };
}

/** The product catalog (read once for the pane, as deals read it): an article names its products. */
export function useProductNames(): (id: string) => string | null {
  const products = useRecordList('product', { limit: 100 });
  return (id) => products.data?.items.find((product) => product.id === id)?.name ?? null;
}

/** Records that an article answered a case (once per article: the server keeps the first). */
export function useAnsweredCase() {
  return useRecordAction('case', 'answered');
}
