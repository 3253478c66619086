import { SignJWT, UnsecuredJWT, base64url, createLocalJWKSet, exportJWK, exportSPKI, generateKeyPair, type JWK, type KeyLike } from 'jose';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier, type TokenVerifier } from '../../functions/src/auth/token-verifier';
import { openIdKeys } from '../../functions/src/auth/openid-keys';

const ISSUER = 'test-issuer';
const AUDIENCE = 'api://rapport-test';
const KID = 'test-key';

let signingKey: KeyLike;
let publicJwk: JWK;
let verify: TokenVerifier;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  signingKey = privateKey as KeyLike;
  publicJwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256' };
  verify = createTokenVerifier({ keys: createLocalJWKSet({ keys: [publicJwk] }), audience: AUDIENCE, requiredScope: 'access_as_user', issuerFor: () => ISSUER });
});

const validClaims = () => ({ tid: 'tenant-1', oid: 'user-1', roles: ['manager'], scp: 'access_as_user', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 });

/** Signs claims with the trusted key, or with whatever key and algorithm a test forges with. */
function sign(claims: Record<string, unknown>, options: { key?: KeyLike | Uint8Array; alg?: string } = {}): Promise<string> {
  const defined = Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
  return new SignJWT(defined).setProtectedHeader({ alg: options.alg ?? 'RS256', kid: KID }).sign(options.key ?? signingKey);
}

async function refusal(authorization: string | null): Promise<string> {
  try {
    await verify(authorization);
    return 'ACCEPTED';
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('token validation', () => {
  it('verifies a token once, then takes it as verified until it expires; another signature is verified anew', async () => {
    let now = Date.now();
    let keyReads = 0;
    const localKeys = createLocalJWKSet({ keys: [publicJwk] });
    const counting = createTokenVerifier({
      keys: (header, token) => ((keyReads += 1), localKeys(header, token)),
      audience: AUDIENCE,
      requiredScope: 'access_as_user',
      issuerFor: () => ISSUER,
      now: () => now,
    });
    const token = await sign({ ...validClaims(), exp: Math.floor(now / 1000) + 120 });
    const first = await counting(`Bearer ${token}`);
    expect(await counting(`Bearer ${token}`)).toBe(first);
    expect(keyReads).toBe(1);
    expect(Object.isFrozen(first) && Object.isFrozen(first.roles)).toBe(true);
    // Its signature altered: not the same token, so verified, and refused.
    const [head, body, signature] = token.split('.') as [string, string, string];
    const forged = `${head}.${body}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    await expect(counting(`Bearer ${forged}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    // Past its expiry and the clock tolerance, it is verified again, and refused.
    now += 120_000 + 301_000;
    await expect(counting(`Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  it('accepts a valid token and reads tenant, user and roles from it', async () => {
    await expect(verify(`Bearer ${await sign(validClaims())}`)).resolves.toEqual({ tenantId: 'tenant-1', userId: 'user-1', roles: ['manager'] });
  });

  it('keeps only known roles, leaving none when the token carries none (member records decide then)', async () => {
    expect((await verify(`Bearer ${await sign({ ...validClaims(), roles: ['root', 'admin'] })}`)).roles).toEqual(['admin']);
    expect((await verify(`Bearer ${await sign({ ...validClaims(), roles: ['root'] })}`)).roles).toEqual([]);
    expect((await verify(`Bearer ${await sign({ ...validClaims(), roles: undefined })}`)).roles).toEqual([]);
  });

  it('reads the e-mail address from preferred_username', async () => {
    const token = await verify(`Bearer ${await sign({ ...validClaims(), preferred_username: 'ana@contoso.com', name: 'Ana' })}`);
    expect(token).toMatchObject({ email: 'ana@contoso.com', name: 'Ana' });
  });

  it('refuses a token without the access_as_user scope, such as an app-only token, with 403 AUTH.SCOPE_MISSING', async () => {
    expect(await refusal(`Bearer ${await sign({ ...validClaims(), scp: undefined })}`)).toBe('AUTH.SCOPE_MISSING');
    expect(await refusal(`Bearer ${await sign({ ...validClaims(), scp: 'User.Read' })}`)).toBe('AUTH.SCOPE_MISSING');
    expect(await refusal(`Bearer ${await sign({ ...validClaims(), scp: 'access_as_user_x' })}`)).toBe('AUTH.SCOPE_MISSING');
  });

  it('accepts any of several audiences (app id URI and client id)', async () => {
    const both = createTokenVerifier({
      keys: createLocalJWKSet({ keys: [publicJwk] }),
      audience: [AUDIENCE, '11111111-2222-3333-4444-555555555555'],
      requiredScope: 'access_as_user',
      issuerFor: () => ISSUER,
    });
    await expect(both(`Bearer ${await sign({ ...validClaims(), aud: '11111111-2222-3333-4444-555555555555' })}`)).resolves.toMatchObject({ userId: 'user-1' });
  });

  it('accepts a token within 5 minutes of its expiry and refuses one beyond', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(verify(`Bearer ${await sign({ ...validClaims(), exp: now - 240 })}`)).resolves.toMatchObject({ userId: 'user-1' });
    expect(await refusal(`Bearer ${await sign({ ...validClaims(), exp: now - 360 })}`)).toBe('AUTH.TOKEN_INVALID');
    expect(await refusal(`Bearer ${await sign({ ...validClaims(), nbf: now + 360 })}`)).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses a missing or malformed Authorization header', async () => {
    expect(await refusal(null)).toBe('AUTH.TOKEN_MISSING');
    expect(await refusal('Basic dXNlcjpwYXNz')).toBe('AUTH.TOKEN_INVALID');
    expect(await refusal('Bearer garbage')).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses alg none', async () => {
    const unsigned = new UnsecuredJWT(validClaims()).encode();
    expect(await refusal(`Bearer ${unsigned}`)).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses HS256 signed with the public key as a secret', async () => {
    const { importJWK } = await import('jose');
    const pem = await exportSPKI((await importJWK(publicJwk, 'RS256')) as KeyLike);
    const forged = await sign(validClaims(), { alg: 'HS256', key: new TextEncoder().encode(pem) });
    expect(await refusal(`Bearer ${forged}`)).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses a token signed by another key under the trusted key id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expect(await refusal(`Bearer ${await sign(validClaims(), { key: privateKey as KeyLike })}`)).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses a tampered payload', async () => {
    const [header, , signature] = (await sign(validClaims())).split('.');
    const payload = base64url.encode(JSON.stringify({ ...validClaims(), tid: 'tenant-2' }));
    expect(await refusal(`Bearer ${header}.${payload}.${signature}`)).toBe('AUTH.TOKEN_INVALID');
  });

  it.each([
    ['a wrong audience', { aud: 'api://other' }],
    ['a wrong issuer', { iss: 'someone-else' }],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 3600 }],
    ['a token not valid yet', { nbf: Math.floor(Date.now() / 1000) + 3600 }],
    ['no expiry', { exp: undefined }],
    ['no tenant', { tid: undefined }],
    ['a malformed user id', { oid: 'has spaces' }],
  ])('refuses %s', async (_, overrides) => {
    expect(await refusal(`Bearer ${await sign({ ...validClaims(), ...overrides })}`)).toBe('AUTH.TOKEN_INVALID');
  });
});

describe('keys from OpenID metadata', () => {
  // Production waits 5 minutes between refetches for unknown key ids; the test, a second.
  const COOLDOWN_MS = 1_000;
  // A stand-in for login.microsoftonline.com: the metadata document and a key set that can roll over.
  let server: http.Server;
  let baseUrl: string;
  let published: JWK[];
  const fetches = { metadata: 0, keys: 0 };

  beforeAll(async () => {
    published = [publicJwk];
    server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/common/v2.0/.well-known/openid-configuration') {
        fetches.metadata++;
        res.end(JSON.stringify({ issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0', jwks_uri: `${baseUrl}/common/discovery/v2.0/keys` }));
      } else if (req.url === '/common/discovery/v2.0/keys') {
        fetches.keys++;
        res.end(JSON.stringify({ keys: published }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads the key set named by the metadata, follows a key rollover, and refetches at most once per cooldown for unknown key ids', async () => {
    const entraVerify = createTokenVerifier({
      keys: openIdKeys({ metadataUrl: `${baseUrl}/common/v2.0/.well-known/openid-configuration`, refetchCooldownMs: COOLDOWN_MS }),
      audience: AUDIENCE,
      requiredScope: 'access_as_user',
      issuerFor: () => ISSUER,
    });
    await expect(entraVerify(`Bearer ${await sign(validClaims())}`)).resolves.toMatchObject({ tenantId: 'tenant-1' });
    expect(fetches).toEqual({ metadata: 1, keys: 1 });

    // Microsoft publishes a new key and, later than one cooldown, starts signing with it.
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 100));
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    published = [publicJwk, { ...(await exportJWK(publicKey)), kid: 'rolled-key', alg: 'RS256' }];
    const rolled = await new SignJWT(validClaims()).setProtectedHeader({ alg: 'RS256', kid: 'rolled-key' }).sign(privateKey);
    await expect(entraVerify(`Bearer ${rolled}`)).resolves.toMatchObject({ tenantId: 'tenant-1' });
    expect(fetches.keys).toBe(2);

    // Forged key ids, right after, cannot make the API hammer the key endpoint.
    const forged = await Promise.all(
      Array.from({ length: 20 }, (_, i) => new SignJWT(validClaims()).setProtectedHeader({ alg: 'RS256', kid: `forged-${i}` }).sign(privateKey)),
    );
    const refusals = await Promise.all(forged.map((token) => entraVerify(`Bearer ${token}`).then(() => 'ACCEPTED', (error: { code: string }) => error.code)));
    expect(new Set(refusals)).toEqual(new Set(['AUTH.TOKEN_INVALID']));
    expect(fetches).toEqual({ metadata: 1, keys: 2 });
  });

  it('answers 503 AUTH.KEYS_UNAVAILABLE, not 401, when the identity provider cannot be reached, and tries again on the next token', async () => {
    const unreachable = createTokenVerifier({
      keys: openIdKeys({ metadataUrl: `${baseUrl}/missing/.well-known/openid-configuration` }),
      audience: AUDIENCE,
      requiredScope: 'access_as_user',
      issuerFor: () => ISSUER,
    });
    const token = `Bearer ${await sign(validClaims())}`;
    await expect(unreachable(token)).rejects.toMatchObject({ code: 'AUTH.KEYS_UNAVAILABLE', category: 'unavailable' });
    await expect(unreachable(token)).rejects.toMatchObject({ code: 'AUTH.KEYS_UNAVAILABLE' });
  });
});
