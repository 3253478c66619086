import type { TimelineMessages } from './messages.timeline.en';

export const esTimeline: TimelineMessages = {
  'home.noAppointmentsOn': 'No hay citas hoy, {day}.',
  'home.showPlanned': 'Mostrar lo planificado en los próximos 7 días ({count})',
  'home.hidePlanned': 'Ocultar lo planificado en los próximos 7 días ({count})',
  'home.noPlanned': 'Nada planificado en los próximos 7 días.',
  'calendar.noneOn': 'No hay citas el {day}.',
  'calendar.noneIn': 'No hay citas en {range}.',
};
