import { useEffect, useState } from 'react';
import { notifyManager, useInfiniteQuery, useMutation, useQuery, useQueryClient, type Mutation, type QueryClient } from '@tanstack/react-query';
import type { Document, DocumentRecordKind } from '@rapport/shared/documents/document.schema';
import type { TenantSettings } from '@rapport/shared/settings/tenant-settings.schema';
import { useApi } from './ApiProvider';
import { refusalOf } from './document-checks';
import { queryKeys } from './query-keys';

// A record's documents (files), read, added, opened and deleted through the API's /api/documents routes. Components
// use these hooks; the bytes come through the API client with the user's token, never from a URL of their own.

/** The record whose documents these are. */
export type DocumentOwner = { kind: DocumentRecordKind; id: string };

const listKey = (owner?: DocumentOwner) =>
  owner ? queryKeys.operation('listDocuments', { query: { recordKind: owner.kind, recordId: owner.id } }) : queryKeys.operation('listDocuments');
const contentKey = (id: string) => queryKeys.operation('documentContent', { params: { id } });
const PAGE_SIZE = 20;

/** The tenant's document limits when the pane already holds its settings (Settings, an e-mail's attachments read them), else undefined: the API says. */
export function useKnownDocumentLimits(): TenantSettings['documentLimits'] | undefined {
  return useQueryClient().getQueryData<TenantSettings>(queryKeys.operation('settings', {}))?.documentLimits;
}

/** The records' lists of documents are read again; done when they have been. */
function afterDocumentsChanged(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: listKey() });
}

/** A record's documents, newest first, a page at a time. */
export function useDocuments(owner: DocumentOwner) {
  const api = useApi();
  const query = useInfiniteQuery({
    queryKey: listKey(owner),
    queryFn: ({ pageParam }) => api.call('listDocuments', { query: { recordKind: owner.kind, recordId: owner.id, limit: PAGE_SIZE, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return {
    ...query,
    items: query.data?.pages.flatMap((page) => page.items) ?? [],
    hasMore: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    loadingMore: query.isFetchingNextPage,
  };
}

/** What a document is (its name and type), for a logged e-mail's attachment that names only its id. */
export function useDocument(id: string, options: { enabled: boolean }) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.operation('getDocument', { params: { id } }), queryFn: () => api.call('getDocument', { params: { id } }), enabled: options.enabled });
}

/**
 * A document's bytes, read once it is opened. Kept in the cache only briefly: a file may be large, and it is read
 * again (with a fresh token) the next time.
 */
export function useDocumentContent(id: string, options: { enabled: boolean }) {
  const api = useApi();
  return useQuery({
    queryKey: contentKey(id),
    queryFn: () => api.call('documentContent', { params: { id }, query: { disposition: 'inline' } }),
    enabled: options.enabled,
    gcTime: 60_000,
  });
}

/** Reading a document's bytes to save them, once per click (the cache's copy when it has one). */
export function useDocumentBytes() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string }) =>
      queryClient.fetchQuery({ queryKey: contentKey(id), queryFn: () => api.call('documentContent', { params: { id }, query: { disposition: 'attachment' } }), gcTime: 60_000 }),
  });
}

/** One file being added to a record: its idempotency key (a retry sends the same one) and the file. */
export type UploadRequest = { key: string; file: File };
export type Upload = UploadRequest & { status: 'pending' | 'error'; error: unknown; retry: () => void; dismiss: () => void };

/**
 * Adding files to a record: each file is checked in the browser first (the tenant's size limit when the pane holds the
 * settings), then sent with its own idempotency key, so a retry never keeps it twice. `uploads` are the files still on
 * their way and those refused, each with its refusal, until dismissed; the record's list is read again as each lands.
 */
export function useDocumentUploads(owner: DocumentOwner) {
  const api = useApi();
  const queryClient = useQueryClient();
  const limits = useKnownDocumentLimits();
  const mutationKey = ['uploadDocument', owner.kind, owner.id];
  const upload = useMutation({
    mutationKey,
    mutationFn: async ({ key, file }: UploadRequest) => {
      const refusal = await refusalOf(file, limits?.maxFileMb);
      if (refusal) throw refusal;
      return api.call('uploadDocument', { query: { recordKind: owner.kind, recordId: owner.id, name: file.name }, key, body: file });
    },
    // Still "adding" until the list that shows it has been read again: the file never vanishes in between.
    onSuccess: () => afterDocumentsChanged(queryClient),
  });
  const mutations = useUnfinished<Document, UploadRequest>(queryClient, mutationKey);
  const remove = (mutation: Mutation<Document, unknown, UploadRequest>) => queryClient.getMutationCache().remove(mutation as Mutation<unknown, unknown, unknown>);
  const uploads: Upload[] = mutations.flatMap((mutation) => {
    const request = mutation.state.variables;
    if (!request) return [];
    return [
      {
        ...request,
        status: mutation.state.status === 'error' ? 'error' : 'pending',
        error: mutation.state.error,
        retry: () => {
          remove(mutation);
          upload.mutate(request);
        },
        dismiss: () => remove(mutation),
      },
    ];
  });
  return { limitMb: limits?.maxFileMb, add: (files: readonly File[]) => files.forEach((file) => upload.mutate({ key: crypto.randomUUID(), file })), uploads };
}

/**
 * The writes under `mutationKey` still on their way or failed, as the mutation cache holds them (so they outlive the
 * component that started them). React Query's useMutationState does this too, but would put its module in the first
 * card's JavaScript (its package index is there).
 */
function useUnfinished<T, V>(queryClient: QueryClient, mutationKey: readonly unknown[]): Mutation<T, unknown, V>[] {
  const cache = queryClient.getMutationCache();
  const read = () =>
    cache.findAll({ mutationKey, exact: true, predicate: (mutation) => mutation.state.status === 'pending' || mutation.state.status === 'error' }) as Mutation<T, unknown, V>[];
  const [mutations, setMutations] = useState(read);
  const keyText = JSON.stringify(mutationKey);
  useEffect(() => {
    // Only writes added, removed or changed count; the cache also tells of observers, some while another component renders.
    const update = () =>
      setMutations((shown) => {
        const now = read();
        const same = now.length === shown.length && now.every((mutation, index) => mutation === shown[index] && mutation.state === shownStates.get(mutation));
        now.forEach((mutation) => shownStates.set(mutation, mutation.state));
        return same ? shown : now;
      });
    const shownStates = new WeakMap<object, unknown>();
    update();
    // Batched as React Query's own hooks are: one render for what one change tells.
    const batched = notifyManager.batchCalls(update);
    return cache.subscribe((event) => {
      if (event.type === 'added' || event.type === 'removed' || event.type === 'updated') batched();
    });
  }, [cache, keyText]); // eslint-disable-line react-hooks/exhaustive-deps
  return mutations;
}

/**
 * Deleting a document with Undo in its place: the record's list is read again only when `settle` is called (the user is
 * done with Undo, or leaves), so the entry and its Undo stay until then. Undo restores it at the deleted version.
 */
export function useDeleteDocument() {
  const api = useApi();
  const queryClient = useQueryClient();
  const remove = useMutation({ mutationFn: ({ document }: { document: Document }) => api.call('deleteDocument', { params: { id: document.id }, version: document.version }) });
  const restore = useMutation({
    mutationFn: ({ deleted }: { deleted: Document }) => api.call('restoreDocument', { params: { id: deleted.id }, version: deleted.version + 1 }),
    onSuccess: () => afterDocumentsChanged(queryClient),
  });
  return { remove, restore, settle: () => void afterDocumentsChanged(queryClient) };
}
