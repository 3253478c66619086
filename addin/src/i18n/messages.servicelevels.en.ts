// Case service levels in the pane: when a case is due to be answered and resolved (its rows, its record view), My day's
// line of cases breaching, and Settings → Service levels. Part of the later messages (messages.later.en.ts); the other
// locales must translate each one. `.one`/`.other` follow the language's plural rules (service-level-text.ts).
export const enServiceLevels = {
  'serviceLevel.named': '{name} · {text}',
  'serviceLevel.answerDueIn': 'Answer due in {time}',
  'serviceLevel.answerBy': 'Answer by {when}',
  'serviceLevel.answerOverdue': 'Answer overdue by {time}',
  'serviceLevel.resolveDueIn': 'Resolution due in {time}',
  'serviceLevel.resolveBy': 'Resolve by {when}',
  'serviceLevel.resolveOverdue': 'Resolution overdue by {time}',
  'serviceLevel.resolvedInTime': 'Resolved in time',
  'serviceLevel.resolvedLate': 'Resolved late',
  'serviceLevel.minutes': '{count} min',
  'serviceLevel.hours': '{count} h',
  'serviceLevel.days.one': '{count} day',
  'serviceLevel.days.other': '{count} days',
  'serviceLevel.soon.one': '{count} case breaches in the next {hours} hours',
  'serviceLevel.soon.other': '{count} cases breach in the next {hours} hours',
  'serviceLevel.alsoBreached.one': '{count} breached',
  'serviceLevel.alsoBreached.other': '{count} breached',
  'serviceLevel.breached.one': '{count} case breached its service level',
  'serviceLevel.breached.other': '{count} cases breached their service level',
  'serviceLevel.listLabel': 'Cases near or past their service level',
  'serviceLevel.showAll': 'Show all {count}',
  'settings.serviceLevels': 'Service levels',
  'serviceLevelSettings.help': 'What a case is promised when its customer has no service contract in force (a contract’s service level comes first): a first answer and a resolution within these hours of its opening, round the clock. Cases already open keep their times.',
  'serviceLevelSettings.responseHours': 'First answer within (hours)',
  'serviceLevelSettings.resolutionHours': 'Resolution within (hours)',
  'serviceLevelSettings.hint': 'In quarter hours, such as 1.5 ({default} unless you choose).',
  'serviceLevelSettings.invalid': 'Enter hours from {min} to {max}, in quarter hours (such as 1.5).',
  'serviceLevelSettings.resolutionBeforeResponse': 'A resolution cannot be due before the first answer ({hours} h).',
  'serviceLevelSettings.save': 'Save',
  'serviceLevelSettings.saved': 'Saved. Cases opened from now on are promised an answer within {response} h and a resolution within {resolution} h.',
  'serviceLevelSettings.reload': 'Load the saved setting (your change here is dropped)',
};

export type ServiceLevelMessages = Record<keyof typeof enServiceLevels, string>;
