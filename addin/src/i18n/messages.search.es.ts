import type { SearchMessages } from './messages.search.en';

export const esSearch: SearchMessages = {
  'search.hint': 'Busca contactos, empresas, oportunidades, leads y casos por nombre, correo, teléfono, n.º de cliente o n.º de caso (#1042).',
  'search.noneHint': 'Revisa cómo está escrito, o prueba con parte de un nombre, un teléfono o un n.º de caso.',
  'search.deals': 'Oportunidades',
  'search.leads': 'Leads',
  'search.cases': 'Casos',
  'search.caseNumber': 'n.º {number}',
};
