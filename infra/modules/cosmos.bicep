// Cosmos DB for NoSQL, serverless. Key (local) auth is off: the API's managed identity, with the built-in data
// contributor role, is its only reader and writer. The database, containers, partition keys and indexes come from
// ../cosmos-layout.json, the file the adapter itself reads (functions/src/store/cosmos/cosmos-layout.ts).
param name string
param location string
param tags object
@description('The one identity that reads and writes the data (Cosmos DB Built-in Data Contributor).')
param readerWriterPrincipalId string

var layout = loadJsonContent('../cosmos-layout.json')
// Cosmos DB Built-in Data Contributor, a data-plane role of the account.
var builtInDataContributor = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    disableLocalAuth: true
    // Containers and indexes are this template's to change, never a client's.
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: layout.database
  properties: {
    resource: {
      id: layout.database
    }
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [
  for container in layout.containers: {
    parent: database
    name: container.id
    properties: {
      resource: {
        id: container.id
        partitionKey: container.partitionKey
        indexingPolicy: container.indexingPolicy
      }
    }
  }
]

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: account
  name: guid(account.id, readerWriterPrincipalId, builtInDataContributor)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${builtInDataContributor}'
    principalId: readerWriterPrincipalId
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
