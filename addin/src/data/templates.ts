import { useMemo } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Template } from '@rapport/shared/templates/template.schema';
import { useApi } from './ApiProvider';
import { useOperation } from './queries';
import { queryKeys } from './query-keys';

// Templates are few per tenant: read a full page at a time, the next on demand.
const PAGE = 100;

/** The templates a rep picks from: the team's (shared) and their own, each by name. */
export type TemplateChoices = { team: Template[]; mine: Template[] };

/**
 * The templates the signed-in rep may insert, read through the pane's cache (`GET /api/templates`, under the kind's list
 * key, so a write of a template reads it again), with who the rep is (`GET /api/me`, read once for the whole pane).
 * The API lists every member's templates; the pane offers the team's and the rep's own.
 */
export function useTemplateChoices() {
  const api = useApi();
  const me = useOperation('me', {});
  const list = useInfiniteQuery({
    queryKey: queryKeys.list('template', { limit: PAGE, pages: true }),
    queryFn: ({ pageParam }) => api.records('template').list({ limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const userId = me.data?.userId;
  const choices = useMemo<TemplateChoices | null>(() => {
    if (!list.data || userId === undefined) return null;
    const templates = list.data.pages.flatMap((page) => page.items).sort((a, b) => a.name.localeCompare(b.name));
    return { team: templates.filter((template) => template.shared), mine: templates.filter((template) => !template.shared && template.ownerId === userId) };
  }, [list.data, userId]);
  // One state for both reads: the list waits for who the rep is, and a failure of either offers Retry.
  const failed = list.isError ? list : me.isError ? me : null;
  return {
    choices,
    me: me.data ?? null,
    isPending: choices === null && failed === null,
    isError: failed !== null,
    error: failed?.error ?? null,
    refetch: () => (failed ?? list).refetch(),
    hasMore: list.hasNextPage,
    loadMore: () => void list.fetchNextPage(),
    loadingMore: list.isFetchingNextPage,
  };
}
