import { useState } from 'react';
import type { Activity } from '@rapport/shared/activities/activity.schema';
import type { ChangeInput } from '../../api/api-types';
import { useChangeRecord } from '../../data/writes';

/**
 * One change of an activity at the version the user read, kept so that Retry and "Apply mine again" (after someone
 * else changed it first) send the same fields again.
 */
export function useActivityChange(activity: Activity, onSaved: (saved: Activity) => void) {
  const change = useChangeRecord('activity');
  const [last, setLast] = useState<ChangeInput<'activity'> | null>(null);
  const send = (changes: ChangeInput<'activity'>, version = activity.version) => {
    setLast(changes);
    change.mutate({ id: activity.id, changes, version, previous: activity }, { onSuccess: (saved) => onSaved(saved as Activity) });
  };
  return {
    send,
    pending: change.isPending,
    error: change.error,
    /** The fields the last change set, as the API names them. */
    fields: last ? Object.keys(last) : [],
    retry: () => last && send(last),
    applyAgain: (version: number) => last && send(last, version),
    reset: change.reset,
  };
}
