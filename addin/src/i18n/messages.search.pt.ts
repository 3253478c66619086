import type { SearchMessages } from './messages.search.en';

export const ptSearch: SearchMessages = {
  'search.hint': 'Encontre contatos, empresas, negócios, leads e casos por nome, e-mail, telefone, nº do cliente ou nº do caso (#1042).',
  'search.noneHint': 'Confira a grafia, ou tente parte de um nome, um telefone ou um nº de caso.',
  'search.deals': 'Negócios',
  'search.leads': 'Leads',
  'search.cases': 'Casos',
  'search.caseNumber': 'nº {number}',
};
