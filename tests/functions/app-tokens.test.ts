import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { ClientAssertionCredential, ManagedIdentityCredential } from '@azure/identity';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GRAPH_APP_SCOPE, TOKEN_EXCHANGE_SCOPE, azureCredentials, federatedAppTokens, type CredentialFactories } from '../../functions/src/graph/app-tokens';
import { createLocalApp } from '../../functions/src/local/local-mode';
import { createApp } from '../../functions/src/app';
import { loadConfig } from '../../functions/src/config';
import { PRODUCTION_ENV } from './production-env';
import { decodeJwt } from 'jose';
import { LOCAL_GRAPH_APP } from '../../functions/src/local/local-issuer';
import { localAppTokens } from '../../functions/src/local/local-app-tokens';
import { testIssuer } from './test-app';

// Entra cannot be reached from here: these check what can be checked offline, with credentials that stand in for
// @azure/identity's and record what they were asked (the wiring), never pretending to sign in.

const APP_CLIENT_ID = '11111111-1111-4111-8111-111111111111';
const IDENTITY_CLIENT_ID = '22222222-2222-4222-8222-222222222222';
const CUSTOMER = '33333333-3333-4333-8333-333333333333';
const OTHER_CUSTOMER = '44444444-4444-4444-8444-444444444444';

type Recorded = { managedIdentities: (string | undefined)[]; assertions: { tenantId: string; appClientId: string; getAssertion: () => Promise<string> }[]; scopes: string[] };

function recordingCredentials(): { factories: CredentialFactories; recorded: Recorded } {
  const recorded: Recorded = { managedIdentities: [], assertions: [], scopes: [] };
  const credential = (token: (scopes: string) => Promise<string>): TokenCredential => ({
    getToken: async (scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> => {
      const scope = Array.isArray(scopes) ? scopes.join(' ') : scopes;
      recorded.scopes.push(scope);
      return { token: await token(scope), expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  });
  return {
    recorded,
    factories: {
      managedIdentity: (clientId) => {
        recorded.managedIdentities.push(clientId);
        return credential(async (scope) => `mi-token-for(${scope})`);
      },
      clientAssertion: (tenantId, appClientId, getAssertion) => {
        recorded.assertions.push({ tenantId, appClientId, getAssertion });
        return credential(async (scope) => `graph-token(${tenantId}, ${scope}, assertion=${await getAssertion()})`);
      },
    },
  };
}

describe('app-only Graph tokens in Azure (federated credential)', () => {
  it("uses the managed identity's token for the token exchange as the client assertion of Rapport's app", async () => {
    const { factories, recorded } = recordingCredentials();
    const tokens = federatedAppTokens({ appClientId: APP_CLIENT_ID, managedIdentityClientId: IDENTITY_CLIENT_ID, credentials: factories });
    expect(recorded.managedIdentities).toEqual([]);

    const token = await tokens.token(CUSTOMER);
    expect(token).toBe(`graph-token(${CUSTOMER}, ${GRAPH_APP_SCOPE}, assertion=mi-token-for(${TOKEN_EXCHANGE_SCOPE}))`);
    expect(TOKEN_EXCHANGE_SCOPE).toBe('api://AzureADTokenExchange/.default');
    expect(GRAPH_APP_SCOPE).toBe('https://graph.microsoft.com/.default');
    expect(recorded.managedIdentities).toEqual([IDENTITY_CLIENT_ID]);
    expect(recorded.assertions.map(({ tenantId, appClientId }) => ({ tenantId, appClientId }))).toEqual([{ tenantId: CUSTOMER, appClientId: APP_CLIENT_ID }]);
  });

  it('keeps one credential per tenant and one managed identity for the process', async () => {
    const { factories, recorded } = recordingCredentials();
    const tokens = federatedAppTokens({ appClientId: APP_CLIENT_ID, managedIdentityClientId: undefined, credentials: factories });
    await tokens.token(CUSTOMER);
    await tokens.token(OTHER_CUSTOMER);
    await tokens.token(CUSTOMER);
    expect(recorded.assertions.map((assertion) => assertion.tenantId)).toEqual([CUSTOMER, OTHER_CUSTOMER]);
    // Without AZURE_CLIENT_ID, the system-assigned identity.
    expect(recorded.managedIdentities).toEqual([undefined]);
  });

  it('refuses a tenant that is not a tenant id, before any credential is made', async () => {
    const { factories, recorded } = recordingCredentials();
    const tokens = federatedAppTokens({ appClientId: APP_CLIENT_ID, managedIdentityClientId: undefined, credentials: factories });
    await expect(tokens.token('contoso.onmicrosoft.com/../common')).rejects.toThrow(/Not an Entra tenant id/);
    expect(recorded.assertions).toEqual([]);
  });

  it("makes @azure/identity's own credentials by default: a user-assigned identity when its client id is set", () => {
    const userAssigned = azureCredentials.managedIdentity(IDENTITY_CLIENT_ID);
    expect(userAssigned).toBeInstanceOf(ManagedIdentityCredential);
    expect(azureCredentials.managedIdentity(undefined)).toBeInstanceOf(ManagedIdentityCredential);
    expect(azureCredentials.clientAssertion(CUSTOMER, APP_CLIENT_ID, async () => 'assertion')).toBeInstanceOf(ClientAssertionCredential);
  });

  it('gives the Azure app a Graph client from its settings, and none without an app registration', async () => {
    // The registration the pane signs in with, and the identity that signs Cosmos DB requests: no setting of its own.
    const production = loadConfig({ ...PRODUCTION_ENV, AZURE_CLIENT_ID: IDENTITY_CLIENT_ID }, 'production');
    expect(production.graphApp).toEqual({ clientId: PRODUCTION_ENV.ADDIN_CLIENT_ID, managedIdentityClientId: IDENTITY_CLIENT_ID });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-graph-'));
    const withoutRegistration = await createApp(loadConfig({ RAPPORT_DATA_DIR: dir, AUTH_MODE: 'entra', AUTH_AUDIENCE: 'api://rapport' }), { keys: async () => { throw new Error('unused'); } });
    expect(withoutRegistration.graph).toBeNull();
    await withoutRegistration.close();
    const withRegistration = await createApp(loadConfig({ RAPPORT_DATA_DIR: dir, AUTH_MODE: 'entra', AUTH_AUDIENCE: 'api://rapport', ADDIN_CLIENT_ID: APP_CLIENT_ID }), { keys: async () => { throw new Error('unused'); } });
    expect(withRegistration.graph).not.toBeNull();
    await withRegistration.close();
  });
});

describe('app-only Graph tokens in local mode', () => {
  it("carries roles and the app's ids, and no scp or user name, as Entra's app-only tokens do", async () => {
    const issuer = await testIssuer();
    const claims = decodeJwt(await localAppTokens(issuer).token(CUSTOMER));
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', tid: CUSTOMER, roles: ['Mail.Read', 'Mail.Send'], idtyp: 'app', appid: LOCAL_GRAPH_APP.appId, azp: LOCAL_GRAPH_APP.appId, oid: LOCAL_GRAPH_APP.servicePrincipalId, sub: LOCAL_GRAPH_APP.servicePrincipalId });
    expect(claims).not.toHaveProperty('scp');
    expect(claims).not.toHaveProperty('preferred_username');
  });

  it('leaves the app without Graph when no stand-in is given', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-graph-'));
    const app = await createLocalApp(loadConfig({ RAPPORT_DATA_DIR: dir, SEED_DEMO: 'false' }), { issuer: await testIssuer() });
    expect(app.graph).toBeNull();
    await app.close();
  });
});
