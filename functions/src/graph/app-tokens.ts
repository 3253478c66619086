import { ClientAssertionCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

// Rapport's own Graph identity in Azure: no secret anywhere. The Function App's managed identity gets a token for Entra's
// token exchange audience, and that token is the client assertion of Rapport's (multi-tenant) app registration, which
// trusts the identity through a federated identity credential (README: Deploy to Azure). Each customer tenant that
// consented issues its own app-only Graph tokens.

/** App-only access tokens for Microsoft Graph, one customer tenant at a time. */
export type AppTokenSource = { token(tenantId: string): Promise<string> };

/** The audience a managed identity's token must have to be a federated credential's assertion. */
export const TOKEN_EXCHANGE_SCOPE = 'api://AzureADTokenExchange/.default';
/** App-only tokens carry every application permission the tenant granted: `.default` asks for them all. */
export const GRAPH_APP_SCOPE = 'https://graph.microsoft.com/.default';

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How the credentials are made: @azure/identity's, or (tests) ones that record what they were given. */
export type CredentialFactories = {
  /** The managed identity: the user-assigned one whose client id is given, else the system-assigned one. */
  managedIdentity(clientId: string | undefined): TokenCredential;
  clientAssertion(tenantId: string, appClientId: string, getAssertion: () => Promise<string>): TokenCredential;
};

/** @azure/identity's credentials: made without any call, so tests can check what they are. */
export const azureCredentials: CredentialFactories = {
  managedIdentity: (clientId) => (clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential()),
  clientAssertion: (tenantId, appClientId, getAssertion) => new ClientAssertionCredential(tenantId, appClientId, getAssertion),
};

export type FederatedAppTokenOptions = {
  /** Rapport's app registration (ADDIN_CLIENT_ID): the one registration is the pane, the API and the application. */
  appClientId: string;
  /** AZURE_CLIENT_ID: the user-assigned identity that also signs Cosmos DB requests. */
  managedIdentityClientId: string | undefined;
  credentials?: CredentialFactories;
};

/**
 * App-only Graph tokens through a federated credential. Credentials are built on first use (nothing reaches Entra at
 * start-up), one managed identity credential per process and one assertion credential per tenant; each caches its
 * tokens until shortly before they expire.
 */
export function federatedAppTokens(options: FederatedAppTokenOptions): AppTokenSource {
  const factories = options.credentials ?? azureCredentials;
  let managedIdentity: TokenCredential | undefined;
  const byTenant = new Map<string, TokenCredential>();

  const assertion = async (): Promise<string> => {
    managedIdentity ??= factories.managedIdentity(options.managedIdentityClientId);
    const token = await managedIdentity.getToken(TOKEN_EXCHANGE_SCOPE);
    if (!token) throw new Error('The managed identity returned no token for the token exchange.');
    return token.token;
  };

  return {
    async token(tenantId) {
      // The tenant goes into the authority URL: only a tenant id (never a name or a path) may.
      if (!TENANT_ID.test(tenantId)) throw new Error(`Not an Entra tenant id: ${JSON.stringify(tenantId)}`);
      let credential = byTenant.get(tenantId);
      if (!credential) {
        credential = factories.clientAssertion(tenantId, options.appClientId, assertion);
        byTenant.set(tenantId, credential);
      }
      const token = await credential.getToken(GRAPH_APP_SCOPE);
      if (!token) throw new Error(`Entra returned no Graph token for tenant ${tenantId}.`);
      return token.token;
    },
  };
}
