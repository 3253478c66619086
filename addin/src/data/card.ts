import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateInput, RecordFor } from '../api/api-types';
import { isApiError } from '../api/api-error';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';
import { afterRecordWrite } from './writes';

/** An e-mail to log: the activity without its summary, and how to read the summary (the body excerpt). */
export type EmailToLog = { activity: CreateInput<'activity'> & { internetMessageId: string }; readSummary: () => Promise<string> };

/** What logging answered: the activity it created, or (a colleague was first) the id of the one that already logs it. */
export type EmailLogged = { activity: RecordFor<'activity'> } | { alreadyLoggedId: string | null };

/**
 * Logs an e-mail once, whoever clicks: the key is the message's internet message id, so a retry or a double click
 * answers with the first log, and a colleague's earlier log answers 409 RECORD.ALREADY_LOGGED, which is the outcome
 * the rep wanted. Either way the card (the lookup), the contacts' timelines and counters are read again.
 */
export function useLogEmail() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ activity, readSummary }: EmailToLog): Promise<EmailLogged> => {
      // The body excerpt is optional: Office failing to read it must not stop the log.
      const summary = await readSummary().catch(() => '');
      try {
        const created = await api.records('activity').create({ ...activity, ...(summary ? { summary } : {}) }, `email:${activity.internetMessageId}`);
        // Logging an e-mail follows its thread: the replies are logged without a click. The log stands if this fails
        // (the card then offers "Follow this thread").
        if (created.conversationId) await api.call('followThread', { body: { activityId: created.id } }).catch(() => undefined);
        return { activity: created };
      } catch (caught) {
        if (!isApiError(caught) || caught.code !== 'RECORD.ALREADY_LOGGED') throw caught;
        const id = (caught.details as { id?: unknown } | undefined)?.id;
        return { alreadyLoggedId: typeof id === 'string' ? id : null };
      }
    },
    onSuccess: (logged, { activity }) => {
      const created = 'activity' in logged ? logged.activity : undefined;
      // A colleague's log is not known here, but what it links to is: the contacts and company it was sent with.
      const id = created?.id ?? ('alreadyLoggedId' in logged ? logged.alreadyLoggedId : null);
      afterRecordWrite(queryClient, 'activity', created, { ...activity, id: id ?? '' });
    },
  });
}

/** Reads the open item's card again: after a 412 the record changed since the lookup read it. */
export function useReloadCard(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.operation('lookup') });
}
