// The dashboard's reports on cases against their service levels. The other locales must translate each one.
export const enServiceReports = {
  'dash.report.service-levels-by-month': 'Service levels by month',
  'dash.report.service-levels-by-owner': 'Service levels by rep',
  'dash.column.responseMet': 'Answered in time',
  'dash.column.responseRate': 'Answered in time (%)',
  'dash.column.resolutionMet': 'Resolved in time',
  'dash.column.resolutionRate': 'Resolved in time (%)',
  'dash.empty.serviceLevels': 'No case with a service level closed in this period. Cases opened from now on are promised a first response and a resolution, and show here once closed.',
  'dash.report.articles-answering-cases': 'Articles that answered the most cases',
  'dash.column.cases': 'Cases answered',
  'dash.empty.answers': 'No knowledge article answered a case in this period. Articles inserted into replies from the pane show here.',
};
