// Plain data, no schema: the task pane imports this without loading zod.
export const caseTypes = ['question', 'incident', 'problem', 'complaint'] as const;
export const casePriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const caseStatuses = ['new', 'assigned', 'pending', 'closed', 'rejected'] as const;
/** The longest description of a case. */
export const CASE_DESCRIPTION_MAX = 10_000;
/** The most knowledge articles a case records as having answered it. */
export const CASE_ARTICLES_MAX = 50;
export type CaseType = (typeof caseTypes)[number];
export type CasePriority = (typeof casePriorities)[number];
export type CaseStatus = (typeof caseStatuses)[number];

export function caseIsOpen(status: CaseStatus): boolean {
  return status !== 'closed' && status !== 'rejected';
}

/**
 * Where a case may go from each status: it is taken on (assigned), waits on the customer (pending), and ends
 * closed or rejected; an ended case can be reopened. Nothing goes back to new.
 */
export const caseStatusFlow: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['assigned', 'pending', 'closed', 'rejected'],
  assigned: ['pending', 'closed', 'rejected'],
  pending: ['assigned', 'closed', 'rejected'],
  closed: ['assigned', 'pending'],
  rejected: ['assigned', 'pending'],
};

export function canMoveCase(from: CaseStatus, to: CaseStatus): boolean {
  return from === to || caseStatusFlow[from].includes(to);
}
