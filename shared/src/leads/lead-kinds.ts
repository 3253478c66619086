// Plain data, no schema: the task pane imports this without loading zod.
export const leadSources = ['manual', 'import', 'web-form', 'email', 'call', 'campaign'] as const;
export const leadStatuses = ['new', 'assigned', 'in-process', 'converted', 'recycled', 'dead'] as const;
export type LeadStatus = (typeof leadStatuses)[number];

/** The statuses a person sets by hand; a lead becomes converted only by converting it. */
export const settableLeadStatuses: readonly LeadStatus[] = ['new', 'assigned', 'in-process', 'recycled', 'dead'];
