import type { ActivityMessages } from './messages.activities.en';

export const esActivities: ActivityMessages = {
  'activity.snoozeUntil': 'Posponer hasta',
  'activity.quick.tomorrow': 'Mañana',
  'activity.quick.in-three-days': 'Dentro de tres días',
  'activity.quick.next-week': 'La próxima semana',
  'activity.pickDate': 'Elegir una fecha…',
  'activity.snooze': 'Posponer',
  'activity.snoozeHeading': 'Posponer «{subject}»',
  'activity.snoozeHint': 'Vence a las {time} de ese día, al empezar tu jornada ({zone}).',
  'activity.pastDate': 'Elige hoy o una fecha posterior.',
  'activity.snoozing': 'Posponiendo…',
  'activity.snoozed': 'Pospuesta: vence el {when}.',
  'activity.edit': 'Editar',
  'activity.editHeading': 'Editar «{subject}»',
  'activity.date': 'Fecha',
  'activity.time': 'Hora',
  'activity.saved': 'Guardado.',
  'activity.delete': 'Eliminar',
  'activity.deleteConfirm': '¿Eliminar «{subject}»? Se puede restaurar durante 30 días.',
  'activity.deleted': '«{subject}» eliminada.',
  'activity.close': 'Cerrar',
};
