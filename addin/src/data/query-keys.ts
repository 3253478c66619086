import type { OperationName } from '@rapport/shared/contract/api.contract';
import type { CrudKind } from '@rapport/shared/kinds/kinds';

/**
 * The cache's keys: by kind and id for records, by operation and request for the rest. A prefix (`['timeline', kind]`)
 * names every entry under it, which is how writes say what they changed.
 */
export const queryKeys = {
  record: (kind: CrudKind, id: string) => ['record', kind, id] as const,
  list: (kind: CrudKind, query?: object) => (query ? (['list', kind, query] as const) : (['list', kind] as const)),
  timeline: (kind: CrudKind, id?: string) => (id ? (['timeline', kind, id] as const) : (['timeline', kind] as const)),
  work: (kind: CrudKind, id?: string, day?: object) => (id ? (['work', kind, id, ...(day ? [day] : [])] as const) : (['work', kind] as const)),
  history: (kind: CrudKind, id?: string) => (id ? (['history', kind, id] as const) : (['history', kind] as const)),
  operation: (name: OperationName, request?: object) => (request ? (['operation', name, request] as const) : (['operation', name] as const)),
  /** What the pane keeps on an Outlook draft (not the API's): Log on send's choice. */
  draftLogChoice: (itemKey: string) => ['draft', 'logOnSend', itemKey] as const,
};
