import { CrmError, IdSchema, roles as knownRoles, type Role } from '@rapport/shared';
import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Principal } from './principal';

export type TokenVerifierOptions = {
  /** Where signing keys come from: a remote JWKS (with rollover) or the local issuer's. */
  keys: JWTVerifyGetKey;
  /** The API's app id URI and/or client id: Entra puts either in `aud`, depending on the token version. */
  audience: string | string[];
  /** The delegated scope a token must carry (`scp`), e.g. `access_as_user`. */
  requiredScope: string;
  /** The accepted issuer for a token, given its tenant (Entra issues per tenant). */
  issuerFor: (tenantId: string) => string;
  /** The clock (ms), for tests. */
  now?: () => number;
};

// Only asymmetric RS256: an HS256 token signed with a public key, or alg none, never passes.
const ALLOWED_ALGORITHMS = ['RS256'];
const CLOCK_TOLERANCE_SECONDS = 300;
/**
 * A token found valid is not verified again for this long (nor past its expiry): a pane sends the same token with every
 * request for an hour, and its signature check was the largest part of a lookup's CPU time. At most so many are kept.
 */
const VERIFIED_KEPT_MS = 5 * 60_000;
const VERIFIED_KEPT_AT_MOST = 1_000;
// jose's errors that mean "this token is not acceptable"; any other failure (keys unreachable) is ours.
const TOKEN_FAULTS = [
  joseErrors.JWTExpired,
  joseErrors.JWTClaimValidationFailed,
  joseErrors.JWTInvalid,
  joseErrors.JWSInvalid,
  joseErrors.JOSEAlgNotAllowed,
  joseErrors.JOSENotSupported,
  joseErrors.JWKSNoMatchingKey,
  joseErrors.JWKSMultipleMatchingKeys,
  joseErrors.JWSSignatureVerificationFailed,
];

/** What a valid token says: tenant, user, and the app roles the directory assigned (maybe none). */
export type VerifiedToken = Omit<Principal, 'roles'> & { roles: Role[]; email?: string };

export type TokenVerifier = (authorization: string | null) => Promise<VerifiedToken>;

/**
 * Validates a bearer token: signature against the issuer's keys, algorithm, audience, issuer,
 * expiry and not-before, the delegated scope, then reads tenant (`tid`), user (`oid`) and the app
 * roles it carries (none when the directory assigns none: the tenant's member records decide then).
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const now = options.now ?? Date.now;
  // Tokens found valid, by their whole text, until when they may be taken as verified: the oldest first.
  const verifiedTokens = new Map<string, { verified: VerifiedToken; until: number }>();
  const verify = verifyWith(options, now);
  return async (authorization) => {
    const token = bearerToken(authorization);
    const kept = verifiedTokens.get(token);
    if (kept && kept.until > now()) return kept.verified;
    if (kept) verifiedTokens.delete(token);
    const { verified, expiresAt } = await verify(token);
    // Shared by every request with the token: nothing may change it.
    Object.freeze(verified.roles);
    Object.freeze(verified);
    verifiedTokens.set(token, { verified, until: Math.min(now() + VERIFIED_KEPT_MS, expiresAt * 1000) });
    const oldest = verifiedTokens.keys().next();
    if (verifiedTokens.size > VERIFIED_KEPT_AT_MOST && !oldest.done) verifiedTokens.delete(oldest.value);
    return verified;
  };
}

function verifyWith(options: TokenVerifierOptions, now: () => number): (token: string) => Promise<{ verified: VerifiedToken; expiresAt: number }> {
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, options.keys, {
        algorithms: ALLOWED_ALGORITHMS,
        audience: options.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(now()),
        requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
      }));
    } catch (error) {
      if (TOKEN_FAULTS.some((fault) => error instanceof fault)) throw invalidToken(describeJoseError(error));
      if (error instanceof TypeError && /JWS|JWT|key/i.test(error.message)) throw invalidToken('it is not a valid signed token');
      throw new CrmError('unavailable', 'AUTH.KEYS_UNAVAILABLE', 'Sign-in keys could not be fetched from the identity provider just now. Try again in a minute.');
    }
    const tenantId = IdSchema.safeParse(payload.tid);
    const userId = IdSchema.safeParse(payload.oid);
    if (!tenantId.success || !userId.success) throw invalidToken('the token has no valid tid or oid claim');
    if (payload.iss !== options.issuerFor(tenantId.data)) throw invalidToken('the token comes from an issuer this API does not trust');
    // An app-only token (client credentials) has roles but no scp: it acts for no user and is refused.
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(options.requiredScope)) {
      throw new CrmError('forbidden', 'AUTH.SCOPE_MISSING', `The access token lacks the "${options.requiredScope}" scope this API requires. Sign in to Rapport again.`);
    }
    const claimedRoles = Array.isArray(payload.roles) ? payload.roles : [];
    const roles = claimedRoles.filter((role): role is Role => (knownRoles as readonly unknown[]).includes(role));
    const verified: VerifiedToken = { tenantId: tenantId.data, userId: userId.data, roles };
    if (typeof payload.name === 'string') verified.name = payload.name.slice(0, 200);
    const email = [payload.preferred_username, payload.email, payload.upn].find((value) => typeof value === 'string' && value.includes('@'));
    if (typeof email === 'string') verified.email = email.slice(0, 320);
    return { verified, expiresAt: payload.exp ?? 0 };
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
