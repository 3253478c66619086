import type { TimeSlot } from '@rapport/shared/appointments/conflict.rules';
import { freeTimesHtml, freeTimesText } from '@rapport/shared/appointments/free-times.rules';
import type { CalendarApi } from '../../graph/calendar';
import { languageOf, type Language } from '../../i18n/i18n';
import { enFreeTimes, type FreeTimesMessages } from '../../i18n/messages.freetimes.en';
import { esFreeTimes } from '../../i18n/messages.freetimes.es';
import { itFreeTimes } from '../../i18n/messages.freetimes.it';
import { ptFreeTimes } from '../../i18n/messages.freetimes.pt';
import { findFreeTimes, type FreeTimesRecipient } from './find-free-times';

// What goes into the e-mail, in the rep's display language: the question, the times, the zone they are in. The words
// come with this module (a few lines per language), so a template can write them without the pane's translator.
const words: Record<Language, FreeTimesMessages> = { en: enFreeTimes, es: esFreeTimes, pt: ptFreeTimes, it: itFreeTimes };

/** The times as the e-mail says them, plain text and HTML, written in `timeZone` for the rep's `locale` (`es-ES`). */
export function freeTimesContent(slots: readonly TimeSlot[], timeZone: string, locale: string, { withHeading = true } = {}): { text: string; html: string } {
  const messages = words[languageOf(locale)];
  const wording = { timeZone, locale, heading: withHeading ? messages['freetimes.text.heading'] : '', zoneNote: messages['freetimes.text.zoneNote'] };
  return { text: freeTimesText(slots, wording), html: freeTimesHtml(slots, wording) };
}

/**
 * The rep's next free times as an e-mail says them, for a template's {{freeTimes}}: up to `max` times of
 * `durationMinutes` over the next 5 working days, spread over the days, in the first recipient's zone that is known
 * (Outlook's for a colleague, the CRM address's country for a customer), else the rep's own. Both texts are empty when
 * there is no free time; a failed Graph call rejects with an OutlookError, which describeError words.
 */
export async function nextFreeTimesText(
  calendar: CalendarApi,
  recipients: readonly FreeTimesRecipient[],
  { locale, durationMinutes = 30, max = 3 }: { locale: string; durationMinutes?: number; max?: number },
): Promise<{ text: string; html: string }> {
  const found = await findFreeTimes(calendar, recipients, { durationMinutes, max });
  if (found.slots.length === 0) return { text: '', html: '' };
  // A template leads into the times in its own words (and its own tone): the list and the zone only.
  return freeTimesContent(found.slots, found.recipientZone?.timeZone ?? found.ownZone, locale, { withHeading: false });
}
