import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Me } from '@rapport/shared';
import { canEditRecord, capabilitiesOf, type Capabilities } from '@rapport/shared/members/access.rules';
import { useOperation } from '../data/queries';

const MeContext = createContext<Me | null>(null);

/** Reads who the user is (`GET /api/me`) once, for the views below it to show only what the role allows. */
export function MeProvider({ children }: { children: ReactNode }) {
  // Until it is known (or if it cannot be), the pane offers only what any member may do; the API decides anyway.
  const { data } = useOperation('me', {});
  return <MeContext.Provider value={data ?? null}>{children}</MeContext.Provider>;
}

/** What the signed-in user's role allows; a rep's rights until known. */
export function useCapabilities(): Capabilities {
  const me = useContext(MeContext);
  return me?.capabilities ?? capabilitiesOf(['rep']);
}

/** A member's display name by id (null while loading or unknown); the members are read once for the whole pane. */
export function useMemberNames(): (id: string) => string | null {
  const { data } = useOperation('members', { query: { limit: 100 } });
  const names = useMemo(() => new Map(data?.items.map((member) => [member.id, member.displayName])), [data]);
  return (id) => names.get(id) ?? null;
}

/** Whether the signed-in user may change this record (their own, or anyone's as a manager or admin); null until known. */
/** Whether the signed-in user may change a record, for lists of records (false while not known). */
export function useCanEditRecord(): (record: { ownerId: string }) => boolean {
  const me = useContext(MeContext);
  return (record) => (me ? canEditRecord(me, record) : false);
}

export function useCanEdit(record: { ownerId: string }): boolean | null {
  const me = useContext(MeContext);
  return me ? canEditRecord(me, record) : null;
}

/** The signed-in user as `GET /api/me` described them; null until known. */
export function useMe(): Me | null {
  return useContext(MeContext);
}
