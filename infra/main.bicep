// Rapport in Azure: the API on Azure Functions (Flex Consumption, Node), Cosmos DB for NoSQL that only the API's
// managed identity may read and write, a storage account (the Functions deployment package and Rapport's documents), the add-in
// pages on Azure Static Web Apps, and Application Insights. `azd up` provisions it with main.parameters.json.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment: names the resource group and seeds the resources\' unique names.')
param environmentName string

@minLength(1)
@description('Region of the resources (one where Flex Consumption runs, e.g. westeurope, northeurope, eastus, eastus2, westus2, swedencentral, uksouth).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Region of the Static Web App; Static Web Apps runs in a few regions only.')
@allowed([
  'centralus'
  'eastus2'
  'eastasia'
  'westeurope'
  'westus2'
])
param webLocation string = 'westeurope'

@description('The add-in\'s app registration (client id) in Microsoft Entra ID. Empty until you register it: the API then refuses to start and names ADDIN_CLIENT_ID.')
param addinClientId string = ''

@description('Entra tenant ids allowed to call the API, comma-separated, or * for every tenant that consented. Empty: the tenant of this subscription only.')
param allowedTenants string = ''

@description('Node.js version of the Function App. 20 is what Rapport is tested on; @azure/cosmos and @azure/identity declare Node 22 or later.')
@allowed([
  '20'
  '22'
])
param nodeVersion string = '20'

@description('Most instances the Function App scales out to. Each holds its own rate limits (README: Rate limits are per process).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
// The pane asks Entra ID for a token to this API: the Application ID URI Office expects (api://<pages host>/<client id>),
// or the client id itself, whichever the token carries as its audience.
var apiAudience = empty(addinClientId) ? '' : 'api://${web.outputs.hostname}/${addinClientId},${addinClientId}'
var apiScope = empty(addinClientId) ? '' : 'api://${web.outputs.hostname}/${addinClientId}/access_as_user'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package'
    documentsContainerName: 'documents'
    dataOwnerPrincipalId: identity.outputs.principalId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    name: 'cosmos-${resourceToken}'
    location: location
    tags: tags
    readerWriterPrincipalId: identity.outputs.principalId
  }
}

module web 'modules/static-web-app.bicep' = {
  name: 'web'
  scope: rg
  params: {
    name: 'stapp-${resourceToken}'
    location: webLocation
    tags: tags
  }
}

// The settings functions/src/config.ts reads in production (its PRODUCTION_SETTINGS), and the client id of the identity
// that signs Cosmos DB requests. tests/infra/infra.test.ts checks that these names are config.ts's.
var rapportSettings = {
  AUTH_MODE: 'entra'
  AUTH_AUDIENCE: apiAudience
  AUTH_ALLOWED_TENANTS: empty(allowedTenants) ? tenant().tenantId : allowedTenants
  ADDIN_CLIENT_ID: addinClientId
  STORE: 'cosmos'
  COSMOS_ENDPOINT: cosmos.outputs.endpoint
  STORAGE_BLOB_ENDPOINT: storage.outputs.blobEndpoint
  STORAGE_CONTAINER: storage.outputs.documentsContainerName
  AZURE_CLIENT_ID: identity.outputs.clientId
}

module api 'modules/function-app.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: 'func-api-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    nodeVersion: nodeVersion
    maximumInstanceCount: maximumInstanceCount
    allowedOrigins: [
      web.outputs.url
    ]
    appSettings: rapportSettings
  }
}

// Written to the azd environment (.azure/<env>/.env): npm run package -w addin and the postdeploy hook read them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output API_BASE_URL string = api.outputs.url
output WEB_BASE_URL string = web.outputs.url
output WEB_HOST string = web.outputs.hostname
output ADDIN_API_SCOPE string = apiScope
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
// Rapport's app registration trusts this identity with a federated identity credential (README: Deploy to Azure, step 5):
// the API calls Microsoft Graph as the application with no secret. The registration is made in the Entra admin center,
// outside this template, so the credential is added there too, from these two values and the audience
// api://AzureADTokenExchange.
output API_IDENTITY_ISSUER string = '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
output API_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
