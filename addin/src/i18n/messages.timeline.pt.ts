import type { TimelineMessages } from './messages.timeline.en';

export const ptTimeline: TimelineMessages = {
  'home.noAppointmentsOn': 'Nenhum compromisso hoje, {day}.',
  'home.showPlanned': 'Mostrar o que está planejado nos próximos 7 dias ({count})',
  'home.hidePlanned': 'Ocultar o que está planejado nos próximos 7 dias ({count})',
  'home.noPlanned': 'Nada planejado nos próximos 7 dias.',
  'calendar.noneOn': 'Nenhum compromisso em {day}.',
  'calendar.noneIn': 'Nenhum compromisso em {range}.',
};
