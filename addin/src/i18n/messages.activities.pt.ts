import type { ActivityMessages } from './messages.activities.en';

export const ptActivities: ActivityMessages = {
  'activity.snoozeUntil': 'Adiar até',
  'activity.quick.tomorrow': 'Amanhã',
  'activity.quick.in-three-days': 'Daqui a três dias',
  'activity.quick.next-week': 'Próxima semana',
  'activity.pickDate': 'Escolher uma data…',
  'activity.snooze': 'Adiar',
  'activity.snoozeHeading': 'Adiar “{subject}”',
  'activity.snoozeHint': 'Vence às {time} desse dia, no início do seu expediente ({zone}).',
  'activity.pastDate': 'Escolha hoje ou uma data posterior.',
  'activity.snoozing': 'Adiando…',
  'activity.snoozed': 'Adiada: vence em {when}.',
  'activity.edit': 'Editar',
  'activity.editHeading': 'Editar “{subject}”',
  'activity.date': 'Data',
  'activity.time': 'Hora',
  'activity.saved': 'Salvo.',
  'activity.delete': 'Excluir',
  'activity.deleteConfirm': 'Excluir “{subject}”? Pode ser restaurada durante 30 dias.',
  'activity.deleted': '“{subject}” excluída.',
  'activity.close': 'Fechar',
};
