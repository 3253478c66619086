// The messages of the search view's results (contacts, companies, deals, leads, cases), part of the later messages
// (messages.later.en.ts). The other locales must translate each one.
export const enSearch = {
  'search.hint': 'Find contacts, companies, deals, leads and cases by name, e-mail, phone, customer number or case number (#1042).',
  'search.noneHint': 'Check the spelling, or try part of a name, a phone number or a case number.',
  'search.deals': 'Deals',
  'search.leads': 'Leads',
  'search.cases': 'Cases',
  'search.caseNumber': '#{number}',
} as const;

export type SearchMessages = Record<keyof typeof enSearch, string>;
