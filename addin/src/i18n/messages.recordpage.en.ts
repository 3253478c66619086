// The messages of the web record pages (/records/{kind}/{id}) and of the dashboard's links to them, part of the later
// messages (messages.later.en.ts). The other locales must translate each one.
export const enRecordPage = {
  'recordPage.documentTitle': '{kind} – Rapport',
  'recordPage.brand': 'Rapport',
  'recordPage.toDashboard': 'Dashboard',
  'recordPage.notFound.title': 'There is no record at this address',
  'recordPage.notFound.body': 'Rapport opens contacts, companies, deals, leads and cases at addresses like /records/deal/… . Check the link you followed, or find the record from the dashboard or the pane’s Search.',
  'recordPage.notFound.action': 'Open the dashboard',
  'dash.quality.recordsOf': 'Records: {title}',
  'dash.quality.show': 'Show them',
  'dash.quality.firstOf': 'The first {shown} of {count}, each opens in a new tab:',
  'dash.quality.all': 'Each opens in a new tab:',
  'dash.quality.opens': '{kind}: {name} (opens in a new tab)',
} as const;

export type RecordPageMessages = Record<keyof typeof enRecordPage, string>;
