import { useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Article } from '@rapport/shared/knowledge/article.schema';
import { publicArticlePath } from '@rapport/shared/knowledge/article.rules';
import { useMe } from '../hooks/useMe';
import { useApi } from './ApiProvider';
import { usePublicPageUrl } from './public-pages';
import { useOperation, useRecord, useRecordList } from './queries';
import { queryKeys } from './query-keys';
import { useRecordAction } from './record-actions';
import { afterRecordWrite, useIdempotencyKey } from './writes';

// The knowledge base as the pane reads and writes it: the articles suggested for an e-mail or a case, a search, one
// article and its other languages, the drafts, the case action that records which article answered it and the draft a
// closed case becomes. A file of its own (not writes.ts or queries.ts): only views that load after the card use it.

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
    /** The languages the group is written in, whatever each version's status (a draft translation counts). */
    languages: [...new Set(all.map((other) => other.language))],
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

/** Whether the signed-in user writes the knowledge base: a knowledge editor (an admin's tick) or an admin; false until known. */
export function useIsKnowledgeEditor(): boolean {
  const me = useMe();
  // An API of a release before capabilities answers without them: nobody but admins is an editor there.
  return me !== null && (me.capabilities.manageSettings || (me.grantedCapabilities ?? []).includes('knowledgeEditor'));
}

// The articles an editor's drafts are looked for in: the newest of the whole knowledge base, drafts and all.
const DRAFTS_READ = 50;

/** The knowledge base's drafts, the newest first (read for editors only: nobody else may publish them). */
export function useArticleDrafts(enabled: boolean) {
  const list = useRecordList('article', { limit: DRAFTS_READ }, { enabled });
  return { ...list, drafts: (list.data?.items ?? []).filter((article) => article.status === 'draft') };
}

/**
 * A closed case turned into a draft article (its subject, question and answer, its product, its customer's language),
 * the rep's own reply when they give one. A retry sends the same idempotency key: one draft however often it is sent.
 */
export function useDraftArticleFromCase() {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  // What the key was last sent with: a reply changed after a failure is another request, under a key of its own.
  const sentWith = useRef<string | null>(null);
  return useMutation({
    mutationFn: ({ caseId, reply }: { caseId: string; reply: string }) => {
      const body = reply.trim() ? { reply: reply.trim() } : {};
      const request = JSON.stringify([caseId, body]);
      if (sentWith.current !== request) idempotency.renew();
      sentWith.current = request;
      return api.call('caseDraftArticle', { params: { id: caseId }, body, key: idempotency.key() });
    },
    onSuccess: (article) => {
      idempotency.renew();
      afterRecordWrite(queryClient, 'article', article as Article & Record<string, unknown>);
    },
  });
}

/** The full address of a public article's page: the link a reply carries. */
export function usePublicArticleUrl(): (publicKey: string) => string {
  const urlOf = usePublicPageUrl();
  return (publicKey) => urlOf(publicArticlePath(publicKey));
}
