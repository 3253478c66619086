// Plain data, no schema: the task pane checks a form against the same limits the API's schema applies.

/** The longest subject and notes an activity takes (ActivityInputSchema). */
export const activityLimits = { subject: 300, notes: 10_000 } as const;
