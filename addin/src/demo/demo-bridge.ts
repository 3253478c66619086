import type { DemoInboxItem, DemoPerson } from '@rapport/shared';

/**
 * How the demo inbox (the parent page) and the simulated Office host (inside the pane's frame)
 * talk: the inbox owns the selection, the simulator reads it and hears about changes.
 */
export type DemoBridge = {
  user: DemoPerson;
  displayLanguage: string;
  currentItem(): DemoInboxItem | null;
  /** Registers the pane's ItemChanged handler, as a pinned pane does. */
  onItemChanged(listener: () => void): void;
};

export type DemoWindow = Window & { rapportDemo?: DemoBridge };
