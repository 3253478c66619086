import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider';
import { useOperation } from './queries';
import { queryKeys } from './query-keys';

// Customer satisfaction as the pane reads it: a contact's or a company's surveys, and a manager's NPS to a company. A
// file of its own (not queries.ts or writes.ts, which the first card's JavaScript holds): only views that load later use it.

/** How many of a contact's or company's surveys are read: the latest, which is what a rep looks at. */
export const SURVEYS_READ = 50;

/** Whose surveys: a contact's, or a company's (all its contacts'). */
export type SurveysOf = { contactId: string } | { companyId: string };

/** A contact's or a company's surveys, the latest first. Customers answer outside the pane: read again when shown. */
export function useSurveys(of: SurveysOf) {
  return useOperation('listSurveys', { query: { ...of, limit: SURVEYS_READ } });
}

/**
 * NPS to a company's contacts (managers). Whatever the answer, the company is read again: a send, or one refused as too
 * soon, changes or shows when it was last sent; its surveys appear as the job sends them.
 */
export function useSendNps() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (companyId: string) => api.call('sendNpsSurvey', { body: { companyId } }),
    onSettled: (_result, _error, companyId) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.record('company', companyId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.operation('listSurveys') });
    },
  });
}
