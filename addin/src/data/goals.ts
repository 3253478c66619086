import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Goal, GoalInput } from '@rapport/shared/goals/goal.schema';
import type { AnyGoalPeriod } from '@rapport/shared/goals/goal.rules';
import { ApiError } from '../api/api-error';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';
import { useRecordList } from './queries';
import { localDate } from './today';
import { afterRecordWrite } from './writes';

/**
 * Attainment of the period that holds the user's today (their own day, not the server's UTC one): `mine` for the
 * caller's goals with their team's and the company's as benchmarks, `team` (managers) for every rep's.
 */
export function useAttainment(period: AnyGoalPeriod, view: 'mine' | 'team' = 'mine', options: { enabled?: boolean } = {}) {
  // The day is part of the request (and of its cache key): taken once per render of a new period, stable within a day.
  const api = useApi();
  const [day] = useState(() => localDate(new Date()));
  const request = { query: { period, view, day } };
  return useQuery({
    queryKey: queryKeys.operation('goalAttainment', request),
    queryFn: () => api.call('goalAttainment', request),
    // Read again each time My numbers shows (a deal won or a call logged in another view moves it), rather than by
    // writes.ts's table of readers, which is in the first card's JavaScript: it has no bytes to spare.
    staleTime: 0,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The goals grid's read: every goal the tenant has set; a manager's tenant keeps far fewer than a page of them a period. */
export const GOALS_QUERY = { limit: 100 } as const;

/** Every goal the tenant has set (the grid's cells). */
export function useGoals() {
  return useRecordList('goal', GOALS_QUERY);
}

/** One cell of the goals grid: whom, what and which period, and the goal there is (if any). */
export type GoalCellTarget = { input: Omit<GoalInput, 'target' | 'stretch'>; goal: Goal | undefined };

/**
 * Setting one goal's target from the grid: a blank cell creates, a changed one patches at the version read (If-Match),
 * a cleared one deletes. When someone else created the same goal meanwhile (409 naming it), theirs is read and patched.
 */
export function useSetGoal() {
  const api = useApi();
  const queryClient = useQueryClient();
  const goals = api.records('goal');
  return useMutation({
    mutationFn: async ({ cell, target }: { cell: GoalCellTarget; target: number | null }): Promise<Goal | undefined> => {
      const { goal } = cell;
      if (target === null) {
        if (goal) await goals.remove(goal.id, goal.version);
        return undefined;
      }
      if (goal) return (await goals.update(goal.id, { target }, goal.version)) as Goal;
      try {
        return (await goals.create({ ...cell.input, target } as GoalInput, crypto.randomUUID())) as Goal;
      } catch (caught) {
        const existing = caught instanceof ApiError && caught.status === 409 ? (caught.details as { id?: string } | undefined)?.id : undefined;
        if (!existing) throw caught;
        const theirs = (await goals.get(existing)) as Goal;
        return theirs.target === target ? theirs : ((await goals.update(theirs.id, { target }, theirs.version)) as Goal);
      }
    },
    onSuccess: (record, { cell }) => {
      afterRecordWrite(queryClient, 'goal', record as never, cell.goal as never);
      void queryClient.invalidateQueries({ queryKey: queryKeys.operation('goalAttainment') });
    },
  });
}
