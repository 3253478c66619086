// The API's own identity: it reads and writes Cosmos DB, reaches its storage and publishes telemetry, with no keys; and it
// is the federated credential of Rapport's app registration, which calls Microsoft Graph as the application.
// User-assigned, as in Azure's Functions samples, so its roles exist before the app first starts.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
