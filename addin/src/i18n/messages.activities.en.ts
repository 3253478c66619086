// The messages of an activity's menu and its forms (snooze, edit, delete), part of the later messages
// (messages.later.en.ts). The other locales must translate each one.
export const enActivities = {
  'activity.snoozeUntil': 'Snooze until',
  'activity.quick.tomorrow': 'Tomorrow',
  'activity.quick.in-three-days': 'In three days',
  'activity.quick.next-week': 'Next week',
  'activity.pickDate': 'Pick a date…',
  'activity.snooze': 'Snooze',
  'activity.snoozeHeading': 'Snooze “{subject}”',
  'activity.snoozeHint': 'Due at {time} that day, the start of your working day ({zone}).',
  'activity.pastDate': 'Pick today or a later date.',
  'activity.snoozing': 'Snoozing…',
  'activity.snoozed': 'Snoozed: due {when}.',
  'activity.edit': 'Edit',
  'activity.editHeading': 'Edit “{subject}”',
  'activity.date': 'Date',
  'activity.time': 'Time',
  'activity.saved': 'Saved.',
  'activity.delete': 'Delete',
  'activity.deleteConfirm': 'Delete “{subject}”? It can be restored for 30 days.',
  'activity.deleted': '“{subject}” deleted.',
  'activity.completedNamed': '“{subject}” completed.',
  'activity.snoozedNamed': '“{subject}” snoozed: due {when}.',
  'activity.close': 'Close',
} as const;

export type ActivityMessages = Record<keyof typeof enActivities, string>;
