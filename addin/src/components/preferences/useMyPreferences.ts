import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { MemberLanguage } from '@rapport/shared/members/preferences.rules';
import { useOperation } from '../../data/queries';
import { queryKeys } from '../../data/query-keys';
import { useOperationWrite } from '../../data/writes';

export type PreferencesDraft = { dailyDigest: boolean; quoteAnswerMail: boolean; digestHour: number; timeZone: string; language: MemberLanguage | '' };

/**
 * The member's own preferences, read whenever they are shown (an admin may have changed them), and their change, saved
 * on the version read: a change made elsewhere meanwhile is refused, never overwritten, and `reload` loads it.
 */
export function useMyPreferences() {
  const queryClient = useQueryClient();
  const preferences = useOperation('myPreferences', {});
  const save = useOperationWrite('updateMyPreferences');
  const [draft, setDraft] = useState<PreferencesDraft | null>(null);
  const saved = preferences.data ?? null;
  const shown: PreferencesDraft | null =
    draft ?? (saved ? { dailyDigest: saved.dailyDigest, quoteAnswerMail: saved.quoteAnswerMail, digestHour: saved.digestHour, timeZone: saved.timeZone ?? '', language: saved.language ?? '' } : null);
  const changed =
    saved !== null &&
    draft !== null &&
    (draft.dailyDigest !== saved.dailyDigest || draft.quoteAnswerMail !== saved.quoteAnswerMail || draft.digestHour !== saved.digestHour || draft.timeZone !== (saved.timeZone ?? '') || draft.language !== (saved.language ?? ''));

  const submit = () => {
    if (!saved || !draft) return;
    const body = {
      dailyDigest: draft.dailyDigest,
      quoteAnswerMail: draft.quoteAnswerMail,
      digestHour: draft.digestHour,
      ...(draft.timeZone ? { timeZone: draft.timeZone } : {}),
      ...(draft.language ? { language: draft.language } : {}),
    };
    save.mutate(
      { body, version: saved.version },
      {
        onSuccess: (answer) => {
          queryClient.setQueryData(queryKeys.operation('myPreferences', {}), answer);
          // The never-log list is changed on the same member record: its version moved.
          void queryClient.invalidateQueries({ queryKey: queryKeys.operation('myNeverLog') });
          setDraft(null);
        },
      },
    );
  };
  return {
    preferences,
    save,
    shown,
    changed,
    edit: (change: Partial<PreferencesDraft>) => {
      if (!shown) return;
      save.reset();
      setDraft({ ...shown, ...change });
    },
    submit,
    reload: () =>
      void preferences.refetch().then(() => {
        setDraft(null);
        save.reset();
      }),
  };
}
