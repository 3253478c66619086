import type { DemoInbox, DemoInboxItem } from '@rapport/shared';
import type { DemoPages } from '../../pages/addin-pages';
import { DEMO_TENANT_ID, DEMO_USER_EMAIL, DEMO_USER_ID } from './demo-data';
import { buildDemoInbox } from './demo-inbox';

/** The demo's side of the pages: the demo user the pane signs in as, and the inbox (plus meetings booked since). */
export function demoPages(now: () => Date, moreItems?: () => DemoInboxItem[]): DemoPages {
  let kept: { day: string; inbox: DemoInbox } | null = null;
  // Built from the same deterministic data as the seed, once a day.
  const built = () => {
    const day = now().toISOString().slice(0, 10);
    if (kept?.day !== day) kept = { day, inbox: buildDemoInbox(now()) };
    return kept.inbox;
  };
  return {
    signIn: () => ({
      tenantId: DEMO_TENANT_ID,
      userId: DEMO_USER_ID,
      userEmail: DEMO_USER_EMAIL,
      demoUsers: built().signIns.map(({ userId, email }) => ({ userId, email })),
    }),
    inbox: () => {
      const inbox = built();
      return { ...inbox, items: [...inbox.items, ...(moreItems?.() ?? [])] };
    },
  };
}
