import { SignJWT, UnsecuredJWT, base64url, createLocalJWKSet, exportJWK, exportSPKI, generateKeyPair, type JWK, type KeyLike } from 'jose';
import { createTokenVerifier, type TokenVerifier } from '../../functions/src/auth/token-verifier';

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
  verify = createTokenVerifier({ keys: createLocalJWKSet({ keys: [publicJwk] }), audience: AUDIENCE, issuerFor: () => ISSUER });
});

const validClaims = () => ({ tid: 'tenant-1', oid: 'user-1', roles: ['manager'], iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 });

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
  it('accepts a valid token and reads tenant, user and roles from it', async () => {
    await expect(verify(`Bearer ${await sign(validClaims())}`)).resolves.toEqual({ tenantId: 'tenant-1', userId: 'user-1', roles: ['manager'] });
  });

  it('makes a token without known roles a rep', async () => {
    const principal = await verify(`Bearer ${await sign({ ...validClaims(), roles: ['root'] })}`);
    expect(principal.roles).toEqual(['rep']);
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
