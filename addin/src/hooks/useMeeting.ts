import { useCallback, useEffect, useState } from 'react';
import type { Activity } from '@rapport/shared';
import type { ApiClient } from '../api/api-client';
import type { OutlookEvent } from '../graph/calendar';
import type { MailItem } from '../office/mail-item';
import type { CalendarLoader } from './useScheduling';

export type MeetingState =
  | { status: 'loading' }
  | { status: 'unsaved' }
  | { status: 'ready'; event: OutlookEvent | null; appointment: Activity | null }
  | { status: 'error'; message: string };

/**
 * The open meeting as Outlook and the CRM know it: its event (for the iCalUId that organizer and
 * attendees share) and the CRM appointment with that iCalUId, if there is one.
 */
export function useMeeting(loadCalendar: CalendarLoader, api: ApiClient, item: MailItem): { state: MeetingState; reload: () => void } {
  const [state, setState] = useState<MeetingState>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  useEffect(() => {
    if (!item.eventId) {
      setState({ status: 'unsaved' });
      return;
    }
    let live = true;
    const eventId = item.eventId;
    (async () => {
      const calendar = await loadCalendar();
      const event = await calendar.getEvent(eventId);
      if (!event) return { event: null, appointment: null };
      const emails = item.participants.map((participant) => participant.email);
      const { appointment } = await api.lookup({ emails: emails.length > 0 ? emails : [event.organizer?.address ?? 'unknown@invalid'], iCalUId: event.iCalUId, timelineLimit: 0 });
      return { event, appointment };
    })()
      .then((found) => {
        if (live) setState({ status: 'ready', ...found });
      })
      .catch((caught: unknown) => {
        if (live) setState({ status: 'error', message: caught instanceof Error ? caught.message : String(caught) });
      });
    return () => {
      live = false;
    };
  }, [loadCalendar, api, item, round]);
  return { state, reload };
}
