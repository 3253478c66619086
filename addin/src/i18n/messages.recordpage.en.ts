// The messages of the web record pages (/records/{kind}/{id}) and of the dashboard's links to them, part of the later
// messages (messages.later.en.ts). The other locales must translate each one.
export const enRecordPage = {
  'recordPage.documentTitle': '{kind} – Rapport',
  'recordPage.brand': 'Rapport',
  'recordPage.toDashboard': 'Dashboard',
  'recordPage.notFound.title': 'There is no record at this address',
  'recordPage.notFound.body': 'This address does not name a contact, company, deal, lead, case or quote that Rapport can show. Check the link you followed, or find the record from the dashboard or with Search in Rapport’s pane in Outlook.',
  'recordPage.notFound.action': 'Open the dashboard',
  'dash.quality.recordsOf': 'Records: {title}',
  'dash.quality.show': 'Show them',
  'dash.quality.firstOf': 'The first {shown} of {count}, each opens in a new tab:',
  'dash.quality.all': 'Each opens in a new tab:',
  'dash.quality.opens': '{kind}: {name} (opens in a new tab)',
} as const;

export type RecordPageMessages = Record<keyof typeof enRecordPage, string>;
