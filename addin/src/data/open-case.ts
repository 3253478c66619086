import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateInput, RecordFor } from '../api/api-types';
import { isApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import { useApi } from './ApiProvider';
import type { EmailToLog } from './card';
import { afterRecordWrite, useIdempotencyKey } from './writes';

/** A case to open, and the e-mail it is opened from (none from a meeting). */
export type CaseToOpen = { input: CreateInput<'case'>; email: EmailToLog | null };

/**
 * Where the opening e-mail is: logged with the case, or its earlier log linked to it (both on the case's timeline);
 * `elsewhere` when an earlier log belongs to another case or is not the rep's to change; `none` without an e-mail.
 */
export type OpeningEmail = 'logged' | 'linked' | 'elsewhere' | 'none';
export type CaseOpened = { case: RecordFor<'case'>; email: OpeningEmail };

/**
 * Opens a case and puts the e-mail that opened it on its timeline. One idempotency key carries the whole of it until it
 * succeeds: a retry or a second click answers with the same case, and the e-mail is logged once (under a key derived
 * from the case's), or, logged before, linked once.
 */
export function useOpenCase() {
  const api = useApi();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: async ({ input, email }: CaseToOpen): Promise<CaseOpened> => {
      const key = idempotency.key();
      const opened = await api.records('case').create(input, key);
      return { case: opened, email: email ? await logToCase(api, opened.id, email, `${key}:email`) : 'none' };
    },
    onSuccess: ({ case: opened }, { email }) => {
      idempotency.renew();
      afterRecordWrite(queryClient, 'case', opened);
      // The e-mail's log is read again where it shows: the case's and the contact's timelines, the card.
      if (email) afterRecordWrite(queryClient, 'activity', undefined, { ...email.activity, caseId: opened.id, id: '' });
    },
  });
}

async function logToCase(api: ApiClient, caseId: string, { activity, readSummary }: EmailToLog, key: string): Promise<OpeningEmail> {
  // The body excerpt is optional: Office failing to read it must not stop the case.
  const summary = await readSummary().catch(() => '');
  try {
    await api.records('activity').create({ ...activity, caseId, ...(summary ? { summary } : {}) }, key);
    return 'logged';
  } catch (caught) {
    if (!isApiError(caught) || caught.code !== 'RECORD.ALREADY_LOGGED') throw caught;
    const id = (caught.details as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string') return 'elsewhere';
    const logged = await api.records('activity').get(id);
    if (logged.caseId === caseId) return 'linked';
    // An e-mail belongs to one case: the first it was logged with keeps it.
    if (logged.caseId) return 'elsewhere';
    try {
      await api.records('activity').update(id, { caseId }, logged.version);
      return 'linked';
    } catch (refused) {
      // A colleague's log: not the rep's to change.
      if (isApiError(refused) && refused.status === 403) return 'elsewhere';
      throw refused;
    }
  }
}
