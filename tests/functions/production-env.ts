/** A production profile's settings, complete and well-formed (nothing here is reached: building the app is offline). */
export const PRODUCTION_ENV = {
  AUTH_MODE: 'entra',
  AUTH_AUDIENCE: 'api://crm.example.com/2b1a6c1e-7d1f-4c55-9a53-0d4f8c2e6b10',
  AUTH_ALLOWED_TENANTS: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  ADDIN_CLIENT_ID: '2b1a6c1e-7d1f-4c55-9a53-0d4f8c2e6b10',
  STORE: 'cosmos',
  COSMOS_ENDPOINT: 'https://rapport-test.documents.azure.com:443/',
  STORAGE_BLOB_ENDPOINT: 'https://rapportteststore.blob.core.windows.net/',
} as const;
