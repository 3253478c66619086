import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OperationName } from '@rapport/shared/contract/api.contract';
import { useApi } from './ApiProvider';
import { useOperation, useRecordList } from './queries';
import { queryKeys } from './query-keys';

// The answers a statement's approval or a plan's change makes stale.
const STATEMENT_READS: OperationName[] = ['commissionStatement', 'teamCommissionStatements', 'listCommissionStatements', 'dealCommission'];

/**
 * What a deal pays its owner: if won now (open), or what it paid (won). A write of any deal makes it stale (writes.ts's
 * table of readers), so it is read again after the deal's amount, lines or stage change.
 */
export function useDealCommission(dealId: string, options: { enabled: boolean }) {
  return useOperation('dealCommission', { params: { id: dealId } }, { enabled: options.enabled });
}

/** A rep's statement (the caller's without `memberId`) for the plan period holding `day`; the last one stays while the next loads. */
export function useStatement(memberId: string | undefined, day: string) {
  return useOperation('commissionStatement', { query: { ...(memberId ? { memberId } : {}), day } }, { keepPrevious: true });
}

/** A rep's approved statements, the latest first. */
export function useApprovedStatements(memberId?: string) {
  return useOperation('listCommissionStatements', { query: memberId ? { memberId } : {} });
}

/** Managers: each of their reps' statement for the periods holding `day`. */
export function useTeamStatements(day: string, options: { enabled: boolean }) {
  return useOperation('teamCommissionStatements', { query: { day } }, { enabled: options.enabled, keepPrevious: true });
}

/** The tenant's commission plans (far fewer than a page of them). */
export function useCommissionPlans(options: { enabled: boolean }) {
  return useRecordList('commissionPlan', { limit: 100 }, options);
}

/** Every statement and what a deal pays are read again (after an approval, or a plan's change). */
export function useStatementsChanged(): () => void {
  const queryClient = useQueryClient();
  return () => {
    for (const name of STATEMENT_READS) void queryClient.invalidateQueries({ queryKey: queryKeys.operation(name) });
  };
}

/**
 * Approving a rep's statement with the total the manager read: the API refuses it (409 COMMISSION.STATEMENT_CHANGED) when
 * the draft adds up to something else now. Either way the statements are read again, so what shows is what is stored.
 */
export function useApproveStatement() {
  const api = useApi();
  const changed = useStatementsChanged();
  return useMutation({
    mutationFn: (body: { memberId: string; period: 'month' | 'quarter' | 'year'; start: string; totalMinor: number }) => api.call('approveCommissionStatement', { body }),
    onSettled: changed,
  });
}
