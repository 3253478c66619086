// The dashboard's Customers tab: customers, won business and the prices products sell at, by customer segment. The
// other locales must translate each one.
export const enCustomerReports = {
  'dash.tab.customers': 'Customers',
  'dash.report.customers-by-segment': 'Customers and won business by segment',
  'dash.report.product-prices-by-segment': 'Products sold and their prices by segment',
  'dash.filter.segment': 'Segment',
  'dash.segment.industry': 'Industry',
  'dash.segment.country': 'Country',
  'dash.segment.region': 'Region',
  'dash.segment.size': 'Company size',
  'dash.segment.type': 'Company type',
  'dash.segmentNone.industry': 'No industry given',
  'dash.segmentNone.country': 'No country given',
  'dash.segmentNone.region': 'No region given',
  'dash.segmentNone.size': 'Employees not known',
  'dash.segmentNone.type': 'No company',
  'dash.size.1-9': '1–9 employees',
  'dash.size.10-49': '10–49 employees',
  'dash.size.50-249': '50–249 employees',
  'dash.size.250-999': '250–999 employees',
  'dash.size.1000+': '1,000 employees or more',
  // A chart's legends beyond those shown: "+10 more".
  'dash.legendMore': 'more',
  'dash.column.companies': 'Companies',
  'dash.column.minUnitPrice': 'Lowest unit price',
  'dash.column.maxUnitPrice': 'Highest unit price',
  'dash.empty.segments': 'No customers for these filters. Companies of type customer show here by their industry, country, region, size or type, with what was won from them in the period.',
};
