import { useState } from 'react';
import type { Activity, Deal } from '@rapport/shared';
import type { RelatedNames } from '@rapport/shared/contract/related-names.schema';
import { useOperation, useRecordList, useTimeline, useWork } from '../data/queries';
import { today } from '../data/today';
import type { RecordSectionsProps } from './RecordSections';

/**
 * How many of the newest entries the lookup brings: the API's default (`timelineLimit` of the lookup request, which
 * the pane does not set). Fewer than that is the whole timeline.
 */
export const LOOKUP_TIMELINE_LIMIT = 5;

/**
 * A record's timeline and its planned-work counters. The lookup's newest entries show at once; when they are the whole
 * timeline they are its first page and nothing is read, else the first page replaces them when it comes.
 */
export function useTimelineSection(owner: RecordSectionsProps['owner'], latest?: Activity[], latestRelated?: RelatedNames) {
  const timeline = useTimeline(owner.kind, owner.id, latest ? { latest: { items: latest, complete: latest.length < LOOKUP_TIMELINE_LIMIT, related: latestRelated } } : {});
  const work = useWork(owner.kind, owner.id, today());
  // A failed first read has no entries but the lookup's; a failed "show older" keeps those already shown.
  const items = timeline.data ? timeline.items : timeline.isError ? (latest ?? []) : [];
  const failedMore = timeline.isFetchNextPageError;
  const failures = [timeline.isError ? timeline.error : null, work.isError ? work.error : null].filter((error): error is Error => error !== null);
  const retry = () => {
    if (failedMore) timeline.loadMore();
    else if (timeline.isError) void timeline.refetch();
    if (work.isError) void work.refetch();
  };
  return {
    items,
    /** The names of what the entries point at (their deals, cases, authors). */
    related: timeline.related,
    loading: timeline.isPending && !timeline.isError,
    // Nothing to show only when the read answered: a failure is never "no activities".
    empty: timeline.isSuccess && items.length === 0,
    hasMore: timeline.hasMore && !timeline.isPlaceholderData,
    loadMore: timeline.loadMore,
    loadingMore: timeline.loadingMore,
    counters: work.data,
    countersLoading: work.isPending && !work.isError,
    /** One message for what failed (offline, both did), with one Retry for all of it. */
    error: failures[0] ?? null,
    retry,
  };
}

/** The open deals, which one is being changed or shows its history, and the pipeline and products the editor needs. */
export function useDealList() {
  // Read once for the pane and kept in its cache: every deal and every person's deals share them.
  const pipeline = useOperation('pipeline', {});
  const products = useRecordList('product', { limit: 100 });
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [closed, setClosed] = useState<{ deal: Deal } | null>(null);
  const settings = pipeline.data && products.data ? { stages: pipeline.data.stages, products: products.data.items } : null;
  const settingsError = pipeline.error ?? products.error;
  return {
    settings,
    settingsLoading: (pipeline.isPending || products.isPending) && !settingsError,
    settingsError,
    retrySettings: () => {
      if (pipeline.isError) void pipeline.refetch();
      if (products.isError) void products.refetch();
    },
    stageName: (id: string) => pipeline.data?.stages.find((stage) => stage.id === id)?.name ?? id,
    open,
    toggleHistory: (id: string) => setOpen((current) => (current === id ? null : id)),
    editing,
    toggleEditing: (id: string) => setEditing((current) => (current === id ? null : id)),
    /** The last deal closed from here: it leaves the open deals, and a notice says how it ended. */
    closed,
    onClosed: (deal: Deal) => {
      setClosed({ deal });
      setEditing(null);
    },
  };
}
