// Plain data, no schema: the pane checks a logged call or meeting with these before sending, without loading zod, and
// ActivityInputSchema is built from the same limits, so the pane and the API refuse the same values.

/** The longest subject of an activity. */
export const ACTIVITY_SUBJECT_MAX = 300;
/** The longest notes of an activity. */
export const ACTIVITY_NOTES_MAX = 10_000;
/** The longest an activity lasts: two weeks, in minutes. */
export const ACTIVITY_DURATION_MAX = 24 * 60 * 14;
