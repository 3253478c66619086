// My preferences: the member's time zone, language and the plan of their day by e-mail, in My day.
// The other locales must translate each one.
export const enPreferences = {
  'preferences.heading': 'My preferences',
  'preferences.help': 'Rapport took your time zone and language from Outlook when you signed in. Change them here.',
  'preferences.digest': 'E-mail me the plan of my day each morning',
  'preferences.quoteAnswer': 'E-mail me when a customer answers my quote',
  'preferences.quoteAnswerHelp': 'My day shows it in any case; the e-mail reaches you away from Outlook too.',
  'preferences.digestHelp': 'Your meetings with each customer’s deals, tasks due and overdue, deals closing this month and your goals’ pace. Managers also get what is overdue in their team.',
  'preferences.hour': 'Send it from',
  'preferences.timeZone': 'Time zone',
  'preferences.timeZoneUnset': 'Not set (UTC)',
  'preferences.language': 'Language of the e-mail',
  'preferences.languageUnset': 'Not set (English)',
  'preferences.save': 'Save preferences',
  'preferences.saved': 'Preferences saved.',
  'preferences.reload': 'Load the saved preferences',
  'preferences.sentAt': 'It arrives once a day, between {from} and {to} your time.',
  'preferences.memberDigest': '{name} gets the plan of their day by e-mail each morning',
};
