import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Me } from '@rapport/shared';
import { canEditRecord, capabilitiesOf, type Capabilities } from '@rapport/shared/members/access.rules';
import type { ApiClient } from '../api/api-client';

const MeContext = createContext<Me | null>(null);

/** Reads who the user is (`GET /api/me`) once, for the views below it to show only what the role allows. */
export function MeProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    let live = true;
    // Until it is known (or if it cannot be), the pane offers only what any member may do; the API decides anyway.
    api.me().then(
      (value) => live && setMe(value),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** What the signed-in user's role allows; a rep's rights until known. */
export function useCapabilities(): Capabilities {
  const me = useContext(MeContext);
  return me?.capabilities ?? capabilitiesOf(['rep']);
}

// One read of the members per API client: names change rarely, and the pane shows them many times.
const memberNames = new WeakMap<ApiClient, Promise<Map<string, string>>>();

/** A member's display name by id (null while loading or unknown). */
export function useMemberNames(api: ApiClient): (id: string) => string | null {
  const [names, setNames] = useState<Map<string, string> | null>(null);
  useEffect(() => {
    let live = true;
    let pending = memberNames.get(api);
    if (!pending) {
      pending = api.members().then(
        (page) => new Map(page.items.map((member) => [member.id, member.displayName])),
        () => new Map<string, string>(),
      );
      memberNames.set(api, pending);
    }
    void pending.then((loaded) => live && setNames(loaded));
    return () => {
      live = false;
    };
  }, [api]);
  return (id) => names?.get(id) ?? null;
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
