import type { DemoPerson } from '@rapport/shared';
import type { DemoMessage } from './demo-message';

/**
 * The demo's host and the simulated Office inside the pane's frame talk by postMessage, as
 * Outlook and Office.js do: the pane says hello, the host answers with the user, the display
 * language and the selected item, then sends every new selection. The pane may run on another
 * origin (in its own process, as in Outlook); each side accepts messages only from the other.
 */
/** Outlook's theme as the demo plays it: its body colour, as Office.context.officeTheme gives it. */
export type DemoTheme = 'light' | 'dark';
export const demoThemeColours: Record<DemoTheme, { bodyBackgroundColor: string; bodyForegroundColor: string }> = {
  light: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#242424' },
  dark: { bodyBackgroundColor: '#292929', bodyForegroundColor: '#ffffff' },
};

/**
 * What the pane asks of the open item: content at a draft's cursor, its subject, its custom properties, a file attached; categories on a
 * received message. `id` pairs the host's answer with the ask.
 */
export type DraftEdit =
  | { type: 'rapport-demo:insert'; id: number; html: string; text: string }
  | { type: 'rapport-demo:set-subject'; id: number; subject: string }
  | { type: 'rapport-demo:set-custom-properties'; id: number; properties: Record<string, unknown> }
  | { type: 'rapport-demo:set-headers'; id: number; headers: Record<string, string> }
  /** A file attached to the draft (addFileAttachmentFromBase64Async), its bytes in base64. */
  | { type: 'rapport-demo:attach'; id: number; name: string; contentBase64: string }
  | { type: 'rapport-demo:add-categories'; id: number; itemId: string; categories: string[] };
export type PaneToHost = { type: 'rapport-demo:hello' } | DraftEdit;
export type HostToPane =
  | {
      type: 'rapport-demo:init';
      user: DemoPerson;
      displayLanguage: string;
      theme: DemoTheme;
      item: DemoMessage | null;
      /** What the pane was opened with (a Smart Alert's contextData), as getInitializationContextAsync gives it. */
      initializationContext?: string;
      /** Outlook on a phone: Android's platform, Mailbox 1.5, no officeTheme (as Outlook mobile gives them). */
      device?: 'phone';
    }
  | { type: 'rapport-demo:item-changed'; item: DemoMessage | null }
  /** The draft as the user is writing it; `recipientsChanged` when its recipients are not those the pane had. */
  | { type: 'rapport-demo:draft-changed'; item: DemoMessage; recipientsChanged: boolean }
  | { type: 'rapport-demo:edited'; id: number; error?: string };

const hostMessages = new Set(['rapport-demo:init', 'rapport-demo:item-changed', 'rapport-demo:draft-changed', 'rapport-demo:edited']);

export function isHostMessage(data: unknown): data is HostToPane {
  return hostMessages.has((data as { type?: unknown } | null)?.type as string);
}

export function isPaneHello(data: unknown): data is PaneToHost {
  return (data as { type?: unknown } | null)?.type === 'rapport-demo:hello';
}

const editTypes = new Set(['rapport-demo:insert', 'rapport-demo:set-subject', 'rapport-demo:set-custom-properties', 'rapport-demo:set-headers', 'rapport-demo:attach', 'rapport-demo:add-categories']);

export function isDraftEdit(data: unknown): data is DraftEdit {
  const message = data as { type?: unknown; id?: unknown } | null;
  return editTypes.has(message?.type as string) && typeof message?.id === 'number';
}
