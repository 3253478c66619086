import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Expense } from '@rapport/shared/expenses/expense.schema';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';
import { useRecordAction } from './record-actions';
import { useChangeRecord, useCreateRecord } from './writes';

// Expenses through the API: a deal's or company's list, adding one with its receipt, changing it, a manager's approvals
// and decisions, a deal's margin. A file of its own (not writes.ts): only views that load later use it.

/** The record whose expenses these are. */
export type ExpenseOwner = { kind: 'deal' | 'company'; id: string };

const PAGE_SIZE = 50;

/** What shows expenses besides their lists: approvals, margins and the reports read again after an expense changed. */
function afterExpenseWrite(queryClient: QueryClient): void {
  for (const operation of ['pendingExpenses', 'dealMargin', 'report'] as const) void queryClient.invalidateQueries({ queryKey: queryKeys.operation(operation) });
}

/** A deal's or company's expenses, newest first (the caller's own; a manager's team's); read again whenever they show (a manager decides them elsewhere). */
export function useExpenses(owner: ExpenseOwner) {
  const api = useApi();
  const query = owner.kind === 'deal' ? { dealId: owner.id, limit: PAGE_SIZE } : { companyId: owner.id, limit: PAGE_SIZE };
  return useQuery({ queryKey: queryKeys.list('expense', query), queryFn: () => api.records('expense').list(query), staleTime: 0 });
}

/** Adding an expense, then its receipt (a photo or a PDF) as a document of it, under its own idempotency key. */
export function useAddExpense() {
  const api = useApi();
  const queryClient = useQueryClient();
  const create = useCreateRecord('expense');
  const receipt = useMutation({
    mutationFn: ({ expense, file, key }: { expense: Expense; file: File; key: string }) =>
      api.call('uploadDocument', { query: { recordKind: 'expense', recordId: expense.id, name: file.name }, key, body: file }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.operation('listDocuments') }),
  });
  return {
    create,
    receipt,
    add: async (input: Parameters<typeof create.mutateAsync>[0]['input'], file: File | null): Promise<{ expense: Expense; receiptFailed: boolean }> => {
      const expense = (await create.mutateAsync({ input })) as Expense;
      afterExpenseWrite(queryClient);
      if (!file) return { expense, receiptFailed: false };
      try {
        await receipt.mutateAsync({ expense, file, key: crypto.randomUUID() });
        return { expense, receiptFailed: false };
      } catch {
        return { expense, receiptFailed: true };
      }
    },
  };
}

/** Changing an expense (the rep's, while it waits or after it was rejected: then it is submitted again). */
export function useChangeExpense() {
  const queryClient = useQueryClient();
  const change = useChangeRecord('expense');
  return {
    ...change,
    save: (expense: Expense, changes: Parameters<typeof change.mutateAsync>[0]['changes']) =>
      change.mutateAsync({ id: expense.id, changes, version: expense.version, previous: expense }).then((saved) => {
        afterExpenseWrite(queryClient);
        return saved;
      }),
  };
}

/** A manager's decision on a submitted expense: approve it, or reject it with the reason. */
export function useDecideExpense() {
  const queryClient = useQueryClient();
  const approve = useRecordAction('expense', 'approve');
  const reject = useRecordAction('expense', 'reject');
  const done = () => afterExpenseWrite(queryClient);
  return {
    approve: (id: string) => approve.mutateAsync({ id, body: {} }).then(done),
    reject: (id: string, reason: string) => reject.mutateAsync({ id, body: { reason } }).then(done),
    pending: approve.isPending || reject.isPending,
    error: approve.error ?? reject.error,
    reset: () => {
      approve.reset();
      reject.reset();
    },
  };
}

/** The submitted expenses a manager decides: their team's, the oldest first; read again whenever the list shows (reps add them elsewhere). */
export function usePendingExpenses() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.operation('pendingExpenses', {}), queryFn: () => api.call('pendingExpenses', {}), staleTime: 0 });
}

/** A deal's amount less its approved expenses; read again whenever the deal shows (a manager decides them elsewhere). */
export function useDealMargin(dealId: string) {
  const api = useApi();
  const request = { params: { id: dealId } };
  return useQuery({ queryKey: queryKeys.operation('dealMargin', request), queryFn: () => api.call('dealMargin', request), staleTime: 0 });
}
