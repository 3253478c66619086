import type { DemoInbox, DemoInboxItem } from '@rapport/shared';
import type { DemoPages } from '../../pages/addin-pages';
import { DEMO_TENANT_ID, DEMO_USER_EMAIL, DEMO_USER_ID } from './demo-data';
import { buildDemoInbox } from './demo-inbox';
import { conversationIdOf, stableMessageId } from '../calendar/local-mail';

/** The demo's side of the pages: the demo user the pane signs in as, and the inbox (plus meetings booked since). */
export function demoPages(now: () => Date, moreItems?: () => DemoInboxItem[]): DemoPages {
  let kept: { day: string; inbox: DemoInbox } | null = null;
  // Built from the same deterministic data as the seed, once a day.
  const built = () => {
    const day = now().toISOString().slice(0, 10);
    if (kept?.day !== day) kept = { day, inbox: withGraphIds(buildDemoInbox(now())) };
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

/**
 * The demo user's received messages as the Graph stand-in keeps them (demo-mail.ts seeds it with the same messages):
 * their ids there, to reply to them, and their conversations, which logging one follows.
 */
function withGraphIds(inbox: DemoInbox): DemoInbox {
  return {
    ...inbox,
    items: inbox.items.map((item) =>
      item.mode === 'message-read' && item.internetMessageId
        ? { ...item, graphId: stableMessageId(DEMO_USER_EMAIL, item.internetMessageId), conversationId: conversationIdOf(item.internetMessageId) }
        : item,
    ),
  };
}
