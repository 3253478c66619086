import { useState } from 'react';
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TimeSlot } from '@rapport/shared/appointments/conflict.rules';
import { sameClockFor, slotText } from '@rapport/shared/appointments/free-times.rules';
import { graphKeys } from '../../data/calendar';
import { useIsSending } from '../../data/sending';
import { useCalendar } from '../../hooks/useScheduling';
import { useI18n } from '../../i18n/I18nContext';
import { freeSlots, recipientsInOutlook, recipientZone, type RecipientZone } from './find-free-times';
import { freeTimesContent } from './free-times-text';
import type { FreeTimesLength, InsertFreeTimesProps } from './InsertFreeTimes.types';

// Up to five times to choose from; the rep unticks what they do not want.
const MOST_TIMES = 5;
// Calendars change under the pane: an answer is reused for a minute, as free/busy is (data/calendar.ts).
const FRESH_MS = 60_000;

const freeTimesKeys = {
  people: (addresses: string[]) => ['graph', 'freeTimes', 'people', addresses] as const,
  slots: (readable: string[], minutes: number) => ['graph', 'freeTimes', 'slots', readable, minutes] as const,
  insert: ['freeTimes', 'insert'] as const,
};

const keyOf = (slot: TimeSlot) => `${slot.start}/${slot.end}`;
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Which zone the times are written in: the recipient's (when known and their clock differs from the rep's) or the rep's. */
export type ZoneChoice =
  | { kind: 'choose'; theirs: RecipientZone; own: string; writeIn: 'theirs' | 'mine' }
  | { kind: 'same'; theirs: RecipientZone; own: string }
  | { kind: 'own'; own: string };

export type FreeTimesState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'empty' }
  | { status: 'ready'; slots: TimeSlot[] };

/**
 * The state of "Insert free times": the length chosen, the free times found (Graph, cached), which are ticked, the zone
 * they are written in, and the insertion.
 */
export function useInsertFreeTimes({ loadCalendar, recipients, insert, onDone }: InsertFreeTimesProps) {
  const { locale } = useI18n();
  const queryClient = useQueryClient();
  const { calendar, timeZone: ownZone, failure: calendarFailure, retry: retryCalendar } = useCalendar(loadCalendar);
  const [length, setLength] = useState<FreeTimesLength>(30);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(() => new Set());
  const [writeIn, setWriteIn] = useState<'theirs' | 'mine'>('theirs');

  const addresses = recipients.map((recipient) => recipient.email.trim().toLowerCase());
  const people = useQuery({
    queryKey: freeTimesKeys.people(addresses),
    queryFn: calendar ? () => recipientsInOutlook(calendar, recipients, Date.now()) : skipToken,
    staleTime: FRESH_MS,
  });
  const readable = people.data?.readable;
  const slots = useQuery({
    queryKey: freeTimesKeys.slots(readable ?? [], length),
    queryFn:
      calendar && readable
        ? async () => {
            // The mailbox's working week, read once for the pane (the same query as its time zone); without it, Monday to Friday.
            const mailbox = await queryClient.fetchQuery({ queryKey: graphKeys.mailboxSettings, queryFn: () => calendar.mailboxSettings(), staleTime: Infinity }).catch(() => undefined);
            return freeSlots(calendar, { mailbox, readable, durationMinutes: length, max: MOST_TIMES, now: Date.now(), fallbackZone: browserTimeZone() });
          }
        : skipToken,
    staleTime: FRESH_MS,
  });

  const found = slots.data ?? [];
  const theirs = people.data ? recipientZone(recipients, people.data.timeZones) : null;
  const zone: ZoneChoice = !theirs
    ? { kind: 'own', own: ownZone }
    : sameClockFor(found, theirs.timeZone, ownZone)
      ? { kind: 'same', theirs, own: ownZone }
      : { kind: 'choose', theirs, own: ownZone, writeIn };
  const writtenIn = zone.kind === 'own' || (zone.kind === 'choose' && zone.writeIn === 'mine') ? ownZone : zone.theirs.timeZone;

  const state: FreeTimesState = calendarFailure
    ? { status: 'error', error: calendarFailure, retry: retryCalendar }
    : people.isError
      ? { status: 'error', error: people.error, retry: () => void people.refetch() }
      : slots.isError
        ? { status: 'error', error: slots.error, retry: () => void slots.refetch() }
        : !slots.data
          ? { status: 'loading' }
          : slots.data.length === 0
            ? { status: 'empty' }
            : { status: 'ready', slots: slots.data };

  const chosen = found.filter((slot) => !unticked.has(keyOf(slot)));
  const insertion = useMutation({ mutationKey: freeTimesKeys.insert, mutationFn: insert, onSuccess: () => onDone?.() });
  const sending = useIsSending(freeTimesKeys.insert);

  return {
    length,
    setLength: (minutes: FreeTimesLength) => {
      setLength(minutes);
      setUnticked(new Set());
    },
    state,
    zone,
    chooseZone: setWriteIn,
    /** A time as the e-mail will say it, in the zone it is written in. */
    label: (slot: TimeSlot) => slotText(slot, writtenIn, locale),
    ticked: (slot: TimeSlot) => !unticked.has(keyOf(slot)),
    tick: (slot: TimeSlot, on: boolean) =>
      setUnticked((before) => {
        const after = new Set(before);
        if (on) after.delete(keyOf(slot));
        else after.add(keyOf(slot));
        return after;
      }),
    chosen: chosen.length,
    insertion: {
      pending: insertion.isPending,
      done: insertion.isSuccess,
      error: insertion.error,
      insert: () => {
        if (chosen.length === 0 || sending()) return;
        insertion.mutate(freeTimesContent(chosen, writtenIn, locale));
      },
    },
  };
}
