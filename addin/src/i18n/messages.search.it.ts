import type { SearchMessages } from './messages.search.en';

export const itSearch: SearchMessages = {
  'search.hint': 'Trova contatti, aziende, trattative, lead e casi per nome, e-mail, telefono, n. cliente o n. caso (#1042).',
  'search.noneHint': 'Controlla come è scritto, o prova con parte di un nome, un telefono o un n. caso.',
  'search.deals': 'Trattative',
  'search.leads': 'Lead',
  'search.cases': 'Casi',
  'search.caseNumber': 'n. {number}',
};
