import type { TimelineMessages } from './messages.timeline.en';

export const itTimeline: TimelineMessages = {
  'home.noAppointmentsOn': 'Nessun appuntamento oggi, {day}.',
  'home.showPlanned': 'Mostra cosa è pianificato nei prossimi 7 giorni ({count})',
  'home.hidePlanned': 'Nascondi cosa è pianificato nei prossimi 7 giorni ({count})',
  'home.noPlanned': 'Niente di pianificato nei prossimi 7 giorni.',
  'calendar.noneOn': 'Nessun appuntamento il {day}.',
  'calendar.noneIn': 'Nessun appuntamento in {range}.',
};
