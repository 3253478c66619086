import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { createApp, type App } from '../../functions/src/app';
import { loadConfig } from '../../functions/src/config';

// The API in Entra ID mode, with Microsoft's key set stood in by a local one: the same verifier, config and roles.
const CLIENT_ID = '0e8a3f0c-1111-4222-8333-944455556666';
const TENANT_1 = '11111111-1111-4111-8111-111111111111';
const TENANT_2 = '22222222-2222-4222-8222-222222222222';
const PERSONAL = '9188040d-6c67-4c5b-b112-36a304b66dad';

let privateKey: KeyLike;
let keys: ReturnType<typeof createLocalJWKSet>;
const apps: { app: App; dir: string }[] = [];

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey as KeyLike;
  keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'entra-key', alg: 'RS256' }] });
});
afterAll(async () => {
  for (const { app, dir } of apps) {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function entraApp(env: Record<string, string> = {}): Promise<App> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-entra-'));
  const app = await createApp(loadConfig({ RAPPORT_DATA_DIR: dir, AUTH_MODE: 'entra', AUTH_AUDIENCE: `api://rapport,${CLIENT_ID}`, ...env }), { keys });
  apps.push({ app, dir });
  return app;
}

const entraToken = (tenantId: string, userId: string, claims: Record<string, unknown> = {}) =>
  new SignJWT({ tid: tenantId, oid: userId, scp: 'access_as_user', name: `User ${userId}`, preferred_username: `${userId}@contoso.com`, ver: '2.0', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'entra-key', typ: 'JWT' })
    .setIssuer(`https://login.microsoftonline.com/${tenantId}/v2.0`)
    .setAudience(CLIENT_ID)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);

async function getMe(app: App, token: string): Promise<{ status: number; body: any }> {
  const binding = app.routes.find((candidate) => candidate.route.name === 'get-me')!;
  const response = await binding.handler(
    new HttpRequest({ method: 'GET', url: 'https://api.example.com/api/me', headers: { authorization: `Bearer ${token}` } }),
    new InvocationContext({ functionName: 'get-me', logHandler: () => undefined }),
  );
  return { status: response.status ?? 200, body: response.jsonBody };
}

describe('Entra ID mode', () => {
  it("accepts a work account's token from its own tenant's issuer, with the client id as audience, and enrolls the first user as admin", async () => {
    const app = await entraApp();
    const first = await getMe(app, await entraToken(TENANT_1, 'alice'));
    expect(first).toMatchObject({ status: 200, body: { tenantId: TENANT_1, userId: 'alice', roles: ['admin'], rolesFrom: 'member', name: 'User alice' } });
    expect((await getMe(app, await entraToken(TENANT_1, 'bob'))).body.roles).toEqual(['rep']);
    // App roles assigned in Entra ID decide when the token carries them.
    expect((await getMe(app, await entraToken(TENANT_1, 'bob', { roles: ['manager'] }))).body).toMatchObject({ roles: ['manager'], rolesFrom: 'token' });
    expect((await app.store.get('member', TENANT_1, 'alice'))?.email).toBe('alice@contoso.com');
  });

  it("refuses a token whose issuer is another tenant's", async () => {
    const app = await entraApp();
    const forged = await new SignJWT({ tid: TENANT_1, oid: 'mallory', scp: 'access_as_user' })
      .setProtectedHeader({ alg: 'RS256', kid: 'entra-key' })
      .setIssuer(`https://login.microsoftonline.com/${TENANT_2}/v2.0`)
      .setAudience(CLIENT_ID)
      .setExpirationTime('10m')
      .sign(privateKey);
    expect(await getMe(app, forged)).toMatchObject({ status: 401, body: { error: { code: 'AUTH.TOKEN_INVALID' } } });
  });

  it('refuses personal Microsoft accounts, and tenants outside AUTH_ALLOWED_TENANTS', async () => {
    const app = await entraApp({ AUTH_ALLOWED_TENANTS: TENANT_1 });
    expect((await getMe(app, await entraToken(PERSONAL, 'someone'))).status).toBe(401);
    expect((await getMe(app, await entraToken(TENANT_2, 'outsider'))).status).toBe(401);
    expect((await getMe(app, await entraToken(TENANT_1, 'insider'))).status).toBe(200);
  });

  it('stops start-up with a message naming a malformed setting', () => {
    expect(() => loadConfig({ AUTH_MODE: 'entra', AUTH_AUDIENCE: 'rapport' })).toThrow(/AUTH_AUDIENCE must be the API's application id URI/);
    expect(() => loadConfig({ AUTH_MODE: 'entra', AUTH_AUDIENCE: 'api://rapport', AUTH_ALLOWED_TENANTS: 'a b' })).toThrow(/AUTH_ALLOWED_TENANTS/);
    expect(() => loadConfig({ AUTH_MODE: 'entra', AUTH_AUDIENCE: 'api://rapport', AUTH_OPENID_METADATA_URL: 'not a url' })).toThrow(/AUTH_OPENID_METADATA_URL/);
    expect(() => loadConfig({ WRITE_LIMIT_PER_MINUTE: '0' })).toThrow(/WRITE_LIMIT_PER_MINUTE/);
  });
});
