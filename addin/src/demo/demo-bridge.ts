import type { DemoInboxItem, DemoPerson } from '@rapport/shared';

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

export type PaneToHost = { type: 'rapport-demo:hello' };
export type HostToPane =
  | { type: 'rapport-demo:init'; user: DemoPerson; displayLanguage: string; theme: DemoTheme; item: DemoInboxItem | null }
  | { type: 'rapport-demo:item-changed'; item: DemoInboxItem | null };

export function isHostMessage(data: unknown): data is HostToPane {
  const type = (data as { type?: unknown } | null)?.type;
  return type === 'rapport-demo:init' || type === 'rapport-demo:item-changed';
}

export function isPaneHello(data: unknown): data is PaneToHost {
  return (data as { type?: unknown } | null)?.type === 'rapport-demo:hello';
}
