import type { CalendarLoader } from '../../data/calendar';
import type { FreeTimesRecipient } from './find-free-times';

export type { FreeTimesRecipient };

/** The lengths a rep can propose, in minutes. */
export const FREE_TIMES_LENGTHS = [30, 60] as const;
export type FreeTimesLength = (typeof FREE_TIMES_LENGTHS)[number];

export type InsertFreeTimesProps = {
  /** The Graph calendar module, loaded on first use. */
  loadCalendar: CalendarLoader;
  /** Whom the e-mail goes to; the first whose zone is known sets the zone the times are written in. */
  recipients: FreeTimesRecipient[];
  /** Puts the text where the rep is writing (the compose surface does it, through Outlook). */
  insert: (content: { html: string; text: string }) => Promise<void>;
  /** Called once the times are in the e-mail. */
  onDone?: () => void;
};
