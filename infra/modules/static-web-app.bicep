// The add-in's pages (task pane, sign-in dialog, dashboard) over https on Azure Static Web Apps, Free plan.
// Chosen over a storage account's static website because it sends response headers: the pages need their
// Content-Security-Policy (frame-ancestors limits who may frame the pane, which a <meta> tag cannot say), written by
// scripts/static-site.ts into staticwebapp.config.json. azd deploys addin/site/ to it (service "web").
param name string
param location string
param tags object

resource site 'Microsoft.Web/staticSites@2023-12-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'web' })
  sku: {
    name: 'Free'
    tier: 'Free'
  }
  properties: {
    provider: 'Custom'
  }
}

output hostname string = site.properties.defaultHostname
output url string = 'https://${site.properties.defaultHostname}'
