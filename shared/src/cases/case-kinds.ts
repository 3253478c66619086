// Plain data, no schema: the task pane imports this without loading zod.
export const caseTypes = ['question', 'incident', 'problem', 'complaint'] as const;
export const casePriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const caseStatuses = ['new', 'assigned', 'pending', 'closed', 'rejected'] as const;
export type CaseType = (typeof caseTypes)[number];
export type CasePriority = (typeof casePriorities)[number];
export type CaseStatus = (typeof caseStatuses)[number];

export function caseIsOpen(status: CaseStatus): boolean {
  return status !== 'closed' && status !== 'rejected';
}
