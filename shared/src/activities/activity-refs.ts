// The ids an activity is known by outside the CRM: one record per id in a tenant, so an e-mail is logged once.

export const MESSAGE_REF_PREFIX = 'message:';

/** The external id an e-mail is known by: its internet message id. */
export function messageRef(internetMessageId: string): string {
  return `${MESSAGE_REF_PREFIX}${internetMessageId}`;
}

/** The external id a meeting is known by in every calendar it is in: its iCalUId. */
export function meetingRef(iCalUId: string): string {
  return `ical:${iCalUId}`;
}

/** The external ids an activity is known by. */
export function activityExternalRefs(activity: { internetMessageId?: string | undefined; iCalUId?: string | undefined }): string[] {
  const refs: string[] = [];
  if (activity.internetMessageId) refs.push(messageRef(activity.internetMessageId));
  if (activity.iCalUId) refs.push(meetingRef(activity.iCalUId));
  return refs;
}
