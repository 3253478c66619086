import type { ActivityMessages } from './messages.activities.en';

export const itActivities: ActivityMessages = {
  'activity.snoozeUntil': 'Rimanda a',
  'activity.quick.tomorrow': 'Domani',
  'activity.quick.in-three-days': 'Tra tre giorni',
  'activity.quick.next-week': 'Settimana prossima',
  'activity.pickDate': 'Scegli una data…',
  'activity.snooze': 'Rimanda',
  'activity.snoozeHeading': 'Rimanda «{subject}»',
  'activity.snoozeHint': 'Scade alle {time} di quel giorno, all’inizio della tua giornata lavorativa ({zone}).',
  'activity.pastDate': 'Scegli oggi o una data successiva.',
  'activity.snoozing': 'Rinvio in corso…',
  'activity.snoozed': 'Rimandata: scade il {when}.',
  'activity.edit': 'Modifica',
  'activity.editHeading': 'Modifica «{subject}»',
  'activity.date': 'Data',
  'activity.time': 'Ora',
  'activity.saved': 'Salvato.',
  'activity.delete': 'Elimina',
  'activity.deleteConfirm': 'Eliminare «{subject}»? Si può ripristinare per 30 giorni.',
  'activity.deleted': '«{subject}» eliminata.',
  'activity.close': 'Chiudi',
};
