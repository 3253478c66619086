import { CrmError, IdSchema, roles as knownRoles, type Role } from '@rapport/shared';
import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Principal } from './principal';

export type TokenVerifierOptions = {
  /** Where signing keys come from: a remote JWKS (with rollover) or the local issuer's. */
  keys: JWTVerifyGetKey;
  audience: string;
  /** The accepted issuer for a token, given its tenant (Entra issues per tenant). */
  issuerFor: (tenantId: string) => string;
};

// Only asymmetric RS256: an HS256 token signed with a public key, or alg none, never passes.
const ALLOWED_ALGORITHMS = ['RS256'];
const CLOCK_TOLERANCE_SECONDS = 300;

export type TokenVerifier = (authorization: string | null) => Promise<Principal>;

/**
 * Validates a bearer token: signature against the issuer's keys, algorithm, audience,
 * issuer, expiry and not-before, then reads tenant (`tid`), user (`oid`) and roles.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  return async (authorization) => {
    const token = bearerToken(authorization);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, options.keys, {
        algorithms: ALLOWED_ALGORITHMS,
        audience: options.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
      }));
    } catch (error) {
      throw invalidToken(describeJoseError(error));
    }
    const tenantId = IdSchema.safeParse(payload.tid);
    const userId = IdSchema.safeParse(payload.oid);
    if (!tenantId.success || !userId.success) throw invalidToken('the token has no valid tid or oid claim');
    if (payload.iss !== options.issuerFor(tenantId.data)) throw invalidToken('the token comes from an issuer this API does not trust');
    const claimedRoles = Array.isArray(payload.roles) ? payload.roles : [];
    const roles = claimedRoles.filter((role): role is Role => (knownRoles as readonly unknown[]).includes(role));
    const principal: Principal = { tenantId: tenantId.data, userId: userId.data, roles: roles.length > 0 ? roles : ['rep'] };
    if (typeof payload.name === 'string') principal.name = payload.name;
    return principal;
  };
}

function bearerToken(authorization: string | null): string {
  if (!authorization) {
    throw new CrmError('unauthenticated', 'AUTH.TOKEN_MISSING', 'Sign in: send an access token as "Authorization: Bearer <token>".');
  }
  const match = /^Bearer\s+([A-Za-z0-9_.-]+)\s*$/i.exec(authorization);
  if (!match?.[1]) throw invalidToken('the Authorization header is not "Bearer <token>"');
  return match[1];
}

function invalidToken(reason: string): CrmError {
  return new CrmError('unauthenticated', 'AUTH.TOKEN_INVALID', `The access token was refused: ${reason}. Sign in again.`);
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim "${error.claim}" is not valid (${error.reason})`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'its signing algorithm is not allowed';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'it is signed with an unknown key';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  return 'it is not a valid signed token';
}
